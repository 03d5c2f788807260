"""The public pages rendered from what is stored (no assembly): run once per publication generation,
then served from the cache (public_cache.py).

Each page is in its policy's language (the latest version's, for the list and the feed), whatever the
visitor's: a page is rendered once and cached for everyone, so its cache key needs no language."""

import json
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from policybuilder.languages import language
from policybuilder.publishing.diff import diff_source, text_diff
from policybuilder.publishing.models import Publication, PublishedVersion
from policybuilder.publishing.public_cache import Rendered

HTML = "text/html; charset=utf-8"


def public_url(name: str, slug: str, **kwargs: Any) -> str:
    """An absolute address on the site's own host (settings.SITE_URL), the same whoever asks."""
    return settings.SITE_URL + reverse(f"publishing:{name}", kwargs={"slug": slug, **kwargs})


def _version(publication_pk: int, number: int) -> PublishedVersion:
    return get_object_or_404(
        PublishedVersion.objects.select_related("saved", "publication"), publication_id=publication_pk, number=number
    )


def version_language(version: PublishedVersion) -> str:
    """The language a version's policy is written in (the answers contract's code)."""
    return version.saved.language


def _links(publication: Publication, version: PublishedVersion, latest: int) -> dict[str, Any]:
    slug = publication.slug
    return {
        "publication": publication,
        "version": version,
        "language": version_language(version),
        "latest_number": latest,
        "shop": version.saved.shop_name,
        "latest_url": public_url("latest", slug),
        "versions_url": public_url("versions", slug),
        "feed_url": public_url("feed", slug),
        "pdf_url": public_url("pdf", slug, number=version.number),
        "changes_url": public_url("changes", slug, number=version.number),
    }


def _render(template: str, context: dict[str, Any]) -> Rendered:
    with translation.override(language(context["language"]).django):
        return Rendered(render_to_string(template, context).encode(), HTML)


def policy_page(publication_pk: int, number: int, latest: int) -> Rendered:
    """The policy, as exported (same markup, same classes), with its shop's name in the title, the
    canonical address, and links to its PDF and the other versions."""
    version = _version(publication_pk, number)
    context = _links(version.publication, version, latest)
    slug = version.publication.slug
    context["canonical"] = (
        public_url("latest", slug) if number == latest else public_url("version", slug, number=number)
    )
    if number < latest:
        context["next_version"] = _version(publication_pk, number + 1)
    return _render("publishing/public_policy.html", context)


def versions_page(publication_pk: int, latest: int) -> Rendered:
    version = _version(publication_pk, latest)
    context = _links(version.publication, version, latest)
    context["versions"] = version.publication.versions.all()
    context["canonical"] = context["versions_url"]
    return _render("publishing/public_versions.html", context)


def changes_page(publication_pk: int, number: int, latest: int) -> Rendered:
    """What changed in version `number`: the summary stored when it was published, and the text diff
    against the version before."""
    version = _version(publication_pk, number)
    context = _links(version.publication, version, latest)
    context["canonical"] = context["changes_url"]
    slug = version.publication.slug
    # The version itself, as the latest or as a numbered page (a path, like the template's other links).
    context["read_url"] = (
        context["latest_url"]
        if number == latest
        else reverse("publishing:version", kwargs={"slug": slug, "number": number})
    )
    if number > 1:
        before = _version(publication_pk, number - 1)
        context["before"] = before
        context["blocks"] = text_diff(
            diff_source(before.saved.data["sections"]), diff_source(version.saved.data["sections"])
        )
    return _render("publishing/public_changes.html", context)


def embed_fragment(publication_pk: int, latest: int) -> Rendered:
    """The policy's own markup for a shop's page: no <html> wrapper, no script, the policy's classes."""
    version = _version(publication_pk, latest)
    context = _links(version.publication, version, latest)
    return _render("publishing/embed.html", context)


def policy_data(publication_pk: int, latest: int) -> Rendered:
    """The latest version as JSON, for a shop's server to fetch and cache."""
    version = _version(publication_pk, latest)
    links = _links(version.publication, version, latest)
    data = {
        "shop": links["shop"],
        "version": version.number,
        "published_at": version.published_at.isoformat(),
        "effective_date": version.saved.answers.get("effective_date", ""),
        "title": version.saved.data.get("title", ""),
        "url": links["latest_url"],
        "versions_url": links["versions_url"],
        "pdf_url": links["pdf_url"],
        "feed_url": links["feed_url"],
        "html": version.saved.body_html,
        "text": version.saved.txt,
    }
    body = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return Rendered(body.encode(), "application/json")


class VersionsFeed(Feed):
    """An Atom feed of a shop's versions, newest first, each linking to what changed in it."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, publication_pk: int) -> Publication:  # type: ignore[override]
        publication = Publication.objects.filter(pk=publication_pk).first()
        if publication is None:
            raise Http404("no such publication")
        return publication

    def title(self, obj: Publication) -> str:
        latest = obj.versions.select_related("saved").first()
        return _("Privacy policy for %(shop)s: versions") % {"shop": latest.saved.shop_name if latest else obj.slug}

    def link(self, obj: Publication) -> str:
        return public_url("versions", obj.slug)

    def feed_url(self, obj: Publication) -> str:
        return public_url("feed", obj.slug)

    def subtitle(self, obj: Publication) -> str:
        return _("Each new version of this privacy policy, with what changed in it.")

    def items(self, obj: Publication) -> Any:
        return obj.versions.select_related("publication")[:50]

    def item_title(self, item: PublishedVersion) -> str:
        # Translators: a feed entry's title; %(headline)s is what changed in the version, one sentence.
        return _("Version %(number)d: %(headline)s") % {"number": item.number, "headline": item.headline}

    def item_description(self, item: PublishedVersion) -> str:
        return " ".join(item.changes) or item.headline

    def item_link(self, item: PublishedVersion) -> str:
        return public_url("changes", item.publication.slug, number=item.number)

    def item_pubdate(self, item: PublishedVersion) -> Any:
        return item.published_at

    def item_updateddate(self, item: PublishedVersion) -> Any:
        return item.published_at


def feed_document(request: HttpRequest, publication_pk: int, latest: int) -> Rendered:
    """The feed in the latest version's language (its entries' headlines are each in their own version's)."""
    feed = VersionsFeed()
    feed.language = version_language(_version(publication_pk, latest))  # xml:lang, as the pages' <html lang>
    with translation.override(language(feed.language).django):
        response = feed(request, publication_pk=publication_pk)
    return Rendered(response.content, response["Content-Type"])
