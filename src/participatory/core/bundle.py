"""The library's own TOML data, compiled once when the package is installed.

Reading the bundled data (parameters, rate cards, the sources catalogue, guidance) with
:mod:`tomllib` costs about a tenth of a second, which a command-line run pays every time.
So an install compiles it, as it compiles the message catalogues: ``hatch_build.py`` writes
:data:`BUNDLE_FILE` beside the data, a JSON document that holds each file's tables under
the digest of the file's text. :func:`compiled_table` answers from it only when the text
asked about has exactly that digest; a data file edited since the install (or a checkout
with no bundle) is read from its TOML as before, so the bundle can make a reading faster
but never different.

The JSON keeps every value's type: TOML decimals stay exact :class:`~decimal.Decimal`
numbers with their written places (``12.50``), and dates are tagged objects. A file holding
a value JSON cannot carry this way (a time of day, a date-time) is left out of the bundle
and read from its TOML.

>>> import datetime as dt
>>> from decimal import Decimal
>>> table = {"rate": Decimal("12.50"), "since": dt.date(2025, 4, 6), "tags": ["a", 1]}
>>> decode(encode(table)) == table
True
>>> str(decode(encode(table))["rate"])
'12.50'
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

try:
    # hashlib's own BLAKE2b: importing hashlib also loads OpenSSL for its other digests,
    # about 1% of a command-line run that needs only this one.
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python without CPython's _blake2 module
    from hashlib import blake2b

__all__ = [
    "BUNDLE_FILE",
    "compile_bundle",
    "compiled_table",
    "decode",
    "digest",
    "encode",
    "write_bundle",
]

#: The compiled bundle's file name, in ``participatory/data/``.
BUNDLE_FILE: Final = "bundle.json"

#: The key of a tagged date object; a key no TOML file of the library uses.
_DATE: Final = "\x00date"


def digest(text: str) -> str:
    """The bundle's key for a file's text (BLAKE2b, 128 bits, as hex)."""
    return blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


class _Unsupported(Exception):
    """A value the bundle cannot carry with its type."""


def _write(value: Any, out: list[str]) -> None:
    # bool before int (a bool is an int); datetime before date (a datetime is a date).
    if isinstance(value, str):
        out.append(json.dumps(value, ensure_ascii=False))
    elif value is True or value is False:
        out.append("true" if value else "false")
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise _Unsupported
        # The decimal's own digits (12.50), which JSON reads back as the same Decimal. TOML's
        # 1e0 is Decimal("1"), written "1": an exponent keeps JSON from reading an int.
        text = str(value)
        out.append(text if "." in text or "E" in text else f"{text}E0")
    elif isinstance(value, dt.datetime | dt.time):
        raise _Unsupported
    elif isinstance(value, dt.date):
        out.append(f'{{"\\u0000date":"{value.isoformat()}"}}')
    elif isinstance(value, list):
        out.append("[")
        for index, item in enumerate(value):
            if index:
                out.append(",")
            _write(item, out)
        out.append("]")
    elif isinstance(value, dict):
        if _DATE in value:
            raise _Unsupported
        out.append("{")
        for index, (key, item) in enumerate(value.items()):
            if index:
                out.append(",")
            out.append(json.dumps(key, ensure_ascii=False))
            out.append(":")
            _write(item, out)
        out.append("}")
    else:
        raise _Unsupported


def encode(table: dict[str, Any]) -> str:
    """A table of TOML values as JSON text :func:`decode` reads back exactly.

    Raises ``ValueError`` for a value the bundle cannot carry (a time, a date-time, a
    decimal that is not finite).
    """
    out: list[str] = []
    try:
        _write(table, out)
    except _Unsupported:
        raise ValueError("holds a value the bundle cannot carry with its type") from None
    return "".join(out)


def _tagged(obj: dict[str, Any]) -> Any:
    day = obj.get(_DATE)
    if day is not None and len(obj) == 1:
        return dt.date.fromisoformat(day)
    return obj


def decode(text: str) -> dict[str, Any]:
    """The table :func:`encode` wrote: decimals, dates, lists and tables as they were."""
    table: dict[str, Any] = json.loads(text, parse_float=Decimal, object_hook=_tagged)
    return table


def compile_bundle(tables: Iterable[tuple[str, dict[str, Any]]]) -> str:
    """The bundle for ``(text, table)`` pairs: each file's text and its parsed tables.

    A file whose tables hold a value the bundle cannot carry is left out (it is read from
    its TOML).
    """
    entries: dict[str, str] = {}
    for text, table in tables:
        try:
            entries[digest(text)] = encode(table)
        except ValueError:
            continue
    return json.dumps(entries, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@functools.cache
def _bundle_text() -> str:
    # Imported here: hatch_build.py loads this module alone, by its path, to write the bundle.
    from participatory.core.package_files import package_files

    try:
        return (package_files() / "data" / BUNDLE_FILE).read_text("utf-8")
    except (FileNotFoundError, NotADirectoryError, OSError, ValueError):
        return ""


_DECODER: Final = json.JSONDecoder()


def _entry(key: str) -> object:
    r"""The bundle's entry under ``key`` (a digest), or ``None``: only that entry is decoded.

    A run reads a few of the bundle's files, so decoding all of it (about 640 KB of JSON)
    would be mostly wasted. :func:`compile_bundle` writes ``"<digest>":"<entry>"`` with no
    spaces, and a quote inside an entry is always escaped (``\"``), so the key's pattern
    after ``{`` or ``,`` is found only where it is a key.
    """
    text = _bundle_text()
    at = text.find(f'"{key}":')
    if at < 1 or text[at - 1] not in "{,":
        return None
    try:
        value, _end = _DECODER.raw_decode(text, at + len(key) + 3)
    except (ValueError, RecursionError):
        return None
    return value


def compiled_table(text: str) -> dict[str, Any] | None:
    """The tables of a bundled file's ``text`` from the install's bundle, or ``None``.

    ``None`` when there is no bundle, it holds nothing for exactly this text, or its entry
    is damaged (the file is then read from its TOML). Each call returns new tables, so a
    caller may change what it is given.
    """
    if not _bundle_text():
        return None
    entry = _entry(digest(text))
    if not isinstance(entry, str):
        return None
    try:
        table = decode(entry)
    except (ValueError, RecursionError):
        return None
    return table if isinstance(table, dict) else None


def write_bundle(data_folder: Path, target: Path) -> int:
    """Compile every ``*.toml`` under ``data_folder`` into ``target``; returns the count.

    Each file is read as the library reads TOML (decimals exact); a file that does not read
    is left out, so the library reports its problem as it would anyway. Needs nothing but
    the standard library: the build hook loads this module by its path, before the
    package's dependencies are installed.
    """
    # The standard library's parser (the build has no dependencies yet); it reads TOML 1.0
    # as the library's own reader (tomli, held below 2.4) does. Imported here so the
    # library itself never loads a second TOML parser.
    import tomllib

    tables = []
    for path in sorted(data_folder.rglob("*.toml")):
        text = path.read_text(encoding="utf-8")
        try:
            tables.append((text, tomllib.loads(text, parse_float=Decimal)))
        except (tomllib.TOMLDecodeError, ValueError, RecursionError):
            continue
    bundle = compile_bundle(tables)
    target.write_text(bundle, encoding="utf-8")
    return len(json.loads(bundle))
