"""A report's words, decided once for every format: what each renderer lays out.

:func:`build_view` turns a :class:`~participatory.assessment.report.GovernanceReport` into
translated, formatted text in one locale, with sensitive values already withheld, so the
text, Markdown, HTML and JSON renderers only arrange it and can never disagree, or leak.

**What to do first.** A view opens with :attr:`ReportView.first`
(:mod:`participatory.render.first`): the problems, matters to refer, questions to answer and
warnings, each with what to do and a link to its section.

Unless ``include_sensitive`` is true, a sensitive finding is not shown at all, not even
redacted: its sentence, rule, actions and sources would still say what it is about ("over
Carer's Allowance's earnings limit"). Nor is it counted where it sits: a section's summary
counts only the findings the section shows, and no section says it withholds anything, since
"Benefits: 4 problems withheld" tells a reader of this copy that someone in the project
claims a benefit and is in trouble with it (in a project of one contributor, who). It still
counts, all together: the report's headline counts every finding by severity, withheld ones
included, and "What to do first" has one line for all the withheld findings it lists, by
severity, naming no one, no number of people and no section. One notice for the whole
report says that findings about people's own circumstances are withheld, and a section that
shows no finding says "nothing to act on among the findings shown" rather than "nothing to
act on". Sensitive figures are left out of the tables. Every format (text, Markdown, HTML,
JSON) discloses exactly this and no more.

**Brief.** ``build_view(..., brief=True)`` keeps "What to do first" and each section's
heading, summary and figures, and leaves out the findings, actions and sources.

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
from collections.abc import Iterable
from typing import NamedTuple

import attrs

from participatory.assessment.report import Area, Figure, GovernanceReport, ReportSection
from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.explain import Citation, Finding, ParameterUse, Severity
from participatory.core.record import Record
from participatory.core.sources import Source
from participatory.render.chrome import (
    heading,
    severity_label,
    summary,
    word,
)
from participatory.render.first import FirstSteps, SectionLink, first_steps, section_anchor
from participatory.render.i18n import untranslated
from participatory.render.templates import plural, template
from participatory.render.text import (
    _sentence_from,
    action_sentence,
    format_value,
    printable,
    redacted,
    text,
)
from participatory.render.words import FIRST_ORDER

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


# Every text of a view is made printable as the view is built (each text field converts
# with printable()), so no control character from a project file (ESC, BEL) can reach a
# terminal, a Markdown page or an HTML page, and nothing walks the finished view again.
def _optional_printable(value: str | None) -> str | None:
    return None if value is None else printable(value)


def _all_printable(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(printable(value) for value in values)


@attrs.frozen
class CitationView(Record):
    """One citation beside a finding: its short pinpoint, its document's number, verified."""

    #: The number of the cited document in the bibliography.
    number: int
    #: The catalogue key of the cited document.
    key: str = attrs.field(converter=printable)
    #: The short form: "Bath report §5.3", "UC Regs 2013 reg. 22".
    short: str = attrs.field(converter=printable)
    verified: bool = attrs.field()
    #: "verified" or "not verified", in the report's locale.
    verified_label: str = attrs.field(converter=printable)
    #: The document's short title and the pinpoint in it (``short`` is the two together).
    short_title: str = attrs.field(converter=printable, default="")
    pinpoint: str | None = attrs.field(converter=_optional_printable, default=None)


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
class FindingView(Record):
    """One finding as shown: its severity in words, its sentence and its citations."""

    rule_id: str = attrs.field(converter=printable)
    severity: Severity = attrs.field()
    severity_label: str = attrs.field(converter=printable)
    sentence: str = attrs.field(converter=printable)
    actions: tuple[str, ...] = attrs.field(converter=_all_printable)
    #: The numbers of the documents the finding cites, in the bibliography.
    sources: tuple[int, ...] = attrs.field()
    #: Always false: a withheld finding is not shown as a FindingView at all, only counted
    #: in the report's headline and "What to do first" (kept so code reading the field keeps
    #: working).
    withheld: bool = attrs.field()
    #: The finding's citations (its own, then those of the figures it used), each once.
    citations: tuple[CitationView, ...] = ()


