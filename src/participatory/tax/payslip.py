"""What a payslip would explain: the findings behind one payroll payment's deductions.

:func:`participatory.tax.payroll.assess_payroll` computes the figures; the functions here
turn each step into a :class:`~participatory.core.explain.Finding` with the rule it
applies, the figures it used and the HMRC manual, regulation or guidance it follows: the
code and its regime, the basis (cumulative or week 1/month 1, one-off, emergency), free
pay and the bands, the earnings period and National Insurance, the net pay Universal
Credit counts and its reporting to HMRC.

>>> "tax.payroll.net" in MESSAGES
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from participatory.core.explain import Finding, Severity
from participatory.core.money import Money
from participatory.core.params import ParameterSet
from participatory.tax.codes import CodeBasis, CodeKind, TaxCode
from participatory.tax.national_insurance import Class1Figures
from participatory.tax.pay_periods import PayeTable, PayFrequency
from participatory.tax.paye import PayeCalculation
from participatory.tax.rates import EarningsPeriod, IncomeTaxSchedule, TaxRegime, as_percent, pence
from participatory.tax.sources import _cite
from participatory.tax.starters import emergency_code_use, is_emergency_code

if TYPE_CHECKING:
    from participatory.tax.payroll import PayrollPayment

__all__ = [
    "basis_findings",
    "net_findings",
    "ni_period_finding",
    "regime_finding",
    "tax_findings",
    "total_findings",
]

MESSAGES: Final[Mapping[str, str]] = {
    "tax.paye.regime_rest_of_uk": (
        "Tax code {code}: no S or C prefix, so the rates and bands of England and Northern "
        "Ireland apply."
    ),
    "tax.paye.regime_scotland": (
        "Tax code {code}: the S prefix means a Scottish taxpayer, so the Scottish Parliament's "
        "rates and bands apply."
    ),
    "tax.paye.regime_wales": (
        "Tax code {code}: the C prefix means a Welsh taxpayer: the Welsh rates set by the "
        "Senedd, on the same bands as England and Northern Ireland."
    ),
    "tax.paye.non_cumulative": (
        "Tax code {code} is worked on a week 1/month 1 basis: this payment is taxed as if it "
        "were the first {table} of the tax year, whatever was paid before."
    ),
    "tax.paye.cumulative": (
        "Tax code {code} is cumulative: tax {table} {period} works on pay to date of "
        "{pay_to_date} and the tax already deducted this year ({already})."
    ),
    "tax.paye.cumulative_assumed": (
        "No earlier pay or tax was given for this employment this tax year, so none is "
        "assumed: give the pay and tax to date if there were any."
    ),
    "tax.paye.one_off": (
        "A payment made once: HMRC says to use tax code 0T on a week 1 or month 1 basis; it is "
        "worked here on the {table} 1 basis with the code given, {code}."
    ),
    "tax.paye.marker_mismatch": (
        "The code's {marker} marker is for {marker_table} pay but this payroll pays "
        "{frequency}: the tax is worked on the {table} tables."
    ),
    "tax.paye.free_pay": (
        "Free pay to date for code {code}: {free_pay} ({period} x {per_period} a {table}). "
        "Taxable pay to date: {pay_to_date} less free pay, rounded down to the pound = "
        "{taxable_pay}."
    ),
    "tax.paye.no_allowance": (
        "Code {code} gives no free pay: taxable pay to date is {pay_to_date} rounded down to "
        "the pound = {taxable_pay}."
    ),
    "tax.paye.k_code": (
        "K code {code}: {additional_pay} is added to pay to date ({period} x {per_period} a "
        "{table}); taxable pay to date, rounded down to the pound, is {taxable_pay}."
    ),
    "tax.paye.band": ("{amount} in the {band} band (up to {limit} to date) at {rate} = {tax}."),
    "tax.paye.top_band": "{amount} in the {band} band at {rate} = {tax}.",
    "tax.paye.flat_rate": (
        "Code {code} takes the {band} rate, {rate}, of the whole pay: {rate} of {gross} = {tax}."
    ),
    "tax.paye.flat_rate_secondary": (
        "What code {code} means was read only in a payroll provider's guidance, not at HMRC: "
        "check the rate with the payroll provider."
    ),
    "tax.paye.no_tax": "Code NT: no tax is deducted.",
    "tax.paye.tax": "Income tax on this payment: {tax}.",
    "tax.paye.tax_cumulative": (
        "Income tax on this payment: tax to date {tax_to_date} less {already} already "
        "deducted = {tax}."
    ),
    "tax.paye.refund": (
        "The tax to date is less than the tax already deducted: this payment carries a refund "
        "of {refund}."
    ),
    "tax.paye.k_limit": (
        "The tax due, {due}, is more than the regulatory limit of {limit_rate} of this "
        "payment's pay: {tax} is deducted."
    ),
    "tax.ni.period_regular": (
        "National Insurance is worked on each payment's earnings period, not cumulatively: "
        "paid {frequency}, the earnings period is a {period}."
    ),
    "tax.ni.period_one_off": (
        "National Insurance on a payment with no regular pay interval: the earnings period is "
        "the period the fee is for or a week, whichever is longer; a {period} here."
    ),
    "tax.ni.period_fixed": (
        "National Insurance on a fee for services over a fixed period of {weeks} weeks: the "
        "earnings period is that fixed period. Its thresholds and upper earnings limit are "
        "the yearly figures divided by 52, times {weeks}, rounded up to the next whole "
        "pound; its lower earnings limit is {weeks} times the weekly one."
    ),
    "tax.ni.period_one_off_month": (
        "National Insurance on the only payment of a monthly payroll is still worked on a "
        "monthly earnings period."
    ),
    "tax.ni.aggregated": (
        "The same payer already paid {earlier} in this tax week: two payments of earnings in "
        "one earnings period are added together for National Insurance. On their total of "
        "{total}: employee {employee_total}, employer {employer_total}; less the "
        "{employee_earlier} and {employer_earlier} due on the earlier pay, this payment "
        "bears employee {employee} and employer {employer}."
    ),
    "tax.payroll.net": (
        "Net pay {net} = gross {gross} less income tax {income_tax} and employee National "
        "Insurance {employee_ni}. Universal Credit counts this net figure as employed earnings "
        "in the assessment period in which HMRC passes the payment on to DWP."
    ),
    "tax.payroll.reported": (
        "The payer reports this pay and its deductions to HMRC in a Full Payment Submission "
        "on or before the pay day; HMRC passes it on to DWP for anyone claiming Universal "
        "Credit."
    ),
}


_ZERO: Final = Decimal(0)
_PAYE_CITES: Final = ("hmrc_paye_manual#paye70025", "hmrc_tables_b_to_d_2020#round_down")


def regime_finding(code: TaxCode, subject: str | None) -> Finding:
    """Whose rates apply, from the code's prefix (PAYE11085; the Scottish and Welsh powers)."""
    cites = {
        TaxRegime.REST_OF_UK: ("hmrc_paye_manual#paye11085",),
        TaxRegime.SCOTLAND: (
            "hmrc_paye_manual#paye11085",
            "gov_uk_scottish_income_tax_who_pays#s_code",
            "gov_scot_srr_2024_25_draft#s80c",
        ),
        TaxRegime.WALES: (
            "hmrc_paye_manual#paye11085",
            "gowa_2006#s116d_1",
            "tax_org_uk_writ_2024_25#bands",
        ),
    }[code.regime]
    return Finding(
        "TAX-PAYE-REGIME",
        Severity.INFO,
        f"tax.paye.regime_{code.regime.value}",
        {"code": str(code)},
        citations=tuple(_cite(c) for c in (*cites, "gov_uk_employee_tax_codes_letters#s_c")),
        subject=subject,
    )


