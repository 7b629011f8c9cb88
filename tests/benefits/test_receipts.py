""":mod:`participatory.benefits.receipts`: unit tests."""

import datetime as dt
from decimal import Decimal

import pytest

from participatory.benefits import (
    Receipt,
    ReceiptKind,
    Treatment,
)
from participatory.benefits.receipts import receipts
from participatory.core.errors import ValidationError
from participatory.core.money import Money

GBP = Money.gbp

TUESDAY = dt.date(2025, 6, 10)


def test_receipt_validation():
    with pytest.raises(ValidationError, match="amount: must not be negative"):
        Receipt(GBP(-1), TUESDAY)
    with pytest.raises(ValidationError, match="whole number of pence"):
        Receipt(GBP("1.001"), TUESDAY)
    with pytest.raises(ValidationError, match="GBP"):
        Receipt(Money("1", "EUR"), TUESDAY)
    with pytest.raises(ValidationError, match="kind"):
        Receipt(GBP(1), TUESDAY, "tip")
    with pytest.raises(ValidationError, match="hours"):
        Receipt(GBP(1), TUESDAY, hours=169)
    assert Receipt("12.50", "2025-06-10", "voucher").kind is ReceiptKind.VOUCHER


def test_a_receipt_names_whom_it_is_paid_to_or_no_one():
    assert Receipt(GBP(1), TUESDAY).person is None
    assert Receipt(GBP(1), TUESDAY, person="amira").person == "amira"
    for bad in ("", "   ", 7):
        with pytest.raises(ValidationError, match="person"):
            Receipt(GBP(1), TUESDAY, person=bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "treatment"),
    [
        (ReceiptKind.INVOLVEMENT_FEE, Treatment.EARNINGS),
        (ReceiptKind.PAYROLL_EARNINGS, Treatment.EARNINGS),
        (ReceiptKind.SELF_EMPLOYED_INVOICE, Treatment.EARNINGS),
        (ReceiptKind.RECEIPTED_EXPENSES, Treatment.DISREGARDED),
        (ReceiptKind.FLAT_RATE_EXPENSES, Treatment.EARNINGS),
        (ReceiptKind.VOUCHER, Treatment.EARNINGS),
        (ReceiptKind.POT_FOR_GOODS, Treatment.EARNINGS),
        (ReceiptKind.GIFT, Treatment.CAPITAL),
        (ReceiptKind.DECLINED_FEE, Treatment.NOTHING_RECEIVED),
    ],
)
def test_each_kind_has_its_treatment_and_only_earnings_are_counted(kind, treatment):
    """UC Regs 2013 regs. 52, 55(3)(b), 60(4)(b); the uncertain kinds counted cautiously."""
    receipt = Receipt(GBP("40.00"), TUESDAY, kind)
    assert receipt.treatment is treatment
    expected = Decimal("40.00") if treatment is Treatment.EARNINGS else Decimal(0)
    assert receipt.counted == expected


def test_hours_belong_to_the_week_the_work_was_done():
    paid_later = Receipt(GBP(50), TUESDAY, hours=3, worked_on="2025-06-02")
    assert paid_later.work_day == dt.date(2025, 6, 2)
    assert Receipt(GBP(50), TUESDAY).work_day == TUESDAY


def test_a_list_of_receipts_names_the_first_item_that_is_not_one():
    with pytest.raises(ValidationError) as caught:
        receipts([Receipt(GBP(1), TUESDAY), "x"])  # type: ignore[list-item]
    assert caught.value.path == "receipts[1]"