@attrs.frozen
class FigureView(Record):
    """One figure as shown: its label and its formatted value (or the withheld marker)."""

    label: str = attrs.field(converter=printable)
    value: str = attrs.field(converter=printable)
    withheld: bool = attrs.field()


@attrs.frozen
class SourceView(Record):
    """One document of the bibliography, listed once however often it is cited.

    ``published`` is the date the document itself states, and ``read_on`` the day it was
    read for the library, each already in words ("published 18 April 2024", "read on 6
    December 2026"): a reading day is never shown as a publication date.
    """

    number: int
    key: str = attrs.field(converter=printable)
    short_title: str = attrs.field(converter=printable)
    title: str = attrs.field(converter=printable)
    author: str | None = attrs.field(converter=_optional_printable)
    publisher: str | None = attrs.field(converter=_optional_printable)
    identifier: str | None = attrs.field(converter=_optional_printable)
    url: str | None = attrs.field(converter=_optional_printable)
    published: str | None = attrs.field(converter=_optional_printable)
    read_on: str | None = attrs.field(converter=_optional_printable)
    primary: bool = attrs.field()
    #: "primary source" or "secondary source", in the report's locale.
    kind_label: str = attrs.field(converter=printable)

    def details(self) -> str:
        """Everything but the URL and the kind of source, as one line of text."""
        parts = [self.author, self.title, self.identifier, self.publisher]
        line = ", ".join(part for part in parts if part)
        if self.short_title not in {self.title, line}:
            line = f"{self.short_title}: {line}"
        dates = "; ".join(part for part in (self.published, self.read_on) if part)
        return f"{line}; {dates}" if dates else line


@attrs.frozen
class SectionView(Record):
    """One area's section, ready to lay out."""

    area: Area
    heading: str = attrs.field(converter=printable)
    summary: str = attrs.field(converter=printable)
    not_assessed: bool = attrs.field()
    findings: tuple[FindingView, ...] = attrs.field()
    actions: tuple[str, ...] = attrs.field(converter=_all_printable)
    figures: tuple[FigureView, ...] = attrs.field()
    #: The documents this section's shown findings cite, each once (numbered as in the
    #: report's bibliography).
    sources: tuple[SourceView, ...] = attrs.field()

    @property
    def anchor(self) -> str:
        """The section's anchor (an HTML id, a Markdown link target): ``h-`` and its area."""
        return section_anchor(self.area)


@attrs.frozen
class Labels(Record):
    """The sub-headings and column names every format uses."""

    findings: str = attrs.field(converter=printable)
    actions: str = attrs.field(converter=printable)
    figures: str = attrs.field(converter=printable)
    figure: str = attrs.field(converter=printable)
    value: str = attrs.field(converter=printable)
    sources: str = attrs.field(converter=printable)


@attrs.frozen
class ReportView(Record):
    """A whole report in one locale: title, notices, sections."""

    locale: str = attrs.field(converter=printable)
    language: str = attrs.field(converter=printable)
    title: str = attrs.field(converter=printable)
    as_at: str = attrs.field(converter=printable)
    summary: str = attrs.field(converter=printable)
    caveat: str = attrs.field(converter=printable)
    notices: tuple[str, ...] = attrs.field(converter=_all_printable)
    labels: Labels = attrs.field()
    sections: tuple[SectionView, ...] = attrs.field()
    #: The bibliography: every document the shown findings cite, once, in order first cited.
    sources: tuple[SourceView, ...] = ()
    #: "What to do first", shown before the sections.
    first: FirstSteps | None = None
    #: True for a brief report: the sections keep only their heading, summary and figures.
    brief: bool = False


def language_tag(locale: str) -> str:
    """The BCP 47 tag for an HTML ``lang`` attribute (``en_GB`` → ``en-GB``)."""
    return locale.replace("_", "-")


def _by_severity(findings: tuple[Finding, ...]) -> list[Finding]:
    # Most serious first; a stable sort keeps each engine's own order within a severity.
    return sorted(findings, key=lambda f: -f.severity.rank)


