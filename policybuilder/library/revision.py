"""The library revision as this process last read it.

Assembling a policy or showing a wizard page needs to know whether the library changed, but not to
the millisecond: reading the token from the database at most every LIBRARY_RECHECK_SECONDS saves a
query per request. A change made in this process is seen at once (the bump forgets the token read);
one made by another worker or by `loadclauses` is seen within that many seconds.
"""

import time

from django.conf import settings

from policybuilder.library.selectors import library_revision

_known: tuple[str, float] | None = None  # (token, when it was read, by time.monotonic)


def revision_current() -> str:
    """The library's revision token, read again from the database once the one known is too old."""
    global _known
    known = _known
    if known is not None and time.monotonic() - known[1] < settings.LIBRARY_RECHECK_SECONDS:
        return known[0]
    token = library_revision()  # two threads may both read it: harmless, and no lock to hold
    _known = (token, time.monotonic())
    return token


def revision_forget() -> None:
    """Make the next revision_current() read the database (after a change, or between tests)."""
    global _known
    _known = None
