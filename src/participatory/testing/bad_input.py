r"""Hypothesis strategies for *invalid* input: broken TOML, wrong types, absurd values.

The other strategy modules build valid models only. These take a valid document (a
parsed TOML file) and break it one way at a time, so a file boundary can be shown to
answer every input with the library's own error or a valid result:

- a value replaced by a wrong or absurd one (:func:`bad_values`: NaN and infinite
  numbers, floats where money is expected, huge and negative amounts, unknown currencies,
  naive datetimes, dates at the ends of the calendar, wrong types);
- a key removed, an unknown key added, an array entry duplicated (duplicated ids), an
  id changed so that references dangle;
- the text itself truncated or corrupted (:func:`broken_texts`).

>>> from hypothesis import given
>>> @given(mutated_documents({"plan": {"project": "Threads"}}))
... def check(document):
...     assert isinstance(document, dict)
>>> check()
>>> toml_text({"a": {"b": [1, "x"]}})
'"a" = {"b" = [1, "x"]}\n'
"""

import copy
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

__all__ = [
    "Path",
    "bad_values",
    "broken_texts",
    "mutated_documents",
    "paths",
    "toml_text",
    "toml_texts",
]

#: A position in a document: keys of tables and indices of arrays.
Path = tuple[str | int, ...]


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        number = Decimal(str(value)) if isinstance(value, float) else value
        if number.is_nan():
            return "nan"
        if number.is_infinite():
            return "-inf" if number < 0 else "inf"
        text = str(number)
        return text if any(c in text for c in ".Ee") else f"{text}.0"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _value(value: object) -> str:
    if isinstance(value, Mapping):
        inner = ", ".join(f"{json.dumps(str(k))} = {_value(v)}" for k, v in value.items())
        return "{" + inner + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    return _scalar(value)


def toml_text(document: Mapping[str, Any]) -> str:
    """TOML for ``document``, one inline table per top-level key (any shape is expressible)."""
    return "".join(f"{json.dumps(str(k))} = {_value(v)}\n" for k, v in document.items())


def paths(document: object, prefix: Path = ()) -> list[Path]:
    """Every position in ``document`` that holds a value, tables and arrays included."""
    found: list[Path] = []
    if isinstance(document, Mapping):
        for key, value in document.items():
            found.append((*prefix, key))
            found.extend(paths(value, (*prefix, key)))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found.append((*prefix, index))
            found.extend(paths(value, (*prefix, index)))
    return found


def bad_values() -> st.SearchStrategy[object]:
    """Values a careless or hostile file might hold where something else is expected."""
    return st.one_of(
        st.sampled_from(
            [
                Decimal("NaN"),
                Decimal("Infinity"),
                Decimal("-Infinity"),
                Decimal("1e400"),
                Decimal("-0.001"),
                Decimal("0.001"),
                Decimal("12.345"),
                Decimal("-1"),
                10**30,
                -(10**18),
                -1,
                0,
                True,
                "",
                " ",
                "XXX",
                "gbp",
                "£",
                "12.50",
                "nan",
                "1e999999",
                "2026-02-30",
                "∞",
                dt.date(1, 1, 1),
                dt.date(9999, 12, 31),
                dt.datetime(2026, 4, 6, 9, 30),
                dt.datetime(2026, 4, 5, 23, 30, tzinfo=dt.UTC),
                dt.time(12, 0),
                [],
                {},
                [{}],
            ]
        ),
        st.text(max_size=12),
        st.integers(),
        st.decimals(allow_nan=True, allow_infinity=True),
        st.dates(),
        st.lists(st.integers(), max_size=3),
        st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    )


def _container(document: Any, path: Path) -> Any:
    for step in path[:-1]:
        document = document[step]
    return document


@st.composite
def mutated_documents(
    draw: st.DrawFn, document: Mapping[str, Any], id_keys: Sequence[str] = ("id",)
) -> dict[str, Any]:
    """``document`` broken in one to three places (see the module docstring)."""
    result: Any = copy.deepcopy(dict(document))
    for _ in range(draw(st.integers(1, 3))):
        places = paths(result)
        operation = draw(
            st.sampled_from(["replace", "delete", "add", "duplicate", "dangle"])
            if places
            else st.just("add")
        )
        if operation == "add":
            tables = [()] + [p for p in places if isinstance(_get(result, p), Mapping)]
            where = draw(st.sampled_from(tables))
            target = _get(result, where)
            target[draw(st.text(min_size=1, max_size=8))] = draw(bad_values())
            continue
        path = draw(st.sampled_from(places))
        parent, last = _container(result, path), path[-1]
        if operation == "replace":
            parent[last] = draw(bad_values())
        elif operation == "delete":
            del parent[last]
        elif operation == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))  # type: ignore[index]
        elif operation == "dangle" and last in id_keys:
            parent[last] = draw(st.sampled_from(["nobody", "", "p1", "ghost-42"]))
        else:
            parent[last] = draw(bad_values())
    return dict(result)


def _get(document: Any, path: Path) -> Any:
    for step in path:
        document = document[step]
    return document


def broken_texts(text: str) -> st.SearchStrategy[str]:
    """``text`` truncated, with a line repeated, or with characters inserted or dropped."""
    lines = text.splitlines(keepends=True) or [""]
    cut = st.integers(0, len(text)).map(lambda n: text[:n])
    repeated = st.integers(0, len(lines) - 1).map(lambda i: "".join(lines[: i + 1] + lines[i:]))
    junk = st.text(alphabet='[]{}="\\\n#.,:-0123456789abc \t\x00\x7f', max_size=6)
    inserted = st.tuples(st.integers(0, len(text)), junk).map(
        lambda t: text[: t[0]] + t[1] + text[t[0] :]
    )
    return st.one_of(cut, repeated, inserted, st.text(max_size=60))


def toml_texts(
    document: Mapping[str, Any], text: str, id_keys: Sequence[str] = ("id",)
) -> st.SearchStrategy[str]:
    """Texts of broken files: ``document`` mutated and written out, or ``text`` corrupted."""
    return st.one_of(
        mutated_documents(document, id_keys).map(toml_text),
        broken_texts(text),
    )
