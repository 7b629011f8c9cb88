""":mod:`participatory.payments.totals`: unit tests."""

import datetime as dt

from participatory.core.money import Money
from participatory.payments.expenses import ExpenseKind
from participatory.payments.plans import Payment, PaymentKind, PaymentPlan
from participatory.payments.totals import assessment_period_totals, weekly_totals

D = dt.date


def fee(id_, who="amira", amount="90.00", **dates):
    return Payment(id_, who, PaymentKind.FEE, Money.gbp(amount), **dates)


def test_weekly_and_assessment_period_totals():
    plan = PaymentPlan("x", (
        fee("a", due_on=D(2026, 6, 1)),   # Monday
        fee("b", due_on=D(2026, 6, 7)),   # Sunday, same Monday-week
        fee("c", due_on=D(2026, 6, 8)),   # next week
        Payment("t", "amira", PaymentKind.EXPENSE_RECEIPTED, Money.gbp("12.00"),
                due_on=D(2026, 6, 2), expense=ExpenseKind.TRAVEL),
    ))  # fmt: skip
    weeks = weekly_totals(plan.payments, start_weekday=0)
    assert [(str(w.period), w.for_time, w.expenses) for w in weeks] == [
        ("2026-06-01..2026-06-07", Money.gbp(180), Money.gbp(12)),
        ("2026-06-08..2026-06-14", Money.gbp(90), Money.gbp(0)),
    ]
    # A claim starting on the 7th: periods 7 May..6 June and 7 June..6 July.
    periods = assessment_period_totals(plan.payments, D(2026, 1, 7))
    assert [(str(p.period), p.total) for p in periods] == [
        ("2026-05-07..2026-06-06", Money.gbp(102)),
        ("2026-06-07..2026-07-06", Money.gbp(180)),
    ]
