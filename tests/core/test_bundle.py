""":mod:`participatory.core.bundle`: the compiled data gives exactly what the TOML gives."""

from __future__ import annotations

import datetime as dt
import json
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
def compiled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    target = tmp_path_factory.mktemp("bundle") / bundle.BUNDLE_FILE
    count = bundle.write_bundle(DATA, target)
    assert count == len(TOML_FILES)
    entries: dict[str, str] = json.loads(target.read_text(encoding="utf-8"))
    return entries


@pytest.mark.parametrize("path", TOML_FILES, ids=lambda path: path.relative_to(DATA).as_posix())
def test_every_bundled_file_reads_back_exactly_as_its_toml(
    path: Path, compiled: dict[str, str]
) -> None:
    text = path.read_text(encoding="utf-8")
    # The slow path, with every limit checked: what a checkout with no bundle reads.
    from_toml = limits.parse_toml(text, path.name)
    assert same(bundle.decode(compiled[bundle.digest(text)]), from_toml)


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
    assert json.loads(bundle.compile_bundle([(text, {"at": dt.datetime(2025, 4, 6, 9)})])) == {}


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


@pytest.mark.parametrize("entry", ['{"rate": ', "[1, 2]", 7, None])
def test_a_damaged_entry_is_read_from_the_toml(
    monkeypatch: pytest.MonkeyPatch, entry: object
) -> None:
    """A bundle damaged after the install (a cut file, a wrong type) costs time, never an
    error or a different answer."""
    text = "rate = 12.50\n"
    damaged = json.dumps({bundle.digest(text): entry}, separators=(",", ":"))
    monkeypatch.setattr(bundle, "_bundle_text", lambda: damaged)
    assert bundle.compiled_table(text) is None
    assert same(tomlfile.parse_toml(text, "x.toml"), {"rate": Decimal("12.50")})


def test_only_a_key_is_found_never_the_same_text_inside_an_entry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An entry holding the digest of another text, as a key of its own table, is not
    mistaken for that text's entry: inside an entry every quote is escaped."""
    text = "rate = 12.50\n"
    key = bundle.digest(text)
    decoy = bundle.encode({key: "not the rate"})
    written = bundle.compile_bundle([("other = 1\n", {"other": 1})])
    entries = json.loads(written)
    entries["0" * 32] = decoy
    monkeypatch.setattr(bundle, "_bundle_text", lambda: json.dumps(entries, separators=(",", ":")))
    assert bundle.compiled_table(text) is None
    assert same(bundle.compiled_table("other = 1\n"), {"other": 1})


@given(st.dictionaries(st.text(max_size=12), toml_tables, max_size=5))
def test_each_entry_is_found_as_decoding_the_whole_bundle_finds_it(
    files: dict[str, dict[str, Any]],
) -> None:
    """The look-up that decodes one entry answers as decoding the whole bundle would."""
    written = bundle.compile_bundle(files.items())
    whole = json.loads(written)
    original = bundle._bundle_text
    try:
        bundle._bundle_text = lambda: written  # type: ignore[assignment]
        for text in [*files, "not in the bundle"]:
            found = bundle.compiled_table(text)
            expected = whole.get(bundle.digest(text))
            if expected is None:
                assert found is None
            else:
                assert found is not None
                assert same(found, bundle.decode(expected))
    finally:
        bundle._bundle_text = original  # type: ignore[assignment]
