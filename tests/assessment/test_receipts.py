""":mod:`participatory.assessment.receipts`: unit tests.

The assessment: sections, stale data, the payments-to-benefits join, the commands.
"""

from __future__ import annotations

import datetime as dt

from participatory.assessment import RECEIPT_KINDS, receipt_for
from participatory.benefits import ReceiptKind
from participatory.core.money import Money
from participatory.payments import Payment, PaymentKind


def test_each_payment_kind_maps_to_a_receipt_kind():
    """The table in :mod:`participatory.assessment.receipts`, checked kind by kind."""
    assert set(RECEIPT_KINDS) == set(PaymentKind)
    expected = {
        PaymentKind.FEE: ReceiptKind.INVOLVEMENT_FEE,
        PaymentKind.EXPENSE_RECEIPTED: ReceiptKind.RECEIPTED_EXPENSES,
        PaymentKind.EXPENSE_FLAT_RATE: ReceiptKind.FLAT_RATE_EXPENSES,
        PaymentKind.VOUCHER: ReceiptKind.VOUCHER,
        PaymentKind.POT_CONTRIBUTION: ReceiptKind.POT_FOR_GOODS,
        PaymentKind.DECLINED: ReceiptKind.DECLINED_FEE,
        PaymentKind.ORGANISATION_PAYMENT: None,
    }
    assert expected == RECEIPT_KINDS
    paid = Payment("p", "a", "fee", Money.gbp(90), due_on="2026-05-22", paid_on="2026-05-20")
    receipt = receipt_for(paid)
    assert receipt is not None
    assert receipt.received_on == dt.date(2026, 5, 20)
    # The receipt names the contributor, so a household's benefits count it as theirs.
    assert receipt.person == "a"
