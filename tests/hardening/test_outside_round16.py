"""Round 16's outside attack on the ledger's readers: promises the tester broke, as tests.

- ``read_payments(..., format="json")`` (and ``participatory ledger import FILE --mapping``)
  read the file with plain ``json.loads``: an amount of 5,001 digits raised Python's
  ``ValueError`` and nesting 100,000 deep a ``RecursionError``, each a raw traceback (exit 1)
  where the library promises its own error and exit 2. It now reads the file as a ledger
  export is read (``participatory.core.limits.parse_json``): bounded and strict, so a key
  given twice, a lone surrogate and a text past the limit are refused too, naming the
  place and never the value.
- A ledger file whose ``contributors.communities`` cell was changed outside the library to
  JSON nested thousands deep raised ``RecursionError`` from ``SqliteLedgerStore.load``
  (every ``ledger`` command that reads, exit 1); a household's circumstances giving a key
  twice were read as its last. JSON cells are read with the same bounded reader.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from participatory.ledger import Contributor
from participatory.store import SqliteLedgerStore, StoreError
from participatory.store.finance import ColumnMapping, ImportRejected, read_payments
from tests.commands.running import run_cli

MAPPING_DATA = {
    "columns": {"id": "ref", "person": "who", "amount": "amt", "received_on": "day"},
    "defaults": {"payer": "uni"},
}
MAPPING = ColumnMapping.from_data(MAPPING_DATA)
DEEP = "[" * 100_000 + "]" * 100_000
LONG_AMOUNT = "1" + "0" * 5000


def _row(**cells: str) -> dict[str, str]:
    return {"ref": "q1", "who": "amira", "amt": "1.00", "day": "2026-01-13", **cells}


def _read(text: str) -> ImportRejected:
    with pytest.raises(ImportRejected) as refused:
        read_payments(text, format="json", mapping=MAPPING, known_people={"amira"}, name="f.json")
    return refused.value


# --- a finance system's JSON export --------------------------------------------------------


def test_an_amount_of_thousands_of_digits_is_the_librarys_refusal_not_pythons() -> None:
    text = '[{"ref": "q1", "who": "amira", "amt": ' + LONG_AMOUNT + ', "day": "2026-01-13"}]'
    refused = _read(text)
    assert str(refused).startswith("f.json: holds a number longer than 64 characters")
    assert str(refused).endswith("; nothing imported")
    assert "00000" not in str(refused)  # the number is not repeated


def test_nesting_past_the_stack_is_the_librarys_refusal() -> None:
    assert "f.json: is nested more than 32 deep" in str(_read(DEEP))


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # Plain json.loads kept the last "ref" and imported it silently.
        ('[{"ref": "q1", "ref": "q2", "who": "amira", "amt": "1", "day": "2026-01-13"}]',
         "f.json: [0].ref: is given twice in one object"),
        # Read as a person "\ud800", then refused as an unknown contributor: a text that
        # cannot be printed or stored is refused as what it is, at its place.
        (json.dumps([_row(who="\ud800")]),
         "f.json: [0].who: is not text: it holds a lone surrogate"),
        (json.dumps({"payments": [_row(ref="x" * 30_000)]}),
         "f.json: payments[0].ref: is longer than 20,000 characters"),
    ],
)  # fmt: skip
def test_a_strict_reading_refuses_the_file_at_the_place(text: str, said: str) -> None:
    refused = _read(text)
    assert str(refused).startswith(said)
    assert "xxxxx" not in str(refused)


def _ledger(folder: Path) -> Path:
    path = folder / "l.sqlite3"
    for step in (["init"], ["add", "contributor", "amira"]):
        code, _out, err = run_cli(["ledger", *step, "--ledger", str(path)])
        assert code == 0, err
    return path


@pytest.mark.parametrize(
    ("document", "said"),
    [
        ('[{"ref": "q1", "who": "amira", "amt": ' + LONG_AMOUNT + ', "day": "2026-01-13"}]',
         "holds a number longer than 64 characters"),
        (DEEP, "is nested more than 32 deep"),
    ],
)  # fmt: skip
def test_ledger_import_through_a_mapping_exits_2_with_one_line(
    tmp_path: Path, document: str, said: str
) -> None:
    ledger = _ledger(tmp_path)
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps(MAPPING_DATA))
    payments = tmp_path / "pay.json"
    payments.write_text(document)
    argv = ["ledger", "import", str(payments), "--mapping", str(mapping), "--ledger", str(ledger)]
    code, out, err = run_cli(argv)
    assert (code, out) == (2, "")
    assert err.startswith(f"participatory ledger: {payments}: {said}")
    assert err.count("\n") == 1


# --- a ledger file changed outside the library ---------------------------------------------


def _changed(folder: Path, sql: str, *values: object) -> Path:
    path = folder / "l.sqlite3"
    with SqliteLedgerStore.create(path) as store:
        store.add(contributors=[Contributor("bob", communities=["carers-north"])])
    db = sqlite3.connect(path)
    db.execute(sql, values)
    db.commit()
    db.close()
    return path


def test_a_communities_cell_nested_past_the_stack_is_an_entry_that_cannot_be_read(
    tmp_path: Path,
) -> None:
    path = _changed(
        tmp_path, "UPDATE contributors SET communities = ?", "[" * 50_000 + "]" * 50_000
    )
    with SqliteLedgerStore.open(path) as store, pytest.raises(StoreError) as refused:
        store.load()
    assert str(refused.value) == f"{path}: holds an entry that cannot be read"


@pytest.mark.parametrize(
    "command",
    [
        ["export"],
        ["over-asking", "--as-at", "2026-03-01"],
        ["statement", "--person", "bob", "--tax-year", "2025", "--as-at", "2026-03-01"],
    ],
)
def test_every_ledger_command_refuses_the_nested_cell_with_exit_2(
    tmp_path: Path, command: list[str]
) -> None:
    path = _changed(
        tmp_path, "UPDATE contributors SET communities = ?", "[" * 50_000 + "]" * 50_000
    )
    code, out, err = run_cli(["ledger", *command, "--ledger", str(path)])
    assert (code, out) == (2, "")
    assert err == f"participatory ledger: {path}: holds an entry that cannot be read\n"


def test_circumstances_giving_a_key_twice_are_refused_not_read_as_the_last(
    tmp_path: Path,
) -> None:
    path = tmp_path / "l.sqlite3"
    household = tmp_path / "home.json"
    consent = {"person": "amira", "agreed_by": "amira", "agreed_on": "2025-04-01",
               "purpose": "benefits checks", "retain_until": "2027-03-31"}  # fmt: skip
    record = {"id": "h-amira", "household": {"people": [{"id": "amira"}]}, "consents": [consent]}
    household.write_text(json.dumps(record))
    for step in (["init"], ["add", "contributor", "amira"], ["add", "household", str(household)]):
        code, _out, err = run_cli(["ledger", *step, "--ledger", str(path)])
        assert code == 0, err
    db = sqlite3.connect(path)
    # The stored circumstances name the nation once; an edit gives it first a second time,
    # which plain json.loads would have let "england" (the last) silently win over.
    db.execute(
        'UPDATE households SET circumstances = \'{"nation": "wales", \' || substr(circumstances, 2)'
    )
    db.commit()
    db.close()
    with SqliteLedgerStore.open(path) as store, pytest.raises(StoreError) as refused:
        store.load()
    assert str(refused.value) == f"{path}: the circumstances of household 'h-amira' cannot be read"
    assert "nation" not in str(refused.value)
