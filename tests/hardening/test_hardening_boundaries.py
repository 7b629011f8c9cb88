"""Bad input at every boundary that exists: the library's own error with a place, or a result.

Each boundary (a file loader, the command line) gets valid files broken one way at a time
(:mod:`participatory.testing.bad_input`) and random text. Every input must end in a
:class:`~participatory.core.errors.ParticipatoryError` that says where the problem is, or
in a valid result: never another exception, never a hang. The counts are printed at the
end of the run ("hardening: N inputs tried at <boundary>").
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import signal
import tempfile
import tomllib
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participatory.cli import main
from participatory.core.errors import ParameterFileError, ParticipatoryError, ValidationError
from participatory.core.params import Parameter, load_parameter_file, parse_parameters
from participatory.ethics.guidance import EthicsGuidance, load_guidance, parse_guidance
from participatory.payments.plan_file import PlanFile, parse_payment_plan
from participatory.payments.rates import ActivityKind, RateCard, load_rate_card, parse_rate_card
from participatory.payments.timeliness import check_timeliness
from participatory.readiness.criteria import ReadinessCriteria, load_readiness_criteria
from participatory.testing.bad_input import bad_values, paths, toml_text, toml_texts
from participatory.vocabulary import Vocabulary, load_vocabulary

_DATA = resources.files("participatory") / "data"
_EXAMPLES = Path(__file__).parents[2] / "examples"

#: Longest any single input may take before it counts as a hang.
_HANG_SECONDS = 10


@contextlib.contextmanager
def _no_hang(seconds: float = _HANG_SECONDS) -> Iterator[None]:
    """Fail (rather than wait for ever) if the block runs longer than ``_HANG_SECONDS``."""

    def alarm(_signum: int, _frame: object) -> None:
        raise AssertionError(f"input took longer than {seconds}s: a hang")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _says_where(error: ParticipatoryError) -> bool:
    """Whether the error names the place at fault (a field path or key, or the whole file)."""
    if isinstance(error, ParameterFileError):
        return bool(error.file) and (
            bool(error.key)
            or "TOML" in error.problem
            or "table" in error.problem
            or "read" in error.problem
        )
    if isinstance(error, ValidationError):
        return bool(error.path) or "TOML" in error.problem or "table" in error.problem
    return bool(str(error))


#: Crashes already reported on issue 11 (exception type, the module it escaped from).
#: The fuzz tallies them instead of failing, so it can keep looking for new ones; each has
#: a minimal reproducer below marked xfail(strict), which fails once it is fixed. Empty:
#: every crash reported so far is fixed (their reproducers below now pass).
KNOWN_CRASHES: dict[tuple[str, str], str] = {}


def _crash_site(error: BaseException) -> tuple[str, str]:
    frames = [f for f in traceback.extract_tb(error.__traceback__) if "participatory" in f.filename]
    where = frames[-1].filename.replace("\\", "/").split("src/")[-1] if frames else "?"
    return type(error).__name__, where


def _outcome(parse: Callable[[], object], tried: Counter[str] | None = None) -> object:
    with _no_hang():
        try:
            return parse()
        except ParticipatoryError as error:
            caught: ParticipatoryError = error
        except Exception as error:
            site = _crash_site(error)
            if site not in KNOWN_CRASHES or tried is None:
                raise
            tried[f"known crash (reported): {site[0]} from {site[1]}"] += 1
            return error
    assert _says_where(caught), f"error does not say where: {caught!r}"
    return caught


def _seed(text: str) -> tuple[dict[str, Any], str]:
    return tomllib.loads(text, parse_float=Decimal), text


_PARAMETERS = _seed((_DATA / "parameters" / "benefits" / "carers_allowance.toml").read_text())
_RATE_CARD = _seed((_DATA / "rate_cards" / "nihr.toml").read_text())
_PLAN = _seed((_EXAMPLES / "payment-plan.toml").read_text())
_INSTITUTION_CARD = _seed((_EXAMPLES / "institution-rate-card.toml").read_text())
_ETHICS = _seed((_DATA / "ethics_guidance.toml").read_text())
_READINESS = _seed((_DATA / "readiness.toml").read_text())

_FUZZ = settings(
    max_examples=200,
    deadline=dt.timedelta(seconds=_HANG_SECONDS),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
#: Guidance files are large (every example rewrites a few hundred lines): fewer examples.
_FUZZ_LARGE = settings(_FUZZ, max_examples=60)


@_FUZZ
@given(toml_texts(*_PARAMETERS))
def test_parameter_files(tried: Counter[str], text: str) -> None:
    """parse_parameters: a ParameterFileError naming the file and key, or parameters."""
    tried["parse_parameters"] += 1
    result = _outcome(lambda: parse_parameters(text, "fuzz.toml"))
    if not isinstance(result, ParticipatoryError):
        assert all(isinstance(p, Parameter) for p in result.values())  # type: ignore[attr-defined]


@_FUZZ
@given(toml_texts(*_RATE_CARD))
def test_rate_cards(tried: Counter[str], text: str) -> None:
    """parse_rate_card: a ParameterFileError naming the key, or a card."""
    tried["parse_rate_card"] += 1
    result = _outcome(lambda: parse_rate_card(text, "fuzz.toml"))
    assert isinstance(result, RateCard | ParticipatoryError)


@_FUZZ
@given(toml_texts(*_INSTITUTION_CARD), st.sampled_from([None, "nihr", "whitworth", "nobody"]))
def test_institution_rate_card_files(tried: Counter[str], text: str, base: str | None) -> None:
    """load_rate_card, laid over a bundled card (or a card that does not exist)."""
    tried["load_rate_card"] += 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "card.toml"
        path.write_text(text, encoding="utf-8")
        result = _outcome(lambda: load_rate_card(path, base=base))
    assert isinstance(result, RateCard | ParticipatoryError)


@_FUZZ
@given(toml_texts(*_PLAN, id_keys=("id", "contributor")))
def test_payment_plans(tried: Counter[str], text: str) -> None:
    """parse_payment_plan: a ValidationError with the field path, or a plan."""
    tried["parse_payment_plan"] += 1
    result = _outcome(lambda: parse_payment_plan(text, "fuzz.toml"))
    if isinstance(result, PlanFile):
        # A plan that loads must be usable: totals and summary never fail.
        _outcome(lambda: result.plan.cost_summary())


@_FUZZ_LARGE
@given(toml_texts(*_ETHICS))
def test_ethics_guidance(tried: Counter[str], text: str) -> None:
    """parse_guidance (ethics): a ParameterFileError naming the key, or guidance."""
    tried["ethics parse_guidance"] += 1
    result = _outcome(lambda: parse_guidance(text, file="fuzz.toml"), tried)
    assert isinstance(result, EthicsGuidance | ParticipatoryError)


@_FUZZ_LARGE
@given(toml_texts(*_READINESS))
def test_readiness_criteria(tried: Counter[str], text: str) -> None:
    """load_readiness_criteria: a ParameterFileError naming the key, or criteria."""
    tried["load_readiness_criteria"] += 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "readiness.toml"
        path.write_text(text, encoding="utf-8")
        result = _outcome(lambda: load_readiness_criteria(path), tried)
    assert isinstance(result, ReadinessCriteria | ParticipatoryError)


def _reported(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(
        raises=Exception, strict=True, reason=f"reported on issue 11: {reason}"
    )


_LOADERS = [
    pytest.param(load_parameter_file, "missing", id="parameters-missing"),
    pytest.param(load_parameter_file, "binary", id="parameters-binary"),
    pytest.param(load_rate_card, "missing", id="rate-card-missing"),
    # Fixed (issue 11): load_rate_card, load_readiness_criteria and load_guidance read
    # through participatory.core.tomlfile.read_file, which names a missing or non-UTF-8 file.
    pytest.param(load_rate_card, "binary", id="rate-card-binary"),
    pytest.param(load_readiness_criteria, "missing", id="readiness-missing"),
    pytest.param(load_readiness_criteria, "binary", id="readiness-binary"),
    pytest.param(load_guidance, "missing", id="ethics-missing"),
    pytest.param(load_guidance, "binary", id="ethics-binary"),
]  # fmt: skip


@pytest.mark.parametrize(("loader", "kind"), _LOADERS)
def test_unreadable_files_are_the_librarys_error(
    tmp_path: Path, loader: Callable[[Path], object], kind: str
) -> None:
    """A file that is not there, or not UTF-8, is named in the library's own error."""
    path = tmp_path / f"{kind}.toml"
    if kind == "binary":
        path.write_bytes(b"\xff\xfe\x00junk")
    with pytest.raises(ParticipatoryError):
        loader(path)


