"""Totals per contributor per period: benefit weeks, UC assessment periods, tax years.

Benefits and tax look at what a person received in a period, not at single payments. A
payment falls in the period containing the day it is received (paid, or due if not yet
paid). Each :class:`PeriodTotal` keeps payments for time and expenses apart, so the
benefits engine and tax can treat them differently. Totals over any calendar add up
exactly to the plan's total.

>>> import datetime as dt
>>> from participatory.core.money import Money
>>> from participatory.payments.plans import Payment, PaymentKind, PaymentPlan
>>> plan = PaymentPlan("Threads", (
...     Payment("p1", "amira", PaymentKind.FEE, Money.gbp(90), due_on=dt.date(2026, 4, 5)),
...     Payment("p2", "amira", PaymentKind.FEE, Money.gbp(90), due_on=dt.date(2026, 4, 6)),
... ))
>>> [(str(t.period), t.for_time) for t in tax_year_totals(plan.payments)]
[('2025-04-06..2026-04-05', Money('90', 'GBP')), ('2026-04-06..2027-04-05', Money('90', 'GBP'))]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.money import Money
from participatory.core.periods import (
    AssessmentPeriodCycle,
    BenefitWeekCycle,
    DateRange,
    PeriodCalendar,
    TaxYearCalendar,
)
from participatory.core.record import Record
from participatory.payments.plans import KindCost, Payment, PaymentKind

__all__ = [
    "PeriodTotal",
    "assessment_period_totals",
    "period_totals",
    "tax_year_totals",
    "weekly_totals",
]


@attrs.frozen
class PeriodTotal(Record):
    """What one contributor receives in one period, payments for time and expenses apart."""

    contributor: str
    period: DateRange
    for_time: Money
    expenses: Money
    #: Fees declined in the period (nothing is paid; shown for the benefits engine).
    declined: Money
    by_kind: tuple[KindCost, ...]

    @property
    def total(self) -> Money:
        """Everything received in the period: payments for time plus expenses."""
        return self.for_time + self.expenses


@computes_exactly
def period_totals(
    payments: Iterable[Payment], calendar: PeriodCalendar, *, currency: str = "GBP"
) -> tuple[PeriodTotal, ...]:
    """Totals per contributor per period of ``calendar``, sorted by contributor and period.

    Only periods with a payment appear.
    """
    if isinstance(payments, str | bytes) or not isinstance(payments, Iterable):
        raise ValidationError("payments", "must be a list of payments")
    payments = list(payments)
    if not all(isinstance(p, Payment) for p in payments):
        raise ValidationError("payments", "must be a list of payments")
    zero = Money.zero(currency)
    groups: dict[tuple[str, DateRange], dict[PaymentKind, Money]] = {}
    period_of: dict[dt.date, DateRange] = {}
    for payment in payments:
        day = payment.received_on
        period = period_of.get(day)
        if period is None:
            period = period_of[day] = calendar.period_containing(day)
        kinds = groups.setdefault((payment.contributor, period), {})
        kinds[payment.kind] = kinds.get(payment.kind, zero) + payment.amount
    result = []
    for (contributor, period), kinds in sorted(
        groups.items(), key=lambda item: (item[0][0], item[0][1].start)
    ):
        result.append(
            PeriodTotal(
                contributor=contributor,
                period=period,
                for_time=Money.total(
                    (amount for kind, amount in kinds.items() if kind.is_for_time), currency
                ),
                expenses=Money.total(
                    (amount for kind, amount in kinds.items() if kind.is_expense), currency
                ),
                declined=kinds.get(PaymentKind.DECLINED, zero),
                by_kind=tuple(KindCost(k, kinds[k]) for k in PaymentKind if k in kinds),
            )
        )
    return tuple(result)


def weekly_totals(
    payments: Iterable[Payment], start_weekday: int = 0, *, currency: str = "GBP"
) -> tuple[PeriodTotal, ...]:
    """Totals per benefit week starting on ``start_weekday`` (0 = Monday)."""
    return period_totals(payments, BenefitWeekCycle(start_weekday), currency=currency)


def assessment_period_totals(
    payments: Iterable[Payment], first_date_of_entitlement: dt.date, *, currency: str = "GBP"
) -> tuple[PeriodTotal, ...]:
    """Totals per Universal Credit assessment period of a claim starting on the given day."""
    return period_totals(
        payments, AssessmentPeriodCycle(first_date_of_entitlement), currency=currency
    )


def tax_year_totals(
    payments: Iterable[Payment], *, currency: str = "GBP"
) -> tuple[PeriodTotal, ...]:
    """Totals per UK tax year (6 April to 5 April)."""
    return period_totals(payments, TaxYearCalendar(), currency=currency)
