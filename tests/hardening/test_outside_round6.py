"""An outside tester's attacks on the promises of issue 18's sixth round.

Each group tries one promise of the round's changes from the outside, with inputs chosen to
break it: the TOML reader (tomli in place of tomllib) on hostile documents, the size check's
quick pass against the walk it stands in for, the benefits section's strict-first checks,
rendering's per-report memos and faster wrapping, the benefits check's rows and reprs, and
the process-wide state an assessment must leave alone.
"""

from __future__ import annotations

import datetime as dt
import decimal
import gc
import locale
import logging
import pickle
import sys
import threading
import tomllib
import warnings
from collections import OrderedDict
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.assessment.receipts import receipts_for
from participatory.assessment.run import assess
from participatory.benefits import Benefit, Child, Household, Person
from participatory.benefits.batch import assess_many
from participatory.benefits.engine import assess_benefits
from participatory.benefits.household import ChildTerm
from participatory.core.errors import ParameterFileError, ParticipatoryError, ValidationError
from participatory.core.limits import Limits, _find_problem, _within, check_shape, parse_toml
from participatory.core.params import bundled_parameters
from participatory.project import Project, load_project, parse_project
from participatory.render import plain
from participatory.render.report import render

ROOT = Path(__file__).parent.parent.parent
EXAMPLE = ROOT / "examples" / "arts-coproduction.toml"
AS_AT = dt.date(2026, 12, 6)

# ---------------------------------------------------------------------------------------------
# 1. tomli reads hostile documents as tomllib did, and the reader refuses them in its own words


def _hostile() -> dict[str, str]:
    cases: dict[str, str] = {}
    for n in (31, 32, 33, 300, 399, 400, 401, 1000, 2000, 20_000):
        cases[f"arrays {n} deep"] = "a = " + "[" * n + "]" * n
        cases[f"inline tables {n} deep"] = "a = " + "{b = " * n + "1" + "}" * n
        cases[f"arrays of tables {n} deep"] = "a = " + "[{b = " * n + "1" + "}]" * n
    for n in (31, 32, 33, 999, 1000, 1001, 5000):
        key = ".".join(["k"] * n)
        cases[f"dotted key of {n} parts"] = f"{key} = 1"
        cases[f"table header of {n} parts"] = f"[{key}]\nx = 1"
        cases[f"array of tables header of {n} parts"] = f"[[{key}]]\nx = 1"
    cases |= {
        "4300+ digit integer": "a = " + "9" * 5000,
        "64 digit integer": "a = " + "9" * 64,
        "65 digit integer": "a = " + "9" * 65,
        "long hex": "a = 0x" + "f" * 5000,
        "long float": "a = 1." + "9" * 5000,
        "huge exponent": "a = 1e99999999999",
        "inf and nan": "a = inf\nb = -nan",
        "byte order mark": "\ufeffa = 1",
        "CRLF": "a = 1\r\nb = 'x'\r\n[t]\r\nc = 2\r\n",
        "lone CR": "a = 1\rb = 2",
        "NUL in a string": 'a = "x\x00"',
        "NUL in a comment": "a = 1 # \x00",
        "lone surrogate": 'a = "\ud800"',
        "escaped surrogate": 'a = "\\uD800"',
        "string at the limit": 'a = "' + "x" * 20_000 + '"',
        "string past the limit": 'a = "' + "x" * 20_001 + '"',
        "key past the limit": '"' + "k" * 20_001 + '" = 1',
        "year 0": "a = 0000-01-01",
        "year 9999": "a = 9999-12-31T23:59:59.999999+23:59",
        "offset of 24 hours": "a = 2020-01-01T00:00:00+24:00",
        "29 February 2021": "a = 2021-02-29",
        "leap second": "a = 2020-01-01T00:00:60",
        "long fraction of a second": "a = 2020-01-01T00:00:00." + "9" * 100,
        "TOML 1.1 trailing comma": "a = {b = 1,}",
        "TOML 1.1 newline in inline table": "a = {\nb = 1\n}",
        "TOML 1.1 \\e escape": 'a = "\\e"',
        "TOML 1.1 time without seconds": "a = 2020-01-01T00:00",
        "zero-width space": 'a = "\u200b"',
        "100,001 items": "a = [" + "1," * 100_001 + "]",
    }
    return cases


HOSTILE = _hostile()


