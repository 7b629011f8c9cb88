r"""Reading the library's TOML data files: typed keys, with the file and key in every error.

Parameter files, rate cards, guidance and framework files all read keys the same way: a
key is required (or optional) and of one type, and a key that is missing or of the wrong
type is an error naming the file and the dotted key, raised as the caller's own
:class:`~participatory.core.errors.ParticipatoryError` subclass (``ParameterFileError``
unless the caller chooses another with the same ``(file, key, problem)`` signature).

>>> table = parse_toml('[meta]\nsince = 2024-04-06\nrate = 12.50', "card.toml")
>>> require(table["meta"], "since", dt.date, file="card.toml", path="meta")
datetime.date(2024, 4, 6)
>>> require(table["meta"], "title", str, file="card.toml", path="meta")
Traceback (most recent call last):
...
participatory.core.errors.ParameterFileError: card.toml: meta.title: is missing
>>> optional(table["meta"], "title", str, file="card.toml", path="meta") is None
True
>>> flag({"verified": "yes"}, "verified", file="card.toml", path="meta")
Traceback (most recent call last):
...
participatory.core.errors.ParameterFileError: card.toml: meta.verified: must be true or false
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from participatory.core import bundle, limits
from participatory.core.errors import ParameterFileError
from participatory.core.limits import FileError
from participatory.core.package_files import read_package_bytes, read_package_text

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "FileError",
    "bundled_tables",
    "bundled_text",
    "flag",
    "optional",
    "parse_toml",
    "read_file",
    "require",
]

_T = TypeVar("_T")


def _key(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def parse_toml(text: str, file: str, *, error: FileError = ParameterFileError) -> dict[str, Any]:
    """TOML text as tables, decimals kept exact (never float); bad TOML names the file.

    Read within the default :class:`~participatory.core.limits.Limits` (nesting, list
    lengths, texts, numbers), so no file can exhaust the stack or hang a reader. The text of
    a data file shipped with the library is answered from the install's compiled bundle
    (:mod:`participatory.core.bundle`), with the same tables.
    """
    text = limits.text_given(text, file, error=error)
    compiled = bundle.compiled_table(text)
    if compiled is not None:
        return compiled
    return limits.parse_toml(text, file, error=error)


def read_file(path: str | Path, *, error: FileError = ParameterFileError) -> str:
    """A caller's file as text (UTF-8); a file that cannot be read is an error naming it.

    A file that is missing, unreadable, not UTF-8 text or larger than the default
    :class:`~participatory.core.limits.Limits` allow is ``error(file, "", problem)``.
    """
    return limits.read_text(path, error=error)


def bundled_text(name: str) -> str:
    """The text of a file shipped in ``participatory/data/`` (``name`` may hold a folder)."""
    return read_package_text(f"data/{name}")


def bundled_tables(name: str, file: str | None = None) -> Mapping[str, Any]:
    """The tables of a TOML file shipped in ``participatory/data/``, read only as needed.

    ``name`` as for :func:`bundled_text`; ``file`` is the name an error in the TOML gives
    (``participatory/data/`` and ``name`` unless given). From the install's bundle, each
    top-level table is unpickled when it is first looked up
    (:func:`participatory.core.bundle.compiled_parts`), and the file's bytes are looked up
    without being decoded; a file the bundle does not hold is read from its TOML, whole, as
    :func:`parse_toml` reads it. Read-only.

    >>> tables = bundled_tables("benefit_law.toml")
    >>> "universal_credit" in tables
    True
    """
    data = read_package_bytes(f"data/{name}")
    named = f"participatory/data/{name}" if file is None else file

    @functools.cache
    def from_toml() -> Mapping[str, Any]:
        return limits.parse_toml(_text_of(data), named)

    parts = bundle.compiled_parts(data, from_toml)
    return from_toml() if parts is None else parts


def _text_of(data: bytes) -> str:
    # What reading the file as text gives: UTF-8, every line ended by "\n" alone.
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def require(
    table: Mapping[str, Any],
    key: str,
    kind: type[_T],
    *,
    file: str,
    path: str = "",
    error: FileError = ParameterFileError,
) -> _T:
    """``table[key]``, which must be there and be a ``kind`` (a bool is never an int)."""
    where = _key(path, key)
    if key not in table:
        raise error(file, where, "is missing")
    value = table[key]
    if kind is dt.date:
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise error(file, where, "must be a TOML date (YYYY-MM-DD)")
    elif not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise error(file, where, f"must be a {kind.__name__}")
    return cast("_T", value)


def optional(table: Mapping[str, Any], key: str, kind: type[_T], **where: Any) -> _T | None:
    """Like :func:`require` (same keywords), but ``None`` when the key is absent."""
    return require(table, key, kind, **where) if key in table else None


def flag(
    table: Mapping[str, Any],
    key: str,
    *,
    file: str,
    path: str = "",
    default: bool | None = None,
    error: FileError = ParameterFileError,
) -> bool:
    """A true/false key; absent is an error unless a ``default`` is given."""
    value = table.get(key, default)
    if not isinstance(value, bool):
        raise error(file, _key(path, key), "must be true or false")
    return value
