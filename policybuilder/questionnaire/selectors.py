"""Reads for the questionnaire: the catalogue as form choices, drafts by token."""

from django.contrib.sessions.backends.base import SessionBase

from policybuilder.documents.engine import CompiledLibrary, library_current
from policybuilder.questionnaire.fields import Catalogue
from policybuilder.questionnaire.models import Draft

SESSION_KEY = "draft_token"


def catalogue_choices(*, library: CompiledLibrary | None = None) -> Catalogue:
    """The catalogue's services as checkbox choices, grouped by kind and sorted by name."""
    library = library or library_current()
    grouped: Catalogue = {}
    for service in sorted(library.catalogue.values(), key=lambda s: s.name.lower()):
        grouped.setdefault(service.kind, []).append((service.slug, service.name))
    return grouped


def draft_by_token(*, token: str) -> Draft | None:
    return Draft.objects.filter(token=token).first()


def draft_of_session(*, session: SessionBase) -> Draft | None:
    """The draft this browser is working on, if any."""
    token = session.get(SESSION_KEY)
    return draft_by_token(token=token) if isinstance(token, str) else None
