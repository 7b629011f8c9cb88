"""A report's words, decided once for every format: what each renderer lays out.

:func:`build_view` turns a :class:`~participatory.assessment.report.GovernanceReport` into
translated, formatted text in one locale, with sensitive values already withheld, so the
text, Markdown, HTML and JSON renderers only arrange it and can never disagree, or leak.

Unless ``include_sensitive`` is true, a sensitive finding is not shown at all, not even
redacted: its sentence, rule, actions and sources would still say what it is about ("over
Carer's Allowance's earnings limit"). Each section says instead how many findings about
people's own circumstances it withholds (:attr:`SectionView.withheld`): one count for the
section, never per person, never by severity, since whose findings they are and how serious
is itself the person's own business. It leaves sensitive figures out of its table, and its
summary counts the findings it shows. Every format (text, Markdown, HTML, JSON) discloses
exactly this and no more.

Every text in a view is printable (:func:`~participatory.render.text.printable`): a
control character in a project file (ESC, BEL) never reaches a terminal or a page.

**One bibliography.** A finding shows its citations as short pinpoints ("Bath report §5.3"),
each with the number of its document and whether it was verified. Each document the shown
findings cite is listed once (:attr:`ReportView.sources`, numbered in the order first cited;
each section also lists its own, :attr:`SectionView.sources`, for a page that shows a
bibliography per section), with the date the document states as "published" and the day it
was read as "read on". Maintainers' notes in the catalogue never reach a view.

>>> import datetime as dt
>>> from participatory.assessment.report import GovernanceReport
>>> view = build_view(GovernanceReport("p", "River watch", dt.date(2026, 11, 25)),
...                   locale="cy", include_sensitive=False)
>>> view.title
'Adroddiad llywodraethu: River watch'
>>> view.as_at
'Aseswyd fel ar 25 Tachwedd 2026.'
"""

from __future__ import annotations

from collections import Counter
from typing import TypeVar, cast

import attrs

from participatory.assessment.report import Area, Figure, GovernanceReport, ReportSection
from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.explain import Citation, Finding, Severity
from participatory.core.sources import Source
from participatory.render.chrome import (
    heading,
    severity_label,
    summary,
    word,
)
from participatory.render.i18n import untranslated
from participatory.render.templates import template
from participatory.render.text import (
    action_sentence,
    format_value,
    printable,
    redacted,
    sentence,
    text,
)
from participatory.render.words import WITHHELD_MANY, WITHHELD_ONE

_T = TypeVar("_T")

__all__ = [
    "CitationView",
    "FigureView",
    "FindingView",
    "Labels",
    "ReportView",
    "SectionView",
    "SourceView",
    "build_view",
    "cited_documents",
    "language_tag",
]


@attrs.frozen
class CitationView:
    """One citation beside a finding: its short pinpoint, its document's number, verified."""

    #: The number of the cited document in the bibliography.
    number: int
    #: The catalogue key of the cited document.
    key: str
    #: The short form: "Bath report §5.3", "UC Regs 2013 reg. 22".
    short: str
    verified: bool
    #: "verified" or "not verified", in the report's locale.
    verified_label: str
    #: The document's short title and the pinpoint in it (``short`` is the two together).
    short_title: str = ""
    pinpoint: str | None = None


def cited_documents(
    citations: tuple[CitationView, ...],
) -> tuple[tuple[CitationView, ...], ...]:
    """A finding's citations grouped by document, in the order first cited.

    A renderer shows each group once: "Bath report §2.4, §5.8" rather than the short title
    again for every pinpoint.
    """
    groups: dict[int, list[CitationView]] = {}
    for citation in citations:
        groups.setdefault(citation.number, []).append(citation)
    return tuple(tuple(group) for group in groups.values())


@attrs.frozen
class FindingView:
    """One finding as shown: its severity in words, its sentence and its citations."""

    rule_id: str
    severity: Severity
    severity_label: str
    sentence: str
    actions: tuple[str, ...]
    #: The numbers of the documents the finding cites, in the bibliography.
    sources: tuple[int, ...]
    #: Always false: a withheld finding is not shown as a FindingView at all, but counted
    #: in :attr:`SectionView.withheld` (kept so code reading the field keeps working).
    withheld: bool
    #: The finding's citations (its own, then those of the figures it used), each once.
    citations: tuple[CitationView, ...] = ()


@attrs.frozen
class FigureView:
    """One figure as shown: its label and its formatted value (or the withheld marker)."""

    label: str
    value: str
    withheld: bool


