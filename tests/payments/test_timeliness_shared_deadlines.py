"""Payments of one activity day share its deadline: worked out once, the same as per payment.

``assess_timeliness`` works each activity day's deadline out once per call. These tests
compare its answer, payment by payment, with the plain rule applied to each payment on its
own (``TimelinessPolicy.deadline``), on plans where many payments share a few days.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.core.nations import Nation
from participatory.payments.plans import Payment, PaymentKind, PaymentPlan
from participatory.payments.timeliness import (
    PaymentStatus,
    TimelinessPolicy,
    assess_timeliness,
)

_DAYS = st.lists(st.dates(dt.date(2024, 11, 1), dt.date(2026, 2, 1)), min_size=1, max_size=3)


@st.composite
def _shared_day_plans(draw: st.DrawFn) -> PaymentPlan:
    """Up to 25 payments whose activities fall on one of at most three days."""
    days = draw(_DAYS)
    payments = []
    for index in range(draw(st.integers(1, 25))):
        activity = draw(st.none() | st.sampled_from(days))
        due = (activity or days[0]) + dt.timedelta(days=draw(st.integers(0, 30)))
        kind = draw(st.sampled_from([PaymentKind.FEE, PaymentKind.DECLINED]))
        paid = None
        if kind is PaymentKind.FEE:
            paid = draw(st.none() | st.just(due + dt.timedelta(days=draw(st.integers(-5, 20)))))
        payments.append(
            Payment(f"p{index:02d}", draw(st.sampled_from(["ash", "sam"])), kind,
                    Money.gbp("25.00"), due_on=due, activity_on=activity, paid_on=paid)
        )  # fmt: skip
    return PaymentPlan("Shared days", tuple(payments))


def _plain_status(policy: TimelinessPolicy, payment: Payment, as_at: dt.date) -> PaymentStatus:
    """The status the policy gives ``payment`` looked at on its own."""
    if payment.kind is PaymentKind.DECLINED:
        return PaymentStatus.NOT_PAYABLE
    deadline = policy.deadline(payment)
    if payment.is_paid(as_at) and payment.paid_on is not None:
        if payment.paid_on <= deadline:
            return PaymentStatus.PAID_ON_TIME
        return PaymentStatus.PAID_LATE
    return PaymentStatus.OVERDUE if as_at > deadline else PaymentStatus.NOT_YET_DUE


@given(
    _shared_day_plans(),
    st.integers(0, 15),
    st.sampled_from(list(Nation)),
    st.dates(dt.date(2025, 1, 1), dt.date(2026, 6, 1)),
)
def test_shared_deadlines_match_each_payment_on_its_own(
    plan: PaymentPlan, working_days: int, nation: Nation, as_at: dt.date
) -> None:
    """Every status and every deadline quoted is the one the policy gives each payment alone."""
    policy = TimelinessPolicy(working_days, nation)
    report = assess_timeliness(plan, policy, as_at=as_at)
    by_id = {payment.id: payment for payment in plan.payments}
    assert dict(report.statuses) == {
        payment.id: _plain_status(policy, payment, as_at) for payment in plan.payments
    }
    for finding in report.findings:
        if "payment" in finding.values:
            payment = by_id[finding.values["payment"]]
            assert finding.values["deadline"] == policy.deadline(payment)


def test_a_day_outside_the_calendar_names_the_first_payment_that_needs_it() -> None:
    """Two payments share a day past the calendar: the error names the one met first."""
    late = dt.date(2100, 12, 30)
    plan = PaymentPlan(
        "Far future",
        (
            Payment("b", "ash", PaymentKind.FEE, Money.gbp("10"), due_on=late, activity_on=late),
            Payment("a", "sam", PaymentKind.FEE, Money.gbp("10"), due_on=late, activity_on=late),
        ),
    )
    with pytest.raises(ValidationError) as raised:
        assess_timeliness(plan, TimelinessPolicy(10), as_at=dt.date(2026, 1, 1))
    # Payments are taken in order of due date, then id: "a" before "b".
    assert raised.value.path == "payments[a].activity_on"
