"""One "To confirm" item: a fact the policy needs that the owner has not given (see unconfirmed.py)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Unconfirmed:
    key: str  # the answer that settles it, as a path in the answers contract ("practices.gpc")
    step: str  # the questionnaire step that asks it
    field: str  # the form field on that step
    question: str  # what to answer, as a question to the owner
    meanwhile: str  # what the policy does until then


def unconfirmed_item(key: str, step: str, question: str, meanwhile: str, *, field: str = "") -> Unconfirmed:
    """An item whose form field is the last part of its answer path unless named."""
    return Unconfirmed(key=key, step=step, field=field or key.split(".")[-1], question=question, meanwhile=meanwhile)
