"""What a law's decision still needs from the owner, as "To confirm" items on the questionnaire's
size step: the figures of a law that may apply, the choice for one the shop is too small for, and
the exemptions that change what the policy must say. Called by unconfirmed_build.

Our questions are in the policy's language (gettext, under assembly's translation.override); the
constants below stay English (gettext_noop) and are translated where an item is built. A law's own
test questions (rule(...)["question"], `test.question`) come from clauses/laws.yaml, translated as its
phrases (law_texts.law_phrase)."""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from policybuilder.documents.applicability import NO, SIZE_TESTED, UNKNOWN
from policybuilder.documents.law_tests import rule, size_outcome
from policybuilder.documents.law_texts import law_phrase
from policybuilder.documents.laws import Laws
from policybuilder.documents.to_confirm import Unconfirmed, unconfirmed_item
from policybuilder.documents.us_states import state_name, states_to_count, us_states

# A law's name and the parts of the policy about it, for the questions below.
_WHO = {
    # Translators: a law's name, said of it: "... does not reach a business your size".
    "us-ca": (gettext_noop("California's privacy law (the CCPA)"),
              # Translators: the parts of the policy about one law: "The policy keeps the California sections".
              gettext_noop("the California sections")),
    # Translators: a law's name and the parts of the policy about it, as the two above.
    "au": (gettext_noop("Australia's Privacy Act"), gettext_noop("the Australian sections")),
}  # fmt: skip


def _not_said(answers: dict[str, Any], key: str) -> bool:
    return (answers.get("size") or {}).get(key) in (None, "not_sure")


def _size_items(laws: Laws, answers: dict[str, Any]) -> list[Unconfirmed]:
    items = []
    for code in SIZE_TESTED:
        decision, (law, sections) = laws.decision(code), _WHO[code]
        if decision is None or not decision.shown:
            continue
        said = {"law": _(law), "sections": _(sections)}
        if decision.applies == UNKNOWN:
            # Translators: %(sections)s is the parts of the policy about one law ("the California sections").
            meanwhile = _("The policy keeps %(sections)s, worded so that they do not say the law requires them.") % said
            for test in size_outcome(code, answers.get("size") or {}).missing:
                question = law_phrase(test.question).format(limit=test.limit())
                items.append(unconfirmed_item(f"size.{test.answer}", "size", question, meanwhile))
        elif decision.applies == NO and code not in (answers.get("not_applicable") or {}):
            # Translators: %(law)s is a law's name ("California's privacy law (the CCPA)"); %(sections)s the
            # parts of the policy about it ("the California sections").
            question = _("%(law)s does not reach a business your size. Leave %(sections)s out of the policy, or give these rights anyway?") % said  # fmt: skip
            # Translators: %(sections)s is the parts of the policy about one law ("the California sections").
            meanwhile = _("The policy keeps %(sections)s, and says the law does not require them of a business your size.") % said  # fmt: skip
            items.append(unconfirmed_item(f"not_applicable.{code}", "size", question, meanwhile))
    return items


_STATE_MEANWHILE = gettext_noop("The policy keeps the US state section for these states, worded so that it does not say their law requires it.")  # fmt: skip
_STATE_QUESTIONS = {
    "us_consumers": gettext_noop("About how many people in the US does your business handle data about a year, buyers and site visitors whose cookies or IP addresses you process? State privacy laws start at 10,000 to 175,000 residents of the state."),
    "sba_small_business": gettext_noop("Is your business a small business by the US Small Business Administration's standard for your industry? Texas, Nebraska and Minnesota exempt small businesses from their privacy laws."),
    "revenue_share_from_data_pct": gettext_noop("What share of your yearly revenue comes from selling personal data? Several state laws reach smaller businesses that earn from selling data."),
    "annual_revenue_usd": gettext_noop("What was your business's total (gross) revenue last year, in US dollars? Utah's and Tennessee's laws reach only businesses with more than US$25,000,000."),
}  # fmt: skip


