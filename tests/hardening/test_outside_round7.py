"""An outside tester's attacks on the promises of issue 18's seventh round.

The round shares the benefits rules' rates records between every check made with one
parameter set and one choice about stale figures (``shared_records``): each check allowing
stale figures must still report, as ``BEN-STALE-PARAMETERS``, every stale figure it used,
even when another check built the record, and a strict check must still refuse a day past
the data. Each group here compares a check made on shared records with the same check made
on a fresh copy of the parameter set (nothing shared) or in a fresh process: the same
amounts, the same findings in the same order. Then the promises the project makes to any
caller: the same answer whatever decimal context is set, no special-category figure in a
public result's repr, no process-wide state changed.

The bugs this found are fixed, and their tests guard the fixes: the largest safe payment,
the headroom and a what-if comparison made from stale figures now say which; a full bounded
cache shared by threads no longer fails; a comparison and scaled fees no longer depend on
the caller's decimal context; an instalment plan's repr withholds its amounts.
"""

from __future__ import annotations

import datetime as dt
import decimal
import gc
import json
import locale
import logging
import pickle
import subprocess
import sys
import threading
import warnings
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participatory.benefits import (
    BenefitsCheck,
    CarersAllowanceClaim,
    Household,
    Person,
    Receipt,
    UniversalCreditClaim,
    assess_benefits,
    assess_many,
)
from participatory.benefits.headroom import headroom
from participatory.benefits.mechanism import Context, shared_records
from participatory.benefits.planning import plan_instalments, plan_safe_payment
from participatory.benefits.scenarios import ContributorCase, compare, scale_fees
from participatory.cli import main
from participatory.core.errors import ParametersNotAvailable, ParticipatoryError
from participatory.core.money import Money
from participatory.core.params import (
    CACHE_LIMIT,
    BoundedCache,
    ParameterSet,
    bundled_parameters,
)
from participatory.render.text import sentence
from participatory.testing import benefits as tb

ROOT = Path(__file__).parent.parent.parent
EXAMPLE = ROOT / "examples" / "arts-coproduction.toml"

#: The benefits figures are known current to 5 April 2027; these days lie past it.
STALE_MONDAY = dt.date(2029, 6, 11)
CURRENT_MONDAY = dt.date(2026, 6, 8)

CARER = Household(people=[Person("amira", carers_allowance=CarersAllowanceClaim())])
UC_CARER = Household(
    people=[Person("bzqx", carers_allowance=CarersAllowanceClaim())],
    universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 3, 10)),
)
UC = Household(
    people=[Person("cyw")],
    universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 3, 10)),
)


def _fresh() -> ParameterSet:
    """The bundled figures in a set of their own: no rates record shared with any check."""
    return ParameterSet(bundled_parameters())


def _answer(check: BenefitsCheck) -> tuple[Any, ...]:
    """Everything a caller reads from a check: its amounts, rows and findings, in order."""
    return (
        check.amounts_pennies(),
        check.change_pennies(),
        check.paid_pennies,
        check.numbers,
        check.findings,
    )


def _stale_names(check: BenefitsCheck) -> list[str]:
    return [f.values["name"] for f in check.by_rule("BEN-STALE-PARAMETERS")]


def _run(
    household: Household,
    receipts: tuple[Receipt, ...],
    parameters: ParameterSet,
    allow_stale: bool,
) -> tuple[Any, ...]:
    try:
        return ("answer", _answer(assess_benefits(household, receipts, parameters=parameters,
                                                  allow_stale=allow_stale)))  # fmt: skip
    except ParticipatoryError as refused:
        return ("refused", type(refused).__name__, str(refused))


# ---------------------------------------------------------------------------------------------
# 1. Shared rates records: every check reports its own stale figures; a strict check refuses


def test_a_stale_check_worked_by_hand_reports_both_stale_figures_each_time() -> None:
    """£250 in the benefit week from Monday 11 June 2029, years past the figures: the last
    known earnings limit (£204 a week from 6 April 2026) is passed, so the week's Carer's
    Allowance (£86.45, the last known rate) is lost. Both figures are stale, and the second
    check, finding the records the first built, still reports both."""
    receipts = (Receipt("250.00", STALE_MONDAY),)
    parameters = _fresh()
    first = assess_benefits(CARER, receipts, parameters=parameters, allow_stale=True)
    second = assess_benefits(CARER, receipts, parameters=parameters, allow_stale=True)
    for check in (first, second):
        assert check.change_pennies() == -8645
        assert sorted(_stale_names(check)) == [
            "carers_allowance.earnings_limit",
            "carers_allowance.weekly_rate",
        ]
    assert _answer(second) == _answer(first)


