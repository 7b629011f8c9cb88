""":mod:`participatory.budget.distribution`: hardening: bad input at its boundaries.

Not a penny created or lost: conservation of money end to end, pennies to £1,000,000,000.

Every split and every regrouping of money in the library must add back up exactly:
a payment plan's totals per benefit week, assessment period and tax year; a budget's
distribution between holders; a fund split between partners; :func:`allocate` itself,
for refunds (negative totals) as well as payments.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.budget import distribute, split_fund
from participatory.core.money import Money
from participatory.testing import budget as tbud


def pounds(min_pence: int = 0, max_pence: int = 10**11) -> st.SearchStrategy[Money]:
    """Money in whole pennies between the two bounds (a billion pounds by default)."""
    return st.integers(min_pence, max_pence).map(lambda p: Money(Decimal(p).scaleb(-2), "GBP"))


#: Tiny (a penny), ordinary and huge amounts, mixed in one plan.
_AMOUNTS = st.one_of(pounds(0, 5), pounds(0, 200_000), pounds(10**10, 10**11))


@settings(max_examples=100)
@given(
    pounds(-(10**11), 10**11),
    # Names a holder tells apart (Holder.partner strips them): no blank one, no two alike.
    st.lists(
        st.text(min_size=1, max_size=8).filter(str.strip),
        min_size=1,
        max_size=10,
        unique_by=str.strip,
    ),
    st.data(),
)
def test_split_fund_conserves(
    tried: Counter[str], fund: Money, partners: list[str], data: st.DataObject
) -> None:
    """A fund (or a clawback, negative) split between partners adds back up exactly."""
    tried["money: split_fund"] += 1
    weights = data.draw(
        st.none()
        | st.lists(st.integers(0, 1000), min_size=len(partners), max_size=len(partners)).filter(
            lambda ws: sum(ws) > 0
        )
    )
    parts = split_fund(fund, partners, weights)
    assert [name for name, _ in parts] == partners
    assert Money.total(amount for _, amount in parts) == fund


@settings(max_examples=100)
@given(tbud.budgets(min_lines=1), st.data())
def test_budget_distribution_conserves(
    tried: Counter[str], budget: object, data: st.DataObject
) -> None:
    """The money per holder adds up to the budget, at any scale of amounts."""
    tried["money: budget distribution"] += 1
    lines = budget.lines  # type: ignore[attr-defined]
    scaled = tuple(attrs.evolve(line, amount=data.draw(_AMOUNTS)) for line in lines)
    budget = attrs.evolve(budget, lines=scaled)
    distribution = distribute(budget)  # type: ignore[arg-type]
    assert distribution.total == Money.total(line.amount for line in scaled)
    assert Money.total(h.amount for h in distribution.by_holder) == distribution.total
    if not distribution.total.is_zero():
        # Shares are rounded down to 12 places, so they fall short of 1 by < 1e-12 each.
        shares = sum((h.share for h in distribution.by_holder), Decimal(0))
        assert Decimal(1) - Decimal(len(distribution.by_holder)) * Decimal("1e-12") <= shares
        assert shares <= 1
