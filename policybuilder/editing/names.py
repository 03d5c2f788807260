"""Check every name and attribute a clause reads against the real fact types, before it ever renders.

StrictUndefined already stops a misspelt name at render time, but only on the branch a sample shop
takes: `{% if laws.br %}{{ shop.nmae }}{% endif %}` renders fine for every shop outside Brazil. Walking
the template's syntax tree catches it on save, wherever it sits, with its line.
"""

import difflib
from dataclasses import dataclass
from types import GenericAlias
from typing import Any

from jinja2 import nodes

from policybuilder.documents.sandbox import SAFE_METHODS
from policybuilder.editing.fact_types import (
    LOOP_ATTRIBUTES,
    LoopType,
    attributes,
    element_type,
    optional_inner,
    top_level_types,
    type_label,
)

UNKNOWN: Any = Any  # a value whose type the checker does not follow (a filter's result, a sum)
SEQUENCE_FILTERS = {"list", "reverse", "sort", "unique", "select", "reject", "selectattr", "rejectattr"}
ITEM_FILTERS = {"first", "last", "min", "max"}
ATTRIBUTE_FILTERS = {"selectattr", "rejectattr", "map", "sort", "sum", "unique", "min", "max", "groupby", "join"}
GLOBALS = {"range": UNKNOWN}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a clause: the line in its body (None when not tied to one) and a plain message."""

    line: int | None
    message: str
    field: str = "body"  # the form field it belongs to: body, when or satisfies

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}" if self.line else self.message


def _path(node: nodes.Node) -> str:
    """`shop.eu_representative.name` for a chain of attributes on a name, else `…`."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_path(node.node)}.{node.attr}"
    return "…"


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, node: nodes.Node, message: str) -> None:
        problem = Problem(line=getattr(node, "lineno", None), message=message)
        if problem not in self.problems:
            self.problems.append(problem)

    # --- statements -----------------------------------------------------------------------------
    def block(self, body: list[nodes.Node], scope: dict[str, Any]) -> None:
        for node in body:
            self.statement(node, scope)

    def statement(self, node: nodes.Node, scope: dict[str, Any]) -> None:
        if isinstance(node, nodes.For):
            self.loop(node, scope)
        elif isinstance(node, nodes.Assign):
            self.bind(node.target, self.expr(node.node, scope), scope)
        elif isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values, strict=False):
                self.bind(target, self.expr(value, scope), inner)
            self.block(node.body, inner)
        else:  # Output, If, Scope and the rest: check what they hold, in the same scope
            for child in node.iter_child_nodes():
                if isinstance(child, nodes.Expr):
                    self.expr(child, scope)
                else:
                    self.statement(child, scope)

    def loop(self, node: nodes.For, scope: dict[str, Any]) -> None:
        item = element_type(self.expr(node.iter, scope))
        inner = dict(scope, loop=LoopType)
        self.bind(node.target, UNKNOWN if item is None else item, inner)
        if node.test is not None:
            self.expr(node.test, inner)
        self.block(node.body, inner)
        self.block(node.else_, scope)

    def bind(self, target: nodes.Node, kind: Any, scope: dict[str, Any]) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = kind
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self.bind(item, UNKNOWN, scope)

    # --- expressions ----------------------------------------------------------------------------
    def expr(self, node: nodes.Node, scope: dict[str, Any]) -> Any:
        handler = getattr(self, f"expr_{type(node).__name__}", None)
        if handler is not None:
            return handler(node, scope)
        for child in node.iter_child_nodes():
            self.expr(child, scope)
        if isinstance(node, nodes.Const):
            return type(node.value)
        return UNKNOWN

    def expr_Name(self, node: nodes.Name, scope: dict[str, Any]) -> Any:  # noqa: N802
        if node.name in scope:
            return scope[node.name]
        if node.name in GLOBALS:
            return GLOBALS[node.name]
        close = difflib.get_close_matches(node.name, [*scope, *GLOBALS], n=1)
        hint = f" Did you mean `{close[0]}`?" if close else " The list beside the editor shows every one."
        self.fail(node, f"`{node.name}` is not a variable a clause can use.{hint}")
        return UNKNOWN

    def expr_Getattr(self, node: nodes.Getattr, scope: dict[str, Any]) -> Any:  # noqa: N802
        return self.attribute(node, self.expr(node.node, scope), node.attr)

    def expr_Getitem(self, node: nodes.Getitem, scope: dict[str, Any]) -> Any:  # noqa: N802
        base = self.expr(node.node, scope)
        self.expr(node.arg, scope)
        if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            return self.attribute(node, base, node.arg.value)
        item = element_type(base)
        return UNKNOWN if item is None or isinstance(node.arg, nodes.Slice) else item

    def expr_Filter(self, node: nodes.Filter, scope: dict[str, Any]) -> Any:  # noqa: N802
        base = self.expr(node.node, scope) if node.node is not None else UNKNOWN
        for arg in (*node.args, *(k.value for k in node.kwargs)):
            self.expr(arg, scope)
        item = element_type(base)
        self.filter_attribute(node, item)
        if node.name in ("default", "d"):
            return base
        if node.name in SEQUENCE_FILTERS and item is not None:
            return GenericAlias(tuple, (item, ...))  # tuple[item, ...], built from a type found at run time
        if node.name in ITEM_FILTERS and item is not None:
            return item
        return UNKNOWN

    def expr_Call(self, node: nodes.Call, scope: dict[str, Any]) -> Any:  # noqa: N802
        for child in node.iter_child_nodes():
            self.expr(child, scope)
        if isinstance(node.node, nodes.Name) and node.node.name == "range":
            return tuple[int, ...]
        return UNKNOWN

    # --- attributes -----------------------------------------------------------------------------
    def attribute(self, node: nodes.Node, base: Any, name: str) -> Any:
        """The type of `base.name`, reporting an attribute that does not exist on the real fact type."""
        label = _path(node) if not _path(node).startswith("…") else name
        if name.startswith("_"):
            self.fail(node, f"`{label}`: names starting with an underscore are not allowed in a clause.")
            return UNKNOWN
        base = optional_inner(base)
        if base is LoopType:
            if name not in LOOP_ATTRIBUTES:
                self.fail(node, f"`loop.{name}` does not exist; a loop offers {', '.join(LOOP_ATTRIBUTES)}.")
            return LOOP_ATTRIBUTES.get(name, UNKNOWN)
        known = attributes(base)
        if known:
            if name not in known:
                close = difflib.get_close_matches(name, known, n=1)
                hint = f" Did you mean `{close[0]}`?" if close else f" It has: {', '.join(sorted(known))}."
                self.fail(node, f"`{label}` does not exist: {type_label(base)} has no `{name}`.{hint}")
            return known.get(name, UNKNOWN)
        if base in (str, int, float, bool) or element_type(base) is not None:
            return self.builtin_attribute(node, base, name, label)
        return UNKNOWN

    def builtin_attribute(self, node: nodes.Node, base: Any, name: str, label: str) -> Any:
        if element_type(base) is not None and name not in SAFE_METHODS:
            self.fail(
                node,
                f"`{label}` does not exist: `{_path(node.node)}` is a {type_label(base)}. "  # type: ignore[attr-defined]
                "Loop over it with {% for %} or use a filter such as `| names` or `| map(attribute=...)`.",
            )
        elif name not in SAFE_METHODS:
            offered = ", ".join(sorted(SAFE_METHODS))
            self.fail(node, f"`{label}` is not available in a clause; values offer only: {offered}.")
        return UNKNOWN

    def filter_attribute(self, node: nodes.Filter, item: Any) -> None:
        """`selectattr("x")`, `map(attribute="x")` ...: `x` must exist on the items being filtered."""
        if node.name not in ATTRIBUTE_FILTERS or not attributes(optional_inner(item)):
            return
        named = [k.value for k in node.kwargs if k.key == "attribute"]
        if node.name in ("selectattr", "rejectattr") and node.args:
            named.append(node.args[0])
        for value in named:
            if isinstance(value, nodes.Const) and isinstance(value.value, str):
                first = value.value.split(".")[0]
                self.attribute(nodes.Getattr(nodes.Const(None), first, "load", lineno=node.lineno), item, first)


def template_names_check(tree: nodes.Template) -> list[Problem]:
    """Problems with the names and attributes a clause body reads, in line order."""
    checker = _Checker()
    checker.block(tree.body, dict(top_level_types()))
    return sorted(checker.problems, key=lambda p: p.line or 0)


def expression_names_check(expression: nodes.Expr) -> list[Problem]:
    """Problems with the names and attributes a `when` condition reads."""
    checker = _Checker()
    checker.expr(expression, dict(top_level_types()))
    return checker.problems
