"""Terms, their definitions and where each definition comes from, looked up from any spelling.

The sector has no agreed vocabulary: "participatory research", "co-production",
"partnership working" and "collaborative research" are used interchangeably (Jopson 2022,
section 2.1). A :class:`Vocabulary` holds one definition in force per term and finds it from
any synonym, abbreviation or spelling; an institution lays its own definitions over the
bundled ones, and every look-up says which definition is in force and where it came from.

>>> vocabulary = Vocabulary((
...     Term("co_production", "Co-production", "Sharing power from start to end.",
...          source="nihr_coproduction_in_action_1#definition", synonyms=("coproduction",)),
... ))
>>> vocabulary.lookup("Co Production").term.term
'Co-production'
>>> vocabulary.lookup("PPIE").found
False
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterable, Iterator, Mapping

import attrs

from participatory.core.errors import UnknownSource, ValidationError
from participatory.core.record import Record
from participatory.core.sources import Citation, cite

__all__ = [
    "LookupStatus",
    "Term",
    "TermLookup",
    "TermOrigin",
    "Vocabulary",
    "normalise",
]


def normalise(text: str) -> str:
    """The matching key of a spelling: case, accents' forms, spaces and punctuation removed.

    "Co-Production", "co production", "coproduction" and "CO_PRODUCTION" share one key, as
    do "PPI/E", "PPI&E" and "PPIE".

    >>> normalise("Co-Production")
    'coproduction'
    >>> normalise(" PPI / E ")
    'ppie'
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    # filter() runs the test in C: a vocabulary normalises every spelling of every term.
    return "".join(filter(str.isalnum, folded))


class TermOrigin(enum.Enum):
    """Where the definition in force comes from."""

    #: Shipped with the library, sourced from NIHR, HRA, NCCPE, the report and others.
    BUNDLED = "bundled"
    #: An institution's own definitions file, laid over the bundled ones.
    INSTITUTION = "institution"


