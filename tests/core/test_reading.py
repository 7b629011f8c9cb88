"""The reader's rules for finding a type's hook, and the problems a reading gathers."""

from __future__ import annotations

import enum
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.core.reading import (
    FieldNote,
    ItemNote,
    ItemProblems,
    NoHook,
    Reader,
    RecordProblems,
    UnknownKeys,
    items_hook,
    table_hook,
)


def _int(value: object, _kind: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("must be a whole number")
    return value


def _reader() -> Reader:
    reader = Reader()
    reader.register_structure_hook(int, _int)
    reader.register_structure_hook(str, lambda value, _kind: str(value))
    reader.register_structure_hook_factory(
        lambda kind: getattr(kind, "__origin__", None) is list,
        lambda kind: items_hook(reader, kind.__args__[0]),
    )
    reader.register_structure_hook_factory(
        lambda kind: getattr(kind, "__origin__", None) is dict,
        lambda kind: table_hook(reader, *kind.__args__),
    )
    return reader


def test_a_hook_for_the_type_comes_before_any_rule() -> None:
    reader = _reader()
    reader.register_structure_hook_func(lambda kind: kind is int, lambda _v, _k: "rule")
    assert reader.structure(3, int) == 3


def test_the_rule_registered_last_is_tried_first() -> None:
    reader = Reader()
    reader.register_structure_hook_func(lambda kind: True, lambda _v, _k: "first")
    reader.register_structure_hook_func(lambda kind: kind is bytes, lambda _v, _k: "second")
    assert reader.structure(b"", bytes) == "second"
    assert reader.structure(b"", bytearray) == "first"


def test_a_subclass_is_read_by_its_base_classs_hook() -> None:
    class Hours(int):
        pass

    assert _reader().structure(Hours(2), Hours) == 2


def test_a_type_no_hook_reads_is_refused_by_name() -> None:
    class Unknown:
        pass

    with pytest.raises(NoHook, match="Unknown"):
        Reader().structure(1, Unknown)


def test_a_hook_made_by_a_rule_is_kept_until_a_registration() -> None:
    reader = _reader()
    unkept = reader.get_structure_hook(list[int], cache_result=False)
    first = reader.get_structure_hook(list[int])
    assert first is not unkept
    assert reader.get_structure_hook(list[int]) is first
    assert reader.get_structure_hook(list[int], cache_result=False) is first
    reader.register_structure_hook(bytes, lambda value, _kind: value)
    assert reader.get_structure_hook(list[int]) is not first


class Colour(enum.Enum):
    RED = "red"


def test_an_unhashable_type_is_found_each_time() -> None:
    reader = Reader()
    unhashable: Any = [Colour]  # a list is not a type, but a rule may still read it
    reader.register_structure_hook_func(lambda kind: isinstance(kind, list), lambda v, _k: v)
    assert reader.structure("x", unhashable) == "x"


@given(st.lists(st.one_of(st.integers(), st.text(max_size=3)), max_size=12))
def test_every_bad_item_is_noted_at_its_position(values: list[object]) -> None:
    reader = _reader()
    bad = [i for i, v in enumerate(values) if not isinstance(v, int)]
    if not bad:
        assert reader.structure(values, list[int]) == values
        return
    with pytest.raises(ItemProblems) as caught:
        reader.structure(values, list[int])
    noted, unnoted = caught.value.group_exceptions()
    assert not unnoted
    assert [note.index for _, note in noted] == bad
    assert all(isinstance(note, ItemNote) and note.type is int for _, note in noted)


def test_a_table_notes_a_bad_value_and_a_bad_key_at_the_key() -> None:
    reader = _reader()
    assert reader.structure({"a": 1}, dict[str, int]) == {"a": 1}
    with pytest.raises(ItemProblems) as caught:
        reader.structure({"a": "x", "b": 1, 3: 4}, dict[int, int])
    noted, _ = caught.value.group_exceptions()
    # "a": its value is bad (the key is not read after a bad value); "b": its value reads,
    # its key does not; 3: 4 reads whole.
    assert [(note.index, note.type, str(note).split()[2]) for _, note in noted] == [
        ("a", int, "value"),
        ("b", int, "key"),
    ]


def test_record_problems_group_by_field_note() -> None:
    inner = ValueError("must be a whole number")
    inner.__notes__ = [FieldNote("Structuring class X @ attribute n", "n", int)]
    extra = UnknownKeys(int, ["z", "y"])
    group = RecordProblems("While structuring X", [inner, extra], int)
    noted, unnoted = group.group_exceptions()
    assert [(error, note.name) for error, note in noted] == [(inner, "n")]
    assert unnoted == [extra]
    assert extra.extra_fields == frozenset({"y", "z"})
    assert "y, z" in str(extra)
    assert group.kind is int
