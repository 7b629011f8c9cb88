"""One contributor's tax year, payer by payer: what was taxed, reported, and left to declare.

Principle 9 of the library: the person is the unit the law sees. The trading allowance is
tested on *all* of a contributor's invoiced fees and miscellaneous income in the year,
whoever paid them; payroll pay is taxed and reported by each payer. So the summary takes
every payment the contributor received in the year (:class:`PaymentRecord`) and says:

- **through payroll**, per payer: the gross, the tax and NI deducted, the net. The payer
  reported each payment to HMRC in a Full Payment Submission on or before the pay day
  (GOV.UK), and HMRC passes it to DWP for a Universal Credit claimant (UC Regs 2013 reg.
  61; DWP). A one-off payee gets a statement of pay before and after deductions, not a
  P45.
- **outside payroll** (invoices, fees paid directly, vouchers): the payer reports nothing
  in the sources read; the contributor declares it where the trading allowance does not
  cover it (:mod:`.trading`). NIHR: "Public contributors as individuals are responsible
  for their own tax affairs".
- **receipted expenses** are not income (NIHR).

>>> import datetime as dt
>>> from participatory.core.money import Money
>>> from participatory.tax.pay_periods import PayFrequency
>>> from participatory.tax.payroll import PayrollPayment
>>> records = [
...     PaymentRecord.through_payroll("Uni A", PayrollPayment(
...         Money.gbp(500), dt.date(2025, 6, 27), PayFrequency.ONE_OFF, "0T M1")),
...     PaymentRecord("Charity B", PaymentRoute.INVOICE, Money.gbp(700), dt.date(2025, 9, 1)),
...     PaymentRecord("Uni C", PaymentRoute.VOUCHER, Money.gbp(400), dt.date(2026, 1, 15)),
... ]
>>> year = tax_year_summary(records, tax_year=2025, as_at=dt.date(2026, 12, 6))
>>> [(p.payer, p.payroll_net, p.outside_payroll) for p in year.payers]
[('Charity B', Money('0.00', 'GBP'), Money('700.00', 'GBP')), ('Uni A', Money('379.36', 'GBP'), Money('0.00', 'GBP')), ('Uni C', Money('0.00', 'GBP'), Money('400.00', 'GBP'))]
>>> year.self_assessment_needed, year.trading.relevant_income
(True, Money('1100.00', 'GBP'))
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.explain import Explained, Finding, Severity
from participatory.core.money import Money
from participatory.core.params import ParameterSet
from participatory.core.periods import TaxYear, to_date
from participatory.core.record import Record
from participatory.tax.pay_periods import PayFrequency, tax_week
from participatory.tax.payroll import PayrollDeductions, PayrollPayment, assess_payroll
from participatory.tax.rates import EarningsPeriod, pence
from participatory.tax.sources import _cite
from participatory.tax.trading import TradingIncomeAssessment, assess_trading_income, tax_year_of
from participatory.tax.vouchers import Recipient, VoucherTreatment, assess_voucher

__all__ = [
    "PayerSummary",
    "PaymentRecord",
    "PaymentRoute",
    "TaxYearSummary",
    "tax_year_summary",
]

MESSAGES: Final[Mapping[str, object]] = {
    "tax.summary.payroll": {
        "by": "count",
        "one": (
            "{payer} paid {gross} through payroll in {year} ({count} payment): income tax "
            "{income_tax} and employee National Insurance {employee_ni} deducted, {net} net. "
            "The payer reported the payment to HMRC in real time (a Full Payment Submission), "
            "and HMRC passes it to DWP for anyone claiming Universal Credit."
        ),
        "other": (
            "{payer} paid {gross} through payroll in {year} ({count} payments): income tax "
            "{income_tax} and employee National Insurance {employee_ni} deducted, {net} net. "
            "The payer reported each payment to HMRC in real time (a Full Payment Submission), "
            "and HMRC passes it to DWP for anyone claiming Universal Credit."
        ),
    },
    "tax.summary.ni_aggregated": (
        "{payer} made {count} one-off payments in tax week {week}, {gross} in all: for "
        "National Insurance they are added together and worked on the week's total, "
        "employee {employee_ni} and employer {employer_ni}, not on each payment alone."
    ),
    "tax.summary.employer_cost": (
        "{payer} also pays employer National Insurance of {employer_ni} on this pay (its own cost)."
    ),
    "tax.summary.one_off_statement": (
        "{payer} paid the contributor once through payroll: it gives them a statement of pay "
        "before and after deductions and the payment date, not a P45."
    ),
    "tax.summary.outside_payroll": (
        "{payer} paid {amount} outside payroll in {year}. No source read has the payer report "
        "such payments to HMRC: the contributor declares them where the trading allowance "
        "does not cover them."
    ),
    "tax.summary.status": (
        "Whether a contributor paid outside payroll is self-employed or an employee depends "
        "on the relationship with the payer, not on how the payment is made: {payer} should "
        "have decided the contributor's employment status."
    ),
    "tax.summary.employer_voucher": (
        "{payer} both employs the contributor and gave vouchers worth {amount}: for an "
        "employee a voucher is a taxable benefit the payer must deal with; how (P11D, a PAYE "
        "Settlement Agreement, payroll) is not in the sources read."
    ),
    "tax.summary.expenses": (
        "Receipted expenses of {amount} from {payer} are not income and are left out."
    ),
    "tax.summary.declare_none": (
        "Outside payroll the contributor received {relevant} in {year}, within the trading "
        "allowance: nothing to declare for it."
    ),
    "tax.summary.declare": (
        "Outside payroll the contributor received {relevant} in {year}, over the trading "
        "allowance: they must declare it on a Self Assessment tax return."
    ),
    "tax.summary.payroll_provisional": (
        "Tax deducted through payroll ({income_tax} in all) may not be the year's final "
        "figure: week 1/month 1 and emergency codes are temporary, and the tax due for the "
        "year depends on all the contributor's income."
    ),
    "tax.summary.other_years": {
        "by": "count",
        "one": "{count} payment dated outside {year} was left out of this summary.",
        "other": "{count} payments dated outside {year} were left out of this summary.",
    },
}


class PaymentRoute(enum.Enum):
    """How a payment reached the contributor."""

    #: Through the payer's PAYE payroll (``PaymentRecord.payroll`` holds the details).
    PAYROLL = "payroll"
    #: A self-employed contributor's invoice: trading income.
    INVOICE = "invoice"
    #: A fee paid to a member of the public outside payroll and not invoiced: a reward for
    #: services, miscellaneous income unless it is trading (ITTOIA 2005 s. 687).
    DIRECT = "direct"
    #: A voucher or gift card given for the contribution.
    VOUCHER = "voucher"
    #: Out-of-pocket expenses refunded against receipts: not income.
    RECEIPTED_EXPENSES = "receipted_expenses"


def _payer(value: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("payer", "must name the payer")
    return value.strip()


def _route(value: PaymentRoute | str) -> PaymentRoute:
    try:
        return PaymentRoute(value)
    except ValueError:
        allowed = ", ".join(repr(r.value) for r in PaymentRoute)
        raise ValidationError("route", f"must be one of {allowed}") from None


def _amount(value: Money | Decimal | int | str) -> Money:
    money = value if isinstance(value, Money) else Money.gbp(value)
    if money.currency != "GBP" or money.is_negative() or not money.is_whole_minor_units():
        raise ValidationError("amount", "must be a non-negative amount in whole pence (GBP)")
    return money


def _paid_on(value: dt.date | str) -> dt.date:
    return to_date(value, "paid_on")


@attrs.frozen
class PaymentRecord(Record):
    """One payment a contributor received: who paid, how, how much (gross) and when.

    A payroll payment carries its :class:`~participatory.tax.payroll.PayrollPayment`
    (build it with :meth:`through_payroll`).
    """

    payer: str = attrs.field(converter=_payer)
    route: PaymentRoute = attrs.field(converter=_route)
    amount: Money = attrs.field(converter=_amount)
    paid_on: dt.date = attrs.field(converter=_paid_on)
    payroll: PayrollPayment | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.route is PaymentRoute.PAYROLL:
            if not isinstance(self.payroll, PayrollPayment):
                raise ValidationError("payroll", "a payroll payment needs its PayrollPayment")
            if (self.payroll.gross, self.payroll.paid_on) != (self.amount, self.paid_on):
                raise ValidationError(
                    "payroll", "must have the record's amount and date", hint="use through_payroll"
                )
        elif self.payroll is not None:
            raise ValidationError("payroll", "is only for payments through payroll")

    @classmethod
    def through_payroll(cls, payer: str, payment: PayrollPayment) -> PaymentRecord:
        """The record of a payroll payment."""
        return cls(payer, PaymentRoute.PAYROLL, payment.gross, payment.paid_on, payroll=payment)


@attrs.frozen
class PayerSummary(Record):
    """What one payer paid the contributor in the tax year, by route."""

    payer: str
    payroll_gross: Money
    income_tax: Money
    employee_ni: Money
    employer_ni: Money
    payroll_net: Money
    invoiced: Money
    paid_direct: Money
    vouchers: Money
    expenses: Money
    payroll_results: tuple[PayrollDeductions, ...] = attrs.field(eq=False, repr=False)

    @property
    def outside_payroll(self) -> Money:
        """Invoiced, direct and voucher payments (expenses excluded)."""
        return self.invoiced + self.paid_direct + self.vouchers


@attrs.frozen
class TaxYearSummary(Explained):
    """A contributor's tax year across every payer, explained."""

    tax_year: TaxYear
    payers: tuple[PayerSummary, ...]
    #: The trading allowance position of everything paid outside payroll (``None`` if
    #: nothing was).
    trading: TradingIncomeAssessment | None
    self_assessment_needed: bool

    @property
    def payroll_gross(self) -> Money:
        """Gross pay through every payroll."""
        return Money.total(p.payroll_gross for p in self.payers)

    @property
    def payroll_net(self) -> Money:
        """Net pay through every payroll."""
        return Money.total(p.payroll_net for p in self.payers)

    @property
    def income_tax(self) -> Money:
        """Income tax deducted through every payroll."""
        return Money.total(p.income_tax for p in self.payers)


