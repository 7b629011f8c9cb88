""":mod:`participatory.benefits.kinds`: unit tests.

The named benefits, conditions and categories, and the converters every model uses: each
refuses a bad value by naming the field and the choices, never the value.
"""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.benefits.kinds import (
    AgeBand,
    Benefit,
    LegacyBenefit,
    UnaffectedBenefit,
    WorkCapability,
    enum_converter,
    flag,
    hours,
    optional_pounds,
    pounds,
    weekday,
)
from participatory.benefits.receipts import Receipt
from participatory.core.errors import ValidationError
from participatory.core.money import Money

SENTINEL = "SENTINEL-5150"


def test_every_benefit_has_a_label():
    assert {b.label for b in Benefit} >= {"Universal Credit", "Carer's Allowance", "ESA"}
    assert len({b.label for b in Benefit}) == len(Benefit)


def test_personal_benefits_are_the_persons_own():
    """Carer's Allowance, new-style ESA and new-style JSA are one person's; the means-tested
    benefits are the household's."""
    assert {b for b in Benefit if b.personal} == {
        Benefit.CARERS_ALLOWANCE,
        Benefit.NEW_STYLE_ESA,
        Benefit.NEW_STYLE_JSA,
    }


def test_each_legacy_benefit_is_a_benefit_and_only_new_style_jsa_is_not_means_tested():
    for legacy in LegacyBenefit:
        assert legacy.benefit.value == legacy.value
    assert [b for b in LegacyBenefit if not b.means_tested] == [LegacyBenefit.NEW_STYLE_JSA]


def test_state_pension_is_the_one_unaffected_benefit_that_is_not_a_disability_benefit():
    assert [b for b in UnaffectedBenefit if not b.is_disability_benefit] == [
        UnaffectedBenefit.STATE_PENSION
    ]


def test_enum_converter_takes_a_member_or_its_value():
    convert = enum_converter(WorkCapability, "capability")
    assert convert("lcwra") is WorkCapability.LCWRA
    assert convert(WorkCapability.LCW) is WorkCapability.LCW
    assert enum_converter(AgeBand, "age_band")("under_25") is AgeBand.UNDER_25


@pytest.mark.parametrize("bad", [SENTINEL, 7, None, ["lcw"]])
def test_enum_converter_names_the_choices_not_the_value(bad):
    with pytest.raises(ValidationError) as caught:
        enum_converter(WorkCapability, "capability")(bad)
    assert caught.value.path == "capability"
    assert caught.value.problem == "must be one of none, lcw, lcwra"
    assert SENTINEL not in str(caught.value)
    # The rejected value does not survive in the exception's context either.
    assert caught.value.__context__ is None


@pytest.mark.parametrize("bad", [1, "yes", None])
def test_flag_wants_true_or_false(bad):
    with pytest.raises(ValidationError, match="true or false"):
        flag("carer")(None, None, bad)
    flag("carer")(None, None, True)


def test_pounds_is_whole_pence_of_gbp_and_never_negative():
    assert pounds("x")("12.50") == Money.gbp("12.50")
    assert pounds("x")(Money.gbp(3)) == Money.gbp(3)
    for bad, problem in (
        ("-0.01", "negative"),
        ("0.001", "whole number of pence"),
        (Money("1", "EUR"), "GBP"),
    ):
        with pytest.raises(ValidationError, match=problem):
            pounds("x")(bad)
    assert optional_pounds("x")(None) is None
    assert optional_pounds("x")("1.00") == Money.gbp(1)


def test_a_negative_receipt_is_refused_with_the_way_to_record_a_refund():
    """A receipt's amount is checked by the same rule as every other amount, with a hint."""
    with pytest.raises(ValidationError) as caught:
        Receipt(Money.gbp("-5.00"), "2025-06-10")
    assert caught.value.path == "amount"
    assert "must not be negative" in str(caught.value)
    assert caught.value.hint == "record a refund separately"
    with pytest.raises(ValidationError, match="whole number of pence"):
        Receipt(Money.gbp("5.001"), "2025-06-10")


@given(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**14), max_value=10**14)
    | st.integers(-(10**6), 10**8).map(lambda n: Decimal(n).scaleb(-2))
    | st.integers(-(10**6), 10**8).map(lambda n: Decimal(n).scaleb(-3))
)
def test_pounds_accepts_exactly_what_money_calls_whole_non_negative_pence(amount: Decimal):
    """The converter's fraction test agrees with Money's own is_negative and
    is_whole_minor_units (the plain reading) on every finite amount."""
    money = Money(amount, "GBP")
    if money.is_negative():
        with pytest.raises(ValidationError, match="negative"):
            pounds("x")(money)
    elif not money.is_whole_minor_units():
        with pytest.raises(ValidationError, match="whole number of pence"):
            pounds("x")(money)
    else:
        assert pounds("x")(money) is money


@given(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**14), max_value=10**14)
    | st.integers(-(10**6), 10**8).map(lambda n: Decimal(n).scaleb(-2))
    | st.integers(-(10**6), 10**8).map(lambda n: Decimal(n).scaleb(-3))
)
def test_a_receipt_accepts_exactly_what_money_calls_whole_non_negative_pence(amount: Decimal):
    """The same agreement for a Receipt's amount, which is checked on its own path."""
    money = Money(amount, "GBP")
    if money.is_negative():
        with pytest.raises(ValidationError, match="negative"):
            Receipt(money, "2025-06-10")
    elif not money.is_whole_minor_units():
        with pytest.raises(ValidationError, match="whole number of pence"):
            Receipt(money, "2025-06-10")
    else:
        receipt = Receipt(money, "2025-06-10")
        assert receipt.amount is money
        assert receipt.pennies * Decimal("0.01") == amount


def test_hours_are_0_to_168_a_week():
    assert hours("h")("37.5") == Decimal("37.5")
    for bad in ("-1", "168.1"):
        with pytest.raises(ValidationError, match="168"):
            hours("h")(bad)


def test_a_weekday_is_0_to_6_and_not_a_bool():
    assert weekday("d")(6) == 6
    for bad in (7, -1, True, "1"):
        with pytest.raises(ValidationError, match="Monday"):
            weekday("d")(bad)
