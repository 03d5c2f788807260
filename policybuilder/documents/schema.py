"""The answers contract: a JSON Schema, and validation that names every bad field.

The schema is built from the service catalogue, so an unknown slug is refused by name.
`validate_answers` returns one plain message per bad field and never raises on bad input.
"""

import re
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from policybuilder.documents.applicability import address_errors
from policybuilder.documents.countries import is_country, is_region
from policybuilder.documents.schema_practices import (
    coppa_schema,
    not_applicable_schema,
    practice_errors,
    practices_schema,
    sales_schema,
    sensitive_schema,
    size_schema,
)
from policybuilder.languages import CODES
from policybuilder.ops.text import unsafe_characters

KINDS = ("payment", "analytics", "advertising", "newsletter", "shipping", "platform")
JURISDICTIONS = ("us", "us-ca", "eu", "uk", "ch", "ca", "au", "jp", "nz", "sg", "cn", "br", "children")
EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
HOST = re.compile(r"^[\w-]+(\.[\w-]+)+(:\d{1,5})?$")  # letters of any script: münchen.de
FORMAT_CHECKER = FormatChecker(formats=())


@FORMAT_CHECKER.checks("email")
def _email(value: object) -> bool:
    return not isinstance(value, str) or bool(EMAIL.match(value))


@FORMAT_CHECKER.checks("uri")
def _url(value: object) -> bool:
    """An http(s) address with a real host name: no spaces, no user:password@, no odd characters."""
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return parts.scheme in {"http", "https"} and bool(HOST.match(parts.netloc)) and not any(c.isspace() for c in value)


@FORMAT_CHECKER.checks("date")
def _date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _text(max_length: int, **extra: Any) -> dict[str, Any]:
    return {"type": "string", "maxLength": max_length, **extra}


def _service(slugs: list[str]) -> dict[str, Any]:
    custom = {
        "type": "object",
        "required": ["name", "privacy_url"],
        "additionalProperties": False,
        "properties": {
            "name": _text(120, minLength=1),
            "privacy_url": _text(500, format="uri"),
            "country": _text(2, pattern="^[A-Za-z]{2}$", description="where the company is based (ISO code)"),
        },
    }
    return {
        "anyOf": [{"type": "string", "enum": slugs}, custom],
        "description": "is not a service we know: use a catalogue slug, or give {name, privacy_url}",
    }


def _platform(service: dict[str, Any]) -> dict[str, Any]:
    """The shop platform: a service like any other, or null for a shop on its own site."""
    return {
        "anyOf": [*service["anyOf"], {"type": "null"}],
        "description": "is not a shop platform we know: use a catalogue slug, give {name, privacy_url}, or null",
    }


def _contact() -> dict[str, Any]:
    return {
        "type": ["object", "null"],
        "required": ["name", "address", "email"],
        "additionalProperties": False,
        "properties": {"name": _text(200, minLength=1), "address": _text(500, minLength=1), "email": _text(254, format="email")},
    }  # fmt: skip


def _business() -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["name", "email", "country"],  # a postal address only where a law requires one
        "additionalProperties": False,
        "properties": {
            "name": _text(120, minLength=1), "legal_name": _text(200), "website": _text(500, format="uri"),
            "email": _text(254, format="email"), "phone": _text(40), "address": _text(500),
            "country": _text(2, pattern="^[A-Za-z]{2}$"), "region": _text(3),
            "privacy_officer": _text(200), "eu_representative": _contact(), "uk_representative": _contact(),
        },
    }  # fmt: skip


def _flags(*names: str) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False, "properties": {n: {"type": "boolean"} for n in names}}


def _count(low: int, high: int) -> dict[str, Any]:
    return {"type": "integer", "minimum": low, "maximum": high}


def answers_schema(*, catalogue_slugs: dict[str, list[str]]) -> dict[str, Any]:
    """The JSON Schema of an answer set, with the catalogue's slugs for each kind of service."""
    service = {kind: _service(catalogue_slugs.get(kind, [])) for kind in KINDS}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "policybuilder answers",
        "type": "object",
        "required": ["business", "payments", "effective_date"],
        "additionalProperties": False,
        "properties": {
            "business": _business(),
            "data": _flags("accounts", "contact_form", "surveys", "reviews", "phone_orders", "server_logs", "essential_cookies"),
            "payments": {
                "type": "object", "required": ["gateways"], "additionalProperties": False,
                "properties": {
                    "gateways": {"type": "array", "minItems": 1, "maxItems": 30, "items": service["payment"]},
                    "stores_card_numbers": {"type": "boolean"},
                },
            },
            "analytics": {
                "type": "object", "additionalProperties": False,
                "properties": {
                    "services": {"type": "array", "maxItems": 30, "items": service["analytics"]},
                    "advertising": {"type": "array", "maxItems": 30, "items": service["advertising"]},
                },
            },
            "newsletter": {
                "type": ["object", "null"], "required": ["provider"], "additionalProperties": False,
                "properties": {"provider": service["newsletter"], "double_opt_in": {"type": "boolean"}},
            },
            "shipping": {
                "type": "object", "additionalProperties": False,
                "properties": {
                    "carriers": {"type": "array", "maxItems": 30, "items": service["shipping"]},
                    "ships_from": _text(200), "international": {"type": "boolean"},
                },
            },
            "platform": _platform(service["platform"]),
            "jurisdictions": {"type": "array", "uniqueItems": True, "items": {"type": "string", "enum": list(JURISDICTIONS)}},
            "children": {"type": "boolean"},
            "teens": {"type": "boolean"},  # aimed at under-16s: the EU's and China's consent ages
            "sells_data": {"type": "boolean"},
            "sales": sales_schema(),
            "practices": practices_schema(survey_tool=_service([])),
            "sensitive": sensitive_schema(),
            "coppa": coppa_schema(),
            "size": size_schema(),
            "not_applicable": not_applicable_schema(("us-ca", "au", "us-states")),
            "effective_date": _text(10, format="date"),
            "language": {"type": "string", "enum": list(CODES)},
            # The version that prevails where the policy's language versions differ; none by default.
            "prevailing_language": {"type": "string", "enum": list(CODES)},
            # Set when the owner publishes the policy (publishing/): where its earlier versions are listed.
            "publication": {
                "type": "object", "additionalProperties": False,
                "properties": {"versions_url": _text(500, format="uri")},
            },
            "retention": {
                "type": "object", "additionalProperties": False,
                "properties": {
                    "orders_years": _count(1, 30),
                    "account": {
                        "anyOf": [{"const": "until_deleted"}, _count(1, 20)],
                        "description": "must be until_deleted or a number of years from 1 to 20",
                    },
                    "server_logs_days": _count(1, 730), "support_months": _count(1, 120),
                    "surveys_months": _count(1, 120), "analytics_months": _count(1, 50),
                    "advertising_months": _count(1, 50),
                },
            },
        },
    }  # fmt: skip