def basis_findings(
    payment: PayrollPayment, calc: PayeCalculation, as_at: dt.date,
    params: ParameterSet | None, subject: str | None,
) -> list[Finding]:  # fmt: skip
    """The basis: one-off, cumulative or week 1/month 1, a mismatched marker, emergency.

    A cumulative code without figures to date is said to assume none.
    """
    code = payment.tax_code
    table = payment.paye_table.value
    found: list[Finding] = []
    one_off = payment.frequency is PayFrequency.ONE_OFF
    if one_off:
        zero_t_non_cumulative = code.kind is CodeKind.NO_ALLOWANCE and not code.cumulative
        found.append(
            Finding(
                "TAX-PAYE-ONE-OFF",
                Severity.INFO if zero_t_non_cumulative else Severity.ADVICE,
                "tax.paye.one_off",
                {"table": table, "code": str(code)},
                citations=(_cite("gov_uk_new_employee_check_status#paid_once"),),
                subject=subject,
            )
        )
    if code.kind in (CodeKind.FLAT_RATE, CodeKind.NO_TAX):
        return found
    if code.cumulative and not one_off:
        found.append(
            Finding(
                "TAX-PAYE-CUMULATIVE",
                Severity.INFO,
                "tax.paye.cumulative",
                {
                    "code": str(code),
                    "table": table,
                    "period": calc.period,
                    "pay_to_date": pence(calc.pay_to_date),
                    "already": pence(calc.tax_already_deducted),
                },
                citations=(
                    _cite("hmrc_paye_manual#paye71010"),
                    _cite("hmrc_paye_manual#paye70025"),
                ),
                subject=subject,
            )
        )
        if payment.pay_to_date is None:
            found.append(
                Finding(
                    "TAX-PAYE-CUMULATIVE-ASSUMED",
                    Severity.ADVICE,
                    "tax.paye.cumulative_assumed",
                    citations=(_cite("hmrc_paye_manual#paye71010"),),
                    subject=subject,
                )
            )
        return found
    found.append(
        Finding(
            "TAX-PAYE-NON-CUMULATIVE",
            Severity.INFO,
            "tax.paye.non_cumulative",
            {"code": str(code), "table": table},
            citations=(_cite("hmrc_tables_b_to_d_2013#w1m1"), _cite("hmrc_paye_manual#paye71010")),
            subject=subject,
        )
    )
    marker_table = {CodeBasis.WEEK_1: PayeTable.WEEK, CodeBasis.MONTH_1: PayeTable.MONTH}
    expected = marker_table.get(code.basis)
    if expected is not None and not one_off and expected is not payment.paye_table:
        found.append(
            Finding(
                "TAX-PAYE-MARKER-MISMATCH",
                Severity.ADVICE,
                "tax.paye.marker_mismatch",
                {
                    "marker": code.basis.value,
                    "marker_table": "weekly" if expected is PayeTable.WEEK else "monthly",
                    "frequency": payment.frequency.value.replace("_", "-"),
                    "table": table,
                },
                citations=(_cite("gov_uk_emergency_tax_code#codes"),),
                subject=subject,
            )
        )
    if is_emergency_code(code, as_at, params):
        use = emergency_code_use(as_at, params)
        found.append(
            Finding(
                "TAX-PAYE-EMERGENCY",
                Severity.INFO,
                "tax.starter.emergency",
                {"code": str(code), "standard": str(use.value), "marker": code.basis.value},
                citations=(
                    _cite("gov_uk_emergency_tax_code#codes"),
                    _cite("gov_uk_emergency_tax_code#temporary"),
                ),
                parameters=(use,),
                subject=subject,
            )
        )
    return found


