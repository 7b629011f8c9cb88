"""Outside attacks on the ledger: its command line, its SQLite file and its models.

Found by attacking the promises of "Hardening: limits and the threat model" from outside:

- ``ledger check --received-on 0001-01-01`` (or ``9999-12-31``, or such a ``--worked-on``)
  and ``ledger headroom --day 9999-12-31`` ended in an ``OverflowError`` traceback: the
  window of other payments around the day ran off the calendar
  (:func:`participatory.ledger.before_paying.context_window`).
- A ledger file changed outside the library (an amount, a date or a community list that is
  not one) ended every reading command in a ``decimal.InvalidOperation``, ``ValueError`` or
  ``JSONDecodeError`` traceback, followed by an "Exception ignored" traceback from a
  half-read cursor; now it is one line naming the file, never the value.
- A :class:`~participatory.ledger.Ledger` could not be pickled or deep-copied (its entries
  were held in a ``mappingproxy``).
- ``ledger import`` read a ledger export with :func:`json.loads`, not the library's strict
  reader: JSON nested thousands deep (``RecursionError``), an integer of 5,000 digits
  (``ValueError``) and ``/dev/zero`` (read without end) ended in tracebacks. It now reads
  within bounds (larger than a project file's: an export can hold a million payments).
"""

from __future__ import annotations

import copy
import datetime as dt
import decimal
import gc
import io
import json
import locale
import logging
import os
import pickle
import shutil
import sqlite3
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from participatory.cli import main
from participatory.ledger import Contributor, HouseholdRecord, Ledger, PaymentEntry
from participatory.ledger.before_paying import context_window
from tests.hardening.records import HOUSEHOLD

SENTINEL = "QXSENTINELQX"


def run(argv: list[str], stdin: bytes = b"") -> tuple[int, str, str]:
    """The command run in this process: status, standard output and standard error."""
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    sys.stdout, sys.stderr = out, err
    try:
        status = main(argv)
    finally:
        sys.stdin, sys.stdout, sys.stderr = old
    return status, out.getvalue(), err.getvalue()


def assert_one_line(status: int, err: str, what: object) -> None:
    assert status == 2, (what, status, err)
    assert err.count("\n") == 1, (what, err)
    assert "Traceback" not in err
    assert SENTINEL not in err, (what, err)


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ledger")
    path = folder / "l.sqlite3"
    home = folder / "home.json"
    home.write_text(json.dumps(HOUSEHOLD), encoding="utf-8")
    steps = [
        ["init"],
        ["add", "contributor", "amira", "--community", "carers-north"],
        ["add", "household", str(home)],
        ["add", "payment", "--id", "r1", "--person", "amira", "--amount", "150.00",
         "--received-on", "2025-06-13", "--payer", "uni"],
        ["add", "ask", "--id", "k1", "--project", "p", "--activity", "a", "--asked-on",
         "2025-06-01", "--person", "amira"],
    ]  # fmt: skip
    for step in steps:
        status, _out, err = run(["ledger", *step, "--ledger", str(path)])
        assert status == 0, (step, err)
    return path


# -- the ends of the calendar --------------------------------------------------------------


@pytest.mark.parametrize("day", ["0001-01-01", "0001-02-01", "9999-12-31", "9999-11-30"])
@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--person", "amira", "--amount", "10.00", "--received-on", "{day}"],
        ["check", "--person", "amira", "--amount", "10.00", "--worked-on", "{day}"],
        ["headroom", "--person", "amira", "--day", "{day}"],
    ],
    ids=["received-on", "worked-on", "headroom"],
)
def test_a_check_at_the_ends_of_the_calendar_is_an_answer_or_one_line(
    ledger_file: Path, argv: list[str], day: str
) -> None:
    """It was an ``OverflowError`` traceback (the context window ran off the calendar)."""
    filled = [day if part == "{day}" else part for part in argv]
    filled += ["--as-at", "2025-06-10", "--ledger", str(ledger_file)]
    if "--worked-on" in filled:
        filled += ["--received-on", "2025-06-20"]
    status, _out, err = run(["ledger", *filled])
    if status != 0:
        assert_one_line(status, err, filled)


def test_the_context_window_stops_at_the_ends_of_the_calendar() -> None:
    assert context_window(dt.date.min).start == dt.date.min
    assert context_window(dt.date.max).end == dt.date.max
    window = context_window(dt.date(2026, 1, 15), dt.date(2025, 12, 1))
    assert (window.start, window.end) == (dt.date(2025, 9, 30), dt.date(2026, 3, 18))


# -- a ledger file changed outside the library ---------------------------------------------

