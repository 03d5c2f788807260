"""Reads for the questionnaire: the catalogue as form choices, drafts by token."""

from django.contrib.sessions.backends.base import SessionBase

from policybuilder.documents.engine import CompiledLibrary, library_current
from policybuilder.library.types import ServiceData
from policybuilder.questionnaire.models import Draft
from policybuilder.questionnaire.picker import MATCHES_SHOWN, Catalogue, KindChoices, kind_choices, name_matches

SESSION_KEY = "draft_token"

# The choices, with the compiled catalogue they were built from: every wizard request asks for them,
# and at 5,000 services building them takes about as long as the rest of a page (7 ms).
_choices: tuple[dict[str, ServiceData], Catalogue] | None = None


def catalogue_choices(*, library: CompiledLibrary | None = None) -> Catalogue:
    """The catalogue's services as the forms offer them, by kind; built once per library revision
    (the engine compiles one catalogue per revision, so its identity stands for the revision)."""
    global _choices
    library = library or library_current()
    known = _choices
    if known is not None and known[0] is library.catalogue:
        return known[1]
    grouped: dict[str, list[tuple[str, str]]] = {}
    for service in library.catalogue.values():  # in the catalogue's order: the best known first
        grouped.setdefault(service.kind, []).append((service.slug, service.name))
    choices = {kind: kind_choices(kind, services) for kind, services in grouped.items()}
    _choices = (library.catalogue, choices)
    return choices


def service_names(*, kind: str, typed: str) -> list[str]:
    """The names of the first services of a kind whose names contain what was typed, by name."""
    services = catalogue_choices().get(kind) or KindChoices()
    return [services.labels[slug] for slug in name_matches(services, typed)[:MATCHES_SHOWN]]


def draft_by_token(*, token: str) -> Draft | None:
    return Draft.objects.filter(token=token).first()


def draft_of_session(*, session: SessionBase) -> Draft | None:
    """The draft this browser is working on, if any."""
    token = session.get(SESSION_KEY)
    return draft_by_token(token=token) if isinstance(token, str) else None
