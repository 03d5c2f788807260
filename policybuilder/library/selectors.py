"""Reads of the library's database copy."""

import hashlib
import json
from dataclasses import asdict
from typing import Any

from policybuilder.library.models import Clause, Law, LegalItem, LibraryRevision, Section, Service
from policybuilder.library.types import (
    ClauseData,
    LawData,
    LegalItemData,
    LibraryData,
    SectionData,
    ServiceData,
)


def data_hash(data: Any) -> str:
    """A stable fingerprint of one library entry, to tell edited rows from loaded ones."""
    return hashlib.sha256(json.dumps(asdict(data), sort_keys=True).encode()).hexdigest()


def library_revision() -> str:
    """The current revision token: it changes whenever any library row does."""
    return LibraryRevision.objects.filter(pk=1).values_list("token", flat=True).first() or ""


def clause_data(row: Clause) -> ClauseData:
    return ClauseData(
        slug=row.slug,
        section=row.section.slug,
        title=row.title,
        order=row.order,
        when=row.when,
        satisfies=tuple(row.satisfies),
        sources=tuple(row.sources),
        body=row.body,
    )


def service_data(row: Service) -> ServiceData:
    return ServiceData(
        slug=row.slug,
        name=row.name,
        kind=row.kind,
        company=row.company,
        country=row.country,
        privacy_url=row.privacy_url,
        receives=tuple(row.receives),
        purpose=row.purpose,
        role=row.role,
        safeguard=row.safeguard,
        opt_out_url=row.opt_out_url,
        sets_cookies=row.sets_cookies,
    )


def library_snapshot() -> LibraryData:
    """The whole library as plain data, read at one revision."""
    revision = library_revision()
    return LibraryData(
        sections=tuple(SectionData(slug=s.slug, title=s.title, order=s.order) for s in Section.objects.all()),
        clauses=tuple(clause_data(c) for c in Clause.objects.select_related("section")),
        services=tuple(service_data(s) for s in Service.objects.all()),
        laws=tuple(
            LawData(
                code=law.code,
                name=law.name,
                citation=law.citation,
                applies=law.applies,
                authority=law.authority,
                authority_url=law.authority_url,
            )
            for law in Law.objects.all()
        ),
        items=tuple(
            LegalItemData(
                item_id=i.item_id,
                law=i.law,
                citation=i.citation,
                summary=i.summary,
                level=i.level,
                applies=i.applies,
                hint=i.hint,
            )
            for i in LegalItem.objects.all()
        ),
        revision=revision,
    )
