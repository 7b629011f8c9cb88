"""Not a penny created or lost: conservation of money end to end, pennies to £1,000,000,000.

Every split and every regrouping of money in the library must add back up exactly:
a payment plan's totals per benefit week, assessment period and tax year; a budget's
distribution between holders; a fund split between partners; :func:`allocate` itself,
for refunds (negative totals) as well as payments.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participatory.budget import distribute, split_fund
from participatory.core.money import Money, allocate
from participatory.core.periods import AssessmentPeriodCycle, BenefitWeekCycle, TaxYear
from participatory.payments.plans import PaymentKind, PaymentPlan
from participatory.payments.totals import (
    PeriodTotal,
    assessment_period_totals,
    tax_year_totals,
    weekly_totals,
)
from participatory.testing import budget as tbud
from participatory.testing import payments as tpay
from participatory.testing.strategies import dates

#: Whole pennies from one penny to a billion pounds.
_PENNIES = st.integers(1, 10**11)


def pounds(min_pence: int = 0, max_pence: int = 10**11) -> st.SearchStrategy[Money]:
    """Money in whole pennies between the two bounds (a billion pounds by default)."""
    return st.integers(min_pence, max_pence).map(lambda p: Money(Decimal(p).scaleb(-2), "GBP"))


#: Tiny (a penny), ordinary and huge amounts, mixed in one plan.
_AMOUNTS = st.one_of(pounds(0, 5), pounds(0, 200_000), pounds(10**10, 10**11))


@st.composite
def wide_plans(draw: st.DrawFn) -> PaymentPlan:
    """The payments strategy's plans, with amounts from nothing to a billion pounds."""
    plan = draw(tpay.payment_plans(max_payments=25))
    payments = tuple(attrs.evolve(p, amount=draw(_AMOUNTS)) for p in plan.payments)
    return attrs.evolve(plan, payments=payments)


def _sums(totals: tuple[PeriodTotal, ...]) -> tuple[Money, Money, Money]:
    return (
        Money.total(t.for_time for t in totals),
        Money.total(t.expenses for t in totals),
        Money.total(t.declined for t in totals),
    )


# Health checks off: plans of up to 25 payments are large draws, slow on a busy machine.
@settings(max_examples=150, suppress_health_check=list(HealthCheck))
@given(wide_plans(), st.integers(0, 6), dates(), st.data())
def test_period_totals_add_up_to_the_plan(
    tried: Counter[str], plan: PaymentPlan, weekday: int, claim_start: dt.date, data: st.DataObject
) -> None:
    """Per week, per assessment period and per tax year, the totals are the plan's totals."""
    tried["money: payment plan period totals"] += 1
    summary = plan.cost_summary()
    assert summary.total == plan.total()
    assert summary.total == summary.fees + summary.expenses
    for totals, calendar in (
        (weekly_totals(plan.payments, weekday), BenefitWeekCycle(weekday)),
        (assessment_period_totals(plan.payments, claim_start), AssessmentPeriodCycle(claim_start)),
        (tax_year_totals(plan.payments), None),
    ):
        assert _sums(totals) == (summary.fees, summary.expenses, summary.declined)
        assert Money.total(t.total for t in totals) == plan.total()
        # Per contributor too, and per kind: nothing moves between people or kinds.
        for person in summary.by_contributor:
            mine = tuple(t for t in totals if t.contributor == person.contributor)
            assert _sums(mine) == (person.fees, person.expenses, person.declined)
        by_kind: dict[PaymentKind, Money] = {}
        for total in totals:
            for cost in total.by_kind:
                by_kind[cost.kind] = by_kind.get(cost.kind, Money.zero()) + cost.amount
        assert by_kind == {cost.kind: cost.amount for cost in summary.by_kind}
        # Each payment lands in exactly the period containing the day it is received.
        for total in totals:
            if calendar is not None:
                assert calendar.period_containing(total.period.start) == total.period
            else:
                assert TaxYear.containing(total.period.start).range == total.period


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


@settings(max_examples=100)
@given(
    pounds(-(10**11), 10**11),
    st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=10, unique=True),
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
