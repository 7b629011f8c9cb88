"""The library's TOML reader (tomli, held below 2.4) reads exactly what tomllib reads.

Project files are TOML 1.0, and before issue 18 they were read with the standard library's
``tomllib`` (a vendored tomli). The reader is now tomli itself, whose compiled wheel parses
about three times as fast; these tests hold it to the standard library's answers: the same
tables for every TOML file the project ships or writes, the same tables or the same error
message (with its line and column) for generated documents, valid and not, and the same
errors from :func:`participatory.core.limits.parse_toml`.
"""

from __future__ import annotations

import sys
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import tomli
from hypothesis import given
from hypothesis import strategies as st

from participatory.core.errors import ParticipatoryError
from participatory.core.limits import parse_toml

ROOT = Path(__file__).parent.parent.parent
SHIPPED = sorted(
    [
        *(ROOT / "src" / "participatory" / "data").rglob("*.toml"),
        *(ROOT / "examples").glob("*.toml"),
    ]
)


def _outcome(parser: Any, text: str) -> tuple[str, object]:
    """What a parser makes of ``text``: its tables, or its error's kind and message."""
    try:
        # As their repr: a NaN never equals itself (``a = -nan``), and the repr compares
        # every value's type and digits, and every key's order, exactly.
        return "tables", repr(parser.loads(text, parse_float=Decimal))
    except (ValueError, RecursionError) as problem:
        # Both parsers' decode errors are ValueErrors; the kind is compared by name, since
        # each module has its own TOMLDecodeError class.
        return type(problem).__name__, str(problem)


def test_tomli_is_below_toml_1_1() -> None:
    """2.4 reads TOML 1.1 (it accepts, say, a newline inside an inline table)."""
    assert _outcome(tomli, "a = {b = 1,\n c = 2}")[0] == "TOMLDecodeError"
    assert _outcome(tomllib, "a = {b = 1,\n c = 2}")[0] == "TOMLDecodeError"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_file_reads_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _outcome(tomli, text) == _outcome(tomllib, text)


def test_the_benchmark_project_reads_the_same() -> None:
    """The 50-contributor benchmark's file (113 KB of every kind of table the format has)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from bench_assessment import project_toml
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    text = project_toml()
    read = _outcome(tomli, text)
    assert read[0] == "tables"
    assert read == _outcome(tomllib, text)


# Pieces of TOML, right and wrong, put together at random: keys (bare, quoted, dotted,
# repeated), every kind of value, tables and arrays of tables, comments, and the characters
# that end or break each of them.
_KEYS = st.sampled_from(["a", "b", "a.b", '"a"', "'b c'", "a . b", "1", "-", '"\\u00e9"', "é"])
_VALUES = st.sampled_from(
    [
        "1", "+1", "-0", "1_000", "0x1F", "0o7", "0b1", "01", "1__0", "1.5", "1e3", "-1.5E-2",
        "1.", ".5", "inf", "-nan", "true", "false", "True", '"x"', "'x'", '"\\n\\t\\u0041"',
        '"\\x"', '"""a\nb"""', "'''a\nb'''", '"a', "1979-05-27", "1979-05-27T07:32:00Z",
        "1979-05-27 07:32:00-07:00", "07:32:00", "1979-13-27", "24:00:00", "[]", "[1, 2]",
        "[1, 'a']", "[1,]", "[,]", "{}", "{x = 1}", "{x = 1, x = 2}", "{x = 1,}",
        "{x.y = 1, x.z = 2}", "[[1], {a = [2]}]", "99999999999999999999", "",
    ]
)  # fmt: skip
_LINES = st.one_of(
    st.builds(lambda k, v: f"{k} = {v}", _KEYS, _VALUES),
    st.builds(lambda k: f"[{k}]", _KEYS),
    st.builds(lambda k: f"[[{k}]]", _KEYS),
    st.sampled_from(["# note", "", "  ", "\t", "[", "]]", "=", "a =", "= 1", "\r", "\x7f", "\x00"]),
    st.text(alphabet="[]{}=.,\"'#\n\\ ab1-_:TZ+e", max_size=20),
)


@given(st.lists(_LINES, max_size=12), st.sampled_from(["\n", "\r\n"]))
def test_generated_documents_read_the_same(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    assert _outcome(tomli, text) == _outcome(tomllib, text)


@pytest.mark.parametrize(
    "text",
    [
        'title = "x"\ntitle = "y"\n',
        "[a]\nb = 1\n[a]\n",
        "a = [1, 2\n",
        'a = "open\n',
        "a = 1979-02-30\n",
        "a = {b = 1}\na.c = 2\n",
        "a = 1 b = 2\n",
        "x = 1." + "5" * 80 + "\n",
        "x = " + "9" * 5000 + "\n",
    ],
)
def test_parse_toml_reports_problems_as_before(text: str) -> None:
    """The library's error names the file and says what tomllib said, position and all."""
    with pytest.raises(ParticipatoryError) as caught:
        parse_toml(text, "project.toml")
    kind, said = _outcome(tomllib, text)
    if kind == "TOMLDecodeError":
        assert str(caught.value) == f"project.toml: is not valid TOML ({said})"
    else:
        assert str(caught.value).startswith("project.toml: holds a number longer than")


def test_nesting_beyond_the_compiled_parsers_bound_is_refused_as_too_deep() -> None:
    """tomli stops at 400 inline levels (its compiled form must not overflow the C stack):
    such a document is refused as nested too deep, as tomllib's RecursionError was."""
    for depth in (401, 5000):
        with pytest.raises(ParticipatoryError, match="is nested more than 32 deep"):
            parse_toml("a = " + "[" * depth + "]" * depth, "deep.toml")