def test_a_strict_check_refuses_past_the_data_after_stale_checks_built_its_records() -> None:
    """Stale-allowing checks first, on the very days; then strict ones: each refuses, and
    the stale ones after them still answer as on a fresh set."""
    parameters = _fresh()
    receipts = (Receipt("250.00", STALE_MONDAY), Receipt("120.00", STALE_MONDAY + dt.timedelta(7)))
    for household in (CARER, UC_CARER, UC):
        tolerant = assess_benefits(household, receipts, parameters=parameters, allow_stale=True)
        with pytest.raises(ParametersNotAvailable):
            assess_benefits(household, receipts, parameters=parameters)
        with pytest.raises(ParametersNotAvailable):
            assess_benefits(household, receipts)  # the bundled set's shared context
        again = assess_benefits(household, receipts, parameters=parameters, allow_stale=True)
        alone = assess_benefits(household, receipts, parameters=_fresh(), allow_stale=True)
        assert _answer(tolerant) == _answer(again) == _answer(alone)
        assert _stale_names(again)


def test_a_check_straddling_the_end_of_the_data_reports_only_its_own_stale_figures() -> None:
    """A check inside the data reads the same records a straddling check reads for its
    current weeks: it reports no stale figure, and the straddling one reports each of its
    own, whichever ran first."""
    parameters = _fresh()
    current = (Receipt("250.00", CURRENT_MONDAY),)
    straddling = (*current, Receipt("250.00", STALE_MONDAY))
    for order in ((current, straddling), (straddling, current)):
        results = [
            assess_benefits(UC_CARER, receipts, parameters=parameters, allow_stale=True)
            for receipts in order
        ]
        for receipts, check in zip(order, results, strict=True):
            alone = assess_benefits(UC_CARER, receipts, parameters=_fresh(), allow_stale=True)
            assert _answer(check) == _answer(alone)
            assert bool(_stale_names(check)) == (receipts is straddling)


_DAYS = st.dates(dt.date(2025, 1, 1), dt.date(2029, 6, 30))


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.tuples(tb.households(), tb.receipt_lists(max_size=4, days=_DAYS), st.booleans()),
        min_size=2,
        max_size=4,
    )
)
def test_checks_interleaved_on_one_set_answer_as_each_alone_on_a_fresh_set(
    cases: list[tuple[Household, list[Receipt], bool]],
) -> None:
    """Any mix of strict and stale-allowing checks, in any order, on one set: each gives
    the answer (or the refusal) it gives on a set of its own."""
    shared = _fresh()
    seen = [_run(h, tuple(r), shared, stale) for h, r, stale in cases]
    for (household, receipts, stale), got in zip(cases, seen, strict=True):
        assert got == _run(household, tuple(receipts), _fresh(), stale)


def test_a_batch_allowing_stale_figures_gives_each_case_its_own_stale_findings() -> None:
    """The same household three times and another once, read back in reverse order: each
    check from the batch carries the findings it carries alone on a fresh set."""
    cases = [
        (CARER, (Receipt("250.00", STALE_MONDAY),)),
        (CARER, (Receipt("50.00", CURRENT_MONDAY),)),
        (CARER, (Receipt("250.00", STALE_MONDAY),)),
        (UC, (Receipt("500.00", STALE_MONDAY),)),
    ]
    batch = assess_many(cases, allow_stale=True)
    for index in reversed(range(len(cases))):
        household, receipts = cases[index]
        alone = assess_benefits(household, receipts, parameters=_fresh(), allow_stale=True)
        assert _answer(batch[index]) == _answer(alone)
        assert _answer(batch[index]) == _answer(batch[index])  # a second read: the same
    assert _stale_names(batch[0]) == _stale_names(batch[2]) != []
    assert _stale_names(batch[1]) == []
    assert _stale_names(batch[3])


