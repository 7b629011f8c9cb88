from decimal import ROUND_DOWN, Decimal

import pytest

from participatory.core.errors import CurrencyMismatch, ValidationError
from participatory.core.money import Money, allocate


def test_refuses_float_with_a_hint():
    with pytest.raises(ValidationError, match="float") as caught:
        Money(0.1, "GBP")  # type: ignore[arg-type]
    assert caught.value.path == "amount"


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "-inf", "abc", "", True, None, [1]])
def test_refuses_non_numbers(bad):
    with pytest.raises(ValidationError):
        Money(bad, "GBP")


@pytest.mark.parametrize("code", ["gbp", "GB", "XYZ", "", 826])
def test_refuses_unknown_currency(code):
    with pytest.raises(ValidationError, match="currency"):
        Money("1", code)


def test_accepts_other_iso_currencies_and_their_minor_units():
    assert Money("1", "JPY").quantum == Decimal(1)
    assert Money("1", "KWD").quantum == Decimal("0.001")
    assert Money("1", "CHF").quantum == Decimal("0.01")


def test_mixed_currency_arithmetic_and_comparison_are_errors():
    with pytest.raises(CurrencyMismatch):
        Money.gbp(1) + Money("1", "EUR")
    with pytest.raises(CurrencyMismatch):
        Money.gbp(1) - Money("1", "EUR")
    with pytest.raises(CurrencyMismatch):
        _ = Money.gbp(1) < Money("1", "EUR")


def test_cannot_multiply_by_float_or_money():
    with pytest.raises(TypeError):
        Money.gbp(1) * 1.5  # type: ignore[operator]
    with pytest.raises(TypeError):
        Money.gbp(1) * Money.gbp(2)  # type: ignore[operator]


def test_builtin_sum_and_total():
    parts = [Money.gbp("0.10"), Money.gbp("0.20")]
    assert sum(parts) == Money.gbp("0.30")
    assert Money.total(parts) == Money.gbp("0.30")
    assert Money.total([]) == Money.zero()


def test_equal_values_hash_alike():
    assert hash(Money.gbp("1.0")) == hash(Money.gbp("1.00"))
    assert {Money.gbp("1.0"), Money.gbp("1.00")} == {Money.gbp(1)}


def test_quantize_half_up_by_default_and_other_rules_on_request():
    assert Money.gbp("2.675").quantize() == Money.gbp("2.68")
    assert Money.gbp("-2.675").quantize() == Money.gbp("-2.68")
    assert Money.gbp("2.679").quantize(ROUND_DOWN) == Money.gbp("2.67")


def test_allocate_examples_worked_by_hand():
    # £100 in three: 33.333… each; one penny left over goes to the first (tie → earliest).
    assert allocate(Money.gbp(100), [1, 1, 1]) == (
        Money.gbp("33.34"),
        Money.gbp("33.33"),
        Money.gbp("33.33"),
    )
    # £10 by 1:2: exact 3.333… and 6.666…; the larger remainder (.666) gets the penny.
    assert allocate(Money.gbp(10), [1, 2]) == (Money.gbp("3.33"), Money.gbp("6.67"))
    # Zero weight gets nothing.
    assert allocate(Money.gbp(5), [0, 1]) == (Money.gbp(0), Money.gbp(5))
    # A refund splits like its absolute value.
    assert allocate(Money.gbp(-1), [1, 1, 1]) == (
        Money.gbp("-0.34"),
        Money.gbp("-0.33"),
        Money.gbp("-0.33"),
    )


@pytest.mark.parametrize(
    ("weights", "path"), [([], "weights"), ([0, 0], "weights"), ([1, -1], "weights[1]")]
)
def test_allocate_rejects_bad_weights(weights, path):
    with pytest.raises(ValidationError) as caught:
        allocate(Money.gbp(1), weights)
    assert caught.value.path == path


def test_allocate_rejects_fractions_of_a_penny():
    with pytest.raises(ValidationError, match="minor units"):
        allocate(Money.gbp("1.005"), [1, 1])


def test_ratio_to():
    assert Money.gbp(1).ratio_to(Money.gbp(4)) == Decimal("0.25")
    with pytest.raises(ValidationError):
        Money.gbp(1).ratio_to(Money.gbp(0))
