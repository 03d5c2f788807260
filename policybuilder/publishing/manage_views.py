"""The owner's private manage page (reached from the private link, never from a public page): publish,
publish a new version, unpublish, rename once, email notices. Each button is one POST; the page itself
shows what publishing would put online, as a summary and a text diff."""

import logging
from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from policybuilder.documents.assemble import InvalidAnswers
from policybuilder.documents.engine import ClauseError
from policybuilder.documents.models import SavedPolicy
from policybuilder.ops.limits import rate_limited
from policybuilder.publishing import services
from policybuilder.publishing.forms import NotifyForm, PublishForm, RenameForm, StartForm
from policybuilder.publishing.manage_state import manage_context
from policybuilder.publishing.models import Publication
from policybuilder.publishing.slugs import SlugRefused

logger = logging.getLogger(__name__)
CHANGED = gettext_lazy(
    "Something changed since you opened this page (our clause library, or another tab). Check what would be published below, then press the button again."
)


def manage(request: HttpRequest, token: str) -> HttpResponse:
    saved = get_object_or_404(SavedPolicy, token=token)
    if limited := rate_limited(request, group="manage", token=token):
        return limited
    publication = services.publication_of(family=saved.family)
    forms: dict[str, Form] = {}
    if request.method == "POST":
        action = request.POST.get("action", "")
        handler = ACTIONS.get(action)
        if handler is not None:
            if action in {"start", "publish"} and (limited := rate_limited(request, group="publish", token=token)):
                return limited
            outcome = handler(request, saved, publication, forms)
            if outcome is not None:
                return outcome
            publication = services.publication_of(family=saved.family)
    try:
        context = manage_context(saved=saved, publication=publication, forms=forms)
    except ClauseError:
        logger.exception("the manage page of policy %s failed in the clause library", saved.pk)
        return render(request, "documents/regenerate_failed.html", {"saved": saved, "errors": []}, status=503)
    invalid = any(isinstance(form, Form) and form.errors for form in forms.values())
    status = 400 if invalid else 409 if "_changed" in forms else 200
    return render(request, "publishing/manage.html", context | {"changed": forms.get("_changed")}, status=status)


def _done(request: HttpRequest, saved: SavedPolicy, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("publishing:manage", token=saved.token)


def _start(
    request: HttpRequest, saved: SavedPolicy, publication: Publication | None, forms: dict[str, Any]
) -> HttpResponse | None:
    form = forms["start"] = StartForm(request.POST)
    if publication is not None or not form.is_valid():
        return None
    try:
        version = services.publication_start(
            source=saved, slug=form.cleaned_data["slug"], notify_email=form.notify_email,
            expected=form.cleaned_data["expected"],
        )  # fmt: skip
    except SlugRefused as exc:
        form.add_error("slug", str(exc))
        return None
    except services.CandidateChanged:
        forms["_changed"] = CHANGED
        return None
    except InvalidAnswers:
        return None  # the page says why it cannot be published
    return _done(
        request,
        saved,
        _("Published at /p/%(slug)s/. Put the link in your shop's footer.") % {"slug": version.publication.slug},
    )


def _publish(
    request: HttpRequest, saved: SavedPolicy, publication: Publication | None, forms: dict[str, Any]
) -> HttpResponse | None:
    form = PublishForm(request.POST)
    if publication is None or not form.is_valid():
        return None
    try:
        version = services.version_publish(
            publication=publication, source=saved, expected=form.cleaned_data["expected"]
        )
    except services.NothingToPublish:
        if publication.state != "published":
            services.publication_republish(publication)
            return _done(request, saved, _("Your policy is public again."))
        return _done(request, saved, _("The public page already shows exactly this."))
    except services.CandidateChanged:
        forms["_changed"] = CHANGED
        return None
    except InvalidAnswers:
        return None
    return _done(request, saved, _("Version %(number)d is published.") % {"number": version.number})


def _unpublish(
    request: HttpRequest, saved: SavedPolicy, publication: Publication | None, forms: dict[str, Any]
) -> HttpResponse | None:
    if publication is None:
        return None
    services.publication_unpublish(publication)
    return _done(
        request, saved, _("Your policy is no longer public. Its versions are kept: publish it again at any time.")
    )


def _republish(
    request: HttpRequest, saved: SavedPolicy, publication: Publication | None, forms: dict[str, Any]
) -> HttpResponse | None:
    if publication is None:
        return None
    services.publication_republish(publication)
    return _done(request, saved, _("Your policy is public again."))


def _rename(
    request: HttpRequest, saved: SavedPolicy, publication: Publication | None, forms: dict[str, Any]
) -> HttpResponse | None:
    form = forms["rename"] = RenameForm(request.POST)
    if publication is None or not form.is_valid():
        return None
    try:
        renamed = services.publication_rename(publication, slug=form.cleaned_data["slug"])
    except SlugRefused as exc:
        form.add_error("slug", str(exc))
        return None
    return _done(
        request,
        saved,
        _("The address is now /p/%(new)s/; /p/%(old)s/ leads there.") % {"new": renamed.slug, "old": publication.slug},
    )


def _notify(
    request: HttpRequest, saved: SavedPolicy, publication: Publication | None, forms: dict[str, Any]
) -> HttpResponse | None:
    form = forms["notify"] = NotifyForm(request.POST)
    if publication is None or not form.is_valid():
        return None
    services.publication_notify(publication, email=form.notify_email)
    said = (
        _("We will email %(email)s when an update is ready.") % {"email": form.notify_email}
        if form.notify_email
        else _("We will not email you.")
    )
    return _done(request, saved, said)


ACTIONS = {
    "start": _start, "publish": _publish, "unpublish": _unpublish, "republish": _republish,
    "rename": _rename, "notify": _notify,
}  # fmt: skip
