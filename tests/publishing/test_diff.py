"""The text diff between two versions' plain-text exports: short, in order, word pieces inside paragraphs."""

import pytest
from django.template.loader import render_to_string

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.exporters import policy_text
from policybuilder.publishing.diff import Block, diff_counts, paragraphs_split, text_diff
from tests.base import make_answers


def text(name: str, **changes: object) -> str:
    return policy_text(policy_assemble(answers=make_answers(name, **changes)))


def shown(blocks: list[Block]) -> int:
    """Paragraphs a reader sees in full (context and edits), not counted as "N unchanged"."""
    return sum(len(b.context) if b.kind == "same" else 1 for b in blocks)


def accounted(blocks: list[Block]) -> int:
    """Paragraphs of the new text that the blocks stand for."""
    return sum(b.count + len(b.context) if b.kind == "same" else b.kind != "removed" for b in blocks)


def test_identical_texts_are_one_count_and_no_edits():
    sample = "First.\n\nSecond paragraph.\n\nThird.\n"
    assert text_diff(sample, sample) == [Block(kind="same", count=3)]
    assert diff_counts(text_diff(sample, sample)) == (0, 0)
    assert text_diff("", "") == []


def test_a_changed_sentence_is_one_changed_paragraph_with_word_pieces_and_context():
    old = "Intro.\n\nOne.\n\nWe keep your order for 7 years. Then we delete it.\n\nTwo.\n\nEnd."
    new = "Intro.\n\nOne.\n\nWe keep your order for 10 years. Then we delete it.\n\nTwo.\n\nEnd."
    blocks = text_diff(old, new)
    assert [b.kind for b in blocks] == ["same", "changed", "same", "same"]
    assert blocks[0] == Block(kind="same", count=1, context=("One.",))
    changed = blocks[1]
    assert changed.pieces == (
        ("same", "We keep your order for"),
        ("removed", "7"),
        ("added", "10"),
        ("same", "years. Then we delete it."),
    )
    assert changed.old.startswith("We keep your order for 7") and changed.text.startswith("We keep your order for 10")
    assert blocks[2:] == [Block(kind="same", context=("Two.",)), Block(kind="same", count=1)]
    assert diff_counts(blocks) == (1, 0)


def test_paragraphs_added_and_removed_and_unrelated_rewrites_are_not_paired():
    old = "Same.\n\nGone entirely.\n\nStays."
    new = "Same.\n\nStays.\n\nBrand new words here."
    assert [(b.kind, b.text) for b in text_diff(old, new) if b.kind != "same"] == [
        ("removed", "Gone entirely."),
        ("added", "Brand new words here."),
    ]
    rewritten = text_diff("Alpha beta gamma.", "Something else altogether, quite different.")
    assert [b.kind for b in rewritten] == ["removed", "added"]
    assert diff_counts(rewritten) == (1, 1)


@pytest.mark.django_db
def test_one_sentence_changed_in_a_long_policy_shows_a_few_paragraphs():
    old = text("all-services")
    paragraphs = paragraphs_split(old)
    assert len(old.split()) > 4000 and len(paragraphs) > 60
    middle = next(p for p in paragraphs[len(paragraphs) // 2 :] if len(p.split()) > 20 and "\n" not in p)
    new = old.replace(middle, middle + " We review this every year.")
    blocks = text_diff(old, new)
    assert [b.kind for b in blocks].count("changed") == 1
    assert diff_counts(blocks) == (1, 0)
    assert shown(blocks) <= 3  # the paragraph, and one either side
    assert accounted(blocks) == len(paragraphs)
    changed = next(b for b in blocks if b.kind == "changed")
    assert ("added", "We review this every year.") in changed.pieces


@pytest.mark.django_db
def test_a_real_answer_change_shows_its_words_and_is_rendered_in_order():
    old = text("all-services")
    new = text("all-services", retention={"orders_years": 10, "account": "until_deleted", "server_logs_days": 30})
    blocks = text_diff(old, new)
    added, removed = diff_counts(blocks)
    assert removed == 0 and added >= 2  # the summary and the data table, at least
    assert shown(blocks) < 10 and accounted(blocks) == len(paragraphs_split(new))
    for block in blocks:
        if block.kind == "changed":
            assert ("removed", "7") in block.pieces and ("added", "10") in block.pieces
    html = render_to_string("publishing/diff.html", {"blocks": blocks})
    assert '<del><span class="visually-hidden">Removed: </span>7</del>' in html
    assert '<ins><span class="visually-hidden">Added: </span>10</ins>' in html
    assert "paragraphs unchanged" in html


@pytest.mark.django_db
def test_identical_policies_have_no_added_or_removed_blocks():
    sample = text("us-ca")
    blocks = text_diff(sample, sample)
    assert {b.kind for b in blocks} == {"same"}
    assert shown(blocks) == 0 and accounted(blocks) == len(paragraphs_split(sample))
