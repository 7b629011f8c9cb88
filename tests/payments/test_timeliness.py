""":mod:`participatory.payments.timeliness`: unit tests."""

import datetime as dt

import pytest

from participatory.core.errors import ValidationError
from participatory.core.explain import Severity
from participatory.core.money import Money
from participatory.core.nations import Nation
from participatory.core.serialise import unstructure
from participatory.payments.plans import Payment, PaymentKind, PaymentPlan
from participatory.payments.timeliness import (
    PaymentStatus,
    TimelinessPolicy,
    WorkingDays,
    assess_timeliness,
)
from participatory.render.text import sentence

D = dt.date


def fee(id_, who="amira", amount="90.00", **dates):
    return Payment(id_, who, PaymentKind.FEE, Money.gbp(amount), **dates)


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
    report = assess_timeliness(plan, policy, as_at=D(2026, 6, 12))
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
