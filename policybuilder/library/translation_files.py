"""The translation files, next to their English source in clauses/:

- a clause's translation beside the clause: NN-section/slug.fr.md, with front matter `title`,
  `translates` (the source revision of the English it translates) and `review` ("machine" until an
  editor confirms it); its body is the whole clause in French, Jinja included;
- section titles in sections.fr.yaml, service texts (purpose, what it receives) in services.fr.yaml:
  lists of entries with `slug`, the translated fields, `translates` and `review`.
"""

from pathlib import Path
from typing import Any

from policybuilder.languages import TRANSLATED
from policybuilder.library.types import TranslationData

TRANSLATION_KEYS = {"title", "translates", "review"}
REVIEWS = ("machine", "confirmed")


def clause_translation_name(path: Path) -> tuple[str, str] | None:
    """(slug, language) for a clause translation's file name (rights.fr.md), or None for an English clause."""
    slug, dot, code = path.stem.rpartition(".")
    return (slug, code) if dot and code in TRANSLATED else None


def _checked(meta: dict[str, Any], name: str, error: type[ValueError]) -> tuple[str, str]:
    translates, review = str(meta.get("translates") or ""), str(meta.get("review") or "machine")
    if not translates:
        raise error(f"{name}: a translation needs `translates`, the revision of the English it translates")
    if review not in REVIEWS:
        raise error(f"{name}: `review` is one of {', '.join(REVIEWS)}, not {review!r}")
    return translates, review


def clause_translation_read(path: Path, *, split: Any, error: type[ValueError]) -> TranslationData:
    """One clause translation; `split` is files.clause_split (front matter and body)."""
    name = f"{path.parent.name}/{path.name}"
    slug, code = clause_translation_name(path) or ("", "")
    meta, body = split(path.read_text(encoding="utf-8"), name=name, keys=TRANSLATION_KEYS)
    if not meta.get("title"):
        raise error(f"{name}: the front matter needs a title")
    translates, review = _checked(meta, name, error)
    return TranslationData("clause", slug, code, str(meta["title"]), body, (), translates, review)


def _entries(path: Path, kind: str, code: str, read: Any, error: type[ValueError]) -> list[TranslationData]:
    if not path.is_file():
        return []
    found = []
    for n, entry in enumerate(read(path) or []):
        name = f"{path.name}, entry {n + 1}"
        if not isinstance(entry, dict) or not entry.get("slug"):
            raise error(f"{name}: each entry is a mapping with a slug")
        translates, review = _checked(entry, name, error)
        if kind == "section":
            found.append(TranslationData(kind, entry["slug"], code, str(entry.get("title") or ""), "", (), translates, review))  # fmt: skip
        else:
            receives = tuple(str(phrase) for phrase in entry.get("receives") or ())
            found.append(TranslationData(kind, entry["slug"], code, "", str(entry.get("purpose") or ""), receives, translates, review))  # fmt: skip
    return found


def translations_read(
    directory: Path, *, read: Any, split: Any, error: type[ValueError]
) -> tuple[TranslationData, ...]:
    """Every translation file under `directory`; `read` loads YAML, `split` splits a clause file."""
    found: list[TranslationData] = []
    for path in sorted(directory.glob("[0-9]*-*/*.md")):
        if clause_translation_name(path):
            found.append(clause_translation_read(path, split=split, error=error))
    for code in TRANSLATED:
        found += _entries(directory / f"sections.{code}.yaml", "section", code, read, error)
        found += _entries(directory / f"services.{code}.yaml", "service", code, read, error)
    return tuple(found)


def clause_translation_text(data: TranslationData, *, scalar: Any) -> str:
    return (
        f"---\ntitle: {scalar(data.title)}\ntranslates: {scalar(data.translates)}\nreview: {data.review}\n---\n"
        f"{data.body.strip()}\n"
    )


def entries_text(translations: list[TranslationData], *, scalar: Any) -> str:
    """sections.<code>.yaml or services.<code>.yaml for these translations, in the order given."""
    blocks = []
    for t in translations:
        lines = [f"- slug: {scalar(t.key)}"]
        if t.kind == "section":
            lines.append(f"  title: {scalar(t.title)}")
        else:
            lines += [f"  purpose: {scalar(t.body)}", "  receives:", *(f"    - {scalar(p)}" for p in t.receives)]
        lines += [f"  translates: {scalar(t.translates)}", f"  review: {t.review}"]
        blocks.append("\n".join(lines))
    return "\n".join(blocks) + "\n" if blocks else ""


def translation_files(
    translations: tuple[TranslationData, ...], *, clause_paths: dict[str, Path], directory: Path, scalar: Any
) -> dict[Path, str]:
    """The file text for every translation: clause translations beside their clause (`clause_paths`:
    slug -> the English clause's path), the others in one file per kind and language."""
    wanted: dict[Path, str] = {}
    grouped: dict[Path, list[TranslationData]] = {}
    for t in translations:
        if t.kind == "clause" and t.key in clause_paths:
            english = clause_paths[t.key]
            wanted[english.with_name(f"{t.key}.{t.language}.md")] = clause_translation_text(t, scalar=scalar)
        elif t.kind in ("section", "service"):
            grouped.setdefault(directory / f"{t.kind}s.{t.language}.yaml", []).append(t)
    wanted |= {path: entries_text(entries, scalar=scalar) for path, entries in grouped.items()}
    return wanted
