"""The questionnaire in the Django test client: two shops, Back, skips, errors, resuming, tampering."""

import pytest
from django.test import Client
from django.urls import reverse

from policybuilder.documents.models import SavedPolicy
from policybuilder.documents.services import policy_publish
from policybuilder.questionnaire.models import Draft
from policybuilder.questionnaire.selectors import SESSION_KEY
from tests.base import make_answers
from tests.questionnaire.wizard import (
    GOLDEN_GATE_GOODS,
    PIPS_POTTERY,
    PREFIX,
    answer,
    back,
    complete,
    policy_of,
    step_url,
)

pytestmark = pytest.mark.django_db


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _result(client: Client, response) -> tuple[SavedPolicy, str]:
    """The saved policy the last page redirected to, and its result page."""
    saved = SavedPolicy.objects.get()
    assert response.url == reverse("documents:result", args=[saved.token])
    return saved, _page(client, response.url)


def test_the_landing_page_says_what_it_does_and_starts_a_policy(client):
    page = _page(client, reverse("questionnaire:landing"))
    assert "Start your policy" in page
    response = client.get(reverse("questionnaire:start"))
    assert response.url == step_url("business")
    assert "Shop name" in _page(client, response.url)


def test_a_uk_potter_answers_every_page_and_gets_her_policy(client):
    response = complete(client, PIPS_POTTERY)
    saved, page = _result(client, response)
    assert saved.answers["business"] == {
        "name": "Pip's Pottery", "email": "hello@pipspottery.example", "address": "12 Mill Lane, Leeds LS1 4AB", "country": "GB"
    }  # fmt: skip
    assert saved.answers["payments"] == {"gateways": ["stripe"], "stores_card_numbers": False}
    assert saved.answers["newsletter"] is None
    assert saved.answers["jurisdictions"] == ["uk"]
    assert saved.answers["effective_date"] == "2026-11-22"
    for name in ("Pip&#x27;s Pottery", "Stripe", "Royal Mail", "22 November 2026"):
        assert name in page
    assert "Klaviyo" not in page


def test_a_californian_shop_with_a_newsletter_and_eu_customers_answers_the_extra_pages(client):
    response = complete(client, GOLDEN_GATE_GOODS)
    saved, page = _result(client, response)
    answers = saved.answers
    assert answers["payments"]["gateways"] == [
        "stripe", "apple-pay", {"name": "Bay Credit Union Pay", "privacy_url": "https://baycu.example/privacy"}
    ]  # fmt: skip
    assert answers["newsletter"] == {"provider": "klaviyo", "double_opt_in": True}
    assert answers["business"]["eu_representative"]["name"] == "EU-Rep Services BV"
    for name in ("Golden Gate Goods", "Klaviyo", "Bay Credit Union Pay", "Hotjar", "Meta Pixel", "OnTrac", "EU-Rep Services BV"):  # fmt: skip
        assert name in page, name


def test_without_a_newsletter_its_details_page_is_skipped(client):
    client.get(reverse("questionnaire:start"))
    for step, fields in PIPS_POTTERY[:4]:
        answer(client, step, **fields)
    response = answer(client, "newsletter", has_newsletter="no")
    assert response.url == step_url("shipping")
    assert "Newsletter details" not in _page(client, response.url)  # not in the progress list either
    # Typing the skipped page's address leads back to where the owner is.
    assert client.get(step_url("newsletter-details")).url == step_url("shipping")


def test_a_uk_shop_selling_only_at_home_is_not_asked_for_a_representative(client):
    response = complete(client, PIPS_POTTERY)
    assert "Representatives" not in _page(client, step_url("review"))
    assert response.status_code == 302


def test_back_keeps_every_answer_and_a_changed_answer_is_the_one_used(client):
    client.get(reverse("questionnaire:start"))
    for step, fields in PIPS_POTTERY[:4]:
        answer(client, step, **fields)
    # On the analytics page the owner ticks Google Analytics, then goes back to payments.
    response = back(client, "analytics", to="payments", services=["google-analytics"])
    assert response.url == step_url("payments")
    assert _ticked(_page(client, response.url), "stripe")
    answer(client, "payments", gateways=["paypal"], stores_card_numbers="no")
    assert _ticked(_page(client, step_url("analytics")), "google-analytics")
    for step, fields in PIPS_POTTERY[4:]:
        answer(client, step, **(fields | ({"services": ["google-analytics"]} if step == "analytics" else {})))
    saved = SavedPolicy.objects.get()
    assert saved.answers["payments"]["gateways"] == ["paypal"]
    assert saved.answers["analytics"]["services"] == ["google-analytics"]


