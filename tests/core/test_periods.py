import datetime as dt
from decimal import Decimal

import pytest

from participatory.core.errors import ValidationError
from participatory.core.periods import (
    AssessmentPeriodCycle,
    BenefitWeekCycle,
    DateRange,
    TaxYear,
    TaxYearCalendar,
    to_date,
    weekly_to_monthly,
)

D = dt.date


def starts(cycle, year):
    return [cycle.start_in_month(year, m) for m in range(1, 13)]


def test_claim_on_the_31st_starts_every_period_on_the_last_day_of_the_month():
    """UC Regs 2013 reg 21(2)(a): first date of entitlement on the 31st → last day of month."""
    cycle = AssessmentPeriodCycle(D(2025, 1, 31))
    assert [d.day for d in starts(cycle, 2025)] == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    assert [d.day for d in starts(cycle, 2024)][1] == 29  # leap year: 29 February


@pytest.mark.parametrize("anchor", [29, 30])
def test_claim_on_the_29th_or_30th_starts_on_27th_or_28th_in_february(anchor):
    """Reg 21(2)(b): except in February, when it begins on the 27th, or in a leap year the 28th."""
    cycle = AssessmentPeriodCycle(D(2025, 1, anchor))
    assert cycle.start_in_month(2025, 2) == D(2025, 2, 27)
    assert cycle.start_in_month(2024, 2) == D(2024, 2, 28)
    assert cycle.start_in_month(2025, 3) == D(2025, 3, anchor)
    assert cycle.start_in_month(2025, 4) == D(2025, 4, anchor)  # April has a 29th and 30th


def test_claim_on_the_30th_period_ends_the_day_before_the_next_begins():
    cycle = AssessmentPeriodCycle(D(2025, 1, 30))
    assert cycle.period_containing(D(2025, 2, 10)) == DateRange(D(2025, 1, 30), D(2025, 2, 26))
    assert cycle.period_containing(D(2025, 2, 27)) == DateRange(D(2025, 2, 27), D(2025, 3, 29))


def test_ordinary_claim_day_and_boundary_days():
    cycle = AssessmentPeriodCycle(D(2025, 5, 14))
    period = cycle.period_containing(D(2025, 6, 13))
    assert period == DateRange(D(2025, 5, 14), D(2025, 6, 13))
    assert cycle.period_containing(D(2025, 6, 14)).start == D(2025, 6, 14)


def test_period_before_the_claim_month_uses_the_previous_month():
    cycle = AssessmentPeriodCycle(D(2025, 1, 20))
    assert cycle.period_containing(D(2025, 1, 5)) == DateRange(D(2024, 12, 20), D(2025, 1, 19))


def test_benefit_weeks():
    weeks = BenefitWeekCycle(start_weekday=3)  # Thursday
    assert weeks.weekday_name == "Thursday"
    assert weeks.period_containing(D(2026, 4, 8)) == DateRange(D(2026, 4, 2), D(2026, 4, 8))
    assert weeks.period_containing(D(2026, 4, 9)).start == D(2026, 4, 9)
    with pytest.raises(ValidationError):
        BenefitWeekCycle(7)


def test_tax_year_boundaries_are_exact():
    assert TaxYear.containing(D(2026, 4, 5)) == TaxYear(2025)
    assert TaxYear.containing(D(2026, 4, 6)) == TaxYear(2026)
    assert str(TaxYear(2099)) == "2099/00"
    assert TaxYearCalendar().split(DateRange("2025-04-05", "2025-04-06")) == [
        DateRange("2025-04-05", "2025-04-05"),
        DateRange("2025-04-06", "2025-04-06"),
    ]


def test_date_range_validation_and_queries():
    with pytest.raises(ValidationError, match="end"):
        DateRange(D(2025, 2, 1), D(2025, 1, 1))
    r = DateRange("2024-02-28", "2024-03-01")
    assert r.days == 3
    assert list(r.each_day())[1] == D(2024, 2, 29)
    assert r.intersection(DateRange("2024-03-01", "2024-03-09")) == DateRange(
        "2024-03-01", "2024-03-01"
    )
    assert r.intersection(DateRange("2024-03-02", "2024-03-09")) is None


def test_naive_datetimes_are_refused_and_aware_ones_use_london_days():
    with pytest.raises(ValidationError, match="timezone"):
        DateRange(dt.datetime(2025, 1, 1), D(2025, 1, 2))
    # 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    summer = dt.datetime(2025, 6, 30, 23, 30, tzinfo=dt.UTC)
    assert to_date(summer) == D(2025, 7, 1)
    # 23:30 UTC on 30 December is still 30 December in London (GMT).
    winter = dt.datetime(2025, 12, 30, 23, 30, tzinfo=dt.UTC)
    assert to_date(winter) == D(2025, 12, 30)


def test_weekly_to_monthly_is_times_52_over_12():
    # £196 a week (the 2025/26 Carer's Allowance limit) = 196 × 52 / 12 = £849.333…
    assert weekly_to_monthly(Decimal(196)).quantize(Decimal("0.01")) == Decimal("849.33")


def test_the_week_after_and_its_refusal_at_the_end_of_the_calendar():
    """Benefit weeks from Tuesday: the week of Friday 13 June 2025 is 10-16 June, the next
    17-23 June. The week holding 31 December 9999 has no week after it."""
    weeks = BenefitWeekCycle(1)
    week = weeks.period_containing(D(2025, 6, 13))
    assert weeks.period_after(week) == DateRange(D(2025, 6, 17), D(2025, 6, 23))
    with pytest.raises(ValidationError, match="end of the calendar"):
        weeks.period_after(DateRange(D(9999, 12, 25), D(9999, 12, 31)))
