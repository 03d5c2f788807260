"""Policies in every language (issue 14): every sample shop builds in each, with no English words left
beyond names, links, quoted titles and the owner's own text; every clause, section and service text has a
current translation; the law's own terms (the glossary) are the ones the translations use; every gettext
string is translated and its compiled catalogue is up to date."""

import re
from pathlib import Path

import polib
import pytest
import yaml
from django.utils.html import escape
from django.utils.translation import to_locale

from policybuilder.documents.assemble import policy_assemble
from policybuilder.documents.exporters import policy_html, policy_text
from policybuilder.editing.management.commands.translations import policy_leftovers
from policybuilder.languages import OFFERED, SOURCE, language, text_languages
from policybuilder.library.files import library_files_read
from policybuilder.library.translations import translation_states
from tests.base import CLAUSES, make_answers

pytestmark = pytest.mark.django_db
# Each language the app offers must be complete; one still being translated is not offered yet.
COMPLETE = tuple(code for code in OFFERED if code != SOURCE)
SAMPLES = sorted(path.stem for path in (Path(__file__).parents[1] / "data").glob("*.json"))
LOCALE = Path(__file__).parents[2] / "locale"
FILES = library_files_read(CLAUSES)
JINJA = re.compile(r"\{([{%#]).*?[}%#]\}", re.DOTALL)


def _texts(code: str, kind: str) -> list:
    """The translations a policy in `code` uses, one per text: a variant's own where it has one, else its
    base language's (languages.text_languages)."""
    found = {}
    for lang in reversed(text_languages(code)):
        found |= {t.key: t for t in FILES.translations if t.kind == kind and t.language == lang}
    return list(found.values())


def _prose(body: str) -> str:
    """A clause's words without its template code: `facts.processors` is a name, not the term "processor"."""
    return JINJA.sub(" ", body)


@pytest.mark.parametrize("code", COMPLETE)
def test_every_text_has_a_current_translation(code):
    left = [s.sentence() for s in translation_states(FILES, languages=(code,)) if not s.usable]
    assert left == [], f"{language(code).name}: {left}"


@pytest.mark.parametrize("code", COMPLETE)
@pytest.mark.parametrize("sample", SAMPLES)
def test_every_sample_builds_in_every_language_with_no_english_left(sample, code):
    policy = policy_assemble(answers=make_answers(sample, language=code))
    assert policy_leftovers(policy) == []
    html = policy_html(policy)
    assert f'<html lang="{code}">' in html  # hyphenation and screen readers follow it
    assert escape(policy.title) in html and "Privacy policy" not in policy.title


@pytest.mark.parametrize("code", COMPLETE)
def test_the_translations_use_the_laws_own_terms(code):
    glossary = yaml.safe_load((CLAUSES / "glossary" / f"{code}.yaml").read_text(encoding="utf-8"))
    assert glossary, f"the {code} glossary is empty"
    english = {c.slug: c for c in FILES.clauses}
    missing = []
    for t in _texts(code, "clause"):
        for entry in glossary:
            used = re.search(rf"\b{re.escape(entry['en'])}\b", _prose(english[t.key].body), re.IGNORECASE)
            if used and entry["term"].casefold() not in t.body.casefold():
                missing.append(f"{t.key}: “{entry['en']}” should be “{entry['term']}”")
    assert missing == []


@pytest.mark.parametrize("code", COMPLETE)
def test_every_gettext_string_is_translated_and_compiled(code):
    folder = LOCALE / to_locale(language(code).django) / "LC_MESSAGES"  # pt_BR
    po = polib.pofile(str(folder / "django.po"))
    if language(code).base:  # a variant translates only what differs; Django uses its base for the rest
        base = polib.pofile(str(LOCALE / to_locale(language(code).base) / "LC_MESSAGES" / "django.po"))
        assert [e.msgid for e in base.untranslated_entries()] == []
    else:
        assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in polib.mofile(str(folder / "django.mo"))}
    wanted = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in po.translated_entries()}
    assert {k: v for k, v in wanted.items() if compiled.get(k) != v} == {}, (
        "run `make messages` to compile the catalogues"
    )


@pytest.mark.parametrize("code", COMPLETE)
def test_a_domestic_shop_says_nothing_about_customs_in_any_language(code):
    answers = make_answers("practices-confirmed", language=code)
    carrier = answers["shipping"]["carriers"][0]
    english = next(s for s in FILES.services if s.slug == carrier)
    translated = next(t for t in _texts(code, "service") if t.key == carrier)
    customs = next(
        item for item, source in zip(translated.receives, english.receives, strict=True) if "customs" in source
    )
    assert customs not in policy_text(policy_assemble(answers=answers))
    answers["shipping"]["international"] = True
    assert customs in policy_text(policy_assemble(answers=answers))
