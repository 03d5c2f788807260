"""Bump the library revision whenever a library row changes."""

from typing import Any
from uuid import uuid4

from django.db.models.signals import post_delete, post_save

from policybuilder.library.models import Clause, Law, LegalItem, LibraryRevision, Section, Service


def library_revision_bump(**_: Any) -> None:
    LibraryRevision.objects.update_or_create(pk=1, defaults={"token": uuid4().hex})


for model in (Section, Clause, Service, Law, LegalItem):
    post_save.connect(library_revision_bump, sender=model, dispatch_uid=f"bump-{model.__name__}-save")
    post_delete.connect(library_revision_bump, sender=model, dispatch_uid=f"bump-{model.__name__}-delete")
