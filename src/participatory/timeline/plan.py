"""The plan: a project's stages, with planned dates, and its deadlines.

>>> plan = Timeline(stages=[
...     PlannedStage("application", "2026-03-01", "2026-03-31"),
...     PlannedStage("relationship_building", "2025-09-01", "2026-02-28", co_produced=True),
... ])
>>> [s.kind.value for s in plan.stages]
['relationship_building', 'application']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.fields import instances, member
from participatory.core.periods import DateRange, to_date
from participatory.core.record import Record
from participatory.roles.stages import ResearchStage

__all__ = ["MAX_CONVENTIONAL_DAYS", "Deadline", "PlannedStage", "Timeline"]


def _kind(value: ResearchStage | str) -> ResearchStage:
    return member(ResearchStage, value, "kind", problem="is not a stage")


def _start(value: dt.date | str) -> dt.date:
    return to_date(value, "start")


def _end(value: dt.date | str) -> dt.date:
    return to_date(value, "end")


def _due(value: dt.date | str) -> dt.date:
    return to_date(value, "due")


#: The longest conventional estimate of a stage: a hundred years of days. Far beyond any
#: project, and it keeps every realistic date inside the calendar's arithmetic.
MAX_CONVENTIONAL_DAYS: Final = 36_525


def _conventional(_instance: object, _attribute: object, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError("conventional_days", "must be a whole number of days, at least 1")
    if value > MAX_CONVENTIONAL_DAYS:
        raise ValidationError(
            "conventional_days", f"must be at most {MAX_CONVENTIONAL_DAYS:,} days (100 years)"
        )


def _flag(_instance: object, attribute: attrs.Attribute[bool], value: Any) -> None:
    if not isinstance(value, bool):
        raise ValidationError(attribute.name, "must be true or false")


@attrs.frozen
class PlannedStage(Record):
    """One planned stage: its dates, whether it is co-produced, and a conventional estimate.

    ``conventional_days`` is how long the stage would take run conventionally (the team's
    own estimate); without it the stage's length is not checked.

    >>> PlannedStage("design", "2026-05-01", "2026-05-31").days
    31
    """

    kind: ResearchStage = attrs.field(converter=_kind)
    start: dt.date = attrs.field(converter=_start)
    end: dt.date = attrs.field(converter=_end)
    co_produced: bool = attrs.field(default=False, kw_only=True, validator=_flag)
    conventional_days: int | None = attrs.field(default=None, kw_only=True, validator=_conventional)

    def __attrs_post_init__(self) -> None:
        DateRange(self.start, self.end)  # raises when end is before start

    @property
    def span(self) -> DateRange:
        """The planned days, both ends included."""
        return DateRange(self.start, self.end)

    @property
    def days(self) -> int:
        """Planned length in days, both ends counted."""
        return (self.end - self.start).days + 1


def _deadline_name(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("name", "must be non-empty text")


@attrs.frozen
class Deadline(Record):
    """A date by which a stage must end (a funder's closing date, the end of a grant)."""

    name: str = attrs.field(validator=_deadline_name)
    due: dt.date = attrs.field(converter=_due)
    stage: ResearchStage = attrs.field(converter=_kind)


def _stages(values: Iterable[PlannedStage]) -> tuple[PlannedStage, ...]:
    stages = instances(PlannedStage, values, "stages", what="stages")
    seen: set[ResearchStage] = set()
    for index, stage in enumerate(stages):
        if stage.kind in seen:
            raise ValidationError(
                f"stages[{index}].kind",
                f"{stage.kind.value} appears twice",
                hint="give each stage one date range",
            )
        seen.add(stage.kind)
    if not stages:
        raise ValidationError("stages", "must list at least one stage")
    return tuple(sorted(stages, key=lambda s: s.kind.rank))


def _deadlines(values: Iterable[Deadline]) -> tuple[Deadline, ...]:
    return instances(Deadline, values, "deadlines", what="deadlines")


@attrs.frozen
class Timeline(Record):
    """A project's planned stages (one per kind, kept in stage order) and its deadlines."""

    stages: tuple[PlannedStage, ...] = attrs.field(converter=_stages)
    deadlines: tuple[Deadline, ...] = attrs.field(default=(), converter=_deadlines)

    def __attrs_post_init__(self) -> None:
        kinds = {s.kind for s in self.stages}
        for index, deadline in enumerate(self.deadlines):
            if deadline.stage not in kinds:
                raise ValidationError(
                    f"deadlines[{index}].stage", f"names {deadline.stage.value}, not in the plan"
                )

    def stage(self, kind: ResearchStage) -> PlannedStage | None:
        """The planned stage of ``kind``, if the plan has one."""
        return next((s for s in self.stages if s.kind is kind), None)