def _records(items: Iterable[PaymentRecord]) -> tuple[PaymentRecord, ...]:
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        raise ValidationError("records", "must be a list of PaymentRecord")
    found = tuple(items)
    for index, item in enumerate(found):
        if not isinstance(item, PaymentRecord):
            raise ValidationError(f"records[{index}]", "must be a PaymentRecord")
    return found


def _total(records: Iterable[PaymentRecord], route: PaymentRoute) -> Money:
    return pence(sum((r.amount.amount for r in records if r.route is route), Decimal(0)))


def _same_week_key(payment: PayrollPayment) -> tuple[TaxYear, int] | None:
    """The tax week whose one-off payments are added together for NI (``None``: not one)."""
    if payment.frequency is not PayFrequency.ONE_OFF or payment.earlier_in_period is not None:
        return None
    if payment.fixed_period_weeks not in (None, 1):
        return None
    if payment.ni_period is not EarningsPeriod.WEEK:
        return None
    return payment.tax_year, tax_week(payment.paid_on)


def _aggregated(payments: list[PayrollPayment]) -> list[PayrollPayment]:
    """The payments, each one-off payment given the same payer's earlier pay in its week.

    NIM08100: two payments of earnings in the same tax week "fall to be aggregated"
    (NIM10000), so NI is worked on their total; each later payment bears the NI on the
    running total less what the earlier ones bore (their sum is the total's NI). Payments
    are taken in date order (the order given on one day).
    """
    order = sorted(range(len(payments)), key=lambda i: payments[i].paid_on)
    earlier: dict[tuple[TaxYear, int], Decimal] = {}
    chosen = list(payments)
    for index in order:
        payment = payments[index]
        key = _same_week_key(payment)
        if key is None:
            continue
        before = earlier.get(key)
        if before is not None:
            chosen[index] = attrs.evolve(payment, earlier_in_period=pence(before))
        earlier[key] = (before or Decimal(0)) + payment.gross.amount
    return chosen


