"""Plural templates: one mechanism (gettext plural forms) for every counted noun.

Welsh has six plural forms (CLDR ``cy``; the catalogue's ``Plural-Forms`` header): zero
(n = 0), one (1), two (2), few (3), many (6) and other (anything else, 11 included). English
has two: one (n = 1) and other. The expected sentences below are the forms written in the
catalogue for those numbers, each checked by hand against the rule: the numeral word in
Welsh and the noun's mutation after it (dau → soft mutation, tri/chwe → aspirate).
"""

from __future__ import annotations

import datetime as dt
import re
import types
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.core.errors import ValidationError
from participatory.core.explain import Finding, Severity
from participatory.core.money import Money
from participatory.render.i18n import catalogue, translate_plural
from participatory.render.templates import PLURALS, TEMPLATES, Plural, merge, plural
from participatory.render.text import sentence, text


def _on_time(count: int) -> Finding:
    return Finding("PAY-ON-TIME", Severity.MET, "payments.on_time", {"count": count})


@pytest.mark.parametrize(
    ("count", "welsh"),
    [
        (0, "Ni wnaed dim taliadau mewn pryd."),
        (1, "Gwnaed un taliad mewn pryd."),
        (2, "Gwnaed dau daliad mewn pryd."),
        (3, "Gwnaed tri thaliad mewn pryd."),
        (6, "Gwnaed chwe thaliad mewn pryd."),
        (11, "Gwnaed 11 o daliadau mewn pryd."),
    ],
)
def test_welsh_has_a_form_for_zero_one_two_three_six_and_any_other_number(count, welsh):
    assert sentence(_on_time(count), locale="cy") == welsh


@pytest.mark.parametrize(
    ("count", "english"),
    [
        (0, "0 payments were made on time."),
        (1, "1 payment was made on time."),
        (2, "2 payments were made on time."),
    ],
)
def test_english_has_a_form_for_one_and_one_for_any_other_number(count, english):
    assert sentence(_on_time(count), locale="en_GB") == english


def _late(days: int) -> Finding:
    values = {
        "payment": "P1",
        "contributor": "Sam",
        "amount": Money.gbp("90"),
        "paid_on": dt.date(2026, 11, 20),
        "working_days_late": days,
        "deadline": dt.date(2026, 11, 17),
    }
    return Finding("PAY-LATE", Severity.WARNING, "payments.late", values)


@pytest.mark.parametrize(
    ("days", "english", "welsh"),
    [
        # A measure of time after a comma is adverbial in Welsh: soft mutation of the
        # numeral (dau → ddau, tri → dri) and of the noun after dau (diwrnod → ddiwrnod).
        (1, "1 working day after", "un diwrnod gwaith ar ôl"),
        (2, "2 working days after", "ddau ddiwrnod gwaith ar ôl"),
        (3, "3 working days after", "dri diwrnod gwaith ar ôl"),
        (6, "6 working days after", "chwe diwrnod gwaith ar ôl"),
        (11, "11 working days after", "11 o ddiwrnodau gwaith ar ôl"),
    ],
)
def test_the_count_need_not_be_called_count(days, english, welsh):
    assert PLURALS["payments.late"].by == "working_days_late"
    assert english in sentence(_late(days), locale="en_GB")
    assert welsh in sentence(_late(days), locale="cy")


@pytest.mark.parametrize(
    ("count", "welsh"),
    [
        # elfen is feminine: dwy, tair, and no mutation of elfen after them.
        (1, "ni chynhwysir un elfen plentyn."),
        (2, "ni chynhwysir dwy elfen plentyn."),
        (3, "ni chynhwysir tair elfen plentyn."),
        (6, "ni chynhwysir chwe elfen plentyn."),
        (11, "ni chynhwysir 11 o elfennau plentyn."),
    ],
)
def test_a_feminine_noun_takes_the_feminine_numerals(count, welsh):
    finding = Finding("UC-TWO-CHILD", Severity.INFO, "benefits.uc.two_child_limit",
                      {"excluded": count})  # fmt: skip
    assert welsh in sentence(finding, locale="cy", include_sensitive=True)


