"""The step forms: what they accept, what they refuse, and that they speak the answers contract."""

import copy
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.datastructures import MultiValueDict

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.exporters import policy_markdown
from policybuilder.documents.law_tests import rule
from policybuilder.questionnaire.forms import (
    ADDRESS_LAWS,
    STEPS,
    BusinessForm,
    CustomersForm,
    DataForm,
    NewsletterDetailsForm,
    PaymentsForm,
)
from policybuilder.questionnaire.selectors import catalogue_choices
from policybuilder.questionnaire.services import answers_shown
from tests.base import make_answers

pytestmark = pytest.mark.django_db
# Samples whose every answer the questionnaire can give (uk.json's website has a "&" in its host name).
WIZARD_SAMPLES = ["minimal", "eu", "us", "us-ca", "ca", "br", "au", "children", "hostile", "all-services"]


def _form(form_class, **data):
    prefix = "step"
    posted = MultiValueDict({f"{prefix}-{k}": v if isinstance(v, list) else [v] for k, v in data.items()})
    return form_class(data=posted, prefix=prefix, catalogue=catalogue_choices())


def _as_the_pages_show(answers: dict) -> dict:
    """An answer set with what the pages show for a question it leaves out: No for a Yes/No question,
    the usual ticks on "What you collect". "Change answers" drops each again unless the owner changes
    it (services.answers_carry_over), so a shown default never becomes an answer."""
    shown = copy.deepcopy(answers)
    shown |= {"children": answers.get("children", False), "sells_data": answers.get("sells_data", False)}
    defaults = {
        "payments": {"stores_card_numbers": False},
        "shipping": {"international": False},
        "data": {flag: flag in ("server_logs", "essential_cookies") for flag in DataForm.base_fields},
    }
    for part, values in defaults.items():
        if part in shown:
            shown[part] = values | shown[part]
    return shown


@pytest.mark.parametrize("sample", WIZARD_SAMPLES)
def test_a_policy_reopened_in_the_questionnaire_comes_out_the_same(sample):
    answers = make_answers(sample)
    again = answers_shown(answers=answers, catalogue=catalogue_choices())
    expected = policy_markdown(policy_assemble(answers=_as_the_pages_show(answers)))
    assert policy_markdown(policy_assemble(answers=again)) == expected


def test_a_region_must_belong_to_the_country():
    form = _form(BusinessForm, name="Shop", email="a@shop.example", address="1 Road", country="GB", region="TX")
    assert "is not a region code we know" in form.errors["region"][0]
    form = _form(BusinessForm, name="Shop", email="a@shop.example", address="1 Road", country="US", region="tx")
    assert form.is_valid() and form.answers()["business"]["region"] == "TX"


def test_an_email_the_policy_would_refuse_is_refused_on_the_form():
    form = _form(BusinessForm, name="Shop", email="owner@localhost", address="1 Road", country="GB")
    assert form.errors["email"] == ["Enter an email address like hello@yourshop.com."]


def test_a_web_address_without_https_gets_it():
    form = _form(BusinessForm, name="Shop", email="a@shop.example", address="1 Road", country="GB", website="shop.example")  # fmt: skip
    assert form.is_valid() and form.answers()["business"]["website"] == "https://shop.example"


def test_an_added_service_needs_both_its_name_and_its_privacy_notice():
    form = _form(PaymentsForm, gateways=["stripe"], other_name="Local Bank Pay", stores_card_numbers="no")
    assert "Give the privacy notice address of Local Bank Pay" in form.errors["other_url"][0]
    form = _form(PaymentsForm, other_name="Local Bank Pay", other_url="https://lbp.example/privacy", stores_card_numbers="no")  # fmt: skip
    assert form.is_valid()
    assert form.answers()["payments"]["gateways"] == [{"name": "Local Bank Pay", "privacy_url": "https://lbp.example/privacy"}]  # fmt: skip


def test_payments_need_at_least_one_provider():
    form = _form(PaymentsForm, stores_card_numbers="no")
    assert "Tick at least one way your customers pay" in form.errors["gateways"][0]


def test_a_newsletter_tool_we_do_not_list_is_named_by_the_owner():
    form = _form(NewsletterDetailsForm, provider="other", double_opt_in="no")
    assert "Give the name and privacy notice" in form.errors["other_name"][0]
    form = _form(NewsletterDetailsForm, provider="other", other_name="Shop Mailer", other_url="https://mailer.example/p", double_opt_in="yes")  # fmt: skip
    assert form.is_valid()
    assert form.answers()["newsletter"] == {
        "provider": {"name": "Shop Mailer", "privacy_url": "https://mailer.example/p"}, "double_opt_in": True
    }  # fmt: skip


def test_every_question_has_a_hint():
    catalogue = catalogue_choices()
    for step, form_class in STEPS:
        form = form_class(prefix=step, catalogue=catalogue)
        for name, field in form.fields.items():
            assert len(field.help_text) > 20, f"{step}.{name} has no hint"


def test_every_required_question_says_what_to_give_when_left_empty():
    catalogue = catalogue_choices()
    for step, form_class in STEPS:
        form = form_class(data={}, prefix=step, catalogue=catalogue)
        for name, errors in form.errors.items():
            assert "This field is required." not in errors, f"{step}.{name} says only that it is required"


