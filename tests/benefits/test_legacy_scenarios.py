""":mod:`participatory.benefits.legacy`: scenarios.

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
    Circumstances,
    EarningsDisregard,
    LegacyBenefit,
    LegacyClaim,
    PermittedWork,
    assess_payment,
)
from participatory.core.money import Money

GBP = Money.gbp


TUESDAY = dt.date(2025, 6, 10)


# --- Legacy --------------------------------------------------------------------------


def legacy(kind=LegacyBenefit.INCOME_SUPPORT, disregard=EarningsDisregard.SINGLE, **kw):
    kw.setdefault("weekly_award", GBP("90.50"))
    return Circumstances(legacy=LegacyClaim(kind, disregard=disregard, **kw))


@pytest.mark.parametrize(
    ("disregard", "fee", "change"),
    [
        (EarningsDisregard.SINGLE, "5.00", "0"),
        (EarningsDisregard.SINGLE, "5.01", "-0.01"),
        (EarningsDisregard.SINGLE, "30.00", "-25.00"),
        (EarningsDisregard.COUPLE, "30.00", "-20.00"),
        (EarningsDisregard.HIGHER, "20.00", "0"),
        (EarningsDisregard.HIGHER, "30.00", "-10.00"),
    ],
)
def test_legacy_disregards_pound_for_pound(disregard, fee, change):
    assert assess_payment(legacy(disregard=disregard), GBP(fee), TUESDAY).change() == GBP(change)


def test_legacy_reduction_is_capped_at_the_award():
    result = assess_payment(legacy(weekly_award=GBP(20)), GBP(100), TUESDAY)
    assert result.change() == GBP(-20)
    assert result.has("BEN-AWARD-EXHAUSTED")


def test_legacy_16_hour_rule():
    """IS: 15.5 hours with a £30 fee tapers (-25.00); 16 hours ends entitlement that week."""
    assert assess_payment(legacy(), GBP(30), TUESDAY, hours="15.5").change() == GBP(-25)
    result = assess_payment(legacy(), GBP(30), TUESDAY, hours=16)
    assert result.change() == GBP("-90.50")
    assert result.has("BEN-LEGACY-16-HOURS")


def test_income_support_closed_from_april_2026_is_referred():
    result = assess_payment(legacy(), GBP(30), dt.date(2026, 6, 9))
    assert result.has("BEN-LEGACY-CLOSED")
    assert result.change() == GBP(0)


def test_income_related_esa_uses_permitted_work():
    me = legacy(LegacyBenefit.INCOME_RELATED_ESA, permitted_work=PermittedWork.LOWER_LIMIT)
    assert assess_payment(me, GBP(20), TUESDAY).change() == GBP(0)
    assert assess_payment(me, GBP("20.01"), TUESDAY).cliffs
