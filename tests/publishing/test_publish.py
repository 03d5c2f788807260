"""Publishing through the test client: the public page, versions, what changed, owner control."""

import re
from datetime import date

import pytest
from django.core import mail
from django.test import Client

from policybuilder.library.models import Clause
from policybuilder.publishing.models import Publication
from tests.publishing.steps import manage_url, publish_first, publish_next, saved_policy, shown_token

pytestmark = pytest.mark.django_db


def test_a_published_policy_has_a_public_page_with_its_name_canonical_link_date_and_links(client: Client):
    saved = saved_policy()
    url = publish_first(client, saved)
    assert url == "/p/golden-gate-goods/"
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "<title>Privacy policy for Golden Gate Goods</title>" in html
    assert '<link rel="canonical" href="http://127.0.0.1:8000/p/golden-gate-goods/">' in html
    # Published today: a public page never claims a date before it was published.
    assert f'Last updated: <time datetime="{date.today().isoformat()}">' in html
    assert 'href="http://127.0.0.1:8000/p/golden-gate-goods/v/1/policy.pdf"' in html
    assert 'href="http://127.0.0.1:8000/p/golden-gate-goods/versions/"' in html
    assert "<script" not in html
    # The policy's own "Changes to this policy" section links its version list.
    changes = html[html.index('id="changes"') :]
    assert 'is in <a href="http://127.0.0.1:8000/p/golden-gate-goods/versions/">our list of versions</a>' in changes
    assert "public" in page["Cache-Control"] and "max-age=300" in page["Cache-Control"]
    assert page["ETag"] and page["Last-Modified"]
    assert "Set-Cookie" not in page and "Cookie" not in page.get("Vary", "")


def test_the_private_pages_stay_no_store_and_the_public_page_never_links_to_them(client: Client):
    saved = saved_policy()
    url = publish_first(client, saved)
    manage = client.get(manage_url(saved))
    assert "no-store" in manage["Cache-Control"]
    public = client.get(url).content.decode()
    assert saved.token not in public
    for path in ("versions/", "v/1/", "embed.html", "policy.json", "feed.atom"):
        assert saved.token not in client.get(url + path).content.decode(), path


