""":mod:`participatory.benefits.claims`: unit tests.

The claim records' own validation (moved here from the old ``test_circumstances.py``): the
UC first day of entitlement, the housing amount, awards in whole pence of GBP, the benefit
week's first day, the named values. No error quotes a value.
"""

import datetime as dt

import pytest

from participatory.benefits import (
    CarersAllowanceClaim,
    EarningsDisregard,
    EmploymentSupportAllowanceClaim,
    HousingBenefitClaim,
    HousingBenefitDisregard,
    LegacyBenefit,
    LegacyClaim,
    PensionCreditClaim,
    PermittedWork,
    UniversalCreditClaim,
)
from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.core.periods import DateRange

GBP = Money.gbp


def test_a_negative_award_is_refused_without_echoing_it():
    """Moved from test_circumstances.py."""
    with pytest.raises(ValidationError) as caught:
        UniversalCreditClaim(first_date_of_entitlement="2025-05-01", current_award="-7777.77")
    assert "7777" not in str(caught.value)
    assert caught.value.path == "current_award"


def test_a_housing_amount_needs_the_housing_costs_element():
    """Moved from test_circumstances.py."""
    with pytest.raises(ValidationError, match="housing_amount") as caught:
        UniversalCreditClaim(first_date_of_entitlement="2025-05-01", housing_amount="500")
    assert caught.value.hint is not None
    claim = UniversalCreditClaim(
        first_date_of_entitlement="2025-05-01", housing_costs_element=True, housing_amount="500"
    )
    assert claim.housing_amount == GBP(500)


@pytest.mark.parametrize("day", ["2013-04-28", "2101-01-01"])
def test_the_first_day_of_entitlement_is_within_universal_credits_lifetime(day):
    """UC began on 29 April 2013; a day after 2100 is taken for a typing slip."""
    with pytest.raises(ValidationError, match="first_date_of_entitlement"):
        UniversalCreditClaim(first_date_of_entitlement=day)


def test_assessment_periods_run_from_the_first_day_of_entitlement():
    """UC Regs 2013 reg. 21: monthly periods starting on the same day of each month."""
    claim = UniversalCreditClaim(first_date_of_entitlement=dt.date(2024, 5, 31))
    assert claim.assessment_periods.period_containing(dt.date(2025, 2, 10)) == DateRange(
        dt.date(2025, 1, 31), dt.date(2025, 2, 27)
    )


@pytest.mark.parametrize(
    ("make", "path"),
    [
        (lambda: CarersAllowanceClaim(weekly_award="7777.777"), "weekly_award"),
        (lambda: CarersAllowanceClaim(weekly_award=Money("7777", "EUR")), "weekly_award"),
        (lambda: EmploymentSupportAllowanceClaim(weekly_award="-7777"), "weekly_award"),
        (lambda: LegacyClaim("7777", weekly_award="50"), "benefit"),
        (lambda: HousingBenefitClaim(weekly_award="50", disregard="7777"), "disregard"),
        (lambda: PensionCreditClaim(weekly_award="50", savings_credit="7777"), "savings_credit"),
        (lambda: UniversalCreditClaim(first_date_of_entitlement="7777-01-01"), None),
        (
            lambda: UniversalCreditClaim(
                first_date_of_entitlement="2025-05-01", other_unearned_income="-7777"
            ),
            "other_unearned_income",
        ),
    ],
)
def test_bad_claim_values_name_the_field_and_not_the_value(make, path):
    with pytest.raises(ValidationError) as caught:
        make()
    if path is not None:
        assert caught.value.path == path
    assert "7777" not in str(caught.value)


@pytest.mark.parametrize("start", [-1, 7, True, "0", 1.0])
def test_the_benefit_week_starts_on_a_weekday_number(start):
    with pytest.raises(ValidationError, match="benefit_week_start"):
        CarersAllowanceClaim(benefit_week_start=start)


def test_weekly_claims_have_their_benefit_weeks():
    claim = PensionCreditClaim(weekly_award="50", benefit_week_start=3)  # weeks from Thursday
    week = claim.weeks.period_containing(dt.date(2025, 6, 10))
    assert week == DateRange(dt.date(2025, 6, 5), dt.date(2025, 6, 11))


def test_named_values_are_read_from_their_values():
    legacy = LegacyClaim("income_related_esa", weekly_award="90", permitted_work="supported")
    assert legacy.benefit is LegacyBenefit.INCOME_RELATED_ESA
    assert legacy.permitted_work is PermittedWork.SUPPORTED
    # No disregard stated: the household's own is used (a couple's, a lone parent's...).
    assert legacy.disregard is None
    assert LegacyClaim("income_support", weekly_award="90", disregard="couple").disregard is (
        EarningsDisregard.COUPLE
    )
    hb = HousingBenefitClaim(weekly_award="90", disregard="lone_parent")
    assert hb.disregard is HousingBenefitDisregard.LONE_PARENT


def test_defaults_follow_the_award_letter_when_it_is_silent():
    """Carer's Allowance defaults to the published rate (``None``); ESA to the lower limit;
    weeks from Monday."""
    assert CarersAllowanceClaim().weekly_award is None
    esa = EmploymentSupportAllowanceClaim(weekly_award="92.05")
    assert (esa.permitted_work, esa.benefit_week_start) == (PermittedWork.LOWER_LIMIT, 0)


@pytest.mark.parametrize(
    "claim",
    [
        UniversalCreditClaim(first_date_of_entitlement="2025-05-01", current_award="7777.77"),
        CarersAllowanceClaim(weekly_award="7777.77"),
        EmploymentSupportAllowanceClaim(weekly_award="7777.77"),
        LegacyClaim("income_support", weekly_award="7777.77", claimant="p1"),
        HousingBenefitClaim(weekly_award="7777.77"),
        PensionCreditClaim(weekly_award="7777.77"),
    ],
)
def test_no_claim_shows_its_values(claim):
    assert "7777" not in repr(claim)
    assert "<redacted>" in repr(claim)