def tax_findings(
    payment: PayrollPayment, calc: PayeCalculation, schedule: IncomeTaxSchedule,
    subject: str | None,
) -> list[Finding]:  # fmt: skip
    """Free pay (or a K code's additional pay) and each band's tax; or a flat rate; or none."""
    code = payment.tax_code
    gbp = pence
    found: list[Finding] = []
    if code.kind is CodeKind.NO_TAX:
        return [
            Finding(
                "TAX-PAYE-NO-TAX",
                Severity.INFO,
                "tax.paye.no_tax",
                citations=(_cite("gov_uk_employee_tax_codes_letters#br"),),
                subject=subject,
            )
        ]
    if code.kind is CodeKind.FLAT_RATE:
        slice_ = calc.slices[0]
        band = schedule.band(slice_.band)
        found.append(
            Finding(
                "TAX-PAYE-FLAT-RATE",
                Severity.INFO,
                "tax.paye.flat_rate",
                {
                    "code": str(code),
                    "band": slice_.band,
                    "rate": as_percent(slice_.rate),
                    "gross": gbp(calc.gross),
                    "tax": gbp(calc.tax),
                },
                citations=(
                    _cite("hmrc_tables_b_to_d_2020#br"),
                    _cite("gov_uk_employee_tax_codes_letters#br"),
                ),
                parameters=(band.rate_use,),
                subject=subject,
            )
        )
        if code.secondary_only:
            found.append(
                Finding(
                    "TAX-PAYE-CODE-SECONDARY",
                    Severity.WARNING,
                    "tax.paye.flat_rate_secondary",
                    {"code": str(code)},
                    citations=(_cite("sage_kb_scottish_codes#br_pence"),),
                    subject=subject,
                )
            )
        return found
    per_period = calc.free_pay_to_date / calc.period if calc.period else _ZERO
    values = {
        "code": str(code),
        "period": calc.period,
        "per_period": gbp(per_period),
        "table": payment.paye_table.value,
        "pay_to_date": gbp(calc.pay_to_date),
        "taxable_pay": gbp(calc.taxable_pay_to_date),
    }
    paye_cites = (
        *(_cite(c) for c in _PAYE_CITES),
        _cite("hmrc_paye_manual#paye70025_500"),
        _cite("hmrc_payroll_dev_notes_2009#test_data"),
    )
    if code.kind is CodeKind.K:
        found.append(
            Finding(
                "TAX-PAYE-K-CODE",
                Severity.INFO,
                "tax.paye.k_code",
                {**values, "additional_pay": gbp(calc.free_pay_to_date)},
                citations=(_cite("hmrc_paye_manual#paye11085"), *paye_cites),
                subject=subject,
            )
        )
    elif code.kind is CodeKind.NO_ALLOWANCE:
        found.append(
            Finding(
                "TAX-PAYE-FREE-PAY",
                Severity.INFO,
                "tax.paye.no_allowance",
                values,
                citations=(
                    _cite("gov_uk_employee_tax_codes_letters#table"),
                    _cite("hmrc_tables_b_to_d_2020#round_down"),
                ),
                subject=subject,
            )
        )
    else:
        found.append(
            Finding(
                "TAX-PAYE-FREE-PAY",
                Severity.INFO,
                "tax.paye.free_pay",
                {**values, "free_pay": gbp(calc.free_pay_to_date)},
                citations=paye_cites,
                subject=subject,
            )
        )
    for slice_ in calc.slices:
        band = schedule.band(slice_.band)
        uses = (band.rate_use,) if band.limit_use is None else (band.rate_use, band.limit_use)
        top = slice_.limit_to_date is None
        found.append(
            Finding(
                "TAX-PAYE-BAND",
                Severity.INFO,
                "tax.paye.top_band" if top else "tax.paye.band",
                {
                    "band": slice_.band,
                    "amount": gbp(slice_.amount),
                    "rate": as_percent(slice_.rate),
                    "tax": gbp(slice_.tax),
                    **({} if top else {"limit": gbp(slice_.limit_to_date or _ZERO)}),
                },
                citations=(_cite("hmrc_tables_b_to_d_2020#round_down"),),
                parameters=uses,
                subject=subject,
            )
        )
    return found


