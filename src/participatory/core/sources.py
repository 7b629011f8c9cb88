r"""One catalogue of sources: every document the library cites, entered once.

A rule, a parameter value, a rate card or a framework never describes its source in its own
words: it names a catalogue key. The catalogue (TOML files under
``participatory/data/sources/``) holds each document once — title, author or publisher, the
date the document itself states, its address, whether it is a *primary* source (legislation,
a department's, funder's or body's own publication, an institution's own policy) and the day
it was read — and, under it, the passages that were checked: a pinpoint ("reg. 22(1)(b)",
"section 5.3") and the short quote read there.

A reference is ``"document"`` or ``"document#passage"``. A :class:`Citation` made from one is
*verified* only when the document is primary and the passage was read there: a figure or rule
found only in a news page or a charity's summary stays usable, but says so.

>>> catalogue = parse_sources('''
... [uc_regs_2013]
... title = "The Universal Credit Regulations 2013"
... short_title = "UC Regs 2013"
... publisher = "UK Parliament"
... identifier = "SI 2013/376"
... url = "https://www.legislation.gov.uk/uksi/2013/376"
... primary = true
... read_on = 2026-12-06
...
... [uc_regs_2013.passages.reg_22]
... pinpoint = "reg. 22(1)(b)"
... quote = "the amount of the claimant's earned income"
... read_on = 2026-12-06
... ''', "example.toml")
>>> citation = catalogue.cite("uc_regs_2013#reg_22")
>>> citation.short, citation.verified
('UC Regs 2013 reg. 22(1)(b)', True)
>>> catalogue.cite("uc_regs_2013#reg_99")
Traceback (most recent call last):
...
participatory.core.errors.UnknownSource: no passage 'reg_99' in source 'uc_regs_2013' ...
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

import attrs

from participatory.core import tomlfile
from participatory.core.errors import ParameterFileError, UnknownSource, ValidationError
from participatory.core.package_files import package_listing
from participatory.core.record import Record

if TYPE_CHECKING:
    from pathlib import Path

#: Field metadata for what only the catalogue's maintainers read: never in any output.
MAINTAINERS_ONLY: Final = {"maintainers_only": True}

__all__ = [
    "MAINTAINERS_ONLY",
    "Citation",
    "Passage",
    "Source",
    "SourceCatalogue",
    "bundled_sources",
    "cite",
    "load_sources",
    "parse_sources",
    "sources_from_tables",
]

_KEY: Final = re.compile(r"[a-z0-9][a-z0-9_]*\Z")
_SOURCE_KEYS: Final = frozenset(
    {
        "title",
        "short_title",
        "author",
        "publisher",
        "identifier",
        "url",
        "published",
        "primary",
        "read_on",
        "note",
        "passages",
    }
)
_PASSAGE_KEYS: Final = frozenset({"pinpoint", "url", "quote", "read_on", "note"})


def _text(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{attribute.name} must be non-empty text")


@attrs.frozen
class Source(Record):
    """One document: a regulation, a department's guidance page, a report, a policy.

    ``published`` is a date the document itself states (made, published, last updated);
    ``read_on`` is the day it was read for the library. The two are never confused: a report
    prints the first as the document's date and the second as "read on".
    ``note`` is for maintainers (how sure, what conflicts) and never reaches a report.
    """

    key: str = attrs.field(validator=_text)
    title: str = attrs.field(validator=_text)
    short_title: str = attrs.field(validator=_text)
    primary: bool
    #: The day the library's authors read it (``None`` for a document an institution enters).
    read_on: dt.date | None
    author: str | None = None
    publisher: str | None = None
    identifier: str | None = None
    url: str | None = None
    published: dt.date | None = None
    note: str | None = attrs.field(default=None, eq=False, repr=False, metadata=MAINTAINERS_ONLY)


@attrs.frozen
class Passage(Record):
    """A place in a document that was checked, with the words read there.

    A passage with no ``read_on`` is named (so rules can point at it) but was not read in this
    document; a citation of it is not verified.
    """

    key: str = attrs.field(validator=_text)
    pinpoint: str = attrs.field(validator=_text)
    url: str | None = None
    quote: str | None = None
    read_on: dt.date | None = None
    note: str | None = attrs.field(default=None, eq=False, repr=False, metadata=MAINTAINERS_ONLY)


@attrs.frozen
class Citation(Record):
    """A rule's or figure's source: a catalogue document and, usually, a pinpoint in it.

    ``verified`` is true only when the document is a primary source and the passage (or, for a
    figure, the figure itself) was read there.

    >>> report = Source("bath_report_2022", "Participatory Research benchmarking report",
    ...                 "Bath report", primary=True, read_on=dt.date(2026, 12, 6))
    >>> Citation(report, pinpoint="§5.3").short
    'Bath report §5.3'
    """

    source: Source
    pinpoint: str | None = None
    url: str | None = None
    verified: bool = False
    passage: Passage | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def key(self) -> str:
        """The catalogue key of the document."""
        return self.source.key

    @property
    def short(self) -> str:
        """The short form a report prints beside a finding: "UC Regs 2013 reg. 22"."""
        if self.pinpoint:
            return f"{self.source.short_title} {self.pinpoint}"
        return self.source.short_title

    @property
    def link(self) -> str | None:
        """The most precise address known: the passage's, else the document's."""
        return self.url or self.source.url


#: A document and its passages.
_Document = tuple[Source, Mapping[str, Passage]]

#: The refusal of a key or reference that is not text (``None``, a list of references).
_NOT_TEXT: Final = "a source reference must be text like 'document#passage'"


def _check_pinpoint(pinpoint: object) -> None:
    if pinpoint is not None and not isinstance(pinpoint, str):
        raise ValidationError("pinpoint", "must be text such as 'reg. 22(1)(b)'")


class _Passages(Mapping[str, Passage]):
    """A document's passages, each checked and built into its :class:`Passage` on first use.

    A report cites a quarter of the passages of the documents it cites (a regulation's
    catalogue entry records every regulation read): each passage is checked, with the same
    checks and the same error as when the whole file is parsed at once, when it is first
    looked up. Its key was checked with the document's.
    """

    __slots__ = ("_built", "_document", "_file", "_tables")

    def __init__(self, tables: Mapping[str, Any], file: str, document: str) -> None:
        self._tables = tables
        self._file = file
        self._document = document
        #: The passages built so far: at most one per key of ``tables``.
        self._built: dict[str, Passage] = {}

    def __getitem__(self, key: str) -> Passage:
        built = self._built.get(key)
        if built is None:
            raw = self._tables[key]
            passage = _parse_passage(key, raw, self._file, f"{self._document}.passages.{key}")
            built = self._built.setdefault(key, passage)
        return built

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)


class _Deferred:
    """Documents read from a file's tables, each parsed into its :class:`Source` on first use.

    The bundled catalogue holds some four hundred documents and eight hundred passages, of
    which a report cites a few dozen: each is checked and built as it is first looked up
    (with the same checks, and the same error, as when the whole file is parsed at once),
    and its passages as each is looked up (:class:`_Passages`). Shared by every catalogue
    layered on the bundled one, so a document is built once.
    """

    __slots__ = ("_built", "_file", "_tables")

    def __init__(self, tables: Mapping[str, Any], file: str) -> None:
        self._tables = tables
        self._file = file
        #: The documents built so far: at most one per key of ``tables``.
        self._built: dict[str, _Document] = {}

    def document(self, key: str) -> _Document:
        built = self._built.get(key)
        if built is None:
            source, tables = _parse_document(key, self._tables[key], self._file)
            for passage_key in tables:
                _check_passage_key(key, passage_key, self._file)
            passages = _Passages(tables, self._file, key)
            built = self._built.setdefault(key, (source, passages))
        return built


class SourceCatalogue(Mapping[str, Source]):
    """Documents by key, with their passages; immutable."""

    __slots__ = ("_cited", "_documents")

    def __init__(
        self,
        sources: Mapping[str, Source],
        passages: Mapping[str, Mapping[str, Passage]] | None = None,
    ) -> None:
        given = passages or {}
        self._documents: dict[str, _Document | _Deferred] = {
            key: (source, MappingProxyType(dict(given.get(key, {}))))
            for key, source in sources.items()
        }
        # The citation of each reference cited (no pinpoint of the caller's): the guidance
        # files cite the same passages again and again, and a reference is resolved once.
        # At most one per document and passage of the catalogue, which never changes.
        self._cited: dict[str, Citation] = {}

    @classmethod
    def _deferred(cls, tables: Mapping[str, Any], file: str) -> SourceCatalogue:
        """The documents of a file's ``tables``, each parsed when it is first looked up."""
        catalogue = cls({})
        store = _Deferred(tables, file)
        catalogue._documents = dict.fromkeys(tables, store)
        return catalogue

    def _document(self, key: str) -> _Document:
        try:
            found = self._documents[key]
        except (KeyError, TypeError):  # TypeError: a key that cannot be hashed, such as a list
            if not isinstance(key, str):
                # Refused before difflib, which compares text only: as a Mapping's missing
                # key (UnknownSource is a KeyError), so ``in`` and ``get`` answer as for one.
                raise UnknownSource(_NOT_TEXT) from None
            # Imported only for a mistake: no correct run of the library needs difflib.
            import difflib

            close = difflib.get_close_matches(key, self._documents, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise UnknownSource(f"no source {key!r} in the catalogue{hint}") from None
        return found.document(key) if isinstance(found, _Deferred) else found

    def __getitem__(self, key: str) -> Source:
        return self._document(key)[0]

    def __iter__(self) -> Iterator[str]:
        return iter(self._documents)

    def __len__(self) -> int:
        return len(self._documents)

    def __repr__(self) -> str:
        return f"<SourceCatalogue of {len(self)} documents>"

    def passages(self, key: str) -> Mapping[str, Passage]:
        """The passages recorded for document ``key``."""
        return self._document(key)[1]

    def resolve(self, reference: str) -> tuple[Source, Passage | None]:
        """The document and passage a ``"document"`` or ``"document#passage"`` names."""
        if not isinstance(reference, str):
            raise UnknownSource(_NOT_TEXT)
        key, _, passage_key = reference.partition("#")
        source, passages = self._document(key)
        if not passage_key:
            return source, None
        passage = passages.get(passage_key)
        if passage is None:
            known = ", ".join(sorted(passages)) or "none"
            raise UnknownSource(f"no passage {passage_key!r} in source {key!r} (known: {known})")
        return source, passage

    def cite(self, reference: str, *, pinpoint: str | None = None) -> Citation:
        """A citation of ``reference``; ``pinpoint`` narrows a passage or a whole document."""
        _check_pinpoint(pinpoint)
        if pinpoint is None and isinstance(reference, str):
            cited = self._cited.get(reference)
            if cited is None:
                cited = self._cited.setdefault(reference, self._citation(reference, None))
            return cited
        return self._citation(reference, pinpoint)

    def _citation(self, reference: str, pinpoint: str | None) -> Citation:
        source, passage = self.resolve(reference)
        if passage is None:
            return Citation(source, pinpoint=pinpoint, verified=source.primary)
        return Citation(
            source,
            pinpoint=pinpoint or passage.pinpoint,
            url=passage.url,
            verified=source.primary and passage.read_on is not None,
            passage=passage,
        )

    def layered(self, other: SourceCatalogue) -> SourceCatalogue:
        """A new catalogue with ``other``'s documents added; a key in both is an error."""
        if not isinstance(other, SourceCatalogue):
            raise ValidationError("other", "must be a SourceCatalogue (see parse_sources)")
        clash = sorted(set(self._documents) & set(other._documents))
        if clash:
            raise UnknownSource(f"source {clash[0]!r} is already in the catalogue")
        layered = SourceCatalogue({})
        layered._documents = {**self._documents, **other._documents}
        return layered


# The two readers below answer a value of the right type themselves, and leave anything else
# to tomlfile.optional, which refuses it in its own words: a report reads some five hundred
# documents and passages, ten fields each, and the general reader's keyword calls were about
# a third of building them.


def _date(table: Mapping[str, Any], key: str, file: str, path: str) -> dt.date | None:
    if key not in table:
        return None
    value = table[key]
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    return tomlfile.optional(table, key, dt.date, file=file, path=path)


def _string(table: Mapping[str, Any], key: str, file: str, path: str) -> str | None:
    if key not in table:
        return None
    value = table[key]
    if not isinstance(value, str):
        return tomlfile.optional(table, key, str, file=file, path=path)  # refuses it
    if not value.strip():
        raise ParameterFileError(file, f"{path}.{key}", "must not be empty")
    return value


# An HTML character reference (&amp;, &#38;, &#x26;): text copied from a web page's source.
_CHARACTER_REFERENCE: Final = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")


def _url(table: Mapping[str, Any], file: str, path: str) -> str | None:
    """A web address (or a path in the docs) as it is to be followed: no spaces, no escaping.

    A URL is stored as the characters it means: ``&``, never ``&amp;``, which every output
    would then show (or escape again, as ``&amp;amp;``) instead of the address.
    """
    value = _string(table, "url", file, path)
    if value is None:
        return None
    where = f"{path}.url"
    if not value.isprintable() or " " in value:
        raise ParameterFileError(file, where, "must be an address with no spaces")
    if _CHARACTER_REFERENCE.search(value):
        raise ParameterFileError(
            file, where, "holds an HTML character reference such as &amp; (write & itself)"
        )
    return value


def _parse_passage(key: str, raw: object, file: str, path: str) -> Passage:
    if not isinstance(raw, Mapping):
        raise ParameterFileError(file, path, "must be a table")
    unknown = set(raw) - _PASSAGE_KEYS
    if unknown:
        raise ParameterFileError(file, path, f"unknown key(s) {sorted(unknown)}")
    pinpoint = _string(raw, "pinpoint", file, path)
    if pinpoint is None:
        raise ParameterFileError(file, f"{path}.pinpoint", "is missing")
    quote = _string(raw, "quote", file, path)
    read_on = _date(raw, "read_on", file, path)
    if quote is not None and read_on is None:
        raise ParameterFileError(file, f"{path}.read_on", "is missing (a quote was read on a day)")
    return Passage(
        key=key,
        pinpoint=pinpoint,
        url=_url(raw, file, path),
        quote=quote,
        read_on=read_on,
        note=_string(raw, "note", file, path),
    )


def _parse_source(key: str, raw: object, file: str) -> tuple[Source, dict[str, Passage]]:
    source, raw_passages = _parse_document(key, raw, file)
    passages = {}
    for passage_key, passage in raw_passages.items():
        _check_passage_key(key, passage_key, file)
        passages[passage_key] = _parse_passage(
            passage_key, passage, file, f"{key}.passages.{passage_key}"
        )
    return source, passages


def _check_passage_key(key: str, passage_key: str, file: str) -> None:
    if not _KEY.match(passage_key):
        raise ParameterFileError(
            file, f"{key}.passages.{passage_key}", "a passage key is lower-case, digits and _"
        )


def _parse_document(key: str, raw: object, file: str) -> tuple[Source, Mapping[str, Any]]:
    """The document's :class:`Source`, and its table of passages (not yet read)."""
    if not _KEY.match(key):
        raise ParameterFileError(file, key, "a source key is lower-case letters, digits and _")
    if not isinstance(raw, Mapping):
        raise ParameterFileError(file, key, "must be a table")
    unknown = set(raw) - _SOURCE_KEYS
    if unknown:
        raise ParameterFileError(file, key, f"unknown key(s) {sorted(unknown)}")
    title = _string(raw, "title", file, key)
    if title is None:
        raise ParameterFileError(file, f"{key}.title", "is missing")
    read_on = _date(raw, "read_on", file, key)
    source = Source(
        key=key,
        title=title,
        short_title=_string(raw, "short_title", file, key) or title,
        primary=tomlfile.flag(raw, "primary", file=file, path=key),
        read_on=read_on,
        author=_string(raw, "author", file, key),
        publisher=_string(raw, "publisher", file, key),
        identifier=_string(raw, "identifier", file, key),
        url=_url(raw, file, key),
        published=_date(raw, "published", file, key),
        note=_string(raw, "note", file, key),
    )
    if source.author is None and source.publisher is None:
        raise ParameterFileError(file, key, "needs an author or a publisher")
    raw_passages = raw.get("passages", {})
    if not isinstance(raw_passages, Mapping):
        raise ParameterFileError(file, f"{key}.passages", "must be a table of passages")
    return source, raw_passages


def parse_sources(text: str, file: str = "<string>") -> SourceCatalogue:
    """Parse one catalogue file: a table per document, its passages under ``passages``."""
    return sources_from_tables(tomlfile.parse_toml(text, file), file)


def sources_from_tables(document: Mapping[str, Any], file: str) -> SourceCatalogue:
    """A catalogue from already-parsed TOML tables (a ``[sources]`` table of another file)."""
    sources: dict[str, Source] = {}
    passages: dict[str, dict[str, Passage]] = {}
    for key, raw in document.items():
        sources[key], passages[key] = _parse_source(key, raw, file)
    return SourceCatalogue(sources, passages)


def _merge(catalogues: Iterable[tuple[str, SourceCatalogue]]) -> SourceCatalogue:
    merged = SourceCatalogue({})
    seen: dict[str, str] = {}
    for file, catalogue in catalogues:
        for key in catalogue:
            if key in seen:
                raise ParameterFileError(file, key, f"is also entered in {seen[key]}")
            seen[key] = file
        merged = merged.layered(catalogue)
    return merged


@functools.cache
def bundled_sources() -> SourceCatalogue:
    """Every document the library cites (read once, then cached).

    Each document is read from the bundle, checked and built when it is first looked up: a
    report cites about a hundred of the catalogue's four hundred documents
    (:func:`parse_sources` reads a file whole).
    """
    listing = package_listing("data/sources")
    names = [name for name, _ in listing if name.endswith(".toml")]
    return _merge(
        (
            f"participatory/data/sources/{name}",
            SourceCatalogue._deferred(tomlfile.bundled_tables(f"sources/{name}", name), name),
        )
        for name in names
    )


def load_sources(*paths: str | Path, base: SourceCatalogue | None = None) -> SourceCatalogue:
    """The bundled catalogue (or ``base``) with an institution's own catalogue files added.

    An institution enters its own documents (its payment policy, its rate card) in the same
    format; a key already in the catalogue is an error, so a bundled source is never replaced.
    """
    from pathlib import Path  # only for files of one's own: a run reads the bundled ones

    if base is not None and not isinstance(base, SourceCatalogue):
        raise ValidationError("base", "must be a SourceCatalogue, or None for the bundled one")
    result = base if base is not None else bundled_sources()
    for path in paths:
        text = tomlfile.read_file(path)
        result = result.layered(parse_sources(text, str(Path(path))))
    return result


def cite(reference: str, *, pinpoint: str | None = None) -> Citation:
    """A citation from the bundled catalogue: ``cite("uc_regs_2013#reg_22")``.

    A reference that is not text is refused with :class:`UnknownSource`, a pinpoint that is
    not text with :class:`ValidationError`, before the cache (which would first hash it).

    >>> cite("uc_regs_2013#reg_22").key
    'uc_regs_2013'
    >>> cite(None)  # type: ignore[arg-type]
    Traceback (most recent call last):
    ...
    participatory.core.errors.UnknownSource: a source reference must be text like ...
    """
    if not isinstance(reference, str):
        raise UnknownSource(_NOT_TEXT)
    _check_pinpoint(pinpoint)
    return _cited(reference, pinpoint)


@functools.lru_cache(maxsize=1024)
def _cited(reference: str, pinpoint: str | None) -> Citation:
    """:func:`cite`'s cache: the guidance files cite the same references again and again."""
    return bundled_sources().cite(reference, pinpoint=pinpoint)
