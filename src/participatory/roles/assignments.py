"""What each party does: the basis of the relationship, the stages, the recognition chosen.

The research cycle is an ordered
:class:`~participatory.roles.stages.ResearchStage`, so "joined after the application was
written" is a comparison. A person's choice of recognition distinguishes *not yet asked*
from *asked, and wants none* (section 2.6: "Ask them how they would like to have their
contributions recognised").

>>> import datetime as dt
>>> assignment = RoleAssignment(
...     "p1", "co-researcher", RelationshipBasis.EQUAL_PARTNER,
...     stages=[ResearchStage.ANALYSIS, ResearchStage.DESIGN],
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
from collections.abc import Iterable

import attrs

from participatory.core.errors import ValidationError
from participatory.core.fields import iso_date, texts
from participatory.core.record import Record
from participatory.roles.stages import ResearchStage

__all__ = [
    "Recognition",
    "RecognitionPreference",
    "RelationshipBasis",
    "RoleAssignment",
]


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


def _asked_on(value: dt.date | str | None) -> dt.date | None:
    return None if value is None else iso_date(value, "recognition.asked_on")


@attrs.frozen
class RecognitionPreference(Record):
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


def _stages(value: Iterable[ResearchStage]) -> tuple[ResearchStage, ...]:
    stages = tuple(value)
    if not stages:
        raise ValidationError("stages", "must name at least one stage of the research cycle")
    if not all(isinstance(stage, ResearchStage) for stage in stages):
        raise ValidationError("stages", "must hold ResearchStage values")
    return tuple(sorted(set(stages)))


def _required_text(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(attribute.name, "must be non-empty text")


def _responsibilities(value: Iterable[str]) -> tuple[str, ...]:
    return texts(value, "responsibilities")


def _described_as(value: Iterable[str]) -> tuple[str, ...]:
    return texts(value, "described_as")


@attrs.frozen
class RoleAssignment(Record):
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
    stages: tuple[ResearchStage, ...] = attrs.field(converter=_stages)
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
    def first_stage(self) -> ResearchStage:
        """The earliest stage the party takes part in: when they joined."""
        return self.stages[0]
