"""What the commands share at the edge: today's date in the UK, reading input, writing JSON."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

from participatory.commands._options import HelpParagraph
from participatory.core import _paths, limits
from participatory.core.limits import DEFAULT_LIMITS
from participatory.core.periods import LONDON, to_date
from participatory.project.errors import ProjectFileError
from participatory.project.files import parse_document

__all__ = [
    "day_or_today",
    "print_json",
    "read_document",
    "read_input",
    "read_source",
    "today",
    "wrapped",
]


def today() -> dt.date:
    """Today in Europe/London (the clock is read here, at the edge, and nowhere else).

    The standard library's :mod:`zoneinfo` knows the UK's clock changes from the system's
    timezone database, or from the ``tzdata`` package where the system has none (pendulum
    depends on it); importing ``pendulum`` for this one reading would cost a command more
    than the rest of its start-up. Only a system with neither falls back to ``pendulum``.
    """
    import zoneinfo  # only when a command reads the clock: most runs are given a date

    try:
        london = zoneinfo.ZoneInfo(LONDON)
    except zoneinfo.ZoneInfoNotFoundError:  # pragma: no cover - no timezone data at all
        import pendulum

        now = pendulum.now(LONDON)
        return dt.date(now.year, now.month, now.day)
    return dt.datetime.now(london).date()


def day_or_today(value: str | None, option: str) -> dt.date:
    """The date an option gives, or today when it was left out."""
    return today() if value is None else to_date(value, option)


def read_source(source: str, error: limits.FileError | None = None) -> tuple[str, str]:
    """The text of a file, or of standard input when ``source`` is ``-``, and its name.

    Read within the default :class:`~participatory.core.limits.Limits` and decoded as UTF-8,
    strictly; ``error`` makes the exception for a file that cannot be read.
    """
    make = _file_error if error is None else error
    if source == "-" and getattr(_stdin(make), "buffer", None) is None:
        return _text_stand_in(DEFAULT_LIMITS, make), "<stdin>"
    data, name = read_input(source, error=make)
    return limits.decode_utf8(data, name, error=make), name


def read_input(
    source: str,
    *,
    bounds: limits.Limits = DEFAULT_LIMITS,
    error: limits.FileError | None = None,
) -> tuple[bytes, str]:
    """The bytes of a file, or of standard input when ``source`` is ``-``, and its name.

    At most ``bounds.file_bytes`` of them (an endless stream or a huge file is refused);
    ``error`` makes the exception for input that cannot be read, closed standard input
    included.
    """
    make = _file_error if error is None else error
    if source == "-":
        stream = _stdin(make)
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            return _text_stand_in(bounds, make).encode("utf-8"), "<stdin>"
        return limits.read_stream(buffer, "<stdin>", limits=bounds, error=make), "<stdin>"
    # Named as pathlib names it (./a//b.toml is a/b.toml), without importing pathlib.
    return limits.read_bytes(_paths.text(source), limits=bounds, error=make), source


def _stdin(make: limits.FileError) -> Any:
    if sys.stdin is None:  # started with standard input closed (a daemon, "<&-")
        raise make("<stdin>", "", "is closed: give a file instead of -")
    return sys.stdin


def _text_stand_in(bounds: limits.Limits, make: limits.FileError) -> str:
    # A text stream put in place of standard input (a test, an embedding), read within bounds.
    text: str = sys.stdin.read(bounds.file_bytes + 1)
    if len(text) > bounds.file_bytes:
        raise make("<stdin>", "", "is too large (the most this reader accepts)")
    return text


def read_document(
    source: str, format: str = "json", *, within: object = None
) -> tuple[dict[str, Any], str]:
    """A JSON (or TOML) document from a file, or from standard input when ``source`` is ``-``.

    Returns the data and the name to use for it in errors. Read as bytes within the default
    :class:`~participatory.core.limits.Limits` (an endless stream or a huge file is refused
    after the limit) and decoded as UTF-8, strictly: anything else is the library's error.
    ``within`` is the model the document is read as, whose special-category places a
    problem is never reported in (:func:`~participatory.project.files.parse_document`).
    """
    text, name = read_source(source)
    suffix = _paths.suffix(_paths.text(source)).lower()
    chosen = "toml" if source != "-" and suffix == ".toml" else format
    return parse_document(text, chosen, name, within=within), name


def _file_error(file: str, key: str, problem: str) -> ProjectFileError:
    return ProjectFileError(file, [(key, problem)])


def print_json(data: object) -> None:
    """Write ``data`` as indented JSON (keys sorted, so the same input gives the same bytes)."""
    import json  # only for a command's JSON answer: a report is rendered elsewhere

    print(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True))


def wrapped(text: str) -> HelpParagraph:
    """A help paragraph, wrapped for a terminal when the help is printed.

    Raw help formatters keep line breaks as given; :class:`HelpFormatter` wraps this one to
    79 columns, so building a parser (every run does) does not wrap it.
    """
    return HelpParagraph(" ".join(text.split()))
