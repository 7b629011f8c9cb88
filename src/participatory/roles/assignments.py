"""What each party does: the basis of the relationship, the stages, the recognition chosen.

The research cycle is an ordered :class:`Stage`, so "joined after the application was
written" is a comparison. A person's choice of recognition distinguishes *not yet asked*
from *asked, and wants none* (section 2.6: "Ask them how they would like to have their
contributions recognised").

>>> import datetime as dt
>>> assignment = RoleAssignment(
...     "p1", "co-researcher", RelationshipBasis.EQUAL_PARTNER,
...     stages=[Stage.ANALYSIS, Stage.DESIGN],
...     recognition=RecognitionPreference.chose(dt.date(2025, 1, 10), Recognition.PAYMENT),
... )
>>> assignment.first_stage.label
'design'
>>> RecognitionPreference.not_yet_asked().is_recorded(dt.date(2025, 1, 1))
False
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable

import attrs

from participatory.core.errors import ValidationError

__all__ = [
    "Recognition",
    "RecognitionPreference",
    "RelationshipBasis",
    "RoleAssignment",
    "Stage",
]


class Stage(enum.Enum):
    """Stages of the research cycle, in order; a party's first stage is when they joined."""

    PRIORITY_SETTING = "priority_setting"
    #: Conversations and ideas before any application exists (sections 2.3, 5.5, 5.6).
    IDEA_GENERATION = "idea_generation"
    APPLICATION_WRITING = "application_writing"
    DESIGN = "design"
    GOVERNANCE = "governance"
    DELIVERY = "delivery"
    ANALYSIS = "analysis"
    DISSEMINATION = "dissemination"
    FOLLOW_UP = "follow_up"

    @property
    def rank(self) -> int:
        """Position in the cycle (0 for priority setting)."""
        return _STAGE_RANKS[self]

    @property
    def label(self) -> str:
        """The stage in words, for messages."""
        return _STAGE_LABELS[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Stage):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Stage):
            return NotImplemented
        return self.rank <= other.rank


_STAGE_RANKS = {stage: index for index, stage in enumerate(Stage)}
_STAGE_LABELS = {
    Stage.PRIORITY_SETTING: "priority setting",
    Stage.IDEA_GENERATION: "idea generation before any application",
    Stage.APPLICATION_WRITING: "writing the application",
    Stage.DESIGN: "design",
    Stage.GOVERNANCE: "governance",
    Stage.DELIVERY: "delivery and data collection",
    Stage.ANALYSIS: "analysis and interpretation",
    Stage.DISSEMINATION: "dissemination",
    Stage.FOLLOW_UP: "follow-up and legacy",
}


class RelationshipBasis(enum.Enum):
    """On what footing a party works with the project."""

    EQUAL_PARTNER = "equal_partner"
    COLLABORATOR = "collaborator"
    ADVISORY = "advisory"
    SERVICE_PROVIDER = "service_provider"
    CONSULTANT = "consultant"
    #: Takes part as a research subject (NIHR: participation, not involvement).
    RESEARCH_PARTICIPANT = "research_participant"

    @property
    def is_contracted(self) -> bool:
        """A bought-in service rather than a partnership (section 5.8)."""
        return self in (RelationshipBasis.SERVICE_PROVIDER, RelationshipBasis.CONSULTANT)


class Recognition(enum.Enum):
    """Ways of recognising a contribution (section 2.6); NONE means asked and wants none."""

    PAYMENT = "payment"
    VOUCHERS = "vouchers"
    CERTIFICATE = "certificate"
    REFERENCE = "reference"
    TRAINING = "training"
    CO_AUTHORSHIP = "co_authorship"
    ACKNOWLEDGEMENT = "acknowledgement"
    NONE = "none"


def _recognitions(value: Iterable[Recognition]) -> tuple[Recognition, ...]:
    chosen = tuple(dict.fromkeys(value))
    if not all(isinstance(item, Recognition) for item in chosen):
        raise ValidationError("recognition.chosen", "must hold Recognition values")
    return tuple(sorted(chosen, key=lambda r: list(Recognition).index(r)))


