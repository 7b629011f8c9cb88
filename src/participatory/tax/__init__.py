"""Income tax and National Insurance on involvement payments, from HMRC's rules.

A fee paid through **payroll** bears PAYE income tax for its tax period and Class 1
National Insurance for its earnings period; what is left is the net pay Universal Credit
counts (:func:`assess_payroll`). A fee paid on **invoice** meets the £1,000 trading
allowance, Self Assessment and Class 2/4 (:func:`assess_trading_income`). A **voucher** is
a taxable benefit for an employee and miscellaneous income for a member of the public
(:func:`assess_voucher`). :func:`tax_year_summary` puts one contributor's year together,
payer by payer. Every figure is a dated, sourced parameter; every result explains itself.

>>> import datetime as dt
>>> from participatory.core.money import Money
>>> fee = PayrollPayment(Money.gbp(500), dt.date(2025, 6, 27), PayFrequency.ONE_OFF, "0T M1")
>>> result = assess_payroll(fee)
>>> result.net, result.has("TAX-NI-EARNINGS-PERIOD")
(Money('379.36', 'GBP'), True)
"""

from participatory.tax.annual import AnnualIncomeTax, assess_annual_income_tax
from participatory.tax.codes import CodeBasis, CodeKind, TaxCode
from participatory.tax.national_insurance import Class1Contributions, assess_class1
from participatory.tax.pay_periods import PayeTable, PayFrequency, tax_month, tax_week
from participatory.tax.payroll import PayrollDeductions, PayrollPayment, PayToDate, assess_payroll
from participatory.tax.rates import EarningsPeriod, TaxRegime
from participatory.tax.starters import (
    StarterCode,
    StarterStatement,
    assess_starter_code,
    emergency_code,
)
from participatory.tax.summary import (
    PayerSummary,
    PaymentRecord,
    PaymentRoute,
    TaxYearSummary,
    tax_year_summary,
)
from participatory.tax.trading import TradingIncomeAssessment, assess_trading_income
from participatory.tax.vouchers import (
    Recipient,
    VoucherAssessment,
    VoucherKind,
    VoucherTreatment,
    assess_voucher,
)

__all__ = [
    "AnnualIncomeTax",
    "Class1Contributions",
    "CodeBasis",
    "CodeKind",
    "EarningsPeriod",
    "PayFrequency",
    "PayToDate",
    "PayeTable",
    "PayerSummary",
    "PaymentRecord",
    "PaymentRoute",
    "PayrollDeductions",
    "PayrollPayment",
    "Recipient",
    "StarterCode",
    "StarterStatement",
    "TaxCode",
    "TaxRegime",
    "TaxYearSummary",
    "TradingIncomeAssessment",
    "VoucherAssessment",
    "VoucherKind",
    "VoucherTreatment",
    "assess_annual_income_tax",
    "assess_class1",
    "assess_payroll",
    "assess_starter_code",
    "assess_trading_income",
    "assess_voucher",
    "emergency_code",
    "tax_month",
    "tax_week",
    "tax_year_summary",
]
