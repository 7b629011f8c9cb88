""":mod:`participatory.core.bundle`: the compiled data gives exactly what the TOML gives."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.core import bundle, limits, tomlfile

DATA = Path(str(resources.files("participatory") / "data"))
TOML_FILES = sorted(DATA.rglob("*.toml"))
JSON_FILES = sorted(DATA.rglob("*.json"))


def same(left: Any, right: Any) -> bool:
    """Equal, and of the same types all the way down, decimals with the same digits
    (``Decimal("12.50") == Decimal("12.5")``, but a rate card written 12.50 must stay so)."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return list(left) == list(right) and all(same(left[k], right[k]) for k in left)
    if isinstance(left, list):
        return len(left) == len(right) and all(map(same, left, right))
    if isinstance(left, Decimal):
        return str(left) == str(right)
    return bool(left == right)


def test_there_is_data_to_compile() -> None:
    assert len(TOML_FILES) >= 40


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    target = tmp_path_factory.mktemp("bundle") / bundle.BUNDLE_FILE
    count = bundle.write_bundle(DATA, target)
    assert count == len(TOML_FILES) + len(JSON_FILES)
    return bundle.entries(target.read_bytes())


@pytest.mark.parametrize("path", TOML_FILES, ids=lambda path: path.relative_to(DATA).as_posix())
def test_every_bundled_file_reads_back_exactly_as_its_toml(
    path: Path, compiled: dict[str, bytes]
) -> None:
    text = path.read_text(encoding="utf-8")
    # The slow path, with every limit checked: what a checkout with no bundle reads.
    from_toml = limits.parse_toml(text, path.name)
    assert same(bundle.read_entry(compiled[bundle.digest(text)]), from_toml)


@pytest.mark.parametrize("path", JSON_FILES, ids=lambda path: path.relative_to(DATA).as_posix())
def test_every_bundled_json_file_reads_back_exactly_as_json_reads_it(
    path: Path, compiled: dict[str, bytes]
) -> None:
    """The bank holidays are JSON: the bundle holds what json.loads gives, types and all."""
    text = path.read_text(encoding="utf-8")
    assert same(bundle.read_entry(compiled[bundle.digest(text)]), json.loads(text))


def test_the_bank_holidays_are_bundled() -> None:
    assert [path.name for path in JSON_FILES] == ["uk_bank_holidays.json"]


def test_the_installed_bundle_when_there_is_one_agrees_with_the_toml() -> None:
    """An editable or wheel install has a bundle; a bare checkout reads the TOML."""
    for path in TOML_FILES:
        text = path.read_text(encoding="utf-8")
        table = bundle.compiled_table(text)
        if table is not None:
            assert same(table, limits.parse_toml(text, path.name)), path


def test_a_text_the_bundle_does_not_hold_is_read_from_toml() -> None:
    assert bundle.compiled_table("rate = 12.50\n") is None
    assert same(tomlfile.parse_toml("rate = 12.50\n", "x.toml"), {"rate": Decimal("12.50")})


def test_an_edited_file_is_not_answered_from_the_bundle() -> None:
    path = DATA / "power_scale.toml"
    text = path.read_text(encoding="utf-8")
    assert bundle.compiled_table(text + "\n# edited\n") is None


def test_each_answer_is_a_new_table_a_caller_may_change() -> None:
    text = (DATA / "power_scale.toml").read_text(encoding="utf-8")
    first = tomlfile.parse_toml(text, "power_scale.toml")
    first.clear()
    assert tomlfile.parse_toml(text, "power_scale.toml")


@pytest.mark.parametrize(
    "value",
    [dt.datetime(2025, 4, 6, 9, 0), dt.time(9, 0), Decimal("NaN"), Decimal("Infinity"), 1.5],
)
def test_values_the_bundle_cannot_carry_are_refused(value: object) -> None:
    with pytest.raises(ValueError, match="cannot carry"):
        bundle.encode({"x": [value]})


def test_a_file_it_cannot_carry_is_left_out_and_read_from_toml() -> None:
    text = "at = 2025-04-06T09:00:00\n"
    written = bundle.compile_bundle([(text, {"at": dt.datetime(2025, 4, 6, 9)})])
    assert bundle.entries(written) == {}


def test_a_table_that_looks_like_a_tagged_date_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot carry"):
        bundle.encode({"\x00date": "2025-04-06"})


