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
- Two records are equal when they are of the same class and each of their fields compared
  for equality (``eq`` not ``False``) is equal, field by field with ``==``.
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
from operator import attrgetter, eq
from types import FunctionType
from typing import Any, ClassVar, Final, Self, cast

import attrs

from participatory.core.privacy import REDACTED_TEXT

__all__ = ["Record", "SlottedRecord", "field_repr"]


class _Shape:
    """What the shared methods read of one record class, worked out on first use."""

    __slots__ = ("compared", "hashed", "name", "owner", "shown")

    def __init__(self, cls: type) -> None:
        fields = attrs.fields(cls)
        for field in fields:
            if field.eq_key is not None:
                raise TypeError(
                    f"{cls.__qualname__}.{field.name}: a record compares a field as it is;"
                    " an eq key is not supported"
                )
        self.owner = cls
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


def _learned(cls: type, known: list[_Shape | None]) -> _Shape:
    """The shape of ``cls`` worked out, and kept in ``known`` if that holds none yet.

    ``known`` is the holder of the method asking: each class's methods have their own, so
    a shape lives as long as its class. Each method reads the holder itself first (the
    common case costs no call); a method reached through ``super()`` from a subclass
    finds another class's shape there, and works the subclass's out afresh.
    """
    shape = _Shape(cls)
    if known[0] is None:
        known[0] = shape
    return shape


#: The records being shown in each thread, so that a record reaching itself shows ``...``.
_SHOWING = threading.local()

#: What the template functions below hold until they are copied for a class.
_TEMPLATE: Final[list[_Shape | None]] = [None]


def _repr(self: object, _known: list[_Shape | None] = _TEMPLATE) -> str:
    if not attrs.has(self.__class__):
        return object.__repr__(self)  # a base that attrs never decorated
    showing: set[int] | None = getattr(_SHOWING, "ids", None)
    if showing is None:
        showing = _SHOWING.ids = set()
    key = id(self)
    if key in showing:
        return "..."
    showing.add(key)
    try:
        shape = _known[0]
        if shape is None or shape.owner is not self.__class__:
            shape = _learned(self.__class__, _known)
        parts = ", ".join(
            f"{name}={show(getattr(self, name, attrs.NOTHING))}" for name, show in shape.shown
        )
        return f"{shape.name}({parts})"
    finally:
        showing.discard(key)


def field_repr(record: object) -> str:
    """The repr a :class:`Record` shares, of ``record`` (an attrs class instance) itself.

    For a record whose own ``__repr__`` shows something else in its place (a result shows
    its default copy, whose fields read the same whatever a group's safeguarding answer):
    its fields as every record shows them, each sensitive one ``<redacted>``.

    >>> import attrs
    >>> @attrs.frozen
    ... class Note(Record):
    ...     day: int
    ...     def __repr__(self) -> str:
    ...         return "a note"
    >>> field_repr(Note(3)), repr(Note(3))
    ('Note(day=3)', 'a note')
    """
    return _repr(record, [None])


def _eq(self: object, other: object, _known: list[_Shape | None] = _TEMPLATE) -> object:
    cls = self.__class__
    if other.__class__ is not cls:
        return NotImplemented
    shape = _known[0]
    if shape is None or shape.owner is not cls:
        if not attrs.has(cls):
            return self is other  # a base that attrs never decorated: identity, as object's
        shape = _learned(cls, _known)
    compared = shape.compared
    # Field by field with ==, as attrs compares: a tuple's own == would take a value that
    # is not equal to itself (a NaN) as equal when it is the same object.
    return all(map(eq, compared(self), compared(other)))


def _hash(self: object, _known: list[_Shape | None] = _TEMPLATE) -> int:
    cls = self.__class__
    shape = _known[0]
    if shape is None or shape.owner is not cls:
        if not attrs.has(cls):
            return object.__hash__(self)
        shape = _learned(cls, _known)
    return hash((cls, shape.hashed(self)))


#: The three methods a record shares; attrs writes none it finds in the class itself.
_SHARED: Final[tuple[tuple[str, Callable[..., object]], ...]] = (
    ("__repr__", _repr),
    ("__eq__", _eq),
    ("__hash__", _hash),
)
_SHARED_CODE: Final = frozenset(cast(FunctionType, method).__code__ for _, method in _SHARED)


