"""What a project tells the safeguarding engine.

The groups it works with, how emotionally intense the work is, the measures it has in
place and its partner organisations.

Two kinds of information are kept apart on purpose:

* :class:`SafeguardingProfile` is about the *project*: "we work with bereaved parents".
  It names no one, so it is not personal data and is shown in full.
* :class:`PersonalNote` is about *one person*: which groups they belong to and any
  safeguarding note. That is special-category personal data, so both fields are marked
  sensitive and never appear in ``repr``, errors or default serialisation.

>>> profile = SafeguardingProfile(
...     groups={"bereavement"},
...     intensity="high",
...     measures={"signposting", "check_ins"},
...     partners=[PartnerOrganisation("Sands", expertise={"bereavement"})],
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
from participatory.core.privacy import REDACTED, SENSITIVE

__all__ = [
    "EmotionalIntensity",
    "Group",
    "Measure",
    "PartnerOrganisation",
    "PersonalNote",
    "SafeguardingProfile",
]


class Group(enum.Enum):
    """A group of people a project works with whose safety and wellbeing need planning for."""

    LEARNING_DISABILITIES = "learning_disabilities"
    AUTISM = "autism"
    MENTAL_HEALTH_OR_TRAUMA = "mental_health_or_trauma"
    #: For example parents who have experienced baby loss (the Whitworth with Sands, report 5.1).
    BEREAVEMENT = "bereavement"
    #: Children and young people under 18.
    YOUNG_PEOPLE = "young_people"
    #: People living in institutions, for example young offenders (report 5.4).
    PEOPLE_IN_INSTITUTIONS = "people_in_institutions"
    OLDER_PEOPLE = "older_people"
    HEALTH_CONDITIONS = "health_conditions"


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


def _members(kind: type[enum.Enum], field: str, values: object) -> frozenset[enum.Enum]:
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise ValidationError(field, "must be a collection of names")
    chosen = set()
    for index, value in enumerate(values):
        if isinstance(value, kind):
            chosen.add(value)
            continue
        try:
            chosen.add(kind(value))
        except ValueError:
            # The value itself is never echoed: for a person's groups it is sensitive.
            allowed = ", ".join(member.value for member in kind)
            raise ValidationError(
                f"{field}[{index}]", f"is not a known {kind.__name__}", hint=f"one of {allowed}"
            ) from None
    return frozenset(chosen)


def _groups(values: object) -> frozenset[Group]:
    return _members(Group, "groups", values)  # type: ignore[return-value]


def _expertise(values: object) -> frozenset[Group]:
    return _members(Group, "expertise", values)  # type: ignore[return-value]


def _measures(values: object) -> frozenset[Measure]:
    return _members(Measure, "measures", values)  # type: ignore[return-value]


def _intensity(value: object) -> EmotionalIntensity:
    if isinstance(value, EmotionalIntensity):
        return value
    try:
        return EmotionalIntensity(value)
    except ValueError:
        raise ValidationError("intensity", "must be low, moderate or high") from None


def _name(field: str) -> Callable[[Any, Any, str], None]:
    def check(_instance: object, _attribute: object, value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(field, "must be non-empty text")

    return check


@attrs.frozen
class PartnerOrganisation:
    """A partner organisation and the groups it has expertise in working with.

    >>> PartnerOrganisation("Heart n Soul", expertise=["learning_disabilities", "autism"]).name
    'Heart n Soul'
    """

    name: str = attrs.field(validator=_name("name"))
    expertise: frozenset[Group] = attrs.field(factory=frozenset, converter=_expertise)

    def covers(self, group: Group) -> bool:
        """Whether the partner has expertise in working with ``group``."""
        return group in self.expertise


def _partners(values: object) -> tuple[PartnerOrganisation, ...]:
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise ValidationError("partners", "must be a list of partner organisations")
    partners = tuple(values)
    for index, partner in enumerate(partners):
        if not isinstance(partner, PartnerOrganisation):
            raise ValidationError(f"partners[{index}]", "must be a PartnerOrganisation")
    return partners


@attrs.frozen
class SafeguardingProfile:
    """The project's safeguarding picture: groups, intensity, measures and partners.

    Project-level and names no one, so nothing here is sensitive.
    """

    groups: frozenset[Group] = attrs.field(converter=_groups)
    intensity: EmotionalIntensity = attrs.field(converter=_intensity)
    measures: frozenset[Measure] = attrs.field(factory=frozenset, converter=_measures)
    partners: tuple[PartnerOrganisation, ...] = attrs.field(default=(), converter=_partners)

    def covered_groups(self) -> frozenset[Group]:
        """The groups at least one partner has expertise in."""
        return frozenset(g for p in self.partners for g in p.expertise)


def _person_groups(values: object) -> frozenset[Group]:
    return _members(Group, "groups", values)  # type: ignore[return-value]


def _note_text(_instance: object, _attribute: object, value: object) -> None:
    if not isinstance(value, str):
        raise ValidationError("note", "must be text")


@attrs.frozen
class PersonalNote:
    """One person's safeguarding information: special-category data, never shown by default.

    ``person_id`` is an opaque identifier from the project's own records (not a name).
    """

    person_id: str = attrs.field(validator=_name("person_id"))
    groups: frozenset[Group] = attrs.field(
        factory=frozenset, converter=_person_groups, repr=REDACTED, metadata=SENSITIVE
    )
    note: str = attrs.field(default="", validator=_note_text, repr=REDACTED, metadata=SENSITIVE)