def test_a_conditional_get_costs_a_304_and_no_query(client: Client, django_assert_num_queries):
    url = publish_first(client, saved_policy())
    for path in ("", "versions/", "v/1/", "embed.html", "policy.json", "feed.atom"):
        first = client.get(url + path)
        assert first.status_code == 200, path
        with django_assert_num_queries(0):
            again = client.get(url + path, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304 and again.content == b"", path
        assert client.get(url + path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
        assert client.get(url + path, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_a_second_version_after_changing_answers_keeps_the_first_as_it_was(client: Client):
    first = saved_policy()
    url = publish_first(client, first)
    v1_before = client.get(url).content.decode()
    second = saved_policy(family=first.family, newsletter={"provider": "mailchimp", "double_opt_in": True})
    manage = client.get(manage_url(second)).content.decode()
    assert "This policy differs from the published version" in manage
    assert "Replaced Klaviyo with Mailchimp as the newsletter provider." in manage
    assert client.get(url).content.decode() == v1_before  # nothing changes before the owner publishes
    publish_next(client, second)
    latest = client.get(url).content.decode()
    assert "Mailchimp" in latest and "Version 2, published" in latest
    v1 = client.get(url + "v/1/").content.decode()
    body = re.search(r'(<header class="policy-header">.*?)<p class="public-version">', v1, re.S)[1]  # type: ignore[index]
    assert body in v1_before  # the same stored text
    assert "Klaviyo" in v1 and "A newer version replaced it on" in v1
    versions = client.get(url + "versions/").content.decode()
    assert "Version 2" in versions and "Version 1" in versions and "First published." in versions
    assert "Replaced Klaviyo with Mailchimp as the newsletter provider." in versions
    changes = client.get(url + "v/2/changes/").content.decode()
    assert "Replaced Klaviyo with Mailchimp as the newsletter provider." in changes
    assert "<ins>" in changes and "<del>" in changes


def test_an_editor_change_offers_an_update_emails_the_consenting_owner_and_publishes_on_the_button(
    client: Client, django_capture_on_commit_callbacks
):
    saved = saved_policy()
    url = publish_first(client, saved, notify="on", email="owner@ggg.example")
    before = client.get(url).content.decode()
    clause = Clause.objects.get(slug="security")
    clause.body += "\n\nWe test our backups every month."
    with django_capture_on_commit_callbacks(execute=True):
        clause.save()  # an editor's save: the library revision changes, the update check runs at commit
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["owner@ggg.example"]
    assert "Golden Gate Goods" in message.subject
    latest_saved = Publication.objects.get().versions.get().saved
    assert f"/policy/{latest_saved.token}/publish/" in message.body
    assert client.get(url).content.decode() == before  # nothing published without the owner
    manage = client.get(manage_url(latest_saved)).content.decode()
    assert "An update is ready" in manage and "How we protect your data" in manage
    publish_next(client, latest_saved)
    assert "We test our backups every month." in client.get(url).content.decode()
    clause.body += " Again."
    with django_capture_on_commit_callbacks(execute=True):
        clause.save()
    assert len(mail.outbox) == 2  # one email per update: the publish cleared the last one


def test_a_library_change_that_leaves_the_text_alone_is_not_an_update(
    client: Client, django_capture_on_commit_callbacks
):
    saved = saved_policy()
    publish_first(client, saved, notify="on", email="owner@ggg.example")
    clause = Clause.objects.get(slug="coppa-parents")  # only in a policy for a shop directed to children
    clause.body += " Nothing else."
    with django_capture_on_commit_callbacks(execute=True):
        clause.save()
    assert mail.outbox == []
    latest_saved = Publication.objects.get().versions.get().saved
    assert "Up to date" in client.get(manage_url(latest_saved)).content.decode()


def test_without_consent_no_email_is_sent(client: Client, django_capture_on_commit_callbacks):
    saved = saved_policy()
    publish_first(client, saved)
    clause = Clause.objects.get(slug="security")
    clause.body += "\n\nWe test our backups every month."
    with django_capture_on_commit_callbacks(execute=True):
        clause.save()
    assert mail.outbox == []


def test_publishing_what_the_owner_was_not_shown_is_refused(client: Client):
    saved = saved_policy()
    url = publish_first(client, saved)
    second = saved_policy(family=saved.family, newsletter={"provider": "mailchimp", "double_opt_in": True})
    token = shown_token(client, second)
    clause = Clause.objects.get(slug="security")
    clause.body += "\n\nWe test our backups every month."
    clause.save()  # the library changes while the owner reads the summary
    response = client.post(manage_url(second), {"action": "publish", "expected": token})
    assert response.status_code == 409
    assert "Something changed since you opened this page" in response.content.decode()
    assert "Mailchimp" not in client.get(url).content.decode()


def test_unpublish_hides_the_pages_like_an_unknown_address_and_publishing_again_restores_them(client: Client):
    saved = saved_policy()
    url = publish_first(client, saved)
    client.post(manage_url(saved), {"action": "unpublish"})
    for path in ("", "versions/", "v/1/", "embed.html", "policy.json", "feed.atom"):
        gone = client.get(url + path)
        assert gone.status_code == 404, path
        assert gone.content == client.get("/p/no-such-shop/").content
    client.post(manage_url(saved), {"action": "republish"})
    assert client.get(url).status_code == 200


def test_deleting_everything_makes_the_public_pages_answer_410_and_keeps_the_address_from_others(client: Client):
    saved = saved_policy()
    url = publish_first(client, saved)
    client.post(f"/policy/{saved.token}/delete/")
    for path in ("", "versions/", "v/1/", "v/1/policy.pdf", "embed.html", "policy.json", "feed.atom"):
        assert client.get(url + path).status_code == 410, path
    assert "Golden Gate Goods" not in client.get(url).content.decode()
    publication = Publication.objects.get()
    assert publication.family is None and publication.notify_email == "" and not publication.versions.exists()
    other = saved_policy()
    assert publish_first(Client(), other) == "/p/golden-gate-goods-2/"


def test_the_address_can_be_changed_once_and_the_old_one_redirects(client: Client):
    saved = saved_policy()
    url = publish_first(client, saved)
    response = client.post(manage_url(saved), {"action": "rename", "slug": "GGG Shop"})
    assert response.status_code == 302
    assert client.get("/p/ggg-shop/").status_code == 200
    moved = client.get(url + "v/1/")
    assert moved.status_code == 301 and moved["Location"] == "/p/ggg-shop/v/1/"
    again = client.post(manage_url(saved), {"action": "rename", "slug": "another-name"})
    assert again.status_code == 400
    assert "The address was changed once already (from /p/golden-gate-goods/)" in again.content.decode()
    assert client.get("/p/another-name/").status_code == 404


def test_address_errors_say_what_to_change(client: Client):
    saved = saved_policy()
    token = shown_token(client, saved)
    for typed, said in [
        ("admin", "is kept for the site itself"),
        ("??", "Use at least 3 letters or digits"),
        ("", "Type the address you want"),
    ]:
        response = client.post(manage_url(saved), {"action": "start", "slug": typed, "expected": token})
        assert response.status_code == 400, typed
        assert said in response.content.decode(), typed
    bad_email = client.post(
        manage_url(saved), {"action": "start", "slug": "ggg", "expected": token, "notify": "on", "email": "nope"}
    )
    assert "Type an email address like" in bad_email.content.decode()
    assert 'value="ggg"' in bad_email.content.decode()  # what the owner typed stays
    assert not Publication.objects.exists()


def test_embed_fragment_json_and_feed(client: Client):
    url = publish_first(client, saved_policy())
    embed = client.get(url + "embed.html").content.decode()
    assert embed.startswith('<div class="policy"') and "<html" not in embed and "<script" not in embed
    assert "Golden Gate Goods" in embed
    data = client.get(url + "policy.json").json()
    assert data["shop"] == "Golden Gate Goods" and data["version"] == 1
    assert data["url"] == "http://127.0.0.1:8000/p/golden-gate-goods/"
    assert "Klaviyo" in data["html"] and "Klaviyo" in data["text"]
    feed = client.get(url + "feed.atom")
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert b"<title>Version 1: First published.</title>" in feed.content


def test_each_version_has_its_stored_pdf(client: Client):
    saved = saved_policy()
    url = publish_first(client, saved)
    pdf = client.get(url + "v/1/policy.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF") and "public" in pdf["Cache-Control"]
    assert client.get(url + "v/2/policy.pdf").status_code == 404
    assert client.get(url + "v/2/").status_code == 404
