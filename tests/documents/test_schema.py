"""Bad answers are refused with one clear message per bad field, and nothing else happens."""

import pytest

from policybuilder.documents.assemble import InvalidAnswers, policy_assemble
from tests.base import make_answers

pytestmark = pytest.mark.django_db


def _errors(answers) -> list[str]:
    with pytest.raises(InvalidAnswers) as caught:
        policy_assemble(answers=answers)
    return caught.value.errors


def test_every_sample_shop_is_valid():
    from tests.base import SAMPLES

    for sample in SAMPLES:
        policy_assemble(answers=make_answers(sample))


def test_each_bad_field_gets_its_own_message():
    answers = make_answers("us")
    del answers["business"]["name"]
    answers["business"]["email"] = "orders at hlbakes"
    answers["business"]["website"] = "hlbakes dot com"
    answers["analytics"]["services"] = ["google-analytic"]
    answers["jurisdictions"] = ["us", "mars"]
    answers["effective_date"] = "2026-13-45"
    answers["children"] = "no"
    errors = _errors(answers)
    assert len(errors) == 7, errors
    joined = "\n".join(errors)
    assert "business: name is missing" in joined
    assert "business.email: 'orders at hlbakes' is not an email address" in joined
    assert "business.website: 'hlbakes dot com' is not a web address" in joined
    assert "analytics.services[0]: 'google-analytic' is not a service we know" in joined
    assert "jurisdictions[1]: 'mars' is not one of" in joined
    assert "effective_date: '2026-13-45' is not a date" in joined
    assert "children: 'no' has the wrong type" in joined


def test_a_service_from_another_kind_is_refused():
    answers = make_answers("minimal")
    answers["payments"]["gateways"] = ["mailchimp"]
    assert _errors(answers) == [
        "payments.gateways[0]: 'mailchimp' is not a service we know: use a catalogue slug, or give {name, privacy_url}"
    ]


def test_a_service_the_catalogue_lacks_needs_a_real_privacy_url():
    answers = make_answers("minimal")
    answers["payments"]["gateways"] = [{"name": "Local Pay", "privacy_url": "javascript:alert(1)"}]
    assert _errors(answers) == [
        "payments.gateways[0].privacy_url: 'javascript:alert(1)' is not a web address starting with https://"
    ]


def test_country_and_region_must_be_real_codes():
    answers = make_answers("us")
    answers["business"]["country"] = "XX"
    assert "not an ISO 3166-1 country code" in _errors(answers)[0]
    answers["business"]["country"] = "US"
    answers["business"]["region"] = "ZZ"
    assert "not a region code of US" in _errors(answers)[0]


def test_answers_that_are_not_an_object_are_refused():
    assert _errors([]) == ["answers: [] has the wrong type: expected object"]


def test_overlong_text_is_refused():
    answers = make_answers("minimal")
    answers["business"]["name"] = "x" * 121
    assert _errors(answers) == ["business.name: is too long: at most 120 characters"]


def test_a_platform_must_be_one_the_catalogue_lists_or_named_with_its_privacy_notice():
    message = "is not a shop platform we know: use a catalogue slug, give {name, privacy_url}, or null"
    assert _errors(make_answers("minimal", platform="shopfiy")) == [f"platform: 'shopfiy' {message}"]
    assert _errors(make_answers("minimal", platform="stripe")) == [f"platform: 'stripe' {message}"]
    assert _errors(make_answers("minimal", platform={"name": "Host"})) == [
        "platform: privacy_url is missing: please give it"
    ]
    for accepted in (None, "wix", {"name": "Host", "privacy_url": "https://host.example/privacy"}):
        assert policy_assemble(answers=make_answers("minimal", platform=accepted)).sections
