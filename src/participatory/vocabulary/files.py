"""Reading vocabularies from TOML: the bundled terms, and an institution's own definitions.

The format (``src/participatory/data/vocabulary.toml``) is one table per term::

    [terms.co_production]
    term = "Co-production"
    definition = "..."
    source = "nihr_coproduction_in_action_1#definition"   # a catalogue reference
    synonyms = ["coproduction"]    # optional
    often_confused_with = ["participatory_research"]   # optional, term ids
    note = "..."                   # optional

``source`` is a reference into the sources catalogue (:mod:`participatory.core.sources`). An
institution writes the same format and may enter its own documents in a ``[sources]`` table
in the catalogue's format; its definitions win over the bundled ones.

>>> vocabulary = bundled_vocabulary()
>>> vocabulary.lookup("PPIE").term.id
'public_involvement'
>>> ours = parse_terms('''
... [sources.bath_pr_policy]
... title = "Participatory research policy"
... publisher = "University of Bath"
... primary = true
... [terms.co_production]
... term = "Co-production"
... definition = "Bath's definition."
... source = "bath_pr_policy"
... ''', file="bath.toml", origin=TermOrigin.INSTITUTION, institution="University of Bath")
>>> found = vocabulary.with_definitions(ours).lookup("coproduction")
>>> found.term.definition, found.origin.value, found.replaced.source.key
("Bath's definition.", 'institution', 'nihr_coproduction_in_action_1')
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

from participatory import guidance_data
from participatory.core import tomlfile
from participatory.core.errors import ParameterFileError, ValidationError
from participatory.core.sources import SourceCatalogue
from participatory.vocabulary.terms import Term, TermOrigin, Vocabulary

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["bundled_vocabulary", "load_vocabulary", "parse_terms"]

_REQUIRED: Final = ("term", "definition", "source")
_OPTIONAL: Final = ("synonyms", "often_confused_with", "note")
_BUNDLED_FILE: Final = "participatory/data/vocabulary.toml"


def _term(
    term_id: str,
    table: Mapping[str, Any],
    catalogue: SourceCatalogue,
    file: str,
    **origin: Any,
) -> Term:
    key = f"terms.{term_id}"
    unknown = set(table) - set(_REQUIRED) - set(_OPTIONAL)
    if unknown:
        raise ParameterFileError(file, key, f"unknown keys {sorted(unknown)}")
    for name in _REQUIRED:
        if not isinstance(table.get(name), str):
            raise ParameterFileError(file, f"{key}.{name}", "is required text")
    for name in ("synonyms", "often_confused_with"):
        listed = table.get(name, [])
        if not isinstance(listed, list) or not all(isinstance(x, str) for x in listed):
            raise ParameterFileError(file, f"{key}.{name}", "must be a list of strings")
    source = guidance_data.cite(catalogue, table["source"], file, f"{key}.source")
    try:
        return Term(
            id=term_id,
            term=table["term"],
            definition=table["definition"],
            source=source,
            synonyms=table.get("synonyms", ()),
            often_confused_with=table.get("often_confused_with", ()),
            note=table.get("note"),
            origin_file=file,
            **origin,
        )
    except ValidationError as error:
        raise ParameterFileError(file, f"{key}.{error.path}", error.problem) from None


def parse_terms(
    text: str,
    *,
    file: str = "<string>",
    origin: TermOrigin = TermOrigin.INSTITUTION,
    institution: str | None = None,
) -> tuple[Term, ...]:
    """The terms of a vocabulary file's text; errors name the file and key at fault."""
    # Within the library's input limits (nesting, lengths, numbers): no file can hang it.
    data = tomlfile.parse_toml(text, file)
    terms = data.get("terms")
    if not isinstance(terms, dict) or not terms:
        raise ParameterFileError(file, "terms", "must hold at least one [terms.<id>] table")
    extra = set(data) - {"meta", "terms", guidance_data.SOURCES_TABLE}
    if extra:
        raise ParameterFileError(file, "", f"unknown top-level tables {sorted(extra)}")
    catalogue = guidance_data.catalogue_for(data, file)
    parsed = []
    for term_id, table in terms.items():
        if not isinstance(table, dict):
            raise ParameterFileError(file, f"terms.{term_id}", "must be a table")
        parsed.append(
            _term(term_id, table, catalogue, file, origin=origin, institution=institution)
        )
    return tuple(parsed)


@functools.cache
def bundled_vocabulary() -> Vocabulary:
    """The vocabulary shipped with the library (read once, cached)."""
    text = tomlfile.bundled_text("vocabulary.toml")
    terms = parse_terms(text, file=_BUNDLED_FILE, origin=TermOrigin.BUNDLED)
    try:
        return Vocabulary(terms)
    except ValidationError as error:
        raise ParameterFileError(_BUNDLED_FILE, error.path, error.problem) from None


def load_vocabulary(
    path: str | Path, *, institution: str, base: Vocabulary | None = None
) -> Vocabulary:
    """``base`` (the bundled vocabulary by default) with an institution's file laid over it.

    Call this at the edge of a system (it reads a file); pass the result to the engines.
    """
    from pathlib import Path  # only for a file of one's own: a run reads the bundled one

    text = tomlfile.read_file(path)  # refuses first anything that is not a path
    path = Path(path)
    terms = parse_terms(
        text,
        file=str(path),
        origin=TermOrigin.INSTITUTION,
        institution=institution,
    )
    try:
        return (base or bundled_vocabulary()).with_definitions(terms)
    except ValidationError as error:
        raise ParameterFileError(str(path), error.path, error.problem) from None
