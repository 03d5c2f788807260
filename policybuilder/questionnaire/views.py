"""The questionnaire's pages around the wizard (wizard.py): landing, start, the resume link, "Change answers", deleting."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from policybuilder.documents.models import SavedPolicy
from policybuilder.questionnaire import selectors, services
from policybuilder.questionnaire.forms import STEPS


def landing(request: HttpRequest) -> HttpResponse:
    """What this does, in two sentences, and one button."""
    return render(request, "questionnaire/landing.html", {"draft": selectors.draft_of_session(session=request.session)})


def privacy(request: HttpRequest) -> HttpResponse:
    """This site's own privacy notice: what it keeps about shop owners, for how long, how to delete it."""
    context = {
        "draft_days": settings.DRAFT_RETENTION_DAYS,
        "policy_months": settings.POLICY_RETENTION_MONTHS,
        "pdf_days": settings.CACHES["pdf"]["TIMEOUT"] // 86400,
        "session_days": settings.SESSION_COOKIE_AGE // 86400,
    }
    return render(request, "questionnaire/privacy.html", context)


@require_GET
def service_names(request: HttpRequest, kind: str) -> JsonResponse:
    """The names of a kind's services that contain ?q=, for static/js/picker.js to suggest in a long
    list's name box (without JavaScript, sending the page lists them)."""
    return JsonResponse({"names": selectors.service_names(kind=kind, typed=request.GET.get("q", "")[:120])})


def start(request: HttpRequest) -> HttpResponse:
    """Begin a new policy: this browser forgets its current draft (its resume link still works)."""
    request.session.pop(selectors.SESSION_KEY, None)
    request.session.pop(f"wizard_{services.WIZARD_PREFIX}", None)
    return redirect("questionnaire:step", step=STEPS[0][0])


def resume(request: HttpRequest, token: str) -> HttpResponse:
    """The private resume link. Opening it shows what it leads to; only the button (a POST) switches
    this browser to that draft, so a link someone else sent cannot silently swap the draft you type in."""
    draft = selectors.draft_by_token(token=token)
    if draft is None:
        return render(request, "questionnaire/resume_missing.html", status=404)
    if request.method != "POST":
        current = selectors.draft_of_session(session=request.session)
        context = {"draft": draft, "shop": draft.answers.get("business", {}).get("name", ""), "current": current}
        return render(request, "questionnaire/resume_confirm.html", context)
    services.wizard_load(request=request, draft=draft)
    return redirect("questionnaire:step", step=draft.current_step or STEPS[0][0])


@require_POST
def change(request: HttpRequest, token: str) -> HttpResponse:
    """Reopen the wizard with every answer of a saved policy filled in: at the review step, or at the
    question a "To confirm" item posts (its step and field), scrolled to and focused."""
    policy = get_object_or_404(SavedPolicy, token=token)
    landing = services.draft_reopen(
        request=request,
        policy=policy,
        catalogue=selectors.catalogue_choices(),
        step=request.POST.get("step", ""),
        field=request.POST.get("field", ""),
    )
    url = reverse("questionnaire:step", args=[landing.step])
    return redirect(f"{url}#{landing.anchor}" if landing.anchor else url)


def delete_policy(request: HttpRequest, token: str) -> HttpResponse:
    """From a policy's result page: confirm, then delete the answers and every policy made from them."""
    policy = get_object_or_404(SavedPolicy, token=token)
    return _delete(request, policy=policy, shop=policy.shop_name)


def delete_draft(request: HttpRequest, token: str) -> HttpResponse:
    """From a resume link: confirm, then delete those answers and any policy made from them."""
    draft = selectors.draft_by_token(token=token)
    if draft is None:
        return render(request, "questionnaire/resume_missing.html", status=404)
    return _delete(request, draft=draft, shop=draft.answers.get("business", {}).get("name", ""))


def _delete(request: HttpRequest, *, shop: str, **owned: Any) -> HttpResponse:
    if request.method != "POST":
        return render(request, "questionnaire/delete_confirm.html", {"shop": shop})
    services.owner_data_delete(request=request, **owned)
    return render(request, "questionnaire/deleted.html", {"shop": shop})
