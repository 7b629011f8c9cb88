""":mod:`participatory.core.periods`: hardening: bad input at its boundaries.

Core bugs the hardening sweep found, each fixed and pinned here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from participatory.core.errors import ValidationError
from participatory.core.periods import (
    AssessmentPeriodCycle,
    BenefitWeekCycle,
    DateRange,
    PeriodCalendar,
    TaxYear,
    TaxYearCalendar,
)


def _period_or_error(calendar: PeriodCalendar, day: dt.date) -> DateRange | ValidationError:
    try:
        return calendar.period_containing(day)
    except ValidationError as error:
        return error


@pytest.mark.parametrize("day", [dt.date(9999, 12, 31), dt.date(9999, 12, 28), dt.date(1, 1, 1)])
def test_periods_at_the_ends_of_the_calendar_are_validation_errors(day: dt.date) -> None:
    """A date whose period would run past year 9999 (or before year 1) is refused cleanly.

    Found by the boundary fuzz: a plan paid on 9999-12-31 made weekly, assessment-period and
    tax-year totals raise OverflowError or ValueError instead of the library's error.
    """
    calendars = (
        BenefitWeekCycle(0),
        BenefitWeekCycle(6),
        AssessmentPeriodCycle(dt.date(2025, 1, 31)),
        AssessmentPeriodCycle(dt.date(2025, 1, 15)),
        TaxYearCalendar(),
    )
    for calendar in calendars:
        outcome = _period_or_error(calendar, day)
        if isinstance(outcome, ValidationError):
            assert outcome.path == "date"
            assert day.isoformat() not in str(outcome)
        else:
            assert day in outcome


def test_tax_years_beyond_the_calendar_are_validation_errors() -> None:
    """TaxYear(9999) ends in year 10000, which no date can hold."""
    with pytest.raises(ValidationError):
        _ = TaxYear(9999).range
    assert TaxYear(9998).range.end == dt.date(9999, 4, 5)
