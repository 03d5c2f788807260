"""The live preview beside the clause editor: the edited clause, and the whole policy, for one sample shop."""

from dataclasses import dataclass, field

from policybuilder.documents.assemble import InvalidAnswers, Policy, policy_assemble
from policybuilder.documents.engine import ClauseError
from policybuilder.editing.names import Problem
from policybuilder.editing.samples import Sample
from policybuilder.editing.trial import (
    ClauseTrial,
    clause_compiled,
    clause_try,
    library_with_clause,
    sample_context,
    samples_usable,
)
from policybuilder.editing.validation import body_problems, satisfies_problems, when_problems
from policybuilder.library.types import ClauseData


@dataclass(frozen=True)
class Preview:
    sample: Sample
    slug: str
    problems: list[Problem] = field(default_factory=list)
    trial: ClauseTrial | None = None  # whether the clause is used for the sample, and its text
    policy: Policy | None = None
    policy_error: str = ""


def clause_preview(*, clause: ClauseData, sample: Sample) -> Preview:
    """Render an unsaved clause, and the policy around it, for `sample`. Never raises for a bad clause:
    the problems the save would report are part of the preview."""
    problems = [*when_problems(clause.when), *body_problems(clause), *satisfies_problems(clause.satisfies)]
    try:
        library = library_with_clause(clause)
    except ClauseError as exc:
        return Preview(sample=sample, slug=clause.slug, problems=problems or [Problem(None, str(exc))])
    if sample not in samples_usable(library):
        missing = Problem(None, f"The sample shop {sample.label} names services the catalogue does not have.")
        return Preview(sample=sample, slug=clause.slug, problems=[*problems, missing])
    trial = clause_try(
        clause=clause_compiled(library, clause.slug), sample=sample, context=sample_context(sample, library)
    )
    try:
        policy, error = policy_assemble(answers=sample.answers, library=library), ""
    except (ClauseError, InvalidAnswers) as exc:
        policy, error = None, str(exc)
    return Preview(sample=sample, slug=clause.slug, problems=problems, trial=trial, policy=policy, policy_error=error)
