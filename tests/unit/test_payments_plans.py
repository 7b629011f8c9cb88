import datetime as dt

import pytest

from participatory.core.errors import ValidationError
from participatory.core.explain import Severity
from participatory.core.money import Money
from participatory.core.serialise import unstructure
from participatory.payments.expenses import ExpenseKind
from participatory.payments.plan_file import parse_payment_plan
from participatory.payments.plans import Payment, PaymentKind, PaymentPlan
from participatory.payments.timeliness import (
    Nation,
    PaymentStatus,
    TimelinessPolicy,
    WorkingDays,
    check_timeliness,
)
from participatory.payments.totals import assessment_period_totals, weekly_totals
from participatory.render.text import sentence

D = dt.date


def fee(id_, who="amira", amount="90.00", **dates):
    return Payment(id_, who, PaymentKind.FEE, Money.gbp(amount), **dates)


def test_payment_validation():
    with pytest.raises(ValidationError, match="amount: must not be negative"):
        fee("p", amount="-1", due_on=D(2026, 1, 1))
    with pytest.raises(ValidationError, match="pennies"):
        fee("p", amount="1.005", due_on=D(2026, 1, 1))
    with pytest.raises(ValidationError, match="expense"):
        Payment(
            "p", "a", PaymentKind.FEE, Money.gbp(1), due_on=D(2026, 1, 1), expense=ExpenseKind.TAXI
        )
    with pytest.raises(ValidationError, match="paid_on"):
        Payment(
            "p",
            "a",
            PaymentKind.DECLINED,
            Money.gbp(1),
            due_on=D(2026, 1, 1),
            paid_on=D(2026, 1, 1),
        )
    with pytest.raises(ValidationError, match="kind"):
        Payment("p", "a", "salary", Money.gbp(1), due_on=D(2026, 1, 1))
    with pytest.raises(ValidationError, match="datetime without a timezone"):
        fee("p", due_on=dt.datetime(2026, 1, 1, 9))


def test_plan_refuses_repeated_ids_and_other_currencies():
    with pytest.raises(ValidationError, match=r"payments\[1\].id"):
        PaymentPlan("x", (fee("p", due_on=D(2026, 1, 1)), fee("p", due_on=D(2026, 1, 2))))
    euro = Payment("e", "a", PaymentKind.FEE, Money("1", "EUR"), due_on=D(2026, 1, 1))
    with pytest.raises(ValidationError, match="currency"):
        PaymentPlan("x", (euro,))


def test_working_days_follow_each_nations_bank_holidays():
    # St Andrew's Day, Monday 30 November 2026, is a bank holiday in Scotland only.
    friday = D(2026, 11, 27)
    assert WorkingDays(Nation.ENGLAND).add(friday, 1) == D(2026, 11, 30)
    assert WorkingDays(Nation.SCOTLAND).add(friday, 1) == D(2026, 12, 1)
    # 12 July 2027 (the Battle of the Boyne holiday, observed) in Northern Ireland only.
    assert not WorkingDays(Nation.NORTHERN_IRELAND).is_working_day(D(2027, 7, 12))
    assert WorkingDays(Nation.WALES).is_working_day(D(2027, 7, 12))


def test_late_overdue_and_planned_after_deadline():
    policy = TimelinessPolicy(5, Nation.ENGLAND, source="Our policy")
    # Activity Monday 1 June 2026; 5 working days later is Monday 8 June.
    plan = PaymentPlan("x", (
        fee("on-time", activity_on=D(2026, 6, 1), due_on=D(2026, 6, 5), paid_on=D(2026, 6, 8)),
        fee("late", activity_on=D(2026, 6, 1), due_on=D(2026, 6, 5), paid_on=D(2026, 6, 10)),
        fee("overdue", activity_on=D(2026, 6, 1), due_on=D(2026, 6, 5)),
        fee("planned-late", activity_on=D(2026, 6, 1), due_on=D(2026, 6, 30)),
        fee("paid-after-as-at", activity_on=D(2026, 6, 1), due_on=D(2026, 6, 5),
            paid_on=D(2026, 6, 20)),
        Payment("declined", "amira", PaymentKind.DECLINED, Money.gbp(90), due_on=D(2026, 6, 5)),
        fee("future", activity_on=D(2026, 6, 10), due_on=D(2026, 6, 12)),
    ))  # fmt: skip
    report = check_timeliness(plan, policy, as_at=D(2026, 6, 12))
    assert report.status_of("on-time") is PaymentStatus.PAID_ON_TIME
    assert report.status_of("late") is PaymentStatus.PAID_LATE
    assert report.status_of("paid-after-as-at") is PaymentStatus.OVERDUE
    assert report.status_of("declined") is PaymentStatus.NOT_PAYABLE
    assert report.status_of("future") is PaymentStatus.NOT_YET_DUE
    assert set(report.with_status(PaymentStatus.OVERDUE)) == {
        "overdue",
        "planned-late",
        "paid-after-as-at",
    }
    (late,) = report.by_rule("PAY-LATE")
    assert late.values["working_days_late"] == 2  # 9 and 10 June
    overdue = {f.values["payment"]: f for f in report.by_rule("PAY-OVERDUE")}
    assert overdue["overdue"].values["working_days_late"] == 4  # 9, 10, 11, 12 June
    assert overdue["overdue"].severity is Severity.PROBLEM
    assert report.by_rule("PAY-PLANNED-AFTER-DEADLINE")[0].values["payment"] == "planned-late"
    for finding in report:
        assert "{" not in sentence(finding, locale="en_GB")
    assert unstructure(report)["as_at"] == "2026-06-12"


def test_policy_validation():
    with pytest.raises(ValidationError, match="working_days"):
        TimelinessPolicy(-1)
    with pytest.raises(ValidationError, match="nation"):
        TimelinessPolicy(5, "UK")


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


def test_plan_file_errors_name_the_key_and_file():
    text = """
[plan]
project = "x"
[[payments]]
id = "p1"
contributor = "amira"
kind = "fee"
amount = -5
due_on = 2026-05-01
"""
    with pytest.raises(
        ValidationError, match=r"payments\[0\].amount: must not be negative \(in plan.toml\)"
    ):
        parse_payment_plan(text, "plan.toml")
    with pytest.raises(ValidationError, match=r"payments\[0\].due_on"):
        parse_payment_plan(text.replace("due_on = 2026-05-01", 'due_on = "soon"'), "plan.toml")
    with pytest.raises(ValidationError, match="unknown key"):
        parse_payment_plan(text.replace("amount = -5", "amount = 5\ncolour = 1"), "plan.toml")
    with pytest.raises(ValidationError, match=r"timeliness\.nation"):
        parse_payment_plan(
            text.replace("amount = -5", "amount = 5")
            + '[timeliness]\nworking_days = 5\nnation = "XX"\n',
            "plan.toml",
        )
