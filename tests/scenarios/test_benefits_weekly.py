"""Weekly benefits worked by hand: Carer's Allowance, ESA, legacy benefits, HB, Pension Credit.

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
    CarersAllowanceClaim,
    Circumstances,
    EarningsDisregard,
    EmploymentSupportAllowanceClaim,
    HousingBenefitClaim,
    LegacyBenefit,
    LegacyClaim,
    PensionCreditClaim,
    PermittedWork,
    Receipt,
    UnaffectedBenefit,
    UniversalCreditClaim,
    WorkCapability,
    check,
    check_payment,
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
    result = check_payment(
        Circumstances(carers_allowance=CarersAllowanceClaim()), GBP(fee), TUESDAY
    )
    (week,) = result.outcomes
    assert week.cliff is cliff
    assert result.change() == GBP(change)


def test_carers_allowance_limit_2024_and_the_uprating_boundary():
    """£180: over the 2024/25 £151 limit in the week 31 Mar - 6 Apr 2025 (rate £81.90),
    within the 2025/26 £196 limit in the week from Monday 7 April 2025."""
    me = Circumstances(carers_allowance=CarersAllowanceClaim())
    assert check_payment(me, GBP(180), dt.date(2025, 4, 6)).change() == GBP("-81.90")
    assert check_payment(me, GBP(180), dt.date(2025, 4, 7)).change() == GBP(0)


def test_carers_allowance_2026_limit_204():
    me = Circumstances(carers_allowance=CarersAllowanceClaim())
    assert check_payment(me, GBP("204.00"), dt.date(2026, 6, 9)).change() == GBP(0)
    assert check_payment(me, GBP("204.01"), dt.date(2026, 6, 9)).change() == GBP("-86.45")


def test_other_weekly_earnings_count_towards_the_limit_and_spreading_is_flagged():
    """£150 a week from a job + £46.01 fee = £196.01 > £196: cliff, and a warning that DWP
    may spread a one-off payment over several weeks."""
    me = Circumstances(carers_allowance=CarersAllowanceClaim(other_weekly_earnings=GBP(150)))
    result = check_payment(me, GBP("46.01"), TUESDAY)
    assert result.cliffs
    assert result.has("BEN-CA-SPREADING")


def test_carers_allowance_week_starting_on_a_wednesday():
    """Weeks from Wednesday: Tuesday 10 June and Wednesday 11 June are different weeks, so
    £150 on each stays under £196."""
    me = Circumstances(carers_allowance=CarersAllowanceClaim(benefit_week_start=2))
    result = check(me, [Receipt(GBP(150), TUESDAY), Receipt(GBP(150), dt.date(2025, 6, 11))])
    assert len(result.outcomes) == 2
    assert result.change() == GBP(0)


# --- ESA -----------------------------------------------------------------------------


def esa(work, hours=0, award="92.05"):
    return Circumstances(
        esa=EmploymentSupportAllowanceClaim(
            weekly_award=GBP(award), permitted_work=work, weekly_hours=hours
        )
    )


@pytest.mark.parametrize(("fee", "lost"), [("20.00", "0"), ("20.01", "-92.05")])
def test_esa_lower_limit_any_hours(fee, lost):
    result = check_payment(esa(PermittedWork.LOWER_LIMIT, hours=30), GBP(fee), TUESDAY)
    assert result.change() == GBP(lost)


def test_esa_lower_limit_breach_suggests_the_higher_limit_only_if_it_would_fit():
    result = check_payment(esa(PermittedWork.LOWER_LIMIT), GBP(50), TUESDAY, hours=4)
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
    assert check_payment(esa(PermittedWork.HIGHER_LIMIT, hours=6), GBP(fee), day).change() == GBP(
        lost
    )


def test_esa_16_hour_rule_is_strictly_less_than_16():
    """Higher-limit permitted work must be under 16 hours: 15.9 h is fine, 16 h is not
    (unless earnings are within the £20 lower limit, which has no hours condition)."""
    assert check_payment(
        esa(PermittedWork.HIGHER_LIMIT, hours="15.9"), GBP(100), TUESDAY
    ).change() == GBP(0)
    result = check_payment(esa(PermittedWork.HIGHER_LIMIT, hours=16), GBP(100), TUESDAY)
    assert result.has("BEN-ESA-16-HOURS")
    assert result.cliffs
    assert check_payment(
        esa(PermittedWork.HIGHER_LIMIT, hours=16), GBP(20), TUESDAY
    ).change() == GBP(0)


def test_supported_permitted_work_has_no_hours_limit():
    result = check_payment(esa(PermittedWork.SUPPORTED, hours=30), GBP("195.50"), TUESDAY)
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
    result = check_payment(me, GBP(100), TUESDAY)
    assert result.change(Benefit.NEW_STYLE_ESA) == GBP("-92.05")
    assert result.change(Benefit.UNIVERSAL_CREDIT) == GBP("92.05")
    assert result.kept == GBP(100)
    assert result.has("BEN-REPORT-ESA-PW1")


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
    assert check_payment(legacy(disregard=disregard), GBP(fee), TUESDAY).change() == GBP(change)


def test_legacy_reduction_is_capped_at_the_award():
    result = check_payment(legacy(weekly_award=GBP(20)), GBP(100), TUESDAY)
    assert result.change() == GBP(-20)
    assert result.has("BEN-AWARD-EXHAUSTED")


def test_legacy_16_hour_rule():
    """IS: 15.5 hours with a £30 fee tapers (-25.00); 16 hours ends entitlement that week."""
    assert check_payment(legacy(), GBP(30), TUESDAY, hours="15.5").change() == GBP(-25)
    result = check_payment(legacy(), GBP(30), TUESDAY, hours=16)
    assert result.change() == GBP("-90.50")
    assert result.has("BEN-LEGACY-16-HOURS")


def test_income_support_closed_from_april_2026_is_referred():
    result = check_payment(legacy(), GBP(30), dt.date(2026, 6, 9))
    assert result.has("BEN-LEGACY-CLOSED")
    assert result.change() == GBP(0)


def test_income_related_esa_uses_permitted_work():
    me = legacy(LegacyBenefit.INCOME_RELATED_ESA, permitted_work=PermittedWork.LOWER_LIMIT)
    assert check_payment(me, GBP(20), TUESDAY).change() == GBP(0)
    assert check_payment(me, GBP("20.01"), TUESDAY).cliffs


# --- Housing Benefit and Pension Credit ----------------------------------------------


def test_housing_benefit_taper_is_an_upper_bound():
    """Pension-age HB £120, single £5 disregard: £45 fee -> (45 - 5) x 65% = £26.00 at most."""
    me = Circumstances(housing_benefit=HousingBenefitClaim(weekly_award=GBP(120), pension_age=True))
    result = check_payment(me, GBP(45), TUESDAY)
    assert result.change() == GBP(-26)
    assert result.has("BEN-HB-TAPER")


def test_housing_benefit_passported_by_pension_credit():
    """PC £40 (single £5): £20.77 fee -> PC falls £15.77; HB stays at its maximum."""
    me = Circumstances(
        pension_credit=PensionCreditClaim(weekly_award=GBP(40)),
        housing_benefit=HousingBenefitClaim(weekly_award=GBP(120), pension_age=True),
    )
    result = check_payment(me, GBP("20.77"), TUESDAY)
    assert result.change(Benefit.PENSION_CREDIT) == GBP("-15.77")
    assert result.change(Benefit.HOUSING_BENEFIT) == GBP(0)
    assert result.has("BEN-HB-PASSPORTED")


def test_pension_credit_higher_disregard():
    me = Circumstances(
        pension_credit=PensionCreditClaim(weekly_award=GBP(40), disregard=EarningsDisregard.HIGHER)
    )
    assert check_payment(me, GBP("20.77"), TUESDAY).change() == GBP("-0.77")


def test_housing_benefit_with_universal_credit_is_referred():
    me = Circumstances(
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)),
        housing_benefit=HousingBenefitClaim(weekly_award=GBP(150), supported_or_temporary=True),
    )
    assert check_payment(me, GBP(50), TUESDAY).has("BEN-HB-WITH-UC")


def test_unaffected_benefits_are_named_and_flag_a_possible_review():
    me = Circumstances(unaffected={UnaffectedBenefit.PIP, UnaffectedBenefit.STATE_PENSION})
    result = check_payment(me, GBP(500), TUESDAY)
    assert result.change() == GBP(0)
    assert result.has("BEN-UNAFFECTED")
    assert result.has("BEN-UNAFFECTED-REVIEW")
    assert result.kept == GBP(500)