def _ticked(page: str, value: str) -> bool:
    """Whether the checkbox or radio button with this value is ticked on the page."""
    start = page.index(f'value="{value}"')
    tag = page[page.rindex("<input", 0, start) : page.index(">", start)]
    return " checked" in tag


def test_a_validation_error_sits_next_to_its_field_and_keeps_the_other_answers(client):
    client.get(reverse("questionnaire:start"))
    fields = dict(PIPS_POTTERY[0][1], email="hello at pips pottery", website="not a web address")
    response = answer(client, "business", **fields)
    assert response.status_code == 200
    page = response.content.decode()
    email_block = page[page.index('id="div_id_business-email"') :][:1500]
    assert "Enter an email address like hello@yourshop.com." in email_block
    assert 'aria-invalid="true"' in email_block
    assert "Enter a web address like https://yourshop.com." in page
    assert 'value="Pip&#x27;s Pottery"' in page  # the name survives
    assert "12 Mill Lane, Leeds LS1 4AB</textarea>" in page
    assert 'href="#div_id_business-email"' in page  # the summary at the top links to the field


def test_lengths_are_limited_with_a_message_saying_so(client):
    client.get(reverse("questionnaire:start"))
    response = answer(client, "business", **dict(PIPS_POTTERY[0][1], name="P" * 121))
    assert "Ensure this value has at most 120 characters (it has 121)." in response.content.decode()


def test_every_page_is_saved_to_the_database_as_it_is_answered(client):
    client.get(reverse("questionnaire:start"), follow=True)
    assert not Draft.objects.exists()  # looking at a page stores nothing
    answer(client, "business", **PIPS_POTTERY[0][1])
    draft = Draft.objects.get()
    assert draft.answers["business"]["name"] == "Pip's Pottery"
    assert draft.current_step == "data"
    answer(client, "data", **PIPS_POTTERY[1][1])
    answer(client, "payments", gateways=["stripe"], stores_card_numbers="no")
    draft.refresh_from_db()
    assert draft.answers["payments"]["gateways"] == ["stripe"]
    assert set(draft.steps) == {"business", "data", "payments"}


def test_the_resume_link_continues_in_another_browser_after_the_session_is_gone(client):
    client.get(reverse("questionnaire:start"))
    assert "appears here then" in _page(client, step_url("business"))  # no draft until the first answer
    for step, fields in PIPS_POTTERY[:4]:
        answer(client, step, **fields)
    draft = Draft.objects.get()
    resume = reverse("questionnaire:resume", args=[draft.token])
    assert resume in _page(client, step_url("analytics"))  # shown once the first page is sent
    client.session.flush()
    other_browser = Client()
    shown = other_browser.get(resume)
    assert shown.status_code == 200 and "Pip&#x27;s Pottery" in shown.content.decode()
    response = other_browser.post(resume)
    assert response.url == step_url("analytics")
    assert _ticked(_page(other_browser, step_url("payments")), "stripe")
    for step, fields in PIPS_POTTERY[4:]:
        assert answer(other_browser, step, **fields).status_code == 302
    assert SavedPolicy.objects.get().answers["business"]["name"] == "Pip's Pottery"


def test_a_resume_link_that_leads_nowhere_says_so(client):
    response = client.get(reverse("questionnaire:resume", args=["not-a-real-token"]))
    assert response.status_code == 404
    assert "does not lead to any saved answers" in response.content.decode()


def test_an_unknown_service_slug_is_refused_next_to_the_list(client):
    client.get(reverse("questionnaire:start"))
    for step, fields in PIPS_POTTERY[:2]:
        answer(client, step, **fields)
    response = answer(client, "payments", gateways=["stripe", "evil-pay"], stores_card_numbers="no")
    assert response.status_code == 200
    assert "We do not know a service called “evil-pay”" in response.content.decode()
    assert _ticked(response.content.decode(), "stripe")


