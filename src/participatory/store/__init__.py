"""Keeping the ledger: a small repository protocol, and an embedded SQLite default.

:class:`LedgerStore` is what the command line and an embedding system program against;
:class:`SqliteLedgerStore` keeps the ledger in one owner-only SQLite file (no server);
:func:`read_payments` reads a finance system's CSV or JSON export of payments through a
column mapping, reporting every bad row; :func:`ledger_to_data` and :func:`ledger_from_data`
are the export format.
"""

from participatory.store.codec import ledger_from_data, ledger_to_data
from participatory.store.finance import (
    ColumnMapping,
    FinancePayments,
    ImportLimits,
    ImportRejected,
    read_payments,
)
from participatory.store.protocol import Changes, LedgerStore, StoreError
from participatory.store.sqlite import SqliteLedgerStore

__all__ = [
    "Changes",
    "ColumnMapping",
    "FinancePayments",
    "ImportLimits",
    "ImportRejected",
    "LedgerStore",
    "SqliteLedgerStore",
    "StoreError",
    "ledger_from_data",
    "ledger_to_data",
    "read_payments",
]
