"""What a clause can read: the names in the facts context, typed from the real fact dataclasses.

One source for the validator (a misspelt `shop.nmae` is caught on save, with the line) and for the
list of variables shown beside the editor, so the two cannot drift apart.
"""

import dataclasses
import inspect
import re
import types
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Union, cast, get_args, get_origin, get_type_hints

from django.conf import settings

from policybuilder.documents.engine import facts_context
from policybuilder.documents.facts import PolicyFacts

LOOP_ATTRIBUTES: dict[str, Any] = {
    "index": int, "index0": int, "revindex": int, "revindex0": int, "first": bool, "last": bool, "length": int,
    "depth": int, "depth0": int, "previtem": Any, "nextitem": Any, "cycle": Any, "changed": Any,
}  # fmt: skip


class LoopType:
    """The type of Jinja's `loop` variable inside a for loop."""


class _AttributeNames:
    def __getattr__(self, name: str) -> str:
        return name


@cache
def fact_names() -> dict[str, str]:
    """Each name a clause may use -> the PolicyFacts attribute behind it (read from facts_context itself)."""
    return facts_context(cast(PolicyFacts, _AttributeNames()))


def optional_inner(kind: Any) -> Any:
    """`X | None` -> X; anything else as it is."""
    if get_origin(kind) in (Union, types.UnionType):
        inner = [arg for arg in get_args(kind) if arg is not type(None)]
        return inner[0] if len(inner) == 1 else Any
    return kind


def element_type(kind: Any) -> Any | None:
    """The item type of a tuple or list type, or None when `kind` is not a sequence."""
    kind = optional_inner(kind)
    if get_origin(kind) in (tuple, list) and get_args(kind):
        return get_args(kind)[0]
    return None


@cache
def attributes(kind: Any) -> dict[str, Any]:
    """The attributes a clause may read on a fact of type `kind` (fields and properties), with their types."""
    if not (inspect.isclass(kind) and dataclasses.is_dataclass(kind)):
        return {}
    hints = get_type_hints(kind)
    found = {f.name: hints.get(f.name, Any) for f in dataclasses.fields(kind)}
    for name, member in inspect.getmembers(kind, lambda m: isinstance(m, property)):
        found[name] = get_type_hints(member.fget).get("return", Any)
    return {n: t for n, t in found.items() if not n.startswith("_")}


@cache
def top_level_types() -> dict[str, Any]:
    """Every name a clause may use, with its type."""
    facts = attributes(PolicyFacts)
    return {name: facts[attribute] for name, attribute in fact_names().items()}


def type_label(kind: Any) -> str:
    """A short, plain name for a type: "text", "yes/no", "list of Provider", "Provider or nothing"."""
    plain = {str: "text", bool: "yes/no", int: "number", float: "number"}
    if get_origin(kind) in (Union, types.UnionType):
        return f"{type_label(optional_inner(kind))} or nothing"
    item = element_type(kind)
    if item is not None:
        return f"list of {type_label(item)}"
    name: str = getattr(kind, "__name__", "value")
    return plain.get(kind) or name


@dataclass(frozen=True)
class Variable:
    name: str
    kind: str
    description: str
    attributes: tuple[str, ...]  # what `.x` offers on it, or on each of its items


@cache
def readme_descriptions() -> dict[str, str]:
    """The description column of clauses/README.md's variable table, by every name its first cell lists."""
    path = Path(settings.CLAUSES_DIR) / "README.md"
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines() if path.is_file() else ():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 2 and "`" in cells[0]:
            for name in re.findall(r"`([\w.]+)`", cells[0]):
                found.setdefault(name.split(".")[0], cells[1])
    return found


def variables_list() -> list[Variable]:
    """The variables shown beside the clause editor, in the facts context's order."""
    described = readme_descriptions()
    listed = []
    for name, kind in top_level_types().items():
        inner = element_type(kind) or optional_inner(kind)
        listed.append(
            Variable(
                name=name,
                kind=type_label(kind),
                description=described.get(name, ""),
                attributes=tuple(sorted(attributes(inner))),
            )
        )
    return listed