class _Cited(NamedTuple):
    """A list of citations put in words, with the tuples it was made from."""

    citations: tuple[Citation, ...]
    parameters: tuple[ParameterUse, ...]
    views: tuple[CitationView, ...]
    #: The numbers of the documents cited, each once, in order first cited.
    numbers: tuple[int, ...]
    #: The catalogue keys of the passages cited, each once (as keys of a dict).
    keys: dict[str, None]


class _Bibliography:
    """The documents cited so far, numbered in the order they were first cited."""

    def __init__(self, locale: str) -> None:
        self.locale = locale
        self.numbers: dict[str, int] = {}
        self.entries: dict[str, SourceView] = {}
        # Many findings cite the same passage: each is put in words once per report (so
        # this holds at most one view per distinct citation in the report).
        self.views: dict[tuple[str, str, str | None, bool], CitationView] = {}
        # Findings of one rule share their citations and parameters (the same tuples): the
        # list of views they make is worked out once per pair of tuples. Keyed by the tuples'
        # identities, each entry keeping its tuples alive so no identity is reused while
        # this lives (one call of build_view): at most one entry per distinct pair.
        self.lists: dict[tuple[int, int], _Cited] = {}

    def number(self, document: Source) -> int:
        if document.key not in self.numbers:
            self.numbers[document.key] = len(self.numbers) + 1
            self.entries[document.key] = _source(self.numbers[document.key], document, self.locale)
        return self.numbers[document.key]

    def cited(self, finding: Finding) -> _Cited:
        """The views of ``finding``'s citations, then of its parameters', each passage once."""
        citations, parameters = finding.citations, finding.parameters
        key = (id(citations), id(parameters))
        found = self.lists.get(key)
        if found is None:
            views = tuple(self.cite(c) for c in _unique(finding.all_citations()))
            found = self.lists[key] = _Cited(
                citations,
                parameters,
                views,
                tuple(dict.fromkeys(v.number for v in views)),
                dict.fromkeys(v.key for v in views),
            )
        return found

    def cite(self, citation: Citation) -> CitationView:
        # Everything the view is made of (its key and short form come from these too).
        document = citation.source
        key = (document.key, document.short_title, citation.pinpoint, citation.verified)
        view = self.views.get(key)
        if view is None:
            view = self.views[key] = self._view(citation)
        return view

    def _view(self, citation: Citation) -> CitationView:
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


class _Words:
    """The words a report repeats, each looked up once per report.

    A report of fifty contributors shows hundreds of findings made from a few dozen
    templates, severities and actions: each is put in words (template found, translated)
    the first time it is met, then reused. Holds at most one entry per template, severity
    and action the report uses, and lives as long as one call of :func:`build_view`.
    """

    def __init__(self, locale: str) -> None:
        self.locale = locale
        self.labels: dict[Severity, str] = {}
        self.templates: dict[str, str] = {}
        self.actions: dict[str, str] = {}

    def severity_label(self, severity: Severity) -> str:
        found = self.labels.get(severity)
        if found is None:
            found = self.labels[severity] = severity_label(severity, self.locale)
        return found

    def action(self, key: str) -> str:
        found = self.actions.get(key)
        if found is None:
            found = self.actions[key] = action_sentence(key, locale=self.locale)
        return found

    def sentence(self, finding: Finding, include_sensitive: bool) -> str:
        """What :func:`~participatory.render.text.sentence` gives for ``finding``."""
        if not isinstance(finding, Finding):
            raise ValidationError("finding", "must be a Finding")
        key = finding.message_key
        found = self.templates.get(key)
        if found is None:
            # The template first: an unsupported locale is refused before babel sees it.
            found = text(key, self.locale, finding.values)
            if plural(key) is None:  # a plural's form depends on the finding's own number
                self.templates[key] = found
        return _sentence_from(finding, found, self.locale, include_sensitive)


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
    words: _Words,
    brief: bool = False,
    withholding: bool = False,
) -> SectionView:
    """The section in ``locale``; appends each English template it shows to ``shown``.

    ``brief``: only the templates a brief report still shows (those of the findings "What to
    do first" lists, with their first action) count as shown. ``withholding``: the copy
    withholds findings somewhere, so a section showing none does not say "nothing to act on".
    """
    own: dict[str, None] = {}
    findings: list[FindingView] = []
    actions: list[str] = []
    # Withheld findings are left out before sorting (a stable sort keeps the shown ones in
    # the same order either way), and not counted here: a count beside this section's heading
    # would say what someone's circumstances are about.
    every = section.findings
    visible = every if include_sensitive else tuple(f for f in every if not f.sensitive)
    for finding in _by_severity(visible):
        cited, sources, keys = bibliography.cited(finding)[2:]
        own.update(keys)
        own_actions = tuple(words.action(key) for key in finding.actions)
        listed = finding.severity in FIRST_ORDER
        for index, (key, action) in enumerate(zip(finding.actions, own_actions, strict=True)):
            if action not in actions:
                actions.append(action)
                if not brief or (listed and index == 0):
                    shown.append(template(key))
        if not brief or listed:
            shown.append(template(finding.message_key))
        findings.append(
            FindingView(
                rule_id=finding.rule_id,
                severity=finding.severity,
                severity_label=words.severity_label(finding.severity),
                sentence=words.sentence(finding, include_sensitive),
                actions=own_actions,
                sources=sources,
                withheld=False,
                citations=cited,
            )
        )
    figures = [f for f in section.figures if include_sensitive or not f.sensitive]
    shown.extend(template(f.label_key) for f in figures)
    counts = Counter(f.severity for f in visible)
    if section.not_assessed:
        described = word("render.not_assessed", locale)
    elif not counts and withholding:
        described = word("render.nothing.shown", locale)
    else:
        described = summary(counts, locale)
    return SectionView(
        area=section.area,
        heading=heading(section.area, locale),
        summary=described,
        not_assessed=section.not_assessed,
        findings=tuple(findings),
        actions=tuple(actions),
        figures=tuple(_figure(f, locale, include_sensitive) for f in figures),
        sources=tuple(sorted((bibliography.entries[key] for key in own), key=lambda s: s.number)),
    )


