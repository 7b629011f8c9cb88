"""A report as JSON for other systems: the report's data plus its sentences in a locale.

The data is :func:`participatory.core.serialise.unstructure` of the report (money as
strings, dates ISO, sensitive values withheld unless asked for). Each section also carries
its heading and summary, each finding its sentence, severity label and actions in words,
and each figure its label and formatted value, all in the report's locale. Unless
``include_sensitive`` is true, a sensitive finding or figure is not listed at all, nor
counted in its section (a section's ``summary`` counts what it shows): exactly what the
text, Markdown and HTML reports disclose, and no person id, subject or section of anything
withheld. The report's ``summary`` counts every finding, and ``first`` has one item counting
all the withheld findings it lists by severity; ``notices`` says findings are withheld. Output is
deterministic: keys sorted, no timestamps, nothing read from the environment, so the same
report gives the same bytes anywhere.

``first`` is "What to do first" as a list, most pressing first: each step's ``severity``,
``text``, ``action``, the ``sections`` it points to (area, heading, anchor) and, for a
shown finding, its ``rule_id``; for the one item about withheld findings, ``withheld`` is
true, ``sections`` is empty and ``counts`` gives how many of each severity there are, and
nothing else about them. A brief report (``brief=True``) lists no findings (each
section keeps its heading, summary and figures) and no sources.

Citations are compact: a finding's ``citations`` (and each parameter's ``source`` and
``reference``) are ``{"source": key, "pinpoint": ..., "verified": ...}``, and the report
carries one ``sources`` table, keyed by catalogue key, describing each document cited once
(title, author, publisher, identifier, url, published, read_on, primary, number). The
catalogue's maintainers' notes are never included.

>>> import datetime as dt
>>> from participatory.assessment.report import GovernanceReport
>>> from participatory.render.view import build_view
>>> report = GovernanceReport("p", "River watch", dt.date(2026, 11, 25))
>>> data = json.loads(render_json(
...     report, build_view(report, locale="cy", include_sensitive=False), include_sensitive=False))
>>> data["as_at"], data["as_at_text"]
('2026-11-25', 'Aseswyd fel ar 25 Tachwedd 2026.')
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from participatory.assessment.report import GovernanceReport
from participatory.core.errors import ValidationError
from participatory.core.explain import Finding, ParameterUse
from participatory.core.serialise import unstructure
from participatory.core.sources import Citation, Source
from participatory.render.chrome import severity_label, word
from participatory.render.first import FirstStep, FirstSteps
from participatory.render.text import action_sentence, printable, sentence
from participatory.render.view import ReportView

__all__ = [
    "FORMAT_VERSION",
    "citation_data",
    "document_data",
    "documents_data",
    "finding_sources",
    "first_data",
    "parameter_data",
    "render_json",
]

#: Bumped when a field is renamed or removed (adding fields keeps the version). Version 2:
#: citations are catalogue references, described once in the report's ``sources`` table.
#: Version 3: withheld findings and figures are no longer listed (not even their severity
#: or subject), only counted per section (``withheld_findings``, ``withheld_figures``).
#: Version 4: the severity ``question`` (a fact nobody has given yet; the UK Standards items
#: that were ``refer``), "What to do first" (``first``), and a section's ``summary`` counts
#: its withheld findings too. Version 5: no section counts or mentions its withheld findings
#: or figures (``withheld``, ``withheld_findings`` and ``withheld_figures`` are gone, and a
#: section's ``summary`` counts only what it shows), and ``first`` has one item for all the
#: withheld findings, without ``contributor`` or ``contributors``.
FORMAT_VERSION: Final = 5

_SURROGATES: Final = re.compile("[\ud800-\udfff]")


def citation_data(citation: Citation) -> dict[str, Any]:
    """A citation as JSON data: its document's catalogue key, pinpoint and verification."""
    return {"source": citation.key, "pinpoint": citation.pinpoint, "verified": citation.verified}


def parameter_data(use: ParameterUse) -> dict[str, Any]:
    """A parameter read as JSON data, its source and legal reference as compact citations."""
    data: dict[str, Any] = unstructure(use)
    data["source"] = citation_data(use.source)
    data["reference"] = None if use.reference is None else citation_data(use.reference)
    return data


def finding_sources(finding: Finding, data: dict[str, Any]) -> None:
    """Replace a (shown) finding's unstructured citations and parameters by compact ones."""
    data["citations"] = [citation_data(c) for c in finding.citations]
    data["parameters"] = [parameter_data(use) for use in finding.parameters]


def document_data(document: Source) -> dict[str, Any]:
    """A catalogue document as JSON data: never its maintainers' note."""
    return {
        "short_title": document.short_title,
        "title": document.title,
        "author": document.author,
        "publisher": document.publisher,
        "identifier": document.identifier,
        "url": document.url,
        "primary": document.primary,
        "published": None if document.published is None else document.published.isoformat(),
        "read_on": None if document.read_on is None else document.read_on.isoformat(),
    }


