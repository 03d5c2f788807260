"""Write the clause library back to its files (`manage.py dumpclauses`): one canonical layout, so that
loading then dumping an unchanged library leaves every file as it was, and an editor's change shows in
git as the lines it touched."""

import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from policybuilder.library.service_fields import entity_lines, extra_lines
from policybuilder.library.translation_files import translation_files
from policybuilder.library.types import ClauseData, LibraryData, SectionData, ServiceData

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
    english = {c.slug: clause_path(directory, c, sections=sections) for c in data.clauses}
    translated = translation_files(data.translations, clause_paths=english, directory=directory, scalar=yaml_scalar)
    wanted |= translated
    for path, text in wanted.items():
        _write_if_changed(path, text, report, root=directory)
    for path in sorted(directory.glob("[0-9]*-*/*.md")):
        if path not in wanted:
            path.unlink()
            report.removed.append(str(path.relative_to(directory)))
            if not any(path.parent.iterdir()):
                path.parent.rmdir()
    for path in sorted(directory.glob("s*.*.yaml")):  # sections.fr.yaml, services.fr.yaml
        if path not in wanted and path.name.split(".")[0] in ("sections", "services"):
            path.unlink()
            report.removed.append(str(path.relative_to(directory)))
    services_path = directory / "services.yaml"
    previous = services_path.read_text(encoding="utf-8") if services_path.is_file() else ""
    _write_if_changed(services_path, services_text(list(data.services), previous=previous), report, root=directory)
    return report