def test_stale_checks_in_threads_each_report_their_stale_figures() -> None:
    """Four threads, each making stale-allowing checks on one set (well inside the caches'
    bounds): every check equals the same check made alone on a fresh set."""
    parameters = _fresh()
    work = [
        (household, (Receipt(amount, STALE_MONDAY + dt.timedelta(days=7 * week)),))
        for household in (CARER, UC_CARER, UC)
        for amount in ("50.00", "250.00")
        for week in range(4)
    ]
    expected = [
        _answer(assess_benefits(h, r, parameters=_fresh(), allow_stale=True)) for h, r in work
    ]
    barrier = threading.Barrier(4)
    seen: dict[int, list[tuple[Any, ...]]] = {}

    def run(index: int) -> None:
        barrier.wait()
        order = work[index:] + work[:index]
        got = [_answer(assess_benefits(h, r, parameters=parameters, allow_stale=True))
               for h, r in order]  # fmt: skip
        seen[index] = got[len(work) - index :] + got[: len(work) - index]

    threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == dict.fromkeys(range(4), expected)


def test_a_what_if_set_never_reads_the_records_of_the_set_it_was_made_from() -> None:
    """A £300 earnings limit from 6 April 2026 (a what-if replacing that day's £204): £250
    in the week of 11 June 2029 then keeps the week's Carer's Allowance, though the bundled
    set, whose records were built first for the very day, loses it (£250 > £204)."""
    base = _fresh()
    higher = base.with_value(
        "carers_allowance.earnings_limit",
        Decimal("300.00"),
        effective_from=dt.date(2026, 4, 6),
        source="What if: a £300 limit",
    )
    receipts = (Receipt("250.00", STALE_MONDAY),)
    for parameters, change in ((base, -8645), (higher, 0), (base, -8645)):
        check = assess_benefits(CARER, receipts, parameters=parameters, allow_stale=True)
        assert check.change_pennies() == change
    assert shared_records(higher, True) is not shared_records(base, True)
    # The what-if figure keeps the known end it replaces: both figures are stale there too.
    what_if = assess_benefits(CARER, receipts, parameters=higher, allow_stale=True)
    assert sorted(_stale_names(what_if)) == [
        "carers_allowance.earnings_limit",
        "carers_allowance.weekly_rate",
    ]
    limit = what_if.by_rule("BEN-STALE-PARAMETERS")
    assert {f.values["name"]: f.values["value"] for f in limit}[
        "carers_allowance.earnings_limit"
    ] == Money.gbp("300.00")
    alone = assess_benefits(CARER, receipts, parameters=ParameterSet(higher), allow_stale=True)
    assert _answer(what_if) == _answer(alone)
    result = compare(
        [ContributorCase("C1", CARER, receipts)],
        alternative=higher,
        baseline=base,
        allow_stale=True,
    )
    assert (result.baseline_loss, result.alternative_loss) == (Money.gbp("86.45"), Money.gbp(0))


def test_full_caches_forget_records_but_no_stale_figure() -> None:
    """More days than the caches hold (each bounded by ``CACHE_LIMIT``): a check made first
    and again after them gives the same answer, the stale figures included, and no cache
    grows past its bound."""
    parameters = _fresh()
    receipts = (Receipt("250.00", STALE_MONDAY),)
    first = assess_benefits(CARER, receipts, parameters=parameters, allow_stale=True)
    ctx = Context(parameters, allow_stale=True)
    from participatory.benefits import carers_allowance
    from participatory.core.nations import Nation

    for offset in range(CACHE_LIMIT + 50):
        carers_allowance.rates(ctx, Nation.ENGLAND, STALE_MONDAY + dt.timedelta(days=offset))
    assert len(ctx.records) <= CACHE_LIMIT
    assert len(shared_records(parameters, True)) <= CACHE_LIMIT
    again = assess_benefits(CARER, receipts, parameters=parameters, allow_stale=True)
    assert _answer(again) == _answer(first)
    assert sorted(ctx.stale) == ["carers_allowance.earnings_limit", "carers_allowance.weekly_rate"]