_EXTREME_PLAN = """
[plan]
project = "Edge"
[timeliness]
working_days = 10
[[payments]]
id = "p1"
contributor = "amira"
kind = "fee"
amount = 90.00
activity_on = {day}
due_on = {day}
"""


@pytest.mark.parametrize(
    "options",
    [
        pytest.param(["--week-start", "monday"], id="weeks"),
        pytest.param(["--assessment-period-from", "2025-01-31"], id="assessment-periods"),
        pytest.param([], id="tax-years"),
    ],
)  # fmt: skip
def test_cost_plan_paid_at_the_end_of_the_calendar(tmp_path: Path, options: list[str]) -> None:
    """A plan paid on 9999-12-31 is refused with exit status 2, not a traceback."""
    plan = tmp_path / "plan.toml"
    plan.write_text(_EXTREME_PLAN.format(day="9999-12-31"), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["cost", "--plan", str(plan), "--as-at", "2026-01-01", *options])
    assert status == 2
    assert "date" in err.getvalue()


@pytest.mark.parametrize("part", ["levels", "recommendations"])
def test_readiness_entry_that_is_not_a_table(tmp_path: Path, part: str) -> None:
    """A level or recommendation that is a number, not a table, is a ParameterFileError."""
    document = copy.deepcopy(_READINESS[0])
    first = next(iter(document[part]))
    document[part][first] = Decimal(1)
    path = tmp_path / "readiness.toml"
    path.write_text(toml_text(document), encoding="utf-8")
    with pytest.raises(ParticipatoryError):
        load_readiness_criteria(path)


