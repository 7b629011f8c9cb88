""":mod:`participatory.payments.costing`: scenarios.

Payment figures from the guidance and the Bath report, worked by hand.
"""

import datetime as dt
from pathlib import Path

import pytest

from participatory.core.errors import UnsupportedCase
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


def test_the_nihr_card_holds_no_amount_and_every_costing_on_it_refuses():
    """NIHR: no amount was read. The rate table of NIHR's "Payment guidance for researchers
    and professionals" was in no stored copy (nihr_payment_guidance_researchers_2024#rate_table),
    and the only post-uplift figures read, "£13.80 to £495", name no activity or unit
    (thecareruk_nihr_uplift_2025#range). The card's remembered £25 an hour (and £27.50 =
    £25 x 1.10, £75 a half day, £150 a day) were removed, so costing a meeting on it, before
    or after the uplift of 16 Dec 2025, refuses and says how to go on.
    """
    card = bundled_rate_card("nihr")
    assert card.rates == ()
    for day in (dt.date(2025, 12, 15), dt.date(2026, 1, 15)):
        for duration in (Duration.hours(2), Duration.days(1)):
            with pytest.raises(UnsupportedCase, match=r"'nihr' rate card .*holds no rates"):
                cost_activity(card, ActivityKind.MEETING, duration, as_at=day)


def test_a_card_laid_over_nihr_costs_at_its_own_figures():
    """An institution's own card over the empty NIHR card: its rate is the only one.

    Blue Heart's page (blue_heart_coproducer_payments#rate): "we offer a rate of £25 per
    hour", preparation covered. Laid over NIHR: 2 h meeting + 1 h preparation = 3 h x £25 =
    £75 on 6 Dec 2026, the day the page was last read.
    """
    own = bundled_rate_card("blue_heart")
    card = bundled_rate_card("nihr").layered(own)
    costed = cost_activity(
        card, ActivityKind.MEETING, Duration.hours(2),
        as_at=dt.date(2026, 12, 6), preparation=Duration.hours(1),
    )  # fmt: skip
    assert costed.fee == Money.gbp(75)
    assert card.id == own.id


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
