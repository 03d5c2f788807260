"""The result page and the downloads: what a shop owner sees and takes away."""

import gzip
import hashlib
import json

import pytest
from django.urls import reverse
from django.utils.html import escape

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.exporters import policy_html
from policybuilder.documents.models import SavedPolicy
from policybuilder.documents.services import policy_publish
from policybuilder.library.models import Clause, Service
from tests.base import make_answers

pytestmark = pytest.mark.django_db


def _saved(sample: str = "minimal", **changes) -> SavedPolicy:
    return policy_publish(answers=make_answers(sample, **changes))


def _result_page(client, saved: SavedPolicy) -> str:
    response = client.get(reverse("documents:result", args=[saved.token]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_result_page_shows_the_same_policy_markup_as_the_html_download(client):
    saved = _saved("us-ca")
    page = _result_page(client, saved)
    download = client.get(reverse("documents:download", args=[saved.token, "html"])).content.decode()
    assert saved.body_html in download
    assert saved.body_html in page
    assert "<h1>Privacy policy</h1>" in saved.body_html and "Golden Gate Goods" in saved.body_html


def test_the_result_page_lists_coverage_per_law_and_says_what_to_do_about_a_gap(client):
    answers = make_answers("us-ca")
    answers["jurisdictions"].append("eu")  # selling to the EU from the US, with no representative named
    saved = policy_publish(answers=answers)
    page = _result_page(client, saved)
    gap = next(i for law in saved.data["coverage"]["laws"] for i in law["items"] if not i["covered"])
    assert escape(f"Missing: {gap['summary']}") in page
    assert escape(f"What to do: {gap['hint']}") in page
    for law in saved.data["coverage"]["laws"]:
        covered = sum(i["covered"] for i in law["items"])
        heading = page[page.index(escape(law["name"]) + ":") :][:300]
        assert f"{covered} of {len(law['items'])} items covered" in heading


def test_the_result_page_shows_the_notes_and_readability_figures(client):
    saved = _saved("us-ca")
    page = _result_page(client, saved)
    readability = saved.data["readability"]
    assert f"<dd>{readability['words']}</dd>" in page
    assert f"about {readability['minutes']} minutes" in page
    for note in saved.data["coverage"]["notes"]:
        assert escape(note) in page


@pytest.mark.parametrize(
    "fmt, content_type",
    [("html", "text/html"), ("md", "text/markdown"), ("txt", "text/plain"), ("json", "application/json")],
)
def test_each_download_is_a_file_named_after_the_shop(client, fmt, content_type):
    saved = _saved("minimal")
    response = client.get(reverse("documents:download", args=[saved.token, fmt]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"] == f'attachment; filename="pips-pottery-privacy-policy.{fmt}"'
    assert "Pip" in response.content.decode()
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_json_download_holds_the_answers_and_the_coverage_report(client):
    saved = _saved("eu")
    data = json.loads(client.get(reverse("documents:download", args=[saved.token, "json"])).content)
    assert data["answers"]["business"]["name"] == "Waldhonig"
    assert data["coverage"]["laws"]


def test_an_unknown_format_or_token_is_not_found(client):
    saved = _saved()
    assert client.get(reverse("documents:download", args=[saved.token, "exe"])).status_code == 404
    assert client.get(reverse("documents:download", args=["no-such-policy", "html"])).status_code == 404
    assert client.get(reverse("documents:result", args=["no-such-policy"])).status_code == 404


def test_a_saved_policy_keeps_its_text_when_a_clause_is_edited_later(client):
    saved = _saved("minimal")
    html_before = client.get(reverse("documents:download", args=[saved.token, "html"])).content
    clause = Clause.objects.get(slug="controller")
    clause.body = "We are {{ shop.name }}. EDITED LATER."
    clause.save()
    assert "EDITED LATER" in _saved("minimal").html  # a new policy uses the edit
    page = _result_page(client, saved)
    assert "EDITED LATER" not in page and saved.body_html in page
    assert client.get(reverse("documents:download", args=[saved.token, "html"])).content == html_before


def test_a_saved_policy_records_its_library_revision_and_content_hash():
    saved = _saved()
    assert saved.content_hash == hashlib.sha256(saved.html.encode()).hexdigest()
    assert saved.library_revision


def test_the_html_export_is_unchanged_by_sharing_its_markup_with_the_result_page():
    policy = policy_assemble(answers=make_answers("uk"))
    html = policy_html(policy)
    assert '<body>\n<main class="policy">\n<header class="policy-header">' in html
    assert "</footer>\n</main>\n</body>\n</html>" in html


def test_a_saved_policy_says_when_the_library_changed_and_regenerates_on_request(client):
    saved = _saved("uk")
    assert "has changed since this policy was made" not in _result_page(client, saved)
    clause = Clause.objects.get(slug="changes")
    clause.title = "How to reach us"
    clause.body += "\nWe answer within two working days.\n"
    clause.save()
    page = _result_page(client, saved)
    assert "has changed since this policy was made" in page and "clause How to reach us" in page
    assert "two working days" not in SavedPolicy.objects.get(pk=saved.pk).txt  # the old text stays
    response = client.post(reverse("documents:regenerate", args=[saved.token]))
    fresh = SavedPolicy.objects.latest("created_at")
    assert fresh.pk != saved.pk and response.url == reverse("documents:result", args=[fresh.token])
    assert "two working days" in fresh.txt
    assert "has changed since" not in _result_page(client, fresh)


def test_regenerating_answers_that_no_longer_fit_keeps_the_old_policy(client):
    saved = _saved("minimal")
    Service.objects.filter(slug="royal-mail").delete()
    response = client.post(reverse("documents:regenerate", args=[saved.token]))
    assert response.status_code == 409
    assert "royal-mail" in response.content.decode() and SavedPolicy.objects.count() == 1


def test_the_site_has_an_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")


def test_the_result_page_opens_with_the_policys_summary_and_shows_both_reading_grades(client):
    saved = _saved("layered-uk")
    page = _result_page(client, saved)
    assert page.index('id="summary"') < page.index('id="coverage-title"')  # the first layer first
    assert 'href="#coverage-title"' in page.split('id="summary"')[0]  # and a way to the report
    figures = page.split('id="readability-title"')[1]
    readability = saved.data["readability"]
    assert f"<dd>{readability['strict_grade']} " in figures and readability["strict_grade"] <= 8
    assert f"about {readability['minutes']} minutes" in figures and readability["minutes"] <= 10


def test_the_result_page_travels_gzipped_to_a_browser_that_accepts_it(client):
    saved = _saved("all-services")
    url = reverse("documents:result", args=[saved.token])
    plain = client.get(url)
    zipped = client.get(url, headers={"accept-encoding": "gzip"})
    assert "Content-Encoding" not in plain and zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    page = gzip.decompress(zipped.content)
    assert saved.body_html.encode() in page  # the same page, the policy in it
    assert len(zipped.content) * 3 < len(page)  # bytes on the wire, a third or less


def test_the_result_page_carries_the_policy_once_and_links_its_copy_pages(client):
    saved = _saved("all-services")
    page = _result_page(client, saved)
    sentence = "They act only on our instructions"  # a sentence of the recipients section
    assert sentence in saved.txt and page.count(sentence) == 1
    # The policy, and the page around it: the coverage report gives each of some thirty laws its reason.
    assert len(page.encode()) < len(saved.body_html.encode()) + 55_000
    for kind in ("html", "text"):
        assert reverse("documents:copy", args=[saved.token, kind]) in page


def test_a_copy_page_holds_the_html_or_the_text_to_select_by_hand(client):
    saved = _saved("us-ca")
    html_page = client.get(reverse("documents:copy", args=[saved.token, "html"])).content.decode()
    text_page = client.get(reverse("documents:copy", args=[saved.token, "text"])).content.decode()
    assert f">{escape(saved.body_html)}</textarea>" in html_page  # markup shown as characters, not rendered
    assert f">{escape(saved.txt)}</textarea>" in text_page
    assert reverse("documents:result", args=[saved.token]) in text_page
    assert client.get(reverse("documents:copy", args=[saved.token, "pdf"])).status_code == 404


def test_a_german_result_page_merges_the_us_state_laws_in_german(client):
    # A German shop without US customers: the twenty-one state laws that do not apply share one line.
    page = _result_page(client, policy_publish(answers=make_answers("eu", language="de")))
    assert "Die Datenschutzgesetze von Virginia" in page and "The state privacy laws of" not in page
