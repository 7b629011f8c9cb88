"""Class 1 National Insurance per earnings period (NIM08001; GOV.UK rates 2025-26)."""

import datetime as dt
from decimal import Decimal

import pytest

from participatory.core.errors import ParametersNotAvailable, ValidationError
from participatory.core.money import Money
from participatory.tax import EarningsPeriod, assess_class1
from participatory.tax.national_insurance import class1_figures, class1_findings
from participatory.tax.rates import class1_thresholds

GBP = Money.gbp
JUNE_2025 = dt.date(2025, 6, 1)


def test_govuk_example_1000_in_a_week():
    """GOV.UK: £1,000 in a week -> (967 - 242) x 8% = 58.00 + (1,000 - 967) x 2% = 0.66."""
    result = assess_class1(GBP(1000), period=EarningsPeriod.WEEK, as_at=JUNE_2025)
    assert result.employee == GBP("58.66")


def test_same_fee_week_against_month():
    """£500: a week's earnings -> (500 - 242) x 8% = 20.64; a month's -> under 1,048: 0."""
    week = assess_class1(GBP(500), period=EarningsPeriod.WEEK, as_at=JUNE_2025)
    month = assess_class1(GBP(500), period=EarningsPeriod.MONTH, as_at=JUNE_2025)
    assert (week.employee, month.employee) == (GBP("20.64"), GBP("0.00"))
    # Employer: (500 - 96) x 15% = 60.60 a week; (500 - 417) x 15% = 12.45 a month.
    assert (week.employer, month.employer) == (GBP("60.60"), GBP("12.45"))


def test_annual_earnings_period():
    """£60,000 a year, 2025/26: (50,270 - 12,570) x 8% = 3,016.00 + 9,730 x 2% = 194.60."""
    result = assess_class1(GBP(60000), period=EarningsPeriod.YEAR, as_at=JUNE_2025)
    assert result.employee == GBP("3210.60")
    # Employer: (60,000 - 5,000) x 15% = 8,250.00 (5,000 secondary only: unverified).
    assert result.employer == GBP("8250.00")


@pytest.mark.parametrize(
    ("earnings", "counts"),
    [("124.99", False), ("125.00", True), ("242.00", True)],
)
def test_the_lower_earnings_limit_decides_the_ni_record(earnings, counts):
    result = assess_class1(GBP(earnings), period=EarningsPeriod.WEEK, as_at=JUNE_2025)
    assert result.counts_for_record is counts
    assert result.employee == GBP("0.00")
    assert result.has("TAX-NI-RECORD")


def test_an_exact_halfpenny_is_disregarded_and_flagged():
    """Employer, 2025/26 week: (96.10 - 96) x 15% = 0.015 exactly -> 0.01 (ICB's reading)."""
    result = assess_class1(GBP("96.10"), period=EarningsPeriod.WEEK, as_at=JUNE_2025)
    assert result.employer == GBP("0.01")
    flagged = result.by_rule("TAX-NI-HALFPENNY")
    assert flagged
    assert flagged[0].values["alternative"] == GBP("0.02")


def test_ordinary_rounding_is_to_the_nearest_penny():
    """2024/25 employer: (500 - 175) x 13.8% = 44.85; (2,000 - 758) x 13.8% = 171.396."""
    day = dt.date(2024, 6, 1)
    assert assess_class1(GBP(500), period=EarningsPeriod.WEEK, as_at=day).employer == GBP("44.85")
    month = assess_class1(GBP(2000), period=EarningsPeriod.MONTH, as_at=day)
    assert month.employer == GBP("171.40")
    assert not month.has("TAX-NI-HALFPENNY")


def test_thresholds_switch_on_6_april():
    before = class1_thresholds(EarningsPeriod.WEEK, dt.date(2025, 4, 5))
    after = class1_thresholds(EarningsPeriod.WEEK, dt.date(2025, 4, 6))
    assert (before.lower_earnings_limit, after.lower_earnings_limit) == (123, 125)
    assert (before.secondary_rate, after.secondary_rate) == (Decimal("0.138"), Decimal("0.15"))


def test_weekly_figures_stop_where_the_data_stops():
    with pytest.raises(ParametersNotAvailable):
        assess_class1(GBP(500), period=EarningsPeriod.WEEK, as_at=dt.date(2027, 4, 6))


def test_bad_input_is_refused():
    with pytest.raises(ValidationError):
        assess_class1(GBP(-1), period=EarningsPeriod.WEEK, as_at=JUNE_2025)
    with pytest.raises(ValidationError):
        assess_class1(GBP("1.001"), period=EarningsPeriod.WEEK, as_at=JUNE_2025)
    with pytest.raises(ValidationError):
        assess_class1(GBP(1), period="week", as_at=JUNE_2025)


def test_findings_cite_and_carry_their_parameters():
    figures = class1_figures(Decimal(500), class1_thresholds(EarningsPeriod.WEEK, JUNE_2025))
    for finding in class1_findings(figures):
        assert finding.citations
    employee = next(f for f in class1_findings(figures) if f.rule_id == "TAX-NI-EMPLOYEE")
    names = {use.name for use in employee.parameters}
    assert "national_insurance.class1.primary_threshold.week" in names