def _brief(section: SectionView) -> SectionView:
    return attrs.evolve(section, findings=(), actions=(), sources=())


@computes_exactly
def build_view(
    report: GovernanceReport, *, locale: str, include_sensitive: bool, brief: bool = False
) -> ReportView:
    """Every word of ``report`` in ``locale``; sensitive values withheld unless asked for.

    Unless ``include_sensitive``, the words are those of the default copy
    (:meth:`GovernanceReport.shown <participatory.assessment.report.GovernanceReport.shown>`).
    ``brief`` leaves out the sections' findings, actions and sources (and so the
    bibliography): "What to do first" and the figures remain.
    """
    if not isinstance(report, GovernanceReport):
        raise ValidationError("report", "must be a GovernanceReport")
    if not isinstance(brief, bool):
        raise ValidationError("brief", "must be true or false")
    # The default copy shows the sections worked out with each safeguarding yes read as no.
    report = report.shown(include_sensitive=include_sensitive)
    shown: list[str] = []
    bibliography = _Bibliography(locale)
    words = _Words(locale)
    # The headline counts every finding, withheld ones too: a count for the whole report
    # says neither whose nor what about, and keeps "nothing to act on" off a report that
    # withholds problems.
    counts = Counter(f.severity for s in report.sections for f in s.findings)
    withholding = not include_sensitive and any(
        f.sensitive for s in report.sections for f in s.findings
    )
    withheld_figures = not include_sensitive and any(
        f.sensitive for s in report.sections for f in s.figures
    )
    sections = tuple(
        _section(s, locale, include_sensitive, shown, bibliography, words, brief, withholding)
        for s in report.sections
    )
    first = first_steps(
        report,
        {s.area: s.findings for s in sections},
        {s.area: SectionLink(s.area, s.heading, s.anchor) for s in sections},
        locale=locale,
        include_sensitive=include_sensitive,
        shown=shown,
    )
    if brief:
        sections = tuple(_brief(s) for s in sections)
    notices: list[str] = []
    # English needs no notice: its templates are the text.
    missing = len(untranslated(shown, locale)) if locale != "en_GB" else 0
    if missing:
        notices.append(word("render.untranslated", locale, count=missing))
    if withholding or withheld_figures:
        notices.append(word("render.withheld", locale))
    return ReportView(
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
        sources=() if brief else tuple(bibliography.entries.values()),
        first=first,
        brief=brief,
    )
