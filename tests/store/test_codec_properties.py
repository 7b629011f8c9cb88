"""Export then import is the identity: in memory, through JSON text, and through SQLite."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from participatory.ledger import Ledger
from participatory.store import SqliteLedgerStore, ledger_from_data, ledger_to_data
from participatory.testing.ledger import ledgers


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers())
def test_an_export_read_back_is_the_same_ledger(ledger: Ledger) -> None:
    text = json.dumps(ledger_to_data(ledger), sort_keys=True)
    again = ledger_from_data(json.loads(text))
    assert again == ledger
    assert json.dumps(ledger_to_data(again), sort_keys=True) == text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers())
def test_a_store_restored_from_an_export_loads_the_same_ledger(ledger: Ledger) -> None:
    with (
        tempfile.TemporaryDirectory() as folder,
        SqliteLedgerStore.create(Path(folder) / "l.sqlite3") as store,
    ):
        store.restore(ledger_to_data(ledger))
        assert store.load() == ledger
        assert store.export() == ledger_to_data(ledger)