def _text_tuple(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise ValidationError("synonyms", "must be a list of strings, not one string")
    return tuple(value)


def _citation(value: Citation | str) -> Citation:
    """A citation, or a reference into the bundled sources catalogue."""
    if isinstance(value, Citation):
        return value
    if not isinstance(value, str):
        raise ValidationError("source", "must be a catalogue reference or a Citation")
    try:
        return cite(value)
    except UnknownSource as problem:
        raise ValidationError("source", str(problem)) from None


def _non_empty(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    # Whether normalise(value) is non-empty, stopping at the first letter or digit: a
    # definition runs to hundreds of characters, and only its first one is usually asked.
    if not isinstance(value, str) or not any(
        map(str.isalnum, unicodedata.normalize("NFKC", value).casefold())
    ):
        raise ValidationError(attribute.name, "must be non-empty text")


@attrs.frozen
class Term(Record):
    """One term of the vocabulary and the definition that comes with it.

    ``id`` is the stable key (``co_production``); ``term`` the name people read.
    ``source`` is where the definition was read: a catalogue citation (a reference such as
    ``"nihr_involvement_definition#involvement"`` is resolved in the bundled catalogue).
    ``often_confused_with`` holds ids of other terms.
    """

    id: str = attrs.field(validator=_non_empty)
    term: str = attrs.field(validator=_non_empty)
    definition: str = attrs.field(validator=_non_empty)
    source: Citation = attrs.field(converter=_citation)
    synonyms: tuple[str, ...] = attrs.field(default=(), converter=_text_tuple)
    often_confused_with: tuple[str, ...] = attrs.field(default=(), converter=_text_tuple)
    note: str | None = None
    origin: TermOrigin = TermOrigin.BUNDLED
    #: The file the definition was read from (package path or the institution's file).
    origin_file: str = "<memory>"
    #: The institution whose definition this is, for :attr:`TermOrigin.INSTITUTION`.
    institution: str | None = None

    @property
    def verified(self) -> bool:
        """Whether the definition was read at a primary source."""
        return self.source.verified

    @property
    def url(self) -> str | None:
        """The address of the definition's source, if it has one."""
        return self.source.link

    def spellings(self) -> tuple[str, ...]:
        """The id, the name and every synonym: all the texts that find this term."""
        return (self.id, self.term, *self.synonyms)

    @property
    def provenance(self) -> str:
        """Where the definition in force came from, in words.

        >>> Term("pr", "Participatory research", "Research with people.",
        ...      "icphr_position_paper_1#characteristics").provenance
        'bundled definition, from ICPHR Position Paper 1 list of characteristics'
        """
        if self.origin is TermOrigin.INSTITUTION:
            who = self.institution or "the institution"
            return f"{who}'s definition ({self.origin_file}), from {self.source.short}"
        return f"bundled definition, from {self.source.short}"


class LookupStatus(enum.Enum):
    """The outcome of looking a text up in a vocabulary."""

    FOUND = "found"
    #: No term, synonym or spelling matches: the text has no definition in force.
    UNKNOWN = "unknown"


@attrs.frozen
class TermLookup(Record):
    """The answer to "what does this word mean here?": the term in force, or why there is none.

    A look-up never raises for an unknown text; it says so, with close suggestions.
    """

    query: str
    status: LookupStatus
    #: The definition in force (None when unknown).
    term: Term | None = None
    #: The spelling of the term that matched the query.
    matched: str | None = None
    #: The bundled definition an institution's definition replaced, if any.
    replaced: Term | None = None
    #: Ids of terms whose spellings are close to an unknown query.
    suggestions: tuple[str, ...] = ()

    @property
    def found(self) -> bool:
        """Whether a definition is in force for the query."""
        return self.status is LookupStatus.FOUND

    @property
    def origin(self) -> TermOrigin | None:
        """Where the definition in force comes from (None when unknown)."""
        return self.term.origin if self.term else None


class _Keys(dict[str, str]):
    """The :func:`normalise` key of each spelling asked for, worked out on first asking."""

    def __missing__(self, text: str) -> str:
        self[text] = found = normalise(text)
        return found


class Vocabulary(Mapping[str, Term]):
    """An immutable set of terms keyed by id, looked up from any spelling.

    Later layers win: :meth:`with_definitions` returns a new vocabulary in which the
    given terms replace (or add to) these ones.
    """

    __slots__ = ("_index", "_replaced", "_terms")

    def __init__(
        self, terms: Iterable[Term], *, replaced: Mapping[str, Term] | None = None
    ) -> None:
        self._terms: dict[str, Term] = {}
        self._index: dict[str, str] = {}
        for term in terms:
            if term.id in self._terms:
                raise ValidationError(f"terms.{term.id}", "is defined twice")
            self._terms[term.id] = term
        for term in self._terms.values():
            for other in term.often_confused_with:
                if other not in self._terms:
                    raise ValidationError(
                        f"terms.{term.id}.often_confused_with", f"names no term {other!r}"
                    )
        # Each spelling is normalised once, though the checks and the index each ask for it.
        key = _Keys()
        canonical = {key[t.id]: t.id for t in self._terms.values()}
        canonical.update({key[t.term]: t.id for t in self._terms.values()})
        for term in self._terms.values():
            for synonym in term.synonyms:
                owner = canonical.get(key[synonym], term.id)
                if owner != term.id:
                    raise ValidationError(
                        f"terms.{term.id}.synonyms",
                        f"{synonym!r} is the name of another term, {owner!r}",
                        hint="a term's own name always finds that term",
                    )
        # Institution terms index first so that their spellings win over bundled ones; a
        # term's own id and name always find it, even if another term lists them.
        layered = sorted(self._terms.values(), key=lambda t: t.origin is TermOrigin.BUNDLED)
        for term in layered:
            for spelling in term.spellings():
                self._index.setdefault(key[spelling], term.id)
        for term in reversed(layered):
            self._index[key[term.id]] = term.id
            self._index[key[term.term]] = term.id
        self._replaced: dict[str, Term] = dict(replaced or {})

    def __getitem__(self, term_id: str) -> Term:
        return self._terms[term_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._terms)

    def __len__(self) -> int:
        return len(self._terms)

    def __repr__(self) -> str:
        layered = sum(t.origin is TermOrigin.INSTITUTION for t in self._terms.values())
        return f"<Vocabulary of {len(self)} terms, {layered} from an institution>"

    def lookup(self, text: str) -> TermLookup:
        """The definition in force for ``text`` (any synonym or spelling), or UNKNOWN."""
        key = normalise(text)
        term_id = self._index.get(key)
        if term_id is None and key.endswith("s"):
            # "co-researchers", "public contributors": a plural finds the singular.
            term_id = self._index.get(key[:-1])
        if term_id is None:
            import difflib  # only for a term the vocabulary lacks (issue 18: start-up)

            close = difflib.get_close_matches(key, self._index, n=3, cutoff=0.75)
            suggestions = tuple(dict.fromkeys(self._index[c] for c in close))
            return TermLookup(text, LookupStatus.UNKNOWN, suggestions=suggestions)
        term = self._terms[term_id]
        matched = next((s for s in term.spellings() if normalise(s) in (key, key[:-1])), term.term)
        return TermLookup(
            text, LookupStatus.FOUND, term, matched, replaced=self._replaced.get(term_id)
        )

    def canonical(self, text: str) -> str | None:
        """The id of the term ``text`` names, or None.

        >>> term = Term("pr", "Participatory research", "Research with people.",
        ...             "icphr_position_paper_1#characteristics")
        >>> Vocabulary((term,)).canonical("P.R.")
        'pr'
        """
        lookup = self.lookup(text)
        return lookup.term.id if lookup.term else None

    def with_definitions(self, terms: Iterable[Term]) -> Vocabulary:
        """A new vocabulary with ``terms`` laid over these; the new definitions win.

        A new term replaces an existing one when its id, name or any synonym names it; the
        replaced term's synonyms keep finding it, and fields the new term leaves empty
        (synonyms, often confused with, note) are kept from the one it replaces.
        """
        merged = dict(self._terms)
        replaced = dict(self._replaced)
        for new in terms:
            target = self._target_of(new)
            old = merged.get(target) if target else None
            if old is None:
                merged[new.id] = new
                continue
            replaced.setdefault(old.id, self._replaced.get(old.id, old))
            merged[old.id] = attrs.evolve(
                new,
                id=old.id,
                synonyms=tuple(dict.fromkeys((*old.synonyms, *new.synonyms))),
                often_confused_with=new.often_confused_with or old.often_confused_with,
                note=new.note if new.note is not None else old.note,
            )
        return Vocabulary(merged.values(), replaced=replaced)

    def _target_of(self, new: Term) -> str | None:
        if new.id in self._terms:
            return new.id
        for spelling in new.spellings():
            found = self._index.get(normalise(spelling))
            if found is not None:
                return found
        return None

    def terms(self) -> tuple[Term, ...]:
        """Every term, sorted by name (the glossary order)."""
        return tuple(sorted(self._terms.values(), key=lambda t: normalise(t.term)))