def test_ethics_boundary_also_that_is_not_an_array() -> None:
    """``also = 1`` in an involvement-boundary entry is a ParameterFileError naming the key."""
    document = copy.deepcopy(_ETHICS[0])
    document["involvement_boundary"][0]["also"] = Decimal(1)
    with pytest.raises(ParticipatoryError):
        parse_guidance(toml_text(document))


def test_timeliness_at_the_end_of_the_calendar() -> None:
    """Working days counted past year 9999 should be the library's error."""
    parsed = parse_payment_plan(_EXTREME_PLAN.format(day="9999-12-31"))
    assert parsed.timeliness is not None
    with pytest.raises(ParticipatoryError):
        check_timeliness(parsed.plan, parsed.timeliness, as_at=dt.date(9999, 12, 31))


@pytest.mark.parametrize(
    "locale",
    [
        pytest.param("cy", id="welsh"),
        pytest.param("xx_YY", id="unknown"),
        pytest.param("", id="empty"),
        pytest.param("de", id="unsupported"),
    ],
)  # fmt: skip
def test_cost_with_a_bad_locale(locale: str) -> None:
    """An unusable --locale is exit status 2 with a reason, like any other bad option."""
    argv = ["cost", "--card", "whitworth", "--activity", "advisory_group", "--days", "1",
            "--on", "2022-07-20", "--locale", locale]  # fmt: skip
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        assert main(argv) in ((0,) if locale == "cy" else (2,))
    if locale != "cy":
        assert err.getvalue().count("\n") == 1
        assert "--locale" in err.getvalue()


def test_as_at_far_in_the_future() -> None:
    """Checking a plan as at a far-off date answers promptly (or refuses the date)."""
    quiet = contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO())
    with quiet[0], quiet[1], _no_hang(1.5):
        main(["cost", "--plan", str(_EXAMPLES / "payment-plan.toml"), "--as-at", "9999-12-31"])


