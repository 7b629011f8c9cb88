""":mod:`participatory.core.exact`: hardening: the caller's decimal context changes nothing.

Issue 17: with ``getcontext().prec = 6``, ``Money.gbp("99999.99") + Money.gbp("0.02")`` was
``100000``; a ROUND_DOWN context changed findings; a trap on ``Inexact`` raised
``decimal.Inexact`` out of ``assess``. The cause: the library computed in whatever context
the caller had set. Now Money computes in the library's own context and every entry point
runs in a copy of it (:func:`~participatory.core.exact.computes_exactly`).

The general tests run *every* main entry point (:mod:`tests.entry_points`) under hostile
contexts and compare with the default context, and check that no entry point changes any
process-wide state: the decimal context and its flags, locale, logging, warnings, the
garbage collector, recursion and integer-conversion limits, the environment.
"""

from __future__ import annotations

import decimal
import functools
import gc
import io
import locale
import logging
import os
import sys
import threading
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.assessment import assess
from participatory.cli import main
from participatory.core.exact import CONTEXT, computes_exactly
from participatory.core.money import Money, allocate
from participatory.project import load_project
from tests.entry_points import (
    AS_AT,
    EXAMPLES,
    PROJECT_FILES,
    canonical,
    entry_points,
    known_failure,
)

#: Contexts a web server might have set for its own reasons, each hostile in its own way.
HOSTILE: dict[str, Callable[[], decimal.Context]] = {
    "prec=6, ROUND_DOWN, traps on Inexact and Rounded": lambda: decimal.Context(
        prec=6,
        rounding=decimal.ROUND_DOWN,
        traps=[decimal.Inexact, decimal.Rounded, decimal.InvalidOperation],
    ),
    "prec=3, ROUND_CEILING": lambda: decimal.Context(prec=3, rounding=decimal.ROUND_CEILING),
    "prec=40, ROUND_05UP, every trap": lambda: decimal.Context(
        prec=40, rounding=decimal.ROUND_05UP, traps=list(decimal.Context().flags)
    ),
}


def _state(context: decimal.Context) -> tuple[object, ...]:
    return (
        context.prec,
        context.rounding,
        context.Emin,
        context.Emax,
        context.capitals,
        context.clamp,
        tuple(sorted((k.__name__, v) for k, v in context.traps.items())),
        tuple(sorted((k.__name__, v) for k, v in context.flags.items())),
    )


@contextmanager
def hostile(name: str) -> Iterator[decimal.Context]:
    """Run the block in the hostile context ``name``; fail if the library touched it."""
    with decimal.localcontext(HOSTILE[name]()) as context:
        before = _state(context)
        yield context
        assert decimal.getcontext() is context, "the caller's context object was replaced"
        assert _state(context) == before, "the caller's context or its flags changed"
        assert not any(context.flags.values()), "a flag was raised in the caller's context"


# -- regressions ------------------------------------------------------------------------


def test_money_adds_exactly_whatever_the_callers_precision() -> None:
    """Issue 17: prec=6 made £99,999.99 + £0.02 into £100,000."""
    with hostile("prec=6, ROUND_DOWN, traps on Inexact and Rounded"):
        total = Money.gbp("99999.99") + Money.gbp("0.02")
        parts = allocate(Money.gbp("99999.99"), [1, 2])
        fee = (Money.gbp("27.50") * 3).quantize()
    assert total == Money.gbp("100000.01")
    assert sum(parts, Money.zero()) == Money.gbp("99999.99")
    assert fee == Money.gbp("82.50")


def test_a_trap_on_inexact_never_escapes_assess() -> None:
    """Issue 17: a caller trapping Inexact got ``decimal.Inexact`` out of ``assess``."""
    project = load_project(EXAMPLES / "mental-health-festival.toml")
    expected = canonical(assess(project, as_at=AS_AT))
    with hostile("prec=6, ROUND_DOWN, traps on Inexact and Rounded"):
        assert canonical(assess(project, as_at=AS_AT)) == expected


def test_a_round_down_context_changes_no_finding() -> None:
    """Issue 17: ROUND_DOWN changed findings; every example gives the same report."""
    for path in PROJECT_FILES:
        project = load_project(path)
        expected = canonical(assess(project, as_at=AS_AT))
        with hostile("prec=3, ROUND_CEILING"):
            assert canonical(assess(project, as_at=AS_AT)) == expected, path.name


def test_computes_exactly_leaves_the_callers_context_as_it_was() -> None:
    @computes_exactly
    def third() -> Decimal:
        return Decimal(1) / 3

    with hostile("prec=3, ROUND_CEILING") as context:
        assert third() == Decimal("0.3333333333333333333333333333")
        assert decimal.getcontext() is context
    assert not any(CONTEXT.flags.values()), "the library's template context is never used"


# -- general ----------------------------------------------------------------------------


@functools.cache
def _expected() -> dict[str, str]:
    """Each entry point's result in the default context (the one the tests run in)."""
    return {entry.name: canonical(entry.call()) for entry in entry_points()}


@pytest.mark.parametrize(
    ("name", "context"),
    [
        pytest.param(
            e.name, context, marks=known_failure("hostile context", f"{e.name} @ {context}")
        )
        for e in entry_points()
        for context in sorted(HOSTILE)
    ],
)
def test_every_entry_point_gives_the_same_result_in_a_hostile_context(
    name: str, context: str, tried: Counter[str]
) -> None:
    """Same result, byte for byte (data and sentences), and the caller's context untouched."""
    tried["hostile decimal contexts"] += 1
    entry = next(e for e in entry_points() if e.name == name)
    expected = _expected()[name]
    with hostile(context):
        got = canonical(entry.call())
    assert got == expected


