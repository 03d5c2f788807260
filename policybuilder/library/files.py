"""Read the clause library from its files (clauses/) into plain data.

Layout: sections.yaml, services.yaml, laws.yaml and one Markdown file a clause at
NN-section/slug.md, each with YAML front matter (title, order, when, satisfies, sources).
"""

from pathlib import Path
from typing import Any

import yaml

from policybuilder.library.service_fields import checked_from, entities_from, retention_from
from policybuilder.library.translation_files import clause_translation_name, translations_read
from policybuilder.library.types import (
    ClauseData,
    LawData,
    LegalItemData,
    LibraryData,
    SectionData,
    ServiceData,
)

CLAUSE_KEYS = {"title", "section", "order", "when", "satisfies", "sources"}


class LibraryFileError(ValueError):
    """A library file that cannot be read; the message names the file and what is wrong."""


# libyaml's safe loader where PyYAML was built with it (the wheels are): four times faster on a catalogue
# of thousands of services, which is most of a fresh `loadclauses`.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)  # noqa: S506 (a safe loader)
    except (OSError, yaml.YAMLError) as exc:
        raise LibraryFileError(f"{path}: {exc}") from exc


def clause_split(text: str, *, name: str, keys: set[str] = CLAUSE_KEYS) -> tuple[dict[str, Any], str]:
    """Split a clause file (or a clause translation's, whose front matter has other `keys`) into its front
    matter and its body."""
    if not text.startswith("---\n"):
        raise LibraryFileError(f"{name}: a clause file starts with a '---' line and YAML front matter")
    head, sep, body = text[4:].partition("\n---\n")
    if not sep:
        raise LibraryFileError(f"{name}: the front matter has no closing '---' line")
    try:
        meta = yaml.safe_load(head) or {}
    except yaml.YAMLError as exc:
        raise LibraryFileError(f"{name}: front matter is not valid YAML: {exc}") from exc
    if not isinstance(meta, dict):
        raise LibraryFileError(f"{name}: front matter must be a mapping of keys")
    unknown = set(meta) - keys
    if unknown:
        raise LibraryFileError(f"{name}: unknown front-matter keys {sorted(unknown)}")
    return meta, body.strip() + "\n"


def _clause_read(path: Path, section: str) -> ClauseData:
    name = f"{path.parent.name}/{path.name}"
    meta, body = clause_split(path.read_text(encoding="utf-8"), name=name)
    if meta.get("section", section) != section:
        raise LibraryFileError(f"{name}: section '{meta['section']}' does not match its folder '{section}'")
    if not meta.get("title"):
        raise LibraryFileError(f"{name}: the front matter needs a title")
    for key in ("satisfies", "sources"):
        if not all(isinstance(v, str) for v in meta.get(key) or ()):
            raise LibraryFileError(f"{name}: every entry of '{key}' must be a quoted string")
    return ClauseData(
        slug=path.stem,
        section=section,
        title=str(meta["title"]),
        order=int(meta.get("order", 0)),
        when=str(meta.get("when", "true")),
        satisfies=tuple(meta.get("satisfies") or ()),
        sources=tuple(meta.get("sources") or ()),
        body=body,
    )


def _sections_read(directory: Path) -> tuple[SectionData, ...]:
    entries = _yaml(directory / "sections.yaml")
    return tuple(SectionData(slug=s["slug"], title=s["title"], order=i + 1) for i, s in enumerate(entries))


def _clauses_read(directory: Path, sections: tuple[SectionData, ...]) -> tuple[ClauseData, ...]:
    known = {s.slug: s for s in sections}
    clauses: list[ClauseData] = []
    # glossary/ holds each language's legal terms (translation_files.py), not clauses.
    for folder in sorted(p for p in directory.iterdir() if p.is_dir() and p.name != "glossary"):
        number, _, slug = folder.name.partition("-")
        if slug not in known or not number.isdigit():
            raise LibraryFileError(f"{folder.name}: folder is not NN-<section> for a section in sections.yaml")
        # slug.fr.md beside slug.md is a translation (translation_files.py), not a clause of its own.
        english = [path for path in sorted(folder.glob("*.md")) if not clause_translation_name(path)]
        clauses.extend(_clause_read(path, slug) for path in english)
    slugs = [c.slug for c in clauses]
    duplicates = sorted({s for s in slugs if slugs.count(s) > 1})
    if duplicates:
        raise LibraryFileError(f"clause file names must be unique across sections: {duplicates}")
    return tuple(clauses)


def _services_read(directory: Path) -> tuple[ServiceData, ...]:
    return tuple(
        ServiceData(
            slug=s["slug"],
            name=s["name"],
            kind=s["kind"],
            company=s["company"],
            country=s["country"],
            privacy_url=s["privacy_url"],
            receives=tuple(s["receives"]),
            purpose=s["purpose"],
            role=s["role"],
            safeguard=s.get("safeguard") or "",
            opt_out_url=s.get("opt_out_url") or "",
            sets_cookies=bool(s.get("sets_cookies", True)),
            entities=entities_from(s.get("entities")),
            retention_months=retention_from(s.get("retention_months")),
            checked=checked_from(s.get("checked")),
        )
        for s in _yaml(directory / "services.yaml")
    )


def _laws_read(directory: Path) -> tuple[tuple[LawData, ...], tuple[LegalItemData, ...]]:
    data = _yaml(directory / "laws.yaml")
    laws = tuple(
        LawData(
            code=law["code"],
            name=law["name"],
            citation=law["citation"],
            applies=law["applies"],
            authority=law["authority"],
            authority_url=law["authority_url"],
        )
        for law in data["laws"]
    )
    items = tuple(
        LegalItemData(
            item_id=item["id"],
            law=item["law"],
            citation=item["citation"],
            summary=item["summary"],
            level=item["level"],
            applies=str(item.get("applies", "true")),
            hint=item["hint"],
            covered_if=str(item.get("covered_if", "true")),
        )
        for item in data["items"]
    )
    return laws, items


def library_files_read(directory: Path) -> LibraryData:
    """Read every library file under `directory`; raises LibraryFileError naming the bad file."""
    if not directory.is_dir():
        raise LibraryFileError(f"{directory}: no such clause library folder")
    try:
        sections = _sections_read(directory)
        laws, items = _laws_read(directory)
        services = _services_read(directory)
    except (KeyError, TypeError) as exc:
        raise LibraryFileError(f"{directory}: a library file lacks a required key: {exc}") from exc
    return LibraryData(
        sections=sections,
        clauses=_clauses_read(directory, sections),
        services=services,
        laws=laws,
        items=items,
        translations=translations_read(directory, read=_yaml, split=clause_split, error=LibraryFileError),
    )
