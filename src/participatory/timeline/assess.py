"""The timeline engine: relationship time before applying, a realistic pace, deadlines.

>>> import datetime as dt
>>> from participatory.timeline.plan import PlannedStage, Timeline
>>> plan = Timeline(stages=[PlannedStage("delivery", "2026-01-01", "2026-01-31", co_produced=True,
...                               conventional_days=10)])
>>> assess_timeline(plan, as_at=dt.date(2026, 1, 1)).schedule[0].realistic.end
datetime.date(2026, 2, 19)
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from decimal import ROUND_CEILING, Decimal
from typing import Final

import attrs

from participatory import guidance_data
from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.explain import (
    Citation,
    Explained,
    Finding,
    ParameterUse,
    Severity,
    as_decimal,
)
from participatory.core.params import ParameterSet, bundled_parameters
from participatory.core.periods import DateRange, to_date
from participatory.core.record import Record
from participatory.roles.stages import ResearchStage
from participatory.timeline.plan import PlannedStage, Timeline

__all__ = ["MULTIPLIER", "ScheduledStage", "TimelineAssessment", "assess_timeline"]

#: The dated parameter read for how much longer co-produced stages take.
MULTIPLIER = "timeline.co_production_multiplier"

#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, object]] = {
    "timeline.no_relationship_time": (
        "The plan has no time for building relationships before {anchor} starts on "
        "{anchor_start}. Relationships and trust need to form before ideas and applications."
    ),
    "timeline.relationship_time": {
        "by": "days",
        "one": "The plan gives {days} day to building relationships before {anchor} starts.",
        "other": "The plan gives {days} days to building relationships before {anchor} starts.",
    },
    "timeline.ideas_before_relationships": (
        "Idea generation starts on {ideas_start}, before relationship building starts on "
        "{relationships_start}; relationship building needs to come before ideas."
    ),
    "timeline.stage_too_short_co_produced": (
        "{stage} is co-produced; days planned: {planned_days}. Run conventionally it would "
        "take {conventional_days}, and co-produced work has taken about {multiplier} times "
        "as long, so allow {needed_days}."
    ),
    "timeline.stage_too_short": (
        "The days planned for {stage} ({planned_days}) are fewer than your own estimate "
        "({needed_days})."
    ),
    "timeline.deadline_unreachable": {
        "by": "days_late",
        "one": (
            'The deadline "{deadline}" is {due}, but at a realistic pace {stage} ends on '
            "{realistic_end}, {days_late} day later."
        ),
        "other": (
            'The deadline "{deadline}" is {due}, but at a realistic pace {stage} ends on '
            "{realistic_end}, {days_late} days later."
        ),
    },
    "timeline.deadline_met": (
        'The deadline "{deadline}" ({due}) can be met: at a realistic pace {stage} ends on '
        "{realistic_end}."
    ),
    "timeline.realistic_end": (
        "Allowing {multiplier} times as long for co-produced stages, the project ends on "
        "{realistic_end} rather than {planned_end}."
    ),
}


@attrs.frozen
class ScheduledStage(Record):
    """A stage as planned and as it would run at a realistic pace."""

    stage: PlannedStage
    needed_days: int
    realistic: DateRange


@attrs.frozen
class TimelineAssessment(Explained):
    """The realistic schedule, the relationship time before applying, and the findings."""

    multiplier: Decimal = attrs.field(kw_only=True)
    pre_application_days: int = attrs.field(kw_only=True)
    schedule: tuple[ScheduledStage, ...] = attrs.field(kw_only=True)

    @property
    def realistic_end(self) -> dt.date:
        """The day the last stage ends at a realistic pace."""
        return max(p.realistic.end for p in self.schedule)


@functools.cache
def _rules() -> Mapping[str, tuple[Severity, tuple[Citation, ...]]]:
    document, file = guidance_data.bundled_guidance("timeline.toml")
    return guidance_data.rules(document, guidance_data.catalogue_for(document, file), file)


def _finding(
    rule_id: str,
    key: str,
    values: Mapping[str, object],
    *,
    severity: Severity | None = None,
    parameters: tuple[ParameterUse, ...] = (),
    subject: str | None = None,
) -> Finding:
    default, citations = _rules()[rule_id]
    return Finding(
        rule_id,
        severity or default,
        key,
        values,
        citations=citations,
        parameters=parameters,
        subject=subject,
    )


def _name(stage: ResearchStage) -> str:
    # The timeline names a stage by its short name ("application", "delivery"): its
    # sentences are about dates, where the roles engine's longer labels read heavily.
    return stage.value.replace("_", " ")


def _pre_application(timeline: Timeline) -> tuple[PlannedStage | None, int]:
    """The stage relationship time is counted before, and the relationship days before it."""
    anchor = timeline.stage(ResearchStage.APPLICATION) or next(
        (s for s in timeline.stages if s.kind > ResearchStage.RELATIONSHIP_BUILDING),
        None,
    )
    building = timeline.stage(ResearchStage.RELATIONSHIP_BUILDING)
    if anchor is None or building is None:
        return anchor, 0
    # In day numbers, so a stage starting on 1 January of year 1 has no day before it to
    # overflow into.
    last = min(building.end.toordinal(), anchor.start.toordinal() - 1)
    return anchor, max(0, last - building.start.toordinal() + 1)


def _relationship_findings(timeline: Timeline) -> tuple[list[Finding], int]:
    anchor, days = _pre_application(timeline)
    findings: list[Finding] = []
    if anchor is not None:
        if days == 0:
            values = {"anchor": _name(anchor.kind), "anchor_start": anchor.start}
            findings.append(
                _finding("TIME-NO-RELATIONSHIP-TIME", "timeline.no_relationship_time", values)
            )
        else:
            findings.append(
                _finding(
                    "TIME-NO-RELATIONSHIP-TIME",
                    "timeline.relationship_time",
                    {"days": days, "anchor": _name(anchor.kind)},
                    severity=Severity.MET,
                )
            )
    building = timeline.stage(ResearchStage.RELATIONSHIP_BUILDING)
    ideas = timeline.stage(ResearchStage.IDEA_GENERATION)
    if building is not None and ideas is not None and ideas.start < building.start:
        findings.append(
            _finding(
                "TIME-IDEAS-BEFORE-RELATIONSHIPS",
                "timeline.ideas_before_relationships",
                {"ideas_start": ideas.start, "relationships_start": building.start},
            )
        )
    return findings, days


def _needed_days(stage: PlannedStage, multiplier: Decimal) -> int:
    if stage.conventional_days is None:
        return stage.days
    if not stage.co_produced:
        return stage.conventional_days
    stretched = (Decimal(stage.conventional_days) * multiplier).to_integral_value(ROUND_CEILING)
    return int(stretched)


_LAST_DAY: Final = dt.date.max.toordinal()


def _schedule(timeline: Timeline, multiplier: Decimal) -> tuple[ScheduledStage, ...]:
    """Each stage at a realistic pace, its predecessors' slip carried on to it.

    Counted in day numbers, and a stage that would end after the last day Python has (31
    December 9999) is the library's error, not an ``OverflowError``.
    """
    slip = 0
    planned = []
    for index, stage in enumerate(timeline.stages):
        needed = _needed_days(stage, multiplier)
        start = stage.start.toordinal() + slip
        end = max(stage.end.toordinal() + slip, start + needed - 1)
        if end > _LAST_DAY:
            raise ValidationError(
                f"stages[{index}]",
                "would end after 31 December 9999 at a realistic pace",
                hint="check its dates and conventional_days",
            )
        slip = max(slip, end - stage.end.toordinal())
        span = DateRange(dt.date.fromordinal(start), dt.date.fromordinal(end))
        planned.append(ScheduledStage(stage, needed, span))
    return tuple(planned)


@computes_exactly
def assess_timeline(
    timeline: Timeline, *, as_at: dt.date, parameters: ParameterSet | None = None
) -> TimelineAssessment:
    """Check ``timeline`` against the co-production multiplier in force on ``as_at``.

    ``parameters`` replaces the bundled parameters (an institution's own multiplier, laid
    over them with :func:`~participatory.core.params.load_parameters`).
    """
    if not isinstance(timeline, Timeline):
        raise ValidationError("timeline", "must be a Timeline")
    params = parameters if parameters is not None else bundled_parameters()
    use = params.use(MULTIPLIER, to_date(as_at, "as_at"))
    multiplier = as_decimal(use.value)
    findings, days = _relationship_findings(timeline)
    schedule = _schedule(timeline, multiplier)
    uses = (use,)
    for planned in schedule:
        stage = planned.stage
        if stage.conventional_days is None or stage.days >= planned.needed_days:
            continue
        values: dict[str, object] = {
            "stage": _name(stage.kind).capitalize(),
            "planned_days": stage.days,
            "needed_days": planned.needed_days,
        }
        if stage.co_produced:
            values |= {"conventional_days": stage.conventional_days, "multiplier": multiplier}
        key = "timeline.stage_too_short" + ("_co_produced" if stage.co_produced else "")
        findings.append(
            _finding(
                "TIME-STAGE-TOO-SHORT",
                key,
                values,
                parameters=uses if stage.co_produced else (),
                subject=stage.kind.value,
            )
        )
    by_kind = {p.stage.kind: p for p in schedule}
    for deadline in timeline.deadlines:
        realistic_end = by_kind[deadline.stage].realistic.end
        values = {
            "deadline": deadline.name,
            "due": deadline.due,
            "stage": _name(deadline.stage),
            "realistic_end": realistic_end,
        }
        if realistic_end > deadline.due:
            values["days_late"] = (realistic_end - deadline.due).days
            planned_late = by_kind[deadline.stage].stage.end > deadline.due
            findings.append(
                _finding(
                    "TIME-DEADLINE-UNREACHABLE",
                    "timeline.deadline_unreachable",
                    values,
                    # Late even as planned, before any stretching: a broken plan, not a risk.
                    severity=Severity.PROBLEM if planned_late else None,
                    parameters=uses,
                    subject=deadline.name,
                )
            )
        else:
            findings.append(
                _finding(
                    "TIME-DEADLINE-UNREACHABLE",
                    "timeline.deadline_met",
                    values,
                    severity=Severity.MET,
                    parameters=uses,
                    subject=deadline.name,
                )
            )
    result_end = max(p.realistic.end for p in schedule)
    planned_end = max(s.end for s in timeline.stages)
    findings.append(
        _finding(
            "TIME-REALISTIC-END",
            "timeline.realistic_end",
            {"multiplier": multiplier, "realistic_end": result_end, "planned_end": planned_end},
            parameters=uses,
        )
    )
    return TimelineAssessment(
        findings=findings,
        multiplier=multiplier,
        pre_application_days=days,
        schedule=schedule,
    )
