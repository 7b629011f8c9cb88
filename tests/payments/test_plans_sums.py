"""The plan's sums, made without a Money per step, are what adding Money gives (issue 18).

``PaymentPlan.cost_summary`` adds each person's and each kind's amounts as Decimals and makes
each total Money once: held here to adding Money payment by payment, digit for digit.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given

from participatory.core.money import Money
from participatory.payments import Payment, PaymentKind, PaymentPlan
from participatory.payments.expenses import ExpenseKind
from participatory.payments.plans import ContributorCost, CostSummary, KindCost
from participatory.testing import payments as pp

DAY = dt.date(2026, 5, 22)


def _summed_money_by_money(plan: PaymentPlan) -> CostSummary:
    """The summary as adding Money one payment at a time makes it (the plain way)."""
    zero = Money.zero(plan.currency)
    per_person: dict[str, list[Money]] = {}
    per_kind: dict[PaymentKind, Money] = {}
    for payment in plan.payments:
        row = per_person.setdefault(payment.contributor, [zero, zero, zero])
        slot = 0 if payment.kind.is_for_time else 1 if payment.kind.is_expense else 2
        row[slot] = row[slot] + payment.amount
        per_kind[payment.kind] = per_kind.get(payment.kind, zero) + payment.amount
    people = tuple(ContributorCost(name, *per_person[name]) for name in sorted(per_person))
    return CostSummary(
        currency=plan.currency,
        fees=Money.total((c.fees for c in people), plan.currency),
        expenses=Money.total((c.expenses for c in people), plan.currency),
        declined=Money.total((c.declined for c in people), plan.currency),
        by_contributor=people,
        by_kind=tuple(KindCost(k, per_kind[k]) for k in PaymentKind if k in per_kind),
    )


def _digits(summary: CostSummary) -> list[tuple[str, ...]]:
    # Money compares by value ("270" equals "270.00"): compare the digits as written too.
    rows = [("total", str(summary.fees), str(summary.expenses), str(summary.declined))]
    rows += [
        (c.contributor, str(c.fees), str(c.expenses), str(c.declined))
        for c in summary.by_contributor
    ]
    rows += [(k.kind.value, str(k.amount)) for k in summary.by_kind]
    return rows


@given(pp.payment_plans())
def test_the_summary_is_money_added_payment_by_payment(plan: PaymentPlan) -> None:
    summary = plan.cost_summary()
    plain = _summed_money_by_money(plan)
    assert summary == plain
    assert _digits(summary) == _digits(plain)


def _payment(number: int, person: str, kind: PaymentKind, amount: str, currency: str = "GBP"):
    expense = ExpenseKind.TAXI if kind.is_expense else None
    return Payment(f"p{number}", person, kind, Money(amount, currency), due_on=DAY, expense=expense)


def test_amounts_written_with_different_places_add_as_money_does() -> None:
    # Worked by hand: amira's fees 270 + 0.5 + 1.500 = 272.000 (three places, from 1.500),
    # her taxi 18.60; bo's declined fee 30.00; fees in all 272.000, expenses 18.60.
    plan = PaymentPlan(
        "Threads",
        (
            _payment(1, "amira", PaymentKind.FEE, "270"),
            _payment(2, "amira", PaymentKind.VOUCHER, "0.5"),
            _payment(3, "amira", PaymentKind.FEE, "1.500"),
            _payment(4, "amira", PaymentKind.EXPENSE_RECEIPTED, "18.60"),
            _payment(5, "bo", PaymentKind.DECLINED, "30.00"),
        ),
    )
    summary = plan.cost_summary()
    assert _digits(summary) == [
        ("total", "272.000 GBP", "18.60 GBP", "30.00 GBP"),
        ("amira", "272.000 GBP", "18.60 GBP", "0 GBP"),
        ("bo", "0 GBP", "0 GBP", "30.00 GBP"),
        ("fee", "271.500 GBP"),
        ("expense_receipted", "18.60 GBP"),
        ("voucher", "0.5 GBP"),
        ("declined", "30.00 GBP"),
    ]
    assert _digits(summary) == _digits(_summed_money_by_money(plan))


def test_a_plan_in_another_currency_sums_in_it() -> None:
    plan = PaymentPlan(
        "Kyoto", (_payment(1, "aiko", PaymentKind.FEE, "5000", "JPY"),), currency="JPY"
    )
    summary = plan.cost_summary()
    assert summary.fees == Money("5000", "JPY")
    assert summary.by_kind == (KindCost(PaymentKind.FEE, Money("5000", "JPY")),)