def _path(error: ValidationError) -> str:
    parts = [f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path]
    return "".join(parts).lstrip(".") or "answers"


def _message(error: ValidationError) -> str:
    """One plain sentence saying what is wrong and what to give instead."""
    kind, value = error.validator, error.instance
    if kind == "required":
        name = re.search(r"'([^']+)'", error.message)
        return f"{name[1] if name else 'a field'} is missing: please give it"
    if kind == "format":
        wanted = {"email": "an email address like hello@yourshop.com", "uri": "a web address starting with https://",
                  "date": "a date written YYYY-MM-DD"}[error.validator_value]  # fmt: skip
        return f"{value!r} is not {wanted}"
    if kind == "anyOf" and "description" in error.schema:
        return f"{value!r} {error.schema['description']}"
    if kind == "enum":
        return f"{value!r} is not one of {', '.join(map(str, error.validator_value))}"
    if kind == "type":
        return f"{value!r} has the wrong type: expected {error.validator_value}"
    if kind == "additionalProperties":
        return f"unknown field: {error.message.split('(')[-1].rstrip(')')}"
    if kind == "maxLength":
        return f"is too long: at most {error.validator_value} characters"
    if kind == "minLength":
        return "is empty: please fill it in"
    if kind == "minItems":
        return f"needs at least {error.validator_value} entry"
    return error.message


def _place_errors(business: Any) -> list[str]:
    """Country and region codes must be real ones, which a pattern alone cannot tell."""
    if not isinstance(business, dict):
        return []
    country, region = business.get("country"), business.get("region", "")
    if not isinstance(country, str) or len(country) != 2:
        return []  # the schema already reports it
    if not is_country(country):
        return [f"business.country: {country!r} is not an ISO 3166-1 country code (like US, GB, DE)"]
    if isinstance(region, str) and region and not is_region(country, region):
        return [f"business.region: {region!r} is not a region code of {country.upper()} (like TX for Texas)"]
    return []


def _expand(error: ValidationError) -> list[ValidationError]:
    """An object that fits none of the choices: report what is wrong inside it, field by field."""
    if error.validator == "anyOf" and isinstance(error.instance, dict):
        objects = {i for i, choice in enumerate(error.validator_value) if choice.get("type") == "object"}
        inner = [e for e in error.context or [] if e.schema_path and e.schema_path[0] in objects]
        if inner:
            return [leaf for e in inner for leaf in _expand(e)]
    return [error]


_validators: dict[int, tuple[dict[str, Any], Draft202012Validator]] = {}


def _validator(schema: dict[str, Any]) -> Draft202012Validator:
    # Building a validator costs about as much as validating: keep one per schema object (the caller
    # keeps one schema per library revision), holding the schema so its id is never reused.
    held = _validators.get(id(schema))
    if held is None or held[0] is not schema:
        if len(_validators) > 16:
            _validators.clear()
        held = _validators[id(schema)] = (schema, Draft202012Validator(schema, format_checker=FORMAT_CHECKER))
    return held[1]


def _unsafe_text(value: Any, path: str) -> list[str]:
    """NUL bytes (which PostgreSQL refuses) and hidden text-direction controls, wherever they are."""
    if isinstance(value, str):
        return (
            [f"{path.removeprefix('answers.')}: has a NUL or text-direction control character: remove it"]
            if unsafe_characters(value)
            else []
        )
    if isinstance(value, dict):
        return [e for key, item in value.items() for e in _unsafe_text(item, f"{path}.{key}")]
    if isinstance(value, list):
        return [e for i, item in enumerate(value) for e in _unsafe_text(item, f"{path}[{i}]")]
    return []


def answers_validate(answers: Any, *, schema: dict[str, Any]) -> list[str]:
    """Every problem with an answer set, one message per bad field (an empty list when valid)."""
    validator = _validator(schema)
    found = [leaf for e in validator.iter_errors(answers) for leaf in _expand(e)]
    found.sort(key=lambda e: [str(p) for p in e.absolute_path])
    errors = [f"{_path(e)}: {_message(e)}" for e in found]
    if isinstance(answers, dict):
        errors += _place_errors(answers.get("business"))
    errors += _unsafe_text(answers, "answers")
    if not errors:  # rules across fields, once every field has the right type
        errors += practice_errors(answers) + address_errors(answers)
    return list(dict.fromkeys(errors))