def test_a_fraction_takes_the_form_for_any_other_number():
    values = {"card": "nihr", "preparation_hours": Decimal("1.5")}
    finding = Finding("PAY-PREP", Severity.INFO, "payments.preparation_not_paid", values)
    assert "1.5 hours of preparation were left out" in sentence(finding, locale="en_GB")
    assert "1.5 o oriau o baratoi" in sentence(finding, locale="cy")
    whole = {"card": "nihr", "preparation_hours": Decimal("1.0")}  # however it is written
    finding = Finding("PAY-PREP", Severity.INFO, "payments.preparation_not_paid", whole)
    assert "hour of preparation was left out" in sentence(finding, locale="en_GB")
    assert "un awr o baratoi" in sentence(finding, locale="cy")


def test_a_plural_template_without_its_number_is_a_clear_error():
    with pytest.raises(ValidationError, match="count"):
        text("payments.on_time", "cy")
    with pytest.raises(ValidationError, match="count"):
        text("payments.on_time", "en_GB", {"amount": 1})


def test_no_template_says_s_in_brackets_for_a_plural():
    """No "payment(s)" or "holder(s)": a count goes through a plural template instead."""
    bracketed = re.compile(r"\w\((?:s|es|ies)\)")
    english = [*TEMPLATES.values(), *(p.other for p in PLURALS.values())]
    assert [t for t in english if bracketed.search(t)] == []
    translations = catalogue("cy")
    welsh = [translations.gettext(t) for t in TEMPLATES.values()]
    assert [t for t in welsh if bracketed.search(t)] == []


def test_the_registry_holds_the_one_form_and_the_plural_beside_it():
    forms = plural("payments.on_time")
    assert forms == Plural(
        "count", "{count} payment was made on time.", "{count} payments were made on time."
    )
    assert TEMPLATES["payments.on_time"] == forms.one
    assert plural("render.sources") is None


def test_a_plural_must_say_what_it_counts_and_keep_its_placeholders():
    module = types.SimpleNamespace(__name__="module")
    module.MESSAGES = {"x.n": {"by": "n", "one": "{n} thing", "other": "{n} things"}}

    assert merge([module]) == {"x.n": Plural("n", "{n} thing", "{n} things")}
    module.MESSAGES = {"x.n": {"one": "{n} thing", "other": "{n} things"}}
    with pytest.raises(ValueError, match="mapping of by, one and other"):
        merge([module])
    module.MESSAGES = {"x.n": {"by": "n", "one": "{n} thing", "other": "{n} things {extra}"}}
    with pytest.raises(ValueError, match="same placeholders"):
        merge([module])
    module.MESSAGES = {"x.n": {"by": "count", "one": "{n} thing", "other": "{n} things"}}
    with pytest.raises(ValueError, match="'count' among them"):
        merge([module])


def test_a_plural_cannot_share_its_text_with_a_plain_message():
    module = types.SimpleNamespace(__name__="module")
    module.MESSAGES = {
        "x.plain": "{n} thing",
        "x.n": {"by": "n", "one": "{n} thing", "other": "{n} things"},
    }

    with pytest.raises(ValueError, match="text of a plain message"):
        merge([module])


@given(key=st.sampled_from(sorted(PLURALS)), count=st.integers(0, 10_000))
def test_every_plural_form_in_every_locale_fills_its_placeholders(key, count):
    forms = PLURALS[key]
    names = set(re.findall(r"\{(\w+)\}", forms.other))
    values = dict.fromkeys(names, "x") | {forms.by: count}
    english = translate_plural(forms.one, forms.other, count, "en_GB")
    assert english == (forms.one if count == 1 else forms.other)
    for locale in ("en_GB", "cy"):
        filled = translate_plural(forms.one, forms.other, count, locale).format_map(values)
        assert "{" not in filled
        assert "}" not in filled
