""":mod:`participatory.core.record`: the shared repr, equality and hash answer as attrs'.

Each property builds the same class twice from one generated description, once as a
:class:`Record` and once as a plain ``@attrs.frozen`` class whose methods attrs writes, and
compares the two on generated values.
"""

from __future__ import annotations

import importlib
import pickle
import pkgutil
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import participatory
from participatory.core.privacy import REDACTED
from participatory.core.record import Record


def _shown_as_length(value: object) -> str:
    return f"<{len(repr(value))} characters>"


_REPRS = st.sampled_from([True, False, REDACTED, _shown_as_length])
_FIELD = st.fixed_dictionaries(
    {
        "repr": _REPRS,
        "eq": st.booleans(),
        "hash": st.sampled_from([None, True, False]),
        "init": st.booleans(),
    }
)
_VALUES = st.one_of(
    st.none(),
    st.integers(-3, 3),
    st.sampled_from(["", "a", "b"]),
    st.floats(allow_infinity=False),  # includes NaN: tuples compare it by identity first
    st.tuples(st.integers(0, 2), st.sampled_from(["x", "y"])),
)


def _twins(fields: list[dict[str, Any]]) -> tuple[type, type]:
    """The class ``fields`` describe, as a record and as a class attrs writes alone."""

    def build(bases: tuple[type, ...]) -> type:
        namespace: dict[str, Any] = {"__annotations__": {}}
        for index, spec in enumerate(fields):
            name = f"f{index}"
            namespace["__annotations__"][name] = "object"
            # A field outside __init__ needs a default; so does any field after it.
            namespace[name] = attrs.field(default=None, **spec)
        return attrs.frozen(type("Sample", bases, namespace))

    return build((Record,)), build(())


def _make(cls: type, fields: list[dict[str, Any]], values: list[object]) -> object:
    given_values = {
        f"f{i}": v for i, (s, v) in enumerate(zip(fields, values, strict=False)) if s["init"]
    }
    made = cls(**given_values)
    for index, spec in enumerate(fields):
        if not spec["init"]:
            object.__setattr__(made, f"f{index}", values[index])
    return made


@st.composite
def _cases(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[list[object]]]:
    fields = draw(st.lists(_FIELD, max_size=5))
    rows = draw(
        st.lists(
            st.lists(_VALUES, min_size=len(fields), max_size=len(fields)), min_size=1, max_size=4
        )
    )
    return fields, rows


@given(_cases())
def test_repr_equality_and_hash_are_those_attrs_writes(case: Any) -> None:
    fields, rows = case
    record_class, plain_class = _twins(fields)
    records = [_make(record_class, fields, row) for row in rows]
    plains = [_make(plain_class, fields, row) for row in rows]
    for record, plain in zip(records, plains, strict=True):
        assert repr(record) == repr(plain)
    for i, (record, plain) in enumerate(zip(records, plains, strict=True)):
        for other_record, other_plain in zip(records[i:], plains[i:], strict=True):
            assert (record == other_record) is (plain == other_plain)
            assert (record != other_record) is (plain != other_plain)
            # The same values are hashed: two records hash alike exactly when attrs' do.
            same_hash = hash(plain) == hash(other_plain)
            assert (hash(record) == hash(other_record)) is same_hash


@given(_cases())
def test_a_record_is_never_equal_to_another_class_with_the_same_values(case: Any) -> None:
    fields, rows = case
    first, _ = _twins(fields)
    second, _ = _twins(fields)
    assert _make(first, fields, rows[0]) != _make(second, fields, rows[0])


@attrs.frozen
class _Session(Record):
    title: str
    hours: int


@attrs.frozen
class _Workshop(_Session):
    venue: str = "library"


def test_a_subclass_compares_and_shows_its_own_fields_too() -> None:
    assert repr(_Workshop("Mapping", 2)) == "_Workshop(title='Mapping', hours=2, venue='library')"
    assert _Workshop("Mapping", 2) != _Workshop("Mapping", 2, venue="hall")
    assert _Workshop("Mapping", 2) != _Session("Mapping", 2)
    assert _Session("Mapping", 2) != _Workshop("Mapping", 2)
    assert {_Workshop("Mapping", 2), _Workshop("Mapping", 2)} == {_Workshop("Mapping", 2)}


