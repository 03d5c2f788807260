"""The walls around editors' clause templates.

Jinja's sandbox already refuses attribute walks to `__class__`, `__globals__` and the like.
On top of it, every template here is bounded in the work it can ask for, so that a clause
typed into the admin (by mistake or on purpose) can neither run code nor exhaust memory or time:
- no macros, includes, imports, call blocks, recursive loops, `{% filter %}` or block `{% set %}`
  (recursion, outside templates, output that bypasses the streamed cap);
- at most MAX_NODES syntax nodes; loops nest at most two deep, and `range` yields at most MAX_RANGE numbers;
- one rendering takes at most MAX_STEPS steps (loop turns, calls, operators) and MAX_SECONDS;
- `*`, `**`, `+`, `~`, `set` and the filters that grow text or lists (`replace`, `join`, `sum`, `string`,
  `map`) cannot build values larger than MAX_VALUE; `%` cannot format text; numbers stay under MAX_INT_BITS;
- builtin values offer only a few harmless methods (no `format`, `ljust`, `replace`, `join` ...);
- only a short list of filters that cannot blow up (no `format`, `center`, `indent`, `batch` ...);
- rendering streams, and stops at MAX_OUTPUT characters;
- any other failure inside a clause (a division by zero, a wrong type) is a TemplateError.
The bounds are counts, not a clock: MAX_SECONDS is only a backstop.
"""

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from jinja2 import nodes, pass_context, pass_environment, pass_eval_context
from jinja2.exceptions import SecurityError, TemplateError, TemplateRuntimeError
from jinja2.filters import do_join, do_replace, make_attrgetter, sync_do_map
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeTransformer

MAX_RANGE = 1000
MAX_SIZE = 2000  # the longest string or list `*` may build, and the largest count a method may get
MAX_LOOP_DEPTH = 2
MAX_OUTPUT = 50_000
MAX_VALUE = MAX_OUTPUT  # the largest text or list (items counted deeply) any operation or `set` may build
MAX_STEPS = 20_000  # loop turns, calls and operators in one rendering; the largest clause needs about 100
MAX_SECONDS = 2.0
MAX_INT_BITS = 4096
MAX_NODES = 2000  # the largest clause has about 250
FORBIDDEN_NODES = (
    nodes.Macro, nodes.CallBlock, nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends,
    nodes.FilterBlock, nodes.AssignBlock, nodes.EvalContextModifier,
)  # fmt: skip
SAFE_FILTERS = {
    "capitalize", "count", "default", "d", "first", "join", "last", "length", "list", "lower", "map", "max",
    "min", "reject", "rejectattr", "replace", "reverse", "round", "select", "selectattr", "sort", "string",
    "sum", "title", "trim", "unique", "upper", "int", "float", "abs", "wordcount",
}  # fmt: skip
# The methods a clause may call on text, lists and dicts: each gives back no more than it got.
SAFE_METHODS = frozenset(
    {"upper", "lower", "title", "capitalize", "strip", "lstrip", "rstrip", "startswith", "endswith", "split",
     "count", "get", "items", "keys", "values"}
)  # fmt: skip
_BUILTIN_VALUES = (str, list, tuple, dict, set, frozenset, int, float, range)
_CONTAINERS = (str, list, tuple, dict, set, frozenset)


def bounded_range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise SecurityError(f"range() may give at most {MAX_RANGE} numbers")
    return numbers


def deep_size(value: Any, limit: int = MAX_VALUE) -> int:
    """Characters of text plus items of lists, counted through nested lists (a shared part each time
    it appears); counting stops soon after `limit`, so this is cheap on a huge value."""
    if isinstance(value, str):
        return len(value)  # the common case: every printed value passes through here
    if not isinstance(value, _CONTAINERS):
        return 1
    total, stack = 0, [value]
    while stack and total <= limit:
        item = stack.pop()
        total += len(item)
        if not isinstance(item, str):
            stack.extend(x for x in (item.items() if isinstance(item, dict) else item) if isinstance(x, _CONTAINERS))
    return total


def _too_big(value: Any, what: str) -> None:
    if deep_size(value) > MAX_VALUE:
        raise SecurityError(f"{what} may hold at most {MAX_VALUE} characters or items")


class _Budget:
    __slots__ = ("steps", "deadline")

    def __init__(self) -> None:
        self.steps = MAX_STEPS
        self.deadline = time.monotonic() + MAX_SECONDS


