"""The library's own TOML data (and its bank holidays' JSON), compiled once at install.

Reading the bundled data (parameters, rate cards, the sources catalogue, guidance) with
:mod:`tomllib` costs about a tenth of a second, which a command-line run pays every time.
So an install compiles it, as it compiles the message catalogues: ``hatch_build.py`` writes
:data:`BUNDLE_FILE` beside the data, which holds each file's tables under the digest of the
file's text. :func:`compiled_table` answers from it only when the text asked about has
exactly that digest; a data file edited since the install (or a checkout with no bundle, or
a bundle written in an earlier layout) is read from its TOML as before, so the bundle can
make a reading faster but never different.

A run reads a few of the bundle's files, so the bundle opens with an index: a table
giving each digest the place of its entry (a start and an end, in bytes of what follows
the index), and the entries follow. Only the entries asked for are read; finding one does
not search the rest (searching about 640 KB for each of the 40 files a report reads cost
about 2% of a run). Each entry is laid out the same way: an index of the file's top-level
keys, then each key's value on its own, so a reader that needs a few of a file's tables
(the sources catalogue's documents, :func:`compiled_parts`) unpickles only those.

The index and each entry are pickled, and read back by an unpickler that makes nothing
but tables, lists, tuples, text, numbers, :class:`~decimal.Decimal` and
:class:`datetime.date` (:func:`read_entry`): decoding the same tables from JSON, as earlier
bundles held them, took about three times the instructions (1% of a command-line report),
and an index written as JSON had a run import ``json`` for it alone. The bundle is
written by the install, beside the library's code, and read only from there; what it may
hold is still checked by :func:`encode`, whose JSON is the bundle's exact account of each
value's type (imported by the functions that write or read that JSON, which only the
install and the tests call).

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
import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

try:
    # hashlib's own BLAKE2b: importing hashlib also loads OpenSSL for its other digests,
    # about 1% of a command-line run that needs only this one.
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python without CPython's _blake2 module
    from hashlib import blake2b

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "BUNDLE_FILE",
    "EntryParts",
    "compile_bundle",
    "compiled_parts",
    "compiled_table",
    "decode",
    "digest",
    "encode",
    "entries",
    "read_entry",
    "read_parts",
    "write_bundle",
]

#: The compiled bundle's file name, in ``participatory/data/``.
BUNDLE_FILE: Final = "bundle.bin"

#: The key of a tagged date object; a key no TOML file of the library uses.
_DATE: Final = "\x00date"


def digest(text: str | bytes) -> str:
    """The bundle's key for a file's text (BLAKE2b, 128 bits, as hex), or for its bytes.

    The key of a text is that of its UTF-8 bytes: a file read as bytes need not be decoded
    to be looked up.

    >>> digest("é") == digest("é".encode())
    True
    """
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    return blake2b(data, digest_size=16).hexdigest()


class _Unsupported(Exception):
    """A value the bundle cannot carry with its type."""


def _write(value: Any, out: list[str], quote: Callable[[str], str]) -> None:
    # bool before int (a bool is an int); datetime before date (a datetime is a date).
    if isinstance(value, str):
        out.append(quote(value))
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
            _write(item, out, quote)
        out.append("]")
    elif isinstance(value, dict):
        if _DATE in value:
            raise _Unsupported
        out.append("{")
        for index, (key, item) in enumerate(value.items()):
            if index:
                out.append(",")
            out.append(quote(key))
            out.append(":")
            _write(item, out, quote)
        out.append("}")
    else:
        raise _Unsupported


def encode(table: dict[str, Any]) -> str:
    """A table of TOML values as JSON text :func:`decode` reads back exactly.

    Raises ``ValueError`` for a value the bundle cannot carry (a time, a date-time, a
    decimal that is not finite).
    """
    import json  # only the install and the tests write or read the bundle's JSON

    out: list[str] = []
    try:
        _write(table, out, functools.partial(json.dumps, ensure_ascii=False))
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
    import json

    table: dict[str, Any] = json.loads(text, parse_float=Decimal, object_hook=_tagged)
    return table


def compile_bundle(tables: Iterable[tuple[str, dict[str, Any]]]) -> bytes:
    r"""The bundle for ``(text, table)`` pairs: each file's text and its parsed tables.

    The index, then the entries (see the module's description). A file whose tables hold a
    value the bundle cannot carry is left out (it is read from its TOML).

    >>> bundled = compile_bundle([("rate = 12.50\n", {"rate": Decimal("12.50")})])
    >>> [read_entry(entry) for entry in entries(bundled).values()]
    [{'rate': Decimal('12.50')}]
    """
    encoded: dict[str, bytes] = {}
    for text, table in tables:
        try:
            encode(table)  # refuses what the bundle cannot carry with its type
        except ValueError:
            continue
        encoded[digest(text)] = _entry_of(table)
    head, body = _indexed(encoded)
    return head + body


def _indexed(parts: dict[str, bytes]) -> tuple[bytes, bytes]:
    """An index of ``parts`` (each key's start and end in the body, pickled) and the body.

    The layout of the bundle (its entries by digest) and of each entry (its values by key).
    """
    import pickle

    index: dict[str, tuple[int, int]] = {}
    at = 0
    for key, part in parts.items():
        index[key] = (at, at + len(part))
        at += len(part)
    # The unpickler stops at the index's end, where the body starts.
    return pickle.dumps(index, protocol=_PROTOCOL), b"".join(parts.values())


def _entry_of(table: dict[str, Any]) -> bytes:
    # Each top-level value is pickled on its own, after an index of their places: a reader
    # of the sources catalogue (some four hundred documents, of which a report cites about a
    # hundred) unpickles only the documents it looks up (EntryParts).
    import pickle

    head, body = _indexed({key: pickle.dumps(v, protocol=_PROTOCOL) for key, v in table.items()})
    return head + body


#: The pickle protocol of the entries: one every supported Python reads.
_PROTOCOL: Final = 4

#: The only classes an entry may hold besides tables, lists, text, numbers and booleans.
_CLASSES: Final = {("decimal", "Decimal"): Decimal, ("datetime", "date"): dt.date}


@functools.cache
def _unpickler() -> Any:
    """An unpickler class that makes only the values of a TOML table (see :data:`_CLASSES`).

    Made on first use: importing the library reads no data, and need not import pickle.
    """
    try:
        # The C unpickler pickle itself uses, without pickle's Python module: importing that
        # too cost a run about 0.5% (it lists its names with a regular expression on import).
        from _pickle import Unpickler, UnpicklingError
    except ImportError:  # pragma: no cover - a Python without CPython's _pickle module
        from pickle import Unpickler, UnpicklingError

    class TablesUnpickler(Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            found = _CLASSES.get((module, name))
            if found is None:
                raise UnpicklingError(f"{module}.{name} is not a value of a TOML table")
            return found

    return TablesUnpickler


def read_entry(entry: bytes) -> dict[str, Any]:
    """The tables an entry of the bundle holds, all of them.

    Raises ``ValueError`` for an entry that is damaged, or holds anything but the values
    of a TOML table.

    >>> entry = compile_bundle([("since = 2025-04-06", {"since": dt.date(2025, 4, 6)})])
    >>> read_entry(next(iter(entries(entry).values())))
    {'since': datetime.date(2025, 4, 6)}
    >>> read_entry(b"not an entry")
    Traceback (most recent call last):
    ...
    ValueError: not an entry of the bundle
    """
    parts = read_parts(entry)
    return {key: parts[key] for key in parts}


def read_parts(entry: bytes, fallback: Callable[[], Mapping[str, Any]] | None = None) -> EntryParts:
    """The tables an entry of the bundle holds, each unpickled when first looked up.

    Raises ``ValueError`` for an entry whose index is damaged; a value that is damaged
    is read from ``fallback`` when it is looked up, or raises ``ValueError`` without one
    (see :class:`EntryParts`).
    """
    places, start = _index(entry)
    if places is None:
        raise ValueError("not an entry of the bundle")
    return EntryParts(entry, places, start, fallback)


class EntryParts(Mapping[str, Any]):
    """A bundled file's top-level tables, each unpickled the first time it is looked up.

    Looking a key up twice gives the same object; each :func:`compiled_parts` call makes
    new ones. A value found damaged when looked up is answered from ``fallback`` (the
    file's tables read from its TOML), when one is given; otherwise it is a ``ValueError``.
    """

    __slots__ = ("_entry", "_fallback", "_places", "_start", "_values")

    def __init__(
        self,
        entry: bytes,
        places: dict[str, tuple[int, int]],
        start: int,
        fallback: Callable[[], Mapping[str, Any]] | None = None,
    ) -> None:
        self._entry = entry
        self._places = places
        self._start = start
        self._fallback = fallback
        self._values: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        values = self._values
        if key in values:
            return values[key]
        first, end = self._places[key]
        start = self._start
        try:
            value = _unpickler()(io.BytesIO(self._entry[start + first : start + end])).load()
        except Exception:  # damaged: pickle names no single error for every kind
            fallback = self._fallback
            if fallback is None:
                raise ValueError("not an entry of the bundle") from None
            value = fallback()[key]
        values[key] = value
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)

    def __repr__(self) -> str:
        return f"<EntryParts of {len(self._places)} tables>"


def _read_installed() -> bytes:
    # Imported here: hatch_build.py loads this module alone, by its path, to write the bundle.
    from participatory.core.package_files import read_package_bytes

    try:
        return read_package_bytes(f"data/{BUNDLE_FILE}")
    except (FileNotFoundError, NotADirectoryError, OSError, ValueError):
        return b""


def _index(data: bytes) -> tuple[dict[str, tuple[int, int]] | None, int]:
    """The index at the start of ``data`` (a bundle or an entry) and where its body starts.

    ``None`` when the index does not read, or any place in it is not a start and an end
    inside the body: a damaged file, or one written in an earlier layout (whose index, or
    whose entries, held lists where this one holds places).
    """
    stream = io.BytesIO(data)
    try:
        index = _unpickler()(stream).load()
    except Exception:  # pickle names no single error for every kind of damage
        return None, 0
    if type(index) is not dict:
        return None, 0
    start = stream.tell()
    size = len(data) - start
    for key, place in index.items():
        if not (type(key) is str and type(place) is tuple and len(place) == 2):
            return None, 0
        first, end = place
        if not (type(first) is int and type(end) is int and 0 <= first <= end <= size):
            return None, 0
    return index, start


@functools.cache
def _installed() -> tuple[bytes, dict[str, tuple[int, int]], int]:
    """The install's bundle, read once: its bytes, its index and where its entries start.

    The index is empty when there is no bundle or it does not read.
    """
    return _opened(_read_installed())


def _opened(bundled: bytes) -> tuple[bytes, dict[str, tuple[int, int]], int]:
    # A bundle as _installed gives it (tests give the install a bundle of their own).
    index, start = _index(bundled)
    return bundled, index or {}, start


def entries(bundled: bytes) -> dict[str, bytes]:
    """Every entry of a bundle, by digest: what :func:`compiled_table` looks entries up in.

    Empty when there is no index, or it does not read (an empty file, a damaged one, or a
    bundle written in an earlier layout).
    """
    index, start = _index(bundled)
    return {
        key: bundled[start + first : start + end] for key, (first, end) in (index or {}).items()
    }


def _entry(text: str | bytes) -> bytes | None:
    bundled, index, start = _installed()
    place = index.get(digest(text)) if index else None
    if place is None:
        return None
    first, end = place
    return bundled[start + first : start + end]


def compiled_table(text: str | bytes) -> dict[str, Any] | None:
    """The tables of a bundled file's ``text`` from the install's bundle, or ``None``.

    ``text`` is the file's text, or its bytes (UTF-8, with the text's own line ends). ``None``
    when there is no bundle, it holds nothing for exactly this text, or its entry is
    damaged (the file is then read from its TOML). Each call returns new tables, so a
    caller may change what it is given.
    """
    entry = _entry(text)
    if entry is None:
        return None
    try:
        return read_entry(entry)
    except ValueError:
        return None


def compiled_parts(
    text: str | bytes, fallback: Callable[[], Mapping[str, Any]]
) -> EntryParts | None:
    """As :func:`compiled_table`, each top-level table unpickled when first looked up.

    ``fallback`` gives the file's tables read from its TOML: what a table found damaged
    when it is looked up is read from instead (see :class:`EntryParts`).
    """
    entry = _entry(text)
    if entry is None:
        return None
    try:
        return read_parts(entry, fallback)
    except ValueError:
        return None


def write_bundle(data_folder: Path, target: Path) -> int:
    """Compile every ``*.toml`` and ``*.json`` under ``data_folder`` into ``target``.

    Returns the count of files compiled. Each TOML file is read as the library reads TOML
    (decimals exact), each JSON file (the bank holidays) as ``json.loads`` reads it; a
    file that does not read is left out, so the library reports its problem as it would
    anyway. Needs nothing but the standard library: the build hook loads this module by its
    path, before the package's dependencies are installed.
    """
    # The standard library's parser (the build has no dependencies yet); it reads TOML 1.0
    # as the library's own reader (tomli, held below 2.4) does. Imported here so the
    # library itself never loads a second TOML parser.
    import json
    import tomllib

    tables = []
    for path in sorted(data_folder.rglob("*.toml")):
        text = path.read_text(encoding="utf-8")
        try:
            tables.append((text, tomllib.loads(text, parse_float=Decimal)))
        except (tomllib.TOMLDecodeError, ValueError, RecursionError):
            continue
    for path in sorted(data_folder.rglob("*.json")):
        text = path.read_text(encoding="utf-8")
        try:
            table = json.loads(text)
        except (ValueError, RecursionError):
            continue
        if isinstance(table, dict):
            tables.append((text, table))
    bundle = compile_bundle(tables)
    target.write_bytes(bundle)
    return len(entries(bundle))