def total_findings(
    payment: PayrollPayment, calc: PayeCalculation, params: ParameterSet,
    subject: str | None,
) -> list[Finding]:  # fmt: skip
    """The tax on this payment, a refund, and the K-code regulatory limit."""
    gbp = pence
    code = payment.tax_code
    found: list[Finding] = []
    if code.kind in (CodeKind.NO_TAX, CodeKind.FLAT_RATE):
        return found
    cumulative = code.cumulative and payment.frequency is not PayFrequency.ONE_OFF
    if calc.limited:
        limit_use = params.use("paye.regulatory_limit", payment.paid_on)
        found.append(
            Finding(
                "TAX-PAYE-K-LIMIT",
                Severity.INFO,
                "tax.paye.k_limit",
                {
                    "due": gbp(calc.tax_to_date - calc.tax_already_deducted),
                    "limit_rate": as_percent(Decimal(str(limit_use.value))),
                    "tax": gbp(calc.tax),
                },
                citations=(_cite("hmrc_payroll_dev_notes_2009#regulatory_limit"),),
                parameters=(limit_use,),
                subject=subject,
            )
        )
    found.append(
        Finding(
            "TAX-PAYE-TAX",
            Severity.INFO,
            "tax.paye.tax_cumulative" if cumulative else "tax.paye.tax",
            {
                "tax": gbp(calc.tax),
                "tax_to_date": gbp(calc.tax_to_date),
                "already": gbp(calc.tax_already_deducted),
            },
            citations=(_cite("hmrc_tables_b_to_d_2020#round_down"),),
            subject=subject,
        )
    )
    if calc.tax < 0:
        found.append(
            Finding(
                "TAX-PAYE-REFUND",
                Severity.INFO,
                "tax.paye.refund",
                {"refund": gbp(-calc.tax)},
                citations=(_cite("hmrc_paye_manual#paye71010"),),
                subject=subject,
            )
        )
    return found


