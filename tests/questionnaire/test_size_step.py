"""The "Size of your business" step: asked only for the size-tested laws the shop's customers bring,
whole numbers with a plain message for anything else, and every answer back on "Change answers"."""

import pytest
from django.urls import reverse

from policybuilder.documents.services import policy_publish
from policybuilder.questionnaire.models import Draft
from tests.base import make_answers
from tests.questionnaire.test_practices_step import _page_before
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
QUESTIONS = {
    "us-ca": "Your gross revenue last calendar year, in US dollars",
    "au": "Your annual turnover last financial year, in Australian dollars",
    "gdpr": "Do you handle the data of customers in the EU or the UK only now and then?",
    "br": "Is your business a small processing agent under Brazil",
    "jp": "How may companies outside Japan get the data of your customers in Japan?",
    "cn": "Do you ask customers in China for a separate consent before passing their data on?",
}


def _customers(jurisdictions: list[str]) -> dict:
    return {"customers": {"jurisdictions": jurisdictions, "children": "no", "sells_data": "no"}}


def _with_size(pages: list) -> list:
    """A shop's pages with the size step, for customers that bring it."""
    pages = list(pages)
    pages.insert([step for step, _ in pages].index("retention"), ("size", {}))
    return pages


def test_a_uk_shop_selling_only_at_home_never_sees_the_size_step(client):
    response = complete(client, PIPS_POTTERY)
    assert response.status_code == 302
    assert "Size of your business" not in client.get(step_url("review")).content.decode()
    assert client.get(step_url("size")).url == step_url("review")


def test_a_californian_shop_selling_to_the_eu_is_asked_the_ccpa_figures_and_the_representative_question(client):
    page = _page_before(client, GOLDEN_GATE_GOODS, "size")
    assert QUESTIONS["us-ca"] in page and QUESTIONS["gdpr"] in page
    assert "If the California law does not apply to a business your size" in page
    assert QUESTIONS["au"] not in page and QUESTIONS["br"] not in page
    assert checked(page, "size-not_applicable_us_ca", "")  # "Not sure yet" until the owner chooses


@pytest.mark.parametrize(
    "jurisdictions, asked",
    [
        (["uk", "au"], ["au"]),
        (["uk", "br"], ["br"]),
        (["uk", "au", "br"], ["au", "br"]),
        (["uk", "jp", "cn"], ["jp", "cn"]),
    ],
    ids=["australia", "brazil", "both", "japan-and-china"],
)
def test_customers_in_australia_brazil_japan_or_china_bring_their_own_questions(client, jurisdictions, asked):
    page = _page_before(client, _with_size(PIPS_POTTERY), "size", **_customers(jurisdictions))
    for topic, question in QUESTIONS.items():
        assert (question in page) == (topic in asked), topic


def test_an_australian_shop_is_asked_its_turnover_even_before_saying_where_customers_live(client):
    business = dict(PIPS_POTTERY[0][1], country="AU", address="1 George St, Sydney NSW 2000")
    page = _page_before(client, PIPS_POTTERY, "customers", business=business)
    assert "Size of your business" in page  # in the progress list already


def test_figures_reach_the_contract_and_an_empty_box_gives_no_key(client):
    _page_before(client, GOLDEN_GATE_GOODS, "size")
    answer(client, "size", annual_revenue_usd="1,200,000", california_consumers="0", not_applicable_us_ca="leave_out")  # fmt: skip
    answers = Draft.objects.get().answers
    assert answers["size"] == {"annual_revenue_usd": 1200000, "california_consumers": 0}
    assert answers["not_applicable"] == {"us-ca": "leave_out"}


def test_the_japanese_and_chinese_answers_reach_the_contract(client):
    _page_before(client, _with_size(PIPS_POTTERY), "size", **_customers(["uk", "jp", "cn"]))
    answer(client, "size", jp_representative="Pip Jones, owner", jp_transfers="contract", cn_consent="no")
    size = Draft.objects.get().answers["size"]
    assert size == {"jp_representative": "Pip Jones, owner", "jp_transfers": "contract", "cn_consent": "no"}


def test_an_untouched_page_gives_no_size_and_no_choice(client):
    _page_before(client, GOLDEN_GATE_GOODS, "size")
    assert answer(client, "size").url == step_url("retention")
    answers = Draft.objects.get().answers
    assert "size" not in answers and "not_applicable" not in answers


