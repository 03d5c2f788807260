import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the clause library loaded from clauses/."""
    with django_db_blocker.unblock():
        call_command("loadclauses", verbosity=0)


@pytest.fixture(autouse=True)
def _rate_limit_counters_cleared():
    """Every test starts with fresh rate-limit counters (they live in the default cache), so one test's
    requests never count against another's."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _library_revision_forgotten():
    """A test's library changes are rolled back with its transaction, so the revision token this process
    remembers (library/revision.py) must not outlive the test."""
    from policybuilder.library.revision import revision_forget

    revision_forget()
    yield
    revision_forget()


@pytest.fixture(autouse=True)
def _public_states_forgotten():
    """Each process remembers public pages' states for a moment (publishing/public_cache.py); a test's
    publications are rolled back with it, so what this process remembers must not outlive the test."""
    from policybuilder.publishing.public_cache import public_state_forget

    public_state_forget()
    yield
    public_state_forget()