def _spend(eval_ctx: nodes.EvalContext) -> None:
    # The eval context lives exactly as long as one rendering and is shared by its derived contexts.
    budget = eval_ctx.__dict__.get("clause_budget")
    if budget is None:
        budget = eval_ctx.clause_budget = _Budget()  # type: ignore[attr-defined]
    budget.steps -= 1
    if budget.steps < 0:
        raise SecurityError(f"a clause may take at most {MAX_STEPS} steps (loop turns, calls and operations)")
    if budget.steps % 64 == 0 and time.monotonic() > budget.deadline:  # the clock is a backstop: look now and then
        raise SecurityError(f"a clause may take at most {MAX_SECONDS:g} seconds to render")


class _Bounder(NodeTransformer):
    """Route loops, `~` and `set` through the environment's bounded helpers (not names a clause could shadow)."""

    def __init__(self, environment: "ClauseSandbox") -> None:
        self.environment = environment

    def _call(self, name: str, args: list[nodes.Node], like: nodes.Node) -> nodes.Call:
        call = nodes.Call(nodes.EnvironmentAttribute(name), args, [], None, None, lineno=like.lineno)
        return call.set_environment(self.environment)  # type: ignore[return-value]

    def visit_For(self, node: nodes.For) -> nodes.Node:  # noqa: N802 (Jinja's visitor names)
        node = self.generic_visit(node)  # type: ignore[assignment]
        node.iter = self._call("loop_bounded", [node.iter], node)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:  # noqa: N802
        return self._call("concat_bounded", [self.visit(n) for n in node.nodes], node)

    def visit_Assign(self, node: nodes.Assign) -> nodes.Node:  # noqa: N802
        node.node = self._call("value_bounded", [self.visit(node.node)], node)
        return node

    def visit_With(self, node: nodes.With) -> nodes.Node:  # noqa: N802
        node = self.generic_visit(node)  # type: ignore[assignment]
        node.values = [self._call("value_bounded", [v], node) for v in node.values]
        return node


@pass_eval_context
def _replace(eval_ctx: nodes.EvalContext, s: Any, old: Any, new: Any, count: int | None = None) -> str:
    text, old_text, new_text = str(s), str(old), str(new)
    matches = text.count(old_text) if old_text else len(text) + 1
    if count is not None and count >= 0:
        matches = min(matches, count)
    if len(text) + matches * max(len(new_text) - len(old_text), 0) > MAX_VALUE:
        raise SecurityError(f"'replace' may build at most {MAX_VALUE} characters")
    return do_replace(eval_ctx, s, old, new, count)


@pass_eval_context
def _join(eval_ctx: nodes.EvalContext, value: Iterable[Any], d: str = "", attribute: Any = None) -> str:
    items = list(value)
    if deep_size(items) + len(str(d)) * len(items) > MAX_VALUE:
        raise SecurityError(f"'join' may build at most {MAX_VALUE} characters")
    return do_join(eval_ctx, items, d, attribute)


@pass_environment
def _sum(environment: Any, iterable: Iterable[Any], attribute: Any = None, start: Any = 0) -> Any:
    values = list(map(make_attrgetter(environment, attribute), iterable) if attribute is not None else iterable)
    if not isinstance(start, list | tuple):
        return sum(values, start)
    _too_big([start, values], "'sum'")
    joined = [item for value in values for item in value]  # linear, where sum() of lists is quadratic
    if isinstance(start, list):
        return start + joined
    return start + tuple(joined)


@pass_context
def _map(context: Any, value: Iterable[Any], *args: Any, **kwargs: Any) -> Iterator[Any]:
    # The one filter that makes new items: bounded in total, or a 50,000-item list of
    # `replace` results would build gigabytes before any `join` or `set` could refuse it.
    total = 0
    for item in sync_do_map(context, value, *args, **kwargs):
        total += deep_size(item)
        if total > MAX_VALUE:
            raise SecurityError(f"'map' may build at most {MAX_VALUE} characters or items")
        yield item


def _string(value: Any) -> str:
    _too_big(value, "text made with 'string'")
    return str(value)


def _helper(method: Callable[..., Any]) -> Callable[..., Any]:
    """Mark the environment's own bounded helpers: the method-argument limit is not for them."""
    method.clause_helper = True  # type: ignore[attr-defined]
    return method


