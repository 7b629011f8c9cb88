"""A payroll payment as the benefit rules count it: net of the tax and NI deducted.

Universal Credit counts employed earnings net of the income tax and Class 1 National Insurance
actually paid (UC Regs 2013 reg. 55(5)), in the assessment period HMRC's real-time report
places them; Carer's Allowance and the other weekly benefits count net earnings too
(Computation of Earnings Regs 1996 reg. 10). :func:`payroll_receipt` works the deductions out
with the tax engine (:func:`participatory.tax.assess_payroll`) and gives the receipt to check,
so a finance system can pass the gross fee it pays.

Worked example (2025/26): a one-off £500 fee through payroll on code 0T month 1 bears £100.00
income tax and £20.64 NI (a week's earnings period: (500 - 242) x 8%), leaving £379.36.

>>> import datetime as dt
>>> from participatory.tax import PayFrequency, PayrollPayment
>>> receipt, deductions = payroll_receipt(
...     PayrollPayment("500.00", dt.date(2025, 6, 27), PayFrequency.ONE_OFF, "0T M1"))
>>> receipt.amount, receipt.kind.value
(Money('379.36', 'GBP'), 'payroll_earnings')
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from participatory.benefits.receipts import Receipt, ReceiptKind
from participatory.core.params import ParameterSet
from participatory.tax.payroll import PayrollDeductions, PayrollPayment, assess_payroll

__all__ = ["payroll_receipt"]


def payroll_receipt(
    payment: PayrollPayment,
    *,
    person: str | None = None,
    hours: Decimal | int | str = 0,
    worked_on: dt.date | None = None,
    parameters: ParameterSet | None = None,
) -> tuple[Receipt, PayrollDeductions]:
    """The receipt the benefit rules count for ``payment`` (its net pay), and its deductions."""
    deductions = assess_payroll(payment, parameters=parameters, subject=person)
    receipt = Receipt(
        deductions.net,
        payment.paid_on,
        ReceiptKind.PAYROLL_EARNINGS,
        hours=hours,
        worked_on=worked_on,
        person=person,
    )
    return receipt, deductions