def _own(method: Callable[..., object], cls: type) -> FunctionType:
    """A copy of ``method`` for ``cls`` alone, with its own holder for the class's shape.

    attrs writes a method unless the class itself has one, and it tells a class's own method
    from an inherited one by identity: the class's needs to be a distinct function object.
    Copying the function reuses its compiled code, so nothing is compiled.
    """
    shared = cast(FunctionType, method)
    copy = FunctionType(shared.__code__, shared.__globals__, shared.__name__, ([None],))
    copy.__qualname__ = f"{cls.__qualname__}.__{shared.__name__.strip('_')}__"
    return copy


def _inherited(cls: type, name: str) -> object:
    """What ``cls`` would inherit as ``name`` from its bases (``object`` defines all three)."""
    return next(base.__dict__[name] for base in cls.__mro__[1:] if name in base.__dict__)


def _is_shared_or_default(method: object) -> bool:
    """Whether ``method`` is a shared copy or ``object``'s: not one a base wrote itself.

    ``None`` is a base's own choice too: ``__hash__ = None`` makes its instances unhashable.
    """
    if method is None:
        return False
    return getattr(method, "__code__", None) in _SHARED_CODE or (
        getattr(method, "__objclass__", None) is object
    )


class Record:
    """Base of a record: a frozen attrs class sharing one repr, equality and hash.

    Each subclass is given the shared methods as its own, unless it writes them itself or
    a base between it and :class:`Record` wrote its own (which it then inherits, as it
    would without this base), so attrs does not write and compile its own for it. A
    record is frozen and compared by value: a class meant to be mutable or compared by
    identity is not a record. A base that attrs never decorates (a mixin holding only
    methods) shows, compares and hashes as :class:`object` does.
    """

    __slots__ = ()

    @classmethod
    def __attrs_init_subclass__(cls) -> None:
        # attrs (25.4 and later) calls this once it has made a record class: a mutable one
        # would be hashed by value, so it is refused where it is written.
        inspect = getattr(attrs, "inspect", None)
        if inspect is not None and not inspect(cls).is_frozen:
            raise TypeError(f"{cls.__qualname__}: a Record is frozen; make it with @attrs.frozen")

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = cls.__dict__
        for name, method in _SHARED:
            if name not in own and _is_shared_or_default(_inherited(cls, name)):
                setattr(cls, name, _own(method, cls))


class SlottedRecord:
    """A small record of named fields kept in ``__slots__``, read as fast as an attribute.

    The benefits rules read a household's
    :class:`~participatory.benefits.household.Profile` and the rates records on every check; on
    CPython 3.11 reading a named tuple's field by name costs about three times reading a
    slot. A subclass lists its fields, in order, in its own ``__slots__`` (which become its
    ``_fields``), annotates each ``Final`` (mypy refuses a change; nothing else does, as
    with any object, but the rules never make one) and sets each in ``__init__``, whose
    parameters are the fields in that order.

    Two records are equal when they are of the same class and their fields are equal (never
    equal to a tuple); a record hashes by its fields when they all hash, and pickles and
    copies through its constructor. The repr shows none of the fields, since a household's
    figures are special-category data; a record of published figures only shows them
    through ``_shown``.

    >>> class Pair(SlottedRecord):
    ...     __slots__ = ("first", "second")
    ...     def __init__(self, first: int, second: int) -> None:
    ...         self.first = first
    ...         self.second = second
    >>> pair = Pair(1, 2)
    >>> pair == Pair(1, 2), pair == (1, 2), Pair._fields
    (True, False, ('first', 'second'))
    >>> pair, pair._replace(second=3)._asdict()
    (Pair(<redacted>), {'first': 1, 'second': 3})
    """

    __slots__ = ()

    #: The fields' names, in order (a subclass's own ``__slots__``).
    _fields: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # A subclass without its own __slots__ would get a __dict__ and lose the fast reads.
        slots = cls.__dict__.get("__slots__")
        if not isinstance(slots, tuple):
            raise TypeError(f"{cls.__name__} must list its fields in a __slots__ tuple")
        cls._fields = cls._fields + slots

    def _values(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self._fields])

    def _asdict(self) -> dict[str, Any]:
        """The fields by name, in order."""
        return {name: getattr(self, name) for name in self._fields}

    def _replace(self, **changes: Any) -> Self:
        """A copy with the fields named in ``changes`` replaced."""
        values = self._asdict()
        unknown = changes.keys() - values.keys()
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
        values.update(changes)
        return type(self)(**values)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self) or not isinstance(other, SlottedRecord):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __reduce__(self) -> tuple[type[Self], tuple[Any, ...]]:
        return type(self), self._values()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({REDACTED_TEXT})"

    def _shown(self) -> str:
        """The repr of a record of published figures: every field, as a named tuple's."""
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({shown})"
