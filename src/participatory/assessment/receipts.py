"""From a payment plan to what each contributor receives, in the benefits engine's terms.

The payments engine says what a payment *is* (:class:`~participatory.payments.PaymentKind`);
the benefits engine says how each kind of receipt counts
(:class:`~participatory.benefits.ReceiptKind`). This module is the join:

============================  ====================================================
Payment kind                  Receipt kind for the benefits check
============================  ====================================================
``fee``                       ``involvement_fee`` (earnings)
``expense_receipted``         ``receipted_expenses`` (disregarded)
``expense_flat_rate``         ``flat_rate_expenses`` (counted, cautiously)
``voucher``                   ``voucher`` (counted, cautiously)
``pot_contribution``          ``pot_for_goods`` (counted, cautiously)
``declined``                  ``declined_fee`` (nothing received)
``organisation_payment``      none: the organisation receives it, not the person
============================  ====================================================

A payment counts on the day the contributor receives it: the day it was paid, else the
day it is due.

>>> import datetime as dt
>>> from participatory.core.money import Money
>>> from participatory.payments import Payment
>>> fee = Payment("p1", "amira", "fee", Money.gbp(90), due_on=dt.date(2026, 5, 22))
>>> [(r.kind.value, str(r.amount)) for r in receipts_for([fee])]
[('involvement_fee', '90 GBP')]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from participatory.benefits.receipts import Receipt, ReceiptKind
from participatory.core.errors import ValidationError
from participatory.core.fields import instances
from participatory.payments.plans import Payment, PaymentKind

__all__ = ["RECEIPT_KINDS", "receipt_for", "receipts_for"]

#: The receipt kind of each payment kind (``None``: the contributor receives nothing).
RECEIPT_KINDS: Final[dict[PaymentKind, ReceiptKind | None]] = {
    PaymentKind.FEE: ReceiptKind.INVOLVEMENT_FEE,
    PaymentKind.EXPENSE_RECEIPTED: ReceiptKind.RECEIPTED_EXPENSES,
    PaymentKind.EXPENSE_FLAT_RATE: ReceiptKind.FLAT_RATE_EXPENSES,
    PaymentKind.VOUCHER: ReceiptKind.VOUCHER,
    PaymentKind.POT_CONTRIBUTION: ReceiptKind.POT_FOR_GOODS,
    PaymentKind.DECLINED: ReceiptKind.DECLINED_FEE,
    PaymentKind.ORGANISATION_PAYMENT: None,
}


def receipt_for(payment: Payment) -> Receipt | None:
    """The receipt the benefits engine checks for ``payment`` (``None`` if not the person's)."""
    if not isinstance(payment, Payment):
        raise ValidationError("payment", "must be a Payment")
    kind = RECEIPT_KINDS[payment.kind]
    if kind is None:
        return None
    return Receipt(
        payment.amount,
        payment.received_on,
        kind,
        worked_on=payment.activity_on,
        reference=payment.id,
        person=payment.contributor,
    )


def receipts_for(payments: Iterable[Payment]) -> tuple[Receipt, ...]:
    """The receipts for ``payments``, leaving out those the contributor does not receive."""
    checked = instances(Payment, payments, "payments", what="Payments")
    return tuple(r for r in (receipt_for(p) for p in checked) if r is not None)