def test_a_platform_we_do_not_list_is_named_by_the_owner_and_only_when_chosen():
    form = _form(PaymentsForm, platform="other", gateways=["stripe"], stores_card_numbers="no")
    assert "Give the name and privacy notice" in form.errors["other_platform_name"][0]
    added = {"other_platform_name": "Vitrine", "other_platform_url": "https://vitrine.example/p"}
    form = _form(PaymentsForm, platform="wix", gateways=["stripe"], stores_card_numbers="no", **added)
    assert "Choose “One we don't list (add it below)”" in form.errors["platform"][0]
    form = _form(PaymentsForm, platform="other", gateways=["stripe"], stores_card_numbers="no", **added)
    assert form.is_valid() and form.answers()["platform"] == {
        "name": "Vitrine",
        "privacy_url": "https://vitrine.example/p",
    }


@pytest.mark.parametrize(("form_class", "field", "fields"), [
    (PaymentsForm, "platform", {"gateways": ["stripe"], "stores_card_numbers": "no"}),
    (NewsletterDetailsForm, "provider", {"double_opt_in": "yes"}),
])  # fmt: skip
def test_a_refused_name_points_to_the_option_as_the_list_writes_it(form_class, field, fields):
    form = _form(form_class, **{field: "no-such-service"}, **fields)
    shown = dict(form.fields[field].extra)["other"]  # "One we don't list (add it below)"
    assert f"“{shown}”" in form.errors[field][0]
    if field == "provider":  # its hint says what to pick when the shop platform sends the newsletter
        assert f"“{shown}”" in form.fields[field].help_text


def test_the_platform_question_may_be_left_unanswered():
    form = _form(PaymentsForm, gateways=["stripe"], stores_card_numbers="no")
    assert form.is_valid() and "platform" not in form.answers()
    form = _form(PaymentsForm, platform="none", gateways=["stripe"], stores_card_numbers="no")
    assert form.is_valid() and form.answers()["platform"] is None


def test_the_postal_address_is_optional_and_its_hint_names_the_laws_that_need_one():
    form = _form(BusinessForm, name="Shop", email="a@shop.example", country="US")
    assert form.is_valid() and "address" not in form.answers()["business"]
    hint = str(form.fields["address"].help_text)
    assert hint.startswith("Needed for ") and "a PO box is fine" in hint and "Otherwise optional" in hint
    for entry in rule("address_required"):
        assert entry["law"] in ADDRESS_LAWS, f"no plain words for {entry['law']}: the hint would quote the rule"
        assert ADDRESS_LAWS[entry["law"]] in hint


def test_a_shop_made_for_children_without_an_address_is_told_on_the_customers_page():
    business = {"name": "Tiny Crafters", "email": "a@tiny.example", "country": "US"}
    data = {"jurisdictions": ["us"], "children": "yes", "sells_data": "no"}
    posted = MultiValueDict({f"step-{k}": v if isinstance(v, list) else [v] for k, v in data.items()})
    form = CustomersForm(data=posted, prefix="step", catalogue=catalogue_choices(), business=business)
    assert not form.is_valid()
    assert "COPPA requires" in form.non_field_errors()[0] and "Add it on the “Your business” page." in form.non_field_errors()[0]  # fmt: skip
    with_address = CustomersForm(data=posted, prefix="step", catalogue=catalogue_choices(), business=business | {"address": "PO Box 12, Portland OR"})  # fmt: skip
    assert with_address.is_valid()


@pytest.mark.parametrize(("posted", "saved"), [("no", {"teens": False}), ("yes", {"teens": True}), ("", {})])
def test_the_teenagers_question_is_saved_only_when_answered_and_shown_again(posted, saved):
    form = _form(CustomersForm, jurisdictions=["eu"], children="no", teens=posted, sells_data="no")
    assert form.is_valid(), form.errors
    answers = form.answers()
    assert {k: v for k, v in answers.items() if k == "teens"} == saved
    assert CustomersForm.initial_from_answers(answers)["teens"] == posted


def test_an_unknown_answer_to_the_teenagers_question_says_what_to_do():
    form = _form(CustomersForm, jurisdictions=["eu"], children="no", teens="maybe", sells_data="no")
    assert not form.is_valid()
    assert form.errors["teens"] == ["Choose Yes or No, or leave the question unanswered."]


def test_the_missing_address_message_is_in_the_page_language():
    business = {"name": "Kleine Bastler", "email": "a@bastler.example", "country": "US"}
    data = {"jurisdictions": ["us"], "children": "yes", "sells_data": "no"}
    posted = MultiValueDict({f"step-{k}": v if isinstance(v, list) else [v] for k, v in data.items()})
    with translation.override("de"):
        form = CustomersForm(data=posted, prefix="step", catalogue=catalogue_choices(), business=business)
        assert not form.is_valid()
        message = form.non_field_errors()[0]
    assert message.startswith("COPPA verlangt, dass die Datenschutzerklärung einer Website für Kinder")
    assert "16 CFR 312.4(d)" in message and "Please" not in message and "PO box" not in message


def test_the_review_summary_names_each_step_as_its_heading_writes_it():
    """No case change on a step's title: German nouns keep their capital letters."""
    step = SimpleNamespace(title="Your customers", url="/questionnaire/customers/", answers=[])
    html = render_to_string("questionnaire/summary.html", {"summary": [step]})
    assert 'Change<span class="visually-hidden"> your answers to “Your customers”</span>' in html
