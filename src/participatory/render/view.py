"""A report's words, decided once for every format: what each renderer lays out.

:func:`build_view` turns a :class:`~participatory.assessment.report.GovernanceReport` into
translated, formatted text in one locale, with sensitive values already withheld, so the
text, Markdown, HTML and JSON renderers only arrange it and can never disagree, or leak.

Unless ``include_sensitive`` is true, a sensitive finding is not shown at all, not even
redacted: its sentence, rule, actions and sources would still say what it is about ("over
Carer's Allowance's earnings limit"). Each section says instead, once per person, how
many findings about their own circumstances it withholds (:attr:`SectionView.withheld`),
and leaves sensitive figures out of its table. The section's summary still counts every
finding, so the totals stay honest.

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

import attrs

from participatory.assessment.report import Area, Figure, GovernanceReport, ReportSection
from participatory.core.explain import Citation, Finding, Severity
from participatory.render.chrome import (
    heading,
    severity_label,
    summary,
    word,
)
from participatory.render.i18n import untranslated
from participatory.render.templates import template
from participatory.render.text import action_sentence, format_value, redacted, sentence, text
from participatory.render.words import WITHHELD_MANY, WITHHELD_ONE

__all__ = [
    "FigureView",
    "FindingView",
    "Labels",
    "ReportView",
    "SectionView",
    "SourceView",
    "build_view",
    "language_tag",
]


@attrs.frozen
class FindingView:
    """One finding as shown: its severity in words, its sentence and its source numbers."""

    rule_id: str
    severity: Severity
    severity_label: str
    sentence: str
    actions: tuple[str, ...]
    sources: tuple[int, ...]
    #: Always false: a withheld finding is not shown as a FindingView at all, but counted
    #: in :attr:`SectionView.withheld` (kept so code reading the field keeps working).
    withheld: bool


@attrs.frozen
class FigureView:
    """One figure as shown: its label and its formatted value (or the withheld marker)."""

    label: str
    value: str
    withheld: bool


@attrs.frozen
class SourceView:
    """One numbered source of a section."""

    number: int
    title: str
    publisher: str | None
    url: str | None
    reference: str | None
    date: str | None
    verified: bool
    verified_label: str

    def details(self) -> str:
        """Everything but the URL and verified label, as one line of text."""
        parts = [self.title, self.publisher, self.reference, self.date]
        return ", ".join(part for part in parts if part)


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
    sources: tuple[SourceView, ...]
    #: One sentence per person whose findings are withheld, saying how many (in order of
    #: each person's most serious withheld finding). Empty when nothing is withheld.
    withheld: tuple[str, ...] = ()
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


def language_tag(locale: str) -> str:
    """The BCP 47 tag for an HTML ``lang`` attribute (``en_GB`` → ``en-GB``)."""
    return locale.replace("_", "-")


def _by_severity(findings: tuple[Finding, ...]) -> list[Finding]:
    # Most serious first; a stable sort keeps each engine's own order within a severity.
    return sorted(findings, key=lambda f: -f.severity.rank)


def _source(number: int, citation: Citation, locale: str) -> SourceView:
    return SourceView(
        number=number,
        title=citation.title,
        publisher=citation.publisher,
        url=citation.url,
        reference=citation.reference,
        date=(
            word("render.dated", locale, date=format_value(citation.date, locale))
            if citation.date
            else None
        ),
        verified=citation.verified,
        verified_label=word(
            "render.verified" if citation.verified else "render.not_verified", locale
        ),
    )


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
    section: ReportSection, locale: str, include_sensitive: bool, shown: list[str]
) -> SectionView:
    """The section in ``locale``; appends each English template it shows to ``shown``."""
    numbers: dict[Citation, int] = {}
    findings: list[FindingView] = []
    actions: list[str] = []
    # Withheld findings by subject (None: a finding about no one named), most serious first.
    withheld: Counter[str | None] = Counter()
    for finding in _by_severity(section.findings):
        if finding.sensitive and not include_sensitive:
            withheld[finding.subject] += 1
            continue
        refs = [numbers.setdefault(c, len(numbers) + 1) for c in finding.all_citations()]
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
                sources=tuple(dict.fromkeys(refs)),
                withheld=False,
            )
        )
    figures = [f for f in section.figures if include_sensitive or not f.sensitive]
    shown.extend(template(f.label_key) for f in figures)
    notes = []
    for count in withheld.values():
        key = WITHHELD_ONE if count == 1 else WITHHELD_MANY
        shown.append(template(key))
        notes.append(word(key, locale, count=count))
    # Every finding is counted, shown or withheld: the totals stay honest.
    counts = Counter(f.severity for f in section.findings)
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
        sources=tuple(_source(n, c, locale) for c, n in numbers.items()),
        withheld=tuple(notes),
        withheld_figures=len(section.figures) - len(figures),
    )


def build_view(report: GovernanceReport, *, locale: str, include_sensitive: bool) -> ReportView:
    """Every word of ``report`` in ``locale``; sensitive values withheld unless asked for."""
    shown: list[str] = []
    sections = tuple(_section(s, locale, include_sensitive, shown) for s in report.sections)
    notices: list[str] = []
    # English needs no notice: its templates are the text.
    missing = len(untranslated(shown, locale)) if locale != "en_GB" else 0
    if missing:
        notices.append(word("render.untranslated", locale, count=missing))
    if any(s.withheld or s.withheld_figures for s in sections) or any(
        g.withheld for s in sections for g in s.figures
    ):
        notices.append(word("render.withheld", locale))
    counts = Counter(f.severity for f in report.findings)
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
    )
