"""The questionnaire's wizard: one page per topic, each POST merging only its own step into the draft."""

import logging
from collections.abc import Iterable
from functools import cached_property
from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from formtools.wizard.forms import ManagementForm
from formtools.wizard.views import NamedUrlSessionWizardView

from policybuilder.documents.assemble import InvalidAnswers
from policybuilder.documents.engine import ClauseError
from policybuilder.ops.limits import rate_limited
from policybuilder.questionnaire import concurrency, conditions, selectors, services
from policybuilder.questionnaire.fields import StepForm, form_data_bounded
from policybuilder.questionnaire.forms import STEPS, CustomersForm
from policybuilder.questionnaire.i18n import Text
from policybuilder.questionnaire.models import Draft
from policybuilder.questionnaire.picker import Catalogue

logger = logging.getLogger(__name__)

# Why a posted page could not be used, in words the owner can act on.
PROBLEMS = {
    "missing": _("This page was sent without the part that says which question it answers, so we could not use it."),
    "step": _("This page was sent for a question that is not part of your questionnaire, so we could not use it."),
    "expired": _("We could not find your answers in this browser any more: the session has ended."),
    "files": _(
        "This page was sent with a file attached. The questionnaire takes no files: send the page again without one."
    ),
}


class PolicyWizard(NamedUrlSessionWizardView):
    """One page per topic; every request's state is saved to the browser's draft."""

    form_list = STEPS
    condition_dict = {
        "newsletter-details": conditions.has_newsletter,
        "sales": conditions.sells_data,
        "coppa": conditions.child_directed,
        "representatives": conditions.needs_representative,
        "size": conditions.asks_size,
    }
    template_name = "questionnaire/step.html"
    storage_name = "policybuilder.questionnaire.storage.ChangedOnlySessionStorage"  # a look saves nothing
    draft: Draft | None = None
    checked: dict[tuple[str, tuple[str, ...]], StepForm | None]  # step_checked's forms, this request's
    posted = ""  # the step a POST carries, once it is known to be one of this questionnaire's

    def get_prefix(self, request: HttpRequest, *args: Any, **kwargs: Any) -> str:
        return services.WIZARD_PREFIX

    @cached_property
    def catalogue(self) -> Catalogue:
        return selectors.catalogue_choices()

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self.draft = selectors.draft_of_session(session=request.session)
        self.stale: list[str] = []
        self.checked = {}
        if request.method != "POST":  # a GET never writes the draft
            fresh = request.session.session_key is None and self.draft is None
            response = super().dispatch(request, *args, **kwargs)
            if fresh:  # a first look stores no session row either: the first answer sent starts both
                self.session_forget(response)
            return response
        with transaction.atomic():
            if self.draft is not None:
                self.draft = concurrency.draft_locked(draft=self.draft)
            response = super().dispatch(request, *args, **kwargs)
            if self.storage.current_step is not None and self.posted and not self.stale:
                self.draft_save()
        return response

    def session_forget(self, response: HttpResponseBase) -> None:
        """Drop what this request put in a brand-new session, after the page is rendered (the template
        reads the wizard's state), so that no session row or cookie is made for a first look."""

        def forget(_: HttpResponseBase) -> None:
            self.request.session.modified = False

        if isinstance(response, TemplateResponse) and not response.is_rendered:
            response.add_post_render_callback(forget)
        else:
            forget(response)

    def draft_current(self) -> Draft:
        """This browser's draft, started here when it has none (a first visit, or a draft since deleted)."""
        if self.draft is None:
            self.draft = services.draft_start(session=self.request.session)
        return self.draft

    def draft_save(self) -> None:
        """Write the posted step to the draft (the others stay as saved): the resume link then works anywhere."""
        draft = self.draft_current()
        steps = concurrency.steps_merged(
            draft=draft, storage=self.storage, posted=self.posted, order=[s for s, _ in STEPS]
        )
        services.draft_record(draft=draft, steps=steps, current_step=self.steps.current, answers=self.answers_so_far())

    def answers_so_far(self) -> dict[str, Any]:
        """The answers contract from every step that applies and validates."""
        return services.answers_merge(form.answers() for form in self.valid_forms().values())

    def valid_forms(self, steps: Iterable[str] | None = None) -> dict[str, StepForm]:
        """The forms of these steps (by default every step that applies) whose answers validate."""
        checked = {step: self.step_checked(step) for step in (self.get_form_list() if steps is None else steps)}
        return {step: form for step, form in checked.items() if form is not None}

    def step_checked(self, step: str) -> StepForm | None:
        """The step's form with its saved answers when they validate, else None.

        The skip rules, the progress list and the pages whose options follow other answers check the
        same steps again and again (eleven forms for one page). A GET changes no saved answers, so
        there each is checked once for each list of applying steps (which a form's options follow).
        """
        key = (step, tuple(self.get_form_list()))
        if self.request.method == "POST" or key not in self.checked:
            data = self.storage.get_step_data(step)
            form = self.get_form(step=step, data=data) if data is not None else None
            self.checked[key] = form if form is not None and form.is_valid() else None
        return self.checked[key]

    def get_cleaned_data_for_step(self, step: str) -> dict[str, Any] | None:
        form = self.step_checked(step) if step in self.form_list else None
        return form.cleaned_data if form is not None else None

    def get_form_kwargs(self, step: str | None = None) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"catalogue": self.catalogue}
        form_class = dict(STEPS)[step or self.steps.current]
        if form_class.decided_by:
            # What a page asks follows the answers of the pages before it (the periods a shop keeps,
            # the practices that apply to it, the laws whose size tests reach it).
            kwargs |= form_class.options_from_answers(self.answers_of(form_class.decided_by))
        return kwargs

    def answers_of(self, steps: tuple[str, ...]) -> dict[str, Any]:
        """The answers of these steps, among those that apply, as far as they validate."""
        applying = self.get_form_list()
        forms = self.valid_forms(step for step in steps if step in applying)
        return services.answers_merge(form.answers() for form in forms.values())

    def get_form_initial(self, step: str) -> dict[str, Any]:
        if step == "customers":
            business = self.get_cleaned_data_for_step("business") or {}
            return CustomersForm.initial_for(country=business.get("country", ""), region=business.get("region", ""))
        return super().get_form_initial(step)

    def process_step(self, form: StepForm) -> dict[str, list[str]]:
        """Keep a page that validates; remember it was saved since the draft was (re)opened, so that
        the answers it shows as defaults count as given (services.answers_carry_over)."""
        if self.steps.current != services.REVIEW_STEP:
            saved = set(self.storage.extra_data.get("saved", [])) | {self.steps.current}
            self.storage.extra_data = self.storage.extra_data | {"saved": sorted(saved)}
        return form_data_bounded(form)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        step = kwargs.get("step")
        if self.storage.current_step not in self.get_form_list():
            # A fresh browser, or a step that no longer applies: never redirect to a page that redirects.
            self.storage.current_step = self.steps.first
        if step == self.done_step_name or (step is not None and step not in self.get_form_list()):
            # Not a page of this questionnaire (or skipped for these answers): go where the owner is.
            return redirect(self.get_step_url(self.steps.current))
        return super().get(request, *args, **kwargs)

    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        problem = "files" if self.request.FILES else self.post_problem()
        if problem:
            return self.render_problem(problem)
        self.posted = self.steps.current
        if self.draft is not None:
            concurrency.steps_pull(storage=self.storage, draft=self.draft, posted=self.posted)
            form = self.get_form(data=self.request.POST)
            shown = self.request.POST.get(concurrency.VERSION_FIELD)
            self.stale = concurrency.stale_fields(
                draft=self.draft, step=self.posted, shown_version=shown, posted=form_data_bounded(form)
            )
            if self.stale:  # another tab saved this page meanwhile: show what it says, keep this input
                return self.render(form)
        # The version this request saves; a page shown again from it (with errors, say) carries it.
        concurrency.version_bump(draft=self.draft_current(), step=self.posted)
        goto = self.request.POST.get("wizard_goto_step")
        if goto in self.get_form_list():
            # Back: keep what is on this page, valid or not, before leaving it.
            form = self.get_form(data=self.request.POST)
            self.storage.set_step_data(self.steps.current, form_data_bounded(form))
            return self.render_goto_step(goto)
        return super().post(*args, **kwargs)

    def post_problem(self) -> str:
        """Why a posted page cannot be used ("" when it can): formtools would fail on these with a 500."""
        management = ManagementForm(self.request.POST, prefix=self.prefix)
        if not management.is_valid():
            return "missing"
        step = management.cleaned_data["current_step"]
        if step not in self.get_form_list():
            return "step"
        if self.storage.current_step is None and step != self.steps.first:
            return "expired"  # the first page needs nothing from before: it may start afresh
        self.storage.current_step = step
        return ""

    def render_problem(self, problem: str, status: int = 400, errors: list[str] | None = None) -> HttpResponse:
        context = {"message": PROBLEMS.get(problem, problem), "errors": errors or []}
        # Where this browser was, or the first page when it has nothing yet (a first look stores nothing).
        context["continue_url"] = self.get_step_url(self.steps.current)
        return TemplateResponse(self.request, "questionnaire/problem.html", context, status=status)

    def render_next_step(self, form: StepForm, **kwargs: Any) -> HttpResponse:
        if "to_review" in self.request.POST:
            # "Save and go to review": any step that still needs answers comes first.
            unfinished = [s for s in self.get_form_list() if s != services.REVIEW_STEP and s not in self.valid_forms()]
            target = unfinished[0] if unfinished else services.REVIEW_STEP
            self.storage.current_step = target
            return redirect(self.get_step_url(target))
        return super().render_next_step(form, **kwargs)

    def render_done(self, form: StepForm, **kwargs: Any) -> HttpResponse:
        """Check every step again and save the policy, on the review page's own POST.

        formtools would redirect to a done URL and save on its GET, and reset the wizard; here a
        reload saves nothing and the answers stay, so "Back" from the result still has them.
        """
        forms = self.valid_forms()
        for step in self.get_form_list():
            if step not in forms:
                return self.render_revalidation_failure(step, form, **kwargs)
        return self.done(list(forms.values()), form_dict=forms, **kwargs)

    def done(self, form_list: list[StepForm], **kwargs: Any) -> HttpResponse:
        given = services.answers_merge(form.answers() for form in form_list)
        saved = self.storage.extra_data.get("saved", [])
        confirmed = services.answers_merge(
            form.answers() for step, form in kwargs["form_dict"].items() if step in saved
        )
        answers = services.answers_carry_over(
            draft=self.draft_current(), given=given, catalogue=self.catalogue, confirmed=confirmed
        )
        limited = rate_limited(self.request, group="publish", token=self.draft_current().token)
        if limited:
            return limited
        try:
            saved = services.draft_publish(draft=self.draft_current(), answers=answers)
        except InvalidAnswers as exc:  # the forms check what the schema checks: this is a bug
            logger.error("the questionnaire built invalid answers: %s", exc)
            return self.render_problem(gettext("Some answers do not fit together yet:"), errors=exc.errors)
        except ClauseError:
            logger.exception("the clause library is broken")
            return self.render_problem(
                gettext(
                    "We could not write your policy because of a fault in our clause library. Your answers "
                    "are saved: please try again later with your private link."
                ),
                status=503,
            )
        return redirect(saved)

    def get_context_data(self, form: StepForm, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(form=form, **kwargs)
        current = self.steps.current
        if current == services.REVIEW_STEP:
            self.storage.extra_data = self.storage.extra_data | {"reviewed": True}
            context["summary"] = self.summary()
        self.focus(form)
        context.update(
            progress=self.progress(),
            step_number=self.steps.step1,
            step_count=self.steps.count,
            next_title=self.next_title(),
            has_required=any(field.required for field in form.fields.values()),
            offer_review=current != services.REVIEW_STEP and self.storage.extra_data.get("reviewed", False),
            resume_url=self.request.build_absolute_uri(reverse("questionnaire:resume", args=[self.draft.token]))
            if self.draft
            else "",
            step_version=self.draft.step_versions.get(current, 0) if self.draft else 0,
            version_field=concurrency.VERSION_FIELD,
            stale=self.stale_shown(form),
        )
        return context

    def stale_shown(self, form: StepForm) -> list[dict[str, str]]:
        """What another tab saved on this page, field by field, for the conflict notice."""
        if not self.stale or self.draft is None:
            return []
        saved = self.draft.steps.get(self.steps.current, {})
        labels = {bound.html_name: str(bound.label) for bound in form}
        return [
            {"label": labels.get(name, name), "value": ", ".join(saved.get(name, [])) or gettext("(empty)")}
            for name in self.stale
            if name in labels
        ]

    def focus(self, form: StepForm) -> None:
        """Focus the question a "To confirm" item led to, on the first page shown after it. The URL's
        fragment names the same input: browsers differ on which of the two wins, so both point at it."""
        if "focus" not in self.storage.extra_data:
            return
        extra = dict(self.storage.extra_data)
        step, field = extra.pop("focus")
        if step == self.steps.current and field in form.fields:
            form.fields[field].widget.attrs["autofocus"] = True
        self.storage.extra_data = extra

    def next_title(self) -> Text:
        """The next step's name for the Next button, unless this page's answers decide it."""
        following = self.steps.next
        if not following or self.steps.current in conditions.DECIDING_STEPS:
            return ""
        return self.get_form_list()[following].title

    def progress(self) -> list[dict[str, Any]]:
        """Every step that applies, with its state, for the progress indicator."""
        items = []
        for step, form_class in self.get_form_list().items():
            state = "current" if step == self.steps.current else "todo"
            if state == "todo" and self.storage.get_step_data(step) is not None:
                state = "visited"
            items.append({"title": form_class.title, "url": self.get_step_url(step), "state": state})
        return items

    def summary(self) -> list[dict[str, Any]]:
        """Every answer, by step, with the page to change it, for the review step."""
        forms = self.valid_forms()
        return [
            {
                "title": form_class.title,
                "url": self.get_step_url(step),
                "answers": forms[step].summary() if step in forms else None,
            }
            for step, form_class in self.get_form_list().items()
            if step != services.REVIEW_STEP
        ]
