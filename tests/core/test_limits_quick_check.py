"""check_shape's quick pass answers exactly as the walk that names the problem.

``check_shape`` first asks a quick yes-or-no pass (no places kept, any order) and runs the
plain walk, which names the first problem's place, only after a no (issue 18: the check
cost more than parsing the 50-contributor project file). These tests hold the quick pass to
the plain walk for generated data of every kind a parser gives and some it never does.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.core.errors import ParticipatoryError
from participatory.core.limits import Limits, _find_problem, _within, check_shape

SMALL = Limits(text_length=6, list_length=4, depth=3, number_length=3)

_SCALARS = st.one_of(
    st.text(max_size=8),
    st.sampled_from(["\ud800", "é\udfff", "ok", "x" * 7]),
    st.integers(min_value=-2000, max_value=2000),
    st.booleans(),
    st.none(),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.decimals(allow_nan=False, places=2, max_value=10**6, min_value=-(10**6)),
    st.floats(allow_nan=False),
    st.tuples(st.text(max_size=8)),
)
_KEYS = st.one_of(st.text(max_size=8), st.sampled_from(["\ud800", "k" * 7]), st.integers(0, 9))


class _Text(str):
    """A subclass the quick pass leaves to the plain walk."""


def _odd(value: Any) -> Any:
    # Containers and texts of other types than a parser gives.
    if isinstance(value, dict):
        return OrderedDict(value)
    if isinstance(value, str):
        return _Text(value)
    return value


_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=6),
        st.dictionaries(_KEYS, inner, max_size=5),
        inner.map(_odd),
    ),
    max_leaves=30,
)


def _plain_accepts(data: object, limits: Limits) -> bool:
    try:
        _find_problem(data, "f", limits, _error, ())
    except ParticipatoryError:
        return False
    return True


def _error(name: str, where: str, problem: str) -> ParticipatoryError:
    return ParticipatoryError(f"{name}: {where}: {problem}")


@given(_DATA, st.sampled_from([SMALL, Limits()]))
def test_the_quick_pass_agrees_with_the_plain_walk(data: object, limits: Limits) -> None:
    if _within(data, limits):
        assert _plain_accepts(data, limits)
    else:
        # A no from the quick pass is always followed by the plain walk; it may say no for a
        # value it leaves to the walk (a subclass), but never for data it can judge itself.
        judged = _plain_accepts(data, limits)
        assert not judged or _holds_other_types(data)


def _holds_other_types(data: object) -> bool:
    stack = [data]
    while stack:
        value = stack.pop()
        if type(value) in (_Text, OrderedDict):
            return True
        if isinstance(value, dict | list):
            stack.extend(value.values() if isinstance(value, dict) else value)
            if isinstance(value, dict) and any(type(k) is not str for k in value):
                return True
    return False


@given(_DATA)
def test_check_shape_raises_what_the_plain_walk_raises(data: object) -> None:
    def outcome(check: Any) -> str:
        try:
            check()
        except ParticipatoryError as problem:
            return str(problem)
        return "accepted"

    assert outcome(lambda: check_shape(data, "f", SMALL, error=_error)) == outcome(
        lambda: _find_problem(data, "f", SMALL, _error, ())
    )


@pytest.mark.parametrize(
    "data",
    [
        {"a": "x" * 7},
        {"a": [1, 2, 3, 4, 5]},
        {"a": {"b": {"c": {"d": 1}}}},
        {"a": 1000},
        {"k" * 7: 1},
        {"a": "\ud800"},
        [[[[1]]]],
        "x" * 7,
        1000,
        [{"a": [{"b": 1}]}],
        {"a": [], "b": {}, "c": [[], [{}]]},
        {"when": dt.date(2026, 1, 1), "amount": Decimal("1.50"), "ok": True, "none": None},
    ],
)
def test_each_limit_is_seen_by_the_quick_pass(data: object) -> None:
    expected = _plain_accepts(data, SMALL)
    assert _within(data, SMALL) is expected