def _stdlib(text: str) -> tuple[str, object]:
    try:
        return "tables", tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as invalid:
        return "invalid", str(invalid)
    except (ValueError, RecursionError) as other:
        return "error", type(other).__name__


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_document_is_read_or_refused_in_the_readers_own_words(name: str) -> None:
    text = HOSTILE[name]
    kind, answer = _stdlib(text)
    try:
        document = parse_toml(text, "p.toml")
    except ParameterFileError as refused:
        message = str(refused)
        assert message.startswith("p.toml: ")
        assert "\n" not in message
        if kind == "invalid":
            # tomllib's own error, word for word, with its line and column.
            assert message == f"p.toml: is not valid TOML ({answer})"
        return
    # Read: exactly what the standard library reads.
    assert kind == "tables"
    assert repr(document) == repr(answer)  # by repr: a NaN is not equal to itself


def test_nesting_past_tomlis_own_limit_is_refused_as_too_deep() -> None:
    with pytest.raises(ParameterFileError, match="is nested more than 32 deep"):
        parse_toml("a = " + "[{b = " * 300 + "1" + "}]" * 300, "p.toml")


def test_a_long_dotted_key_within_a_callers_depth_is_read_as_tomllib_read_it() -> None:
    """tomli refuses a key of more than 1,000 parts; past its bounds the standard library's
    parser reads the document, so a caller's own depth limit, not tomli's, decides."""
    text = ".".join(["k"] * 1001) + " = 1"
    assert tomllib.loads(text)  # the standard library reads it
    parse_toml(text, "p.toml", Limits(depth=2000))


def test_a_project_file_of_hostile_toml_is_one_line_on_standard_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from participatory.cli import main

    bodies = {
        "deep.toml": b"a = " + b"[" * 2000 + b"]" * 2000,
        "dots.toml": b".".join([b"k"] * 5000) + b" = 1",
        "latin1.toml": b'title = "\xff\xfe"',
        "surrogate.toml": b'title = "\xed\xa0\x80"',
        "bom.toml": b"\xef\xbb\xbftitle = 'x'",
        "nul.toml": b"title = 'x\x00'",
        "digits.toml": b"a = " + b"9" * 5000,
        "year0.toml": b"a = 0000-01-01",
    }
    for name, body in bodies.items():
        path = tmp_path / name
        path.write_bytes(body)
        try:
            code = main(["assess", str(path)])
        except SystemExit as stopped:
            code = stopped.code
        assert code == 2, name
        out, err = capsys.readouterr()
        assert out == ""
        assert err.count("\n") == 1, err
        assert err.startswith("participatory assess: "), err
        assert "Traceback" not in err