def test_cost_plan_from_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    """A plan file that is not UTF-8 is exit status 2 with a reason (fixed on issue 11)."""
    plan = tmp_path / "plan.toml"
    plan.write_bytes(b"\xff\xfe")
    with contextlib.redirect_stderr(io.StringIO()):
        status = main(["cost", "--plan", str(plan)])
    assert status == 2


_NUMBERS = st.sampled_from(
    ["1", "2.5", "0", "-1", "nan", "inf", "-inf", "1e999999", "1_000", "0x10", "", "½", "1e-9",
     "99999999999999999999", "1,000.5", " 3 ", "3..5"]
)  # fmt: skip
_DAYS = st.sampled_from(
    ["2022-07-20", "2026-04-06", "0001-01-01", "9999-12-31", "2026-02-30", "2026-01-01T10:00",
     "tomorrow", "", "2031-01-01", "1999-12-31"]
)  # fmt: skip
_CARDS = st.sampled_from(["nihr", "whitworth", "tewv", "blue_heart", "nobody", "", "../nihr"])


@st.composite
def cost_arguments(draw: st.DrawFn, plan: str, card: str) -> list[str]:
    """Arguments for ``participatory cost``: an activity on a card, or a plan file."""
    argv = ["cost"]
    if draw(st.booleans()):
        argv += ["--plan", plan]
        for option, values in (
            ("--as-at", _DAYS),
            ("--week-start", st.sampled_from(["monday", "sunday", "funday"])),
            ("--assessment-period-from", _DAYS),
        ):
            if draw(st.booleans()):
                argv += [option, draw(values)]
    else:
        if draw(st.booleans()):
            argv += ["--card", draw(_CARDS)]
        if draw(st.integers(0, 4)) == 0:
            argv += ["--rates", card]
        if draw(st.integers(0, 5)):
            kinds = [k.value for k in ActivityKind]
            argv += ["--activity", draw(st.sampled_from([*kinds, "juggling"]))]
        unit = draw(st.sampled_from(["--hours", "--sessions", "--half-days", "--days", None]))
        if unit is not None:
            argv += [unit, draw(_NUMBERS)]
        if draw(st.booleans()):
            argv += ["--preparation-hours", draw(_NUMBERS)]
        argv += ["--on", draw(_DAYS)]  # never the clock: the same input, the same answer
    if draw(st.booleans()):
        argv += ["--format", draw(st.sampled_from(["json", "text", "xml"]))]
    if draw(st.integers(0, 3)) == 0:
        argv += ["--locale", draw(st.sampled_from(["cy", "en_GB", "de", "xx_YY", ""]))]
    return argv


@settings(_FUZZ, max_examples=150)
@given(
    st.data(),
    toml_texts(*_PLAN, id_keys=("id", "contributor")),
    toml_texts(*_INSTITUTION_CARD),
)
def test_cost_command(tried: Counter[str], data: st.DataObject, plan: str, card: str) -> None:
    """``participatory cost`` exits 0 or 2 with a reason; it never shows a traceback."""
    tried["participatory cost (CLI)"] += 1
    with tempfile.TemporaryDirectory() as folder:
        plan_path, card_path = Path(folder) / "plan.toml", Path(folder) / "card.toml"
        plan_path.write_text(plan, encoding="utf-8")
        card_path.write_text(card, encoding="utf-8")
        argv = data.draw(cost_arguments(str(plan_path), str(card_path)))
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), _no_hang():
            status = main(argv)
    assert status in (0, 2), (argv, status, err.getvalue())
    if status == 2:
        assert err.getvalue().strip(), f"exit 2 with no reason: {argv}"


#: Boundaries still to come, with what to fuzz there. When one lands, add a test above
#: that feeds it the same broken documents (see the hardening report on issue 11).
#: Empty: project files (TOML and JSON) and the assess command are fuzzed in
#: test_hardening_projects.py, institution vocabulary files just below.
PENDING_BOUNDARIES: dict[str, str] = {}


