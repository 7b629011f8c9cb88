"""Class 1 National Insurance on the earnings of one earnings period (category A).

National Insurance is not cumulative for an ordinary employee: each payment's earnings are
tested against the limits of its **earnings period** (NIM08001; SI 2001/1004 regs. 2-8). A
monthly payroll tests a month's pay against the monthly limits; a one-off fee with no
regular interval has an earnings period of "a week, whichever is the longer" (reg. 4(a)),
so a £500 session fee meets the *weekly* primary threshold of £242 and bears £20.64, where
the same £500 in a monthly payroll bears nothing.

- Employee (primary): nothing up to the primary threshold; the main percentage (8%) from
  there to the upper earnings limit; the additional percentage (2%) above it. Earnings at
  or above the lower earnings limit count for the NI record even where nothing is due.
- Employer (secondary): the secondary percentage on earnings above the secondary
  threshold, with no upper limit. A cost to the payer, never taken from the contributor.
- Exact percentage method, employee and employer rounded separately to the nearest penny
  (NIM11002). At exactly half a penny HMRC's manual ("amounts of less than £0.005 are
  disregarded") and ICB's reading of reg. 12(1) ("a halfpenny or less shall be
  disregarded") differ: the engine disregards the halfpenny, the regulation's words, and
  says so in a finding.

>>> import datetime as dt
>>> from participatory.core.money import Money
>>> week = assess_class1(Money.gbp(500), period=EarningsPeriod.WEEK, as_at=dt.date(2025, 6, 1))
>>> week.employee, week.employer
(Money('20.64', 'GBP'), Money('60.60', 'GBP'))
>>> assess_class1(Money.gbp(500), period=EarningsPeriod.MONTH, as_at=dt.date(2025, 6, 1)).employee
Money('0.00', 'GBP')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_HALF_DOWN, Decimal
from typing import Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.explain import Explained, Finding, Severity
from participatory.core.money import Money
from participatory.core.params import ParameterSet
from participatory.core.periods import to_date
from participatory.core.record import Record
from participatory.tax.rates import (
    Class1Thresholds,
    EarningsPeriod,
    as_percent,
    class1_thresholds,
    pence,
)
from participatory.tax.sources import _cite

__all__ = [
    "Class1Contributions",
    "Class1Figures",
    "assess_class1",
    "class1_figures",
    "class1_findings",
]

_PENNY: Final = Decimal("0.01")
_HALF_PENNY: Final = Decimal("0.005")
_ZERO: Final = Decimal(0)

MESSAGES: Final[Mapping[str, str]] = {
    "tax.ni.employee": (
        "Employee National Insurance for an earnings period of a {period}: earnings of "
        "{earnings} against the primary threshold of {primary_threshold} and the upper "
        "earnings limit of {upper_earnings_limit} give {employee} (main rate {main_rate} "
        "on {main_part}, additional rate {additional_rate} on {additional_part})."
    ),
    "tax.ni.none_due": (
        "No employee National Insurance: earnings of {earnings} are not above the primary "
        "threshold of {primary_threshold} for an earnings period of a {period}."
    ),
    "tax.ni.employer": (
        "Employer National Insurance (a cost to the payer, not deducted from the "
        "contributor): {secondary_rate} of the earnings above the secondary threshold of "
        "{secondary_threshold} = {employer}."
    ),
    "tax.ni.record_counts": (
        "Earnings of {earnings} are at or above the lower earnings limit of "
        "{lower_earnings_limit}: this {period} counts towards the contributor's National "
        "Insurance record."
    ),
    "tax.ni.record_not_counted": (
        "Earnings of {earnings} are below the lower earnings limit of "
        "{lower_earnings_limit}: this {period} does not count towards the contributor's "
        "National Insurance record."
    ),
    "tax.ni.halfpenny": (
        "The exact {side} contribution, {exact}, ends in half a penny: the engine "
        "disregards it, as the regulation's words quoted by ICB say; HMRC's manual says only "
        "amounts under half a penny are disregarded, which would give {alternative}."
    ),
}


@attrs.frozen
class Class1Figures(Record):
    """The arithmetic of Class 1 on one earnings period's earnings (plain numbers)."""

    earnings: Decimal
    thresholds: Class1Thresholds
    main_part: Decimal
    additional_part: Decimal
    employee_exact: Decimal
    employee: Decimal
    employer_exact: Decimal
    employer: Decimal

    @property
    def counts_for_record(self) -> bool:
        """Whether the earnings reach the lower earnings limit (a qualifying period)."""
        return self.earnings >= self.thresholds.lower_earnings_limit


def _round(exact: Decimal) -> Decimal:
    return exact.quantize(_PENNY, rounding=ROUND_HALF_DOWN)


def _is_halfpenny(exact: Decimal) -> bool:
    return (exact % _PENNY) == _HALF_PENNY


