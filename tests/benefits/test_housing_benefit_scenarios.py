""":mod:`participatory.benefits.housing_benefit`: scenarios.

Weekly benefits worked by hand: Carer's Allowance, ESA, legacy benefits, HB, Pension Credit.

Sources: ICA Regs 1976 reg. 8 as amended by SI 2025/352 (CA limit £151 -> £196 from
7 April 2025); ESA Regs 2008 reg. 45 (permitted work £20 lower limit, higher limit
£183.50 2024/25 and £195.50 2025/26, under 16 hours); IS Regs 1987 Sch. 8 (£5/£10/£20,
unverified); HB Regs 2006 Sch. 4 and reg. 71 (65%); State Pension Credit Regs 2002 Sch. VI.
Weeks start on Monday unless stated.
"""

import datetime as dt

from participatory.benefits import (
    Benefit,
    Circumstances,
    HousingBenefitClaim,
    PensionCreditClaim,
    UniversalCreditClaim,
    assess_payment,
)
from participatory.core.money import Money

GBP = Money.gbp


TUESDAY = dt.date(2025, 6, 10)


# --- Housing Benefit and Pension Credit ----------------------------------------------


def test_housing_benefit_taper_is_an_upper_bound():
    """Pension-age HB £120, single £5 disregard: £45 fee -> (45 - 5) x 65% = £26.00 at most."""
    me = Circumstances(housing_benefit=HousingBenefitClaim(weekly_award=GBP(120), pension_age=True))
    result = assess_payment(me, GBP(45), TUESDAY)
    assert result.change() == GBP(-26)
    assert result.has("BEN-HB-TAPER")


def test_housing_benefit_passported_by_pension_credit():
    """PC £40 (single £5): £20.77 fee -> PC falls £15.77; HB stays at its maximum."""
    me = Circumstances(
        pension_credit=PensionCreditClaim(weekly_award=GBP(40)),
        housing_benefit=HousingBenefitClaim(weekly_award=GBP(120), pension_age=True),
    )
    result = assess_payment(me, GBP("20.77"), TUESDAY)
    assert result.change(Benefit.PENSION_CREDIT) == GBP("-15.77")
    assert result.change(Benefit.HOUSING_BENEFIT) == GBP(0)
    assert result.has("BEN-HB-PASSPORTED")


def test_housing_benefit_with_universal_credit_is_referred():
    me = Circumstances(
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)),
        housing_benefit=HousingBenefitClaim(weekly_award=GBP(150), supported_or_temporary=True),
    )
    assert assess_payment(me, GBP(50), TUESDAY).has("BEN-HB-WITH-UC")