_COMMANDS = [
    ["assess", str(EXAMPLES / "smart-pillow-workshops.toml"), "--as-at", "2026-09-01",
     "--format", "json", "--include-sensitive"],
    ["assess", str(EXAMPLES / "mental-health-festival.toml"), "--as-at", "2026-07-15",
     "--locale", "cy"],
    ["cost", "--card", "blue_heart", "--activity", "meeting", "--hours", "2.5",
     "--preparation-hours", "1", "--as-at", "2026-12-06"],
    ["cost", "--plan", str(EXAMPLES / "payment-plan.toml"), "--as-at", "2026-07-01",
     "--week-start", "monday", "--format", "json"],
]  # fmt: skip


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("argv", _COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_the_command_line_prints_the_same_in_a_hostile_context(argv: list[str]) -> None:
    expected = _run(argv)
    assert expected[0] == 0
    with hostile("prec=6, ROUND_DOWN, traps on Inexact and Rounded"):
        assert _run(argv) == expected


_ROUNDINGS = [
    decimal.ROUND_DOWN, decimal.ROUND_UP, decimal.ROUND_CEILING, decimal.ROUND_FLOOR,
    decimal.ROUND_HALF_UP, decimal.ROUND_HALF_DOWN, decimal.ROUND_HALF_EVEN, decimal.ROUND_05UP,
]  # fmt: skip
_SIGNALS = [decimal.Inexact, decimal.Rounded, decimal.Subnormal, decimal.Underflow,
            decimal.Clamped, decimal.InvalidOperation, decimal.Overflow]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    prec=st.integers(1, 60),
    rounding=st.sampled_from(_ROUNDINGS),
    traps=st.sets(st.sampled_from(_SIGNALS)),
    pennies=st.lists(st.integers(-(10**16), 10**16), min_size=1, max_size=8),
    weights=st.lists(st.integers(0, 10**6), min_size=1, max_size=6).filter(any),
)
def test_money_is_the_same_in_any_context(
    prec: int,
    rounding: str,
    traps: set[type[decimal.DecimalException]],
    pennies: list[int],
    weights: list[int],
    tried: Counter[str],
) -> None:
    """Sums, differences, products, splits and rounding of Money, in any caller context."""
    tried["money in random decimal contexts"] += 1
    amounts = [Money(Decimal(p).scaleb(-2), "GBP") for p in pennies]

    def work() -> tuple[object, ...]:
        total = Money.total(amounts)
        return (
            total,
            total - amounts[0],
            -(amounts[-1] * 3),
            (amounts[0] * Decimal("0.55")).quantize(),
            allocate(total, weights),
            Money.gbp("99999.99") + Money.gbp("0.02"),
        )

    expected = work()
    context = decimal.Context(prec=prec, rounding=rounding, traps=list(traps))
    with decimal.localcontext(context) as current:
        got = work()
        assert not any(current.flags.values())
    assert got == expected


# -- no process-wide state --------------------------------------------------------------


def _process_state() -> dict[str, object]:
    root = logging.getLogger()
    return {
        "decimal": _state(decimal.getcontext()),
        "gc enabled": gc.isenabled(),
        "gc thresholds": gc.get_threshold(),
        "gc frozen": gc.get_freeze_count(),
        "locale": locale.setlocale(locale.LC_ALL),
        "logging level": root.level,
        "logging handlers": list(root.handlers),
        "logging disabled": logging.root.manager.disable,
        "warnings filters": list(warnings.filters),
        "recursion limit": sys.getrecursionlimit(),
        "int digits": sys.get_int_max_str_digits(),
        "environment": dict(os.environ),
        "threads": threading.active_count(),
    }


#: Process-wide switches a library must never throw (patched to record any call).
_SWITCHES: tuple[tuple[Any, str], ...] = (
    (gc, "disable"),
    (gc, "enable"),
    (gc, "freeze"),
    (gc, "set_threshold"),
    (decimal, "setcontext"),
    (locale, "setlocale"),
    (logging, "basicConfig"),
    (logging, "disable"),
    (warnings, "simplefilter"),
    (warnings, "filterwarnings"),
    (sys, "setrecursionlimit"),
    (sys, "set_int_max_str_digits"),
)


@pytest.mark.parametrize("name", [e.name for e in entry_points()])
def test_no_entry_point_changes_process_wide_state(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17: ``check_many`` switched the garbage collector off for the whole process.

    Every entry point is run with each process-wide switch watched; none may be thrown,
    and everything a process shares is as it was afterwards.
    """
    entry = next(e for e in entry_points() if e.name == name)
    thrown: list[str] = []
    for module, attribute in _SWITCHES:
        original = getattr(module, attribute)

        def watched(*args: Any, _name: str = attribute, _original: Any = original) -> Any:
            if not (_name == "setlocale" and len(args) < 2):  # a query changes nothing
                thrown.append(_name)
            return _original(*args)

        monkeypatch.setattr(module, attribute, watched)
    before = _process_state()
    entry.call()
    after = _process_state()
    monkeypatch.undo()
    assert thrown == []
    assert after == before