def _optional_day(field: str) -> Callable[[object], dt.date | None]:
    def convert(value: object) -> dt.date | None:
        if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise ValidationError(field, "must be a date", hint="write YYYY-MM-DD")

    return convert


def _asked_on(value: object) -> dt.date | None:
    return _optional_day("recognition.asked_on")(value)


@attrs.frozen
class RecognitionPreference:
    """How a person chose to have their contribution recognised, and when they were asked.

    ``asked_on=None`` means nobody has asked yet, which is not the same as
    ``chose(day, Recognition.NONE)``.
    """

    asked_on: dt.date | None = attrs.field(
        default=None,
        converter=_asked_on,
    )
    chosen: tuple[Recognition, ...] = attrs.field(default=(), converter=_recognitions)

    def __attrs_post_init__(self) -> None:
        if self.asked_on is None and self.chosen:
            raise ValidationError("recognition", "has choices but no date asked")
        if self.asked_on is not None and not self.chosen:
            raise ValidationError(
                "recognition.chosen", "is empty", hint="record Recognition.NONE if they want none"
            )
        if Recognition.NONE in self.chosen and len(self.chosen) > 1:
            raise ValidationError("recognition.chosen", "combines NONE with other choices")

    @classmethod
    def not_yet_asked(cls) -> RecognitionPreference:
        """Nobody has asked the person yet."""
        return cls()

    @classmethod
    def chose(cls, asked_on: dt.date, *chosen: Recognition) -> RecognitionPreference:
        """The person was asked on ``asked_on`` and chose ``chosen``."""
        return cls(asked_on, chosen)

    def is_recorded(self, as_at: dt.date) -> bool:
        """Whether the person had been asked by ``as_at``."""
        return self.asked_on is not None and self.asked_on <= as_at


def _stages(value: Iterable[Stage]) -> tuple[Stage, ...]:
    stages = tuple(value)
    if not stages:
        raise ValidationError("stages", "must name at least one stage of the research cycle")
    if not all(isinstance(stage, Stage) for stage in stages):
        raise ValidationError("stages", "must hold Stage values")
    return tuple(sorted(set(stages)))


def _text_tuple(field: str) -> Callable[[Iterable[str]], tuple[str, ...]]:
    def convert(value: Iterable[str]) -> tuple[str, ...]:
        if isinstance(value, str):
            raise ValidationError(field, "must be a list of text, not one string")
        items = tuple(value)
        if not all(isinstance(item, str) and item.strip() for item in items):
            raise ValidationError(field, "must hold non-empty text only")
        return items

    return convert


def _required_text(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(attribute.name, "must be non-empty text")


def _responsibilities(value: Iterable[str]) -> tuple[str, ...]:
    return _text_tuple("responsibilities")(value)


def _described_as(value: Iterable[str]) -> tuple[str, ...]:
    return _text_tuple("described_as")(value)


@attrs.frozen
class RoleAssignment:
    """One party's role in the project.

    ``described_as`` holds the words the project uses for the relationship ("co-producer",
    "community partner"); the review looks them up in the vocabulary and compares them
    with ``basis``. ``bridges_communities`` marks a role that connects researchers and
    communities (a liaison or bridging role, sections 2.4, 5.3 and 5.8).
    """

    party: str = attrs.field(validator=_required_text)
    role: str = attrs.field(validator=_required_text)
    basis: RelationshipBasis = attrs.field(
        validator=attrs.validators.instance_of(RelationshipBasis)
    )
    stages: tuple[Stage, ...] = attrs.field(converter=_stages)
    responsibilities: tuple[str, ...] = attrs.field(
        default=(),
        converter=_responsibilities,
    )
    described_as: tuple[str, ...] = attrs.field(
        default=(),
        converter=_described_as,
    )
    recognition: RecognitionPreference = attrs.field(
        factory=RecognitionPreference,
        validator=attrs.validators.instance_of(RecognitionPreference),
    )
    bridges_communities: bool = False

    @property
    def first_stage(self) -> Stage:
        """The earliest stage the party takes part in: when they joined."""
        return self.stages[0]
