"""Reading plain data (a parsed file, JSON) into typed models: a hook for each type.

A :class:`Reader` finds the function that reads a value of a given type (its *hook*): one
registered for the type itself, else the first rule whose test the type passes (the rule
registered last is tried first), whose factory makes the hook once and keeps it. It is
the part of cattrs' converter that the library used to read project files; the hooks
themselves were always the library's (:mod:`participatory.project.convert`), and cattrs
and its imports were about a twentieth of a command-line run. The methods keep cattrs'
names, so that a hook made for one works with the other.

A record or a list with problems raises one error holding every problem, each marked with
where it is (:class:`FieldNote`, :class:`ItemNote`) in its ``__notes__``: a tree that
:func:`participatory.project.errors.problems_of` turns into paths such as
``payments[3].amount``.

>>> reader = Reader()
>>> reader.register_structure_hook(int, lambda value, _type: int(value))
>>> reader.register_structure_hook_factory(
...     lambda kind: getattr(kind, "__origin__", None) is list,
...     lambda kind: items_hook(reader, kind.__args__[0]),
... )
>>> reader.structure(["1", "2"], list[int])
[1, 2]
>>> try:
...     reader.structure(["1", "x"], list[int])
... except ItemProblems as error:
...     print(error.exceptions[0].__notes__[-1].index)
1
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

__all__ = [
    "FieldNote",
    "Hook",
    "ItemNote",
    "ItemProblems",
    "NoHook",
    "Reader",
    "ReadingProblems",
    "RecordProblems",
    "UnknownKeys",
    "items_hook",
    "table_hook",
]

_T = TypeVar("_T")

#: A hook: reads ``value`` as ``kind`` (the type asked for), or raises.
Hook = Callable[[Any, Any], Any]


class FieldNote(str):
    """Where in a record a problem is: the field ``name`` (of type ``type``)."""

    name: str
    type: Any

    def __new__(cls, text: str, name: str, kind: Any) -> FieldNote:
        """The note ``text``, about the field ``name`` of type ``kind``."""
        note = super().__new__(cls, text)
        note.name = name
        note.type = kind
        return note


class ItemNote(str):
    """Where in a list or table a problem is: the item's ``index`` (a position or a key)."""

    # Named as cattrs names it (a note from either reads the same), over str.index.
    index: int | str  # type: ignore[assignment]
    type: Any

    def __new__(cls, text: str, index: int | str, kind: Any) -> ItemNote:
        """The note ``text``, about the item at ``index`` (of type ``kind``)."""
        note = super().__new__(cls, text)
        note.index = index
        note.type = kind
        return note


def _grouped(
    exceptions: Iterable[Exception], note_kind: type[str]
) -> tuple[list[tuple[Exception, Any]], list[Exception]]:
    with_notes: list[tuple[Exception, Any]] = []
    without: list[Exception] = []
    for error in exceptions:
        note = next((n for n in getattr(error, "__notes__", ()) if type(n) is note_kind), None)
        if note is None:
            without.append(error)
        else:
            with_notes.append((error, note))
    return with_notes, without


class ReadingProblems(ExceptionGroup[Exception]):
    """Every problem met reading one value of type ``kind``, each noting where it is."""

    #: The type of the value read.
    kind: Any
    # The kind of note that says where in the value each problem is.
    _note: type[str] = str

    def __new__(cls, message: str, exceptions: list[Exception], kind: Any) -> ReadingProblems:
        """The group of ``exceptions`` met reading a ``kind``."""
        group = super().__new__(cls, message, exceptions)
        group.kind = kind
        return group

    def __init__(self, message: str, exceptions: list[Exception], kind: Any) -> None:
        super().__init__(message, exceptions)

    def group_exceptions(self) -> tuple[list[tuple[Exception, Any]], list[Exception]]:
        """The problems with the note saying where each is, and those noted nowhere."""
        return _grouped(self.exceptions, self._note)


class RecordProblems(ReadingProblems):
    """Every problem met reading one record (of type ``kind``), each noting its field."""

    _note = FieldNote


class ItemProblems(ReadingProblems):
    """Every problem met reading a list or table (of type ``kind``), each noting its item."""

    _note = ItemNote


class UnknownKeys(Exception):
    """A table holding keys its record has no field for (``extra_fields``, never values)."""

    def __init__(self, kind: Any, extra_fields: Iterable[str]) -> None:
        self.kind = kind
        self.extra_fields = frozenset(extra_fields)
        names = ", ".join(sorted(self.extra_fields))
        super().__init__(f"{getattr(kind, '__name__', kind)} has no field for: {names}")