_IN_A_FRESH_PROCESS = """
import datetime as dt, json, pickle, sys
from participatory.benefits import (CarersAllowanceClaim, Household, Person, Receipt,
    UniversalCreditClaim, assess_benefits)
def seen(check):
    return [check.change_pennies(),
            [[f.rule_id, f.message_key, sorted(map(str, f.values.items()))]
             for f in check.findings]]
sent = pickle.loads(sys.stdin.buffer.read())  # findings not read before it was pickled
day = dt.date(2029, 6, 11)
carer = Household(people=[Person("bzqx", carers_allowance=CarersAllowanceClaim())],
    universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 3, 10)))
check = assess_benefits(carer, (Receipt("250.00", day),), allow_stale=True)
print(json.dumps([seen(check), seen(sent)]))
"""


def test_a_stale_check_after_others_answers_as_in_a_fresh_process() -> None:
    """Made after checks that built the records of the weeks around it, the check answers,
    finding for finding, as the same check made first in a fresh process; and, pickled
    before its findings were read, it explains itself there the same way."""
    day = STALE_MONDAY
    for week in range(-3, 4):
        assess_benefits(UC_CARER, (Receipt("90.00", day + dt.timedelta(7 * week)),),
                        allow_stale=True)  # fmt: skip
    here = assess_benefits(UC_CARER, (Receipt("250.00", day),), allow_stale=True)
    sent = pickle.dumps(here)
    done = subprocess.run(
        [sys.executable, "-c", _IN_A_FRESH_PROCESS],
        input=sent,
        capture_output=True,
        check=True,
        timeout=120,
    )
    expected = [
        here.change_pennies(),
        [[f.rule_id, f.message_key, sorted(map(str, f.values.items()))] for f in here.findings],
    ]
    assert json.loads(done.stdout) == [expected, expected]
    assert "BEN-STALE-PARAMETERS" in {rule for rule, _key, _values in expected[1]}


# Planning answers made from stale figures: each answer should say it was.


def _safe() -> Any:
    return plan_safe_payment(CARER, STALE_MONDAY, allow_stale=True)


def _headroom() -> Any:
    return headroom(CARER, STALE_MONDAY, allow_stale=True)


def _compared() -> Any:
    return compare(
        [ContributorCase("C1", CARER, (Receipt("250.00", STALE_MONDAY),))],
        alternative=_fresh(),
        allow_stale=True,
    )


def _instalments() -> Any:
    return plan_instalments(
        CARER, Money.gbp("300.00"), [STALE_MONDAY, STALE_MONDAY + dt.timedelta(7)],
        allow_stale=True,
    )  # fmt: skip


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(_instalments, id="plan_instalments"),
        pytest.param(_safe, id="plan_safe_payment"),
        pytest.param(_headroom, id="headroom"),
        pytest.param(_compared, id="compare"),
    ],
)
def test_an_answer_from_stale_figures_says_which(answer: Callable[[], Any]) -> None:
    """11 June 2029 is past the 2026/27 figures' known end (5 April 2027): the carer's
    answers rest on the last known earnings limit, and each says so."""
    result = answer()
    stale = {f.values["name"] for f in result.findings if f.rule_id == "BEN-STALE-PARAMETERS"}
    assert "carers_allowance.earnings_limit" in stale


class _Key:
    """A cache key whose hash, asked for once in the evicting thread, lets another thread
    run first: the switch the interpreter may make between any two bytecodes of
    ``remember``'s eviction loop (shown with real checks by many threads over many days)."""

    pause: threading.Event | None = None
    resume = threading.Event()

    def __init__(self, n: int) -> None:
        self.n = n

    def __hash__(self) -> int:
        pause = _Key.pause
        if pause is not None and threading.current_thread().name == "first":
            _Key.pause = None
            pause.set()
            _Key.resume.wait(5)
        return self.n

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Key) and other.n == self.n


def test_two_threads_filling_a_full_cache_at_once_both_succeed() -> None:
    cache = BoundedCache()
    for n in range(CACHE_LIMIT):
        cache.remember(_Key(n), n)
    paused = threading.Event()
    _Key.pause, _Key.resume = paused, threading.Event()
    failures: list[str] = []

    def add(n: int) -> None:
        try:
            cache.remember(_Key(n), n)
        except Exception as failure:  # any failure is the finding
            failures.append(repr(failure))

    first = threading.Thread(target=add, args=(-1,), name="first")
    first.start()
    assert paused.wait(5)  # the first thread is evicting, between two deletions
    add(-2)  # ... when another finds the cache full too
    _Key.resume.set()
    first.join()
    assert failures == []
    assert len(cache) <= CACHE_LIMIT
    assert cache[_Key(-1)] == -1
    assert cache[_Key(-2)] == -2


