"""Payment figures from the guidance and the Bath report, worked by hand."""

import datetime as dt
from pathlib import Path

from participatory.core.money import Money
from participatory.payments import (
    ActivityKind,
    Duration,
    Vehicle,
    bundled_rate_card,
    check_timeliness,
    cost_activity,
    load_rate_card,
    mileage_expense,
    parse_payment_plan,
    remote_meeting_contribution,
)

EXAMPLES = Path(__file__).parents[2] / "examples"
JULY_2022 = dt.date(2022, 7, 20)


def test_whitworth_three_sessions():
    """Jopson (2022) s. 5.1: community representatives are paid £90 a session.

    3 sessions x £90 = £270.
    """
    costed = cost_activity(
        bundled_rate_card("whitworth"),
        ActivityKind.ADVISORY_GROUP,
        Duration.sessions(3),
        on=JULY_2022,
    )
    assert costed.fee == Money.gbp(270)
    assert not costed.has("PAY-RATE-UNVERIFIED")


def test_whitworth_full_day():
    """Jopson (2022) s. 5.1: £180 a day. 1 day x £180 = £180 (= 2 x £90 sessions)."""
    costed = cost_activity(
        bundled_rate_card("whitworth"), ActivityKind.ADVISORY_GROUP, Duration.days(1), on=JULY_2022
    )
    assert costed.fee == Money.gbp(180)


def test_nihr_meeting_with_preparation_after_the_uplift_unverified():
    """NIHR rate UNVERIFIED: £25/h is remembered, not read; the 10% uplift from
    16 Dec 2025 is verified, so the card's £27.50 = £25 x 1.10 is an inference.

    2 h meeting + 1 h preparation = 3 h x £27.50 = £82.50. The card states no rule on
    preparation, so the result must say that, and that the rate is unverified.
    """
    costed = cost_activity(
        bundled_rate_card("nihr"), ActivityKind.MEETING, Duration.hours(2),
        on=dt.date(2026, 1, 15), preparation=Duration.hours(1),
    )  # fmt: skip
    assert costed.fee == Money.gbp("82.50")
    assert costed.has("PAY-RATE-UNVERIFIED")
    assert costed.has("PAY-PREP-UNSTATED")


def test_nihr_before_the_uplift_unverified():
    """UNVERIFIED NIHR figure: 2 h at £25 = £50 on 15 Dec 2025, the day before the uplift."""
    costed = cost_activity(
        bundled_rate_card("nihr"), ActivityKind.MEETING, Duration.hours(2), on=dt.date(2025, 12, 15)
    )
    assert costed.fee == Money.gbp(50)


def test_tewv_blocks_of_three_hours():
    """TEWV: £20 for up to three hours, and £20 for every three hours or part after that.

    1 h -> 1 block = £20; 3 h -> 1 block = £20; 4 h -> 2 blocks = £40; 6 h 1 min -> 3 = £60.
    """
    card = bundled_rate_card("tewv")
    day = dt.date(2026, 11, 25)
    fees = [
        cost_activity(card, ActivityKind.OTHER, Duration.hours(h), on=day).fee
        for h in ("1", "3", "4", "6.0166666667")
    ]
    assert fees == [Money.gbp(20), Money.gbp(20), Money.gbp(40), Money.gbp(60)]


def test_blue_heart_pays_preparation_at_the_hourly_rate():
    """Blue Heart: £25 an hour, covering pre-session reading. 2 h + 0.5 h = 2.5 x £25 = £62.50."""
    costed = cost_activity(
        bundled_rate_card("blue_heart"), ActivityKind.OTHER, Duration.hours(2),
        on=dt.date(2026, 11, 25), preparation=Duration.hours("0.5"),
    )  # fmt: skip
    assert costed.fee == Money.gbp("62.50")
    assert costed.has("PAY-PREP-PAID")


def test_mileage_at_45p_and_25p_after_10000_miles():
    """HMRC mileage rates (secondary sources, unverified on gov.uk): car 45p a mile for the
    first 10,000 miles, 25p after; 5p a mile per passenger.

    9,990 miles already: 20 miles = 10 x 45p + 10 x 25p = £4.50 + £2.50 = £7.00,
    plus 1 passenger x 20 x 5p = £1.00; total £8.00.
    """
    trip = mileage_expense(
        Vehicle.CAR, 20, on=dt.date(2025, 6, 2), passengers=1, miles_already_this_tax_year=9990
    )
    assert trip.amount == Money.gbp(8)
    assert trip.has("PAY-EXPENSE-FLAT-RATE")


def test_remote_meeting_contribution():
    """£5 per remote meeting (Imperial PERC template; York; Ace Centre). 3 x £5 = £15."""
    assert remote_meeting_contribution(on=dt.date(2025, 1, 10), meetings=3).amount == Money.gbp(15)


def test_example_institution_card():
    """examples/institution-rate-card.toml: £27.50 an hour, half hours rounded up, at least an
    hour, preparation paid. 1 h 12 min + 30 min preparation = 102 min -> 120 min = £55.00.
    """
    card = load_rate_card(EXAMPLES / "institution-rate-card.toml")
    costed = cost_activity(
        card, ActivityKind.MEETING, Duration.hours("1.2"), on=dt.date(2026, 5, 12),
        preparation=Duration.hours("0.5"),
    )  # fmt: skip
    assert costed.fee == Money.gbp(55)


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
    report = check_timeliness(parsed.plan, parsed.timeliness, as_at=dt.date(2026, 7, 1))
    late = {f.values["payment"]: f.values["working_days_late"] for f in report.by_rule("PAY-LATE")}
    assert late == {"dev-org-s1": 2, "amira-s2": 5}
    overdue = {
        f.values["payment"]: f.values["working_days_late"] for f in report.by_rule("PAY-OVERDUE")
    }
    assert overdue == {"ben-pot-s2": 6}
