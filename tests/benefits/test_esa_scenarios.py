""":mod:`participatory.benefits.esa`: scenarios.

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
    Benefit,
    Circumstances,
    EmploymentSupportAllowanceClaim,
    PermittedWork,
    UniversalCreditClaim,
    WorkCapability,
    assess_payment,
)
from participatory.core.money import Money

GBP = Money.gbp


TUESDAY = dt.date(2025, 6, 10)


# --- ESA -----------------------------------------------------------------------------


def esa(work, hours=0, award="92.05"):
    return Circumstances(
        esa=EmploymentSupportAllowanceClaim(
            weekly_award=GBP(award), permitted_work=work, weekly_hours=hours
        )
    )


@pytest.mark.parametrize(("fee", "lost"), [("20.00", "0"), ("20.01", "-92.05")])
def test_esa_lower_limit_any_hours(fee, lost):
    result = assess_payment(esa(PermittedWork.LOWER_LIMIT, hours=30), GBP(fee), TUESDAY)
    assert result.change() == GBP(lost)


def test_esa_lower_limit_breach_suggests_the_higher_limit_only_if_it_would_fit():
    result = assess_payment(esa(PermittedWork.LOWER_LIMIT), GBP(50), TUESDAY, hours=4)
    assert result.has("BEN-ESA-PERMITTED-WORK-LOWER")
    assert result.has("BEN-ESA-HIGHER-LIMIT-MAY-APPLY")


@pytest.mark.parametrize(
    ("day", "fee", "lost"),
    [
        (dt.date(2024, 6, 11), "183.50", "0"),
        (dt.date(2024, 6, 11), "183.51", "-92.05"),
        (TUESDAY, "195.50", "0"),
        (TUESDAY, "195.51", "-92.05"),
    ],
)
def test_esa_higher_limit_by_year(day, fee, lost):
    assert assess_payment(esa(PermittedWork.HIGHER_LIMIT, hours=6), GBP(fee), day).change() == GBP(
        lost
    )


def test_esa_16_hour_rule_is_strictly_less_than_16():
    """Higher-limit permitted work must be under 16 hours: 15.9 h is fine, 16 h is not
    (unless earnings are within the £20 lower limit, which has no hours condition)."""
    assert assess_payment(
        esa(PermittedWork.HIGHER_LIMIT, hours="15.9"), GBP(100), TUESDAY
    ).change() == GBP(0)
    result = assess_payment(esa(PermittedWork.HIGHER_LIMIT, hours=16), GBP(100), TUESDAY)
    assert result.has("BEN-ESA-16-HOURS")
    assert result.cliffs
    assert assess_payment(
        esa(PermittedWork.HIGHER_LIMIT, hours=16), GBP(20), TUESDAY
    ).change() == GBP(0)


def test_supported_permitted_work_has_no_hours_limit():
    result = assess_payment(esa(PermittedWork.SUPPORTED, hours=30), GBP("195.50"), TUESDAY)
    assert result.change() == GBP(0)


def test_lost_esa_week_raises_universal_credit():
    """UC (known award £300) with LCW + new-style ESA £92.05 on the lower limit: a £100 fee
    loses ESA for the week (-92.05); UC: 100 is within the £684 allowance (no taper) and
    the lost ESA comes back pound for pound (+92.05). Net change nil; keeps £100."""
    me = Circumstances(
        universal_credit=UniversalCreditClaim(
            first_date_of_entitlement=dt.date(2025, 5, 1),
            capability=WorkCapability.LCW,
            current_award=GBP(300),
        ),
        esa=EmploymentSupportAllowanceClaim(weekly_award=GBP("92.05")),
    )
    result = assess_payment(me, GBP(100), TUESDAY)
    assert result.change(Benefit.NEW_STYLE_ESA) == GBP("-92.05")
    assert result.change(Benefit.UNIVERSAL_CREDIT) == GBP("92.05")
    assert result.kept == GBP(100)
    assert result.has("BEN-REPORT-ESA-PW1")
