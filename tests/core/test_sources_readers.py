"""The catalogue's own field readers answer exactly as the general TOML reader did.

``participatory.core.sources`` reads a document's text and date fields itself (a report
builds some five hundred documents and passages), leaving a value of the wrong type to
:func:`participatory.core.tomlfile.optional`. These tests hold that every value gives the
same answer, or the same error in the same words, as the readers written on
``tomlfile.optional`` alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.core import sources, tomlfile
from participatory.core.errors import ParameterFileError, ParticipatoryError


def _general_string(table: Mapping[str, Any], key: str, file: str, path: str) -> str | None:
    value = tomlfile.optional(table, key, str, file=file, path=path)
    if value is not None and not value.strip():
        raise ParameterFileError(file, f"{path}.{key}", "must not be empty")
    return value


def _general_date(table: Mapping[str, Any], key: str, file: str, path: str) -> dt.date | None:
    return tomlfile.optional(table, key, dt.date, file=file, path=path)


def _answer(read: Callable[..., object], table: Mapping[str, Any]) -> tuple[str, object]:
    try:
        value = read(table, "title", "sources.toml", "doc")
    except ParticipatoryError as error:
        return "error", (type(error), str(error))
    return "value", (type(value), value)


VALUES = [
    "A title",
    "",
    "   ",
    "\t\n",
    1,
    0,
    True,
    False,
    Decimal("1.5"),
    dt.date(2025, 4, 6),
    dt.datetime(2025, 4, 6, 9, 0),
    dt.time(9, 0),
    ["a"],
    {"a": "b"},
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
@pytest.mark.parametrize(
    ("ours", "general"),
    [(sources._string, _general_string), (sources._date, _general_date)],
    ids=["text", "date"],
)
def test_each_value_reads_as_the_general_reader_reads_it(
    ours: Callable[..., object], general: Callable[..., object], value: object
) -> None:
    table = {"title": value}
    assert _answer(ours, table) == _answer(general, table)


@pytest.mark.parametrize(
    ("ours", "general"),
    [(sources._string, _general_string), (sources._date, _general_date)],
    ids=["text", "date"],
)
def test_an_absent_field_is_none(
    ours: Callable[..., object], general: Callable[..., object]
) -> None:
    assert (
        _answer(ours, {"other": 1})
        == _answer(general, {"other": 1})
        == ("value", (type(None), None))
    )


@given(
    st.one_of(
        st.text(max_size=6),
        st.integers(),
        st.booleans(),
        st.dates(),
        st.datetimes(),
        st.decimals(allow_nan=False, allow_infinity=False),
        st.lists(st.text(max_size=2), max_size=2),
    )
)
def test_generated_values_read_as_the_general_reader_reads_them(value: object) -> None:
    table = {"title": value}
    assert _answer(sources._string, table) == _answer(_general_string, table)
    assert _answer(sources._date, table) == _answer(_general_date, table)