@attrs.frozen
class SourceView:
    """One document of the bibliography, listed once however often it is cited.

    ``published`` is the date the document itself states, and ``read_on`` the day it was
    read for the library, each already in words ("published 18 April 2024", "read on 6
    December 2026"): a reading day is never shown as a publication date.
    """

    number: int
    key: str
    short_title: str
    title: str
    author: str | None
    publisher: str | None
    identifier: str | None
    url: str | None
    published: str | None
    read_on: str | None
    primary: bool
    #: "primary source" or "secondary source", in the report's locale.
    kind_label: str

    def details(self) -> str:
        """Everything but the URL and the kind of source, as one line of text."""
        parts = [self.author, self.title, self.identifier, self.publisher]
        line = ", ".join(part for part in parts if part)
        if self.short_title not in {self.title, line}:
            line = f"{self.short_title}: {line}"
        dates = "; ".join(part for part in (self.published, self.read_on) if part)
        return f"{line}; {dates}" if dates else line


@attrs.frozen
class SectionView:
    """One area's section, ready to lay out."""

    area: Area
    heading: str
    summary: str
    not_assessed: bool
    findings: tuple[FindingView, ...]
    actions: tuple[str, ...]
    figures: tuple[FigureView, ...]
    #: The documents this section's shown findings cite, each once (numbered as in the
    #: report's bibliography).
    sources: tuple[SourceView, ...]
    #: One sentence saying how many of the section's findings are withheld (empty when none
    #: is): a count for the whole section, never per person or by severity.
    withheld: tuple[str, ...] = ()
    #: How many findings the section withholds.
    withheld_findings: int = 0
    #: How many sensitive figures the section left out of ``figures``.
    withheld_figures: int = 0


@attrs.frozen
class Labels:
    """The sub-headings and column names every format uses."""

    findings: str
    actions: str
    figures: str
    figure: str
    value: str
    sources: str


@attrs.frozen
class ReportView:
    """A whole report in one locale: title, notices, sections."""

    locale: str
    language: str
    title: str
    as_at: str
    summary: str
    caveat: str
    notices: tuple[str, ...]
    labels: Labels
    sections: tuple[SectionView, ...]
    #: The bibliography: every document the shown findings cite, once, in order first cited.
    sources: tuple[SourceView, ...] = ()


def language_tag(locale: str) -> str:
    """The BCP 47 tag for an HTML ``lang`` attribute (``en_GB`` → ``en-GB``)."""
    return locale.replace("_", "-")


def _by_severity(findings: tuple[Finding, ...]) -> list[Finding]:
    # Most serious first; a stable sort keeps each engine's own order within a severity.
    return sorted(findings, key=lambda f: -f.severity.rank)


class _Bibliography:
    """The documents cited so far, numbered in the order they were first cited."""

    def __init__(self, locale: str) -> None:
        self.locale = locale
        self.numbers: dict[str, int] = {}
        self.entries: dict[str, SourceView] = {}

    def number(self, document: Source) -> int:
        if document.key not in self.numbers:
            self.numbers[document.key] = len(self.numbers) + 1
            self.entries[document.key] = _source(self.numbers[document.key], document, self.locale)
        return self.numbers[document.key]

    def cite(self, citation: Citation) -> CitationView:
        return CitationView(
            number=self.number(citation.source),
            key=citation.key,
            short=citation.short,
            verified=citation.verified,
            verified_label=word(
                "render.verified" if citation.verified else "render.not_verified", self.locale
            ),
            short_title=citation.source.short_title,
            pinpoint=citation.pinpoint,
        )


def _date_words(key: str, day: object, locale: str) -> str | None:
    return None if day is None else word(key, locale, date=format_value(day, locale))


def _source(number: int, document: Source, locale: str) -> SourceView:
    return SourceView(
        number=number,
        key=document.key,
        short_title=document.short_title,
        title=document.title,
        author=document.author,
        publisher=document.publisher,
        identifier=document.identifier,
        url=document.url,
        published=_date_words("render.published", document.published, locale),
        read_on=_date_words("render.read_on", document.read_on, locale),
        primary=document.primary,
        kind_label=word("render.primary" if document.primary else "render.secondary", locale),
    )


def _unique(citations: tuple[Citation, ...]) -> list[Citation]:
    # A parameter's source and its legal reference may be one passage: show it once.
    seen: dict[tuple[str, str | None, bool], Citation] = {}
    for citation in citations:
        seen.setdefault((citation.key, citation.pinpoint, citation.verified), citation)
    return list(seen.values())


def _figure(figure: Figure, locale: str, include_sensitive: bool) -> FigureView:
    withheld = figure.sensitive and not include_sensitive
    value = (
        redacted(locale) if withheld else format_value(figure.value, locale, share=figure.is_share)
    )
    label = text(figure.label_key, locale)
    if figure.subject:
        label = f"{label} ({figure.subject})"
    return FigureView(label=label, value=value, withheld=withheld)


