"""The preview endpoint of the clause editor (mounted in the admin by ClauseAdmin.get_urls)."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.template.response import TemplateResponse

from policybuilder.editing.forms import ClauseDraftForm
from policybuilder.editing.preview import clause_preview
from policybuilder.editing.samples import sample_get
from policybuilder.library.models import Clause


def clause_preview_view(request: HttpRequest, model_admin: Any, object_id: str | None = None) -> HttpResponse:
    """Render the clause form's current (unsaved) content for the chosen sample shop.

    POSTed by clause-preview.js as the editor types (`?fragment=1`: just the panel), or by the
    form's "Preview changes" button without JavaScript (a whole page, in a new tab).
    """
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    obj = model_admin.get_object(request, object_id) if object_id else None
    allowed = model_admin.has_change_permission(request, obj) if obj else model_admin.has_add_permission(request)
    if not allowed:
        raise PermissionDenied
    form = ClauseDraftForm(request.POST, instance=obj or Clause())
    form.is_valid()  # errors are shown by the save; the preview renders whatever can be rendered
    clause = form.clause_data()
    sample = sample_get(request.POST.get("preview_sample"))
    context = {
        **model_admin.admin_site.each_context(request),
        "preview": clause_preview(clause=clause, sample=sample) if clause else None,
        "preview_errors": form.errors,
        "opts": model_admin.opts,
        "title": f"Preview for {sample.label}",
    }
    fragment = request.GET.get("fragment") == "1"
    return TemplateResponse(
        request, "editing/clause_preview.html" if fragment else "editing/preview_page.html", context
    )