# ---------------------------------------------------------------------------------------------
# 2. The same answer whatever decimal context the caller set


_HOSTILE_CONTEXTS = [
    pytest.param(decimal.Context(prec=3), id="3 digits"),
    pytest.param(decimal.Context(prec=6, rounding=decimal.ROUND_FLOOR), id="6 digits, floor"),
    pytest.param(decimal.Context(traps=[decimal.Inexact, decimal.Rounded]), id="exact traps"),
]


@pytest.mark.parametrize("context", _HOSTILE_CONTEXTS)
def test_planning_answers_the_same_whatever_the_callers_decimal_context(
    context: decimal.Context,
) -> None:
    day = dt.date(2025, 6, 11)
    made = (
        plan_safe_payment(CARER, day),
        headroom(UC_CARER, day),
        plan_instalments(CARER, Money.gbp("1234.56"), [day, day + dt.timedelta(7)]),
    )
    with decimal.localcontext(context):
        again = (
            plan_safe_payment(CARER, day),
            headroom(UC_CARER, day),
            plan_instalments(CARER, Money.gbp("1234.56"), [day, day + dt.timedelta(7)]),
        )
    assert again == made
    assert [a.findings for a in again] == [m.findings for m in made]


def _comparison_totals() -> tuple[Money, Money, int, int]:
    """Three carers each paid £250 in the week of 9 June 2025 (limit £196): each loses the
    week's £83.30, so the baseline loss is 3 × £83.30 = £249.90; under the same figures the
    alternative loses the same."""
    day = dt.date(2025, 6, 9)
    cases = [ContributorCase(f"C{i}", CARER, (Receipt("250.00", day),)) for i in range(3)]
    result = compare(cases, alternative=bundled_parameters())
    return result.baseline_loss, result.alternative_loss, result.better_off, result.worse_off


def test_a_comparison_worked_by_hand() -> None:
    assert _comparison_totals() == (Money.gbp("249.90"), Money.gbp("249.90"), 0, 0)


@pytest.mark.parametrize(
    "context",
    [
        pytest.param(decimal.Context(prec=3), id="3 digits"),
        *_HOSTILE_CONTEXTS[1:],
    ],
)
def test_a_comparison_is_the_same_whatever_the_callers_decimal_context(
    context: decimal.Context,
) -> None:
    with decimal.localcontext(context):
        assert _comparison_totals() == (Money.gbp("249.90"), Money.gbp("249.90"), 0, 0)


@pytest.mark.parametrize("context", _HOSTILE_CONTEXTS)
def test_scaled_fees_are_the_same_whatever_the_callers_decimal_context(
    context: decimal.Context,
) -> None:
    receipts = (Receipt("1234.56", dt.date(2025, 6, 9)),)
    assert scale_fees("1.1")(receipts)[0].amount == Money.gbp("1358.02")
    with decimal.localcontext(context):
        scaled = scale_fees("1.1")(receipts)
    assert scaled[0].amount == Money.gbp("1358.02")


# ---------------------------------------------------------------------------------------------
# 3. No special-category figure in a public result's repr


def test_an_instalment_plan_hides_what_a_safe_payment_hides() -> None:
    """£300 over the weeks of 9 and 16 June 2025 for a carer: £196.00 (the most that keeps
    the week's Carer's Allowance, limit £196) in the first week, the £104.00 left in the
    second. The safe amount is withheld from SafePayment's repr: so must it be here."""
    day = dt.date(2025, 6, 9)
    safe = plan_safe_payment(CARER, day)
    assert safe.amount == Money.gbp("196.00")
    assert "196" not in repr(safe)
    plan = plan_instalments(CARER, Money.gbp("300.00"), [day, day + dt.timedelta(7)])
    assert [r.amount for r in plan.instalments] == [Money.gbp("196.00"), Money.gbp("104.00")]
    for shown in (repr(plan), str(plan)):
        assert "196" not in shown
        assert "104" not in shown


def test_a_headroom_and_a_safe_payment_hide_the_households_figures() -> None:
    """What round 6 did not reach: the planning results. The £196 limit, the carer's
    safe amount, is withheld from each."""
    day = dt.date(2025, 6, 9)
    for result in (plan_safe_payment(CARER, day), headroom(CARER, day)):
        for shown in (repr(result), str(result)):
            assert "196" not in shown
            assert "<redacted>" in shown


