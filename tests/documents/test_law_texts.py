"""The coverage report and the size questions in the policy's language (issue 14): every law name, legal
item and rules phrase has a current translation in clauses/laws.<code>.yaml; a report for a shop in any
language holds no English words; a stale entry shows its English source, never the old translation."""

import shutil

import pytest
import yaml
from django.test import override_settings
from django.utils import translation
from django.utils.formats import number_format

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.english_words import english_leftovers
from policybuilder.documents.law_tests import library_rules, rule_phrases
from policybuilder.documents.law_texts import item_revision, item_texts, law_revision, law_texts_path, law_texts_read
from policybuilder.library.files import library_files_read
from policybuilder.questionnaire.size_form import SizeForm
from tests.base import CLAUSES, make_answers

pytestmark = pytest.mark.django_db
# fr-CA has only the entries Canadian French words otherwise (laws.fr-CA.yaml); the rest is the French (law_texts uses
# fr-CA, then fr).
FILED = ("de", "es", "fr", "it", "pt-BR")
FILES = library_files_read(CLAUSES)
# Shops whose every decision is worded by our gettext phrases and laws.<code>.yaml, US ones included.
SAMPLES = ("eu", "uk", "ch", "br", "jp", "cn", "nz", "sg", "ca", "au", "transfer-cn-eu", "minimal", "us", "us-ca",
           "law-us-states-reached", "law-small-australia", "children")  # fmt: skip


# The laws' own English titles, which a translation may quote as their name (with its own words beside).
ABBREVIATIONS = ["SBA", "CCPA", "CPRA", "CalOPPA", "COPPA", "PIPEDA", "GDPR", "UK GDPR", "PECR", "APPI", "PIPL"]


def _report_text(policy) -> str:
    coverage = policy.coverage
    parts = [*coverage.notes]
    for law in coverage.laws:
        parts.append(law.name)
        parts += [t for item in law.items for t in (item.summary, item.hint, item.citation)]
    parts += [t for d in coverage.decisions for t in (d.name, d.reason, *d.notes)]
    parts += [t for item in policy.unconfirmed for t in (item.question, item.meanwhile)]
    return "\n".join(parts)


def _names(policy) -> list[str]:
    facts = policy.facts
    names = [facts.shop.legal_name, facts.shop.name, facts.shop.address]
    names += [n for p in facts.services for n in (p.name, p.company)]
    return names + ABBREVIATIONS


@pytest.mark.parametrize("code", FILED)
def test_every_law_item_and_phrase_has_a_current_translation(code):
    texts = law_texts_read(law_texts_path(code))
    stale = [law.code for law in FILES.laws if texts.names.get(law.code, ("", ""))[1] != law_revision(law)]
    stale += [i.item_id for i in FILES.items if texts.items.get(i.item_id, ("", "", ""))[2] != item_revision(i)]
    assert stale == [], f"{code}: missing or stale entries"
    assert [p for p in rule_phrases() if p not in texts.phrases] == []
    assert [i.citation for i in FILES.items if i.citation not in texts.phrases] == []  # the citations too
    untranslated = [i.item_id for i in FILES.items if texts.items[i.item_id][0] == i.summary]
    untranslated += [p for p in rule_phrases() if texts.phrases[p] == p and any(c.isalpha() for c in p)]
    assert untranslated == [], f"{code}: still the English"


def test_the_canadian_french_entries_are_current_and_differ_from_the_french():
    """laws.fr-CA.yaml holds only what Canadian French says otherwise (courriel, témoins, renseignements
    personnels); every other entry comes from laws.fr.yaml."""
    canadian, french = law_texts_read(law_texts_path("fr-CA")), law_texts_read(law_texts_path("fr"))
    assert canadian.items, "no Canadian French entries"
    laws, items = {law.code: law for law in FILES.laws}, {i.item_id: i for i in FILES.items}
    stale = [c for c, (_n, rev) in canadian.names.items() if c not in laws or rev != law_revision(laws[c])]
    stale += [i for i, (_s, _h, rev) in canadian.items.items() if i not in items or rev != item_revision(items[i])]
    assert stale == []
    assert [i for i, entry in canadian.items.items() if entry[:2] == french.items[i][:2]] == []
    assert [p for p in canadian.phrases if p not in rule_phrases()] == []


@pytest.mark.parametrize("code", (*FILED, "fr-CA"))
def test_no_entry_holds_english_words_even_one_no_sample_shows(code):
    texts = law_texts_read(law_texts_path(code))
    entries = [name for name, _rev in texts.names.values()]
    entries += [t for summary, hint, _rev in texts.items.values() for t in (summary, hint)]
    entries += list(texts.phrases.values())
    assert [t for t in entries if english_leftovers(t, names=ABBREVIATIONS)] == []


@pytest.mark.parametrize("code", FILED)
def test_the_questions_keep_their_threshold_placeholder(code):
    phrases = law_texts_read(law_texts_path(code)).phrases
    broken = [en for en in rule_phrases() if ("{limit}" in en) != ("{limit}" in phrases.get(en, en))]
    assert broken == []


@pytest.mark.parametrize("code", (*FILED, "fr-CA"))
@pytest.mark.parametrize("sample", SAMPLES)
def test_the_coverage_report_and_size_questions_hold_no_english(sample, code):
    policy = policy_assemble(answers=make_answers(sample, language=code))
    assert english_leftovers(_report_text(policy), names=_names(policy)) == []


def test_a_german_report_names_the_law_and_the_country_in_german():
    policy = policy_assemble(answers=make_answers("eu", language="de"))
    decision = next(d for d in policy.coverage.decisions if d.code == "eu")
    assert "Deutschland" in decision.reason
    english = next(law.name for law in FILES.laws if law.code == "eu")
    assert decision.name != english and "DSGVO" in decision.name


def test_a_stale_entry_shows_the_english_source_not_the_old_translation(tmp_path):
    clauses = tmp_path / "clauses"
    shutil.copytree(CLAUSES, clauses)
    data = yaml.safe_load((clauses / "laws.yaml").read_text(encoding="utf-8"))
    item = next(i for i in data["items"] if i["id"] == "ALL-ID")
    item["summary"] = "Who runs the shop, and how to reach them about privacy."
    (clauses / "laws.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    library_rules.cache_clear()
    law_texts_read.cache_clear()
    try:
        with override_settings(CLAUSES_DIR=clauses):
            changed = law_texts_read(law_texts_path("de")).items["ALL-ID"]
            legal = next(i for i in library_files_read(clauses).items if i.item_id == "ALL-ID")
            with translation.override("de"):
                assert item_texts(legal) == (legal.summary, legal.hint)  # the new English, not the old German
            current = next(i for i in FILES.items if i.item_id == "ALL-ID")
            with translation.override("de"):
                assert item_texts(current) == (changed[0], changed[1])  # the unchanged item keeps its German
    finally:
        library_rules.cache_clear()
        law_texts_read.cache_clear()


def test_the_size_page_offers_its_bands_in_the_page_language():
    with translation.override("es"):
        form = SizeForm(topics=("us-states",))
        labels = [str(label) for _key, label in form.fields["us_consumers"].choices]
        grouped = number_format(10000, force_grouping=True)  # as the reasons print figures: "10 000"
    english = [b["words"] for b in library_rules()["us_consumer_bands"]]
    assert labels[0] != english[0].capitalize() and grouped in labels[0]
