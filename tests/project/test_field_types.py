"""The project reader resolves its records' annotations as typing.get_type_hints does."""

from __future__ import annotations

import typing
from typing import Any

import attrs
import pytest

from participatory.payments.rates import RateCard
from participatory.project import convert
from participatory.project.model import Project


def _records(start: type[Any]) -> list[type[Any]]:
    """Every attrs class a project file's reader may meet, from ``start`` down its fields."""
    found: dict[type[Any], None] = {}
    waiting: list[Any] = [start]
    while waiting:
        kind = waiting.pop()
        if isinstance(kind, type) and attrs.has(kind):
            if kind in found:
                continue
            found[kind] = None
            waiting.extend(typing.get_type_hints(kind, include_extras=True).values())
        waiting.extend(typing.get_args(kind))
    return list(found)


RECORDS = _records(Project) + _records(RateCard)


def test_the_reader_meets_many_records() -> None:
    assert len(RECORDS) >= 30


@pytest.mark.parametrize("kind", RECORDS, ids=lambda kind: kind.__qualname__)
def test_each_record_s_field_types_are_get_type_hints_own(kind: type[Any]) -> None:
    assert convert._field_types(kind) == typing.get_type_hints(kind, include_extras=True)


def test_an_annotation_naming_nothing_is_a_name_error() -> None:
    @attrs.frozen
    class Broken:
        x: NotDefinedAnywhere  # type: ignore[name-defined]  # noqa: F821

    with pytest.raises(NameError):
        convert._field_types(Broken)


def test_an_annotation_of_none_is_none_type() -> None:
    @attrs.frozen
    class Nothing:
        x: None

    assert convert._field_types(Nothing) == {"x": type(None)}


def test_a_class_s_own_name_is_found_after_its_module_s() -> None:
    """get_type_hints looks in the module first, then the class: so does the reader."""

    @attrs.frozen
    class Shadow:
        int_alias: typing.ClassVar[type] = str
        x: int_alias = 0  # type: ignore[valid-type]

    assert convert._field_types(Shadow) == typing.get_type_hints(Shadow, include_extras=True)


@pytest.mark.parametrize(
    "text",
    ["str", "dt.date", "dt.date | None", "tuple[str, ...]", "None", "typing.Any", "Decimal"],
)
def test_an_annotation_s_value_is_eval_s(text: str) -> None:
    """A name or a dotted name is looked up (module, then class, then builtins) as eval
    looks it up; anything else is compiled."""
    import datetime as dt
    from decimal import Decimal

    module = {"dt": dt, "typing": typing}
    own = {"Decimal": Decimal, "str": int}  # the module's names come first, then the class's
    assert convert._evaluated(text, own, module) == eval(text, dict(own), module)


def test_a_dotted_name_naming_nothing_is_eval_s_error() -> None:
    with pytest.raises(NameError):
        convert._evaluated("nowhere.date", {}, {})
    with pytest.raises(AttributeError):
        convert._evaluated("typing.nothing", {}, {"typing": typing})
