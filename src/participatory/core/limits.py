r"""How large an input may be: files, texts, lists, nesting and numbers, each with a clear error.

Every file the library reads (a project file, a JSON document on standard input, a rate
card, an institution's parameters or vocabulary) is read through this module, so a file
that is huge, endless (``/dev/zero``), nested thousands deep, or full of numbers with
thousands of digits is refused with the library's own error naming the file and the place,
instead of exhausting memory, the stack or the patience of a web server's worker.

The defaults (:data:`DEFAULT_LIMITS`) are far beyond any real project: a university's
largest involvement programme has a few thousand payments and a few hundred people, and a
project file a few hundred kilobytes. An embedding system can pass its own
:class:`Limits`.

===================  =========  ===================================================
limit                default    why it is enough
===================  =========  ===================================================
``file_bytes``       16 MiB     about 100,000 payments in TOML; the examples are 5 KB
``text_length``      20,000     characters in one text (about 3,000 words); a title
                                or a note is a few hundred
``list_length``      100,000    items in one list: payments, people, sessions
``depth``            32         tables and lists inside each other; a project file
                                needs 6
``number_length``    64         characters in a number; the largest amount the
                                library accepts is 22
===================  =========  ===================================================

JSON is read strictly: a key given twice in one object is an error (JSON parsers usually
keep the last silently), and so are ``NaN`` and ``Infinity``, which are not JSON. Text
must be UTF-8, and may not hold a lone surrogate (``"\ud800"``), which is not a character
and cannot be printed.

>>> parse_json('{"id": "a", "id": "b"}', "p.json")
Traceback (most recent call last):
...
participatory.core.errors.ParameterFileError: p.json: id: is given twice in one object (each key once, please)
>>> parse_json('{"people": [[[[1]]]]}', "p.json", Limits(depth=3))
Traceback (most recent call last):
...
participatory.core.errors.ParameterFileError: p.json: people[0][0]: is nested more than 3 deep (the most this reader accepts)
>>> check_shape({"title": "x" * 30}, "p.toml", Limits(text_length=20))
Traceback (most recent call last):
...
participatory.core.errors.ParameterFileError: p.toml: title: is longer than 20 characters (the most this reader accepts)
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import threading
from collections.abc import Callable, Collection, Iterable, Mapping
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any, Final

import attrs

# TOML 1.0 exactly as the standard library's tomllib (a vendored copy of tomli) reads it, about
# three times as fast where tomli's compiled wheel installs; pyproject.toml says why it is
# held below 2.4 (TOML 1.1, a different language).
import tomli

from participatory.core.errors import (
    ParameterFileError,
    ParticipatoryError,
    ValidationError,
    os_reason,
)
from participatory.core.record import Record

if TYPE_CHECKING:
    from pathlib import Path

#: Which places of a document hold special-category data: its top-level keys that do (a
#: project's ``benefits``), or a rule answering for a place (``households[0].household``).
Redact = Collection[str] | Callable[[str], bool]

__all__ = [
    "DEFAULT_LIMITS",
    "FileError",
    "Limits",
    "Redact",
    "check_shape",
    "decode_utf8",
    "given_limits",
    "parse_json",
    "parse_toml",
    "path_name",
    "read_bytes",
    "read_stream",
    "read_text",
    "text_given",
]

#: Builds the error for a file, a dotted key (empty for the whole file) and the problem.
FileError = Callable[[str, str, str], ParticipatoryError]


def _positive(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError(attribute.name, "must be a whole number, at least 1")


@attrs.frozen
class Limits(Record):
    """The largest input a reader accepts (see the table above for the defaults and why).

    >>> Limits().file_bytes
    16777216
    >>> Limits(list_length=500).list_length
    500
    """

    #: Bytes in one file or one document on standard input.
    file_bytes: int = attrs.field(default=16 * 1024 * 1024, validator=_positive)
    #: Characters in one text (a title, a name, a note, a key).
    text_length: int = attrs.field(default=20_000, validator=_positive)
    #: Items in one list.
    list_length: int = attrs.field(default=100_000, validator=_positive)
    #: Tables and lists nested inside each other.
    depth: int = attrs.field(default=32, validator=_positive)
    #: Characters in one number (digits, sign, point, exponent).
    number_length: int = attrs.field(default=64, validator=_positive)


#: The limits every reader uses unless given others.
DEFAULT_LIMITS: Final = Limits()


def given_limits(limits: object) -> Limits:
    """``limits`` if it is a :class:`Limits`; anything else is refused by name.

    A reader called with ``None`` or a mapping of limits would otherwise fail deep inside,
    wherever it first reads one.

    >>> given_limits(None)
    Traceback (most recent call last):
    ...
    participatory.core.errors.ValidationError: limits: must be a Limits (leave it out for the defaults)
    """  # noqa: E501
    if type(limits) is Limits or isinstance(limits, Limits):
        return limits
    raise ValidationError("limits", "must be a Limits (leave it out for the defaults)")


_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def _too(what: str) -> str:
    return f"{what} (the most this reader accepts)"


def path_name(path: object, *, error: FileError = ParameterFileError) -> str:
    """The text of ``path``, which must name a file: a ``str`` or an ``os.PathLike`` of one.

    Checked before any file is touched: ``open()`` would take an int as a file
    descriptor (then read and close the caller's), and bytes or a name holding a NUL
    character fail deep inside with ``TypeError`` or ``ValueError``. Each of these is
    ``error("<path>", "", problem)``.

    >>> from pathlib import Path
    >>> path_name(Path("card.toml"))
    'card.toml'
    >>> path_name(3)
    Traceback (most recent call last):
    ...
    participatory.core.errors.ParameterFileError: <path>: the file must be named by a path
    """
    name = os.fspath(path) if isinstance(path, str | os.PathLike) else None
    if not isinstance(name, str):
        raise error("<path>", "", "the file must be named by a path")
    if "\0" in name:
        # The name itself is not repeated: a NUL character has no place in a message either.
        raise error("<path>", "", "the file's name holds a NUL character, which no file's can")
    return name


def text_given(text: object, name: str, *, error: FileError = ParameterFileError) -> str:
    """``text``, which must be a ``str`` (a document already read, not bytes or ``None``).

    >>> text_given(b"[meta]", "card.toml")
    Traceback (most recent call last):
    ...
    participatory.core.errors.ParameterFileError: card.toml: must be given as text (a str)
    """
    if not isinstance(text, str):
        raise error(name, "", "must be given as text (a str)")
    return text


def read_bytes(
    path: str | Path, *, limits: Limits = DEFAULT_LIMITS, error: FileError = ParameterFileError
) -> bytes:
    """A file's bytes, at most ``limits.file_bytes`` of them; a device that never ends too.

    A file that is missing, unreadable or too large is ``error(file, "", problem)``, and so
    is a ``path`` that is not a path (:func:`path_name`).
    """
    name = path_name(path, error=error)
    try:
        with open(name, "rb") as handle:
            return read_stream(handle, name, limits=limits, error=error)
    except OSError as problem:
        message = os_reason(problem)
    raise error(name, "", f"cannot be read ({message})")


def read_stream(
    stream: IO[bytes],
    name: str,
    *,
    limits: Limits = DEFAULT_LIMITS,
    error: FileError = ParameterFileError,
) -> bytes:
    """Up to ``limits.file_bytes`` bytes from ``stream`` (standard input, say); more is an error.

    Reads one byte past the limit, never more, so an endless stream costs nothing.
    """
    limits = given_limits(limits)
    # One byte past the limit, and never more than a read can be asked for.
    data = stream.read(min(limits.file_bytes, sys.maxsize - 1) + 1)
    if len(data) > limits.file_bytes:
        raise error(name, "", _too(f"is larger than {limits.file_bytes:,} bytes"))
    return data


def decode_utf8(data: bytes, name: str, *, error: FileError = ParameterFileError) -> str:
    r"""``data`` as UTF-8 text; anything else names the byte offset (never the bytes).

    A byte-order mark at the start (which Windows editors write when saving "UTF-8") is left
    out, as a finance export's is: it is no part of the text.

    >>> decode_utf8(b"\xef\xbb\xbftitle = 'x'", "p.toml")
    "title = 'x'"
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as problem:
        offset = problem.start
    else:
        return text[1:] if text.startswith("\ufeff") else text
    raise error(name, "", f"cannot be read: not UTF-8 text (at byte offset {offset})")


def read_text(
    path: str | Path, *, limits: Limits = DEFAULT_LIMITS, error: FileError = ParameterFileError
) -> str:
    """A file as UTF-8 text, within ``limits`` (:func:`read_bytes` then :func:`decode_utf8`)."""
    data = read_bytes(path, limits=limits, error=error)
    return decode_utf8(data, os.fspath(path), error=error)


class _Refused(Exception):
    """Raised inside a parser's hook; turned into the caller's error after it returns."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(problem)
        self.path = path
        self.problem = problem


class _Repeated(dict[str, Any]):
    """An object of a JSON document that gives a key twice (its ``key``).

    Refused after the document is read, when its place is known (:func:`_find_problem`):
    inside special-category data the refusal must not name the key, which can say what a
    person claims (``permitted_work`` is part of an ESA claim).
    """

    __slots__ = ("key",)

    key: str


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    twice = None
    for key, value in pairs:
        if twice is None and key in found:
            twice = key
        found[key] = value
    if twice is None:
        return found
    marked = _Repeated(found)
    marked.key = twice
    return marked


def _number_hook(limits: Limits, kind: Callable[[str], Any]) -> Callable[[str], Any]:
    def read(text: str) -> Any:
        if len(text) > limits.number_length:
            raise _Refused(
                "", _too(f"holds a number longer than {limits.number_length} characters")
            )
        try:
            return kind(text)
        except ValueError:
            # int() reads no more digits than Python allows (int_max_str_digits), whatever a
            # caller raised the number limit to; the library never raises Python's.
            raise _Refused("", _too_many_digits(limits)) from None

    return read


def _too_many_digits(limits: Limits) -> str:
    """The refusal of a whole number Python will not read, however long ``limits`` allow."""
    most = sys.get_int_max_str_digits()
    if most and most < limits.number_length:
        return _too(f"holds a whole number of more than {most:,} digits")
    return _too(f"holds a number longer than {limits.number_length} characters")


def _constant(name: str) -> Any:
    raise _Refused("", f"holds {name}, which is not a JSON number")


def parse_json(
    text: str,
    name: str,
    limits: Limits = DEFAULT_LIMITS,
    *,
    error: FileError = ParameterFileError,
    redact: Redact = (),
) -> Any:
    """A JSON document (numbers as exact Decimals), read strictly and within ``limits``.

    ``redact`` says which places hold special-category data: top-level keys (a problem
    inside one is reported at that key, never at a path naming a person), or a rule that
    answers for any place (a problem there is reported at the nearest place outside). A
    key given twice is refused at its own place (``people[1].id``), so a caller that
    withholds problems inside special-category data withholds it too; inside a place
    ``redact`` marks (or when the key's own place is one: a person's ``esa`` given twice
    says that they claim ESA) it is not named.
    """
    # Imported here: the library's own data is read from TOML and its bundle, never JSON.
    import json

    text = text_given(text, name, error=error)
    limits = given_limits(limits)
    try:
        document = json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_float=_number_hook(limits, Decimal),
            parse_int=_number_hook(limits, int),
            parse_constant=_constant,
        )
    except _Refused as refused:
        problem, where = refused.problem, refused.path
    except json.JSONDecodeError as invalid:
        # Position, not content: the message quotes no value from the document.
        where = ""
        problem = f"is not valid JSON ({invalid.msg}: line {invalid.lineno} column {invalid.colno})"
    except RecursionError:
        problem, where = _too(f"is nested more than {limits.depth} deep"), ""
    else:
        check_shape(document, name, limits, error=error, redact=redact)
        return document
    raise error(name, _shown_place(where, redact)[0], problem)


def parse_toml(
    text: str,
    name: str,
    limits: Limits = DEFAULT_LIMITS,
    *,
    error: FileError = ParameterFileError,
    redact: Redact = (),
) -> dict[str, Any]:
    """A TOML document (floats as exact Decimals), within ``limits``; bad TOML names the file.

    The main thread reads with tomli's compiled parser. It recurses on the C stack, a level
    of nesting at a time, and a thread's stack may be small (128 KiB on some platforms, or
    whatever ``threading.stack_size`` set), where a deeply nested document would end the
    process; so any other thread, and any document nested too deeply for tomli's own
    bounds (400 levels, keys of 1,000 parts), is read by the standard library's parser,
    which recurses in Python and reads the same TOML 1.0 to the same tables and errors.
    """
    text = text_given(text, name, error=error)
    limits = given_limits(limits)
    try:
        _digit_runs_within(text, limits)
        document = _loads(text, _number_hook(limits, Decimal))
    except _Refused as refused:
        problem = refused.problem
    except (tomli.TOMLDecodeError, _InvalidToml) as invalid:
        problem = f"is not valid TOML ({_toml_problem(str(invalid), redact)})"
    except RecursionError:
        problem = _too(f"is nested more than {limits.depth} deep")
    except ValueError:
        # The parser's int() refused an integer of thousands of digits (int_max_str_digits).
        problem = _too_many_digits(limits)
    else:
        check_shape(document, name, limits, error=error, redact=redact)
        return document
    raise error(name, "", problem)


def _digit_runs_within(text: str, limits: Limits) -> None:
    """Refuse a run of digits longer than any text or number ``limits`` allow.

    The parsers read a TOML integer with ``int()``, whose time grows with the square of its
    digits once a caller lifts Python's limit on them (``sys.set_int_max_str_digits(0)``):
    a million digits took 14 seconds, and 16 MiB of them would take hours. Such a run would
    be refused anyway, as a text or a number too long, so it is refused before parsing.
    Under Python's own limit (4,300 digits) ``int()`` refuses it quickly and this is skipped.
    """
    longest = max(limits.text_length, limits.number_length)
    most = sys.get_int_max_str_digits()
    if 0 < most <= longest or len(text) <= longest:
        return
    if re.search(f"[0-9_]{{{longest + 1}}}", text) is not None:
        raise _Refused("", _too(f"holds a run of more than {longest:,} digits"))


def _loads(text: str, hook: Callable[[str], Any]) -> dict[str, Any]:
    if threading.current_thread() is threading.main_thread():
        try:
            return tomli.loads(text, parse_float=hook)
        except RecursionError:
            pass  # beyond tomli's own bounds: the standard library's parser decides
    import tomllib

    try:
        return tomllib.loads(text, parse_float=hook)
    except tomllib.TOMLDecodeError as invalid:
        raise _InvalidToml(str(invalid)) from None


class _InvalidToml(ValueError):
    """The standard library parser's refusal, in its words (read as tomli's are)."""


#: The parsers' messages that quote the keys of a table (a tuple of its keys' parts, or one
#: key of an inline table), and what each says without them.
_KEYED_TOML: Final = (
    ("Cannot declare ", "a table or key is declared twice"),
    ("Cannot mutate immutable namespace ", "a table given inline is added to later"),
    ("Cannot redefine namespace ", "a table is declared again"),
    ("Duplicate inline table key ", "an inline table gives a key twice"),
)


def _toml_problem(said: str, redact: Redact) -> str:
    """The parser's message ``said``, unless it may quote keys of a place ``redact`` marks.

    A table declared twice inside a project's benefits is quoted by its keys ("('benefits',
    'rose', 'pension_credit')"): whose claim, and which benefit. In a document with such
    places the message keeps its line and column and says what is wrong in words of its
    own: the keys an inline table's message quotes are relative to that table, so where
    they are cannot be told from the message.
    """
    if not redact:
        return said
    message, at, position = said.rpartition(" (at ")
    if not at:
        message = said
    for prefix, instead in _KEYED_TOML:
        if message.startswith(prefix):
            return f"{instead} (at {position}" if at else instead
    return said


def _step(path: str, key: object) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


#: A place in the data: its parent's place, its key or index, whether it is a list item.
#: The path in words is built only for a problem, not for every value checked.
_Place = tuple["_Place", object, bool] | None


def _path(place: _Place) -> str:
    steps: list[tuple[object, bool]] = []
    while place is not None:
        place, key, in_list = place
        steps.append((key, in_list))
    path = ""
    for key, in_list in reversed(steps):
        path = f"{path}[{key}]" if in_list else _step(path, key)
    return path


def check_shape(
    data: object,
    name: str,
    limits: Limits = DEFAULT_LIMITS,
    *,
    error: FileError = ParameterFileError,
    redact: Redact = (),
) -> None:
    """Check parsed data against ``limits``: depth, list lengths, texts and numbers.

    Walks the data without recursion, so no depth of nesting can overflow the stack. A
    problem names its place, except inside a place ``redact`` marks (as for
    :func:`parse_json`), where it is reported at the nearest place outside. An object that
    gave a key twice (from :func:`parse_json`) is refused here, where its place is known.
    """
    limits = given_limits(limits)
    # Nearly every document is within its limits: a quick pass that only answers yes or no
    # comes first, and the walk that names the first problem's place runs only after a no.
    if _within(data, limits):
        return
    _find_problem(data, name, limits, error, redact)


# The types a parser gives that need no check, and those that do, by exact type: anything
# else (a subclass, a tuple, a Decimal) is told apart as _find_problem tells it.
_UNCHECKED: Final = frozenset({bool, type(None), dt.date, dt.datetime, dt.time, Decimal, float})


def _within(data: object, limits: Limits) -> bool:
    """Whether _find_problem would find no problem in ``data`` (in any order; no places)."""
    largest = 10**limits.number_length
    longest = limits.text_length
    deepest = limits.depth
    most = limits.list_length
    # Lists of values still to look at, each with the depth of the values in it: a text or
    # a number is checked where it is met, and only a table or a list waits its turn. The
    # values are typed Any, as a parser's are: each is told apart by its exact type below,
    # which a type checker does not follow through a variable (typing.cast would, at the
    # cost of a Python call for every value of the document).
    pending: list[tuple[Iterable[Any], int]] = [((data,), 0)]
    while pending:
        values, depth = pending.pop()
        for value in values:
            kind = type(value)
            if kind is str:
                if len(value) > longest or not (
                    value.isascii() or _SURROGATE.search(value) is None
                ):
                    return False
            elif kind is dict:
                if depth >= deepest:
                    return False
                for key in value:
                    if type(key) is not str or len(key) > longest:
                        return False
                    if not (key.isascii() or _SURROGATE.search(key) is None):
                        return False
                pending.append((value.values(), depth + 1))
            elif kind is list:
                if depth >= deepest or len(value) > most:
                    return False
                pending.append((value, depth + 1))
            elif kind is int:
                if abs(value) >= largest:
                    return False
            elif kind not in _UNCHECKED and isinstance(value, str | int | Mapping | list):
                return False  # a subclass, another mapping: the plain walk decides
    return True


def _find_problem(
    data: object, name: str, limits: Limits, error: FileError, redact: Redact
) -> None:
    """The plain walk: refuses the first problem it meets, at its place."""
    largest = 10**limits.number_length
    longest = limits.text_length
    stack: list[tuple[object, _Place, int]] = [(data, None, 0)]
    while stack:
        value, place, depth = stack.pop()
        problem = None
        if isinstance(value, str):
            # _text_problem's checks, inline: most values of a large file are short texts.
            if len(value) > longest or not (value.isascii() or _SURROGATE.search(value) is None):
                problem = _text_problem(value, limits)
        elif isinstance(value, bool) or value is None or isinstance(value, dt.date | dt.time):
            continue
        elif isinstance(value, int):
            if abs(value) >= largest:
                problem = _too(f"is a number longer than {limits.number_length} digits")
        elif isinstance(value, Mapping | list):
            if type(value) is _Repeated:
                _refuse_repeated(name, _path(place), value.key, error, redact)
            if depth >= limits.depth:
                problem = _too(f"is nested more than {limits.depth} deep")
            elif isinstance(value, list):
                if len(value) > limits.list_length:
                    problem = _too(f"has more than {limits.list_length:,} items")
                else:
                    stack.extend(
                        (item, (place, i, True), depth + 1) for i, item in enumerate(value)
                    )
            else:
                for key, item in value.items():
                    text = key if isinstance(key, str) else str(key)
                    if len(text) > longest or not (
                        text.isascii() or _SURROGATE.search(text) is None
                    ):
                        _refuse(
                            name,
                            _path(place),
                            _too("has a key too long or not text"),
                            error,
                            redact,
                        )
                    stack.append((item, (place, key, False), depth + 1))
        if problem is not None:
            _refuse(name, _path(place), problem, error, redact)


def _text_problem(text: str, limits: Limits) -> str | None:
    if len(text) > limits.text_length:
        return _too(f"is longer than {limits.text_length:,} characters")
    if not text.isascii() and _SURROGATE.search(text):
        return "is not text: it holds a lone surrogate (U+D800 to U+DFFF)"
    return None


def _refuse(name: str, path: str, problem: str, error: FileError, redact: Redact) -> None:
    # A path inside special-category data would name a person (benefits.amira...): the
    # problem is reported at the nearest place outside it.
    raise error(name, _shown_place(path, redact)[0], problem)


def _refuse_repeated(name: str, path: str, key: str, error: FileError, redact: Redact) -> None:
    # Refused at the key's own place, as a problem with its value would be: so whatever
    # withholds a problem inside special-category data (a member's ``esa``, a household's
    # ``housing_benefit``, a group's ``under_16`` answer) withholds this one too.
    place, private = _shown_place(path, redact)
    if not private:
        place, private = _shown_place(_step(path, key), redact)
    if private:
        raise error(name, place, "has a key given twice in one object (each key once, please)")
    shown = key if len(key) <= 40 else key[:40] + "…"
    raise error(name, _step(path, shown), "is given twice in one object (each key once, please)")


_LAST_STEP: Final = re.compile(r"(?:\.[^.\[]*|\[\d+\])$")


def _shown_place(path: str, redact: Redact) -> tuple[str, bool]:
    """Where a problem at ``path`` is reported, and whether ``path`` is in a marked place."""
    if not path:
        return path, False
    if callable(redact):
        if not redact(path):
            return path, False
        place = path
        while place and redact(place):
            shorter = _LAST_STEP.sub("", place)
            place = "" if shorter == place else shorter
        return place, True
    top = re.split(r"[.\[]", path, maxsplit=1)[0]
    return (top, True) if top in redact else (path, False)
