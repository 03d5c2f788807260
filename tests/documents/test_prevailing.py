"""Which language version prevails: said at the policy's end only when the owner chooses one; by default
each version stands on its own and the policy says nothing about it (issue 14)."""

import pytest

from policybuilder.documents.assemble import InvalidAnswers, policy_assemble
from policybuilder.documents.exporters import policy_text
from policybuilder.languages import CODES, VERSION_IN
from policybuilder.questionnaire import review_form
from policybuilder.questionnaire.review_form import ReviewForm
from tests.base import make_answers

pytestmark = pytest.mark.django_db


def _text(**changes):
    return policy_text(policy_assemble(answers=make_answers("minimal", **changes)))


def test_by_default_a_policy_says_nothing_about_other_language_versions():
    text = _text()
    assert "Versions in other languages" not in text
    assert "is the one that applies" not in text


def test_the_prevailing_version_says_it_prevails():
    text = _text(prevailing_language="en")
    assert "Versions in other languages" in text
    assert "in another language ever says something different, this version is the one that applies" in text


def test_another_version_names_the_one_that_prevails():
    text = _text(prevailing_language="de")
    assert "the version in German is the one that applies" in text
    assert "this version is the one that applies" not in text


def test_an_unknown_prevailing_language_is_refused_with_its_field_named():
    with pytest.raises(InvalidAnswers) as refused:
        _text(prevailing_language="xx")
    assert any("prevailing_language" in error for error in refused.value.errors)


def _form(data):
    return ReviewForm(data={"review-effective_date": "2026-12-01", **data}, prefix="review")


def test_the_review_step_asks_only_when_more_than_one_language_is_offered(monkeypatch):
    monkeypatch.setattr(review_form, "OFFERED", ("en",))
    assert "prevailing_language" not in _form({}).fields
    monkeypatch.setattr(review_form, "OFFERED", ("en", "de"))
    form = _form({"review-language": "en", "review-prevailing_language": "de"})
    assert [code for code, _ in form.fields["prevailing_language"].choices] == ["", "en", "de"]
    assert form.is_valid(), form.errors
    assert form.answers()["prevailing_language"] == "de"
    unset = _form({"review-language": "en"})
    assert unset.is_valid() and "prevailing_language" not in unset.answers()


@pytest.mark.parametrize("code", CODES)
def test_any_language_can_be_the_one_that_prevails(code):
    text = _text(prevailing_language=code)
    assert "is the one that applies" in text
    assert str(VERSION_IN[code]) in text or code == "en"
