""":mod:`participatory.core.money`: hardening: bad input at its boundaries.

Core bugs the hardening sweep found, each fixed and pinned here.

Not a penny created or lost: conservation of money end to end, pennies to £1,000,000,000.

Every split and every regrouping of money in the library must add back up exactly:
a payment plan's totals per benefit week, assessment period and tax year; a budget's
distribution between holders; a fund split between partners; :func:`allocate` itself,
for refunds (negative totals) as well as payments.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.core.errors import ValidationError
from participatory.core.money import Money, allocate


@pytest.mark.parametrize(
    "amount", [Decimal("1e15"), Decimal("-1e15"), Decimal("1e400"), str(10**30), 10**30]
)
def test_amounts_too_large_to_add_exactly_are_refused(amount: Decimal | str | int) -> None:
    """Found by the boundary fuzz: a plan amount of 1e400 raised decimal.InvalidOperation.

    Decimal keeps 28 significant digits; amounts of 10^15 or more could be rounded when
    summed, so they are refused at construction, with the field named.
    """
    with pytest.raises(ValidationError, match="too large") as caught:
        Money.gbp(amount)
    assert caught.value.path == "amount"


def test_the_largest_amount_still_adds_up_exactly() -> None:
    """Just under the bound, pennies still count."""
    largest = Money.gbp("999999999999999.98")
    assert largest + Money.gbp("0.01") == Money.gbp("999999999999999.99")
    assert (largest - Money.gbp("0.01") * 10**10).amount == Decimal("999999899999999.98")


def pounds(min_pence: int = 0, max_pence: int = 10**11) -> st.SearchStrategy[Money]:
    """Money in whole pennies between the two bounds (a billion pounds by default)."""
    return st.integers(min_pence, max_pence).map(lambda p: Money(Decimal(p).scaleb(-2), "GBP"))


@settings(max_examples=150)
@given(pounds(-(10**11), 10**11), st.lists(st.integers(0, 10**6), min_size=1, max_size=40))
def test_allocate_conserves_every_penny(
    tried: Counter[str], total: Money, weights: list[int]
) -> None:
    """Parts add up exactly, each within a penny of its exact share; refunds split alike."""
    tried["money: allocate"] += 1
    if sum(weights) == 0:
        weights = [*weights[:-1], 1]
    parts = allocate(total, weights)
    assert Money.total(parts) == total
    assert all(part.is_whole_minor_units() for part in parts)
    weight_sum = sum(weights)
    for part, weight in zip(parts, weights, strict=True):
        exact = total.amount * weight / weight_sum
        assert abs(part.amount - exact) < Decimal("0.01")
        if weight == 0:
            assert part.is_zero()
        assert part.is_zero() or part.is_negative() == total.is_negative()


@settings(max_examples=100)
@given(
    pounds(-(10**11), 10**11),
    st.lists(
        st.decimals(min_value=0, max_value=10**6, places=6, allow_nan=False, allow_infinity=False),
        min_size=1,
        max_size=12,
    ).filter(lambda ws: sum(ws) > 0),
)
def test_allocate_with_fractional_weights_conserves(
    tried: Counter[str], total: Money, weights: list[Decimal]
) -> None:
    """Six-decimal-place weights (shares such as 0.333333) lose nothing either."""
    tried["money: allocate"] += 1
    assert Money.total(allocate(total, weights)) == total


@pytest.mark.parametrize(
    ("weight", "index"),
    [
        (Decimal("1E-999999"), 0),  # a millionth of a unit: million-digit integers to split
        (Decimal("1." + "0" * 100), 0),  # a whole one, written with a hundred zeros
        (Decimal("1E-41"), 0),
    ],
)
def test_allocate_refuses_weights_too_fine_to_split_quickly(weight: Decimal, index: int) -> None:
    """An outside tester's 100 weights of 1E-999999 took 25 seconds to split (the split is
    exact in integers, scaled by ten to the finest weight's places), and a weight written
    with a million zeros took minutes: both are refused, naming the weight."""
    with pytest.raises(ValidationError) as caught:
        allocate(Money.gbp("100.00"), [weight, Decimal(1)])
    assert caught.value.path == f"weights[{index}]"
    assert "decimal places" in str(caught.value)


def test_allocate_takes_the_finest_weights_allowed() -> None:
    """Forty decimal places, and trailing zeros that are not places at all: 1E-40 : 3E-40
    is 1 : 3, so £100.00 splits £25.00 and £75.00; 2.000 : 2 splits it in half."""
    fine = allocate(Money.gbp("100.00"), [Decimal("1E-40"), Decimal("3E-40")])
    assert fine == (Money.gbp("25.00"), Money.gbp("75.00"))
    halves = allocate(Money.gbp("100.00"), [Decimal("2.000"), Decimal(2)])
    assert halves == (Money.gbp("50.00"), Money.gbp("50.00"))