def _payer_summary(
    payer: str, records: list[PaymentRecord], params: ParameterSet | None, subject: str | None
) -> PayerSummary:
    payments = _aggregated([r.payroll for r in records if r.payroll is not None])
    results = tuple(assess_payroll(p, parameters=params, subject=subject) for p in payments)
    return PayerSummary(
        payer=payer,
        payroll_gross=_total(records, PaymentRoute.PAYROLL),
        income_tax=pence(sum((r.income_tax.amount for r in results), Decimal(0))),
        employee_ni=pence(sum((r.employee_ni.amount for r in results), Decimal(0))),
        employer_ni=pence(sum((r.employer_ni.amount for r in results), Decimal(0))),
        payroll_net=pence(sum((r.net.amount for r in results), Decimal(0))),
        invoiced=_total(records, PaymentRoute.INVOICE),
        paid_direct=_total(records, PaymentRoute.DIRECT),
        vouchers=_total(records, PaymentRoute.VOUCHER),
        expenses=_total(records, PaymentRoute.RECEIPTED_EXPENSES),
        payroll_results=results,
    )


def _payer_findings(
    summary: PayerSummary, records: list[PaymentRecord], employer: bool, year: str,
    subject: str | None,
) -> list[Finding]:  # fmt: skip
    found: list[Finding] = []
    payer = summary.payer
    if summary.payroll_results:
        found.append(
            Finding(
                "TAX-SUMMARY-PAYROLL",
                Severity.INFO,
                "tax.summary.payroll",
                {
                    "payer": payer,
                    "gross": summary.payroll_gross,
                    "year": year,
                    "count": len(summary.payroll_results),
                    "income_tax": summary.income_tax,
                    "employee_ni": summary.employee_ni,
                    "net": summary.payroll_net,
                },
                citations=(
                    _cite("gov_uk_running_payroll#fps"),
                    _cite("uc_earned_income_regs_2020#reg61_2"),
                    _cite("dwp_uc_employer_qa#sharing"),
                ),
                subject=subject,
            )
        )
        found.append(
            Finding(
                "TAX-SUMMARY-EMPLOYER-NI",
                Severity.INFO,
                "tax.summary.employer_cost",
                {"payer": payer, "employer_ni": summary.employer_ni},
                citations=(_cite("gov_uk_ni_rates_2025_26#employer"),),
                subject=subject,
            )
        )
        weeks: dict[tuple[TaxYear, int], list[PayrollDeductions]] = {}
        for result in summary.payroll_results:
            key = _same_week_key(attrs.evolve(result.payment, earlier_in_period=None))
            if key is not None:
                weeks.setdefault(key, []).append(result)
        for (_, week), group in sorted(weeks.items(), key=lambda item: item[0][1]):
            if len(group) < 2:
                continue
            found.append(
                Finding(
                    "TAX-SUMMARY-NI-AGGREGATED",
                    Severity.INFO,
                    "tax.summary.ni_aggregated",
                    {
                        "payer": payer,
                        "count": len(group),
                        "week": week,
                        "gross": Money.total(r.gross for r in group),
                        "employee_ni": Money.total(r.employee_ni for r in group),
                        "employer_ni": Money.total(r.employer_ni for r in group),
                    },
                    citations=(_cite("hmrc_nim#nim08100_aggregate"),),
                    subject=subject,
                )
            )
        one_off = [r for r in records if r.payroll and r.payroll.frequency is PayFrequency.ONE_OFF]
        if one_off:
            found.append(
                Finding(
                    "TAX-SUMMARY-ONE-OFF-STATEMENT",
                    Severity.ADVICE,
                    "tax.summary.one_off_statement",
                    {"payer": payer},
                    citations=(_cite("gov_uk_new_employee_check_status#paid_once_statement"),),
                    subject=subject,
                )
            )
    outside = summary.outside_payroll
    if not outside.is_zero():
        found.append(
            Finding(
                "TAX-SUMMARY-OUTSIDE-PAYROLL",
                Severity.INFO,
                "tax.summary.outside_payroll",
                {"payer": payer, "amount": outside, "year": year},
                citations=(
                    _cite("nihr_org_guide_status_tax_2023#responsible"),
                    _cite("nihr_org_guide_status_tax_2023#hmrc_consulted"),
                ),
                subject=subject,
            )
        )
        found.append(
            Finding(
                "TAX-SUMMARY-STATUS",
                Severity.ADVICE,
                "tax.summary.status",
                {"payer": payer},
                citations=(
                    _cite("hmrc_esm#esm0003"),
                    _cite("hmrc_cog#cog907510"),
                    _cite("nihr_org_guide_status_tax_2023#hmrc_consulted"),
                ),
                subject=subject,
            )
        )
    if employer and not summary.vouchers.is_zero():
        found.append(
            Finding(
                "TAX-SUMMARY-EMPLOYER-VOUCHER",
                Severity.REFER,
                "tax.summary.employer_voucher",
                {"payer": payer, "amount": summary.vouchers},
                citations=(_cite("hmrc_eim#eim16120"), _cite("hmrc_eim#eim16140")),
                subject=subject,
            )
        )
    if not summary.expenses.is_zero():
        found.append(
            Finding(
                "TAX-SUMMARY-EXPENSES",
                Severity.INFO,
                "tax.summary.expenses",
                {"payer": payer, "amount": summary.expenses},
                citations=(_cite("nihr_public_guide_status_tax_2024#expenses"),),
                subject=subject,
            )
        )
    return found


