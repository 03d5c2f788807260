"""Bump the library revision whenever a library row changes."""

from typing import Any
from uuid import uuid4

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

from policybuilder.library.models import Clause, Law, LegalItem, LibraryRevision, Section, Service
from policybuilder.library.revision import revision_forget

# Sent after every revision bump, inside the transaction that changed the library: receivers that
# look at the new library register their work with transaction.on_commit (publishing/signals.py).
library_changed = Signal()


def library_revision_bump(**_: Any) -> None:
    LibraryRevision.objects.update_or_create(pk=1, defaults={"token": uuid4().hex})
    # Forget the token this process knows now (this transaction reads the new one) and again once the
    # change is committed, in case another thread read the old one meanwhile.
    revision_forget()
    transaction.on_commit(revision_forget)
    library_changed.send(sender=LibraryRevision)


for model in (Section, Clause, Service, Law, LegalItem):
    post_save.connect(library_revision_bump, sender=model, dispatch_uid=f"bump-{model.__name__}-save")
    post_delete.connect(library_revision_bump, sender=model, dispatch_uid=f"bump-{model.__name__}-delete")
