"""The plan: a project's stages, with planned dates, and its deadlines.

>>> plan = Timeline(stages=[
...     Stage("application", "2026-03-01", "2026-03-31"),
...     Stage("relationship_building", "2025-09-01", "2026-02-28", co_produced=True),
... ])
>>> [s.kind.value for s in plan.stages]
['relationship_building', 'application']
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any

import attrs

from participatory.core.errors import ValidationError
from participatory.core.periods import DateRange, to_date

__all__ = ["Deadline", "Stage", "StageKind", "Timeline"]


class StageKind(enum.Enum):
    """A stage of a participatory project, in the order the stages come."""

    RELATIONSHIP_BUILDING = "relationship_building"
    IDEA_GENERATION = "idea_generation"
    APPLICATION = "application"
    DESIGN = "design"
    DELIVERY = "delivery"
    ANALYSIS = "analysis"
    DISSEMINATION = "dissemination"
    LEGACY = "legacy"

    @property
    def order(self) -> int:
        """Position in the order above (0 for relationship building)."""
        return _ORDER[self]

    @property
    def label(self) -> str:
        """The stage's name in a sentence."""
        return self.value.replace("_", " ").capitalize()


_ORDER = {kind: index for index, kind in enumerate(StageKind)}


def _kind(value: object) -> StageKind:
    if isinstance(value, StageKind):
        return value
    try:
        return StageKind(value)
    except ValueError:
        allowed = ", ".join(k.value for k in StageKind)
        raise ValidationError("kind", "is not a stage", hint=f"one of {allowed}") from None


def _start(value: object) -> dt.date:
    return to_date(value, "start")


def _end(value: object) -> dt.date:
    return to_date(value, "end")


def _due(value: object) -> dt.date:
    return to_date(value, "due")


def _conventional(_instance: object, _attribute: object, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError("conventional_days", "must be a whole number of days, at least 1")


def _flag(_instance: object, attribute: attrs.Attribute[bool], value: Any) -> None:
    if not isinstance(value, bool):
        raise ValidationError(attribute.name, "must be true or false")


@attrs.frozen
class Stage:
    """One planned stage: its dates, whether it is co-produced, and a conventional estimate.

    ``conventional_days`` is how long the stage would take run conventionally (the team's
    own estimate); without it the stage's length is not checked.

    >>> Stage("design", "2026-05-01", "2026-05-31").days
    31
    """

    kind: StageKind = attrs.field(converter=_kind)
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
class Deadline:
    """A date by which a stage must end (a funder's closing date, the end of a grant)."""

    name: str = attrs.field(validator=_deadline_name)
    due: dt.date = attrs.field(converter=_due)
    stage: StageKind = attrs.field(converter=_kind)


def _stages(values: object) -> tuple[Stage, ...]:
    if not isinstance(values, Iterable) or isinstance(values, str | bytes):
        raise ValidationError("stages", "must be a list of stages")
    stages = tuple(values)
    seen: set[StageKind] = set()
    for index, stage in enumerate(stages):
        if not isinstance(stage, Stage):
            raise ValidationError(f"stages[{index}]", "must be a Stage")
        if stage.kind in seen:
            raise ValidationError(
                f"stages[{index}].kind",
                f"{stage.kind.value} appears twice",
                hint="give each stage one date range",
            )
        seen.add(stage.kind)
    if not stages:
        raise ValidationError("stages", "must list at least one stage")
    return tuple(sorted(stages, key=lambda s: s.kind.order))


def _deadlines(values: object) -> tuple[Deadline, ...]:
    if not isinstance(values, Iterable) or isinstance(values, str | bytes):
        raise ValidationError("deadlines", "must be a list of deadlines")
    deadlines = tuple(values)
    for index, deadline in enumerate(deadlines):
        if not isinstance(deadline, Deadline):
            raise ValidationError(f"deadlines[{index}]", "must be a Deadline")
    return deadlines


@attrs.frozen
class Timeline:
    """A project's planned stages (one per kind, kept in stage order) and its deadlines."""

    stages: tuple[Stage, ...] = attrs.field(converter=_stages)
    deadlines: tuple[Deadline, ...] = attrs.field(default=(), converter=_deadlines)

    def __attrs_post_init__(self) -> None:
        kinds = {s.kind for s in self.stages}
        for index, deadline in enumerate(self.deadlines):
            if deadline.stage not in kinds:
                raise ValidationError(
                    f"deadlines[{index}].stage", f"names {deadline.stage.value}, not in the plan"
                )

    def stage(self, kind: StageKind) -> Stage | None:
        """The planned stage of ``kind``, if the plan has one."""
        return next((s for s in self.stages if s.kind is kind), None)
