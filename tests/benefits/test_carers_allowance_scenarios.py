""":mod:`participatory.benefits.carers_allowance`: scenarios.

Weekly benefits worked by hand: Carer's Allowance, ESA, legacy benefits, HB, Pension Credit.

Sources: ICA Regs 1976 reg. 8 as amended by SI 2025/352 (CA limit £151 -> £196 from
7 April 2025); ESA Regs 2008 reg. 45 (permitted work £20 lower limit, higher limit
£183.50 2024/25 and £195.50 2025/26, under 16 hours); IS Regs 1987 Sch. 8 (£5/£10/£20,
unverified); HB Regs 2006 Sch. 4 and reg. 71 (65%); State Pension Credit Regs 2002 Sch. VI.
Weeks start on Monday unless stated.
"""

import datetime as dt

import pytest

from participatory.benefits import (
    CarersAllowanceClaim,
    Circumstances,
    Receipt,
    assess_benefits,
    assess_payment,
)
from participatory.core.money import Money

GBP = Money.gbp


TUESDAY = dt.date(2025, 6, 10)


# --- Carer's Allowance -------------------------------------------------------------


@pytest.mark.parametrize(
    ("fee", "cliff", "change"),
    [("196.00", False, "0"), ("195.99", False, "0"), ("196.01", True, "-83.30")],
)
def test_carers_allowance_limit_2025_one_penny_either_side(fee, cliff, change):
    """2025/26: limit £196, weekly rate £83.30; one penny over loses the whole week."""
    result = assess_payment(
        Circumstances(carers_allowance=CarersAllowanceClaim()), GBP(fee), TUESDAY
    )
    (week,) = result.outcomes
    assert week.cliff is cliff
    assert result.change() == GBP(change)


def test_carers_allowance_limit_2024_and_the_uprating_boundary():
    """£180: over the 2024/25 £151 limit in the week 31 Mar - 6 Apr 2025 (rate £81.90),
    within the 2025/26 £196 limit in the week from Monday 7 April 2025."""
    me = Circumstances(carers_allowance=CarersAllowanceClaim())
    assert assess_payment(me, GBP(180), dt.date(2025, 4, 6)).change() == GBP("-81.90")
    assert assess_payment(me, GBP(180), dt.date(2025, 4, 7)).change() == GBP(0)


def test_carers_allowance_2026_limit_204():
    me = Circumstances(carers_allowance=CarersAllowanceClaim())
    assert assess_payment(me, GBP("204.00"), dt.date(2026, 6, 9)).change() == GBP(0)
    assert assess_payment(me, GBP("204.01"), dt.date(2026, 6, 9)).change() == GBP("-86.45")


def test_other_weekly_earnings_count_towards_the_limit_and_spreading_is_flagged():
    """£150 a week from a job + £46.01 fee = £196.01 > £196: cliff, and a warning that DWP
    may spread a one-off payment over several weeks."""
    me = Circumstances(carers_allowance=CarersAllowanceClaim(other_weekly_earnings=GBP(150)))
    result = assess_payment(me, GBP("46.01"), TUESDAY)
    assert result.cliffs
    assert result.has("BEN-CA-SPREADING")


def test_carers_allowance_week_starting_on_a_wednesday():
    """Weeks from Wednesday: Tuesday 10 June and Wednesday 11 June are different weeks, so
    £150 on each stays under £196."""
    me = Circumstances(carers_allowance=CarersAllowanceClaim(benefit_week_start=2))
    result = assess_benefits(
        me, [Receipt(GBP(150), TUESDAY), Receipt(GBP(150), dt.date(2025, 6, 11))]
    )
    assert len(result.outcomes) == 2
    assert result.change() == GBP(0)