toml_leaves = st.one_of(
    st.text(max_size=20),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.booleans(),
    st.dates(),
    # What a TOML float gives with parse_float=Decimal: a point or an exponent, any places.
    st.from_regex(r"-?(0|[1-9][0-9]{0,6})\.[0-9]{1,6}([eE][+-]?[0-9]{1,2})?", fullmatch=True).map(
        Decimal
    ),
    st.from_regex(r"-?[1-9][0-9]{0,3}[eE][+-]?[0-9]{1,2}", fullmatch=True).map(Decimal),
)
toml_tables = st.recursive(
    st.dictionaries(
        st.text(max_size=8).filter(lambda key: key != "\x00date"), toml_leaves, max_size=4
    ),
    lambda children: st.one_of(
        st.lists(children | toml_leaves, max_size=4),
        st.dictionaries(
            st.text(max_size=8).filter(lambda key: key != "\x00date"), children, max_size=4
        ),
    ),
    max_leaves=20,
).filter(lambda table: isinstance(table, dict))


@given(toml_tables)
def test_encode_then_decode_is_the_same_table(table: dict[str, Any]) -> None:
    assert same(bundle.decode(bundle.encode(table)), table)


def _installed_as(monkeypatch: pytest.MonkeyPatch, bundled: bytes) -> None:
    """Make ``bundled`` the install's bundle for one test."""
    monkeypatch.setattr(bundle, "_installed", lambda: bundle._opened(bundled))


def _by_hand(index: object, body: bytes) -> bytes:
    """A bundle with ``index`` (each place given as a list written as the tuple it is)."""
    if isinstance(index, dict):
        index = {
            key: tuple(place) if isinstance(place, list) else place for key, place in index.items()
        }
    return pickle.dumps(index, protocol=4) + body


def _json_line(index: object, body: bytes) -> bytes:
    """A bundle in the previous layout: the index a line of JSON (places as lists)."""
    return json.dumps(index, separators=(",", ":")).encode() + b"\n" + body


def _entry_by_hand(table: dict[str, Any]) -> bytes:
    """An entry as the module's description lays it out: an index of the table's keys (each
    a start and an end in what follows), then each value pickled on its own."""
    values = [pickle.dumps(value, protocol=4) for value in table.values()]
    index, at = {}, 0
    for key, value in zip(table, values, strict=True):
        index[key] = (at, at + len(value))
        at += len(value)
    return pickle.dumps(index, protocol=4) + b"".join(values)


_RATE = "rate = 12.50\n"
_RATE_ENTRY = _entry_by_hand({"rate": Decimal("12.50")})
_END = len(_RATE_ENTRY)
#: An entry as the bundles before this layout held it: the whole table in one pickle.
_WHOLE_TABLE_ENTRY = pickle.dumps({"rate": Decimal("12.50")}, protocol=4)


class _Spell:
    """A class no TOML value is: an entry holding one is refused, and never made."""

    made = False

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return (_Spell._make, ())

    @staticmethod
    def _make() -> None:
        _Spell.made = True


@pytest.mark.parametrize(
    "bundled",
    [
        _by_hand({bundle.digest(_RATE): [0, _END - 3]}, _RATE_ENTRY),  # the entry cut short
        _by_hand({bundle.digest(_RATE): [0, _END + 9]}, _RATE_ENTRY),  # the file cut short
        _by_hand({bundle.digest(_RATE): [0, 20]}, pickle.dumps([1, 2]) + b"\0" * 20),
        _by_hand({bundle.digest(_RATE): [0, 5]}, pickle.dumps(7)),  # not a table
        _by_hand({bundle.digest(_RATE): [3, 1]}, _RATE_ENTRY),  # an end before its start
        _by_hand({bundle.digest(_RATE): [-1, _END]}, _RATE_ENTRY),
        _by_hand({bundle.digest(_RATE): [0.0, _END]}, _RATE_ENTRY),
        _by_hand({bundle.digest(_RATE): [0, _END, 1]}, _RATE_ENTRY),
        _by_hand({bundle.digest(_RATE): None}, _RATE_ENTRY),
        _by_hand([0, _END], _RATE_ENTRY),  # an index that is not a table
        _by_hand({bundle.digest(_RATE): [0, 9]}, b"not a pickle at all"),
        _by_hand({bundle.digest(_RATE): [0, _END]}, b"")[:-5],  # an index cut short
        pickle.dumps({bundle.digest(_RATE): [0, _END]}, protocol=4) + _RATE_ENTRY,  # lists
        b"\xff" * 3 + b"\n" + _RATE_ENTRY,
        # The layout before this one: the index a line of JSON.
        _json_line({bundle.digest(_RATE): [0, _END]}, _RATE_ENTRY),
        b'{"' + bundle.digest(_RATE).encode() + b'":[0,',  # such an index line cut short
        # The layout before the index: one JSON object of escaped entries, on one line.
        json.dumps({bundle.digest(_RATE): '{"rate":12.50}'}, separators=(",", ":")).encode(),
        b"",
        # Entries damaged inside: an index place past the entry's end, an end before its
        # start, an index that is not a table, a value that is not a pickle.
        _by_hand({bundle.digest(_RATE): [0, _END]}, _RATE_ENTRY[:-2] + b"\0\0"),
        _by_hand(
            {bundle.digest(_RATE): [0, 40]},
            pickle.dumps({"rate": (0, 99)}, protocol=4) + b"\0" * 40,
        ),
        _by_hand(
            {bundle.digest(_RATE): [0, 40]},
            pickle.dumps({"rate": (5, 1)}, protocol=4) + b"\0" * 40,
        ),
        _by_hand({bundle.digest(_RATE): [0, 30]}, pickle.dumps(["rate"], protocol=4) + b"\0" * 30),
        _by_hand(
            {bundle.digest(_RATE): [0, 28]},
            pickle.dumps({"rate": (0, 10)}, protocol=4) + b"not pickle",
        ),
        # The layout before this one: each entry the whole table in one pickle.
        _by_hand({bundle.digest(_RATE): [0, len(_WHOLE_TABLE_ENTRY)]}, _WHOLE_TABLE_ENTRY),
    ],
)
def test_a_damaged_bundle_is_read_from_the_toml(
    monkeypatch: pytest.MonkeyPatch, bundled: bytes
) -> None:
    """A bundle damaged after the install (a cut file, a wrong type), or written in the
    earlier layout, costs time, never an error or a different answer."""
    _installed_as(monkeypatch, bundled)
    assert bundle.compiled_table(_RATE) is None
    assert same(tomlfile.parse_toml(_RATE, "x.toml"), {"rate": Decimal("12.50")})


