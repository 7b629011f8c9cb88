""":mod:`participatory.payments.plans`: property tests."""

from hypothesis import given

from participatory.core.money import Money, parse_money_text
from participatory.core.serialise import unstructure
from participatory.payments import (
    PaymentPlan,
)
from participatory.testing import payments as pp


@given(pp.payment_plans())
def test_expenses_are_never_counted_as_fees(plan):
    summary = plan.cost_summary()
    expenses = Money.total(p.amount for p in plan.payments if p.kind.is_expense)
    for_time = Money.total(p.amount for p in plan.payments if p.kind.is_for_time)
    assert summary.expenses == expenses
    assert summary.fees == for_time
    assert summary.total == summary.fees + summary.expenses
    for person in summary.by_contributor:
        mine = [p for p in plan.payments if p.contributor == person.contributor]
        assert person.expenses == Money.total(p.amount for p in mine if p.kind.is_expense)


@given(pp.payment_plans(max_payments=8))
def test_plans_round_trip_through_json(plan):
    from participatory.payments.plans import Payment

    # The whole plan, notes included: Payment.note is sensitive, so a round trip opts in.
    data = unstructure(plan, include_sensitive=True)
    assert all("note" not in p for p in unstructure(plan)["payments"])
    rebuilt = PaymentPlan(
        data["project"],
        tuple(
            Payment(
                p["id"], p["contributor"], p["kind"],
                Money(*parse_money_text(p["amount"])),
                due_on=p["due_on"], activity_on=p["activity_on"], paid_on=p["paid_on"],
                expense=p["expense"], activity=p["activity"], note=p["note"],
            )
            for p in data["payments"]
        ),
        data["currency"],
    )  # fmt: skip
    assert rebuilt == plan
