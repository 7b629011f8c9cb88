"""The "What to do first" block: the findings a coordinator acts on, before the evidence.

A report opens with this block: the problems, then the matters to refer to another body for a
decision, then the questions nobody has answered yet, then the warnings (the order of
:data:`~participatory.render.words.FIRST_ORDER`), each with what to do and the section it
comes from. A finding that says what to do (its actions) gives its first action; any other
gets the plain step for its severity.

**Withheld findings still count.** A finding about a person's own circumstances (their
benefits, health or safeguarding) is not shown, but it is not lost either: the block has one
line per person, naming them only by their number in the project file's list of people
("Contributor 2 of 4: 1 problem, 2 warnings about their own circumstances"), listed under the
most pressing of their severities, so the coordinator can follow up privately. The line
never says which benefit, how much, or what condition: only how many findings of each
severity, and the sections they sit in. A withheld finding about no listed contributor is
counted on one line for "people not listed as contributors".

So every finding at a severity the block lists is counted in it exactly once: for each of
those severities, the block's count equals the report's.

>>> import datetime as dt
>>> from participatory.assessment.report import Area, GovernanceReport, ReportSection
>>> from participatory.core.explain import Finding, Severity
>>> from participatory.render.view import build_view
>>> over = Finding("BEN-X", Severity.PROBLEM, "assessment.no_payments_for_benefits",
...                {"contributor": "Sam"}, sensitive=True, subject="sam")
>>> report = GovernanceReport("p", "River watch", dt.date(2026, 11, 25),
...     sections=[ReportSection(Area.BENEFITS, findings=[over])], contributors=["ash", "sam"])
>>> block = build_view(report, locale="en_GB", include_sensitive=False).first
>>> step = block.groups[0].steps[0]
>>> print(step.text)
Contributor 2 of 2: 1 problem about their own circumstances, withheld from this report.
>>> step.counts
((<Severity.PROBLEM: 'problem'>, 1),)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Final, Protocol

import attrs

from participatory.assessment.report import Area, GovernanceReport
from participatory.core.explain import Severity
from participatory.core.record import Record
from participatory.render.chrome import severity_label, summary, word
from participatory.render.templates import template
from participatory.render.text import printable
from participatory.render.words import FIRST_ORDER

__all__ = [
    "FIRST_ANCHOR",
    "FirstGroup",
    "FirstStep",
    "FirstSteps",
    "SectionLink",
    "ShownFinding",
    "first_steps",
    "section_anchor",
]

#: The anchor (HTML id, Markdown link target) of the "What to do first" block.
FIRST_ANCHOR: Final = "h-first"


def section_anchor(area: Area) -> str:
    """The anchor of an area's section (``h-payments``), the same in every format."""
    return f"h-{area.value}"


@attrs.frozen
class SectionLink(Record):
    """A section a step comes from: its heading and its anchor."""

    area: Area
    heading: str = attrs.field(converter=printable)
    anchor: str = attrs.field(converter=printable)


@attrs.frozen
class FirstStep(Record):
    """One line of "What to do first": what it is about, what to do, and where to read more.

    For a shown finding, ``text`` is its sentence and ``rule_id`` its rule. For a person's
    withheld findings (``withheld``), ``text`` names them only by ``contributor``, their
    number in the project's list of ``contributors`` people (``None`` for people not listed),
    and ``counts`` says how many withheld findings of each severity the block lists they have.
    """

    severity: Severity
    severity_label: str = attrs.field(converter=printable)
    text: str = attrs.field(converter=printable)
    #: What to do, as a sentence.
    action: str = attrs.field(converter=printable)
    #: ``action`` introduced ("What to do: ...").
    do: str = attrs.field(converter=printable)
    sections: tuple[SectionLink, ...] = attrs.field()
    #: The sections named in words ("See Benefits, Safeguarding and wellbeing.").
    see: str = attrs.field(converter=printable)
    rule_id: str | None = None
    withheld: bool = False
    contributor: int | None = None
    contributors: int | None = None
    counts: tuple[tuple[Severity, int], ...] = ()


@attrs.frozen
class FirstGroup(Record):
    """The steps of one severity, under its heading ("Problems")."""

    severity: Severity
    heading: str = attrs.field(converter=printable)
    steps: tuple[FirstStep, ...] = attrs.field()


@attrs.frozen
class FirstSteps(Record):
    """The whole block: its heading, its groups in order, or a sentence saying there is none."""

    heading: str = attrs.field(converter=printable)
    groups: tuple[FirstGroup, ...] = attrs.field()
    #: "Nothing needs acting on first." when no group has a step, else empty.
    nothing: str = attrs.field(converter=printable, default="")
    anchor: str = FIRST_ANCHOR

    @property
    def steps(self) -> tuple[FirstStep, ...]:
        """Every step, group by group."""
        return tuple(step for group in self.groups for step in group.steps)

    def count(self, severity: Severity) -> int:
        """How many findings of ``severity`` the block counts (shown or withheld)."""
        total = 0
        for step in self.steps:
            if step.withheld:
                total += dict(step.counts).get(severity, 0)
            elif step.severity is severity:
                total += 1
        return total


class ShownFinding(Protocol):
    """What the block needs of a shown finding (a :class:`~participatory.render.view.FindingView`).

    A protocol, so this module need not import the view (which imports it).
    """

    @property
    def rule_id(self) -> str:
        """The finding's rule."""

    @property
    def severity(self) -> Severity:
        """The finding's severity."""

    @property
    def sentence(self) -> str:
        """The finding in words."""

    @property
    def actions(self) -> tuple[str, ...]:
        """What the finding asks for, as sentences."""


