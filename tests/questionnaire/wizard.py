"""Drive the questionnaire with Django's test client, one posted page at a time."""

from typing import Any

from django.test import Client
from django.urls import reverse

from policybuilder.library.models import Service
from policybuilder.library.signals import library_revision_bump

PREFIX = "policy"  # the wizard's management form prefix


def step_url(step: str) -> str:
    return reverse("questionnaire:step", args=[step])


def answer(client: Client, step: str, button: dict[str, str] | None = None, **fields: Any):
    """Post one page of the wizard as a browser would: prefixed fields plus the management form."""
    data: dict[str, Any] = {f"{PREFIX}-current_step": step, **(button or {})}
    for name, value in fields.items():
        if value is True:
            data[f"{step}-{name}"] = "on"
        elif value not in (False, None):
            data[f"{step}-{name}"] = value
    return client.post(step_url(step), data)


def back(client: Client, step: str, to: str, **fields: Any):
    """Press Back on `step`, with what is on the page."""
    return answer(client, step, button={"wizard_goto_step": to}, **fields)


# Two shops, each page as its owner fills it in.
PIPS_POTTERY: list[tuple[str, dict[str, Any]]] = [
    (
        "business",
        {
            "name": "Pip's Pottery",
            "email": "hello@pipspottery.example",
            "address": "12 Mill Lane, Leeds LS1 4AB",
            "country": "GB",
        },
    ),  # fmt: skip
    ("data", {"contact_form": True, "server_logs": True, "essential_cookies": True}),
    ("sensitive", {"none": True}),
    ("payments", {"gateways": ["stripe"], "stores_card_numbers": "no"}),
    ("analytics", {}),
    ("newsletter", {"has_newsletter": "no"}),
    ("shipping", {"carriers": ["royal-mail"], "international": "no"}),
    ("customers", {"jurisdictions": ["uk"], "children": "no", "sells_data": "no"}),
    ("practices", {"fraud_checks": "automated_decline", "security": ["https"], "other_recipients": ["advisers"]}),
    ("retention", {}),  # the usual periods
    ("review", {"effective_date": "2026-11-22"}),
]
GOLDEN_GATE_GOODS: list[tuple[str, dict[str, Any]]] = [
    (
        "business",
        {
            "name": "Golden Gate Goods",
            "legal_name": "Golden Gate Goods Inc.",
            "website": "https://goldengategoods.example",
            "email": "privacy@ggg.example",
            "address": "500 Market St, San Francisco, CA 94105",
            "country": "US",
            "region": "CA",
        },
    ),  # fmt: skip
    ("data", {"accounts": True, "contact_form": True, "reviews": True, "server_logs": True, "essential_cookies": True}),
    ("sensitive", {}),  # left for later: the result page lists it under "To confirm"
    (
        "payments",
        {
            "gateways": ["stripe", "apple-pay"],
            "other_name": "Bay Credit Union Pay",
            "other_url": "https://baycu.example/privacy",
            "stores_card_numbers": "no",
        },
    ),  # fmt: skip
    ("analytics", {"services": ["google-analytics", "hotjar"], "advertising": ["meta-pixel"]}),
    ("newsletter", {"has_newsletter": "yes"}),
    ("newsletter-details", {"provider": "klaviyo", "double_opt_in": "yes"}),
    ("shipping", {"carriers": ["usps", "ontrac"], "ships_from": "Oakland, California", "international": "yes"}),
    ("customers", {"jurisdictions": ["us", "us-ca", "eu"], "children": "no", "sells_data": "no"}),
    (
        "representatives",
        {"eu_name": "EU-Rep Services BV", "eu_address": "Keizersgracht 1, Amsterdam", "eu_email": "rep@eurep.example"},
    ),  # fmt: skip
    ("practices", {}),  # every practice left for later
    ("size", {"annual_revenue_usd": "1,200,000", "not_applicable_us_ca": "give_anyway", "gdpr_occasional": "no"}),
    ("retention", {"orders_years": "8", "account": "3", "server_logs_days": "90"}),
    ("review", {"effective_date": "2026-12-01"}),
]


def complete(client: Client, pages: list[tuple[str, dict[str, Any]]]):
    """Answer every page in order, checking each lands on the next; returns the last response."""
    client.get(reverse("questionnaire:start"))
    response = None
    for index, (step, fields) in enumerate(pages):
        response = answer(client, step, **fields)
        assert response.status_code == 302, f"{step} was refused: {_errors(response)}"
        if index + 1 < len(pages):
            assert response.url == step_url(pages[index + 1][0]), f"{step} went to {response.url}"
    return response


def checked(page: str, name: str, value: str = "on") -> bool:
    """Whether the page's checkbox or radio button `name` with this value is ticked."""
    for start in (i for i in range(len(page)) if page.startswith("<input", i)):
        tag = page[start : page.index(">", start)]
        if f'name="{name}"' in tag and (f'value="{value}"' in tag or value == "on" and "value=" not in tag):
            return " checked" in tag
    raise AssertionError(f"no input {name}={value} on the page")


def _errors(response) -> str:
    if response.context and "wizard" in response.context:
        return response.context["wizard"]["form"].errors.as_text()
    return response.content.decode()[:500]


def policy_of(response):
    """The saved policy a "Create my policy" response leads to (its result page)."""
    from django.urls import resolve

    from policybuilder.documents.models import SavedPolicy

    return SavedPolicy.objects.get(token=resolve(response.url).kwargs["token"])


def add_services(kind: str, count: int, start: int = 0) -> None:
    """Services of a kind after the shipped ones, in one insert (a catalogue the size editors may reach)."""
    Service.objects.bulk_create(
        Service(
            slug=f"{kind}-{n:04d}",
            name=f"Acme {kind.title()} {n:04d}",
            kind=kind,
            company=f"Acme {n} Ltd",
            country="GB",
            privacy_url=f"https://acme-{n}.example/privacy",
            receives=["your name"],
            purpose="take payments",
            role="processor",
            order=1000 + n,
        )
        for n in range(start, start + count)
    )
    library_revision_bump()  # a bulk insert sends no signal: say the library changed