def test_a_record_reaching_itself_shows_dots_as_attrs_does() -> None:
    record_class, plain_class = _twins([{"repr": True, "eq": True, "hash": None, "init": True}])
    record, plain = record_class([]), plain_class([])
    record.f0.append(record)
    plain.f0.append(plain)
    assert repr(record) == repr(plain) == "Sample(f0=[...])"
    assert repr(record) == "Sample(f0=[...])"  # and shown again, not as "..."


def test_a_record_pickles_and_keeps_its_shared_methods() -> None:
    workshop = _Workshop("Mapping", 2)
    copy = pickle.loads(pickle.dumps(workshop))
    assert copy == workshop
    assert hash(copy) == hash(workshop)
    assert repr(copy) == repr(workshop)


def test_a_class_keeps_a_method_it_writes_itself() -> None:
    @attrs.frozen
    class Quiet(Record):
        secret: str

        def __repr__(self) -> str:
            return "Quiet()"

    assert repr(Quiet("x")) == "Quiet()"
    assert Quiet("x") == Quiet("x")


def test_an_eq_key_is_refused_when_first_compared() -> None:
    @attrs.frozen
    class Keyed(Record):
        name: str = attrs.field(eq=str.lower)

    with pytest.raises(TypeError, match="eq key is not supported"):
        _ = Keyed("A") == Keyed("a")


def _package_records() -> list[type]:
    found = []
    for module_info in pkgutil.walk_packages(participatory.__path__, "participatory."):
        try:
            module = importlib.import_module(module_info.name)
        except ImportError:  # an optional dependency (pandas, polars) not installed
            continue
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == module.__name__ and attrs.has(value):
                found.append(value)
    return found


#: Records that write their own repr, equality and hash (money is compared as an amount).
_OWN_METHODS = {
    "participatory.core.money.Money",
    "participatory.core.money.Unrounded",  # a Money, shown with all its digits
    "participatory.core.explain.Finding",
}


def test_every_record_of_the_library_shares_the_methods() -> None:
    """attrs compiles no repr, equality or hash for the library's records: all are shared."""
    records = _package_records()
    assert len(records) > 150
    for cls in records:
        name = f"{cls.__module__}.{cls.__qualname__}"
        if name in _OWN_METHODS:
            continue
        assert issubclass(cls, Record), name
        for method in ("__repr__", "__eq__", "__hash__"):
            code = getattr(cls, method).__code__
            assert code.co_filename.endswith(
                ("core/record.py", f"{cls.__module__.split('.')[-1]}.py")
            ), (
                name,
                method,
            )


def test_a_base_that_wrote_its_own_methods_is_inherited_from() -> None:
    """A subclass inherits what a base wrote: its repr, and its choice to be unhashable."""

    @attrs.frozen
    class Private(Record):
        secret: str

        def __repr__(self) -> str:
            return "Private(<redacted>)"

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Private) and other.secret.lower() == self.secret.lower()

        __hash__ = None  # type: ignore[assignment]

    class Plain(Private):
        pass

    assert repr(Plain("x")) == "Private(<redacted>)"
    assert Plain("A") == Plain("a")
    with pytest.raises(TypeError, match="unhashable"):
        hash(Plain("a"))


def test_a_method_reached_through_super_reads_the_callers_class() -> None:
    @attrs.frozen
    class Counted(_Session):
        extra: int = 0

        def __eq__(self, other: object) -> bool:
            return super().__eq__(other) is True

        __hash__ = _Session.__hash__

    assert Counted("a", 1, 2) != Counted("a", 1, 3)  # the subclass's fields, extra included
    assert _Session("a", 1) == _Session("a", 1)  # the base's own shape is not disturbed
    assert Counted("a", 1, 2) == Counted("a", 1, 2)


def test_a_value_not_equal_to_itself_is_compared_as_attrs_compares_it() -> None:
    """attrs compares field by field with ``==``: a record holding a NaN is not equal even
    to itself, where comparing the fields as tuples would say it is."""
    record_class, plain_class = _twins([{"repr": True, "eq": True, "hash": None, "init": True}])
    nan = float("nan")
    record, plain = record_class(nan), plain_class(nan)
    assert (record == record) is (plain == plain) is False
