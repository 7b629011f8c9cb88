"""One ``repr``, equality and hash for all the library's records.

For every class it decorates, attrs writes ``__repr__``, ``__eq__`` and ``__hash__`` as
Python source and compiles that source while the module is imported. That compiling was
about a sixth of a command-line run (the ``assess`` command imports some 150 record
classes). Those three methods are the same for every record except in which fields they
read, so they are written here once. A record class names :class:`Record` among its bases
and stays an ordinary ``@attrs.frozen`` class. attrs gets its fields, ``__init__``,
validators, converters, ``evolve`` and pickling as before. Only these three methods are
shared. They behave as the methods attrs writes:

- ``repr`` shows the fields whose ``repr`` is not ``False``, each through its own ``repr``
  function if it has one (:data:`~participatory.core.privacy.REDACTED` for a sensitive
  field), under the class's name. A record that reaches itself again shows ``...``.
- Two records are equal when they are of the same class and their fields compared for
  equality (``eq`` not ``False``) are equal, compared as tuples are compared.
- The hash is that of the class with the fields compared for equality. An equal record
  has an equal hash.

A class that writes one of these methods itself keeps its own method.

>>> import attrs
>>> from participatory.core.privacy import REDACTED
>>> @attrs.frozen
... class Session(Record):
...     title: str
...     hours: int
...     note: str = attrs.field(default="", repr=REDACTED)
...     reading: int = attrs.field(default=0, eq=False, repr=False)
>>> Session("Workshop", 2, "private")
Session(title='Workshop', hours=2, note=<redacted>)
>>> Session("Workshop", 2, reading=1) == Session("Workshop", 2, reading=5)
True
>>> len({Session("Workshop", 2), Session("Workshop", 2), Session("Workshop", 3)})
2
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from operator import attrgetter
from types import FunctionType
from typing import Any, Final, cast

import attrs

__all__ = ["Record"]


class _Shape:
    """What the shared methods read of one record class, worked out on first use."""

    __slots__ = ("compared", "hashed", "name", "shown")

    def __init__(self, cls: type) -> None:
        fields = attrs.fields(cls)
        for field in fields:
            if field.eq_key is not None:
                raise TypeError(
                    f"{cls.__qualname__}.{field.name}: a record compares a field as it is;"
                    " an eq key is not supported"
                )
        self.name: str = cls.__qualname__.rsplit(">.", 1)[-1]
        self.shown: tuple[tuple[str, Callable[[Any], str]], ...] = tuple(
            (field.name, repr if field.repr is True else field.repr)
            for field in fields
            if field.repr is not False
        )
        self.compared = _values([field.name for field in fields if field.eq])
        self.hashed = _values(
            [
                field.name
                for field in fields
                if field.hash is True or (field.hash is None and field.eq)
            ]
        )


def _values(names: list[str]) -> Callable[[object], tuple[Any, ...]]:
    """A function giving a record's values of ``names`` as a tuple, whatever their number."""
    if len(names) > 1:
        # attrgetter of several names gives a tuple already, without a Python-level call.
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda record: (one(record),)
    return lambda _record: ()


#: Each record class's shape, by class: one entry per class, so bounded by the code.
_SHAPES: dict[type, _Shape] = {}

#: The records being shown in each thread, so that a record reaching itself shows ``...``.
_SHOWING = threading.local()


def _shape(cls: type) -> _Shape:
    shape = _SHAPES.get(cls)
    if shape is None:
        shape = _SHAPES[cls] = _Shape(cls)
    return shape


def _repr(self: object) -> str:
    showing: set[int] | None = getattr(_SHOWING, "ids", None)
    if showing is None:
        showing = _SHOWING.ids = set()
    key = id(self)
    if key in showing:
        return "..."
    showing.add(key)
    try:
        shape = _shape(self.__class__)
        parts = ", ".join(
            f"{name}={show(getattr(self, name, attrs.NOTHING))}" for name, show in shape.shown
        )
        return f"{shape.name}({parts})"
    finally:
        showing.discard(key)


def _eq(self: object, other: object) -> object:
    if other.__class__ is not self.__class__:
        return NotImplemented
    compared = _shape(self.__class__).compared
    return compared(self) == compared(other)


def _hash(self: object) -> int:
    cls = self.__class__
    return hash((cls, _shape(cls).hashed(self)))


def _own(method: Callable[..., object], cls: type) -> FunctionType:
    """A copy of ``method`` for ``cls`` alone.

    attrs writes a method unless the class itself has one, and it tells a class's own method
    from an inherited one by identity: the class's needs to be a distinct function object.
    Copying the function reuses its compiled code, so nothing is compiled.
    """
    shared = cast(FunctionType, method)
    copy = FunctionType(shared.__code__, shared.__globals__, shared.__name__)
    copy.__qualname__ = f"{cls.__qualname__}.__{shared.__name__.strip('_')}__"
    return copy


#: The three methods a record shares; attrs writes none it finds in the class itself.
_SHARED: Final[tuple[tuple[str, Callable[..., object]], ...]] = (
    ("__repr__", _repr),
    ("__eq__", _eq),
    ("__hash__", _hash),
)


class Record:
    """Base of a record: an ``@attrs.frozen`` class sharing one repr, equality and hash.

    Each subclass is given the shared methods as its own, unless it writes them itself, so
    attrs does not write and compile its own for it. Name it first among a class's bases.
    """

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = cls.__dict__
        for name, method in _SHARED:
            if name not in own:
                setattr(cls, name, _own(method, cls))
