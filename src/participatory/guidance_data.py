"""Reading guidance data files: rules, severities, and the catalogue references they cite.

The safeguarding, timeline, evaluation and readiness engines keep what they expect, and why,
in TOML beside the code. A file never describes a source in its own words: every citation is
a reference into the sources catalogue (:mod:`participatory.core.sources`), ``"document"`` or
``"document#passage"``, so each document is entered once and a reviewer checks a passage in
one place::

    [rules.TIME-STAGE-TOO-SHORT]
    severity = "advice"
    citations = ["bath_report_2022#hns_five_times", "bath_report_2022#take_time"]

An institution's own file may cite documents of its own: it enters them in a ``[sources]``
table, in the catalogue's format, and cites them the same way. A key already in the
catalogue is an error, so a bundled document is never replaced.

>>> document = parse_guidance('''
... [sources.our_policy]
... title = "Example University public involvement policy"
... short_title = "Our policy"
... publisher = "Example University"
... primary = true
... [sources.our_policy.passages.s4]
... pinpoint = "section 4"
... [rules.TIME-STAGE-TOO-SHORT]
... severity = "advice"
... citations = ["our_policy#s4", "bath_report_2022#take_time"]
... ''', "ours.toml")
>>> catalogue = catalogue_for(document, "ours.toml")
>>> severity_of, cited_by = rules(document, catalogue, "ours.toml")["TIME-STAGE-TOO-SHORT"]
>>> [c.short for c in cited_by]
['Our policy section 4', 'Bath report §2.2']
>>> cite(catalogue, "bath_report_2022#take_tim", "ours.toml", "rules.X.citations[0]")
Traceback (most recent call last):
...
participatory.core.errors.ParameterFileError: ours.toml: rules.X.citations[0]: no passage 'take_tim' in source 'bath_report_2022' (known: ...)
"""  # noqa: E501

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

from participatory.core import tomlfile
from participatory.core.errors import ParameterFileError, UnknownSource, ValidationError
from participatory.core.explain import Severity
from participatory.core.sources import (
    Citation,
    Source,
    SourceCatalogue,
    bundled_sources,
    sources_from_tables,
)

__all__ = [
    "SOURCES_TABLE",
    "bundled_guidance",
    "catalogue_for",
    "cite",
    "cited",
    "parse_guidance",
    "policy_citation",
    "policy_source",
    "references",
    "rules",
    "severity",
    "text",
]

#: The table in which an institution's file enters its own documents.
SOURCES_TABLE: Final = "sources"

_NOT_KEY: Final = re.compile(r"[^a-z0-9]+")


def parse_guidance(raw: str, file: str) -> dict[str, Any]:
    """Parse a guidance file's TOML, naming the file in any error."""
    return tomlfile.parse_toml(raw, file)


def bundled_guidance(name: str) -> tuple[dict[str, Any], str]:
    """One bundled guidance file (``data/<name>``), parsed, with its package path."""
    file = f"participatory/data/{name}"
    return parse_guidance(tomlfile.bundled_text(name), file), file


def catalogue_for(
    document: Mapping[str, Any], file: str, *, base: SourceCatalogue | None = None
) -> SourceCatalogue:
    """The catalogue a file's references resolve in.

    That is ``base`` (the bundled catalogue by default) with the documents of the file's own
    ``[sources]`` table added.
    """
    known = base if base is not None else bundled_sources()
    own = document.get(SOURCES_TABLE)
    if own is None:
        return known
    if not isinstance(own, Mapping):
        raise ParameterFileError(file, SOURCES_TABLE, "must be a table of documents")
    try:
        return known.layered(sources_from_tables(own, f"{file} [{SOURCES_TABLE}]"))
    except UnknownSource as problem:
        raise ParameterFileError(file, SOURCES_TABLE, str(problem)) from None


def cite(catalogue: SourceCatalogue, reference: object, file: str, path: str) -> Citation:
    """The citation of a catalogue reference read from a file; an unknown one names where."""
    if not isinstance(reference, str) or not reference.strip():
        raise ParameterFileError(file, path, "must be a catalogue reference ('document#passage')")
    try:
        return catalogue.cite(reference)
    except UnknownSource as problem:
        raise ParameterFileError(file, path, str(problem)) from None


def cited(
    references: object, catalogue: SourceCatalogue, file: str, path: str
) -> tuple[Citation, ...]:
    """A non-empty list of catalogue references, resolved in order."""
    if not isinstance(references, Sequence) or isinstance(references, str) or not references:
        raise ParameterFileError(file, path, "must be a non-empty list of catalogue references")
    return tuple(
        cite(catalogue, reference, file, f"{path}[{index}]")
        for index, reference in enumerate(references)
    )


def references(
    value: object, catalogue: SourceCatalogue, file: str, path: str
) -> tuple[Citation, ...]:
    """A ``source`` that is one catalogue reference or a list of them, resolved in order."""
    if isinstance(value, str):
        return (cite(catalogue, value, file, path),)
    return cited(value, catalogue, file, path)


def text(table: Mapping[str, Any], key: str, file: str, path: str) -> str:
    """A required non-empty string; ``table`` itself must be a table (it comes from the file)."""
    if not isinstance(table, Mapping):
        raise ParameterFileError(file, path, "must be a table")
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ParameterFileError(file, f"{path}.{key}", "is required text")
    return value


def severity(table: Mapping[str, Any], key: str, file: str, path: str) -> Severity:
    """A severity written as its value (``"advice"``, ``"warning"`` …)."""
    value = text(table, key, file, path)
    try:
        return Severity(value)
    except ValueError:
        allowed = [s.value for s in Severity]
        raise ParameterFileError(file, f"{path}.{key}", f"must be one of {allowed}") from None


def rules(
    document: Mapping[str, Any], catalogue: SourceCatalogue, file: str
) -> dict[str, tuple[Severity, tuple[Citation, ...]]]:
    """The ``[rules.<rule id>]`` tables: each rule's severity and the passages it cites."""
    table = document.get("rules")
    if not isinstance(table, Mapping):
        raise ParameterFileError(file, "rules", "must be a table")
    return {
        rule_id: (
            severity(entry, "severity", file, f"rules.{rule_id}"),
            cited(entry.get("citations"), catalogue, file, f"rules.{rule_id}.citations"),
        )
        for rule_id, entry in table.items()
    }


def policy_source(value: object) -> str:
    """The name of an institution's policy, as a payment policy's ``source`` (a converter).

    A citation is made from it (:func:`policy_citation`), so it must be text with something
    in it: refused when the policy is made, not when a report first cites it.

    >>> policy_source("Example University, Paying public contributors, section 4")
    'Example University, Paying public contributors, section 4'
    >>> policy_source(" ")
    Traceback (most recent call last):
    ...
    participatory.core.errors.ValidationError: source: must name the institution's policy (non-empty text)
    """  # noqa: E501
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("source", "must name the institution's policy (non-empty text)")
    return value


def policy_citation(title: str) -> Citation:
    """An institution's own policy, named in its own words (a payment plan's ``source``).

    It is the institution's document, not one the library read, so the citation is not
    verified; its key is made from the title, so two policies stay two documents.

    >>> policy_citation("Example University, Paying public contributors, section 4").key
    'institution_example_university_paying_public_contributors_section_4'
    """
    slug = _NOT_KEY.sub("_", title.lower()).strip("_")[:80] or "policy"
    document = Source(
        key=f"institution_{slug}",
        title=title,
        short_title=title,
        primary=True,
        read_on=None,
        publisher="the institution",
    )
    return Citation(document)
