"""Read the clause library from its files (clauses/) into plain data.

Layout: sections.yaml, services.yaml, laws.yaml and one Markdown file a clause at
NN-section/slug.md, each with YAML front matter (title, order, when, satisfies, sources).
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from policybuilder.library.service_fields import (
    checked_from,
    entities_from,
    entity_lines,
    extra_lines,
    retention_from,
)
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


def clause_split(text: str, *, name: str) -> tuple[dict[str, Any], str]:
    """Split a clause file into its front matter and its body."""
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
    unknown = set(meta) - CLAUSE_KEYS
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
    for folder in sorted(p for p in directory.iterdir() if p.is_dir()):
        number, _, slug = folder.name.partition("-")
        if slug not in known or not number.isdigit():
            raise LibraryFileError(f"{folder.name}: folder is not NN-<section> for a section in sections.yaml")
        clauses.extend(_clause_read(path, slug) for path in sorted(folder.glob("*.md")))
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
    )


# --- writing: `manage.py dumpclauses` ----------------------------------------------------------
# One canonical layout, so that loading then dumping an unchanged library leaves every file as it
# was, and an editor's change shows in git as the lines it touched.

SERVICES_HEADER = "# The service catalogue: every service a shop can pick in the questionnaire.\n\n"
_SEPARATOR_WIDTH = 81


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    def summary(self) -> str:
        return f"{len(self.written)} files written, {len(self.removed)} removed, {self.unchanged} unchanged"


def yaml_scalar(value: str, *, flow: bool = False) -> str:
    """`value` as YAML: plain when it reads back as the same string, else double-quoted (JSON's quoting is YAML's)."""
    try:
        plain = yaml.safe_load(f"k: [{value}]" if flow else f"k: {value}") == {"k": [value] if flow else value}
    except yaml.YAMLError:
        plain = False
    return value if plain and value == value.strip() and "\n" not in value else json.dumps(value, ensure_ascii=False)


def clause_text(data: ClauseData) -> str:
    """The file for one clause: front matter in a fixed key order, then the body."""
    satisfies = ", ".join(yaml_scalar(item, flow=True) for item in data.satisfies)
    sources = ", ".join(json.dumps(source, ensure_ascii=False) for source in data.sources)  # free text: always quoted
    return (
        f"---\ntitle: {yaml_scalar(data.title)}\norder: {data.order}\nwhen: {yaml_scalar(data.when)}\n"
        f"satisfies: [{satisfies}]\nsources: [{sources}]\n---\n{data.body.strip()}\n"
    )


def _service_lines(service: ServiceData) -> list[str]:
    lines = [f"- slug: {yaml_scalar(service.slug)}"]
    lines += [f"  {key}: {yaml_scalar(getattr(service, key))}" for key in ("name", "kind", "company")]
    lines += entity_lines(service.entities, scalar=yaml_scalar)
    lines += [f"  {key}: {yaml_scalar(getattr(service, key))}" for key in ("country", "privacy_url")]
    lines += ["  receives:", *(f"    - {yaml_scalar(phrase)}" for phrase in service.receives)]
    lines += [f"  purpose: {yaml_scalar(service.purpose)}", f"  role: {yaml_scalar(service.role)}"]
    lines += [
        f"  {key}: {yaml_scalar(v) if (v := getattr(service, key)) else 'null'}" for key in ("safeguard", "opt_out_url")
    ]
    lines += [] if service.sets_cookies else ["  sets_cookies: false"]
    return lines + extra_lines(retention_months=service.retention_months, checked=service.checked, scalar=yaml_scalar)


def _line_key(slug: str, line: str) -> tuple[str, str]:
    """What a comment above `line` belongs to: the entry's slug and the line's key (or list item)."""
    text = line.strip()
    return slug, text if text.startswith("- ") and not line.startswith("- ") else text.partition(":")[0]


def _services_comments(previous: str) -> tuple[str, dict[tuple[str, str], list[str]]]:
    """The header of an existing services.yaml, and its other comments keyed by the line they sit above."""
    header: list[str] = []
    comments: dict[tuple[str, str], list[str]] = {}
    pending: list[str] = []
    slug: str | None = None  # None while still in the header
    for line in previous.splitlines():
        if line.startswith("# --- ") or (slug is None and line.startswith("- ")):
            slug = slug or ""  # the header ends; separators are written afresh
        if slug is None:
            header.append(line)
        elif line.lstrip().startswith("#") and not line.startswith("# --- "):
            pending.append(line)
        elif line.strip() and not line.startswith("# --- "):
            if line.startswith("- slug:"):
                slug = str(yaml.safe_load(line[2:])["slug"])
            if pending:
                comments[_line_key(slug, line)], pending = pending, []
    text = "\n".join(header).strip()
    return (text + "\n\n" if text else SERVICES_HEADER), comments


def services_text(services: list[ServiceData], *, previous: str = "") -> str:
    """services.yaml for `services` (in catalogue order), keeping `previous`'s header and comments."""
    header, comments = _services_comments(previous)
    blocks, kind = [], None
    for service in services:
        lines = []
        if service.kind != kind:
            kind, rule = service.kind, f"# --- {service.kind} "
            lines.append(rule + "-" * (_SEPARATOR_WIDTH - len(rule)))
        for line in _service_lines(service):
            lines += [*comments.get(_line_key(service.slug, line), []), line]
        blocks.append("\n".join(lines))
    return header + "\n\n".join(blocks) + "\n"


def clause_path(directory: Path, data: ClauseData, *, sections: dict[str, SectionData]) -> Path:
    return directory / f"{sections[data.section].order:02d}-{data.section}" / f"{data.slug}.md"


def _write_if_changed(path: Path, text: str, report: WriteReport, *, root: Path) -> None:
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        report.unchanged += 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    report.written.append(str(path.relative_to(root)))


def library_files_write(directory: Path, *, data: LibraryData) -> WriteReport:
    """Write the clauses and services of `data` into `directory` (`manage.py dumpclauses`).

    Files whose text would not change are not touched; clause files of clauses no longer in
    `data` (or now in another section) are removed. Sections, laws and legal items are not
    edited in the admin, so their files are left as they are.
    """
    report = WriteReport()
    sections = {s.slug: s for s in data.sections}
    wanted = {clause_path(directory, c, sections=sections): clause_text(c) for c in data.clauses}
    for path, text in wanted.items():
        _write_if_changed(path, text, report, root=directory)
    for path in sorted(directory.glob("[0-9]*-*/*.md")):
        if path not in wanted:
            path.unlink()
            report.removed.append(str(path.relative_to(directory)))
            if not any(path.parent.iterdir()):
                path.parent.rmdir()
    services_path = directory / "services.yaml"
    previous = services_path.read_text(encoding="utf-8") if services_path.is_file() else ""
    _write_if_changed(services_path, services_text(list(data.services), previous=previous), report, root=directory)
    return report
