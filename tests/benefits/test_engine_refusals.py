"""A check refuses a payment that is not a Receipt, or one to someone outside the household,
naming the first such payment by its index (in ``receipts`` or in ``already``), and never
quoting the payment itself.
"""

from __future__ import annotations

import datetime as dt

import pytest

from participatory.benefits import (
    CarersAllowanceClaim,
    Household,
    Person,
    Receipt,
    assess_benefits,
)
from participatory.core.errors import ValidationError

DAY = dt.date(2025, 6, 10)
CARER = Household(people=[Person("me", carers_allowance=CarersAllowanceClaim())])


def _fee(person: str | None = "me") -> Receipt:
    return Receipt("75.00", DAY, person=person)


@pytest.mark.parametrize(
    ("receipts", "already", "path", "problem"),
    [
        ([_fee(), "75.00", _fee()], (), "receipts[1]", "must be a Receipt"),
        (
            [_fee(), _fee(None), _fee("stranger"), _fee("other")],
            (),
            "receipts[2].person",
            "is not a member of the household",
        ),
        ([_fee()], [_fee(), _fee(), 7], "already[2]", "must be a Receipt"),
        ([_fee()], [_fee("stranger")], "already[0].person", "is not a member of the household"),
    ],
)
def test_the_first_wrong_payment_is_named_by_its_index(receipts, already, path, problem):
    with pytest.raises(ValidationError) as refused:
        assess_benefits(CARER, receipts, already=already)
    assert (refused.value.path, refused.value.problem) == (path, problem)
    assert "stranger" not in str(refused.value)
