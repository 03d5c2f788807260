"""What the manage page shows: the publication, its versions, and what publishing this saved policy
would put online now (a summary and a text diff), with the forms for each button."""

from typing import Any

from django.conf import settings
from django.forms import Form

from policybuilder.documents.assemble import InvalidAnswers
from policybuilder.documents.models import SavedPolicy
from policybuilder.publishing.candidate import Candidate, candidate_build
from policybuilder.publishing.diff import diff_source, text_diff
from policybuilder.publishing.forms import NotifyForm, PublishForm, RenameForm, StartForm
from policybuilder.publishing.models import Publication
from policybuilder.publishing.pages import public_url
from policybuilder.publishing.services import latest_version
from policybuilder.publishing.slugs import slug_suggest


def manage_context(*, saved: SavedPolicy, publication: Publication | None, forms: dict[str, Any]) -> dict[str, Any]:
    latest = latest_version(publication) if publication else None
    slug = publication.slug if publication else slug_suggest(saved.shop_name)
    candidate: Candidate | None = None
    errors: list[str] = []
    try:
        candidate = candidate_build(source=saved, slug=slug, latest=latest)
    except InvalidAnswers as exc:  # e.g. a service the catalogue no longer lists: change answers first
        errors = exc.errors
    baseline = diff_source((latest.saved if latest else saved).data["sections"])
    email = str(saved.answers.get("business", {}).get("email", ""))
    start: Form = forms.get("start") or StartForm(
        initial={"slug": slug, "email": email, "expected": candidate.token if candidate else ""}
    )
    if candidate and start.is_bound:
        start.data = {**start.data.dict(), "expected": candidate.token}  # type: ignore[attr-defined]  # a second try after "something changed" confirms the new text
    context: dict[str, Any] = {
        "saved": saved,
        "site_url": settings.SITE_URL,
        "shop": saved.shop_name,
        "publication": publication,
        "latest": latest,
        "versions": list(publication.versions.all()[:10]) if publication else [],
        "candidate": candidate,
        "candidate_errors": errors,
        "blocks": text_diff(baseline, candidate.text) if candidate else [],
        # The owner came from the published version's own policy: only the library can have changed.
        "library_update": bool(latest and candidate and latest.saved_id == saved.pk),
        "start_form": start,
        "publish_form": PublishForm(initial={"expected": candidate.token if candidate else ""}),
        "rename_form": forms.get("rename") or RenameForm(),
        "notify_form": forms.get("notify")
        or NotifyForm(
            initial={
                "notify": bool(publication and publication.notify_email),
                "email": (publication.notify_email if publication else "") or email,
            }
        ),  # fmt: skip
    }
    if publication is not None:
        context["urls"] = {
            name: public_url(name, publication.slug) for name in ("latest", "versions", "embed", "data", "feed")
        }
    return context
