"""Short and layered (issue 9): each sample shop's policy within its word budget, plain by the strict
count, no provider named more than three times, and a first layer of at most 250 words whose every
line links to its section. Word counts are deterministic, so they are asserted here; bench/length.py
prints the same figures with the longest sections."""

import re

import pytest

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.length import SUMMARY, provider_mentions, section_lengths
from tests.base import SAMPLES, make_answers

pytestmark = pytest.mark.django_db

# The shapes: one platform or gateway, one analytics tool, one newsletter tool, one or two
# carriers and customers in one region (US with California, or the UK with the EU); the same shop
# selling to the US, California, the EU and the UK; and every service in the catalogue.
BUDGETS = {
    "layered-us": 2000,
    "layered-uk": 2000,
    "layered-everywhere": 2800,
    "all-services": 5000,
    "law-us-states-reached": 2000,
}


def _policy(sample: str):
    return policy_assemble(answers=make_answers(sample))


@pytest.mark.parametrize(("sample", "budget"), BUDGETS.items())
def test_each_shape_of_shop_gets_a_complete_policy_within_its_word_budget(sample, budget):
    policy = _policy(sample)
    assert policy.readability.words <= budget, f"{sample}: {policy.readability.words} words"
    assert not policy.coverage.gaps, [g.item_id for g in policy.coverage.gaps]


@pytest.mark.parametrize("sample", SAMPLES)
def test_it_reads_at_grade_eight_or_lower_even_when_sentences_end_only_at_full_stops(sample):
    readability = _policy(sample).readability
    assert readability.strict_grade <= 8.0, f"{sample}: strict grade {readability.strict_grade}"
    assert readability.grade <= readability.strict_grade  # list items and cells never count as fewer sentences


@pytest.mark.parametrize("sample", SAMPLES)
def test_no_provider_is_named_more_than_three_times_in_the_body(sample):
    mentions = provider_mentions(_policy(sample))
    assert mentions, sample
    assert all(1 <= n <= 3 for n in mentions.values()), {k: n for k, n in mentions.items() if not 1 <= n <= 3}


@pytest.mark.parametrize("sample", SAMPLES)
def test_the_summary_is_a_first_layer_of_at_most_250_words_each_line_linking_to_its_section(sample):
    policy = _policy(sample)
    lengths = {s.slug: s.words for s in section_lengths(policy)}
    assert policy.sections[0].slug == SUMMARY and lengths[SUMMARY] <= 250, lengths[SUMMARY]
    markdown = policy.sections[0].clauses[0].markdown
    lines = [line for line in markdown.splitlines() if line.startswith("- ")]
    slugs = {s.slug for s in policy.sections}
    targets = [re.match(r"- \*\*\[[^\]]+\]\(#([\w-]+)\)", line) for line in lines]
    assert len(lines) >= 4 and all(targets), lines
    assert {t[1] for t in targets if t} <= slugs


def test_carriers_that_get_the_same_data_for_the_same_job_share_one_row():
    policy = _policy("all-services")
    rows = [row for row in policy.facts.controller_rows if row.providers[0].kind == "shipping"]
    assert len(rows) == 1 and len(rows[0].providers) == 14


def test_rights_are_listed_once_for_every_law_with_one_table_of_what_differs():
    text = _policy("all-services").sections
    rights = next(s for s in text if s.slug == "rights").clauses[0].markdown
    assert rights.count("**See your data**") == 1 and rights.count("**Delete it**") == 1
    for place, days in (("EU or EEA", "One month."), ("California", "45 days."), ("Brazil", "15 days.")):
        row = next(line for line in rights.splitlines() if line.startswith("| **") and place in line)
        assert f"| {days} |" in row


@pytest.mark.parametrize("sample", SAMPLES)
def test_no_list_item_or_paragraph_runs_into_the_next(sample):
    # A clause line ending in a block tag loses its newline (trim_blocks) unless it ends in "+%}": the
    # next item would join it ("...your consent.- **Opt out...").
    policy = _policy(sample)
    for clause in (c for s in policy.sections for c in s.clauses):
        assert not re.search(r"\S- \*\*|\S\n\*\*[A-Z]|[.)]\n[A-Z]", clause.markdown), (sample, clause.slug)
