"""The "How you handle data" step: only the questions that apply to the shop, nothing claimed for an
unanswered one, "None of these" said on purpose, and every answer back on "Change answers"."""

import pytest
from django.urls import reverse
from django.utils.datastructures import MultiValueDict

from policybuilder.documents.services import policy_publish
from policybuilder.questionnaire.models import Draft
from policybuilder.questionnaire.practices_form import PracticesForm
from policybuilder.questionnaire.selectors import catalogue_choices
from policybuilder.questionnaire.services import answers_shown
from tests.base import make_answers
from tests.questionnaire.wizard import (
    GOLDEN_GATE_GOODS,
    PIPS_POTTERY,
    answer,
    back,
    checked,
    complete,
    policy_of,
    step_url,
)

pytestmark = pytest.mark.django_db
EVERY_TOPIC_QUESTION = {
    "consent_banner": "Does your site ask visitors to accept or refuse cookies?",
    "gpc": "Does your site honour Global Privacy Control (GPC)?",
    "gpc_account": "Does a GPC signal also opt out a signed-in customer",
    "optout_link": "The words of your link to opt out of the sale or sharing of data",
    "dnt": "Do Not Track signal?",
    "marketing_email": "Who gets your marketing emails?",
    "accounts_created": "How are customer accounts set up?",
    "phone_cards": "what happens to the card details they read out?",
    "surveys_anonymous": "Are your survey answers anonymous?",
    "fraud_checks": "Can a fraud check turn down an order",
}


def _page_before(client, pages, step: str, **changes) -> str:
    """Answer every page before `step` (some with changed fields); returns the page of `step`."""
    client.get(reverse("questionnaire:start"))
    for name, fields in pages[: [s for s, _ in pages].index(step)]:
        response = answer(client, name, **(fields | changes.get(name, {})))
        assert response.status_code == 302, name
    response = client.get(step_url(step))
    assert response.status_code == 200
    return response.content.decode()


def test_a_uk_shop_without_tools_accounts_or_newsletter_is_asked_only_what_applies_to_it(client):
    page = _page_before(client, PIPS_POTTERY, "practices")
    assert "Can a fraud check turn down an order" in page  # she takes payments
    assert "How you protect customer data" in page and "Who else may receive customer data" in page
    for question in ("consent_banner", "gpc", "gpc_account", "optout_link", "dnt", "marketing_email", "accounts_created", "phone_cards", "surveys_anonymous"):  # fmt: skip
        assert EVERY_TOPIC_QUESTION[question] not in page, question


def test_a_californian_shop_with_ads_accounts_and_a_newsletter_is_asked_about_each(client):
    page = _page_before(client, GOLDEN_GATE_GOODS, "practices")
    for question in ("consent_banner", "gpc", "gpc_account", "optout_link", "dnt", "marketing_email", "accounts_created", "fraud_checks"):  # fmt: skip
        assert EVERY_TOPIC_QUESTION[question] in page, question
    assert EVERY_TOPIC_QUESTION["phone_cards"] not in page and EVERY_TOPIC_QUESTION["surveys_anonymous"] not in page


def test_phone_orders_and_surveys_bring_their_own_questions(client):
    data = {"data": {"contact_form": True, "phone_orders": True, "surveys": True, "server_logs": True}}
    page = _page_before(client, PIPS_POTTERY, "practices", **data)
    assert EVERY_TOPIC_QUESTION["phone_cards"] in page and EVERY_TOPIC_QUESTION["surveys_anonymous"] in page
    assert "Who runs your surveys?" in page


def test_gpc_is_asked_of_a_us_facing_shop_only_with_ad_tags_or_data_sales(client):
    no_ads = {"analytics": {"services": ["google-analytics"], "advertising": []}}
    assert EVERY_TOPIC_QUESTION["gpc"] not in _page_before(client, GOLDEN_GATE_GOODS, "practices", **no_ads)
    selling = no_ads | {"customers": dict(dict(GOLDEN_GATE_GOODS)["customers"], sells_data="yes")}
    pages = list(GOLDEN_GATE_GOODS)
    sales = {"categories": "email addresses", "buyers": "marketing firms", "purpose": "to send offers"}
    pages.insert([s for s, _ in pages].index("customers") + 1, ("sales", sales))
    assert EVERY_TOPIC_QUESTION["gpc"] in _page_before(client, pages, "practices", **selling)


def test_an_untouched_page_gives_no_practice_at_all(client):
    _page_before(client, GOLDEN_GATE_GOODS, "practices")
    assert answer(client, "practices").url == step_url("size")
    assert "practices" not in Draft.objects.get().answers


