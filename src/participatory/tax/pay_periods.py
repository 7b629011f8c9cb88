"""How often someone is paid, and which tax week or tax month a pay day falls in.

PAYE counts tax weeks and tax months from 6 April: tax month 1 runs 6 April to 5 May, tax
week 1 is 6 to 12 April, and the year's last one or two days make a week 53. Cumulative
PAYE gives free pay and band limits "to date" by the period's number (PAYE70025).

>>> import datetime as dt
>>> tax_month(dt.date(2025, 5, 5)), tax_month(dt.date(2025, 5, 6)), tax_month(dt.date(2026, 4, 5))
(1, 2, 12)
>>> tax_week(dt.date(2025, 4, 12)), tax_week(dt.date(2025, 4, 13)), tax_week(dt.date(2026, 4, 5))
(1, 2, 53)
"""

from __future__ import annotations

import datetime as dt
import enum

from participatory.core.errors import ValidationError
from participatory.core.periods import TaxYear
from participatory.tax.rates import EarningsPeriod

__all__ = ["PayFrequency", "PayeTable", "tax_month", "tax_week"]


class PayFrequency(enum.Enum):
    """How often the payer's payroll pays this person."""

    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    FOUR_WEEKLY = "four_weekly"
    MONTHLY = "monthly"
    #: Paid once, or at no regular interval: "IO" in the FPS pay frequency field (GOV.UK).
    ONE_OFF = "one_off"

    @property
    def earnings_period(self) -> EarningsPeriod | None:
        """The National Insurance earnings period, where the sources read settle it.

        Weekly and monthly pay: the interval (SI 2001/1004 reg. 3(1)). A one-off payment
        for work of a week or less: a week (reg. 4(a)). Fortnightly and four-weekly pay
        have earnings periods of two and four weeks, whose thresholds the sources read do
        not give: ``None``.
        """
        return _EARNINGS_PERIODS.get(self)


_EARNINGS_PERIODS = {
    PayFrequency.WEEKLY: EarningsPeriod.WEEK,
    PayFrequency.MONTHLY: EarningsPeriod.MONTH,
    PayFrequency.ONE_OFF: EarningsPeriod.WEEK,
}


class PayeTable(enum.Enum):
    """The PAYE tables a payment is worked out on: weekly (52 a year) or monthly (12)."""

    WEEK = "week"
    MONTH = "month"

    @property
    def periods_in_year(self) -> int:
        """52 or 12: the divisor of the annual allowance and band limits."""
        return 52 if self is PayeTable.WEEK else 12


def _day(value: object) -> dt.date:
    # A pay day is a day: a moment's day depends on its time zone (read it first with
    # participatory.core.periods.to_date), and a text is not guessed at.
    if isinstance(value, dt.datetime):
        raise ValidationError(
            "day", "must be a date, not a datetime", hint="pass the pay day, e.g. moment.date()"
        )
    if not isinstance(value, dt.date):
        raise ValidationError("day", f"must be a date, not {type(value).__name__}")
    return value


def tax_month(day: dt.date) -> int:
    """The tax month (1 to 12) of ``day``; tax month 1 is 6 April to 5 May.

    ``day`` is a :class:`datetime.date`; a datetime or a text is refused.

    >>> tax_month("2025-05-01")
    Traceback (most recent call last):
    ...
    participatory.core.errors.ValidationError: day: must be a date, not str
    """
    day = _day(day)
    months = (day.month - 4) % 12
    if day.day < 6:
        months = (months - 1) % 12
    return months + 1


def tax_week(day: dt.date) -> int:
    """The tax week (1 to 53) of ``day``; week 1 is 6 to 12 April.

    ``day`` is a :class:`datetime.date`: a datetime is refused, since its day depends on
    the time zone it is read in.
    """
    day = _day(day)
    start = TaxYear.containing(day).range.start
    return (day - start).days // 7 + 1
