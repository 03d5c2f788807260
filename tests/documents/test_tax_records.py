"""The tax-record rule: a row for every country a shop can pick, and policies that only name checked laws."""

import re
import shutil

import pycountry
import pytest
import yaml

from policybuilder.documents.assemble import InvalidAnswers, policy_assemble
from policybuilder.documents.exporters import policy_text
from policybuilder.documents.tax_records import (
    UNCONFIRMED_RULE,
    UNCONFIRMED_YEARS,
    TaxRecordsError,
    tax_record_rule,
    tax_record_rules,
    tax_records_read,
)
from policybuilder.languages import TRANSLATED
from policybuilder.questionnaire.forms import country_choices
from tests.base import CLAUSES, keep_for_inspection, make_answers

ROWS = yaml.safe_load((CLAUSES / "tax-records.yaml").read_text(encoding="utf-8"))
RULE_FIELDS = ("years", "rule", "source")


def _shop_in(country: str, **changes):
    """The minimal sample shop, moved to `country`, with its policy text and its "To confirm" list."""
    business = {**make_answers("minimal")["business"], "country": country}
    policy = policy_assemble(answers=make_answers("minimal", business=business, **changes))
    return policy, policy_text(policy)


def _an_unconfirmed_country() -> str:
    return next(code for code, rule in sorted(tax_record_rules().items()) if not rule.confirmed)


def test_every_country_a_shop_can_pick_has_exactly_one_row():
    codes = [row["code"] for row in ROWS]
    assert len(codes) == len(set(codes))
    assert set(codes) == {c.alpha_2 for c in pycountry.countries}
    assert {code for code, _ in country_choices() if code} <= set(codes)


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["code"])
def test_each_row_gives_years_rule_and_source_or_says_plainly_it_is_not_confirmed(row):
    if row.get("confirmed") is False:
        assert row["checked"] == "" and not any(row.get(key) for key in RULE_FIELDS)
        return
    assert isinstance(row["years"], int) and 1 <= row["years"] <= 30
    assert row["rule"].strip() and row["source"].strip()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["checked"])


def test_the_table_holds_the_big_markets_confirmed():
    for code in ("CN", "JP", "IN", "SG", "HK", "MX", "AR", "ZA", "AE", "CH", "US", "GB", "DE", "FR", "CA", "AU"):
        assert tax_record_rule(code).confirmed, code
    assert tax_record_rule("CN").years == 30


@pytest.mark.django_db
def test_a_shop_in_china_keeps_order_records_30_years_under_chinas_own_rule():
    policy, text = _shop_in("CN")
    if "30 years after your order, to meet China's accounting rules" not in text:
        pytest.fail(f"China's rule is missing; see {keep_for_inspection('tax-cn.txt', text)}")
    assert "tax and accounting record rules" not in text and UNCONFIRMED_RULE not in text
    orders = [item for item in policy.unconfirmed if item.key == "retention.orders_years"]
    assert orders and "not confirmed" not in orders[0].meanwhile


@pytest.mark.django_db
def test_an_unconfirmed_country_names_no_law_and_lists_the_period_under_to_confirm():
    country = _an_unconfirmed_country()
    policy, text = _shop_in(country)
    assert f"{UNCONFIRMED_YEARS} years after your order, to meet {UNCONFIRMED_RULE}" in text
    named = [rule.rule for rule in tax_record_rules().values() if rule.confirmed and rule.rule in text]
    assert not named, f"{country}'s policy names {named}; see {keep_for_inspection('tax-unconfirmed.txt', text)}"
    orders = next(item for item in policy.unconfirmed if item.key == "retention.orders_years")
    assert "not confirmed" in orders.meanwhile and "names no law" in orders.meanwhile
    assert orders.step == "retention" and orders.field == "orders_years"


@pytest.mark.django_db
def test_an_owner_who_gives_the_period_is_not_asked_again_and_reads_it_as_their_own():
    policy, text = _shop_in(_an_unconfirmed_country(), retention={"orders_years": 8})
    assert "8 years after your order, to meet our own record-keeping rules" in text
    assert not [item for item in policy.unconfirmed if item.key == "retention.orders_years"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("country", "period"),
    [
        ("DE", "10 years after the end of the calendar year of your order, to meet German commercial"),
        ("GB", "6 years after the end of the financial year of your order, to meet UK tax rules"),
        ("IE", "6 years after your order, to meet"),
    ],
)
def test_the_order_period_is_counted_from_where_the_countrys_rule_counts_it(country, period):
    # AO § 147(4): a German record's 10 years begin at the end of its calendar year, so "10 years after
    # your order" would understate how long the shop keeps it by up to a year.
    _, text = _shop_in(country)
    assert period in text


