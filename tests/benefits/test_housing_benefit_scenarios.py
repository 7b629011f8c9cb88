""":mod:`participatory.benefits.housing_benefit`: scenarios worked by hand.

Sources: HB Regs 2006 Sch. 4 (disregards: £5 single, £10 couple, £25 lone parent, £20 higher)
and reg. 71 (65% of net income above the applicable amount); State Pension Credit Regs 2002
Sch. VI (£5 single). Housing Benefit is the household's: both partners' earnings count.
Weeks start on Monday.
"""

import datetime as dt

from participatory.benefits import (
    Benefit,
    Household,
    HousingBenefitClaim,
    HousingBenefitDisregard,
    PensionCreditClaim,
    Person,
    Receipt,
    UniversalCreditClaim,
    assess_benefits,
    assess_payment,
)
from participatory.core.money import Money

GBP = Money.gbp

TUESDAY = dt.date(2025, 6, 10)


def test_housing_benefit_taper_is_an_upper_bound():
    """Pension-age HB £120, single £5 disregard: £45 fee -> (45 - 5) x 65% = £26.00 at most."""
    me = Household(housing_benefit=HousingBenefitClaim(weekly_award=GBP(120), pension_age=True))
    result = assess_payment(me, GBP(45), TUESDAY)
    assert result.change() == GBP(-26)
    assert result.has("BEN-HB-TAPER")
    (week,) = result.outcomes
    assert week.person is None  # the household's benefit, nobody's own


def test_housing_benefit_passported_by_pension_credit():
    """PC £40 (single £5): £20.77 fee -> PC falls £15.77; HB stays at its maximum."""
    me = Household(
        pension_credit=PensionCreditClaim(weekly_award=GBP(40)),
        housing_benefit=HousingBenefitClaim(weekly_award=GBP(120), pension_age=True),
    )
    result = assess_payment(me, GBP("20.77"), TUESDAY)
    assert result.change(Benefit.PENSION_CREDIT) == GBP("-15.77")
    assert result.change(Benefit.HOUSING_BENEFIT) == GBP(0)
    assert result.has("BEN-HB-PASSPORTED")


def test_a_payment_that_ends_the_passport_is_referred():
    """PC £10 (single £5): £20 takes £15, more than the award, so guarantee credit is nil
    that week and HB must be worked out again by the council: referred, not guessed."""
    me = Household(
        pension_credit=PensionCreditClaim(weekly_award=GBP(10)),
        housing_benefit=HousingBenefitClaim(weekly_award=GBP(120), pension_age=True),
    )
    result = assess_payment(me, GBP(20), TUESDAY)
    assert result.change(Benefit.PENSION_CREDIT) == GBP(-10)
    assert result.has("BEN-HB-PASSPORT-LOST")


def test_housing_benefit_with_universal_credit_is_referred():
    me = Household(
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)),
        housing_benefit=HousingBenefitClaim(weekly_award=GBP(150), supported_or_temporary=True),
    )
    assert assess_payment(me, GBP(50), TUESDAY).has("BEN-HB-WITH-UC")


def test_a_couples_earnings_are_pooled():
    """Couple disregard £10: £10 to each partner in the same week is £20, £10 over it:
    10 x 65% = £6.50 off. Either payment alone is within the disregard."""
    home = Household(
        people=[Person("a"), Person("b")],
        housing_benefit=HousingBenefitClaim(
            weekly_award=GBP(80), disregard=HousingBenefitDisregard.COUPLE
        ),
    )
    both = [Receipt(GBP(10), TUESDAY, person="a"), Receipt(GBP(10), TUESDAY, person="b")]
    assert assess_benefits(home, both).change() == GBP("-6.50")
    assert assess_benefits(home, both[:1]).change() == GBP(0)


def test_the_award_on_the_statement_already_allows_for_regular_earnings():
    """£25 a week from a job is £20 over the £5 disregard, already taken into the £100
    award. A £10 fee adds £10 over it: 10 x 65% = £6.50 off, not (35 - 5) x 65%."""
    home = Household(
        people=[Person(weekly_earnings=GBP(25))],
        housing_benefit=HousingBenefitClaim(weekly_award=GBP(100), pension_age=True),
    )
    assert assess_payment(home, GBP(10), TUESDAY).change() == GBP("-6.50")


def test_a_fraction_of_a_penny_goes_the_claimants_way():
    """£5.05 is 5p over the disregard: 0.05 x 65% = 3.25p, rounded down to 3p."""
    me = Household(housing_benefit=HousingBenefitClaim(weekly_award=GBP(50), pension_age=True))
    assert assess_payment(me, GBP("5.05"), TUESDAY).change() == GBP("-0.03")


def test_hours_without_earnings_give_no_housing_benefit_row():
    """Changed on purpose: Housing Benefit looks at earnings only, so receipted expenses for
    hours of work give no outcome at all."""
    me = Household(housing_benefit=HousingBenefitClaim(weekly_award=GBP(50), pension_age=True))
    assert assess_payment(me, GBP(30), TUESDAY, "receipted_expenses", hours=6).outcomes == ()
