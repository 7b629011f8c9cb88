"""Dates and the periods benefits and tax are assessed over.

Benefits and tax are not assessed per payment but per period: a *benefit week* for
Carer's Allowance, ESA and the legacy benefits; a *monthly assessment period* for
Universal Credit; the *tax year* from 6 April for income tax. This module gives each an
exact type, and splits any date range into them with no gap and no overlap.

All dates are :class:`datetime.date` values (``pendulum.Date`` is one too). A moment in
time must carry its timezone: a naive :class:`~datetime.datetime` is refused, because
"the day a payment was received" depends on the clock in Europe/London.

>>> cycle = AssessmentPeriodCycle(dt.date(2025, 1, 31))
>>> [str(p) for p in cycle.periods_overlapping(DateRange(dt.date(2025, 2, 1), dt.date(2025, 4, 1)))]
['2025-01-31..2025-02-27', '2025-02-28..2025-03-30', '2025-03-31..2025-04-29']
>>> TaxYear.containing(dt.date(2026, 4, 5))
TaxYear(2025)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Final, Protocol, TypeVar

import attrs

from participatory.core import exact
from participatory.core.errors import ValidationError
from participatory.core.fields import day_from_text
from participatory.core.record import Record

__all__ = [
    "LONDON",
    "AssessmentPeriodCycle",
    "BenefitWeekCycle",
    "DateRange",
    "PeriodCalendar",
    "TaxYear",
    "TaxYearCalendar",
    "assessment_period_containing",
    "london_date",
    "to_date",
    "weekly_to_monthly",
]

#: The timezone in which UK benefit and tax days are counted.
LONDON: Final = "Europe/London"

_WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def to_date(value: object, path: str = "date") -> dt.date:
    """Accept a date, an ISO date string or a timezone-aware moment; refuse a naive datetime.

    An aware datetime is converted to its calendar day in Europe/London.

    >>> to_date("2026-04-06")
    datetime.date(2026, 4, 6)
    >>> to_date(dt.datetime(2026, 4, 5, 23, 30, tzinfo=dt.timezone.utc))
    datetime.date(2026, 4, 6)
    >>> to_date(dt.datetime(2026, 4, 5, 23, 30))
    Traceback (most recent call last):
    ...
    participatory.core.errors.ValidationError: date: is a datetime without a timezone, so its UK calendar day is unknown (attach a timezone, or pass a date)
    """  # noqa: E501
    if type(value) is dt.date:  # the common case, kept fast for hot paths
        return value
    if isinstance(value, dt.datetime):
        return london_date(value, path)
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    if isinstance(value, str):
        day = day_from_text(value.strip())
        if day is not None:
            return day
        # Never quoting the text: the date may be a person's, such as a claim's start.
        raise ValidationError(path, "is not a date", hint="write it as YYYY-MM-DD")
    raise ValidationError(path, f"must be a date, not {type(value).__name__}")


def london_date(moment: dt.datetime, path: str = "date") -> dt.date:
    """The calendar day in Europe/London of a timezone-aware moment."""
    if moment.tzinfo is None or moment.tzinfo.utcoffset(moment) is None:
        raise ValidationError(
            path,
            "is a datetime without a timezone, so its UK calendar day is unknown",
            hint="attach a timezone, or pass a date",
        )
    import pendulum  # imported for a moment only: most callers give dates

    local = pendulum.instance(moment).in_timezone(LONDON)
    return dt.date(local.year, local.month, local.day)


def _start(value: object) -> dt.date:
    return to_date(value, "start")


def _end(value: object) -> dt.date:
    return to_date(value, "end")


def _first_date_of_entitlement(value: object) -> dt.date:
    return to_date(value, "first_date_of_entitlement")


@attrs.frozen(order=True)
class DateRange(Record):
    """An inclusive range of calendar days, ``start`` to ``end``.

    >>> r = DateRange(dt.date(2024, 2, 28), dt.date(2024, 3, 1))
    >>> r.days, dt.date(2024, 2, 29) in r
    (3, True)
    """

    start: dt.date = attrs.field(converter=_start)
    end: dt.date = attrs.field(converter=_end)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(
                "end", f"is before start ({self.start.isoformat()})", hint="swap the two dates"
            )

    @property
    def days(self) -> int:
        """Number of days in the range, both ends counted."""
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def overlaps(self, other: DateRange) -> bool:
        """Whether the two ranges share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def intersection(self, other: DateRange) -> DateRange | None:
        """The days both ranges share, or ``None``."""
        if not self.overlaps(other):
            return None
        return DateRange(max(self.start, other.start), min(self.end, other.end))

    def each_day(self) -> Iterator[dt.date]:
        """Every day of the range in order."""
        for offset in range(self.days):
            yield self.start + dt.timedelta(days=offset)

    def __str__(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


class PeriodCalendar(Protocol):
    """Anything that can say which period a day falls in (weeks, assessment periods, years)."""

    def period_containing(self, day: dt.date) -> DateRange:
        """The whole period that contains ``day``."""
        ...


P = TypeVar("P", bound=PeriodCalendar)


def _periods_overlapping(calendar_: PeriodCalendar, span: DateRange) -> Iterator[DateRange]:
    day = span.start
    while day <= span.end:
        period = calendar_.period_containing(day)
        yield period
        day = period.end + dt.timedelta(days=1)


def _split(calendar_: PeriodCalendar, span: DateRange) -> Iterator[DateRange]:
    for period in _periods_overlapping(calendar_, span):
        part = period.intersection(span)
        if part is not None:
            yield part


class _SplitsRanges:
    """Shared behaviour of the period calendars below."""

    def period_containing(self, day: dt.date) -> DateRange:  # pragma: no cover - protocol
        raise NotImplementedError

    def periods_overlapping(self, span: DateRange) -> list[DateRange]:
        """The whole periods that share at least one day with ``span``, in order."""
        return list(_periods_overlapping(self, span))

    def period_after(self, period: DateRange) -> DateRange:
        """The whole period that follows ``period`` (refused past the end of the calendar)."""
        if period.end == dt.date.max:
            raise _beyond_calendar()
        return self.period_containing(period.end + dt.timedelta(days=1))

    def split(self, span: DateRange) -> list[DateRange]:
        """``span`` cut at period boundaries: the pieces cover it exactly, without overlap."""
        return list(_split(self, span))


@attrs.frozen
class BenefitWeekCycle(Record, _SplitsRanges):
    """Benefit weeks of seven days that start on one fixed weekday (0 = Monday).

    Carer's Allowance, ESA and the legacy benefits test earnings week by week; which weekday
    a person's benefit week starts on depends on their claim, so it is an input.

    >>> weeks = BenefitWeekCycle(start_weekday=0)
    >>> str(weeks.period_containing(dt.date(2026, 4, 8)))
    '2026-04-06..2026-04-12'
    """

    start_weekday: int = attrs.field(default=0)

    @start_weekday.validator
    def _check_weekday(self, _attribute: object, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 6:
            raise ValidationError("start_weekday", "must be 0 (Monday) to 6 (Sunday)")

    @property
    def weekday_name(self) -> str:
        """The English name of the weekday the weeks start on."""
        return _WEEKDAYS[self.start_weekday]

    def period_containing(self, day: dt.date) -> DateRange:
        """The benefit week containing ``day``."""
        back = (day.weekday() - self.start_weekday) % 7
        try:
            start = day - dt.timedelta(days=back)
            return DateRange(start, start + dt.timedelta(days=6))
        except OverflowError:
            raise _beyond_calendar() from None


def _beyond_calendar() -> ValidationError:
    # Python dates run from year 1 to 9999; a period reaching past either end cannot be
    # built. The day is not quoted: it may be a claim's first date of entitlement.
    return ValidationError(
        "date",
        "is too close to the start or end of the calendar (years 1 to 9999) to lie in a "
        "whole period",
        hint="check the year",
    )


_MONTH_DAYS: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _assessment_period_start(anchor_day: int, year: int, month: int) -> dt.date:
    """Day an assessment period begins in ``month``, per UC Regulations 2013 reg. 21(2)."""
    if month == 2:
        last = 29 if _is_leap(year) else 28
        if anchor_day in (29, 30):
            return dt.date(year, 2, last - 1)  # reg. 21(2)(b): the 27th, or 28th in a leap year
    else:
        last = _MONTH_DAYS[month - 1]
    # reg. 21(2)(a): a claim begun on the 31st starts each period on the month's last day.
    return dt.date(year, month, last if anchor_day == 31 else anchor_day)


def assessment_period_containing(anchor_day: int, day: dt.date) -> DateRange:
    """The assessment period holding ``day`` for a claim begun on day ``anchor_day`` of a month.

    Only the day of the month the claim began on decides where its periods fall (reg. 21(2)),
    so every claim begun on that day shares them.

    >>> str(assessment_period_containing(30, dt.date(2024, 2, 27)))
    '2024-01-30..2024-02-27'
    """
    year, month = day.year, day.month
    try:
        start = _assessment_period_start(anchor_day, year, month)
        if day < start:
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
            start = _assessment_period_start(anchor_day, year, month)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        next_start = _assessment_period_start(anchor_day, year, month)
    except (OverflowError, ValueError):
        raise _beyond_calendar() from None
    return DateRange(start, next_start - dt.timedelta(days=1))


@attrs.frozen
class AssessmentPeriodCycle(Record, _SplitsRanges):
    """Universal Credit monthly assessment periods, from the first date of entitlement.

    The Universal Credit Regulations 2013, reg. 21(2): each assessment period begins on the
    same day of each month as the first date of entitlement, except that when that day is
    the 31st each period begins on the last day of the month, and when it is the 29th or
    30th each period begins on that day except in February, when it begins on the 27th (the
    28th in a leap year). A period ends the day before the next one begins.

    >>> cycle = AssessmentPeriodCycle(dt.date(2024, 1, 30))
    >>> str(cycle.period_containing(dt.date(2024, 2, 27)))
    '2024-01-30..2024-02-27'
    >>> str(cycle.period_containing(dt.date(2024, 2, 28)))
    '2024-02-28..2024-03-29'
    """

    first_date_of_entitlement: dt.date = attrs.field(converter=_first_date_of_entitlement)

    @property
    def anchor_day(self) -> int:
        """Day of the month the claim started on (1 to 31)."""
        return self.first_date_of_entitlement.day

    def start_in_month(self, year: int, month: int) -> dt.date:
        """The day an assessment period of this cycle begins in the given month."""
        return _assessment_period_start(self.anchor_day, year, month)

    def period_containing(self, day: dt.date) -> DateRange:
        """The assessment period containing ``day`` (which may precede the claim)."""
        return assessment_period_containing(self.first_date_of_entitlement.day, day)


@attrs.frozen(order=True)
class TaxYear(Record):
    """A UK tax year, 6 April of ``start_year`` to 5 April of the next year.

    >>> TaxYear(2026).range
    DateRange(start=datetime.date(2026, 4, 6), end=datetime.date(2027, 4, 5))
    >>> str(TaxYear(2025))
    '2025/26'
    """

    start_year: int

    @classmethod
    def containing(cls, day: dt.date) -> TaxYear:
        """The tax year a day falls in.

        ``day`` must be a date: a text such as ``"2026-12-06"`` is refused, not guessed at
        (read it first with :func:`to_date`).

        >>> TaxYear.containing("2026-12-06")
        Traceback (most recent call last):
        ...
        participatory.core.errors.ValidationError: day: must be a date, not str
        """
        if not isinstance(day, dt.date):
            raise ValidationError("day", f"must be a date, not {type(day).__name__}")
        year = day.year if (day.month, day.day) >= (4, 6) else day.year - 1
        return cls(year)

    @property
    def range(self) -> DateRange:
        """The days of the tax year."""
        try:
            return DateRange(dt.date(self.start_year, 4, 6), dt.date(self.start_year + 1, 4, 5))
        except (OverflowError, ValueError):
            raise _beyond_calendar() from None

    def __str__(self) -> str:
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    def __repr__(self) -> str:
        return f"TaxYear({self.start_year})"


@attrs.frozen
class TaxYearCalendar(Record, _SplitsRanges):
    """Splits ranges into UK tax years.

    >>> [str(r) for r in TaxYearCalendar().split(DateRange("2026-03-01", "2026-05-01"))]
    ['2026-03-01..2026-04-05', '2026-04-06..2026-05-01']
    """

    def period_containing(self, day: dt.date) -> DateRange:
        """The tax year containing ``day``, as a date range."""
        return TaxYear.containing(day).range


def weekly_to_monthly(weekly: Decimal) -> Decimal:
    """Convert a weekly figure to a monthly one the way Universal Credit does: × 52 ÷ 12.

    The result is exact to the Decimal context's precision and *not* rounded: rounding is a
    separate rule step with its own citation.

    >>> weekly_to_monthly(Decimal("120"))
    Decimal('520')
    """
    if isinstance(weekly, bool) or not isinstance(weekly, Decimal | int):
        raise ValidationError("weekly", "must be a Decimal amount")
    return exact.divide(exact.multiply(Decimal(weekly), Decimal(52)), Decimal(12))
