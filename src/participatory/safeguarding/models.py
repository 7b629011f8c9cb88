"""What a project tells the safeguarding engine.

The groups it works with, how emotionally intense the work is, the measures it has in
place and its partner organisations. The groups (:class:`~participatory.roles.Group`) and
the partner organisations with their expertise
(:class:`~participatory.roles.PartnerOrganisation`) are the roles engine's: a project
names each partner once.

Two kinds of information are kept apart on purpose:

* :class:`SafeguardingProfile` is about the *project*: "we work with bereaved parents".
  It names no one, so it is not personal data and is shown in full.
* :class:`PersonalNote` is about *one person*: which groups they belong to and any
  safeguarding note. That is special-category personal data, so both fields are marked
  sensitive and never appear in ``repr``, errors or default serialisation.

>>> from participatory.roles import OrganisationKind, PartnerOrganisation
>>> profile = SafeguardingProfile(
...     groups={"bereavement"},
...     intensity="high",
...     measures={"signposting", "check_ins"},
...     partners=[PartnerOrganisation("sands", "Sands", OrganisationKind.CHARITY,
...                                   expertise={"bereavement"})],
... )
>>> sorted(g.value for g in profile.groups), profile.intensity.name
(['bereavement'], 'HIGH')
>>> PersonalNote("p-07", groups={"bereavement"}, note="lost a baby in 2024")
PersonalNote(person_id='p-07', groups=<redacted>, note=<redacted>)
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from participatory.core.errors import ValidationError
from participatory.core.fields import instances, member, members, set_repr
from participatory.core.privacy import REDACTED, SENSITIVE
from participatory.core.record import Record
from participatory.roles.models import Group, PartnerOrganisation

__all__ = ["EmotionalIntensity", "Measure", "PersonalNote", "SafeguardingProfile"]


class EmotionalIntensity(enum.Enum):
    """How emotionally intense the work is; ordered ``LOW < MODERATE < HIGH``.

    ``HIGH`` is work that goes to the core of people's experience and may trigger distress,
    as Heart n Soul's did (report 5.3); ``MODERATE`` asks people to share personal
    experience; ``LOW`` is everyday topics.
    """

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"

    @property
    def rank(self) -> int:
        """Position in the order (0 for LOW)."""
        return _INTENSITY_RANKS[self]

    def is_at_least(self, other: EmotionalIntensity) -> bool:
        """Whether this intensity is ``other`` or more intense."""
        return self.rank >= other.rank


_INTENSITY_RANKS = {level: index for index, level in enumerate(EmotionalIntensity)}


class Measure(enum.Enum):
    """A safeguarding or wellbeing measure a project can have in place."""

    PARTNER_WITH_EXPERTISE = "partner_with_expertise"
    SIGNPOSTING = "signposting"
    CHECK_INS = "check_ins"
    QUIET_SPACE = "quiet_space"
    ONE_TO_ONE_PERSON = "one_to_one_person"
    REFLECTION = "reflection"
    COORDINATOR_TRAINING = "coordinator_training"
    CLEAR_BOUNDARIES = "clear_boundaries"
    ACCESSIBLE_TRANSPORT = "accessible_transport"
    STAFF_PEER_SUPPORT = "staff_peer_support"
    #: Not in the report: deciding which roles working with under-18s need a DBS check.
    DBS_CHECKS = "dbs_checks"


def _groups(values: Iterable[Group | str]) -> frozenset[Group]:
    return members(Group, values, "groups")


def _measures(values: Iterable[Measure | str]) -> frozenset[Measure]:
    return members(Measure, values, "measures")


def _intensity(value: EmotionalIntensity | str) -> EmotionalIntensity:
    return member(EmotionalIntensity, value, "intensity")


def _name(field: str) -> Callable[[Any, Any, str], None]:
    def check(_instance: object, _attribute: object, value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(field, "must be non-empty text")

    return check


def _partners(values: Iterable[PartnerOrganisation]) -> tuple[PartnerOrganisation, ...]:
    return instances(PartnerOrganisation, values, "partners", what="partner organisations")


@attrs.frozen
class SafeguardingProfile(Record):
    """The project's safeguarding picture: groups, intensity, measures and partners.

    Project-level and names no one, so nothing here is sensitive.
    """

    groups: frozenset[Group] = attrs.field(converter=_groups, repr=set_repr)
    intensity: EmotionalIntensity = attrs.field(converter=_intensity)
    measures: frozenset[Measure] = attrs.field(
        factory=frozenset, converter=_measures, repr=set_repr
    )
    partners: tuple[PartnerOrganisation, ...] = attrs.field(default=(), converter=_partners)

    def covered_groups(self) -> frozenset[Group]:
        """The groups at least one partner has expertise in."""
        return frozenset(g for p in self.partners for g in p.expertise)


def _note_text(_instance: object, _attribute: object, value: object) -> None:
    if not isinstance(value, str):
        raise ValidationError("note", "must be text")


@attrs.frozen
class PersonalNote(Record):
    """One person's safeguarding information: special-category data, never shown by default.

    ``person_id`` is an opaque identifier from the project's own records (not a name).
    """

    person_id: str = attrs.field(validator=_name("person_id"))
    groups: frozenset[Group] = attrs.field(
        factory=frozenset, converter=_groups, repr=REDACTED, metadata=SENSITIVE
    )
    note: str = attrs.field(default="", validator=_note_text, repr=REDACTED, metadata=SENSITIVE)
