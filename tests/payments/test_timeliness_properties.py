"""Working days counted arithmetically agree with walking the calendar one day at a time."""

from __future__ import annotations

import datetime as dt
import time

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.core.errors import ValidationError
from participatory.core.nations import Nation
from participatory.payments.timeliness import WorkingDays

_FIRST, _LAST = dt.date(1872, 1, 1), dt.date(2100, 12, 31)
_DAYS = st.dates(_FIRST, _LAST)
_NATIONS = st.sampled_from(list(Nation))


def _walked_working_day(nation: Nation, day: dt.date) -> bool:
    bank = holidays.country_holidays("GB", subdiv=nation.holidays_code, years=day.year)
    return day.weekday() < 5 and day not in bank


def _walk_add(nation: Nation, day: dt.date, n: int) -> dt.date:
    while n > 0:
        day += dt.timedelta(days=1)
        if _walked_working_day(nation, day):
            n -= 1
    return day


def _walk_between(nation: Nation, start: dt.date, end: dt.date) -> int:
    return sum(
        _walked_working_day(nation, start + dt.timedelta(days=i))
        for i in range(1, (end - start).days + 1)
    )


@settings(max_examples=150)
@given(_NATIONS, st.dates(_FIRST, dt.date(2100, 9, 1)), st.integers(0, 60))
def test_add_matches_walking_the_calendar(nation: Nation, day: dt.date, n: int) -> None:
    """add(day, n) is the day a one-day-at-a-time walk reaches after n working days."""
    assert WorkingDays(nation).add(day, n) == _walk_add(nation, day, n)


@settings(max_examples=150)
@given(_NATIONS, _DAYS, st.integers(-30, 400))
def test_between_matches_walking_the_calendar(nation: Nation, start: dt.date, span: int) -> None:
    """between(start, end) counts the working days a walk passes, 0 when end <= start."""
    end = min(max(start + dt.timedelta(days=span), _FIRST), _LAST)
    expected = _walk_between(nation, start, end) if end > start else 0
    assert WorkingDays(nation).between(start, end) == expected


@settings(max_examples=100)
@given(_NATIONS, st.dates(_FIRST, dt.date(2100, 6, 1)), st.integers(0, 80))
def test_add_and_between_are_inverse(nation: Nation, day: dt.date, n: int) -> None:
    """Adding n working days and counting them back gives n; the result is a working day."""
    calendar = WorkingDays(nation)
    later = calendar.add(day, n)
    assert calendar.between(day, later) == n
    if n:
        assert calendar.is_working_day(later)


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.add(dt.date(9999, 12, 31), 1),
        lambda c: c.add(dt.date(2100, 12, 30), 10),
        lambda c: c.add(dt.date(2026, 1, 1), 10**30),
        lambda c: c.between(dt.date(2026, 1, 1), dt.date(9999, 12, 31)),
        lambda c: c.between(dt.date(1, 1, 1), dt.date(2026, 1, 1)),
        lambda c: c.is_working_day(dt.date(1871, 12, 29)),
    ],
)
def test_dates_beyond_the_bank_holiday_calendar_are_refused(call: object) -> None:
    """Outside 1872-2100 the holidays package knows no bank holidays: refuse, never guess."""
    with pytest.raises(ValidationError, match="bank-holiday calendar"):
        call(WorkingDays())  # type: ignore[operator]


def test_the_horizon_is_the_holiday_packages_coverage() -> None:
    """The documented horizon: 1 January 1872 (Bank Holidays Act 1871) to 31 December 2100."""
    assert WorkingDays(Nation.WALES).horizon == (_FIRST, _LAST)


def test_a_whole_horizon_is_counted_promptly() -> None:
    """Counting two centuries of working days is arithmetic, not a walk (well under a second)."""
    calendar = WorkingDays(Nation.SCOTLAND)
    began = time.perf_counter()
    total = calendar.between(_FIRST, _LAST)
    calendar.add(_FIRST, total)
    assert time.perf_counter() - began < 1.0
    assert calendar.add(_FIRST, total) <= _LAST