@computes_exactly
def tax_year_summary(
    records: Iterable[PaymentRecord],
    *,
    as_at: dt.date,
    tax_year: TaxYear | int | None = None,
    parameters: ParameterSet | None = None,
    subject: str | None = None,
) -> TaxYearSummary:
    """Summarise a contributor's payments in one tax year, payer by payer.

    ``records`` are every payment the contributor received (any year: those outside
    ``tax_year`` are left out and counted in a finding). ``tax_year`` defaults to the one
    containing ``as_at``, the day of the question.
    """
    every = _records(records)
    year = tax_year_of(as_at, tax_year)
    span = year.range
    chosen = [r for r in every if r.paid_on in span]
    year_text = str(year)
    by_payer: dict[str, list[PaymentRecord]] = {}
    for record in chosen:
        by_payer.setdefault(record.payer, []).append(record)
    employers = {r.payer for r in chosen if r.route is PaymentRoute.PAYROLL}
    summaries = []
    findings: list[Finding] = []
    for payer in sorted(by_payer):
        summary = _payer_summary(payer, by_payer[payer], parameters, subject)
        summaries.append(summary)
        findings.extend(
            _payer_findings(summary, by_payer[payer], payer in employers, year_text, subject)
        )
    invoiced = sum((s.invoiced.amount for s in summaries), Decimal(0))
    miscellaneous = sum((s.paid_direct.amount for s in summaries), Decimal(0))
    for summary in summaries:
        if summary.payer in employers or summary.vouchers.is_zero():
            continue
        voucher = assess_voucher(
            summary.vouchers,
            recipient=Recipient.MEMBER_OF_PUBLIC,
            as_at=span.start,
            parameters=parameters,
            subject=subject,
        )
        findings.extend(voucher.findings)
        if voucher.treatment is VoucherTreatment.MISCELLANEOUS_INCOME:
            miscellaneous += summary.vouchers.amount
    trading = None
    if invoiced or miscellaneous:
        employee_payers = {
            s.payer
            for s in summaries
            if s.payer in employers and not (s.invoiced + s.paid_direct).is_zero()
        }
        trading = assess_trading_income(
            pence(invoiced),
            as_at=as_at,
            tax_year=year,
            miscellaneous_income=pence(miscellaneous),
            employee_of_payer=bool(employee_payers),
            parameters=parameters,
            subject=subject,
        )
        findings.extend(trading.findings)
        findings.append(
            Finding(
                "TAX-SUMMARY-DECLARE",
                Severity.WARNING if trading.self_assessment_needed else Severity.MET,
                "tax.summary.declare"
                if trading.self_assessment_needed
                else "tax.summary.declare_none",
                {"relevant": trading.relevant_income, "year": year_text},
                citations=(
                    _cite("hmrc_sa_help_trading_allowance#exempt"),
                    _cite("nihr_public_guide_status_tax_2024#income"),
                ),
                subject=subject,
            )
        )
    if employers:
        findings.append(
            Finding(
                "TAX-SUMMARY-PAYROLL-PROVISIONAL",
                Severity.INFO,
                "tax.summary.payroll_provisional",
                {"income_tax": Money.total(s.income_tax for s in summaries)},
                citations=(
                    _cite("gov_uk_emergency_tax_code#temporary"),
                    _cite("nihr_public_guide_status_tax_2024#depends"),
                ),
                subject=subject,
            )
        )
    left_out = len(every) - len(chosen)
    if left_out:
        findings.append(
            Finding(
                "TAX-SUMMARY-OTHER-YEARS",
                Severity.INFO,
                "tax.summary.other_years",
                {"count": left_out, "year": year_text},
                subject=subject,
            )
        )
    return TaxYearSummary(
        tax_year=year,
        payers=tuple(summaries),
        trading=trading,
        self_assessment_needed=bool(trading and trading.self_assessment_needed),
        findings=tuple(findings),
    )
