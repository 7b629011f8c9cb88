"""A fee paid through payroll: the income tax and National Insurance on it, and the net pay.

:func:`assess_payroll` takes one :class:`PayrollPayment` (gross pay, the day it is paid,
how often the payroll pays this person, the tax code) and returns
:class:`PayrollDeductions`: PAYE income tax for the tax period (:mod:`.paye`), employee
Class 1 National Insurance for the earnings period (:mod:`.national_insurance`), employer
National Insurance as a separate cost, and

    net = gross − income tax − employee National Insurance,

the employed earnings Universal Credit counts for the assessment period in which HMRC
passes the payment on (UC Regulations 2013 reg. 55(5): "there are to be deducted ... any
amounts paid ... by way of income tax or primary Class 1 contributions"; reg. 61).

Worked examples from HMRC's thresholds (2025/26, England):

>>> import datetime as dt
>>> from participatory.core.money import Money
>>> monthly = assess_payroll(PayrollPayment(Money.gbp(500), dt.date(2025, 6, 27),
...                                         PayFrequency.MONTHLY, "1257L M1"))
>>> monthly.income_tax, monthly.employee_ni, monthly.net
(Money('0.00', 'GBP'), Money('0.00', 'GBP'), Money('500.00', 'GBP'))
>>> once = assess_payroll(PayrollPayment(Money.gbp(500), dt.date(2025, 6, 27),
...                                      PayFrequency.ONE_OFF, "0T M1"))
>>> once.income_tax, once.employee_ni, once.employer_ni, once.net
(Money('100.00', 'GBP'), Money('20.64', 'GBP'), Money('60.60', 'GBP'), Money('379.36', 'GBP'))
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Final

import attrs

from participatory.core.errors import UnsupportedCase, ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.explain import Explained, Finding
from participatory.core.money import Money
from participatory.core.params import ParameterSet, bundled_parameters
from participatory.core.periods import TaxYear, to_date
from participatory.core.record import Record
from participatory.tax.codes import CodeBasis, CodeKind, TaxCode, to_tax_code
from participatory.tax.national_insurance import class1_figures, class1_findings
from participatory.tax.pay_periods import PayeTable, PayFrequency, tax_month, tax_week
from participatory.tax.paye import PayeCalculation, calculate_paye
from participatory.tax.payslip import (
    aggregation_finding,
    basis_findings,
    net_findings,
    ni_period_finding,
    regime_finding,
    tax_findings,
    total_findings,
)
from participatory.tax.rates import (
    EarningsPeriod,
    class1_thresholds,
    class1_thresholds_for_weeks,
    income_tax_schedule,
    pence,
)

__all__ = ["PayToDate", "PayrollDeductions", "PayrollPayment", "assess_payroll"]


_ZERO: Final = Decimal(0)
_PAYE_CITES: Final = ("hmrc_paye_manual#paye70025", "hmrc_tables_b_to_d_2020#round_down")


def _gross(value: Money | Decimal | int | str) -> Money:
    money = value if isinstance(value, Money) else Money.gbp(value)
    if money.currency != "GBP":
        raise ValidationError("gross", "must be in pounds sterling (GBP)")
    if money.is_negative():
        raise ValidationError("gross", "must not be negative", hint="record a refund separately")
    if not money.is_whole_minor_units():
        raise ValidationError("gross", "must be a whole number of pence")
    return money


def _to_date_amount(value: object, path: str) -> Money:
    money = value if isinstance(value, Money) else Money.gbp(value)  # type: ignore[arg-type]
    if money.currency != "GBP" or not money.is_whole_minor_units():
        raise ValidationError(path, "must be pounds sterling in whole pence")
    return money


def _pay_so_far(value: Money | Decimal | int | str) -> Money:
    return _to_date_amount(value, "pay_to_date.pay")


def _tax_so_far(value: Money | Decimal | int | str) -> Money:
    return _to_date_amount(value, "pay_to_date.tax")


@attrs.frozen
class PayToDate(Record):
    """Pay and tax in this employment earlier in the tax year (before this payment).

    Needed only for a cumulative code; from the payroll's records or a P45.
    """

    pay: Money = attrs.field(converter=_pay_so_far)
    tax: Money = attrs.field(converter=_tax_so_far)

    def __attrs_post_init__(self) -> None:
        if self.pay.is_negative():
            raise ValidationError("pay_to_date.pay", "must not be negative")


def _frequency(value: PayFrequency | str) -> PayFrequency:
    try:
        return PayFrequency(value)
    except ValueError:
        allowed = ", ".join(repr(f.value) for f in PayFrequency)
        raise ValidationError("frequency", f"must be one of {allowed}") from None


def _paye_table(value: PayeTable | str | None) -> PayeTable | None:
    if value is None:
        return None
    try:
        return PayeTable(value)
    except ValueError:
        raise ValidationError("paye_table", "must be 'week' or 'month'") from None


def _earnings_period(value: object) -> EarningsPeriod | None:
    if value is None:
        return None
    try:
        return EarningsPeriod(value)
    except ValueError:
        raise ValidationError("earnings_period", "must be 'week', 'month' or 'year'") from None


def _earlier_in_period(value: object) -> Money | None:
    if value is None:
        return None
    money = value if isinstance(value, Money) else Money.gbp(value)  # type: ignore[arg-type]
    if money.currency != "GBP" or not money.is_whole_minor_units():
        raise ValidationError("earlier_in_period", "must be pounds sterling in whole pence")
    if money.is_negative():
        raise ValidationError("earlier_in_period", "must not be negative")
    return money


def _paid_on(value: dt.date | str) -> dt.date:
    return to_date(value, "paid_on")


_DEFAULT_TABLE: Final = {
    PayFrequency.WEEKLY: PayeTable.WEEK,
    PayFrequency.FORTNIGHTLY: PayeTable.WEEK,
    PayFrequency.FOUR_WEEKLY: PayeTable.WEEK,
    PayFrequency.MONTHLY: PayeTable.MONTH,
    PayFrequency.ONE_OFF: PayeTable.MONTH,
}


@attrs.frozen
class PayrollPayment(Record):
    """One payment through the payer's payroll (PAYE).

    ``paye_table`` chooses week 1 or month 1 for a one-off payment (HMRC allows either;
    month 1 unless given); for regular pay it follows the frequency. ``earnings_period``
    may say MONTH for a one-off payment that is the only payment of a *monthly* payroll
    (NIM08300); otherwise it follows the frequency (a one-off payment: a week,
    SI 2001/1004 reg. 4(a)).

    ``fixed_period_weeks`` is, for a one-off fee for services over a fixed period longer
    than a week (a 13-week lay role paid once), the length of that period in weeks: the
    earnings period is then the fixed period (reg. 4(a); NIM08100's "8 weeks" example),
    its thresholds the yearly ones ÷ 52 × weeks, rounded up to a pound (NIM01206).

    ``earlier_in_period`` is, for a one-off payment, the earnings the same payer already
    paid the contributor in the same tax week (its earnings period): two payments of
    earnings in one tax week "fall to be aggregated" (NIM08100; NIM10000), so National
    Insurance is worked on their total and this payment bears the total's NI less what the
    earlier payments bore. :func:`~participatory.tax.summary.tax_year_summary` fills it in
    from the payer's other payments; a caller assessing one payment alone must give it.

    >>> import datetime as dt
    >>> p = PayrollPayment("250.00", dt.date(2026, 1, 9), "weekly", "S1257L W1")
    >>> p.gross, p.paye_table, p.tax_period, str(p.tax_year)
    (Money('250.00', 'GBP'), <PayeTable.WEEK: 'week'>, 40, '2025/26')
    """

    gross: Money = attrs.field(converter=_gross)
    paid_on: dt.date = attrs.field(converter=_paid_on)
    frequency: PayFrequency = attrs.field(converter=_frequency)
    tax_code: TaxCode = attrs.field(converter=to_tax_code)
    pay_to_date: PayToDate | None = attrs.field(default=None, kw_only=True)
    paye_table: PayeTable = attrs.field(default=None, converter=_paye_table, kw_only=True)
    earnings_period: EarningsPeriod | None = attrs.field(
        default=None, converter=_earnings_period, kw_only=True
    )
    earlier_in_period: Money | None = attrs.field(
        default=None, converter=_earlier_in_period, kw_only=True
    )
    fixed_period_weeks: int | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        default = _DEFAULT_TABLE[self.frequency]
        if self.paye_table is None:
            object.__setattr__(self, "paye_table", default)
        elif self.frequency is not PayFrequency.ONE_OFF and self.paye_table is not default:
            raise ValidationError(
                "paye_table", f"must be {default.value!r} for {self.frequency.value} pay"
            )
        if self.pay_to_date is not None and not isinstance(self.pay_to_date, PayToDate):
            raise ValidationError("pay_to_date", "must be a PayToDate or None")
        if self.earnings_period is not None:
            allowed = {self.frequency.earnings_period}
            if self.frequency is PayFrequency.ONE_OFF:
                allowed.add(EarningsPeriod.MONTH)
            if self.earnings_period not in allowed:
                raise ValidationError(
                    "earnings_period",
                    f"cannot be a {self.earnings_period.value} for {self.frequency.value} pay",
                )

        if self.earlier_in_period is not None and (
            self.frequency is not PayFrequency.ONE_OFF
            or self.earnings_period not in (None, EarningsPeriod.WEEK)
        ):
            raise ValidationError(
                "earlier_in_period",
                "is only for a one-off payment with an earnings period of a week (NIM08100); "
                "regular pay in one period is worked separately (NIM08070)",
            )

        weeks = self.fixed_period_weeks
        if weeks is not None:
            if isinstance(weeks, bool) or not isinstance(weeks, int) or weeks < 1:
                raise ValidationError("fixed_period_weeks", "must be a whole number of weeks")
            if self.frequency is not PayFrequency.ONE_OFF or self.earnings_period not in (
                None,
                EarningsPeriod.WEEK,
            ):
                raise ValidationError(
                    "fixed_period_weeks",
                    "is only for a one-off fee for a fixed period (SI 2001/1004 reg. 4(a))",
                )
            if self.earlier_in_period is not None:
                raise ValidationError(
                    "fixed_period_weeks", "cannot be given with earlier_in_period"
                )

    @property
    def tax_year(self) -> TaxYear:
        """The tax year of the pay day."""
        return TaxYear.containing(self.paid_on)

    @property
    def tax_period(self) -> int:
        """The tax week or tax month (by ``paye_table``) of the pay day."""
        if self.paye_table is PayeTable.WEEK:
            return tax_week(self.paid_on)
        return tax_month(self.paid_on)

    @property
    def ni_period(self) -> EarningsPeriod | None:
        """The National Insurance earnings period (``None`` where not settled)."""
        return self.earnings_period or self.frequency.earnings_period


@attrs.frozen
class PayrollDeductions(Explained):
    """The tax and National Insurance on one payroll payment, and the net pay, explained."""

    payment: PayrollPayment
    #: PAYE income tax on this payment (negative: a refund on a cumulative code).
    income_tax: Money
    #: Employee (primary) Class 1 National Insurance, deducted from the pay.
    employee_ni: Money
    #: Employer (secondary) Class 1 National Insurance: the payer's cost, not deducted.
    employer_ni: Money
    #: Gross less income tax and employee NI: what UC counts (UC Regs 2013 reg. 55(5)).
    net: Money
    #: Taxable pay to date (whole pounds) and free pay to date, from the PAYE calculation.
    taxable_pay: Money
    free_pay: Money
    earnings_period: EarningsPeriod
    #: Whether the earnings period counts towards the NI record (earnings ≥ the LEL).
    counts_for_ni_record: bool
    calculation: PayeCalculation = attrs.field(eq=False, repr=False)
    #: The earnings period's length in weeks when it is a fixed period of several weeks
    #: (``earnings_period`` is then WEEK); 1 otherwise.
    earnings_period_weeks: int = 1

    @property
    def gross(self) -> Money:
        """The gross pay."""
        return self.payment.gross

    @property
    def deductions(self) -> Money:
        """Income tax plus employee National Insurance."""
        return self.income_tax + self.employee_ni


def _ni_period(payment: PayrollPayment) -> EarningsPeriod:
    period = payment.ni_period
    if period is None:
        raise UnsupportedCase(
            f"National Insurance on {payment.frequency.value} pay",
            instead="the thresholds of a two- or four-week earnings period are not in the "
            "sources read: assess each payment with the payroll provider, or as weekly pay "
            "if it is paid weekly",
        )
    return period


@computes_exactly
def assess_payroll(
    payment: PayrollPayment,
    *,
    parameters: ParameterSet | None = None,
    subject: str | None = None,
) -> PayrollDeductions:
    """Income tax, employee and employer National Insurance and net pay for one payment.

    Figures are those of the tax year of ``payment.paid_on``. Raises
    :class:`~participatory.core.errors.ParametersNotAvailable` for a pay day the data does
    not cover, and :class:`~participatory.core.errors.UnsupportedCase` for what the
    sources read do not settle (fortnightly and four-weekly earnings periods, cumulative
    week 53, a code number that is a multiple of 500, a fraction of a penny under a
    flat-rate code). ``subject`` (a contributor id) is put on every finding.
    """
    if not isinstance(payment, PayrollPayment):
        raise ValidationError("payment", "must be a PayrollPayment")
    params = parameters if parameters is not None else bundled_parameters()
    day = payment.paid_on
    code = payment.tax_code
    table = payment.paye_table
    ni_period = _ni_period(payment)
    schedule = income_tax_schedule(code.regime, day, params)
    cumulative = code.cumulative and payment.frequency is not PayFrequency.ONE_OFF
    period = payment.tax_period
    if cumulative and code.kind not in (CodeKind.FLAT_RATE, CodeKind.NO_TAX) and period == 53:
        raise UnsupportedCase(
            "cumulative PAYE in tax week 53",
            instead="HMRC's week 53 rule was not in the sources read: ask the payroll provider",
        )
    period_code = code
    if code.cumulative and not cumulative:
        # A one-off payment is taxed on the week 1/month 1 basis (GOV.UK), whatever the code.
        period_code = code.non_cumulative(
            CodeBasis.WEEK_1 if table is PayeTable.WEEK else CodeBasis.MONTH_1
        )
    previous = payment.pay_to_date
    regulatory = (
        Decimal(str(params.use("paye.regulatory_limit", day).value))
        if code.kind is CodeKind.K
        else None
    )
    calc = calculate_paye(
        period_code,
        payment.gross.amount,
        table=table,
        period=period,
        schedule=schedule,
        previous_pay=previous.pay.amount if previous and cumulative else _ZERO,
        previous_tax=previous.tax.amount if previous and cumulative else _ZERO,
        regulatory_limit=regulatory,
    )
    weeks = payment.fixed_period_weeks or 1
    thresholds = (
        class1_thresholds_for_weeks(weeks, day, params)
        if weeks > 1
        else class1_thresholds(ni_period, day, params)
    )
    earlier = payment.earlier_in_period
    aggregated: tuple[Finding, ...] = ()
    if earlier is None or earlier.is_zero():
        ni = class1_figures(payment.gross.amount, thresholds)
        period_ni = ni
    else:
        # NIM08100: payments in one tax week are aggregated (NIM10000): NI on the total,
        # less the NI the earlier payments bore, so the payments' NI adds up to the total's.
        period_ni = class1_figures(earlier.amount + payment.gross.amount, thresholds)
        before = class1_figures(earlier.amount, thresholds)
        ni = attrs.evolve(
            period_ni,
            employee=period_ni.employee - before.employee,
            employer=period_ni.employer - before.employer,
        )
        aggregated = (aggregation_finding(payment, period_ni, before, ni, subject),)
    tax = pence(calc.tax)
    employee = pence(ni.employee)
    net = payment.gross - tax - employee
    findings = (
        regime_finding(code, subject),
        *basis_findings(payment, calc, day, params, subject),
        *tax_findings(payment, calc, schedule, subject),
        *total_findings(payment, calc, params, subject),
        ni_period_finding(payment, ni_period, subject, weeks=weeks),
        *class1_findings(period_ni, subject),
        *aggregated,
        *net_findings(payment, calc, ni, net, subject),
    )
    return PayrollDeductions(
        payment=payment,
        income_tax=tax,
        employee_ni=employee,
        employer_ni=pence(ni.employer),
        net=net,
        taxable_pay=pence(calc.taxable_pay_to_date),
        free_pay=pence(calc.free_pay_to_date),
        earnings_period=ni_period,
        counts_for_ni_record=period_ni.counts_for_record,
        earnings_period_weeks=weeks,
        calculation=calc,
        findings=findings,
    )
