"""Outside attacks on the ledger's and the store's public functions: wrong arguments.

``tests/core/test_errors_hardening.py`` gives every main entry point wrong arguments; the
ledger and its store were not among them, and gave Python's own errors:

- ``as_at`` as a naive ``datetime`` (``assess_before_paying``, ``assess_over_asking``,
  ``erase_expired``: "can't compare datetime.datetime to datetime.date") or ``None``
  (``assess_headroom``, ``contributor_statement``);
- ``person`` as a list (``assess_headroom``, ``contributor_statement``: "unhashable type");
- ``SqliteLedgerStore.add(contributors=None)`` or a text, and ``SqliteLedgerStore.open(None)``.

Each is now the library's :class:`~participatory.core.errors.ValidationError`, naming the
argument. The general test replaces every argument of every call with hostile values.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from participatory.core.errors import ParticipatoryError, ValidationError
from participatory.interchange import from_plain
from participatory.ledger import (
    Ask,
    Contributor,
    HouseholdRecord,
    Ledger,
    PaymentEntry,
    assess_before_paying,
    assess_headroom,
    assess_over_asking,
    contributor_statement,
    erase_expired,
)
from participatory.store.sqlite import SqliteLedgerStore

HOUSEHOLD = {
    "id": "h-a",
    "household": {"people": [{"id": "amira", "carers_allowance": {}}]},
    "consents": [
        {"person": "amira", "agreed_by": "amira", "agreed_on": "2025-04-01", "purpose": "checks",
         "retain_until": "2027-03-31"}
    ],
}  # fmt: skip
HOSTILE: list[object] = [
    None, 5, -1, True, "x", "0001-01-01", b"x", [], [None], {"a": None}, object(),
    dt.datetime(2025, 6, 10, 12, 0), 10**30,
]  # fmt: skip


def _ledger() -> Ledger:
    return Ledger(
        contributors=[Contributor("amira")],
        households=[from_plain(HouseholdRecord, HOUSEHOLD)],
        payments=[PaymentEntry("r1", "amira", "150.00", "2025-06-13", payer="uni")],
        asks=[Ask("k", "p", "a", "2025-06-01", person="amira")],
    )


Call = tuple[Callable[..., Any], list[Any], dict[str, Any]]


def _calls(folder: Path) -> dict[str, Call]:
    ledger = _ledger()
    store = SqliteLedgerStore.create(folder / "s.sqlite3")
    store.close()
    proposal = PaymentEntry("new", "amira", "10.00", "2025-06-20", payer="uni")

    def add(**entries: Any) -> object:
        with SqliteLedgerStore.open(folder / "s.sqlite3") as opened:
            return opened.add(**entries)

    return {
        "assess_before_paying": (
            assess_before_paying, [ledger, proposal], {"as_at": dt.date(2025, 6, 10)}
        ),
        "assess_headroom": (
            assess_headroom, [ledger, "amira", dt.date(2025, 6, 20)],
            {"as_at": dt.date(2025, 6, 10)},
        ),
        "contributor_statement": (
            contributor_statement, [ledger, "amira", 2025], {"as_at": dt.date(2026, 4, 30)}
        ),
        "assess_over_asking": (assess_over_asking, [ledger], {"as_at": dt.date(2026, 4, 30)}),
        "erase_expired": (erase_expired, [ledger, dt.date(2028, 1, 1)], {}),
        "SqliteLedgerStore.add": (
            add, [], {"contributors": [Contributor("amira")], "asks": (), "payments": ()}
        ),
        "SqliteLedgerStore.open": (SqliteLedgerStore.open, [folder / "s.sqlite3"], {}),
    }  # fmt: skip


@pytest.mark.parametrize(
    ("name", "slot", "value", "path"),
    [
        ("assess_before_paying", "as_at", dt.datetime(2025, 6, 10, 12, 0), "as_at"),
        ("assess_over_asking", "as_at", dt.datetime(2026, 4, 30, 12, 0), "as_at"),
        ("erase_expired", 1, dt.datetime(2028, 1, 1, 12, 0), "as_at"),
        ("assess_headroom", "as_at", None, "as_at"),
        ("contributor_statement", "as_at", None, "as_at"),
        ("assess_headroom", 1, ["amira"], "person"),
        ("contributor_statement", 1, ["amira"], "person"),
        ("SqliteLedgerStore.add", "contributors", None, "contributors"),
        ("SqliteLedgerStore.add", "contributors", "amira", "contributors"),
        ("SqliteLedgerStore.open", 0, None, "path"),
    ],
)
def test_a_wrong_argument_is_named(
    name: str, slot: int | str, value: object, path: str, tmp_path: Path
) -> None:
    function, args, kwargs = _calls(tmp_path)[name]
    if isinstance(slot, int):
        args[slot] = value
    else:
        kwargs[slot] = value
    with pytest.raises(ValidationError) as caught:
        function(*args, **kwargs)
    assert caught.value.path == path


def test_an_aware_moment_is_its_day_in_london() -> None:
    """The other dated arguments take an aware datetime as its UK day; so does ``as_at``."""
    moment = dt.datetime(2026, 4, 29, 23, 30, tzinfo=dt.UTC)  # 00:30 on 30 April in London
    on_the_day = contributor_statement(_ledger(), "amira", 2025, as_at=dt.date(2026, 4, 30))
    assert contributor_statement(_ledger(), "amira", 2025, as_at=moment) == on_the_day


def test_every_argument_of_every_ledger_call_given_hostile_values(
    tmp_path: Path, tried: Counter[str]
) -> None:
    for name, (function, args, kwargs) in _calls(tmp_path).items():
        function(*args, **kwargs)  # the valid call answers
        slots: list[int | str] = [*range(len(args)), *kwargs]
        for slot in slots:
            for value in HOSTILE:
                tried[f"{name} (wrong arguments)"] += 1
                changed_args, changed_kwargs = list(args), dict(kwargs)
                if isinstance(slot, int):
                    changed_args[slot] = value
                else:
                    changed_kwargs[slot] = value
                try:
                    result = function(*changed_args, **changed_kwargs)
                    getattr(result, "findings", None)  # built when read
                except ParticipatoryError:
                    pass