def test_the_answers_given_reach_the_contract_and_the_ones_left_empty_give_no_key(client):
    _page_before(client, GOLDEN_GATE_GOODS, "practices")
    fields = {
        "consent_banner": "tool", "consent_tool": "Cookiebot", "gpc": "not_sure", "marketing_email": "consent_only",
        "security": ["https", "staff_access"], "other_recipients": ["none"],
    }  # fmt: skip
    answer(client, "practices", **fields)
    assert Draft.objects.get().answers["practices"] == {
        "consent_banner": "tool", "consent_tool": "Cookiebot", "gpc": "not_sure", "marketing_email": "consent_only",
        "security": ["https", "staff_access"], "other_recipients": [],
    }  # fmt: skip


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"consent_link": "Cookie settings"}, "consent_banner", "You named a cookie banner below: choose Yes"),
        ({"gpc": "not_honoured", "gpc_how": "we stop the pixel"}, "gpc", "You said how your site honours GPC"),
        ({"security": ["https", "none"]}, "security", "You ticked “None of these” and other boxes too"),
    ],
    ids=["a link without a banner", "how without honouring", "none and a measure"],
)
def test_answers_that_contradict_each_other_are_refused_and_the_rest_stays(client, fields, field, message):
    _page_before(client, GOLDEN_GATE_GOODS, "practices")
    response = answer(client, "practices", marketing_email="consent_only", **fields)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page[page.index(f'id="div_id_practices-{field}"') :][:3000]
    assert checked(page, "practices-marketing_email", "consent_only")


def test_a_survey_service_needs_its_name_and_notice_and_surveys_run_in_house_say_so():
    catalogue = catalogue_choices()

    def form(**data):
        posted = MultiValueDict({f"p-{k}": [v] for k, v in data.items()})
        return PracticesForm(data=posted, prefix="p", catalogue=catalogue, topics=("surveys",))

    assert "Give the name of the survey service" in form(survey_tool="other").errors["other_survey_tool_name"][0]
    assert "choose “A survey service”" in form(survey_tool="own", other_survey_tool_name="Typeform").errors["survey_tool"][0]  # fmt: skip
    own = form(survey_tool="own", surveys_anonymous="yes")
    assert own.is_valid() and own.answers() == {"practices": {"surveys_anonymous": "yes", "survey_tool": None}}
    service = form(
        survey_tool="other", other_survey_tool_name="Typeform", other_survey_tool_url="https://typeform.example/p"
    )
    assert service.is_valid()
    assert service.answers()["practices"]["survey_tool"] == {
        "name": "Typeform",
        "privacy_url": "https://typeform.example/p",
    }


def test_every_practice_of_a_shop_that_answered_them_all_comes_back_in_the_questionnaire():
    answers = make_answers("practices-confirmed")
    shown = answers_shown(answers=answers, catalogue=catalogue_choices())
    expected = dict(answers["practices"])
    expected["survey_tool"] = {k: v for k, v in expected["survey_tool"].items() if k != "country"}  # not on the page
    assert shown["practices"] == expected


def test_change_answers_shows_every_practice_and_keeps_them_when_nothing_changes(client):
    first = policy_publish(answers=make_answers("practices-confirmed"))
    client.post(reverse("questionnaire:change", args=[first.token]))
    page = client.get(step_url("practices")).content.decode()
    assert 'value="Cookiebot"' in page and 'value="Formbricks Cloud"' in page
    assert checked(page, "practices-security", "two_factor") and not checked(page, "practices-security", "none")
    second = policy_of(answer(client, "review", effective_date=first.answers["effective_date"]))
    assert second.answers["practices"] == first.answers["practices"]  # the survey tool's country included


def test_the_review_says_not_given_for_boxes_left_empty_never_none(client):
    complete(client, PIPS_POTTERY[:-1])
    answer(client, "practices", button={"to_review": "1"})
    review = client.get(step_url("review")).content.decode()
    section = review[review.index(">How you handle data</h2>") :].split("</section>")[0]
    assert "<dt>How you protect customer data</dt><dd>Not given</dd>" in section


def test_back_and_a_reload_keep_what_is_on_the_page(client):
    _page_before(client, GOLDEN_GATE_GOODS, "practices")
    fields = {"consent_tool": "Cookiebot", "security": ["https"], "gpc": "honoured"}
    assert back(client, "practices", to="representatives", **fields).url == step_url("representatives")
    for _ in range(2):  # coming back, and reloading
        page = client.get(step_url("practices")).content.decode()
        assert 'value="Cookiebot"' in page and checked(page, "practices-security", "https")
        assert checked(page, "practices-gpc", "honoured")
