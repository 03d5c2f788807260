"""Answers are data, never markup, formatting or code, in every export."""

import json

import pytest

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.engine import md_escape
from policybuilder.documents.exporters import policy_html, policy_json, policy_markdown, policy_text
from policybuilder.documents.text import markdown_to_text
from tests.base import make_answers

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def hostile(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return policy_assemble(answers=make_answers("hostile"))


def test_markup_in_answers_never_becomes_html(hostile):
    html = policy_html(hostile)
    body = html.split("</style>", 1)[1]
    assert "<script" not in body
    assert "<b>Evil</b>" not in body and "<img" not in body and "<em>Fast</em>" not in body
    assert "&lt;b&gt;Evil&lt;/b&gt;" in body
    assert 'href="javascript' not in body


def test_markdown_in_answers_is_not_formatting(hostile):
    html = policy_html(hostile)
    assert "<strong>Shop</strong>" not in html and "**Shop**" in html
    assert "<strong>Blast</strong>" not in html and "**Blast**" in html
    text = policy_text(hostile)
    assert "**Shop**" in text and "# Carrier | <em>Fast</em> `code`" in text


def test_template_syntax_in_answers_is_printed_not_run(hostile):
    text = policy_text(hostile)
    assert "{{ shop.name }}" in text and "{% if true %}x{% endif %}" in text
    assert "{% for x in range(10) %}Mail{% endfor %}" in text
    assert "MailMail" not in text and "{{ 7*7 }}" in text


def test_other_scripts_come_through_unchanged(hostile):
    for export in (policy_html(hostile), policy_text(hostile), policy_markdown(hostile)):
        for word in ("中文", "日本語", "العربية", "Ωμέγα", "Кириллица"):
            assert word in export


def test_a_multiline_address_stays_one_paragraph(hostile):
    html = policy_html(hostile)
    assert "<h1>Heading" not in html and "<li>list" not in html
    assert "1 {{ config }} Road, # Heading, - list," in policy_text(hostile)


def test_json_keeps_the_answers_exactly(hostile):
    data = json.loads(policy_json(hostile))
    assert data["answers"]["business"]["name"] == make_answers("hostile")["business"]["name"]


@pytest.mark.parametrize(
    "value",
    [
        "**x**",
        "_x_",
        "# x",
        "- x",
        "+ x",
        "1. x",
        "3) x",
        "<b>x</b>",
        "[a](b)",
        "`c`",
        "a | b",
        "&amp;",
        "\\*",
        "~~x~~",
    ],
)
def test_every_markdown_construct_round_trips_as_text(value):
    assert markdown_to_text(f"Name: {md_escape(value)}") == f"Name: {value}"
    assert markdown_to_text(md_escape(value)) == value