@pytest.mark.parametrize(
    "fields, field, message",
    [
        (
            {"annual_revenue_usd": "about a million"},
            "annual_revenue_usd",
            "Give a whole number of US dollars, like 250000, or leave it empty.",
        ),  # fmt: skip
        ({"annual_revenue_usd": "2.5"}, "annual_revenue_usd", "Give a whole number of US dollars, like 250000"),
        ({"california_consumers": "-3"}, "california_consumers", "Give a whole number, like 5000, or leave it empty."),
        ({"revenue_share_from_data_pct": "150"}, "revenue_share_from_data_pct", "Give a whole percent from 0 to 100"),
    ],
    ids=["words", "a fraction", "below zero", "above 100"],
)
def test_a_figure_that_is_not_a_whole_number_says_what_to_give_and_the_rest_stays(client, fields, field, message):
    _page_before(client, GOLDEN_GATE_GOODS, "size")
    response = answer(client, "size", gdpr_occasional="no", not_applicable_us_ca="give_anyway", **fields)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page[page.index(f'id="div_id_size-{field}"') :][:2000]
    assert checked(page, "size-gdpr_occasional", "no") and checked(page, "size-not_applicable_us_ca", "give_anyway")


def test_the_australian_exceptions_say_none_only_when_ticked(client):
    _page_before(client, _with_size(PIPS_POTTERY), "size", **_customers(["uk", "au"]))
    answer(client, "size", au_turnover_aud="900000")
    assert Draft.objects.get().answers["size"] == {"au_turnover_aud": 900000}
    answer(client, "size", au_turnover_aud="900000", au_exceptions=["none"], not_applicable_au="give_anyway")
    answers = Draft.objects.get().answers
    assert answers["size"] == {"au_turnover_aud": 900000, "au_exceptions": []}
    assert answers["not_applicable"] == {"au": "give_anyway"}


def test_change_answers_brings_the_figures_back_and_keeps_them(client):
    size = {"annual_revenue_usd": 800000, "california_consumers": 12000, "revenue_share_from_data_pct": 0}
    first = policy_publish(answers=make_answers("us-ca", size=size, not_applicable={"us-ca": "give_anyway"}))
    client.post(reverse("questionnaire:change", args=[first.token]))
    page = client.get(step_url("size")).content.decode()
    assert 'value="800000"' in page and 'value="12000"' in page
    assert checked(page, "size-not_applicable_us_ca", "give_anyway")
    second = policy_of(answer(client, "review", effective_date=first.answers["effective_date"]))
    assert second.answers["size"] == size and second.answers["not_applicable"] == {"us-ca": "give_anyway"}


def test_back_keeps_a_figure_even_before_it_is_valid(client):
    _page_before(client, GOLDEN_GATE_GOODS, "size")
    back(client, "size", to="practices", annual_revenue_usd="lots", gdpr_occasional="yes")
    page = client.get(step_url("size")).content.decode()
    assert 'value="lots"' in page and checked(page, "size-gdpr_occasional", "yes")


def test_a_us_shop_gives_its_us_band_and_then_each_state_the_band_cannot_rule_out(client):
    _page_before(client, GOLDEN_GATE_GOODS, "size")
    page = client.get(step_url("size")).content.decode()
    assert "People in the US whose data you handle in a year" in page and "residents of Virginia" not in page
    answer(client, "size", us_consumers="35k_75k", sba_small_business="no")
    assert Draft.objects.get().answers["size"] == {"us_consumers": "35k_75k", "sba_small_business": "no"}
    page = client.get(step_url("size")).content.decode()
    # 35,000 to 74,999 across the US can still be 35,000 in Connecticut or 25,000 in Montana, never 100,000 in Virginia
    assert "Of those, residents of Connecticut" in page and "Of those, residents of Montana" in page
    assert "Of those, residents of Virginia" in page  # its 25,000 prong (with a revenue share) is still open
    answer(client, "size", us_consumers="35k_75k", sba_small_business="no", **{"consumers_us-ct": "under_10k"})
    assert Draft.objects.get().answers["size"]["us_state_consumers"] == {"us-ct": "under_10k"}
    page = client.get(step_url("size")).content.decode()
    field = page[page.index('name="size-consumers_us-ct"') :][:1500]
    assert '<option value="under_10k" selected>' in field


def test_a_band_that_is_not_offered_gets_a_message_and_the_page_keeps_the_rest(client):
    _page_before(client, GOLDEN_GATE_GOODS, "size")
    response = answer(client, "size", us_consumers="a_million", gdpr_occasional="no")
    assert response.status_code == 200
    page = response.content.decode()
    assert "is not one of the answers listed" in page and checked(page, "size-gdpr_occasional", "no")
