""":mod:`participatory.benefits.planning`: property tests.

The largest safe payment changes nothing and one penny more changes the benefit it names,
for any household, for a payment to either member, given any payments already made; a
schedule never loses more than paying at once, and pays exactly the total.
"""

import datetime as dt
from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from participatory.benefits import (
    Household,
    Person,
    Receipt,
    ReceiptKind,
    assess_benefits,
    plan_instalments,
    plan_safe_payment,
)
from participatory.core.errors import ParametersNotAvailable
from participatory.core.money import Money
from participatory.interchange import dumps
from participatory.testing import benefits as bs

FEE = ReceiptKind.INVOLVEMENT_FEE


def fee(amount, day, person):
    return Receipt(Money.gbp(amount), day, FEE, person=person)


@settings(max_examples=40)
@given(bs.households(), bs.payment_days(), st.sampled_from(["p1", "p2"]), st.data())
def test_plan_safe_payment_changes_nothing_and_a_penny_more_does(household, day, who, data):
    ids = {p.id for p in household.people}
    assume(who in ids)
    already = data.draw(bs.receipt_lists(max_size=2, days=st.just(day)))
    try:
        safe = plan_safe_payment(household, day, person=who, already=already)
    except ParametersNotAvailable:
        assume(False)
        raise
    if safe.amount is None:
        assert assess_benefits(household, [fee(100_000, day, who)], already=already).changes_nothing
        return
    exact = assess_benefits(household, [fee(safe.amount.amount, day, who)], already=already)
    assert exact.changes_nothing
    one_more = assess_benefits(
        household, [fee(safe.amount.amount + Decimal("0.01"), day, who)], already=already
    )
    assert not one_more.changes_nothing
    assert safe.binding in {o.benefit for o in one_more.outcomes if not o.unchanged}


@settings(max_examples=25)
@given(bs.households(), bs.payment_days(max_value=dt.date(2026, 1, 1)), bs.pounds(0, 900))
def test_a_schedule_pays_the_total_and_never_loses_more_than_paying_at_once(household, day, total):
    days = [day, day + dt.timedelta(days=7), day + dt.timedelta(days=35)]
    try:
        plan = plan_instalments(household, total, days)
    except ParametersNotAvailable:
        assume(False)
        raise
    assert sum((r.amount for r in plan.instalments), Money.zero()) == total
    assert plan.loss <= plan.loss_if_paid_at_once
    assert plan.kept == plan.result.kept
    assert {r.received_on for r in plan.instalments} <= set(days)


@settings(max_examples=25, deadline=None)
@given(
    bs.households(),
    bs.payment_days(max_value=dt.date(2026, 1, 1)),
    bs.pounds(0, 900),
    st.sampled_from([ReceiptKind.INVOLVEMENT_FEE, ReceiptKind.FLAT_RATE_EXPENSES]),
)
def test_a_schedules_default_copies_are_a_benefit_free_households(household, day, total, kind):
    """For any household, a schedule's repr and default JSON are those of the same payment
    planned for someone with no benefit at all: whether a benefit was at stake (and so
    whether the payment was spread) shows only when its findings are read with consent."""
    days = [day, day + dt.timedelta(days=7), day + dt.timedelta(days=35)]
    try:
        plan = plan_instalments(household, total, days, kind=kind)
    except ParametersNotAvailable:
        assume(False)
        raise
    nobody = plan_instalments(Household(people=[Person("p1")]), total, days, kind=kind)
    assert repr(plan) == repr(nobody)
    assert dumps(plan) == dumps(nobody)
