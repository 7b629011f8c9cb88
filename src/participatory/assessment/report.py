"""The governance report: one project's findings from every engine, grouped by area.

This is the shape every renderer (:mod:`participatory.render`) and the JSON interface
work from. Engines fill :class:`ReportSection` objects; :func:`participatory.assess`
(in :mod:`participatory.assessment`) puts them together.

>>> import datetime as dt
>>> from participatory.core.explain import Finding, Severity
>>> from participatory.core.money import Money
>>> section = ReportSection(
...     area=Area.PAYMENTS,
...     findings=(Finding("PAY-LATE", Severity.WARNING, "payments.late"),),
...     figures=(Figure("report.figure.fees_total", Money.gbp("1350.00")),),
... )
>>> report = GovernanceReport(project_id="river", project_title="River watch",
...                           as_at=dt.date(2026, 11, 25), sections=(section,))
>>> report.count(Severity.WARNING)
1
>>> report.section(Area.PAYMENTS).figures[0].value
Money('1350.00', 'GBP')
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs

from participatory.core.errors import ValidationError
from participatory.core.explain import Explained, Finding, Severity
from participatory.core.privacy import REDACTED, REDACTED_TEXT, SENSITIVE
from participatory.core.record import Record, field_repr

__all__ = ["Area", "Figure", "GovernanceReport", "ReportSection"]


class Area(enum.Enum):
    """The areas of a governance report, in the order they are shown."""

    DATA = "data"  # notices about the figures themselves (out of date, unverified)
    ROLES = "roles"
    POWER = "power"
    BUDGET = "budget"
    PAYMENTS = "payments"
    BENEFITS = "benefits"
    ETHICS = "ethics"
    SAFEGUARDING = "safeguarding"
    TIMELINE = "timeline"
    EVALUATION = "evaluation"
    #: The university's readiness (when the project file describes its institution).
    READINESS = "readiness"


@attrs.frozen(repr=False)
class Figure(Record):
    """One computed figure shown in a section: a message key for its label, and its value.

    ``value`` is a :class:`~participatory.core.money.Money`, a Decimal (a share in [0, 1]
    when ``is_share``), an int, a date or a short text. A ``sensitive`` figure (a
    contributor's benefit change) is special-category data as a whole: its ``repr`` shows
    nothing but that, and default serialisation withholds it.

    >>> Figure("assessment.figure.benefit_change", -86, sensitive=True, subject="sam")
    Figure(<redacted>, sensitive=True)
    """

    label_key: str
    value: object
    is_share: bool = False
    sensitive: bool = False
    #: Who or what the figure is about (a person id, a budget line), if not the project.
    subject: str | None = None

    def __repr__(self) -> str:
        # The value, label and subject together say whose benefits changed and by how
        # much: a log line or traceback of any report must show none of them.
        if self.sensitive:
            return f"Figure({REDACTED_TEXT}, sensitive=True)"
        return (
            f"Figure(label_key={self.label_key!r}, value={self.value!r}, "
            f"is_share={self.is_share!r}, sensitive=False, subject={self.subject!r})"
        )


def _findings(items: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(items)


def _figures(items: Iterable[Figure]) -> tuple[Figure, ...]:
    return tuple(items)


@attrs.frozen
class ReportSection(Record):
    """The findings and figures of one area."""

    area: Area
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_findings)
    figures: tuple[Figure, ...] = attrs.field(default=(), converter=_figures)
    #: True when the project gave no information for this area (the section says so).
    not_assessed: bool = False


def _ids(items: Iterable[str]) -> tuple[str, ...]:
    # The message never quotes the value: these are the people the report withholds.
    problem = ValidationError("contributors", "must be a list of person ids (texts)")
    if isinstance(items, str | bytes):
        raise problem
    try:
        ids = tuple(items)
    except TypeError:
        raise problem from None
    if not all(isinstance(item, str) for item in ids):
        raise problem
    return ids


def _sections(items: Iterable[ReportSection]) -> tuple[ReportSection, ...]:
    ordered = sorted(items, key=lambda s: list(Area).index(s.area))
    areas = [s.area for s in ordered]
    if len(areas) != len(set(areas)):
        raise ValueError("a report has at most one section per area")
    return tuple(ordered)


def _shared_sections(items: Iterable[ReportSection]) -> tuple[ReportSection, ...]:
    # The message never quotes the value: what the default copy shows instead is sensitive.
    problem = ValidationError("shared_sections", "must be a list of ReportSection, one per area")
    if isinstance(items, str | bytes):
        raise problem
    try:
        sections = tuple(items)
    except TypeError:
        raise problem from None
    if not all(isinstance(s, ReportSection) for s in sections):
        raise problem
    if len({s.area for s in sections}) != len(sections):
        raise problem
    return tuple(sorted(sections, key=lambda s: list(Area).index(s.area)))


@attrs.frozen
class GovernanceReport(Record):
    """Everything :func:`participatory.assess` found about one project on one date.

    ``contributors`` are the project's people (their ids) in the order the project file lists
    them: a report withholding a person's own findings refers to them by their number in
    this list ("contributor 2 of 4"), so the coordinator can follow up privately. Which
    number is whom is itself sensitive (it would link a person to withheld findings), so the
    list is never shown in ``repr`` nor serialised by default. ``repr`` shows the default
    copy (:meth:`shown`), as every default output does.
    """

    project_id: str
    project_title: str
    as_at: dt.date
    sections: tuple[ReportSection, ...] = attrs.field(default=(), converter=_sections)
    contributors: tuple[str, ...] = attrs.field(
        default=(), converter=_ids, repr=REDACTED, metadata=SENSITIVE, kw_only=True
    )
    #: Sections the default copy shows in place of the section of the same area: the
    #: Ethics section worked out with each group's safeguarding yes read as no, when some
    #: group answered one yes (see :meth:`shown`). Whether there is one, and how it differs,
    #: would say that a group may lack capacity, is in custody, in vulnerable circumstances
    #: or under 18: never in ``repr``, nor serialised by default.
    shared_sections: tuple[ReportSection, ...] = attrs.field(
        default=(), converter=_shared_sections, repr=REDACTED, metadata=SENSITIVE, kw_only=True
    )

    def __repr__(self) -> str:
        # A log line or a traceback shows the default copy (see shown): the report's own
        # sections hold more withheld findings when a group answered a safeguarding yes.
        return field_repr(self.shown(include_sensitive=False))

    def shown(self, *, include_sensitive: bool) -> GovernanceReport:
        """The report a copy is made from: the full one, or the default (shared) one.

        With ``include_sensitive`` it is the report itself. Otherwise each of
        :attr:`shared_sections` replaces the section of its area: withholding what a
        group's yes to a safeguarding fact adds would leave what it changes (open questions
        no longer asked, the university REC left to its policy beside a capacity body), so
        the default copy is worked out as if every such yes were no, and reads the same,
        headline and "What to do first" included, whichever of them is yes. The renderers
        work from it.

        >>> full = ReportSection(Area.ETHICS, figures=(Figure("assessment.figure.x", 1),))
        >>> shared = ReportSection(Area.ETHICS, figures=(Figure("assessment.figure.x", 2),))
        >>> report = GovernanceReport("p", "P", dt.date(2026, 11, 25), sections=[full],
        ...                           shared_sections=[shared])
        >>> report.shown(include_sensitive=False).section(Area.ETHICS).figures[0].value
        2
        >>> report.shown(include_sensitive=True) is report
        True
        """
        if include_sensitive or not self.shared_sections:
            return self
        instead = {s.area: s for s in self.shared_sections}
        return attrs.evolve(
            self,
            sections=[instead.pop(s.area, s) for s in self.sections] + list(instead.values()),
            shared_sections=(),
        )

    def _default_copy(self) -> GovernanceReport:
        # What the default plain data (participatory.core.serialise) writes: the default copy.
        return self.shown(include_sensitive=False)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding of every section, in section order."""
        return tuple(f for s in self.sections for f in s.findings)

    def as_explained(self) -> Explained:
        """The report's findings as one :class:`~participatory.core.explain.Explained`."""
        return Explained(findings=self.findings)

    def section(self, area: Area) -> ReportSection:
        """The section for ``area`` (an empty, not-assessed one if there is none)."""
        for section in self.sections:
            if section.area is area:
                return section
        return ReportSection(area=area, not_assessed=True)

    def count(self, severity: Severity) -> int:
        """How many findings have exactly ``severity``."""
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def worst(self) -> Severity:
        """The most serious severity in the report."""
        return self.as_explained().worst