class NoHook(TypeError):
    """No hook reads this type: a type the library's models do not use."""

    def __init__(self, kind: Any) -> None:
        self.kind = kind
        super().__init__(f"no hook reads {kind!r}")


class Reader:
    """Hooks by type: registered for a type, or made by the first rule a type passes."""

    def __init__(self) -> None:
        self._by_type: dict[Any, Hook] = {}
        self._rules: list[tuple[Callable[[Any], bool], Callable[[Any], Hook]]] = []
        self._found: dict[Any, Hook] = {}

    def register_structure_hook(self, kind: Any, hook: Hook) -> None:
        """Read ``kind`` with ``hook`` (before any rule)."""
        self._by_type[kind] = hook
        self._found.clear()

    def register_structure_hook_func(self, test: Callable[[Any], bool], hook: Hook) -> None:
        """Read every type that passes ``test`` with ``hook`` (before earlier rules)."""
        self._rules.insert(0, (test, lambda _kind: hook))
        self._found.clear()

    def register_structure_hook_factory(
        self, test: Callable[[Any], bool], factory: Callable[[Any], Hook]
    ) -> None:
        """Read every type that passes ``test`` with the hook ``factory`` makes for it."""
        self._rules.insert(0, (test, factory))
        self._found.clear()

    def get_structure_hook(self, kind: Any, cache_result: bool = True) -> Hook:
        """The hook for ``kind``; :class:`NoHook` if none reads it.

        A hook found before is given again; one made now is kept for the next time, unless
        ``cache_result`` is false.
        """
        hashable = True
        try:
            return self._found[kind]
        except KeyError:
            pass
        except TypeError:  # a type that cannot be a key: found every time
            hashable = cache_result = False
        hook = self._by_type.get(kind) if hashable else None
        if hook is None:
            hook = self._by_class(kind)
        if hook is None:
            for test, factory in self._rules:
                if test(kind):
                    hook = factory(kind)
                    break
            else:
                raise NoHook(kind)
        if cache_result:
            self._found[kind] = hook
        return hook

    def _by_class(self, kind: Any) -> Hook | None:
        # A subclass of a class with a hook is read by that hook (an int-valued flag is an
        # int), as a singledispatch registry finds it; enums have their own rule first.
        if not isinstance(kind, type):
            return None
        for base in kind.__mro__[1:]:
            hook = self._by_type.get(base)
            if hook is not None and base is not object:
                return hook
        return None

    def structure(self, value: Any, kind: type[_T]) -> _T:
        """``value`` read as ``kind``."""
        found: _T = self.get_structure_hook(kind)(value, kind)
        return found


def items_hook(reader: Reader, item: Any) -> Callable[[Iterable[Any], Any], list[Any]]:
    """A hook reading a list of ``item``: every item's problem gathered, noting its position."""
    read = reader.get_structure_hook(item)

    def structure(values: Iterable[Any], kind: Any) -> list[Any]:
        found: list[Any] = []
        errors: list[Exception] = []
        for index, value in enumerate(values):
            try:
                found.append(read(value, item))
            except Exception as error:  # gathered, each noted at its item
                error.add_note(ItemNote(f"Structuring {kind!r} @ index {index}", index, item))
                errors.append(error)
        if errors:
            raise ItemProblems(f"While structuring {kind!r}", errors, kind)
        return found

    return structure


def table_hook(reader: Reader, key: Any, value: Any) -> Callable[[Mapping[Any, Any], Any], Any]:
    """A hook reading a table of ``value`` by ``key``: every problem gathered, noting its key.

    A problem with a key is noted as a problem at that key, as one with its value is.
    """
    read_key = reader.get_structure_hook(key)
    read_value = reader.get_structure_hook(value)

    def structure(table: Mapping[Any, Any], kind: Any) -> dict[Any, Any]:
        if not isinstance(table, Mapping):
            raise TypeError("must be a table")
        found: dict[Any, Any] = {}
        errors: list[Exception] = []
        for name, item in table.items():
            try:
                read = read_value(item, value)
            except Exception as error:  # gathered, each noted at its key
                error.add_note(ItemNote(f"Structuring mapping value @ key {name!r}", name, value))
                errors.append(error)
                continue
            try:
                found[read_key(name, key)] = read
            except Exception as error:
                error.add_note(ItemNote(f"Structuring mapping key @ key {name!r}", name, key))
                errors.append(error)
        if errors:
            raise ItemProblems(f"While structuring {kind!r}", errors, kind)
        return found

    return structure