def _finalize_bounded(finalize: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    def finalize_bounded(value: Any) -> Any:
        _too_big(value, "a printed value")
        return finalize(value) if finalize else value

    return finalize_bounded


class ClauseSandbox(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        options["finalize"] = _finalize_bounded(options.get("finalize"))
        super().__init__(**options)
        self._safe_attributes: dict[tuple[type, str], bool] = {}
        self.filters.update(replace=_replace, join=_join, sum=_sum, string=_string, map=_map)

    def _generate(self, source: nodes.Template, *args: Any, **kwargs: Any) -> str:
        # Every template and every expression is compiled through here.
        return super()._generate(_Bounder(self).visit(source), *args, **kwargs)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # The answer depends only on the object's type and the name (Jinja's own check ignores the
        # value), and the check is the sandbox's largest cost: remember it per (type, name).
        key = (type(obj), attr)
        safe = self._safe_attributes.get(key)
        if safe is None:
            if len(self._safe_attributes) > 10_000:
                self._safe_attributes.clear()
            safe = not (isinstance(obj, _BUILTIN_VALUES) and attr not in SAFE_METHODS)
            safe = self._safe_attributes[key] = safe and super().is_safe_attribute(obj, attr, value)
        return safe

    def wrap_str_format(self, value: Any) -> None:
        return None  # `str.format` is not in SAFE_METHODS: refuse it rather than wrap it

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _spend(context.eval_ctx)
        if operator == "%" and isinstance(left, str):
            raise SecurityError("'%' cannot format text in a clause; join text with '~'")
        if operator == "**" and isinstance(right, int | float):
            bits = left.bit_length() if isinstance(left, int) else 1
            if abs(right) > 64 or bits * abs(right) > MAX_INT_BITS:
                raise SecurityError("the power operator is limited to exponents of 64 and numbers of 4096 bits")
        if operator == "*":
            _product_check(left, right)
        if operator == "+" and isinstance(left, _CONTAINERS) and deep_size(left) + deep_size(right) > MAX_VALUE:
            raise SecurityError(f"'+' may build at most {MAX_VALUE} characters or items")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's signature)
        _spend(__context.eval_ctx)
        for value in () if getattr(__obj, "clause_helper", False) else (*args, *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_SIZE:
                raise SecurityError(f"numbers passed to a method are limited to {MAX_SIZE}")
        return super().call(__context, __obj, *args, **kwargs)

    @_helper
    @pass_eval_context
    def loop_bounded(self, eval_ctx: nodes.EvalContext, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            _spend(eval_ctx)
            yield item

    @_helper
    def concat_bounded(self, *parts: Any) -> str:
        if sum(deep_size(part) for part in parts) > MAX_VALUE:
            raise SecurityError(f"'~' may build at most {MAX_VALUE} characters")
        return "".join(map(str, parts))

    @_helper
    def value_bounded(self, value: Any) -> Any:
        _too_big(value, "a value set in a clause")
        return value

    def compile_expression(self, source: str, undefined_to_none: bool = True) -> Any:
        expression = super().compile_expression(source, undefined_to_none)

        def evaluate(*args: Any, **kwargs: Any) -> Any:
            with _failures_as_template_errors():
                return expression(*args, **kwargs)

        return evaluate


def _product_check(left: Any, right: Any) -> None:
    if isinstance(left, int) and isinstance(right, int):
        if left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise SecurityError(f"'*' may build numbers of at most {MAX_INT_BITS} bits")
        return
    count, item = (right, left) if isinstance(right, int) else (left, right)
    if isinstance(count, int) and isinstance(item, _CONTAINERS) and deep_size(item) * abs(count) > MAX_SIZE:
        raise SecurityError(f"'*' may build at most {MAX_SIZE} characters or items")


@contextmanager
def _failures_as_template_errors() -> Iterator[None]:
    """Turn any failure inside a clause (1/0, a wrong type) into a TemplateError naming it."""
    try:
        yield
    except TemplateError:
        raise
    except Exception as exc:
        raise TemplateRuntimeError(f"{type(exc).__name__}: {exc}") from exc


def template_check(tree: nodes.Template) -> None:
    """Refuse constructs a clause never needs and an attacker would: raises SecurityError."""
    for node in tree.find_all(FORBIDDEN_NODES):
        raise SecurityError(f"line {node.lineno}: '{type(node).__name__.lower()}' is not allowed in a clause")
    if sum(1 for _ in tree.find_all(nodes.Node)) > MAX_NODES:
        raise SecurityError(f"a clause may have at most {MAX_NODES} template parts; split it up")
    for loop in tree.find_all(nodes.For):
        if loop.recursive:
            raise SecurityError(f"line {loop.lineno}: recursive loops are not allowed in a clause")
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
    with _failures_as_template_errors():
        for chunk in chunks:
            total += len(chunk)
            if total > MAX_OUTPUT:
                raise SecurityError(f"a clause may produce at most {MAX_OUTPUT} characters")
            parts.append(chunk)
    return "".join(parts)
