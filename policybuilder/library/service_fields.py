"""The catalogue facts a service carries beyond its basic entry: the company customers in a region deal
with, the tool's default retention and the date its facts were checked.

One place for their plain-data form, shared by the file reader and writer (services.yaml), the database
reader and the admin form, so that each turns the same stored value into the same ServiceData.
"""

import datetime
import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def entities_from(value: Mapping[Any, Any] | Iterable[Any] | None) -> tuple[tuple[str, str], ...]:
    """(region, company) pairs sorted by region, from a mapping (YAML, the database) or pairs (a form).

    Sorted so that a file and the database copy of the same facts compare (and hash) equal: JSON
    columns need not keep key order.
    """
    items = value.items() if isinstance(value, Mapping) else (value or ())
    return tuple(sorted((str(region).strip(), str(company).strip()) for region, company in items))


def entities_dict(entities: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The pairs as the database stores them (Service.entities, a JSON object)."""
    return dict(entities)


def checked_from(value: Any) -> str:
    """The checked date as text: YAML reads an unquoted 2026-12-01 as a date."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value or "").strip()


def retention_from(value: Any) -> int | None:
    return int(value) if value not in (None, "") else None


Scalar = Callable[[str], str]  # file_writer.yaml_scalar: a string as YAML, quoted only when it must be


def _key(region: str, scalar: Scalar) -> str:
    """A region code as a YAML key: quoted when YAML would read it as something else ("NO" is false)."""
    plain = scalar(region)
    return plain if plain == region else json.dumps(region)


def entity_lines(entities: Iterable[tuple[str, str]], *, scalar: Scalar) -> list[str]:
    """The `entities:` block of one services.yaml entry (nothing when the company is the same everywhere)."""
    pairs = list(entities)
    if not pairs:
        return []
    return ["  entities:", *(f"    {_key(region, scalar)}: {scalar(company)}" for region, company in pairs)]


def extra_lines(*, retention_months: int | None, checked: str, scalar: Scalar) -> list[str]:
    """The closing lines of one entry: the tool's default retention and the checked date, when known.

    A checked date is written unquoted (2026-12-01), as editors type it; the reader turns it back to text.
    """
    lines = [f"  retention_months: {retention_months}"] if retention_months is not None else []
    if checked:
        lines.append(f"  checked: {checked if _ISO_DATE.match(checked) else scalar(checked)}")
    return lines
