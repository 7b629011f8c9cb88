"""The SQLite ledger never moves a payment from one person to another.

An outside tester found that ``participatory ledger add payment --id p1 --person bob``, with
``p1`` already recorded as a payment to Ann, said "Added 0, replaced 1": the store's upsert
replaced Ann's payment with one to Bob, where :meth:`Ledger.with_entries
<participatory.ledger.Ledger.with_entries>` refuses it (on a joint Universal Credit claim
it would silently take a partner's payment away). :meth:`SqliteLedgerStore.add
<participatory.store.SqliteLedgerStore.add>` and :meth:`~participatory.store.SqliteLedgerStore
.import_payments` now refuse it too, naming the entry (``payments[i].id``), and write
nothing; the same person's payment recorded again (its status or amount changed) still
replaces it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.cli import main
from participatory.core.errors import ValidationError
from participatory.ledger import Contributor, PaymentEntry
from participatory.store import Changes, SqliteLedgerStore

ANOTHER = "payments[0].id: is the id of a payment to another person"


def _fee(key: str, person: str, amount: str = "50.00") -> PaymentEntry:
    return PaymentEntry(key, person, amount, "2026-01-14", payer="uni")  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteLedgerStore]:
    opened = SqliteLedgerStore.create(tmp_path / "ledger.sqlite3")
    opened.add(contributors=[Contributor("ann"), Contributor("bob")])
    opened.add(payments=[_fee("p1", "ann")])
    yield opened
    opened.close()


def _whose(store: SqliteLedgerStore) -> dict[str, tuple[str, str]]:
    return {key: (p.person, str(p.amount.amount)) for key, p in store.load().payments.items()}


def test_adding_anns_payment_id_for_bob_is_refused_and_changes_nothing(
    store: SqliteLedgerStore,
) -> None:
    with pytest.raises(ValidationError) as caught:
        store.add(payments=[_fee("p1", "bob")])
    assert str(caught.value).startswith(ANOTHER)
    assert _whose(store) == {"p1": ("ann", "50.00")}


def test_a_batch_is_refused_whole_naming_the_entry_at_fault(store: SqliteLedgerStore) -> None:
    """The second entry is at fault: nothing of the batch (not even p2) is written."""
    with pytest.raises(ValidationError) as caught:
        store.add(payments=[_fee("p2", "bob"), _fee("p1", "bob")])
    assert caught.value.path == "payments[1].id"
    assert _whose(store) == {"p1": ("ann", "50.00")}


def test_importing_anns_payment_id_for_bob_is_refused(store: SqliteLedgerStore) -> None:
    with pytest.raises(ValidationError) as caught:
        store.import_payments([_fee("p3", "bob"), _fee("p1", "bob", "60.00")])
    assert caught.value.path == "payments[1].id"
    assert _whose(store) == {"p1": ("ann", "50.00")}


def test_anns_payment_recorded_again_still_replaces_it(store: SqliteLedgerStore) -> None:
    assert store.add(payments=[_fee("p1", "ann", "60.00")]) == Changes(0, 1)
    assert store.import_payments([_fee("p1", "ann", "70.00")]) == Changes(0, 1)
    assert _whose(store) == {"p1": ("ann", "70.00")}


def test_the_command_refuses_it_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = str(tmp_path / "ledger.sqlite3")
    common = ["--amount", "50.00", "--received-on", "2026-01-14", "--payer", "uni"]
    for argv in (
        ["ledger", "init"],
        ["ledger", "add", "contributor", "ann"],
        ["ledger", "add", "contributor", "bob"],
        ["ledger", "add", "payment", "--id", "p1", "--person", "ann", *common],
    ):
        assert main([*argv, "--ledger", book]) == 0
    capsys.readouterr()
    status = main(["ledger", "add", "payment", "--id", "p1", "--person", "bob", *common,
                   "--ledger", book])  # fmt: skip
    out, err = capsys.readouterr()
    assert (status, out, err.count("\n")) == (2, "", 1), err
    assert ANOTHER in err


_IDS = st.sampled_from(["p1", "p2", "p3"])
_PEOPLE = st.sampled_from(["ann", "bob"])


@given(steps=st.lists(st.tuples(st.booleans(), _IDS, _PEOPLE), min_size=1, max_size=8))
@settings(max_examples=25, deadline=None)
def test_a_stored_payment_stays_with_the_person_it_was_first_recorded_for(
    steps: list[tuple[bool, str, str]],
) -> None:
    """Invariant: whatever is added or imported, in any order, each id's payment is to the
    person it was first recorded for; a step is refused exactly when it names another."""
    with tempfile.TemporaryDirectory() as folder:
        book = SqliteLedgerStore.create(Path(folder) / "ledger.sqlite3")
        try:
            book.add(contributors=[Contributor("ann"), Contributor("bob")])
            first: dict[str, str] = {}
            for imported, key, person in steps:
                entry = _fee(key, person)
                moves = first.get(key, person) != person
                refused: ValidationError | None = None
                try:
                    if imported:
                        book.import_payments([entry])
                    else:
                        book.add(payments=[entry])
                except ValidationError as error:
                    refused = error
                assert (refused is not None) is moves, refused
                if refused is not None:
                    assert refused.path == "payments[0].id"
                first.setdefault(key, person)
                assert {k: p.person for k, p in book.load().payments.items()} == first
        finally:
            book.close()
