"""The "What to do first" block: the findings a coordinator acts on, before the evidence.

A report opens with this block: the problems, then the matters to refer to another body for a
decision, then the questions nobody has answered yet, then the warnings (the order of
:data:`~participatory.render.words.FIRST_ORDER`), each with what to do and the section it
comes from. A finding that says what to do (its actions) gives its first action; any other
gets the plain step for its severity.

**Withheld findings still count, all together.** A finding about a person's own
circumstances (their benefits, health or safeguarding) is not shown, but it is not lost
either: the block has one line for every such finding at a severity it lists ("Withheld from
this report: 4 problems, 3 warnings about people's own circumstances."), under the most
pressing of their severities, saying to produce the private copy that shows them. The line
never says whose they are (no name, no number in the list of people, not even how many
people), nor what they are about (no section): the copy it is in gets shared with partners
and funders, and "Contributor 2 of 4 ... See Benefits" would tell them who claims a benefit.
The copy that includes people's own values (``include_sensitive``) shows each finding in
full instead, under its severity, and has no such line.

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
Withheld from this report: 1 problem about people's own circumstances.
>>> step.counts, step.sections, step.see
(((<Severity.PROBLEM: 'problem'>, 1),), (), '')
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

    For a shown finding, ``text`` is its sentence and ``rule_id`` its rule. The one step for
    the withheld findings (``withheld``) says only how many of each severity the block lists
    there are (``counts``): it names no one and links no section (``sections`` is empty and
    ``see`` too), since either would say whose circumstances they are or what about.
    """

    severity: Severity
    severity_label: str = attrs.field(converter=printable)
    text: str = attrs.field(converter=printable)
    #: What to do, as a sentence.
    action: str = attrs.field(converter=printable)
    #: ``action`` introduced ("What to do: ...").
    do: str = attrs.field(converter=printable)
    sections: tuple[SectionLink, ...] = attrs.field()
    #: The sections named in words ("See Benefits, Safeguarding and wellbeing."); empty for
    #: the withheld findings' step.
    see: str = attrs.field(converter=printable)
    rule_id: str | None = None
    withheld: bool = False
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
        if not links:
            return ""
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
    counts: tuple[tuple[Severity, int], ...] = (),
) -> FirstStep:
    """One step: a shown finding's (``rule_id``), or the withheld findings' counts."""
    shown.append(template("render.first.do"))
    if links:
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
        counts=counts,
    )


def _withheld_step(
    report: GovernanceReport, words: _StepWords, shown: list[str]
) -> FirstStep | None:
    """One step counting every withheld finding the block lists, by severity; None if none.

    Counted across the whole report, so neither whose findings they are nor their sections
    shape the step: only how many there are of each severity.
    """
    listed = frozenset(FIRST_ORDER)
    found = Counter(
        finding.severity
        for section in report.sections
        for finding in section.findings
        if finding.sensitive and finding.severity in listed
    )
    if not found:
        return None
    locale = words.locale
    worst = next(severity for severity in FIRST_ORDER if found[severity])
    shown += [template("render.first.withheld"), template("render.first.do.withheld")]
    return _step(
        worst,
        word("render.first.withheld", locale, counts=summary(found, locale)),
        word("render.first.do.withheld", locale),
        (),
        words,
        shown,
        withheld=True,
        counts=tuple((s, found[s]) for s in FIRST_ORDER if found[s]),
    )


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
    ``shown_findings``) and counted together on one step. Appends each English template it uses to
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
    withheld = None if include_sensitive else _withheld_step(report, words, shown)
    if withheld is not None:
        by_severity[withheld.severity].append(withheld)
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