@computes_exactly
def class1_figures(earnings: Decimal, thresholds: Class1Thresholds) -> Class1Figures:
    """Employee and employer Class 1 on ``earnings`` of one earnings period."""
    pt = thresholds.primary_threshold
    uel = thresholds.upper_earnings_limit
    main_part = max(_ZERO, min(earnings, uel) - pt)
    additional_part = max(_ZERO, earnings - max(uel, pt))
    employee_exact = main_part * thresholds.main_rate + additional_part * thresholds.additional_rate
    employer_exact = max(_ZERO, earnings - thresholds.secondary_threshold) * (
        thresholds.secondary_rate
    )
    return Class1Figures(
        earnings=earnings,
        thresholds=thresholds,
        main_part=main_part,
        additional_part=additional_part,
        employee_exact=employee_exact,
        employee=_round(employee_exact),
        employer_exact=employer_exact,
        employer=_round(employer_exact),
    )


def class1_findings(figures: Class1Figures, subject: str | None = None) -> tuple[Finding, ...]:
    """The findings that explain ``figures`` (employee, employer, NI record, rounding)."""
    t = figures.thresholds
    period = t.label
    gbp = pence
    rounding = (_cite("hmrc_nim#nim11002"), _cite("icb_nic_rounding#halfpenny"))
    period_citations = (_cite("hmrc_nim#nim08001"),)
    employee_values = {
        "period": period,
        "earnings": gbp(figures.earnings),
        "primary_threshold": gbp(t.primary_threshold),
        "upper_earnings_limit": gbp(t.upper_earnings_limit),
        "employee": gbp(figures.employee),
        "main_rate": as_percent(t.main_rate),
        "main_part": gbp(figures.main_part),
        "additional_rate": as_percent(t.additional_rate),
        "additional_part": gbp(figures.additional_part),
    }
    primary_uses = tuple(
        use for use in t.uses if ".primary" in use.name or ".upper_earnings_limit." in use.name
    )
    found = [
        Finding(
            "TAX-NI-EMPLOYEE",
            Severity.INFO,
            "tax.ni.employee" if figures.employee > 0 else "tax.ni.none_due",
            employee_values,
            citations=(*period_citations, rounding[0]),
            parameters=primary_uses,
            subject=subject,
        ),
        Finding(
            "TAX-NI-EMPLOYER",
            Severity.INFO,
            "tax.ni.employer",
            {
                "secondary_rate": as_percent(t.secondary_rate),
                "secondary_threshold": gbp(t.secondary_threshold),
                "employer": gbp(figures.employer),
            },
            citations=(*period_citations, rounding[0]),
            parameters=tuple(use for use in t.uses if ".secondary" in use.name),
            subject=subject,
        ),
        Finding(
            "TAX-NI-RECORD",
            Severity.INFO,
            "tax.ni.record_counts" if figures.counts_for_record else "tax.ni.record_not_counted",
            {
                "earnings": gbp(figures.earnings),
                "lower_earnings_limit": gbp(t.lower_earnings_limit),
                "period": period,
            },
            citations=(_cite("gov_uk_ni_rates_2025_26#cat_a"),),
            parameters=tuple(use for use in t.uses if ".lower_earnings_limit." in use.name),
            subject=subject,
        ),
    ]
    for side, exact, rounded in (
        ("employee", figures.employee_exact, figures.employee),
        ("employer", figures.employer_exact, figures.employer),
    ):
        if _is_halfpenny(exact):
            found.append(
                Finding(
                    "TAX-NI-HALFPENNY",
                    Severity.ADVICE,
                    "tax.ni.halfpenny",
                    {
                        "side": side,
                        "exact": Money.gbp(exact),
                        "alternative": gbp(rounded + _PENNY),
                    },
                    citations=rounding,
                    subject=subject,
                )
            )
    return tuple(found)


@attrs.frozen
class Class1Contributions(Explained):
    """Class 1 National Insurance on one earnings period's earnings, explained.

    ``employee`` is deducted from the pay; ``employer`` is the payer's own cost.
    """

    earnings: Money
    period: EarningsPeriod
    employee: Money
    employer: Money
    #: Whether the period counts towards the National Insurance record (earnings ≥ LEL).
    counts_for_record: bool


def _earnings(value: object) -> Decimal:
    money = value if isinstance(value, Money) else Money.gbp(value)  # type: ignore[arg-type]
    if money.currency != "GBP":
        raise ValidationError("earnings", "must be in pounds sterling (GBP)")
    if money.is_negative():
        raise ValidationError("earnings", "must not be negative")
    if not money.is_whole_minor_units():
        raise ValidationError("earnings", "must be a whole number of pence")
    return money.amount


@computes_exactly
def assess_class1(
    earnings: Money,
    *,
    period: EarningsPeriod,
    as_at: dt.date,
    parameters: ParameterSet | None = None,
    subject: str | None = None,
) -> Class1Contributions:
    """Class 1 employee and employer National Insurance on one earnings period's earnings.

    ``as_at`` is the day the earnings are paid (the tax year's limits apply).
    """
    amount = _earnings(earnings)
    day = to_date(as_at, "as_at")
    if not isinstance(period, EarningsPeriod):
        raise ValidationError("period", "must be an EarningsPeriod (week, month or year)")
    figures = class1_figures(amount, class1_thresholds(period, day, parameters))
    return Class1Contributions(
        earnings=pence(amount),
        period=period,
        employee=pence(figures.employee),
        employer=pence(figures.employer),
        counts_for_record=figures.counts_for_record,
        findings=class1_findings(figures, subject),
    )
