"""Converters the models share for their fields: enumeration members, lists, dates.

Each checks at construction and raises the library's
:class:`~participatory.core.errors.ValidationError` with the field path; none ever repeats
the value it was given (it may be special-category data).

>>> import enum
>>> class Colour(enum.Enum):
...     RED = "red"
...     BLUE = "blue"
>>> member(Colour, "red", "colour")
<Colour.RED: 'red'>
>>> member(Colour, "green", "colour")
Traceback (most recent call last):
...
participatory.core.errors.ValidationError: colour: must be one of red, blue
>>> instances(Colour, [Colour.BLUE, "red"], "colours", what="colours")
Traceback (most recent call last):
...
participatory.core.errors.ValidationError: colours[1]: must be a Colour
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from participatory.core.errors import ValidationError

__all__ = [
    "E",
    "T",
    "day_from_text",
    "instances",
    "iso_date",
    "keyed",
    "member",
    "members",
    "set_repr",
    "texts",
]

#: Any enumeration (:func:`member` and :func:`members` give its members).
E = TypeVar("E", bound=enum.Enum)
#: Any model class (:func:`instances` checks each item is one).
T = TypeVar("T")


def member(kind: type[E], value: object, path: str, *, problem: str | None = None) -> E:
    """``value`` as a member of ``kind``: a member already, or the value of one.

    Anything else is an error at ``path`` naming the allowed values: "must be one of …", or
    ``problem`` with the allowed values as its hint.
    """
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except (ValueError, TypeError):
        pass
    # Raised outside the handler, so the enum's own error (which quotes the value, perhaps a
    # benefit or a health condition) is not even kept as this error's __context__.
    allowed = ", ".join(str(m.value) for m in kind)
    if problem is None:
        raise ValidationError(path, f"must be one of {allowed}")
    raise ValidationError(path, problem, hint=f"one of {allowed}")


def members(kind: type[E], values: object, path: str) -> frozenset[E]:
    """A collection of ``kind`` members or their values, as a set of members.

    >>> import enum
    >>> class Colour(enum.Enum):
    ...     RED = "red"
    >>> members(Colour, ["red", Colour.RED], "colours")
    frozenset({<Colour.RED: 'red'>})
    """
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise ValidationError(path, "must be a collection of names")
    problem = f"is not a known {kind.__name__}"
    return frozenset(member(kind, value, f"{path}[{index}]", problem=problem)
                     for index, value in enumerate(values))  # fmt: skip


def instances(kind: type[T], values: object, path: str, *, what: str) -> tuple[T, ...]:
    """``values`` as a tuple, each of them a ``kind``; ``what`` names them in the error."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise ValidationError(path, f"must be a list of {what}")
    items = tuple(values)
    article = "an" if kind.__name__[:1] in "AEIOU" else "a"
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise ValidationError(f"{path}[{index}]", f"must be {article} {kind.__name__}")
    return items


def keyed(values: object, path: str, keys: type, items: tuple[type | None, ...]) -> dict[Any, Any]:
    """A mapping as a plain dict: each key a ``keys``, each value one of ``items``.

    ``None`` among ``items`` allows a missing value. A key is named by its position in the
    error, never by itself (it may be a person's id).

    >>> keyed({"a": 1}, "counts", str, (int,))
    {'a': 1}
    >>> keyed({"a": "one"}, "counts", str, (int,))
    Traceback (most recent call last):
    ...
    participatory.core.errors.ValidationError: counts[0]: must be a int
    """
    if not isinstance(values, Mapping):
        raise ValidationError(path, "must be a mapping")
    allowed = tuple(t for t in items if t is not None)
    optional = None in items
    found: dict[Any, Any] = {}
    for index, (key, item) in enumerate(values.items()):
        if not isinstance(key, keys):
            raise ValidationError(f"{path}[{index}]", f"must be keyed by {keys.__name__}")
        if not (item is None and optional) and not isinstance(item, allowed):
            raise ValidationError(f"{path}[{index}]", f"must be a {allowed[0].__name__}")
        found[key] = item
    return found


def texts(values: object, path: str) -> tuple[str, ...]:
    """A list of non-empty texts; one string is refused (it is not a list of its letters).

    >>> texts(["co-production", "PPIE"], "described_as")
    ('co-production', 'PPIE')
    """
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise ValidationError(path, "must be a list of text, not one string")
    items = tuple(values)
    for index, item in enumerate(items):
        if not isinstance(item, str) or not item.strip():
            raise ValidationError(f"{path}[{index}]", "must be non-empty text")
    return items


def day_from_text(text: str) -> dt.date | None:
    """The day ``text`` writes as ``YYYY-MM-DD`` (ASCII digits), or ``None``.

    Python's own ISO reading also takes ``20261206`` and week dates such as ``2026-W49-7``;
    the library's dates are written one way only, so what a reader sees is what is read.

    >>> day_from_text("2026-12-06")
    datetime.date(2026, 12, 6)
    >>> day_from_text("2026-W49-7") is None, day_from_text("20261206") is None
    (True, True)
    """
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        return None
    digits = text[:4] + text[5:7] + text[8:]
    if not (digits.isascii() and digits.isdigit()):
        return None
    try:
        return dt.date(int(text[:4]), int(text[5:7]), int(text[8:]))
    except ValueError:
        return None


def iso_date(value: object, path: str) -> dt.date:
    """A calendar date, or one written ``YYYY-MM-DD``; a datetime is refused, not truncated.

    Stricter than :func:`~participatory.core.periods.to_date`, which reads a moment as its
    day in London: a file's date is a day, never a moment.

    >>> iso_date("2026-04-06", "due_on")
    datetime.date(2026, 4, 6)
    """
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        day = day_from_text(value)
        if day is not None:
            return day
    raise ValidationError(path, "must be a date", hint="write YYYY-MM-DD")


def set_repr(value: frozenset[object]) -> str:
    """A set's repr with its members in a fixed order, for a model field's ``repr=``.

    A set's own repr lists members in hash-table order, which can differ between two equal
    sets (built in another order) and between processes (string hashing is salted): a log
    line or a report of the same model would then differ.

    >>> set_repr(frozenset({"b", "a"}))
    "frozenset({'a', 'b'})"
    >>> set_repr(frozenset())
    'frozenset()'
    """
    if not value:
        return "frozenset()"
    return "frozenset({" + ", ".join(sorted(repr(item) for item in value)) + "})"