def test_an_index_naming_any_class_is_refused_unmade(monkeypatch: pytest.MonkeyPatch) -> None:
    """The index is read by the entries' unpickler: it makes no object of another class."""
    bundled = pickle.dumps({bundle.digest(_RATE): (0, _END), "x": _Spell()}, protocol=4)
    _installed_as(monkeypatch, bundled + _RATE_ENTRY)
    assert bundle.compiled_table(_RATE) is None
    assert not _Spell.made


def test_a_bundle_written_by_hand_is_read_at_the_places_its_index_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each entry is read from its place alone, whatever comes before or after it."""
    other = _entry_by_hand({"name": "\u00e9"})
    size = len(other)
    bundled = _by_hand(
        {"0" * 32: [0, size], bundle.digest(_RATE): [size, size + _END]},
        other + _RATE_ENTRY + other,
    )
    _installed_as(monkeypatch, bundled)
    assert same(bundle.compiled_table(_RATE), {"rate": Decimal("12.50")})


def test_only_an_entry_of_the_index_is_found_never_the_same_text_inside_an_entry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An entry holding the digest of another text, as a key of its own table, is not
    mistaken for that text's entry."""
    key = bundle.digest(_RATE)
    written = bundle.compile_bundle([("other = 1\n", {"other": 1, key: "not the rate"})])
    _installed_as(monkeypatch, written)
    assert bundle.compiled_table(_RATE) is None
    assert same(bundle.compiled_table("other = 1\n"), {"other": 1, key: "not the rate"})


@given(st.dictionaries(st.text(max_size=12), toml_tables, max_size=5))
def test_each_entry_is_found_as_its_table_was_written(
    files: dict[str, dict[str, Any]],
) -> None:
    """The look-up that decodes one entry answers with the table compiled for that text."""
    written = bundle.compile_bundle(files.items())
    original = bundle._installed
    try:
        bundle._installed = lambda: bundle._opened(written)  # type: ignore[method-assign]
        for text in [*files, "not in the bundle"]:
            found = bundle.compiled_table(text)
            if text in files:
                assert found is not None
                assert same(found, files[text])
            else:
                assert found is None
    finally:
        bundle._installed = original  # type: ignore[method-assign]