@pytest.mark.django_db
def test_an_owners_own_period_is_counted_from_the_order():
    _, text = _shop_in("DE", retention={"orders_years": 12})
    assert "12 years after your order, to meet our own record-keeping rules" in text


def test_a_shop_without_a_known_country_gets_the_unconfirmed_default_not_another_countrys_law():
    for code in ("", "XX"):
        rule = tax_record_rule(code)
        assert not rule.confirmed and rule.rule == UNCONFIRMED_RULE and rule.years == UNCONFIRMED_YEARS


@pytest.mark.parametrize(
    ("row", "complaint"),
    [
        ("- {code: AF, confirmed: false, checked: '', years: 7}", "AF: an unconfirmed row names no period"),
        ("- {code: JP, years: 7, rule: Japan's rules, checked: '2026-12-01'}", "JP: a confirmed row needs its rule and its source"),
        ("- {code: CN, years: 0, rule: r, source: s, checked: '2026-12-01'}", "CN: years must be a whole number"),
        ("- {code: KE, years: 5, rule: r, source: s, checked: ''}", "KE: checked must be the date"),
        ("- {code: DE, years: 10, counted_from: order, rule: r, source: s, checked: '2026-12-01'}", "DE: counted_from is"),
    ],
)  # fmt: skip
def test_a_row_that_cannot_be_used_is_refused_with_its_country_named(tmp_path, row, complaint):
    path = tmp_path / "tax-records.yaml"
    path.write_text(row + "\n", encoding="utf-8")
    with pytest.raises(TaxRecordsError, match=re.escape(complaint)):
        tax_records_read(path)


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_confirmed_rule_has_a_current_translation_in_every_language(code):
    rules = [r for r in tax_record_rules().values() if r.confirmed]
    assert rules
    assert [r.country for r in rules if r.rule_in(code) is None] == []
    assert all(r.rule_in(code) != r.rule for r in rules)  # a translation, not a copy of the English


@pytest.mark.django_db
def test_a_changed_english_rule_makes_its_translations_stale_and_a_policy_in_that_language_names_the_row(
    tmp_path, settings
):
    text = (CLAUSES / "tax-records.yaml").read_text(encoding="utf-8")
    english = tax_record_rule("GB").rule
    (tmp_path / "tax-records.yaml").write_text(text.replace(english, english + ", as amended"), encoding="utf-8")
    changed = tax_records_read(tmp_path / "tax-records.yaml")["GB"]
    assert changed.rule_in("en") == english + ", as amended"
    assert changed.rule_in("de") is None  # stale: never the old German for the new English
    assert tax_record_rule("GB").rule_in("de")  # the shipped row is current
    shutil.copytree(CLAUSES, tmp_path / "clauses")
    (tmp_path / "clauses" / "tax-records.yaml").write_text(
        text.replace(english, english + ", as amended"), encoding="utf-8"
    )
    settings.CLAUSES_DIR = tmp_path / "clauses"
    tax_record_rules.cache_clear()
    try:
        with pytest.raises(InvalidAnswers) as refused:
            _shop_in("GB", language="de")
    finally:
        tax_record_rules.cache_clear()
    assert "record-keeping rule for GB in clauses/tax-records.yaml has no current German translation" in str(
        refused.value.errors
    )


def test_a_rule_translated_into_a_language_we_do_not_have_is_refused(tmp_path):
    (tmp_path / "tax-records.yaml").write_text(
        '- code: "GB"\n  years: 6\n  rule: "UK tax rules"\n  source: "HMRC"\n  checked: "2026-12-01"\n'
        '  translates: "x"\n  translations:\n    nl: "Britse belastingregels"\n',
        encoding="utf-8",
    )
    with pytest.raises(TaxRecordsError, match="GB: no such language: nl"):
        tax_records_read(tmp_path / "tax-records.yaml")
