""":mod:`participatory.payments.totals`: hardening: bad input at its boundaries.

Not a penny created or lost: conservation of money end to end, pennies to £1,000,000,000.

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

from participatory.core.money import Money
from participatory.core.periods import AssessmentPeriodCycle, BenefitWeekCycle, TaxYear
from participatory.payments.plans import PaymentKind, PaymentPlan
from participatory.payments.totals import (
    PeriodTotal,
    assessment_period_totals,
    tax_year_totals,
    weekly_totals,
)
from participatory.testing import payments as tpay
from participatory.testing.strategies import dates


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
