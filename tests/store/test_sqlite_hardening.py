"""A kill in the middle of a write: nothing acknowledged is lost, nothing half-written stays.

A child process writes batches of payments, one transaction each, and prints each batch's
number once ``import_payments`` has returned (acknowledged). The parent kills it with SIGKILL
while it writes, reopens the file, and checks: every acknowledged batch is whole, any other
batch is whole or absent, and the database passes SQLite's integrity check.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path

import pytest

from participatory.ledger import Contributor
from participatory.store import SqliteLedgerStore

BATCH = 400

WRITER = textwrap.dedent(
    """
    import sys
    from participatory.ledger import PaymentEntry
    from participatory.store import SqliteLedgerStore

    store = SqliteLedgerStore.open(sys.argv[1])
    start = int(sys.argv[2])
    for batch in range(start, start + 100_000):
        store.import_payments([
            PaymentEntry(f"b{batch}-{i}", "c-1", "1.00", "2026-01-13", payer="uni")
            for i in range(int(sys.argv[3]))
        ])
        print(batch, flush=True)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_a_killed_writer_leaves_only_whole_batches(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    with SqliteLedgerStore.create(path) as store:
        store.add(contributors=[Contributor("c-1")])
    acknowledged: list[int] = []
    start = 0
    for round_number in range(3):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(start), str(BATCH)],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        assert child.stdout is not None
        # Wait for a few acknowledged batches, then kill at a moment that varies by round.
        for _ in range(3 + round_number):
            line = child.stdout.readline()
            assert line, "the writer stopped before writing"
            acknowledged.append(int(line))
        time.sleep(0.003 * (round_number + 1))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate(timeout=30)
        acknowledged.extend(int(line) for line in rest.split())
        assert child.returncode == -signal.SIGKILL
        start = max(acknowledged) + 2  # leave a gap: a committed, unacknowledged batch fits
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with SqliteLedgerStore.open(path) as store:
        ids = list(store.load().payments)
    sizes = Counter(key.split("-")[0] for key in ids)
    for batch in acknowledged:
        assert sizes[f"b{batch}"] == BATCH, f"acknowledged batch {batch} is not whole"
    assert all(size == BATCH for size in sizes.values()), "a batch was half-written"
    assert len(sizes) <= len(acknowledged) + 3  # at most one unacknowledged batch a round