def documents_data(findings: Iterable[Finding]) -> dict[str, dict[str, Any]]:
    """Every document ``findings`` cite (their own and their figures'), once, by key."""
    return {
        citation.key: document_data(citation.source)
        for finding in findings
        for citation in finding.all_citations()
    }


def _step_data(step: FirstStep) -> dict[str, Any]:
    data: dict[str, Any] = {
        "severity": step.severity.value,
        "severity_label": step.severity_label,
        "text": step.text,
        "action": step.action,
        "sections": [
            {"area": link.area.value, "heading": link.heading, "anchor": link.anchor}
            for link in step.sections
        ],
        "withheld": step.withheld,
    }
    if step.withheld:
        # Counts by severity for the whole report: no name, number of a person or section.
        data["counts"] = {severity.value: count for severity, count in step.counts}
    else:
        data["rule_id"] = step.rule_id
    return data


def first_data(block: FirstSteps) -> list[dict[str, Any]]:
    """The "What to do first" block as JSON data: one item per step, in the block's order."""
    return [_step_data(step) for step in block.steps]


def _plain(value: object) -> Any:
    """A last resort for values the converter left as objects: sets sorted, others as text."""
    if isinstance(value, set | frozenset):
        return sorted(str(item) for item in value)
    return str(value)


def render_json(report: GovernanceReport, view: ReportView, *, include_sensitive: bool) -> str:
    """The report as a JSON document (UTF-8 text, keys sorted, ending with a newline)."""
    if not isinstance(report, GovernanceReport) or not isinstance(view, ReportView):
        raise ValidationError("report", "must be a GovernanceReport and its ReportView")
    # The sections ``view`` was made from (the default copy's, unless include_sensitive).
    report = report.shown(include_sensitive=include_sensitive)
    data: dict[str, Any] = unstructure(report, include_sensitive=include_sensitive)
    locale = view.locale
    data.pop("contributors", None)  # who the project's people are is not the report's to share
    data.pop("shared_sections", None)  # the sections above are those this copy shows
    for section_data, section, section_view in zip(
        data["sections"], report.sections, view.sections, strict=True
    ):
        section_data["heading"] = section_view.heading
        section_data["summary"] = section_view.summary
        # Like the other formats, a withheld finding or figure is not listed, nor counted
        # here: a count beside a section would say what someone's circumstances are about.
        shown_findings = []
        for finding_data, finding in zip(section_data["findings"], section.findings, strict=True):
            if finding_data["withheld"]:
                continue
            finding_data["severity_label"] = severity_label(finding.severity, locale)
            finding_sources(finding, finding_data)
            finding_data["sentence"] = printable(
                sentence(finding, locale=locale, include_sensitive=include_sensitive)
            )
            finding_data["action_sentences"] = [
                action_sentence(key, locale=locale) for key in finding.actions
            ]
            shown_findings.append(finding_data)
        section_data["findings"] = [] if view.brief else shown_findings
        shown_figures = []
        views = iter(section_view.figures)
        for figure_data, figure in zip(section_data["figures"], section.figures, strict=True):
            if figure.sensitive and not include_sensitive:
                continue
            figure_view = next(views)
            figure_data["withheld"] = False
            figure_data["label"] = figure_view.label
            figure_data["display"] = figure_view.value
            shown_figures.append(figure_data)
        section_data["figures"] = shown_figures
    data.update(
        {
            "format_version": FORMAT_VERSION,
            "locale": locale,
            "includes_sensitive": include_sensitive,
            "title": view.title,
            "as_at_text": view.as_at,
            "summary": view.summary,
            "caveat": view.caveat,
            "notices": list(view.notices),
            "sources": _sources(report, view),
            "brief": view.brief,
            "first_heading": view.first.heading if view.first is not None else "",
            "first": first_data(view.first) if view.first is not None else [],
            # The words a consumer needs to lay the report out itself in the same locale.
            "labels": {
                **attrs.asdict(view.labels),
                "verified": word("render.verified", locale),
                "not_verified": word("render.not_verified", locale),
            },
        }
    )
    return _dumps(data)


def _sources(report: GovernanceReport, view: ReportView) -> dict[str, Any]:
    """The bibliography keyed by catalogue key: each document shown, once, with its number."""
    documents = documents_data(f for section in report.sections for f in section.findings)
    return {
        source.key: {
            **documents[source.key],
            "number": source.number,
            "published_text": source.published,
            "read_on_text": source.read_on,
        }
        for source in view.sources
    }


def _dumps(data: Mapping[str, Any]) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2, default=_plain)
    if not text.isascii() and _SURROGATES.search(text):
        # A lone surrogate (from a caller's own text: files are refused one) cannot be
        # written as UTF-8: escape everything, which JSON allows and round-trips exactly.
        text = json.dumps(data, sort_keys=True, ensure_ascii=True, indent=2, default=_plain)
    return text + "\n"
