"""Plain, immutable copies of the library, shared by the file reader and the database reader."""

from dataclasses import dataclass


@dataclass(frozen=True)
class SectionData:
    slug: str
    title: str
    order: int


@dataclass(frozen=True)
class ClauseData:
    slug: str
    section: str
    title: str
    order: int
    when: str
    satisfies: tuple[str, ...]
    sources: tuple[str, ...]
    body: str


@dataclass(frozen=True)
class ServiceData:
    slug: str
    name: str
    kind: str
    company: str
    country: str
    privacy_url: str
    receives: tuple[str, ...]
    purpose: str
    role: str
    safeguard: str
    opt_out_url: str
    sets_cookies: bool = True
    # The company customers in a region deal with where it differs from `company`, as (region, company)
    # pairs sorted by region ("EU" for the EU/EEA, else an ISO code such as "GB"): a tuple, so it stays immutable.
    entities: tuple[tuple[str, str], ...] = ()
    retention_months: int | None = None  # how long the tool keeps data unless the shop changes it, where documented
    checked: str = ""  # ISO date the entry's facts were last checked against the company's own pages


@dataclass(frozen=True)
class LawData:
    code: str
    name: str
    citation: str
    applies: str
    authority: str
    authority_url: str


@dataclass(frozen=True)
class LegalItemData:
    item_id: str
    law: str
    citation: str
    summary: str
    level: str
    applies: str
    hint: str
    # A Jinja expression over the facts, evaluated like `applies`: the item counts as covered only when a
    # selected clause satisfies it and this holds (the text then says what the law asks of this shop).
    covered_if: str = "true"


@dataclass(frozen=True)
class TranslationData:
    """One English text in another language, pinned to the revision of the English it translates
    (library/translations.py `source_revision`): when the English changes, the translation is stale."""

    kind: str  # "clause", "section" or "service"
    key: str  # the clause's, section's or service's slug
    language: str  # "fr", "pt-BR" (policybuilder/languages.py)
    title: str  # a clause's or section's title; "" for a service
    body: str  # a clause's body (Markdown and Jinja) or a service's purpose
    receives: tuple[str, ...] = ()  # a service's phrases for what it receives
    translates: str = ""  # the source revision it was made from
    review: str = "machine"  # "machine": needs a native speaker's legal review; "confirmed" by an editor


@dataclass(frozen=True)
class LibraryData:
    sections: tuple[SectionData, ...]
    clauses: tuple[ClauseData, ...]
    services: tuple[ServiceData, ...]
    laws: tuple[LawData, ...]
    items: tuple[LegalItemData, ...]
    revision: str = ""
    translations: tuple[TranslationData, ...] = ()
