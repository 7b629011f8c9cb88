""":mod:`participatory.benefits.receipts`: unit tests."""

import datetime as dt

import pytest

from participatory.benefits import (
    Receipt,
    ReceiptKind,
)
from participatory.core.errors import ValidationError
from participatory.core.money import Money

GBP = Money.gbp


TUESDAY = dt.date(2025, 6, 10)


def test_receipt_validation():
    with pytest.raises(ValidationError, match="amount: must not be negative"):
        Receipt(GBP(-1), TUESDAY)
    with pytest.raises(ValidationError, match="whole number of pence"):
        Receipt(GBP("1.001"), TUESDAY)
    with pytest.raises(ValidationError, match="kind"):
        Receipt(GBP(1), TUESDAY, "tip")
    assert Receipt("12.50", "2025-06-10", "voucher").kind is ReceiptKind.VOUCHER