class _StepWords:
    """The words the block's steps repeat, each put in words once per block.

    Many steps share a severity, an action and the sections they point to (every late
    payment says "See Payments."): each is looked up and filled once, then reused. Lives
    as long as one call of :func:`first_steps`; at most one entry per severity, action and
    list of sections the block uses.
    """

    def __init__(self, locale: str) -> None:
        self.locale = locale
        self.labels: dict[Severity, str] = {}
        self.do: dict[str, str] = {}
        self.see: dict[tuple[SectionLink, ...], str] = {}

    def label(self, severity: Severity) -> str:
        found = self.labels.get(severity)
        if found is None:
            found = self.labels[severity] = severity_label(severity, self.locale)
        return found

    def what_to_do(self, action: str) -> str:
        found = self.do.get(action)
        if found is None:
            found = self.do[action] = word("render.first.do", self.locale, action=action)
        return found

    def where(self, links: tuple[SectionLink, ...]) -> str:
        found = self.see.get(links)
        if found is None:
            headings = ", ".join(link.heading for link in links)
            found = self.see[links] = word("render.first.see", self.locale, sections=headings)
        return found


def _step(
    severity: Severity,
    text: str,
    action: str,
    links: tuple[SectionLink, ...],
    words: _StepWords,
    shown: list[str],
    *,
    rule_id: str | None = None,
    withheld: bool = False,
    contributor: int | None = None,
    contributors: int | None = None,
    counts: tuple[tuple[Severity, int], ...] = (),
) -> FirstStep:
    """One step: a shown finding's (``rule_id``), or a person's withheld findings' counts."""
    shown.append(template("render.first.do"))
    shown.append(template("render.first.see"))
    return FirstStep(
        severity=severity,
        severity_label=words.label(severity),
        text=text,
        action=action,
        do=words.what_to_do(action),
        sections=links,
        see=words.where(links),
        rule_id=rule_id,
        withheld=withheld,
        contributor=contributor,
        contributors=contributors,
        counts=counts,
    )


def _withheld_steps(
    report: GovernanceReport,
    links: Mapping[Area, SectionLink],
    words: _StepWords,
    shown: list[str],
) -> list[FirstStep]:
    """One step per person with withheld findings the block lists, contributors by number."""
    locale = words.locale
    listed = frozenset(FIRST_ORDER)
    number = {person: index for index, person in enumerate(report.contributors, start=1)}
    counts: dict[int | None, Counter[Severity]] = {}
    areas: dict[int | None, dict[Area, None]] = {}
    for section in report.sections:
        for finding in section.findings:
            if not finding.sensitive or finding.severity not in listed:
                continue
            who = number.get(finding.subject) if finding.subject is not None else None
            counts.setdefault(who, Counter())[finding.severity] += 1
            areas.setdefault(who, {})[section.area] = None
    steps = []
    # Contributors in the file's order, then everyone not listed.
    for who in sorted(counts, key=lambda n: (n is None, n or 0)):
        found = counts[who]
        worst = next(severity for severity in FIRST_ORDER if found[severity])
        described = summary({severity: found[severity] for severity in FIRST_ORDER}, locale)
        values: dict[str, str] = {}
        if who is None:
            key, do_key = "render.first.others", "render.first.do.others"
        else:
            key, do_key = "render.first.contributor", "render.first.do.contributor"
            values = {"number": str(who), "total": str(len(report.contributors))}
        shown += [template(key), template(do_key)]
        steps.append(
            _step(
                worst,
                word(key, locale, counts=described, **values),
                word(do_key, locale),
                tuple(links[area] for area in areas[who]),
                words,
                shown,
                withheld=True,
                contributor=who,
                contributors=None if who is None else len(report.contributors),
                counts=tuple((s, found[s]) for s in FIRST_ORDER if found[s]),
            )
        )
    return steps


def first_steps(
    report: GovernanceReport,
    shown_findings: Mapping[Area, Iterable[ShownFinding]],
    links: Mapping[Area, SectionLink],
    *,
    locale: str,
    include_sensitive: bool,
    shown: list[str],
) -> FirstSteps:
    """The block for ``report``: ``shown_findings`` are the findings shown, by area.

    Unless ``include_sensitive``, the sensitive findings of ``report`` are withheld (not in
    ``shown_findings``) and counted per person. Appends each English template it uses to
    ``shown``.
    """
    listed = frozenset(FIRST_ORDER)
    by_severity: dict[Severity, list[FirstStep]] = {severity: [] for severity in FIRST_ORDER}
    words = _StepWords(locale)
    plain_steps: dict[Severity, str] = {}  # the step for a severity, for findings without one
    for area, findings in shown_findings.items():
        for finding in findings:
            severity = finding.severity
            if severity not in listed:
                continue
            if finding.actions:
                action = finding.actions[0]
            else:
                action_key = f"render.first.do.{severity.value}"
                shown.append(template(action_key))
                known = plain_steps.get(severity)
                if known is None:
                    known = plain_steps[severity] = word(action_key, locale)
                action = known
            by_severity[severity].append(
                _step(severity, finding.sentence, action, (links[area],), words, shown,
                      rule_id=finding.rule_id)
            )  # fmt: skip
    for step in () if include_sensitive else _withheld_steps(report, links, words, shown):
        by_severity[step.severity].append(step)
    groups = []
    for severity in FIRST_ORDER:
        if by_severity[severity]:
            shown.append(template(f"render.first.{severity.value}"))
            groups.append(
                FirstGroup(
                    severity,
                    word(f"render.first.{severity.value}", locale),
                    tuple(by_severity[severity]),
                )
            )
    shown.append(template("render.first"))
    nothing = ""
    if not groups:
        shown.append(template("render.first.none"))
        nothing = word("render.first.none", locale)
    return FirstSteps(word("render.first", locale), tuple(groups), nothing)
