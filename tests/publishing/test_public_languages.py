"""A published policy's public pages in its own language (issue 14): German pages for a German policy,
whatever the visitor's language, its dates in German form, its what-changed lines written in German when
a version is published; the owner's manage page in the owner's interface language."""

import html
import re
from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext

from policybuilder.documents.assemble import policy_assemble
from policybuilder.languages import long_date
from policybuilder.library.models import Service
from policybuilder.publishing import candidate, services
from policybuilder.publishing.models import PublishedVersion
from tests.base import make_answers
from tests.publishing.steps import manage_url, publish_first, publish_next, saved_policy

pytestmark = pytest.mark.django_db

# The public pages' own words a German reader must see in German (the policy text is the library's).
NAV = ("Current policy", "All versions and what changed", "Get new versions in a feed reader")
NEWSLETTER = "Replaced %(old)s with %(new)s as the newsletter provider."
GERMAN_MONTH = r"\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}"


def german(msgid: str, context: str = "") -> str:
    with translation.override("de"):
        return pgettext(context, msgid) if context else gettext(msgid)


def german_policy(family: str = "", **changes: Any) -> Any:
    return saved_policy("eu", family=family, language="de", **changes)


def published_day(number: int = 1) -> date:
    return timezone.localdate(PublishedVersion.objects.get(number=number).published_at)


def test_a_long_date_is_written_as_each_language_writes_it():
    day, first = date(2026, 12, 3), date(2026, 12, 1)
    assert long_date(day, "en") == "3 December 2026"
    assert long_date(first, "en") == "1 December 2026"
    assert long_date(day, "de") == "3. Dezember 2026"
    assert long_date(day, "fr") == "3 décembre 2026"
    assert long_date(first, "fr") == "1er décembre 2026"  # the first of the month is an ordinal in French
    assert long_date(day, "es") == "3 de diciembre de 2026"
    assert long_date(day, "pt-BR") == long_date(day, "pt-br")
    assert long_date(day, "pt-BR") == "3 de dezembro de 2026"  # Django capitalises the month; text does not
    assert long_date(day, "it") == "3 dicembre 2026"  # not Django's "03 Dicembre 2026"
    assert long_date(first, "it") == "1º dicembre 2026"
    assert long_date(first, "fr-CA") == "1er décembre 2026"
    assert long_date(first, "pt-BR") == "1º de dezembro de 2026"


def test_a_french_policy_takes_effect_on_the_1er_and_a_us_policy_keeps_its_own_style():
    assert policy_assemble(answers=make_answers("eu", language="fr")).facts.effective_date == "1er novembre 2026"
    assert policy_assemble(answers=make_answers("eu", language="de")).facts.effective_date == "1. November 2026"
    assert policy_assemble(answers=make_answers("us")).facts.effective_date == "November 22, 2026"


def test_a_german_policys_public_pages_say_lang_de_and_write_dates_the_german_way(client: Client):
    url = publish_first(client, german_policy())
    day = long_date(published_day(), "de")
    assert re.fullmatch(GERMAN_MONTH, day)
    for path in ("", "versions/", "v/1/", "v/1/changes/"):
        page = client.get(url + path, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert '<html lang="de">' in page, path
        assert f">{day}</time>" in page, path
    assert '<div class="policy" lang="de">' in client.get(url + "embed.html").content.decode()
    assert 'xml:lang="de"' in client.get(url + "feed.atom").content.decode()


def test_the_what_changed_lines_are_written_in_the_new_versions_language_whoever_asks(client: Client, monkeypatch):
    """The lines are stored as they are written: they must be in the version's language even though the
    owner's request (here in English) is what publishes it."""
    asked: list[str | None] = []

    def spy(real: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            asked.append(translation.get_language())
            return real(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(candidate, "changes_list", spy(candidate.changes_list))
    monkeypatch.setattr(services, "change_headline", spy(services.change_headline))
    first = german_policy()
    publish_first(client, first)
    publish_next(
        client, german_policy(family=first.family, newsletter={"provider": "mailchimp", "double_opt_in": True})
    )
    assert asked and set(asked) == {"de"}
    manage = client.get(manage_url(first)).content.decode()
    assert '<html lang="en">' in manage and "<h1>Your public policy</h1>" in manage


def test_a_german_policys_public_pages_have_german_words_and_no_english_ones(client: Client):
    first = german_policy()
    url = publish_first(client, first)
    publish_next(
        client, german_policy(family=first.family, newsletter={"provider": "mailchimp", "double_opt_in": True})
    )
    for path in ("", "versions/", "v/1/", "v/2/changes/"):
        page = client.get(url + path).content.decode()
        for msgid in NAV:
            assert html.escape(german(msgid)) in page, (path, msgid)
        assert "All versions" not in page and "Current policy" not in page, path
    versions = client.get(url + "versions/").content.decode()
    assert html.escape(german("Versions of this privacy policy")) in versions
    assert "Each version stays here" not in versions and "Published on" not in versions
    old = client.get(url + "v/1/").content.decode()
    assert "This is version 1" not in old and "A newer version replaced it" not in old
    feed = client.get(url + "feed.atom").content.decode()
    assert "Each new version of this privacy policy" not in feed


def test_the_what_changed_line_of_a_second_german_version_is_german(client: Client):
    first = german_policy()
    url = publish_first(client, first)
    second = german_policy(family=first.family, newsletter={"provider": "mailchimp", "double_opt_in": True})
    publish_next(client, second)
    line = german(NEWSLETTER) % {"old": "Brevo", "new": "Mailchimp"}
    version = PublishedVersion.objects.get(number=2)
    assert line in version.changes and NEWSLETTER % {"old": "Brevo", "new": "Mailchimp"} not in version.changes
    assert html.escape(line) in client.get(url + "v/2/changes/").content.decode()
    assert html.escape(version.headline) in client.get(url + "versions/").content.decode()
    # The owner reads their own page in their interface language (English here), not the policy's.
    manage = client.get(manage_url(second)).content.decode()
    assert "<h1>Your public policy</h1>" in manage
    assert german("Your public policy") == "Your public policy" or german("Your public policy") not in manage


def test_the_update_email_of_a_german_policy_is_in_german(client: Client, django_capture_on_commit_callbacks):
    saved = german_policy()
    publish_first(client, saved, notify="on", email="inhaber@waldhonig.example")
    # An editor's change that needs no new translation (a company's name): an English edit to a clause
    # would leave its German stale, and no update is offered until the German is brought up to date.
    service = Service.objects.get(slug="klarna")
    service.company = "Klarna Bank AB"
    with django_capture_on_commit_callbacks(execute=True):
        service.save()
    (message,) = mail.outbox
    assert message.subject == german("An update to the privacy policy of %(shop)s is ready") % {"shop": saved.shop_name}
    assert message.subject != f"An update to the privacy policy of {saved.shop_name} is ready"
    assert german("Keep this link to yourself: it opens your answers and your policy.") in message.body
    assert "Keep this link to yourself" not in message.body
