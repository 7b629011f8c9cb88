"""A finance row the ledger refuses at import is reported by its row, as every bad row is.

``check-a-payment-against-everything.md``: "every bad row is reported by row number and
field, and nothing is imported unless every row is good". Some rows can only be judged
against what the ledger holds when the import is written: a row whose id is a payment
recorded for another person would move that payment (a payment never moves), and a row to
someone who is no contributor. :func:`read_payments` keeps each payment's row
(:class:`FinancePayments`) so that :meth:`SqliteLedgerStore.import_payments` names the file
and every such row, not ``payments[1].id``.
"""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

from participatory.core.errors import ValidationError
from participatory.ledger import Contributor, PaymentEntry
from participatory.store import (
    ColumnMapping,
    FinancePayments,
    ImportRejected,
    SqliteLedgerStore,
    read_payments,
)

MAPPING = ColumnMapping.from_data(
    {"columns": {k: k for k in ("id", "person", "amount", "received_on", "payer")}}
)
HEADER = "id,person,amount,received_on,payer\n"
MOVED = (
    "id: is the id of a payment to another person (a payment never moves to someone else: "
    "give it its own id (one recorded for the wrong person is cancelled, and the right one "
    "recorded anew))"
)


def _bilals_two_payments(folder: Path) -> SqliteLedgerStore:
    """Amira and Bilal; Bilal has payments b1 and c1 (£10.00 each, 12 May 2026)."""
    store = SqliteLedgerStore.create(folder / "ledger.sqlite3")
    store.add(
        contributors=[Contributor("amira"), Contributor("bilal")],
        payments=[
            PaymentEntry(i, "bilal", "10.00", "2026-05-12", payer="uni") for i in ("b1", "c1")
        ],
    )
    return store


def test_every_row_that_would_move_a_payment_is_named_and_nothing_is_imported(
    tmp_path: Path,
) -> None:
    """Rows 3 and 4 (the header is row 1) give Bilal's b1 and c1 to Amira; row 2 is good.
    Two bad rows, listed by row; a1 is not imported and b1, c1 stay Bilal's."""
    rows = (
        HEADER + "a1,amira,10.00,2026-05-12,uni\n"
        "b1,amira,10.00,2026-05-12,uni\nc1,amira,10.00,2026-05-12,uni\n"
    )
    with _bilals_two_payments(tmp_path) as store:
        payments = read_payments(
            rows, format="csv", mapping=MAPPING, known_people={"amira", "bilal"}, name="js.csv"
        )
        with pytest.raises(ImportRejected) as caught:
            store.import_payments(payments)
        held = store.load().payments
    assert str(caught.value) == (
        f"js.csv: 2 bad rows, nothing imported: row 3: {MOVED}; row 4: {MOVED}"
    )
    assert [(p.row, p.field) for p in caught.value.problems] == [(3, "id"), (4, "id")]
    assert sorted(held) == ["b1", "c1"]
    assert {p.person for p in held.values()} == {"bilal"}


def test_a_json_export_names_the_payment_by_its_place_in_the_list(tmp_path: Path) -> None:
    """A JSON export has no header: its second payment is row 2."""
    text = (
        '[{"id": "a1", "person": "amira", "amount": "10.00", "received_on": "2026-05-12", '
        '"payer": "uni"}, {"id": "c1", "person": "amira", "amount": "10.00", '
        '"received_on": "2026-05-12", "payer": "uni"}]'
    )
    with _bilals_two_payments(tmp_path) as store:
        payments = read_payments(text, format="json", mapping=MAPPING, name="fees.json")
        with pytest.raises(
            ImportRejected, match=r"^fees\.json: 1 bad row, nothing imported: row 2: id: "
        ):
            store.import_payments(payments)


def test_a_row_to_someone_no_longer_a_contributor_is_named_by_its_row(tmp_path: Path) -> None:
    """Read without the ledger's people (or before one was taken out): the store still
    refuses the payment to Carol, who is no contributor, by its row."""
    rows = HEADER + "a1,amira,10.00,2026-05-12,uni\nq1,carol,10.00,2026-05-12,uni\n"
    with _bilals_two_payments(tmp_path) as store:
        payments = read_payments(rows, format="csv", mapping=MAPPING, name="js.csv")
        with pytest.raises(ImportRejected) as caught:
            store.import_payments(payments)
    assert str(caught.value) == (
        "js.csv: 1 bad row, nothing imported: row 3: person: is not a contributor in the ledger"
    )


def test_a_payment_recorded_again_for_its_own_person_is_imported(tmp_path: Path) -> None:
    """b1 again for Bilal, now £12.00: a correction, not a move (one replaced, one added)."""
    rows = HEADER + "b1,bilal,12.00,2026-05-12,uni\nd1,amira,5.00,2026-05-12,uni\n"
    with _bilals_two_payments(tmp_path) as store:
        changes = store.import_payments(read_payments(rows, format="csv", mapping=MAPPING))
        assert (changes.added, changes.replaced) == (1, 1)
        assert str(store.load().payments["b1"].amount.amount) == "12.00"


def test_a_batch_made_in_code_still_names_its_first_bad_entry(tmp_path: Path) -> None:
    """Payments built by a program have no rows: the entry is named by its place."""
    with _bilals_two_payments(tmp_path) as store:
        moved = PaymentEntry("c1", "amira", "10.00", "2026-05-12", payer="uni")
        ok = PaymentEntry("a1", "amira", "10.00", "2026-05-12", payer="uni")
        with pytest.raises(ValidationError) as caught:
            store.import_payments([ok, moved])
    assert not isinstance(caught.value, ImportRejected)
    assert caught.value.path == "payments[1].id"


def test_the_payments_read_keep_their_file_and_rows_when_copied() -> None:
    """Blank rows are skipped, so the rows are not simply 2, 3, …: row 2 is blank here."""
    rows = HEADER + ",,,,\na1,amira,10.00,2026-05-12,uni\nb1,bilal,9.00,2026-05-13,uni\n"
    payments = read_payments(rows, format="csv", mapping=MAPPING, name="js.csv")
    assert isinstance(payments, tuple)
    assert [p.id for p in payments] == ["a1", "b1"]
    assert (payments.name, payments.rows) == ("js.csv", (3, 4))
    for again in (pickle.loads(pickle.dumps(payments)), copy.copy(payments)):
        assert isinstance(again, FinancePayments)
        assert (again, again.name, again.rows) == (payments, "js.csv", (3, 4))


def test_a_row_for_every_payment() -> None:
    paid = PaymentEntry("a1", "amira", "10.00", "2026-05-12", payer="uni")
    with pytest.raises(ValidationError, match="one row for each payment"):
        FinancePayments([paid], name="js.csv", rows=[2, 3])