@pytest.mark.parametrize(
    "data, message",
    [
        ({f"{PREFIX}-current_step": "secret-admin-step", "business-name": "x"}, "not part of your questionnaire"),
        ({f"{PREFIX}-current_step": "newsletter-details"}, "not part of your questionnaire"),  # skipped: no answer yet
        ({"business-name": "Pip's Pottery"}, "without the part that says which question"),
    ],
    ids=["forged step", "skipped step", "no management form"],
)
def test_a_tampered_post_gets_a_clear_error_not_a_crash(client, data, message):
    client.get(reverse("questionnaire:start"))
    client.get(step_url("business"))
    response = client.post(step_url("business"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Continue where you were" in page


def test_a_post_after_the_session_ended_points_to_the_resume_link(client):
    response = answer(Client(), "payments", gateways=["stripe"], stores_card_numbers="no")
    assert response.status_code == 400
    assert "the session has ended" in response.content.decode()


def test_change_answers_reopens_the_wizard_filled_in_and_keeps_the_old_policy(client):
    complete(client, GOLDEN_GATE_GOODS)
    first = SavedPolicy.objects.get()
    client.session.flush()  # even from a fresh browser
    response = client.post(reverse("questionnaire:change", args=[first.token]))
    assert response.url == step_url("review")
    review = _page(client, response.url)
    for answer_text in ("Golden Gate Goods", "Bay Credit Union Pay", "Klaviyo", "EU-Rep Services BV", "Oakland, California"):  # fmt: skip
        assert answer_text in review
    assert 'value="2026-12-01"' in review
    business = _page(client, step_url("business"))
    assert 'value="Golden Gate Goods Inc."' in business
    response = answer(client, "business", button={"to_review": "1"}, **dict(GOLDEN_GATE_GOODS[0][1], name="Golden Gate Gifts"))  # fmt: skip
    assert response.url == step_url("review")
    response = answer(client, "review", effective_date="2026-12-02")
    second = SavedPolicy.objects.latest("created_at")
    assert second.pk != first.pk and "Golden Gate Gifts" in second.html
    first.refresh_from_db()
    assert "Golden Gate Gifts" not in first.html and "Golden Gate Goods" in first.html


def _drafted_on_the_command_line() -> dict:
    """A German shop's answers with more than the questionnaire's pages can show."""
    gateways = [
        "klarna",
        {"name": "Local Bank Pay", "privacy_url": "https://localbankpay.example/privacy", "country": "DE"},
        {"name": "Second Pay", "privacy_url": "https://secondpay.example/privacy"},
    ]
    # No surveys: their period is not asked, but it is the owner's answer all the same.
    retention = {"orders_years": 12, "account": "until_deleted", "server_logs_days": 14, "analytics_months": 9, "surveys_months": 6}  # fmt: skip
    return make_answers("eu", payments={"gateways": gateways}, retention=retention)


def _change_and_create(client: Client, first: SavedPolicy, pages: list[tuple[str, dict]]) -> SavedPolicy:
    """Press "Change answers", answer these pages (each back to the review), create the policy."""
    assert client.post(reverse("questionnaire:change", args=[first.token])).url == step_url("review")
    for step, fields in pages:
        assert answer(client, step, button={"to_review": "1"}, **fields).url == step_url("review"), step
    response = answer(client, "review", effective_date=first.answers["effective_date"])
    second = policy_of(response)
    assert response.url == reverse("documents:result", args=[second.token])
    return second


def test_change_answers_without_changing_anything_keeps_every_answer(client):
    first = policy_publish(answers=_drafted_on_the_command_line())
    second = _change_and_create(client, first, [])
    assert second.answers == first.answers
    assert "Second Pay" in second.html


def test_change_answers_keeps_what_the_pages_cannot_show_and_what_the_owner_changed_wins(client):
    first = policy_publish(answers=_drafted_on_the_command_line())
    payments = {"gateways": ["klarna", "paypal"], "stores_card_numbers": "no"}  # Local Bank Pay removed
    retention = {"orders_years": "8", "analytics_months": "9"}  # visit logs emptied: back to the usual
    second = _change_and_create(client, first, [("payments", payments), ("retention", retention)])
    assert second.answers["payments"]["gateways"] == [
        "klarna", "paypal", {"name": "Second Pay", "privacy_url": "https://secondpay.example/privacy"}
    ]  # fmt: skip
    assert second.answers["retention"] == {"orders_years": 8, "account": "until_deleted", "analytics_months": 9, "surveys_months": 6}  # fmt: skip
    assert second.answers["business"] == first.answers["business"]
    assert "Local Bank Pay" not in second.html and "8 years" in second.html


def test_a_child_audience_answered_no_on_change_answers_leaves_the_policy(client):
    first = policy_publish(answers=make_answers("children"))
    customers = {"jurisdictions": ["us"], "children": "no", "sells_data": "no"}
    second = _change_and_create(client, first, [("customers", customers)])
    assert first.answers["jurisdictions"] == ["us", "children"]
    assert second.answers["jurisdictions"] == ["us"] and second.answers["children"] is False


def test_change_answers_only_accepts_a_post(client):
    complete(client, PIPS_POTTERY)
    assert client.get(reverse("questionnaire:change", args=[SavedPolicy.objects.get().token])).status_code == 405


def test_forms_refuse_a_post_without_the_csrf_token():
    browser = Client(enforce_csrf_checks=True)
    browser.get(reverse("questionnaire:start"))
    assert answer(browser, "business", **PIPS_POTTERY[0][1]).status_code == 403


def test_pages_send_the_security_headers(client):
    response = client.get(reverse("questionnaire:start"), follow=True)
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "<script>" not in response.content.decode()  # every script is a static file


def test_a_resume_link_saved_on_a_page_that_no_longer_applies_starts_at_the_first_page(client):
    draft = Draft.objects.create(current_step="newsletter-details", steps={"newsletter": {"newsletter-has_newsletter": ["no"]}})  # fmt: skip
    response = client.post(reverse("questionnaire:resume", args=[draft.token]), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == step_url("business")


def test_the_shop_platform_is_asked_with_the_payments_and_named_in_the_policy(client):
    pages = [(step, dict(fields, platform="squarespace") if step == "payments" else fields) for step, fields in PIPS_POTTERY]  # fmt: skip
    complete(client, pages[:-1])
    review = _page(client, step_url("review"))
    assert "Which platform runs your shop?" in review and "Squarespace" in review
    saved, page = _result(client, answer(client, "review", **pages[-1][1]))
    assert saved.answers["platform"] == "squarespace"
    assert "Squarespace" in page


def test_change_answers_keeps_a_platform_added_by_name_with_its_country(client):
    platform = {"name": "Vitrine Loja", "privacy_url": "https://vitrine.example/privacidade", "country": "BR"}
    first = policy_publish(answers=make_answers("us-ca", platform=platform))
    client.post(reverse("questionnaire:change", args=[first.token]))
    assert 'value="Vitrine Loja"' in _page(client, step_url("payments"))
    second = policy_of(answer(client, "review", effective_date=first.answers["effective_date"]))
    assert second.answers["platform"] == platform and "Vitrine Loja" in second.html


def test_a_shop_platform_changed_to_none_leaves_the_policy(client):
    first = policy_publish(answers=make_answers("us-ca"))
    payments = {"platform": "none", "gateways": ["stripe", "apple-pay", "afterpay"], "stores_card_numbers": "no"}
    second = _change_and_create(client, first, [("payments", payments)])
    assert first.answers["platform"] == "shopify" and second.answers["platform"] is None
    assert "Shopify" in first.html and "Shopify" not in second.html


def test_opening_someone_elses_resume_link_shows_it_and_switches_nothing_until_the_button(client):
    client.get(reverse("questionnaire:start"))
    answer(client, PIPS_POTTERY[0][0], **PIPS_POTTERY[0][1])
    mine = Draft.objects.get()
    theirs = Draft.objects.create(answers={"business": {"name": "Sender's Shop"}}, current_step="data")
    link = reverse("questionnaire:resume", args=[theirs.token])
    page = client.get(link).content.decode()
    assert "Sender&#x27;s Shop" in page and "This browser is working on other answers" in page
    assert client.get(step_url("business")).content.decode().count("Pip&#x27;s Pottery") >= 1  # still mine
    assert client.session[SESSION_KEY] == mine.token
    client.post(link)
    assert client.session[SESSION_KEY] == theirs.token


def test_change_answers_on_a_policy_starts_a_new_draft_not_the_owners_live_one(client):
    complete(client, PIPS_POTTERY)
    saved, owners = SavedPolicy.objects.get(), Draft.objects.get()
    stranger = Client()
    stranger.post(reverse("questionnaire:change", args=[saved.token]))
    assert Draft.objects.count() == 2
    assert stranger.session[SESSION_KEY] != owners.token


def test_an_owner_deletes_her_answers_policies_pdfs_and_session_from_the_result_page(client):
    from django.core.cache import caches

    from policybuilder.documents.pdf import pdf_key, pdf_meta, policy_pdf
    from policybuilder.documents.pdf_cache import CACHE_ALIAS

    complete(client, PIPS_POTTERY)
    first = SavedPolicy.objects.get()
    client.post(reverse("documents:regenerate", args=[first.token]))  # a second version, same family
    policy_pdf(html=first.html, answers=first.answers)
    other_shop = policy_publish(answers=make_answers("us"))
    link = reverse("questionnaire:delete-policy", args=[first.token])
    assert "Delete your answers and policies?" in client.get(link).content.decode()
    assert SavedPolicy.objects.count() >= 2  # a GET deletes nothing
    done = client.post(link)
    assert "Your answers and policies are deleted" in done.content.decode()
    assert list(SavedPolicy.objects.all()) == [other_shop]  # another owner's policy stays
    assert not Draft.objects.exists()
    assert caches[CACHE_ALIAS].get(pdf_key(html=first.html, meta=pdf_meta(first.answers))) is None
    assert SESSION_KEY not in client.session
    assert client.get(reverse("documents:result", args=[first.token])).status_code == 404


def test_answers_not_yet_made_into_a_policy_are_deleted_from_their_resume_link(client):
    draft = Draft.objects.create(answers={"business": {"name": "Half Done"}})
    link = reverse("questionnaire:delete-draft", args=[draft.token])
    assert "Half Done" in client.get(link).content.decode()
    client.post(link)
    assert not Draft.objects.filter(pk=draft.pk).exists()


def _two_browsers_on_one_draft(client: Client) -> tuple[Client, Draft]:
    """The owner answers two pages here, then opens the private link on a second device."""
    client.get(reverse("questionnaire:start"))
    for step, fields in PIPS_POTTERY[:2]:
        answer(client, step, **fields)
    draft = Draft.objects.get()
    other = Client()
    other.post(reverse("questionnaire:resume", args=[draft.token]))
    return other, draft


def _shown_version(page: str) -> str:
    return page.split('name="draft_step_version" value="')[1].split('"')[0]


def test_a_page_only_looked_at_in_another_tab_never_overwrites_newer_answers(client):
    other, draft = _two_browsers_on_one_draft(client)
    client.get(step_url("payments"))
    answer(client, "payments", gateways=["stripe"], stores_card_numbers="no")
    before = Draft.objects.get(pk=draft.pk)
    other.get(step_url("business"))  # the second device only looks
    after = Draft.objects.get(pk=draft.pk)
    assert after.steps == before.steps and after.updated_at == before.updated_at


def test_two_devices_answering_different_pages_keep_both_answers(client):
    other, draft = _two_browsers_on_one_draft(client)
    answer(client, "sensitive", none=True)
    answer(other, "payments", gateways=["paypal"], stores_card_numbers="no")  # its wizard predates "sensitive"
    draft.refresh_from_db()
    assert draft.steps["sensitive"]["sensitive-none"] == ["on"]
    assert draft.steps["payments"]["payments-gateways"] == ["paypal"]
    assert draft.answers["sensitive"] and draft.answers["payments"]["gateways"] == ["paypal"]


def test_a_page_saved_elsewhere_meanwhile_is_shown_and_the_owners_input_is_kept(client):
    other, draft = _two_browsers_on_one_draft(client)
    version = _shown_version(_page(client, step_url("business")))
    mine = dict(PIPS_POTTERY[0][1]) | {"name": "Pip's Pottery Studio"}
    theirs = dict(PIPS_POTTERY[0][1]) | {"name": "Pip's Ceramics"}
    answer(other, "business", **theirs)
    stale = answer(client, "business", button={"draft_step_version": version}, **mine)  # shown before the other save
    page = stale.content.decode()
    assert stale.status_code == 200 and "changed in another tab or on another device" in page
    assert "Pip&#x27;s Ceramics" in page and 'value="Pip&#x27;s Pottery Studio"' in page
    draft.refresh_from_db()
    assert draft.answers["business"]["name"] == "Pip's Ceramics"  # nothing overwritten yet
    kept = answer(client, "business", button={"draft_step_version": _shown_version(page)}, **mine)
    assert kept.status_code == 302
    draft.refresh_from_db()
    assert draft.answers["business"]["name"] == "Pip's Pottery Studio"


def test_a_first_look_at_the_questionnaire_stores_no_session_and_no_draft(client):
    from django.contrib.sessions.models import Session

    client.get(step_url("business"))
    assert not Session.objects.exists() and not Draft.objects.exists()
    assert answer(client, "business", **PIPS_POTTERY[0][1]).status_code == 302  # the first answer starts both
    assert Session.objects.count() == 1 and Draft.objects.count() == 1
