""":mod:`participatory.payments.costing`: scenarios.

Payment figures from the guidance and the Bath report, worked by hand.
"""

import datetime as dt
from pathlib import Path

from participatory.core.money import Money
from participatory.payments import (
    ActivityKind,
    Duration,
    bundled_rate_card,
    cost_activity,
    load_rate_card,
)

EXAMPLES = Path(__file__).parents[2] / "examples"


JULY_2022 = dt.date(2022, 7, 20)


def test_whitworth_three_sessions():
    """Jopson (2022) s. 5.1: community representatives are paid £90 a session.

    3 sessions x £90 = £270. The figure is an interviewee's account in the report, not the
    Whitworth's own policy, so it is usable but flagged as not verified at a primary source.
    """
    costed = cost_activity(
        bundled_rate_card("whitworth"),
        ActivityKind.ADVISORY_GROUP,
        Duration.sessions(3),
        as_at=JULY_2022,
    )
    assert costed.fee == Money.gbp(270)
    assert costed.has("PAY-RATE-UNVERIFIED")


def test_whitworth_full_day():
    """Jopson (2022) s. 5.1: £180 a day. 1 day x £180 = £180 (= 2 x £90 sessions)."""
    costed = cost_activity(
        bundled_rate_card("whitworth"),
        ActivityKind.ADVISORY_GROUP,
        Duration.days(1),
        as_at=JULY_2022,
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
        as_at=dt.date(2026, 1, 15), preparation=Duration.hours(1),
    )  # fmt: skip
    assert costed.fee == Money.gbp("82.50")
    assert costed.has("PAY-RATE-UNVERIFIED")
    assert costed.has("PAY-PREP-UNSTATED")


def test_nihr_before_the_uplift_unverified():
    """UNVERIFIED NIHR figure: 2 h at £25 = £50 on 15 Dec 2025, the day before the uplift."""
    costed = cost_activity(
        bundled_rate_card("nihr"),
        ActivityKind.MEETING,
        Duration.hours(2),
        as_at=dt.date(2025, 12, 15),
    )
    assert costed.fee == Money.gbp(50)


def test_tewv_blocks_of_three_hours():
    """TEWV: £20 for up to three hours, and £20 for every three hours or part after that.

    1 h -> 1 block = £20; 3 h -> 1 block = £20; 4 h -> 2 blocks = £40; 6 h 1 min -> 3 = £60.
    """
    card = bundled_rate_card("tewv")
    day = dt.date(2026, 11, 25)
    fees = [
        cost_activity(card, ActivityKind.OTHER, Duration.hours(h), as_at=day).fee
        for h in ("1", "3", "4", "6.0166666667")
    ]
    assert fees == [Money.gbp(20), Money.gbp(20), Money.gbp(40), Money.gbp(60)]


def test_blue_heart_pays_preparation_at_the_hourly_rate():
    """Blue Heart: £25 an hour, covering pre-session reading. 2 h + 0.5 h = 2.5 x £25 = £62.50."""
    costed = cost_activity(
        bundled_rate_card("blue_heart"), ActivityKind.OTHER, Duration.hours(2),
        as_at=dt.date(2026, 11, 25), preparation=Duration.hours("0.5"),
    )  # fmt: skip
    assert costed.fee == Money.gbp("62.50")
    assert costed.has("PAY-PREP-PAID")


def test_example_institution_card():
    """examples/institution-rate-card.toml: £27.50 an hour, half hours rounded up, at least an
    hour, preparation paid. 1 h 12 min + 30 min preparation = 102 min -> 120 min = £55.00.
    """
    card = load_rate_card(EXAMPLES / "institution-rate-card.toml")
    costed = cost_activity(
        card, ActivityKind.MEETING, Duration.hours("1.2"), as_at=dt.date(2026, 5, 12),
        preparation=Duration.hours("0.5"),
    )  # fmt: skip
    assert costed.fee == Money.gbp(55)