# ---------------------------------------------------------------------------------------------
# 4. Nothing process-wide changes: the command line in process, and the planning calls


def _process_state() -> tuple[object, ...]:
    context = decimal.getcontext()
    import signal

    return (
        gc.isenabled(),
        gc.get_threshold(),
        gc.get_freeze_count(),
        (context.prec, context.rounding, context.Emax, context.Emin, context.clamp),
        tuple(sorted(k.__name__ for k, v in context.traps.items() if v)),
        locale.setlocale(locale.LC_ALL),
        logging.root.level,
        tuple(logging.root.handlers),
        logging.root.manager.disable,
        tuple(warnings.filters),
        sys.getrecursionlimit(),
        sys.get_int_max_str_digits(),
        sys.getswitchinterval(),
        threading.stack_size(),
        signal.getsignal(signal.SIGPIPE),
        signal.getsignal(signal.SIGINT),
        sys.excepthook,
        tuple(sys.path),
        tuple(sys.meta_path),
        json.loads,
        decimal.Decimal,
    )


def test_the_command_line_and_planning_change_no_process_wide_state(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    question = tmp_path / "q.json"
    question.write_text(
        json.dumps(
            {
                "household": {"people": [{"id": "me", "carers_allowance": {}}]},
                "receipts": [{"amount": "150.00 GBP", "received_on": "2026-01-14"}],
            }
        ),
        encoding="utf-8",
    )
    runs = [
        ["assess", str(EXAMPLE), "--as-at", "2026-12-06", "--format", "html", "--locale", "cy"],
        ["assess", str(EXAMPLE), "--as-at", "2031-12-06", "--format", "json"],
        ["assess", str(EXAMPLE), "--as-at", "2031-12-06", "--on-stale", "refuse"],
        ["benefits", str(question), "--as-at", "2026-01-14", "--format", "text"],
        ["data", "--as-at", "2026-12-06"],
        ["assess", str(tmp_path), "--as-at", "2026-12-06"],
    ]
    decimal.getcontext().clear_flags()
    before = _process_state()
    statuses = [main(argv) for argv in runs]
    plan_safe_payment(CARER, STALE_MONDAY, allow_stale=True)
    headroom(UC_CARER, STALE_MONDAY, allow_stale=True)
    _compared()
    assert _process_state() == before
    assert statuses == [0, 0, 2, 0, 0, 2]
    capsys.readouterr()


# ---------------------------------------------------------------------------------------------
# 5. Odd input to the command line: one line on standard error and status 2, never a traceback


def _odd_inputs(tmp_path: Path) -> list[list[str]]:
    good = {
        "household": {"people": [{"id": "me", "carers_allowance": {}}]},
        "receipts": [{"amount": "150.00 GBP", "received_on": "2026-01-14", "person": "me"}],
    }
    text = json.dumps(good)
    # A UTF-8 byte-order mark is read since the ninth round (tests/core/test_limits_bom.py).
    files = {
        "utf16.json": text.encode("utf-16"),
        "latin1.json": text.replace("me", "m\xe9").encode("latin-1"),
        "nul.json": b"\x00",
        "deep.json": b'{"a":' * 5000 + b"1" + b"}" * 5000,
        "huge-amount.json": text.replace("150.00 GBP", "1e999999 GBP").encode(),
        "long-number.json": text.replace('"150.00 GBP"', "1" + "0" * 400).encode(),
        "infinity.json": text.replace('"150.00 GBP"', "Infinity").encode(),
        "year-9999.json": text.replace("2026-01-14", "9999-12-31").encode(),
        "year-1.json": text.replace("2026-01-14", "0001-01-01").encode(),
        "surrogate.json": text.replace('"me"', '"\\ud800"').encode(),
        "utf16.toml": EXAMPLE.read_text(encoding="utf-8").encode("utf-16"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    runs = [["benefits", str(tmp_path / n)] for n in files if n.endswith(".json")]
    runs += [["ethics", str(tmp_path / "deep.json")], ["assess", str(tmp_path / "utf16.toml")]]
    example = str(EXAMPLE)
    odd_days = ("9999-12-31", "0001-01-01", "2026-02-29", "２０２６-１２-０６")
    runs += [["assess", example, "--as-at", day] for day in odd_days]
    runs += [
        ["assess", example, "--brand", str(tmp_path / "deep.json")],
        ["assess", example, "--rates", str(tmp_path)],
        ["assess", example, "--output", str(tmp_path)],
        ["cost", "--card", "blue_heart", "--activity", "other", "--hours", "1e999999"],
        ["cost", "--card", "blue_heart", "--activity", "other", "--days", "٣"],
        ["data", "--parameters", str(tmp_path / "deep.json")],
    ]
    return [[*argv, *([] if "--as-at" in argv else ["--as-at", "2026-01-14"])] for argv in runs]


def test_odd_input_is_one_line_and_status_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in _odd_inputs(tmp_path):
        status = main(argv)
        out, err = capsys.readouterr()
        assert status == 2, argv
        assert out == "", argv
        assert err.count("\n") == 1, (argv, err)
        assert err.startswith(f"participatory {argv[0]}: "), (argv, err)
        assert "Traceback" not in err


def test_a_comparison_of_one_contributor_withholds_that_persons_loss() -> None:
    """One carer paid £250 in the week of 9 June 2025 loses that week's £83.30 (the limit
    is £196): over one contributor the comparison's totals are that person's own loss, so
    the summary is withheld by default and no repr shows the figure."""
    day = dt.date(2025, 6, 9)
    one = compare(
        [ContributorCase("C1", CARER, (Receipt("250.00", day),))],
        alternative=bundled_parameters(),
    )
    assert one.baseline_loss == Money.gbp("83.30")
    assert [f.sensitive for f in one.findings] == [True]
    assert "83.30" not in repr(one)
    assert "83.30" not in str(one)
    two = compare(
        [ContributorCase(f"C{i}", CARER, (Receipt("250.00", day),)) for i in range(2)],
        alternative=bundled_parameters(),
    )
    assert [f.sensitive for f in two.findings] == [False]


def test_a_stale_amount_is_quoted_as_money() -> None:
    """A carer paid £250 on 11 June 2029, past the 2026/27 figures' end (5 April 2027):
    the earnings limit used is the last known, £204 a week from 6 April 2026, and the
    warning quotes it as money (it read "the last known value (204, …)")."""
    check = assess_benefits(CARER, [Receipt("250.00", "2029-06-11")], allow_stale=True)
    limit = next(
        f
        for f in check.findings
        if f.rule_id == "BEN-STALE-PARAMETERS"
        and f.values["name"] == "carers_allowance.earnings_limit"
    )
    assert limit.values["value"] == Money.gbp("204.00")
    assert "last known value (£204.00, from 6 April 2026)" in sentence(
        limit, locale="en_GB", include_sensitive=True
    )


_PLAN = """
plan = {{project = "Threads", currency = "GBP"}}
timeliness = {{working_days = 10, nation = "england", source = {source}}}
[[payments]]
id = "amira-s1"
contributor = "amira"
kind = "fee"
amount = "90.00 GBP"
activity = "Co-design session 1"
activity_on = 2026-05-12
due_on = 2026-05-22
"""


@pytest.mark.parametrize("source", ['""', '"   "', "nan", "10", "true"])
def test_a_payment_policy_with_no_name_is_refused_in_one_line(
    source: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by the test command's own hypothesis run (cost --plan with a generated plan): a
    timeliness policy whose source was empty or not text passed the plan's reading and then
    failed with a traceback when the report cited it. It is refused when read."""
    plan = tmp_path / "plan.toml"
    plan.write_text(_PLAN.format(source=source), encoding="utf-8")
    assert main(["cost", "--plan", str(plan)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "source" in captured.err


def test_payment_policies_refuse_a_source_that_names_nothing() -> None:
    from participatory.payments.methods import MethodPolicy, PaymentMethod
    from participatory.payments.timeliness import TimelinessPolicy

    assert TimelinessPolicy(10).source == "institution payment policy"
    with pytest.raises(ParticipatoryError, match="source: must name"):
        TimelinessPolicy(10, source="")
    with pytest.raises(ParticipatoryError, match="source: must name"):
        MethodPolicy(frozenset({next(iter(PaymentMethod))}), source=None)  # type: ignore[arg-type]
