""":mod:`participatory.payments.totals`: property tests."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from participatory.core.money import Money
from participatory.payments import (
    PaymentPlan,
    TimelinessPolicy,
    assess_timeliness,
    period_totals,
    tax_year_totals,
)
from participatory.testing import payments as pp
from participatory.testing import strategies as ps


@given(pp.payment_plans(), st.sampled_from(["weeks", "periods", "years"]), ps.benefit_week_cycles(),
       ps.assessment_period_cycles())  # fmt: skip
def test_period_totals_add_up_to_the_plan_total_exactly(plan, which, weeks, periods):
    calendar = {"weeks": weeks, "periods": periods, "years": None}[which]
    totals = (
        tax_year_totals(plan.payments)
        if calendar is None
        else period_totals(plan.payments, calendar)
    )
    assert Money.total(t.total for t in totals) == plan.total()
    summary = plan.cost_summary()
    assert Money.total(t.for_time for t in totals) == summary.fees
    assert Money.total(t.expenses for t in totals) == summary.expenses
    assert Money.total(t.declined for t in totals) == summary.declined


@given(pp.payment_plans(), st.randoms(use_true_random=False), ps.benefit_week_cycles())
def test_any_reordering_gives_the_same_totals(plan, rng, weeks):
    shuffled = list(plan.payments)
    rng.shuffle(shuffled)
    other = PaymentPlan(plan.project, tuple(shuffled))
    assert other.cost_summary() == plan.cost_summary()
    assert period_totals(other.payments, weeks) == period_totals(plan.payments, weeks)
    policy = TimelinessPolicy(10)
    as_at = dt.date(2027, 1, 1)
    assert set(assess_timeliness(other, policy, as_at=as_at).statuses) == set(
        assess_timeliness(plan, policy, as_at=as_at).statuses
    )