def test_no_boundary_is_left_unfuzzed() -> None:
    """Every boundary the library has is fuzzed; a new one is listed here until it is."""
    assert not PENDING_BOUNDARIES


_VOCABULARY = _seed((_DATA / "vocabulary.toml").read_text())


@_FUZZ_LARGE
@given(toml_texts(*_VOCABULARY, id_keys=("id", "often_confused_with")))
def test_institution_vocabulary_files(tried: Counter[str], text: str) -> None:
    """load_vocabulary: the library's error naming the file and key, or a vocabulary."""
    tried["load_vocabulary"] += 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "terms.toml"
        path.write_text(text, encoding="utf-8")
        result = _outcome(lambda: load_vocabulary(path, institution="University of Example"))
    assert isinstance(result, Vocabulary | ParticipatoryError)


def test_missing_and_non_utf8_vocabulary_files_are_the_librarys_error(tmp_path: Path) -> None:
    with pytest.raises(ParameterFileError, match="cannot be read"):
        load_vocabulary(tmp_path / "absent.toml", institution="U")
    bad = tmp_path / "latin1.toml"
    bad.write_bytes('[terms.x]\nterm = "caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(ParameterFileError, match="not UTF-8"):
        load_vocabulary(bad, institution="U")


#: Wrong values put, one at a time, at every position of a valid file (deterministic, so
#: every key of every file format is reached, which random mutation may miss).
_REPLACEMENTS: tuple[object, ...] = (
    Decimal(1),
    Decimal("NaN"),
    Decimal("-Infinity"),
    "x",
    -1,
    10**30,
    True,
    [],
    {},
    dt.datetime(2026, 4, 6, 9, 30),
    dt.date(9999, 12, 31),
)
_DELETE = object()


def _parse_via_file(loader: Callable[[Path], object]) -> Callable[[str], object]:
    def parse(text: str) -> object:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "file.toml"
            path.write_text(text, encoding="utf-8")
            return loader(path)

    return parse


_SYSTEMATIC = {
    "parse_parameters": (_PARAMETERS[0], parse_parameters, 9),
    "parse_rate_card": (_RATE_CARD[0], parse_rate_card, 9),
    "load_rate_card": (_INSTITUTION_CARD[0], _parse_via_file(load_rate_card), 9),
    "parse_payment_plan": (_PLAN[0], parse_payment_plan, 9),
    # Guidance files are large: fields of entries, not of nested citations.
    "ethics parse_guidance": (_ETHICS[0], parse_guidance, 3),
    "load_readiness_criteria": (_READINESS[0], _parse_via_file(load_readiness_criteria), 3),
}


@pytest.mark.parametrize("boundary", sorted(_SYSTEMATIC))
def test_every_position_of_every_file_format(boundary: str, tried: Counter[str]) -> None:
    """Each position (to a depth) holding each wrong value, or removed: own error or result."""
    document, parse, depth = _SYSTEMATIC[boundary]
    for path in paths(document):
        # Entries of an array share one shape: the first two stand for the rest.
        if len(path) > depth or any(isinstance(step, int) and step >= 2 for step in path):
            continue
        for replacement in (*_REPLACEMENTS, _DELETE):
            changed = copy.deepcopy(document)
            parent = changed
            for step in path[:-1]:
                parent = parent[step]
            if replacement is _DELETE:
                del parent[path[-1]]
            else:
                parent[path[-1]] = replacement
            tried[f"{boundary} (every position)"] += 1
            text = toml_text(changed)
            _outcome(lambda text=text: parse(text), tried)  # type: ignore[misc]


def test_bad_values_cover_the_issue_list() -> None:
    """The random values include every kind the issue names (NaN, naive datetimes, …)."""
    from hypothesis import find

    find(bad_values(), lambda v: isinstance(v, Decimal) and v.is_nan())
    find(bad_values(), lambda v: isinstance(v, dt.datetime) and v.tzinfo is None)
    find(bad_values(), lambda v: v == "XXX")