def ni_period_finding(
    payment: PayrollPayment, period: EarningsPeriod, subject: str | None, *, weeks: int = 1
) -> Finding:
    """Why National Insurance is worked on this earnings period."""
    cites: tuple[str, ...]
    if weeks > 1:
        return Finding(
            "TAX-NI-EARNINGS-PERIOD",
            Severity.INFO,
            "tax.ni.period_fixed",
            {"weeks": weeks},
            citations=(
                _cite("ss_c_regs_2001#reg4"),
                _cite("hmrc_nim#nim08100_fixed"),
                _cite("hmrc_nim#nim01206"),
            ),
            subject=subject,
        )
    if payment.frequency is PayFrequency.ONE_OFF and period is EarningsPeriod.MONTH:
        key, cites = "tax.ni.period_one_off_month", ("hmrc_nim#nim08300",)
    elif payment.frequency is PayFrequency.ONE_OFF:
        key, cites = "tax.ni.period_one_off", ("ss_c_regs_2001#reg4", "hmrc_nim#nim08100")
    else:
        key, cites = "tax.ni.period_regular", ("ss_c_regs_2001#reg3_1", "hmrc_nim#nim08021")
    return Finding(
        "TAX-NI-EARNINGS-PERIOD",
        Severity.INFO,
        key,
        {"period": period.value, "frequency": payment.frequency.value.replace("_", "-")},
        citations=(_cite("hmrc_nim#nim08001"), *(_cite(c) for c in cites)),
        subject=subject,
    )


def aggregation_finding(
    payment: PayrollPayment, total: Class1Figures, before: Class1Figures,
    this: Class1Figures, subject: str | None,
) -> Finding:  # fmt: skip
    """Why a one-off payment's National Insurance is worked on the tax week's total."""
    gbp = pence
    return Finding(
        "TAX-NI-AGGREGATED",
        Severity.INFO,
        "tax.ni.aggregated",
        {
            "earlier": gbp(before.earnings),
            "total": gbp(total.earnings),
            "employee_total": gbp(total.employee),
            "employer_total": gbp(total.employer),
            "employee_earlier": gbp(before.employee),
            "employer_earlier": gbp(before.employer),
            "employee": gbp(this.employee),
            "employer": gbp(this.employer),
        },
        citations=(_cite("hmrc_nim#nim08100_aggregate"), _cite("hmrc_nim#nim08070")),
        subject=subject,
    )


def net_findings(
    payment: PayrollPayment, calc: PayeCalculation, ni: Class1Figures, net: Money,
    subject: str | None,
) -> list[Finding]:  # fmt: skip
    """The net pay Universal Credit counts, and the payer's real-time report to HMRC."""
    gbp = pence
    return [
        Finding(
            "TAX-PAYROLL-NET",
            Severity.INFO,
            "tax.payroll.net",
            {
                "net": net,
                "gross": payment.gross,
                "income_tax": gbp(calc.tax),
                "employee_ni": gbp(ni.employee),
            },
            citations=(
                _cite("uc_regs_2013#reg55_5"),
                _cite("ctr_scotland_regs_2021#reg49_6_b"),
                _cite("uc_earned_income_regs_2020#reg61_2"),
            ),
            subject=subject,
        ),
        Finding(
            "TAX-PAYROLL-REPORTED",
            Severity.INFO,
            "tax.payroll.reported",
            citations=(
                _cite("gov_uk_running_payroll#fps"),
                _cite("gov_uk_new_employee_tax_code#fps"),
                _cite("dwp_uc_employer_qa#sharing"),
            ),
            subject=subject,
        ),
    ]
