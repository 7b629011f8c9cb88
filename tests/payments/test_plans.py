""":mod:`participatory.payments.plans`: unit tests.

Issue 11's privacy defaults at the edges: commands, payment notes and file errors.

"No log, error or rendered report (unless the caller opts in)" shows a person's
circumstances. The library-level defaults (serialisation, sentences, the report view) are
tested beside their modules; these are the places a person's data leaves the library.
"""

from __future__ import annotations

import datetime as dt

import pytest

from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.core.serialise import unstructure
from participatory.payments.expenses import ExpenseKind
from participatory.payments.plans import Payment, PaymentKind, PaymentPlan

D = dt.date


def fee(id_, who="amira", amount="90.00", **dates):
    return Payment(id_, who, PaymentKind.FEE, Money.gbp(amount), **dates)


def test_payment_validation():
    with pytest.raises(ValidationError, match="amount: must not be negative"):
        fee("p", amount="-1", due_on=D(2026, 1, 1))
    with pytest.raises(ValidationError, match="pennies"):
        fee("p", amount="1.005", due_on=D(2026, 1, 1))
    with pytest.raises(ValidationError, match="expense"):
        Payment(
            "p", "a", PaymentKind.FEE, Money.gbp(1), due_on=D(2026, 1, 1), expense=ExpenseKind.TAXI
        )
    with pytest.raises(ValidationError, match="paid_on"):
        Payment(
            "p",
            "a",
            PaymentKind.DECLINED,
            Money.gbp(1),
            due_on=D(2026, 1, 1),
            paid_on=D(2026, 1, 1),
        )
    with pytest.raises(ValidationError, match="kind"):
        Payment("p", "a", "salary", Money.gbp(1), due_on=D(2026, 1, 1))
    with pytest.raises(ValidationError, match="datetime without a timezone"):
        fee("p", due_on=dt.datetime(2026, 1, 1, 9))


def test_plan_refuses_repeated_ids_and_other_currencies():
    with pytest.raises(ValidationError, match=r"payments\[1\].id"):
        PaymentPlan("x", (fee("p", due_on=D(2026, 1, 1)), fee("p", due_on=D(2026, 1, 2))))
    euro = Payment("e", "a", PaymentKind.FEE, Money("1", "EUR"), due_on=D(2026, 1, 1))
    with pytest.raises(ValidationError, match="currency"):
        PaymentPlan("x", (euro,))


NOTE = "NOTE-SENTINEL-taxi because of a mobility impairment"


def test_a_payment_note_is_sensitive() -> None:
    """Payment.note is free text about a named person: hidden in repr and default JSON."""
    payment = Payment("p1", "amira", PaymentKind.FEE, Money.gbp(90), due_on="2026-06-10", note=NOTE)
    assert NOTE not in repr(payment)
    assert "note" not in unstructure(payment)
    assert unstructure(payment, include_sensitive=True)["note"] == NOTE
    with pytest.raises(ValidationError) as caught:
        Payment("p1", "amira", PaymentKind.FEE, Money.gbp(90), due_on="2026-06-10", note=[NOTE])  # type: ignore[arg-type]
    assert caught.value.path == "note"
    assert NOTE not in str(caught.value)
