"""Reading the guidance data files of the safeguarding, timeline, evaluation and readiness engines.

Those engines keep what they expect, and why, in TOML beside the code. Each file names its
sources once (``[sources.<id>]``) and the passages its rules cite (``[citations.<id>]``), so a
finding's citation is data a reviewer can check against the source, never a string in Python::

    [sources.bath_2022]
    title = "Participatory Research benchmarking report (ParticipatoryResearch@Bath)"
    publisher = "University of Bath; report by Jenny Jopson, Public Engagement Consultant"
    date = 2022-07-01

    [citations.partners_sensitive]
    source = "bath_2022"
    reference = "section 2.5 Work with partners, p. 3"
    quote = "If a project involves sensitive issues or vulnerable groups ..."
    verified = true

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
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from importlib import resources
from typing import Any, Final

from participatory.core.errors import ParameterFileError
from participatory.core.explain import Citation, Finding, ParameterUse, Severity

__all__ = [
    "bundled_guidance",
    "citations",
    "cited",
    "finding",
    "findings_field",
    "parse_guidance",
    "severity",
    "text",
]

_SOURCE_KEYS: Final = frozenset({"title", "publisher", "url", "date", "note"})
_CITATION_KEYS: Final = frozenset({"source", "reference", "quote", "summary", "verified", "note"})


def parse_guidance(raw: str, file: str) -> Mapping[str, Any]:
    """Parse a guidance file's TOML, naming the file in any error."""
    try:
        return tomllib.loads(raw, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise ParameterFileError(file, "", f"is not valid TOML ({error})") from None


def bundled_guidance(name: str) -> tuple[Mapping[str, Any], str]:
    """One bundled guidance file (``data/<name>``), parsed, with its package path."""
    file = f"participatory/data/{name}"
    raw = (resources.files("participatory") / "data" / name).read_text("utf-8")
    return parse_guidance(raw, file), file


def text(table: Mapping[str, Any], key: str, file: str, path: str) -> str:
    """A required non-empty string."""
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


def citations(document: Mapping[str, Any], file: str) -> dict[str, Citation]:
    """Every ``[citations.<id>]`` of a guidance file as a :class:`Citation`, by id."""
    sources = _table(document, "sources", file)
    for source_id, source in sources.items():
        if not isinstance(source, Mapping) or set(source) - _SOURCE_KEYS:
            raise ParameterFileError(file, f"sources.{source_id}", "has unknown keys")
        date = source.get("date")
        if date is not None and (not isinstance(date, dt.date) or isinstance(date, dt.datetime)):
            raise ParameterFileError(file, f"sources.{source_id}.date", "must be a TOML date")
    found: dict[str, Citation] = {}
    for cite_id, entry in _table(document, "citations", file).items():
        path = f"citations.{cite_id}"
        if not isinstance(entry, Mapping) or set(entry) - _CITATION_KEYS:
            raise ParameterFileError(file, path, "has unknown keys")
        source_id = text(entry, "source", file, path)
        source = sources.get(source_id)
        if source is None:
            raise ParameterFileError(file, f"{path}.source", f"names no source {source_id!r}")
        verified = entry.get("verified")
        if not isinstance(verified, bool):
            raise ParameterFileError(file, f"{path}.verified", "must be true or false")
        found[cite_id] = Citation(
            title=text(source, "title", file, f"sources.{source_id}"),
            publisher=source.get("publisher"),
            url=source.get("url"),
            reference=text(entry, "reference", file, path),
            date=source.get("date"),
            verified=verified,
        )
    return found


def cited(ids: object, table: Mapping[str, Citation], file: str, path: str) -> tuple[Citation, ...]:
    """Resolve a list of citation ids; an unknown id is an error naming where it was used."""
    if not isinstance(ids, Sequence) or isinstance(ids, str) or not ids:
        raise ParameterFileError(file, path, "must be a non-empty list of citation ids")
    resolved = []
    for index, cite_id in enumerate(ids):
        if cite_id not in table:
            raise ParameterFileError(file, f"{path}[{index}]", f"names no citation {cite_id!r}")
        resolved.append(table[cite_id])
    return tuple(resolved)


def finding(
    rule_id: str,
    severity: Severity,
    message_key: str,
    values: Mapping[str, object] | None = None,
    *,
    citations: Iterable[Citation] = (),
    parameters: Iterable[ParameterUse] = (),
    actions: Iterable[str] = (),
    sensitive: bool = False,
    subject: str | None = None,
) -> Finding:
    """A :class:`Finding`, with arguments typed for ``mypy --strict``.

    ``Finding``'s generic ``tuple`` converters are not understood by the attrs mypy plugin,
    so call sites go through here.
    """
    extra: dict[str, Any] = {
        "citations": tuple(citations),
        "parameters": tuple(parameters),
        "actions": tuple(actions),
        "sensitive": sensitive,
        "subject": subject,
    }
    return Finding(rule_id, severity, message_key, dict(values or {}), **extra)


def findings_field(findings: Iterable[Finding]) -> dict[str, Any]:
    """Keyword arguments setting an ``Explained`` result's findings."""
    return {"findings": tuple(findings)}