def _section(
    section: ReportSection,
    locale: str,
    include_sensitive: bool,
    shown: list[str],
    bibliography: _Bibliography,
) -> SectionView:
    """The section in ``locale``; appends each English template it shows to ``shown``."""
    own: dict[str, None] = {}
    findings: list[FindingView] = []
    actions: list[str] = []
    # How many findings are withheld: a count for the section, never per person or by
    # severity (whose findings they are, and how serious, is the person's own business).
    withheld = 0
    for finding in _by_severity(section.findings):
        if finding.sensitive and not include_sensitive:
            withheld += 1
            continue
        cited = tuple(bibliography.cite(c) for c in _unique(finding.all_citations()))
        own.update(dict.fromkeys(c.key for c in cited))
        own_actions = tuple(action_sentence(key, locale=locale) for key in finding.actions)
        for key, action in zip(finding.actions, own_actions, strict=True):
            if action not in actions:
                actions.append(action)
                shown.append(template(key))
        shown.append(template(finding.message_key))
        findings.append(
            FindingView(
                rule_id=finding.rule_id,
                severity=finding.severity,
                severity_label=severity_label(finding.severity, locale),
                sentence=sentence(finding, locale=locale, include_sensitive=include_sensitive),
                actions=own_actions,
                sources=tuple(dict.fromkeys(c.number for c in cited)),
                withheld=False,
                citations=cited,
            )
        )
    figures = [f for f in section.figures if include_sensitive or not f.sensitive]
    shown.extend(template(f.label_key) for f in figures)
    notes = []
    if withheld:
        key = WITHHELD_ONE if withheld == 1 else WITHHELD_MANY
        shown.append(template(key))
        notes.append(word(key, locale, count=withheld))
    # The summary counts the findings shown; the withheld ones are counted in their note.
    counts = Counter(f.severity for f in section.findings if include_sensitive or not f.sensitive)
    return SectionView(
        area=section.area,
        heading=heading(section.area, locale),
        summary=(
            word("render.not_assessed", locale) if section.not_assessed else summary(counts, locale)
        ),
        not_assessed=section.not_assessed,
        findings=tuple(findings),
        actions=tuple(actions),
        figures=tuple(_figure(f, locale, include_sensitive) for f in figures),
        sources=tuple(sorted((bibliography.entries[key] for key in own), key=lambda s: s.number)),
        withheld=tuple(notes),
        withheld_findings=withheld,
        withheld_figures=len(section.figures) - len(figures),
    )


@computes_exactly
def build_view(report: GovernanceReport, *, locale: str, include_sensitive: bool) -> ReportView:
    """Every word of ``report`` in ``locale``; sensitive values withheld unless asked for."""
    if not isinstance(report, GovernanceReport):
        raise ValidationError("report", "must be a GovernanceReport")
    shown: list[str] = []
    bibliography = _Bibliography(locale)
    sections = tuple(
        _section(s, locale, include_sensitive, shown, bibliography) for s in report.sections
    )
    notices: list[str] = []
    # English needs no notice: its templates are the text.
    missing = len(untranslated(shown, locale)) if locale != "en_GB" else 0
    if missing:
        notices.append(word("render.untranslated", locale, count=missing))
    if any(s.withheld or s.withheld_figures for s in sections) or any(
        g.withheld for s in sections for g in s.figures
    ):
        notices.append(word("render.withheld", locale))
    counts = Counter(f.severity for f in report.findings if include_sensitive or not f.sensitive)
    view = ReportView(
        locale=locale,
        language=language_tag(locale),
        title=word("render.title", locale, title=report.project_title),
        as_at=word("render.as_at", locale, date=format_value(report.as_at, locale)),
        summary=word("render.overall", locale, summary=summary(counts, locale)),
        caveat=word("render.caveat", locale),
        notices=tuple(notices),
        labels=Labels(
            findings=word("render.findings", locale),
            actions=word("render.actions", locale),
            figures=word("render.figures", locale),
            figure=word("render.figure", locale),
            value=word("render.value", locale),
            sources=word("render.sources", locale),
        ),
        sections=sections,
        sources=tuple(bibliography.entries.values()),
    )
    # Every word shown passes through here: no control character from a project file (ESC,
    # BEL) can reach a terminal, a Markdown page or an HTML page.
    cleaned: ReportView = _printable(view)
    return cleaned


def _printable(value: _T) -> _T:
    """``value`` (a view, or any part of one) with every text in it made printable."""
    if isinstance(value, str):
        return printable(value)  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(_printable(item) for item in value)  # type: ignore[return-value]
    if attrs.has(type(value)):
        fields = attrs.fields(cast("type[attrs.AttrsInstance]", type(value)))
        changes = {f.name: _printable(getattr(value, f.name)) for f in fields}
        return attrs.evolve(value, **changes)  # type: ignore[misc]
    return value
