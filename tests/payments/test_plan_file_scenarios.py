""":mod:`participatory.payments.plan_file`: scenarios.

Payment figures from the guidance and the Bath report, worked by hand.
"""

import datetime as dt
from pathlib import Path

from participatory.core.money import Money
from participatory.payments import (
    assess_timeliness,
    parse_payment_plan,
)

EXAMPLES = Path(__file__).parents[2] / "examples"


def test_example_arts_co_production_plan():
    """examples/payment-plan.toml, by hand:

    fees: amira 3 x £90 + £180 = £450; ben's pot £450; dev's group £450 -> £1,350.
    chloe declines 3 x £90 + £180 = £450 (costs nothing).
    expenses: amira mileage £5.40; ben taxis 4 x £28.40 = £113.60; chloe childcare
    4 x £35 = £140 -> £259.00. Total £1,609.00.

    Timeliness on 1 July 2026 (10 working days, England; 25 May 2026 is a bank holiday):
    session 1 (Tue 12 May) deadline 27 May; dev paid 29 May -> 2 working days late.
    session 2 (Tue 9 June) deadline 23 June; amira paid 30 June -> 5 days late;
    ben's pot not paid -> overdue by 6 working days (24, 25, 26, 29, 30 June, 1 July).
    """
    parsed = parse_payment_plan(
        (EXAMPLES / "payment-plan.toml").read_text(encoding="utf-8"), "payment-plan.toml"
    )
    summary = parsed.plan.cost_summary()
    assert (summary.fees, summary.expenses, summary.total, summary.declined) == (
        Money.gbp(1350), Money.gbp(259), Money.gbp(1609), Money.gbp(450)
    )  # fmt: skip
    assert parsed.timeliness is not None
    report = assess_timeliness(parsed.plan, parsed.timeliness, as_at=dt.date(2026, 7, 1))
    late = {f.values["payment"]: f.values["working_days_late"] for f in report.by_rule("PAY-LATE")}
    assert late == {"dev-org-s1": 2, "amira-s2": 5}
    overdue = {
        f.values["payment"]: f.values["working_days_late"] for f in report.by_rule("PAY-OVERDUE")
    }
    assert overdue == {"ben-pot-s2": 6}