def _state_items(laws: Laws, answers: dict[str, Any], taken: set[str]) -> list[Unconfirmed]:
    size = answers.get("size") or {}
    codes = {st.code for st in us_states()}
    unsure = [d for d in laws.decisions if d.code in codes and d.shown and d.applies == UNKNOWN]
    items, meanwhile = [], _(_STATE_MEANWHILE)
    if unsure:
        asked = [key for key in _STATE_QUESTIONS if any(f"size.{key}" in d.answer for d in unsure)]
        for key in asked:
            if size.get(key) is None and f"size.{key}" not in taken:
                items.append(unconfirmed_item(f"size.{key}", "size", _(_STATE_QUESTIONS[key]), meanwhile))
        counted = size.get("us_state_consumers") or {}
        left = [st for st in states_to_count(size) if st.code not in counted and any(d.code == st.code for d in unsure)]  # fmt: skip
        if left and size.get("us_consumers") is not None:
            states = ", ".join(state_name(st) for st in left)
            # Translators: %(states)s is a list of US states' names ("Virginia, Colorado").
            question = _("How many of those people live in each of these states: %(states)s? Each state's law counts only its own residents.") % {"states": states}  # fmt: skip
            field = f"consumers_{left[0].code}"  # the size form's field for the first of them
            items.append(unconfirmed_item("size.us_state_consumers", "size", question, meanwhile, field=field))
    # A law not yet in force is decided from no answer (us_states.state_outcome): it is not "too small for".
    out = [d for d in laws.decisions if d.code in codes and d.applies == NO and d.answer]
    if laws.us and out and "us-states" not in (answers.get("not_applicable") or {}):
        question = _("The US state privacy laws listed in the coverage report do not reach a business your size. Leave them out of the policy, or give their residents these rights anyway?")  # fmt: skip
        meanwhile = _("The policy leaves the sections of those states out.")
        items.append(unconfirmed_item("not_applicable.us-states", "size", question, meanwhile, field="not_applicable_us_states"))  # fmt: skip
    return items


def _asia_items(facts: Any, answers: dict[str, Any]) -> list[Unconfirmed]:
    """Japan's representative and its route for data going abroad; China's separate consent."""
    laws, items = facts.laws, []
    jp_abroad = [t for t in facts.transfers if t.jp and not t.ours and not t.jp_equivalent]
    if laws.jp and not facts.shop.representative:
        question = _("What is the name of your business's representative, such as its representative director? Japan's APPI asks for it.")  # fmt: skip
        meanwhile = _("The policy names no representative, and the coverage report lists the gap.")
        items.append(unconfirmed_item("size.jp_representative", "size", question, meanwhile))
    if jp_abroad and not laws.jp_transfers:
        question = _("May the companies outside Japan, the EU and the UK get your Japanese customers' data because a contract binds them to the APPI's standard, or only with the customer's consent?")  # fmt: skip
        meanwhile = _("The policy says only that some companies are outside Japan; the coverage report lists the gap.")
        items.append(unconfirmed_item("size.jp_transfers", "size", question, meanwhile))
    cn_abroad = facts.shop.country == "CN" and any(t.cn and not t.ours for t in facts.transfers)
    if laws.cn and (cn_abroad or facts.independent_providers) and not laws.cn_consent:
        question = _("Do you ask customers in China for a separate consent before their data goes to a company that uses it for its own purposes, or abroad?")  # fmt: skip
        meanwhile = _("The policy says nothing about that consent; the coverage report lists the gap.")
        items.append(unconfirmed_item("size.cn_consent", "size", question, meanwhile))
    return items


def laws_unconfirmed(facts: Any, answers: dict[str, Any]) -> list[Unconfirmed]:
    """What a law's decision still needs from the owner. Every item links to the questionnaire step "size"."""
    laws, shop = facts.laws, facts.shop
    items = _size_items(laws, answers)
    items += _state_items(laws, answers, {item.key for item in items})
    needs_rep = (laws.eu and shop.outside_eu and not shop.eu_representative) or (
        laws.uk and shop.outside_uk and not shop.uk_representative
    )
    if needs_rep and _not_said(answers, "gdpr_occasional"):
        meanwhile = _("The coverage report lists the missing representative.")
        items.append(
            unconfirmed_item(
                "size.gdpr_occasional", "size", law_phrase(rule("gdpr_representative")["question"]), meanwhile
            )
        )
    if laws.br and not shop.privacy_officer and _not_said(answers, "lgpd_small_agent"):
        meanwhile = _(
            "The policy gives your email as the privacy contact, but names no data protection officer (encarregado)."
        )
        items.append(
            unconfirmed_item(
                "size.lgpd_small_agent", "size", law_phrase(rule("lgpd_small_agent")["question"]), meanwhile
            )
        )
    return items + _asia_items(facts, answers)
