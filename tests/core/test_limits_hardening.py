""":mod:`participatory.core.limits`: hardening: no input can crash, hang or exhaust a reader.

Issue 17: deeply nested JSON or TOML raised ``RecursionError``; integers of thousands of
digits ``ValueError``; a lone surrogate in a title ``UnicodeEncodeError`` when printed;
non-UTF-8 files ``UnicodeDecodeError``; ``/dev/zero`` or a huge file was read without end;
a key given twice in JSON was silently accepted (the last won). The cause: each reader
parsed whatever it was given. Every reader now goes through :mod:`participatory.core.limits`.

The general test feeds hostile documents (nesting thousands deep, lists and texts past the
limits, numbers of thousands of digits, ``NaN``, repeated keys, surrogates, control
characters, bytes that are not UTF-8) to *every* reader of the library: each must give a
result or the library's own error, quickly. Another checks the limits are generous: every
example and bundled file uses a small fraction of them, and a project far larger than any
university's loads.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import time
from collections import Counter
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participatory.commands import _edge
from participatory.core import limits, tomlfile
from participatory.core.errors import ParticipatoryError
from participatory.core.limits import DEFAULT_LIMITS, Limits, check_shape
from participatory.core.params import parse_parameters
from participatory.core.sources import parse_sources
from participatory.ethics.guidance import parse_guidance
from participatory.payments.plan_file import parse_payment_plan
from participatory.payments.rates import load_rate_card, parse_rate_card
from participatory.project import ProjectFileError, load_project, parse_project
from participatory.vocabulary.files import load_vocabulary, parse_terms
from tests.entry_points import EXAMPLES
from tests.fuzzing import no_hang

# -- regressions ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "format", "problem"),
    [
        ("[" * 100_000 + "]" * 100_000, "json", "nested more than 32 deep"),
        ("a = " + "[" * 100_000 + "]" * 100_000, "toml", "nested more than 32 deep"),
        ("a = " + "{b = " * 3000 + "1" + "}" * 3000, "toml", "nested more than 32 deep"),
        ('{"id": "a", "title": "t", "x": ' + "9" * 5000 + "}", "json", "longer than 64"),
        ('id = "a"\ntitle = "t"\nx = ' + "9" * 5000, "toml", "longer than 64"),
        ('{"id": "a", "id": "b", "title": "t"}', "json", "id: is given twice"),
        ('{"id": "a", "title": "t", "x": NaN}', "json", "NaN, which is not a JSON number"),
        ('{"id": "a", "title": "t\\ud800"}', "json", "lone surrogate"),
    ],
    ids=[
        "deep JSON",
        "deep TOML arrays",
        "deep TOML tables",
        "huge JSON int",
        "huge TOML int",
        "repeated JSON key",
        "NaN",
        "lone surrogate",
    ],
)
def test_each_crash_of_issue_17_is_the_librarys_error(text: str, format: str, problem: str) -> None:
    with no_hang(), pytest.raises(ProjectFileError, match=problem):
        parse_project(text, format, "p." + format)


def test_a_file_that_is_not_utf8_names_the_byte(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b'id = "\xff"\ntitle = "x"\n')
    with pytest.raises(ProjectFileError, match=r"not UTF-8 text \(at byte offset 6\)"):
        load_project(bad)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_an_endless_file_is_refused_after_the_limit() -> None:
    """Issue 17: reading /dev/zero never ended."""
    with no_hang(), pytest.raises(ParticipatoryError, match="larger than 16,777,216 bytes"):
        limits.read_bytes("/dev/zero")


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_text('{"id": "a", "title": "' + "x" * 200 + '"}', encoding="utf-8")
    with pytest.raises(ProjectFileError, match="larger than 100 bytes"):
        load_project(big, limits=Limits(file_bytes=100))


def test_a_problem_inside_special_category_data_names_no_person() -> None:
    """A limit broken inside ``benefits.<person>`` is reported at ``benefits`` alone."""
    text = json.dumps({"id": "a", "title": "t", "benefits": {"dee": {"people": ["x" * 30]}}})
    with pytest.raises(ProjectFileError) as caught:
        parse_project(text, "json", limits=Limits(text_length=20))
    assert "dee" not in str(caught.value)


# -- every reader, hostile documents ----------------------------------------------------


def _json_text(text: str) -> str:
    return text


def _wrap_toml(value: str) -> str:
    return f"a = {value}\n"


def _hostile_values() -> st.SearchStrategy[str]:
    """A value written both as JSON and as TOML (after ``a = ``): each past one limit."""
    depth = st.integers(20, 3000)
    return st.one_of(
        depth.map(lambda n: "[" * n + "]" * n),
        depth.map(lambda n: "[" * n + "1" + "]" * n),
        st.integers(60, 6000).map(lambda n: "9" * n),
        st.integers(60, 6000).map(lambda n: "-" + "1" * n),
        st.integers(60, 400).map(lambda n: "1." + "0" * n + "1"),
        st.sampled_from(
            ["1e999999999", "-1E-999999999", "NaN", "Infinity", "-Infinity", "nan", "inf"]
        ),
        st.integers(20_001, 25_000).map(lambda n: '"' + "x" * n + '"'),
        st.integers(100_001, 100_010).map(lambda n: "[" + "1," * (n - 1) + "1]"),
        st.sampled_from(['"\\ud800"', '"a\\udfff b"', '"\\u001b[31m\\u0007"', '"\\u0000"']),
    )


def _documents() -> st.SearchStrategy[tuple[str, str]]:
    value = _hostile_values()
    json_docs = value.map(lambda v: ("json", f'{{"id": "p", "title": "t", "a": {v}}}'))
    toml_docs = value.map(lambda v: ("toml", f'id = "p"\ntitle = "t"\n{_wrap_toml(v)}'))
    repeated = st.sampled_from(
        [
            ("json", '{"id": "p", "title": "t", "a": {"b": 1, "b": 2}}'),
            ("json", '{"id": "p", "id": "p", "title": "t"}'),
            ("toml", 'id = "p"\nid = "q"\ntitle = "t"\n'),
        ]
    )
    return st.one_of(json_docs, toml_docs, repeated)


def _file_reader(load: Callable[[Path], object]) -> Callable[[str, str], object]:
    def read(text: str, format: str) -> object:
        folder = Path(os.environ.get("PYTEST_TMP", "/tmp"))
        path = folder / f"participatory-hostile-{os.getpid()}.{format}"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            return load(path)
        finally:
            path.unlink(missing_ok=True)

    return read


def _stdin_reader(text: str, format: str) -> object:
    import sys

    old = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(text.encode("utf-8", "surrogatepass")))
    try:
        return _edge.read_document("-", format)
    finally:
        sys.stdin = old


#: Every reader of the library: ``(text, format) -> result``. Readers of one format only are
#: given the other's documents too: they must refuse them cleanly.
READERS: dict[str, Callable[[str, str], object]] = {
    "core.limits.parse_json": lambda t, f: limits.parse_json(t, "x.json"),
    "core.limits.parse_toml": lambda t, f: limits.parse_toml(t, "x.toml"),
    "core.tomlfile.parse_toml": lambda t, f: tomlfile.parse_toml(t, "x.toml"),
    "project.parse_project": lambda t, f: parse_project(t, f, "x." + f),
    "project.load_project": _file_reader(load_project),
    "commands read_document (file)": _file_reader(lambda p: _edge.read_document(str(p))),
    "commands read_document (stdin)": _stdin_reader,
    "payments.parse_rate_card": lambda t, f: parse_rate_card(t, "card.toml"),
    "payments.load_rate_card": _file_reader(load_rate_card),
    "payments.parse_payment_plan": lambda t, f: parse_payment_plan(t, "plan.toml"),
    "vocabulary.parse_terms": lambda t, f: parse_terms(t, file="terms.toml"),
    "vocabulary.load_vocabulary": _file_reader(lambda p: load_vocabulary(p, institution="U")),
    "core.params.parse_parameters": lambda t, f: parse_parameters(t, "p.toml"),
    "core.sources.parse_sources": lambda t, f: parse_sources(t, "s.toml"),
    "ethics.parse_guidance": lambda t, f: parse_guidance(t, file="g.toml"),
}


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(document=_documents())
@pytest.mark.parametrize("reader", sorted(READERS))
def test_every_reader_refuses_hostile_documents_cleanly(
    reader: str, document: tuple[str, str], tried: Counter[str]
) -> None:
    format, text = document
    tried[f"hostile documents ({reader})"] += 1
    with no_hang():
        try:
            READERS[reader](text, format)
        except ParticipatoryError as error:
            message = str(error)
        else:
            return
    assert message
    assert "\n" not in message


@settings(max_examples=40, deadline=None)
@given(data=st.binary(min_size=1, max_size=200))
def test_bytes_that_are_not_utf8_are_the_librarys_error(
    data: bytes, tmp_path_factory: pytest.TempPathFactory, tried: Counter[str]
) -> None:
    tried["hostile bytes (files and stdin)"] += 1
    path = tmp_path_factory.mktemp("bytes") / "x.json"
    path.write_bytes(b'{"id": "' + data + b'", "title": "t"}')
    for read in (lambda: load_project(path), lambda: _edge.read_document(str(path))):
        with contextlib.suppress(ParticipatoryError):
            read()


def test_parsed_data_nested_beyond_python_is_checked_without_recursion() -> None:
    """check_shape walks iteratively: data nested 100,000 deep is refused, not a crash."""
    deep: Any = 1
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(ParticipatoryError, match="nested more than 32 deep"):
        check_shape({"a": deep}, "x")


# -- generous enough --------------------------------------------------------------------


def _largest_use(data: object) -> dict[str, int]:
    """The largest depth, list, text and number in parsed data."""
    found = Counter[str]()
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        found["depth"] = max(found["depth"], depth)
        if isinstance(value, str):
            found["text"] = max(found["text"], len(value))
        elif isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            found["list"] = max(found["list"], len(value))
            stack.extend((v, depth + 1) for v in value)
    return dict(found)


def _bundled_and_example_files() -> list[Path]:
    data = Path(str(resources.files("participatory") / "data"))
    return sorted(data.rglob("*.toml")) + sorted(EXAMPLES.glob("*.toml"))


@pytest.mark.parametrize("path", _bundled_and_example_files(), ids=lambda p: p.name)
def test_every_bundled_and_example_file_uses_a_small_part_of_the_limits(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    data = tomlfile.parse_toml(text, path.name)
    used = _largest_use(data)
    assert len(text.encode()) * 10 < DEFAULT_LIMITS.file_bytes
    assert used.get("depth", 0) * 3 <= DEFAULT_LIMITS.depth
    assert used.get("list", 0) * 10 < DEFAULT_LIMITS.list_length
    assert used.get("text", 0) * 2 < DEFAULT_LIMITS.text_length


def test_a_project_far_larger_than_any_university_loads_and_assesses() -> None:
    """500 people, 20,000 payments and 2,000 sessions: within every limit, in seconds."""
    from participatory.assessment import assess

    base = (EXAMPLES / "river-citizen-science.toml").read_text(encoding="utf-8")
    document = tomlfile.parse_toml(base, "river.toml")
    document.pop("rate_card", None)
    people = [
        {"id": f"p{i}", "name": f"Person {i}", "kind": "co_researcher", "communities": []}
        for i in range(500)
    ]
    payments = [
        {
            "id": f"pay{i}",
            "contributor": f"p{i % 500}",
            "kind": "fee",
            "amount": "27.50 GBP",
            "due_on": (dt.date(2026, 1, 1) + dt.timedelta(days=i % 365)).isoformat(),
        }
        for i in range(20_000)
    ]
    document.update(people=people, payments=payments, roles=[], sessions=[])
    document.pop("benefits", None)
    document.pop("safeguarding_notes", None)
    document.pop("activities", None)
    text = json.dumps(document, default=str)
    assert len(text.encode()) < DEFAULT_LIMITS.file_bytes / 4
    started = time.process_time()
    project = parse_project(text, "json", "large.json")
    assess(project, as_at=dt.date(2026, 12, 31))
    assert time.process_time() - started < 120
    assert len(project.payments) == 20_000