def test_a_crlf_project_reads_as_its_lf_original(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    crlf = parse_toml(text.replace("\n", "\r\n"), "p.toml")
    assert crlf == parse_toml(text, "p.toml")


# ---------------------------------------------------------------------------------------------
# 2. The quick pass never accepts what the walk refuses


class _Text(str):
    pass


class _Whole(int):
    pass


class _Table(dict):  # type: ignore[type-arg]
    pass


class _List(list):  # type: ignore[type-arg]
    pass


_LIMITS = Limits(text_length=4, list_length=3, depth=3, number_length=2)

_texts = st.text(
    alphabet=st.sampled_from(["a", "é", "\ud800", "\udfff", "\u200b", "\x00"]), max_size=6
)
_leaves = st.one_of(
    _texts,
    _texts.map(_Text),
    st.integers(min_value=-150, max_value=150),
    st.integers(min_value=-150, max_value=150).map(_Whole),
    st.booleans(),
    st.none(),
    st.decimals(allow_nan=False, places=2, min_value=-1000, max_value=1000),
    st.floats(allow_nan=True),
    st.dates(),
    st.just(dt.time(1, 2)),
    st.just(dt.datetime(2020, 1, 1)),
    st.tuples(_texts),
)
_keys = st.one_of(_texts, _texts.map(_Text), st.integers(-3, 3), st.booleans())


def _containers(children: Any) -> Any:
    return st.one_of(
        st.lists(children, max_size=4),
        st.lists(children, max_size=4).map(_List),
        st.dictionaries(_keys, children, max_size=4),
        st.dictionaries(_keys, children, max_size=4).map(_Table),
        st.dictionaries(_texts, children, max_size=3).map(OrderedDict),
    )


_data = st.recursive(_leaves, _containers, max_leaves=20)


def _walk_refuses(data: object, limits: Limits) -> bool:
    try:
        _find_problem(data, "p", limits, ParameterFileError, ())
    except ParameterFileError:
        return True
    return False


@settings(max_examples=600, deadline=None)
@given(data=_data)
def test_the_quick_pass_accepts_only_what_the_walk_accepts(data: object) -> None:
    if _within(data, _LIMITS):
        assert not _walk_refuses(data, _LIMITS)


@settings(max_examples=300, deadline=None)
@given(data=_data)
def test_check_shape_refuses_exactly_what_the_walk_refuses(data: object) -> None:
    refused = _walk_refuses(data, _LIMITS)
    try:
        check_shape(data, "p", _LIMITS)
    except ParameterFileError:
        assert refused
    else:
        assert not refused


@pytest.mark.parametrize(
    "data",
    [
        "abcd",  # a text exactly at the limit
        [1, 2, 3],  # a list exactly at the limit
        99,  # the largest number within 2 digits
        -99,
        {"a": {"b": [7]}},  # exactly 3 deep
        {"abcd": 1},  # a key exactly at the limit
        True,
        Decimal("123456789"),  # an exact number is not counted in digits by the walk
        1e300,
    ],
)
def test_exactly_at_the_limits_both_accept(data: object) -> None:
    assert _within(data, _LIMITS)
    assert not _walk_refuses(data, _LIMITS)


@pytest.mark.parametrize(
    "data",
    [
        "abcde",
        _Text("abcde"),
        [1, 2, 3, 4],
        _List([1, 2, 3, 4]),
        100,
        _Whole(100),
        -100,
        {"a": {"b": [[]]}},
        _Table(a=_Table(b=_Table(c=_Table()))),
        {"abcde": 1},
        {_Text("abcde"): 1},
        {"\ud800": 1},
        ["\udfff"],
    ],
)
def test_one_past_the_limits_both_refuse(data: object) -> None:
    assert not _within(data, _LIMITS)
    assert _walk_refuses(data, _LIMITS)


# ---------------------------------------------------------------------------------------------
# 3. Strict first, stale allowed after: the same report, and nothing kept between assessments


def _bench_project() -> Project:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from bench_assessment import project_toml
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return parse_project(project_toml(), "toml", "bench.toml")


def _text_of(project: Project, as_at: dt.date, locale_name: str = "en_GB") -> str:
    return render(assess(project, as_at=as_at), format="text", locale=locale_name)


@pytest.fixture(scope="module")
def bench() -> Project:
    return _bench_project()


def test_two_assessments_in_one_process_give_the_same_bytes(bench: Project) -> None:
    """Strict checks share a context: an assessment between two others changes nothing."""
    example = load_project(EXAMPLE)
    first = _text_of(example, AS_AT)
    _text_of(bench, AS_AT + dt.timedelta(days=365 * 6))  # stale figures, in between
    _text_of(bench, AS_AT)
    assert _text_of(example, AS_AT) == first


def test_stale_households_read_as_a_stale_allowed_check_reads_them(bench: Project) -> None:
    """Each household straddling the figures' end: the section's answer (strict first) is the
    one a check allowing stale figures from the start gives, in the report's own words."""
    from participatory.assessment.money import _by_contributor, _check

    paid = _by_contributor(bench.payment_plan())
    parameters = bundled_parameters()
    compared = 0
    for _person, household in sorted(bench.benefits.items())[:8]:
        payments = [p for m in household.people for p in paid.get(m.id, ())]
        if not payments:
            continue
        first = min(p.due_on for p in payments)
        # Half the payments before the figures' end, half well past it.
        moved = [
            attrs.evolve(p, due_on=p.due_on + dt.timedelta(days=365 * 5 * (i % 2)), paid_on=None)
            for i, p in enumerate(payments)
        ]
        assert min(p.due_on for p in moved) == first or len(payments) > 1
        receipts = receipts_for(moved)
        tolerant = assess_benefits(household, receipts, parameters=parameters, allow_stale=True)
        sectioned = _check(household, receipts, (), parameters, False)
        assert sectioned == tolerant
        assert sectioned.findings == tolerant.findings
        assert [f.message_key for f in sectioned.findings] == [
            f.message_key for f in tolerant.findings
        ]
        compared += 1
    assert compared


def test_refusing_stale_figures_refuses_in_the_report(bench: Project) -> None:
    from participatory.core.errors import ParametersNotAvailable

    late = AS_AT + dt.timedelta(days=365 * 6)
    with pytest.raises(ParametersNotAvailable):
        assess(bench, as_at=late, on_stale="refuse")
    # ... and refusing leaves nothing behind for the next, reporting, assessment.
    reported = render(assess(bench, as_at=late), format="text", locale="en_GB")
    assert render(assess(bench, as_at=late), format="text", locale="en_GB") == reported


# ---------------------------------------------------------------------------------------------
# 4. Rendering: memos per report, wrapping, values outside the decimal context


def _old_greedy(text: str, indent: str, hanging: str) -> list[str]:
    """The word-by-word wrapping the round replaced (HEAD's plain._greedy, verbatim)."""
    lines: list[str] = []
    line = indent
    room = plain.WIDTH - len(indent)
    used = -1
    for word in text.split(" "):
        if used >= 0 and used + 1 + len(word) <= room:
            line += " " + word
            used += 1 + len(word)
            continue
        if used >= 0:
            lines.append(line)
            line, room = hanging, plain.WIDTH - len(hanging)
        line += word
        used = len(word)
    lines.append(line)
    return lines


_words = st.text(
    alphabet=st.sampled_from(["a", "é", "\u0301", "\u200b", "-", "/", ":", "ŵ", "日"]),
    min_size=1,
    max_size=120,
)


@settings(max_examples=500, deadline=None)
@given(
    words=st.lists(_words, min_size=1, max_size=40),
    indent=st.sampled_from(["", "  - ", "    ", "x" * 87, "x" * 88, "x" * 90]),
    hanging=st.sampled_from(["", "    ", "x" * 88]),
)
def test_wrapping_by_search_gives_the_word_by_word_lines(
    words: list[str], indent: str, hanging: str
) -> None:
    text = " ".join(words)
    assert plain._greedy(text, indent, hanging) == _old_greedy(text, indent, hanging)


@pytest.mark.parametrize(
    "text",
    [
        "https://example.org/" + "a" * 200,
        "see https://example.org/" + "a" * 200 + " for more",
        "w" * 88,
        "w" * 89,
        "w " * 44,
        ("a" * 87 + " ") * 3 + "b",
        "Cymraeg ŵ ŷ " * 20,
        "e\u0301" * 100,
        "zero\u200bwidth " * 30,
    ],
)
def test_long_words_and_urls_are_never_broken(text: str) -> None:
    for indent, hanging in (("", ""), ("  - ", "    ")):
        lines = plain._wrap(text, indent, hanging)
        assert lines[0].startswith(indent)
        assert all(line.startswith(hanging) for line in lines[1:])
        words = [lines[0][len(indent) :], *(line[len(hanging) :] for line in lines[1:])]
        assert " ".join(words).split() == text.split()
        # A line is longer than the width only when it is one word that cannot be broken.
        for line, word in zip(lines, words, strict=True):
            assert len(line) <= plain.WIDTH or " " not in word


def test_tabs_and_newlines_in_a_text_take_the_plain_path() -> None:
    text = "a\tb\nc " + "d" * 100
    assert plain._wrap(text) == __import__("textwrap").wrap(
        text, width=plain.WIDTH, break_long_words=False, break_on_hyphens=False
    )


@pytest.fixture(scope="module")
def outputs(bench: Project) -> dict[tuple[str, str], str]:
    example = load_project(EXAMPLE)
    return {
        (name, loc): _text_of(project, AS_AT, loc)
        for name, project in (("example", example), ("bench", bench))
        for loc in ("en_GB", "cy")
    }


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_reports_rendered_in_turn_do_not_share_their_words(
    bench: Project, outputs: dict[tuple[str, str], str], fmt: str
) -> None:
    """English, Welsh, English again: each report's memo is its own."""
    example = load_project(EXAMPLE)
    reports = {"example": assess(example, as_at=AS_AT), "bench": assess(bench, as_at=AS_AT)}
    first = {
        (n, loc): render(r, format=fmt, locale=loc)
        for n, r in reports.items()
        for loc in ("en_GB", "cy")
    }
    again = {
        (n, loc): render(r, format=fmt, locale=loc)
        for n, r in reversed(reports.items())
        for loc in ("cy", "en_GB")
    }
    assert first == again
    if fmt == "text":
        assert first == outputs
    assert first[("example", "cy")] != first[("example", "en_GB")]


def test_a_callers_decimal_context_changes_no_output(
    bench: Project, outputs: dict[tuple[str, str], str]
) -> None:
    example = load_project(EXAMPLE)
    hostile = decimal.Context(
        prec=1,
        rounding=decimal.ROUND_FLOOR,
        traps=[decimal.Inexact, decimal.Rounded, decimal.FloatOperation, decimal.Overflow],
        Emax=10,
        Emin=-10,
    )
    with decimal.localcontext(hostile):
        for loc in ("en_GB", "cy"):
            assert _text_of(example, AS_AT, loc) == outputs[("example", loc)]
            assert _text_of(bench, AS_AT, loc) == outputs[("bench", loc)]
        assert decimal.getcontext().prec == 1


# ---------------------------------------------------------------------------------------------
# 5. Benefits checks: alone or from a batch, read from two threads, reprs, child terms


def _cases(bench: Project) -> list[tuple[Household, tuple[Any, ...]]]:
    from participatory.assessment.money import _by_contributor

    paid = _by_contributor(bench.payment_plan())
    cases = []
    for _person, household in sorted(bench.benefits.items()):
        payments = [p for m in household.people for p in paid.get(m.id, ())]
        cases.append((household, tuple(receipts_for(payments))))
    return cases


def test_a_check_from_a_batch_equals_one_made_alone(bench: Project) -> None:
    cases = _cases(bench)
    parameters = bundled_parameters()
    batch = assess_many(cases, parameters=parameters)
    assert len(batch) == len(cases)
    for (household, receipts), from_batch in zip(cases, batch, strict=True):
        alone = assess_benefits(household, receipts, parameters=parameters)
        assert from_batch == alone
        assert hash(from_batch) == hash(alone)
        assert from_batch.findings == alone.findings
        assert from_batch.change_pennies() == alone.change_pennies()
        for check in (alone, from_batch):
            copied = pickle.loads(pickle.dumps(check))
            assert copied == alone
            assert copied.findings == alone.findings
            assert repr(copied) == repr(alone)


def test_findings_read_from_two_threads_at_once_agree(bench: Project) -> None:
    parameters = bundled_parameters()
    for household, receipts in _cases(bench)[:10]:
        expected = assess_benefits(household, receipts, parameters=parameters).findings
        check = assess_benefits(household, receipts, parameters=parameters)
        barrier = threading.Barrier(2)
        seen: list[object] = []

        def read(
            check: Any = check, barrier: threading.Barrier = barrier, seen: list[object] = seen
        ) -> None:
            barrier.wait()
            seen.append(check.findings)

        threads = [threading.Thread(target=read) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert seen == [expected, expected]


def test_amounts_pennies_agree_with_change_pennies_for_any_selection(bench: Project) -> None:
    parameters = bundled_parameters()
    for household, receipts in _cases(bench)[:10]:
        check = assess_benefits(household, receipts, parameters=parameters)
        people = [None, *(p.id for p in household.people), "nobody", ""]
        for benefit in [None, *Benefit]:
            for person in people:
                before, after = check.amounts_pennies(benefit, person)
                assert type(before) is int
                assert type(after) is int
                assert after - before == check.change_pennies(benefit, person)
        for odd in ("universal_credit", 1, Benefit.__name__, True):
            with pytest.raises(ValidationError):
                check.amounts_pennies(odd)  # type: ignore[arg-type]
            with pytest.raises(ValidationError):
                check.change_pennies(odd)  # type: ignore[arg-type]


SENTINELS = ("7919.37", "791937", "1987", "sentinel-hours-23.5", "23.5")


def test_a_checks_words_never_show_the_households_figures() -> None:
    household = Household(
        people=[Person("me", monthly_earnings="7919.37")],
        children=[Child(born_on=dt.date(1987 + 30, 2, 28))],
    )
    check = assess_benefits(household, (), parameters=bundled_parameters())
    shown = repr(check) + str(check) + repr(household.profile) + repr(check.outcomes)
    shown += repr(household.profile.child_terms)
    for secret in ("7919.37", "791937", "2017-02-28", "2017, 2, 28"):
        assert secret not in shown


def test_a_carers_check_alone_or_from_a_batch_shows_none_of_its_figures() -> None:
    """£79.19 a month and £84.21 a week of earnings, 23.5 hours, a £84.21 award and a
    child born in 2017: none reaches the words of the check, its outcomes or its profile."""
    from participatory.benefits.claims import CarersAllowanceClaim
    from participatory.benefits.receipts import Receipt

    household = Household(
        people=[
            Person(
                "me",
                monthly_earnings="79.19",
                weekly_earnings="84.21",
                weekly_hours="23.5",
                carers_allowance=CarersAllowanceClaim(weekly_award="84.21"),
            )
        ],
        children=[Child(born_on=dt.date(2017, 2, 28))],
    )
    receipts = [Receipt("12.00", dt.date(2025, 6, 3), hours="2", person="me")]
    parameters = bundled_parameters()
    alone = assess_benefits(household, receipts, parameters=parameters)
    batched = assess_many([(household, receipts)], parameters=parameters)[0]
    assert alone == batched
    for check in (alone, batched):
        shown = repr(check) + str(check) + repr(check.outcomes) + repr(check.numbers)
        shown += repr(household) + repr(household.profile) + repr(household.people[0])
        shown += repr(check.findings)
        for secret in ("79.19", "7919", "84.21", "8421", "23.5", "2017"):
            assert secret not in shown, secret


@pytest.mark.parametrize(
    "make",
    [
        lambda: Person("me", monthly_earnings="sentinel-earn-8421"),
        lambda: Person("me", weekly_earnings="8421.999"),
        lambda: Person("me", weekly_hours="-8421"),
        lambda: Person("me", weekly_hours="8421x"),
        lambda: Person("me", overlapping_benefit="x8421"),
        lambda: Person("x8421 y"),
        lambda: Person("me", capability="s8421"),
        lambda: Person("me", unaffected=["s8421"]),
        lambda: Child(born_on=dt.date(2020, 1, 1), disability="d8421"),
        lambda: Person("me", monthly_earnings="-8421.13"),
        lambda: Child(born_on="sentinel-born-8421"),
        lambda: Child(born_on="8421-13-45"),
    ],
)
def test_a_refused_figure_is_never_quoted(make: Any) -> None:
    with pytest.raises(ParticipatoryError) as refused:
        make()
    assert "8421" not in str(refused.value)
    assert "8421" not in repr(refused.value)


_born = st.one_of(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(9979, 12, 31)),
    st.sampled_from(
        [
            dt.date(2000, 2, 29),
            dt.date(2004, 2, 29),
            dt.date(2008, 9, 1),
            dt.date(2008, 8, 31),
            dt.date(2009, 9, 1),
            dt.date(9979, 12, 31),
            dt.date(9980, 2, 29),
        ]
    ),
)


@settings(max_examples=300, deadline=None)
@given(born=_born, young=st.booleans(), offset=st.integers(min_value=-400, max_value=8000))
def test_a_childs_term_counts_the_days_the_child_counts(
    born: dt.date, young: bool, offset: int
) -> None:
    try:
        child = Child(born_on=born, qualifying_young_person=young)
    except ParticipatoryError:
        return  # a date the child model refuses (too late to be 19 in 9999, say)
    term = ChildTerm.of(child)
    try:
        day = born + dt.timedelta(days=offset)
    except OverflowError:
        return
    assert term.counts_on(day) == child.counts_on(day)
    assert child.counts_on(term.first_day)
    assert child.counts_on(term.last_day)
    if term.last_day < dt.date.max:
        assert not child.counts_on(term.last_day + dt.timedelta(days=1))


def test_a_child_born_in_september_9983_counts_on_the_last_day_a_date_holds() -> None:
    """The 1 September after the 16th birthday of a child born on 1 September 9983 is in
    the year 10000, past any date: the child counts on 31 December 9999 (it raised Python's
    bare 'year 10000 is out of range' before)."""
    child = Child(born_on=dt.date(9983, 9, 1))
    assert ChildTerm.of(child).counts_on(dt.date(9999, 12, 31))
    assert child.counts_on(dt.date(9999, 12, 31))


def test_a_child_born_late_in_year_9999_is_a_clear_error_or_a_term() -> None:
    for born in (dt.date(9999, 12, 31), dt.date(9999, 9, 1), dt.date(9996, 2, 29)):
        try:
            child = Child(born_on=born)
        except ParticipatoryError:
            continue
        term = ChildTerm.of(child)
        assert term.first_day <= term.last_day


# ---------------------------------------------------------------------------------------------
# 6. Nothing process-wide changes


def _process_state() -> tuple[object, ...]:
    context = decimal.getcontext()
    return (
        gc.isenabled(),
        gc.get_threshold(),
        len(gc.get_freeze_count.__doc__ or "") and gc.get_freeze_count(),
        (context.prec, context.rounding, context.Emax, context.Emin, context.capitals),
        tuple(sorted(k.__name__ for k, v in context.traps.items() if v)),
        tuple(sorted(k.__name__ for k, v in context.flags.items() if v)),
        locale.setlocale(locale.LC_ALL),
        logging.root.level,
        tuple(logging.root.handlers),
        logging.root.manager.disable,
        tuple(warnings.filters),
        sys.getrecursionlimit(),
        sys.get_int_max_str_digits(),
    )


def test_assessing_and_rendering_change_no_process_wide_state(bench: Project) -> None:
    example = load_project(EXAMPLE)
    decimal.getcontext().clear_flags()
    before = _process_state()
    for project in (example, bench):
        for loc in ("en_GB", "cy"):
            _text_of(project, AS_AT, loc)
            _text_of(project, AS_AT + dt.timedelta(days=365 * 6), loc)
    for text in ("a = " + "[" * 2000 + "]" * 2000, ".".join("k" * 5000) + " = 1"):
        with pytest.raises(ParameterFileError):
            parse_toml(text, "p.toml")
    assess_many(_cases(bench)[:5], parameters=bundled_parameters())
    assert _process_state() == before


def test_assessments_in_two_threads_at_once_give_the_bytes_of_one_at_a_time(
    bench: Project, outputs: dict[tuple[str, str], str]
) -> None:
    """The strict checks' shared context is shared by threads too: no answer changes."""
    late = AS_AT + dt.timedelta(days=365 * 6)
    expected_late = _text_of(bench, late)
    barrier = threading.Barrier(3)
    seen: dict[int, list[str]] = {}

    def run(index: int) -> None:
        barrier.wait()
        seen[index] = [_text_of(bench, AS_AT), _text_of(bench, late, "en_GB")]

    threads = [threading.Thread(target=run, args=(i,)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {i: [outputs[("bench", "en_GB")], expected_late] for i in range(3)}


def test_a_callers_decimal_context_changes_no_check(bench: Project) -> None:
    cases = _cases(bench)[:10]
    parameters = bundled_parameters()
    plain_checks = [assess_benefits(h, r, parameters=parameters) for h, r in cases]
    hostile = decimal.Context(prec=1, traps=[decimal.Inexact, decimal.Rounded], Emax=3, Emin=-3)
    with decimal.localcontext(hostile):
        alone = [assess_benefits(h, r, parameters=parameters) for h, r in cases]
        batch = list(assess_many(cases, parameters=parameters))
        assert [c.findings for c in alone] == [c.findings for c in plain_checks]
        assert [c.amounts_pennies() for c in batch] == [c.amounts_pennies() for c in alone]
    assert alone == plain_checks
    assert batch == plain_checks


def test_the_library_loads_no_second_toml_parser() -> None:
    """Reading, assessing and rendering a project never imports the standard tomllib."""
    import subprocess

    script = (
        "import sys, datetime as dt\n"
        "from participatory.project import load_project\n"
        "from participatory.assessment.run import assess\n"
        "from participatory.render.report import render\n"
        f"p = load_project({str(EXAMPLE)!r})\n"
        "render(assess(p, as_at=dt.date(2026, 12, 6)), format='text', locale='cy')\n"
        "print('tomllib' in sys.modules, 'tomli' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split() == ["False", "True"]


def test_a_deep_document_read_in_a_small_stack_thread_is_refused_not_a_crash() -> None:
    """tomli's compiled parser recurses on the C stack: an array 199 deep read with it in a
    thread of 128 KiB ended the process (SIGSEGV). Outside the main thread the standard
    library's parser reads, and the size check refuses the document with its place."""
    import subprocess

    script = (
        "import threading\n"
        "from participatory.core.errors import ParameterFileError\n"
        "from participatory.core.limits import parse_toml\n"
        "threading.stack_size(128 * 1024)\n"
        "def read():\n"
        "    try:\n"
        "        parse_toml('a = ' + '[' * 199 + ']' * 199, 'p.toml')\n"
        "    except ParameterFileError as refused:\n"
        "        print(refused)\n"
        "worker = threading.Thread(target=read)\n"
        "worker.start()\n"
        "worker.join()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0
    assert done.stdout.startswith("p.toml: ")
    assert done.stdout.endswith(": is nested more than 32 deep (the most this reader accepts)\n")
