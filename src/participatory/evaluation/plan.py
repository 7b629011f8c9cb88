"""An evaluation and legacy plan: what it captures, the outputs planned, and after the project.

>>> plan = EvaluationPlan(
...     captures={"impact_on_contributors", "exhibitions_and_artworks"},
...     outputs=[PlannedOutput("exhibition", "Hooked", reachable_by_all_contributors=False)],
...     return_of_findings=ReturnOfFindings("at_end"),
...     legacy=LegacyPlan(("termly catch-up with partners",), staff_time=True),
... )
>>> plan.outputs[0].kind.value, plan.return_of_findings.timing.name
('exhibition', 'AT_END')
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from participatory.core.errors import ValidationError
from participatory.core.fields import instances, member, set_repr
from participatory.core.record import Record

__all__ = [
    "Capture",
    "EvaluationPlan",
    "LegacyPlan",
    "OutputKind",
    "PlannedOutput",
    "ReturnOfFindings",
    "ReturnTiming",
]

E = TypeVar("E", bound=enum.Enum)


class Capture(enum.Enum):
    """Something an evaluation framework records (Science Gallery London, report 5.4)."""

    PUBLICATIONS_WITH_COMMUNITY_COAUTHORS = "publications_with_community_coauthors"
    EXHIBITIONS_AND_ARTWORKS = "exhibitions_and_artworks"
    OTHER_PUBLIC_OUTPUTS = "other_public_outputs"
    CONTRIBUTOR_SKILLS_AND_NEXT_STEPS = "contributor_skills_and_next_steps"
    IMPACT_ON_RESEARCHERS = "impact_on_researchers"
    IMPACT_ON_CONTRIBUTORS = "impact_on_contributors"


class OutputKind(enum.Enum):
    """A kind of output a project plans."""

    PUBLICATION = "publication"
    EXHIBITION = "exhibition"
    ARTWORK = "artwork"
    EVENT = "event"
    OTHER = "other"


class ReturnTiming(enum.Enum):
    """When findings go back to the contributors."""

    DURING_PROJECT = "during_project"
    AT_END = "at_end"
    #: Only once a paper is out: by then "participants have moved on" (report 5.4).
    AFTER_PUBLICATION = "after_publication"


def _enum(kind: type[E], field: str) -> Callable[[object], E]:
    def convert(value: object) -> E:
        return member(kind, value, field, problem="is not recognised")

    return convert


def _text(field: str) -> Callable[[Any, Any, str], None]:
    def check(_instance: object, _attribute: object, value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(field, "must be non-empty text")

    return check


def _flag(_instance: object, attribute: attrs.Attribute[bool], value: Any) -> None:
    if not isinstance(value, bool):
        raise ValidationError(attribute.name, "must be true or false")


def _optional_text(_instance: object, _attribute: object, value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ValidationError("alternative_access", "must be non-empty text or absent")


def _output_kind(value: OutputKind | str) -> OutputKind:
    return _enum(OutputKind, "kind")(value)


def _timing(value: ReturnTiming | str) -> ReturnTiming:
    return _enum(ReturnTiming, "timing")(value)


@attrs.frozen
class PlannedOutput(Record):
    """One planned output and who can reach it.

    ``reachable_by_all_contributors`` is false when some contributors cannot get to it
    (young offenders who could not visit the exhibition of their own work, report 5.4);
    ``alternative_access`` then says how they will see it.
    """

    kind: OutputKind = attrs.field(converter=_output_kind)
    title: str = attrs.field(validator=_text("title"))
    community_coauthors: bool = attrs.field(default=False, kw_only=True, validator=_flag)
    reachable_by_all_contributors: bool = attrs.field(default=True, kw_only=True, validator=_flag)
    alternative_access: str | None = attrs.field(
        default=None, kw_only=True, validator=_optional_text
    )


def _formats(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise ValidationError("formats", "must be a list of texts")
    formats = tuple(values)
    for index, item in enumerate(formats):
        if not isinstance(item, str) or not item.strip():
            raise ValidationError(f"formats[{index}]", "must be non-empty text")
    return formats


@attrs.frozen
class ReturnOfFindings(Record):
    """How and when the findings go back to the people who contributed."""

    timing: ReturnTiming = attrs.field(converter=_timing)
    formats: tuple[str, ...] = attrs.field(default=(), converter=_formats)


def _activities(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise ValidationError("activities", "must be a list of texts")
    activities = tuple(values)
    if not activities:
        raise ValidationError("activities", "must name at least one activity")
    for index, item in enumerate(activities):
        if not isinstance(item, str) or not item.strip():
            raise ValidationError(f"activities[{index}]", "must be non-empty text")
    return activities


@attrs.frozen
class LegacyPlan(Record):
    """How relationships are kept after the project, and whether staff time is set aside."""

    activities: tuple[str, ...] = attrs.field(converter=_activities)
    staff_time: bool = attrs.field(default=False, kw_only=True, validator=_flag)


def _captures(values: Iterable[Capture | str]) -> frozenset[Capture]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise ValidationError("captures", "must be a collection of names")
    convert = _enum(Capture, "captures")
    chosen = set()
    for index, value in enumerate(values):
        try:
            chosen.add(convert(value))
        except ValidationError as error:
            raise ValidationError(f"captures[{index}]", error.problem, hint=error.hint) from None
    return frozenset(chosen)


def _outputs(values: Iterable[PlannedOutput]) -> tuple[PlannedOutput, ...]:
    return instances(PlannedOutput, values, "outputs", what="planned outputs")


def _instance_of(kind: type, field: str) -> Callable[[Any, Any, Any], None]:
    def check(_instance: object, _attribute: object, value: object) -> None:
        if value is not None and not isinstance(value, kind):
            raise ValidationError(field, f"must be a {kind.__name__} or absent")

    return check


@attrs.frozen
class EvaluationPlan(Record):
    """What a project's evaluation captures, its outputs, returning findings and legacy."""

    captures: frozenset[Capture] = attrs.field(
        factory=frozenset, converter=_captures, repr=set_repr
    )
    outputs: tuple[PlannedOutput, ...] = attrs.field(default=(), converter=_outputs)
    return_of_findings: ReturnOfFindings | None = attrs.field(
        default=None, validator=_instance_of(ReturnOfFindings, "return_of_findings")
    )
    legacy: LegacyPlan | None = attrs.field(
        default=None, validator=_instance_of(LegacyPlan, "legacy")
    )
    #: Whether contributors were asked how they would like their contributions recognised.
    recognition_asked: bool = attrs.field(default=False, validator=_flag)
