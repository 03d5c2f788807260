"""The walls around editors' clause templates.

Jinja's sandbox already refuses attribute walks to `__class__`, `__globals__` and the like.
On top of it, every template here is bounded in the work it can ask for, so that a clause
typed into the admin (by mistake or on purpose) can neither run code nor exhaust memory or time:
- no macros, includes, imports or call blocks (recursion and outside templates);
- loops nest at most two deep, and `range` yields at most MAX_RANGE numbers;
- `*` and `**` cannot build huge strings, lists or numbers, and no method gets a huge count;
- only a short list of filters that cannot blow up (no `format`, `center`, `indent`, `wordwrap`);
- rendering streams, and stops at MAX_OUTPUT characters.
"""

from collections.abc import Iterator
from typing import Any

from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

MAX_RANGE = 1000
MAX_SIZE = 2000  # the longest string or list `*` may build, and the largest count a method may get
MAX_LOOP_DEPTH = 2
MAX_OUTPUT = 50_000
FORBIDDEN_NODES = (nodes.Macro, nodes.CallBlock, nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)
SAFE_FILTERS = {
    "capitalize", "count", "default", "d", "first", "join", "last", "length", "list", "lower", "map", "max",
    "min", "reject", "rejectattr", "replace", "reverse", "round", "select", "selectattr", "sort", "string",
    "sum", "title", "trim", "unique", "upper", "int", "float", "abs", "batch", "slice", "wordcount",
}  # fmt: skip


def bounded_range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise SecurityError(f"range() may give at most {MAX_RANGE} numbers")
    return numbers


def _size(value: Any) -> int:
    return len(value) if isinstance(value, str | list | tuple) else 0


class ClauseSandbox(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int | float) and abs(right) > 64:
            raise SecurityError("the power operator is limited to exponents of 64")
        if operator == "*":
            count = right if _size(left) else left
            if isinstance(count, int) and max(_size(left), _size(right)) * abs(count) > MAX_SIZE:
                raise SecurityError(f"'*' may build at most {MAX_SIZE} characters or items")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's signature)
        for value in (*args, *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_SIZE:
                raise SecurityError(f"numbers passed to a method are limited to {MAX_SIZE}")
        return super().call(__context, __obj, *args, **kwargs)


def template_check(tree: nodes.Template) -> None:
    """Refuse constructs a clause never needs and an attacker would: raises SecurityError."""
    for node in tree.find_all(FORBIDDEN_NODES):
        raise SecurityError(f"line {node.lineno}: '{type(node).__name__.lower()}' is not allowed in a clause")
    for loop in tree.find_all(nodes.For):
        depth = 1 + sum(1 for _ in _enclosing_loops(tree, loop))
        if depth > MAX_LOOP_DEPTH:
            raise SecurityError(f"line {loop.lineno}: loops may nest at most {MAX_LOOP_DEPTH} deep")


def _enclosing_loops(tree: nodes.Node, target: nodes.Node) -> Iterator[nodes.For]:
    for loop in tree.find_all(nodes.For):
        if loop is not target and any(inner is target for inner in loop.find_all(nodes.For)):
            yield loop


def output_bounded(chunks: Iterator[str]) -> str:
    """Join a template's streamed output, stopping once it passes MAX_OUTPUT characters."""
    parts, total = [], 0
    for chunk in chunks:
        total += len(chunk)
        if total > MAX_OUTPUT:
            raise SecurityError(f"a clause may produce at most {MAX_OUTPUT} characters")
        parts.append(chunk)
    return "".join(parts)