def test_an_entry_holding_anything_but_table_values_is_refused_unmade(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The bundle's unpickler makes tables, lists, text, numbers, decimals and dates only:
    an entry naming any other class (a damaged or altered file) is read from the TOML, and
    what it names is never called."""
    entry = _entry_by_hand({"rate": _Spell()})
    _installed_as(monkeypatch, _by_hand({bundle.digest(_RATE): [0, len(entry)]}, entry))
    assert bundle.compiled_table(_RATE) is None
    assert not _Spell.made
    with pytest.raises(ValueError, match="not an entry"):
        bundle.read_entry(_entry_by_hand({"at": dt.datetime(2025, 4, 6, 9)}))


@given(toml_tables)
def test_an_entry_reads_back_as_the_same_table(table: dict[str, Any]) -> None:
    written = bundle.compile_bundle([("x = 1\n", table)])
    (entry,) = bundle.entries(written).values()
    assert same(bundle.read_entry(entry), table)


def test_importing_the_library_does_not_import_pickle() -> None:
    """The bundle's unpickler is made when the first bundled file is read, not on import:
    a program that only wants a model class reads no data and needs no pickle."""
    import subprocess
    import sys

    code = "import sys, participatory; print('pickle' in sys.modules, '_pickle' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "False False"


def test_reading_bundled_data_needs_neither_pickle_module_nor_json() -> None:
    """Reading a bundled file takes the C unpickler alone (the index is pickled too)."""
    import subprocess
    import sys

    code = (
        "import sys; from participatory.core import tomlfile;"
        "name = 'power_scale.toml';"
        "tomlfile.parse_toml(tomlfile.bundled_text(name), name);"
        "print('pickle' in sys.modules, 'json' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "False False"


def test_an_entry_written_by_hand_reads_back() -> None:
    """The layout the module describes, written without the module: the same tables."""
    table = {"rate": Decimal("12.50"), "since": dt.date(2025, 4, 6), "tags": ["a", 1]}
    assert same(bundle.read_entry(_entry_by_hand(table)), table)


def test_parts_unpickle_only_the_tables_looked_up() -> None:
    """A table that is damaged is not noticed until it is looked up: the others read."""
    good = pickle.dumps({"title": "Bath report"}, protocol=4)
    damaged = b"\x80\x04not a pickle"
    index = {"bath": (0, len(good)), "broken": (len(good), len(good) + len(damaged))}
    entry = pickle.dumps(index, protocol=4) + good + damaged
    parts = bundle.read_parts(entry)
    assert list(parts) == ["bath", "broken"]
    assert len(parts) == 2
    assert parts["bath"] == {"title": "Bath report"}
    assert parts["bath"] is parts["bath"]
    with pytest.raises(ValueError, match="not an entry"):
        parts["broken"]
    with pytest.raises(KeyError):
        parts["missing"]
    with pytest.raises(ValueError, match="not an entry"):
        bundle.read_entry(entry)


def test_a_damaged_part_is_read_from_the_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    """compiled_parts answers a table that does not unpickle from the file's TOML."""
    text = "[a]\nx = 1\n[b]\ny = 2\n"
    good = pickle.dumps({"x": 1}, protocol=4)
    damaged = b"\x80\x04junk"
    index = {"a": (0, len(good)), "b": (len(good), len(good) + len(damaged))}
    entry = pickle.dumps(index, protocol=4) + good + damaged
    _installed_as(monkeypatch, _by_hand({bundle.digest(text): [0, len(entry)]}, entry))
    calls = []

    def from_toml() -> dict[str, Any]:
        calls.append(1)
        return limits.parse_toml(text, "x.toml")

    parts = bundle.compiled_parts(text, from_toml)
    assert parts is not None
    assert parts["a"] == {"x": 1}
    assert calls == []
    assert parts["b"] == {"y": 2}
    assert calls == [1]
    assert bundle.compiled_table(text) is None


@pytest.mark.parametrize("path", TOML_FILES, ids=lambda path: path.relative_to(DATA).as_posix())
def test_every_bundled_file_reads_by_parts_exactly_as_its_toml(path: Path) -> None:
    """The installed bundle, read table by table from the file's bytes, as its TOML."""
    name = path.relative_to(DATA).as_posix()
    from_toml = limits.parse_toml(path.read_text(encoding="utf-8"), path.name)
    tables = tomlfile.bundled_tables(name)
    assert list(tables) == list(from_toml)
    assert all(same(tables[key], from_toml[key]) for key in from_toml)


def test_a_text_and_its_bytes_have_one_key() -> None:
    text = 'title = "Caerdydd \u00e2\u0175"\n'
    assert bundle.digest(text) == bundle.digest(text.encode("utf-8"))


def test_a_file_with_other_line_ends_is_read_from_its_toml(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A checkout that ends lines with CR LF holds bytes the bundle has no key for: they are
    read as text, every line end read as one, as reading the file as text does."""
    import participatory.core.tomlfile as module

    crlf = b"[a]\r\nx = 1\r\n[b]\ry = 2\r\n"
    monkeypatch.setattr(module, "read_package_bytes", lambda name: crlf)
    tables = tomlfile.bundled_tables("anything.toml")
    assert type(tables) is dict
    assert tables == {"a": {"x": 1}, "b": {"y": 2}}


def test_bundled_tables_name_the_file_in_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import participatory.core.tomlfile as module
    from participatory.core.errors import ParameterFileError

    monkeypatch.setattr(module, "read_package_bytes", lambda name: b"x = \n")
    with pytest.raises(ParameterFileError, match=r"^mine\.toml: "):
        tomlfile.bundled_tables("anything.toml", "mine.toml")
    with pytest.raises(ParameterFileError, match=r"^participatory/data/anything\.toml: "):
        tomlfile.bundled_tables("anything.toml")
