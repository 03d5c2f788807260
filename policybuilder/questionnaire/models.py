"""A draft: one shop owner's answers while they go through the questionnaire."""

from django.db import models

from policybuilder.documents.models import SavedPolicy, token_new


class Draft(models.Model):
    """The wizard's state, saved at every step so that the resume link survives any session."""

    # unique: the index serves the resume link's lookup by token.
    token = models.CharField(max_length=64, unique=True, default=token_new, editable=False)
    # The form data of each step as the owner last gave it, {step: {field: [values]}}: the resume
    # link refills the wizard from it, answers that did not validate yet included.
    steps = models.JSONField(default=dict, blank=True)
    # The answers contract (DESIGN.md) built from every step that validates so far.
    answers = models.JSONField(default=dict, blank=True)
    current_step = models.CharField(max_length=40, blank=True)
    # {step: n}: how many times each step was saved, so a page posted from an older version is caught.
    step_versions = models.JSONField(default=dict, blank=True)
    # The latest policy this draft produced: "Change answers" on that policy reopens this draft.
    policy = models.ForeignKey(SavedPolicy, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        name = self.answers.get("business", {}).get("name", "")
        return f"Draft {self.pk} ({name or 'no name yet'})"
