"""Payment entries and asks: what they accept, what they refuse, how they count."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest

from participatory.benefits import ReceiptKind
from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.ledger import Ask, PaymentEntry, PaymentKind, PaymentStatus


def _entry(**changes: object) -> PaymentEntry:
    base = PaymentEntry("p-1", "c-7", "150.00", "2026-01-13", payer="uni")
    return attrs.evolve(base, **changes)


def test_every_kind_maps_to_a_receipt_kind() -> None:
    assert {k.receipt_kind for k in PaymentKind} == set(ReceiptKind)
    assert PaymentKind.DECLINED.receipt_kind is ReceiptKind.DECLINED_FEE
    assert PaymentKind.RECEIPTED_EXPENSES.receipt_kind is ReceiptKind.RECEIPTED_EXPENSES


def test_only_cancelled_entries_do_not_count() -> None:
    assert [s for s in PaymentStatus if not s.counts] == [PaymentStatus.CANCELLED]
    assert not _entry(status="cancelled").counts
    assert _entry(status="planned").counts


def test_the_receipt_carries_the_person_hours_and_work_day() -> None:
    entry = _entry(kind="payroll", hours="2.5", worked_on=dt.date(2026, 1, 5))
    receipt = entry.receipt
    assert receipt.person == "c-7"
    assert receipt.kind is ReceiptKind.PAYROLL_EARNINGS
    assert receipt.hours == Decimal("2.5")
    assert receipt.work_day == dt.date(2026, 1, 5)
    assert receipt.amount == Money.gbp("150.00")


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"amount": Money("10.00", "EUR")}, "amount"),
        ({"amount": "-1.00"}, "amount"),
        ({"amount": "1.001"}, "amount"),
        ({"amount": 0.5}, "amount"),
        ({"received_on": "13/01/2026"}, "received_on"),
        ({"received_on": dt.datetime(2026, 1, 13, 9, 0)}, "received_on"),
        ({"kind": "bribe"}, "kind"),
        ({"status": "lost"}, "status"),
        ({"hours": "169"}, "hours"),
        ({"payer": ""}, "payer"),
        ({"payer": "line\nbreak"}, "payer"),
        ({"id": "has space"}, "id"),
        ({"person": "x" * 65}, "person"),
        ({"project": "bad project"}, "project"),
    ],
)
def test_bad_values_are_refused_by_field(changes: dict[str, object], path: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _entry(**changes)
    assert caught.value.path == path


def test_an_ask_is_to_a_person_or_a_community_not_both() -> None:
    day = dt.date(2026, 11, 2)
    assert Ask("a", "p", "workshop", day, community="carers-north").person is None
    with pytest.raises(ValidationError):
        Ask("a", "p", "workshop", day)
    with pytest.raises(ValidationError):
        Ask("a", "p", "workshop", day, person="c-7", community="carers-north")
    with pytest.raises(ValidationError) as caught:
        Ask("a", "p", "workshop", day, person="not an id")
    assert caught.value.path == "person"
