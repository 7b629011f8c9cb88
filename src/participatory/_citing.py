"""Reading the guidance data files of the safeguarding, timeline, evaluation and readiness engines.

Those engines keep what they expect, and why, in TOML beside the code. Each file names the
passages its rules cite (``[citations.<id>]``), so a finding's citation is data a reviewer can
check against the source, never a string in Python::

    [citations.partners_sensitive]
    source = "bath_2022"
    reference = "section 2.5 Work with partners, p. 3"
    quote = "If a project involves sensitive issues or vulnerable groups ..."
    verified = true

A passage's ``source`` is a document described once: in the file's own ``[sources.<id>]``
tables, or, for documents several engines cite (the Bath report is ``bath_2022``), in the
``[sources]`` of ``data/report_citations.toml``, so every engine describes it the same way.
A file's own source wins over a shared one of the same id.

>>> doc = parse_guidance('''
... [sources.s]
... title = "A report"
... [citations.c]
... source = "s"
... reference = "section 1"
... verified = true
... ''', "example.toml")
>>> cites = citations(doc, "example.toml")
>>> cites["c"].title, cites["c"].reference
('A report', 'section 1')
>>> shared = citations(parse_guidance('''
... [citations.c]
... source = "bath_2022"
... reference = "section 2.2 Take time, p. 2"
... verified = true
... ''', "example.toml"), "example.toml")
>>> shared["c"].title
'Participatory Research benchmarking report (ParticipatoryResearch@Bath)'
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final

from participatory.core import tomlfile
from participatory.core.errors import ParameterFileError
from participatory.core.explain import Citation, Severity

__all__ = [
    "REPORT_FILE",
    "bundled_guidance",
    "citations",
    "cited",
    "parse_guidance",
    "rules",
    "severity",
    "shared_sources",
    "text",
]

#: The bundled file whose ``[sources]`` every guidance file may cite (see the module docstring).
REPORT_FILE: Final = "report_citations.toml"

_SOURCE_KEYS: Final = frozenset({"title", "publisher", "url", "date", "note"})
_CITATION_KEYS: Final = frozenset({"source", "reference", "quote", "summary", "verified", "note"})


def parse_guidance(raw: str, file: str) -> Mapping[str, Any]:
    """Parse a guidance file's TOML, naming the file in any error."""
    return tomlfile.parse_toml(raw, file)


def bundled_guidance(name: str) -> tuple[Mapping[str, Any], str]:
    """One bundled guidance file (``data/<name>``), parsed, with its package path."""
    file = f"participatory/data/{name}"
    return parse_guidance(tomlfile.bundled_text(name), file), file


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


def _table(document: Mapping[str, Any], key: str, file: str) -> Mapping[str, Any]:
    value = document.get(key)
    if not isinstance(value, Mapping) or not value:
        raise ParameterFileError(file, key, "must be a non-empty table")
    return value


def _sources(sources: Mapping[str, Any], file: str) -> dict[str, tuple[Mapping[str, Any], str]]:
    """Check each ``[sources.<id>]`` table; keep it with the file it came from, for errors."""
    for source_id, source in sources.items():
        if not isinstance(source, Mapping) or set(source) - _SOURCE_KEYS:
            raise ParameterFileError(file, f"sources.{source_id}", "has unknown keys")
        date = source.get("date")
        if date is not None and (not isinstance(date, dt.date) or isinstance(date, dt.datetime)):
            raise ParameterFileError(file, f"sources.{source_id}.date", "must be a TOML date")
    return {source_id: (source, file) for source_id, source in sources.items()}


@functools.cache
def shared_sources() -> Mapping[str, tuple[Mapping[str, Any], str]]:
    """The documents of ``data/report_citations.toml``'s ``[sources]`` (read once, cached)."""
    document, file = bundled_guidance(REPORT_FILE)
    return MappingProxyType(_sources(_table(document, "sources", file), file))


def citations(document: Mapping[str, Any], file: str) -> dict[str, Citation]:
    """Every ``[citations.<id>]`` of a guidance file as a :class:`Citation`, by id."""
    own = _sources(_table(document, "sources", file), file) if "sources" in document else {}
    sources = {**shared_sources(), **own}
    found: dict[str, Citation] = {}
    for cite_id, entry in _table(document, "citations", file).items():
        path = f"citations.{cite_id}"
        if not isinstance(entry, Mapping) or set(entry) - _CITATION_KEYS:
            raise ParameterFileError(file, path, "has unknown keys")
        source_id = text(entry, "source", file, path)
        if source_id not in sources:
            raise ParameterFileError(file, f"{path}.source", f"names no source {source_id!r}")
        verified = tomlfile.flag(entry, "verified", file=file, path=path)
        source, source_file = sources[source_id]
        found[cite_id] = Citation(
            title=text(source, "title", source_file, f"sources.{source_id}"),
            publisher=source.get("publisher"),
            url=source.get("url"),
            reference=text(entry, "reference", file, path),
            date=source.get("date"),
            verified=verified,
        )
    return found


def rules(
    document: Mapping[str, Any], cites: Mapping[str, Citation], file: str
) -> dict[str, tuple[Severity, tuple[Citation, ...]]]:
    """The ``[rules.<rule id>]`` tables: each rule's severity and the passages it cites."""
    table = document.get("rules")
    if not isinstance(table, Mapping):
        raise ParameterFileError(file, "rules", "must be a table")
    return {
        rule_id: (
            severity(entry, "severity", file, f"rules.{rule_id}"),
            cited(entry.get("citations"), cites, file, f"rules.{rule_id}.citations"),
        )
        for rule_id, entry in table.items()
    }


def cited(ids: object, table: Mapping[str, Citation], file: str, path: str) -> tuple[Citation, ...]:
    """Resolve a list of citation ids; an unknown id is an error naming where it was used."""
    if not isinstance(ids, Sequence) or isinstance(ids, str) or not ids:
        raise ParameterFileError(file, path, "must be a non-empty list of citation ids")
    resolved = []
    for index, cite_id in enumerate(ids):
        if not isinstance(cite_id, str):
            raise ParameterFileError(file, f"{path}[{index}]", "must be a citation id (text)")
        if cite_id not in table:
            raise ParameterFileError(file, f"{path}[{index}]", f"names no citation {cite_id!r}")
        resolved.append(table[cite_id])
    return tuple(resolved)