DAMAGE = [
    f"UPDATE payments SET amount = '{SENTINEL}'",
    "UPDATE payments SET amount = x'ff00'",
    f"UPDATE payments SET received_on = '{SENTINEL}'",
    "UPDATE payments SET received_on = 5",
    "UPDATE payments SET hours = 'NaN'",
    f"UPDATE contributors SET communities = '{SENTINEL}['",
    f"UPDATE households SET circumstances = '{SENTINEL}['",
    f"UPDATE consents SET agreed_on = '{SENTINEL}'",
]
READERS = [
    ["export"],
    ["statement", "--person", "amira", "--tax-year", "2025", "--as-at", "2026-04-30"],
    ["check", "--person", "amira", "--amount", "10.00", "--received-on", "2025-06-20",
     "--as-at", "2025-06-10"],
]  # fmt: skip


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_ledger_file_is_one_line_without_its_values(
    ledger_file: Path, damage: str, tmp_path: Path
) -> None:
    path = tmp_path / "damaged.sqlite3"
    shutil.copyfile(ledger_file, path)
    with sqlite3.connect(path) as db:
        db.execute(damage)
    db.close()
    for argv in READERS:
        status, _out, err = run(["ledger", *argv, "--ledger", str(path)])
        assert_one_line(status, err, (damage, argv[0]))
        assert str(path) in err


def test_a_damaged_ledger_file_prints_no_ignored_exception(
    ledger_file: Path, tmp_path: Path
) -> None:
    """A half-read cursor was closed after the file: "Exception ignored" and a traceback."""
    path = tmp_path / "damaged.sqlite3"
    shutil.copyfile(ledger_file, path)
    with sqlite3.connect(path) as db:
        db.execute(f"UPDATE payments SET amount = '{SENTINEL}'")
    db.close()
    done = subprocess.run(
        [sys.executable, "-m", "participatory", "ledger", "export", "--ledger", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1, done.stderr
    assert "Exception ignored" not in done.stderr


# -- the Ledger travels --------------------------------------------------------------------


def test_a_ledger_can_be_pickled_and_deep_copied() -> None:
    """Objects travel: a Ledger held its entries in a mappingproxy, which cannot."""
    from participatory.interchange import from_plain

    record = from_plain(HouseholdRecord, HOUSEHOLD)
    ledger = Ledger(
        contributors=[Contributor("amira", communities=["carers-north"])],
        households=[record],
        payments=[PaymentEntry("r1", "amira", "150.00", "2025-06-13", payer="uni")],
    )
    for copied in (pickle.loads(pickle.dumps(ledger)), copy.deepcopy(ledger)):
        assert copied == ledger
        assert copied.payments_of("amira") == ledger.payments_of("amira")
        with pytest.raises(TypeError):
            copied.payments["r2"] = copied.payments["r1"]  # type: ignore[index]


# -- ledger import -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "document",
    [b"[" * 5000 + b"]" * 5000, b'{"format": "participatory-ledger", "x": ' + b"7" * 5000 + b"}"],
    ids=["nested", "huge-integer"],
)
def test_ledger_import_of_a_hostile_export_is_one_line(document: bytes, tmp_path: Path) -> None:
    path = tmp_path / "l.sqlite3"
    assert run(["ledger", "init", "--ledger", str(path)])[0] == 0
    source = tmp_path / "export.json"
    source.write_bytes(document)
    try:
        status, _out, err = run(["ledger", "import", str(source), "--ledger", str(path)])
    except (RecursionError, ValueError) as error:
        pytest.fail(f"traceback: {type(error).__name__}")
    assert_one_line(status, err, "import")


# -- no process-wide state -----------------------------------------------------------------


def _process_state() -> tuple[object, ...]:
    context = decimal.getcontext()
    return (
        gc.isenabled(),
        sys.getrecursionlimit(),
        sys.get_int_max_str_digits(),
        locale.setlocale(locale.LC_ALL),
        tuple(warnings.filters),
        logging.getLogger().level,
        tuple(logging.getLogger().handlers),
        dict(os.environ),
        context.prec,
        context.rounding,
        tuple(sorted((k.__name__, v) for k, v in context.traps.items())),
        tuple(sorted((k.__name__, v) for k, v in context.flags.items())),
    )


def test_every_ledger_command_leaves_the_process_as_it_was(ledger_file: Path) -> None:
    """Run with the garbage collector off and a low recursion limit, as a caller might."""
    commands = [
        ["check", "--person", "amira", "--amount", "187.77", "--received-on", "2025-06-14",
         "--as-at", "2025-06-10", "--format", "json"],
        ["headroom", "--person", "amira", "--day", "2025-06-15", "--as-at", "2025-06-10"],
        ["statement", "--person", "amira", "--tax-year", "2025", "--as-at", "2026-04-30",
         "--format", "html", "--locale", "cy"],
        ["over-asking", "--as-at", "2025-12-06", "--format", "json"],
        ["export"],
    ]  # fmt: skip
    was_enabled, limit = gc.isenabled(), sys.getrecursionlimit()
    gc.disable()
    sys.setrecursionlimit(400)
    try:
        before = _process_state()
        for argv in commands:
            status, _out, err = run(["ledger", *argv, "--ledger", str(ledger_file)])
            assert status == 0, (argv, err)
            assert _process_state() == before, argv
    finally:
        sys.setrecursionlimit(limit)
        if was_enabled:
            gc.enable()
