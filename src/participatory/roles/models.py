"""Who takes part: people, partner organisations and university staff.

Jo Stubbs (Jopson 2022, section 5.8) puts the question at the heart of participatory
research: "who is a partner, what is their role in the project, and how is their status
recognised?" These models answer the first part. A person's lived experience, health,
access needs and the communities they belong to are special-category data: they never
appear in ``repr``, errors or default serialisation.

>>> person = PersonContributor("p1", "Sam", ContributorKind.CO_RESEARCHER,
...                            lived_experience="psychosis", communities=("young people",))
>>> person
PersonContributor(id='p1', name='Sam', kind=<ContributorKind.CO_RESEARCHER: 'co_researcher'>, communities=<redacted>, lived_experience=<redacted>, health=<redacted>, access_needs=<redacted>)
"""  # noqa: E501

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.fields import members, set_repr
from participatory.core.privacy import REDACTED, SENSITIVE
from participatory.core.record import Record

__all__ = [
    "PARTY_TYPES",
    "PARTY_TYPE_KEY",
    "ContributorKind",
    "Group",
    "OrganisationKind",
    "PartnerOrganisation",
    "Party",
    "PersonContributor",
    "StaffKind",
    "UniversityStaff",
    "party_type",
]


def _required_text(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(attribute.name, "must be non-empty text")


def _names(field: str, *, sensitive: bool = False) -> Callable[[Iterable[str]], tuple[str, ...]]:
    def convert(value: Iterable[str]) -> tuple[str, ...]:
        if isinstance(value, str):
            raise ValidationError(field, "must be a list of names, not one string")
        try:
            names = tuple(value)
        except TypeError:
            # Say what is wanted, never what was given (it may be special-category data).
            raise ValidationError(field, "must be a list of names") from None
        if not all(isinstance(name, str) and name.strip() for name in names):
            # Never echo the names: for a person they are special-category data.
            problem = "must hold non-empty text only"
            raise ValidationError(field, problem if sensitive else f"{problem}: {names!r}")
        return names

    return convert


def _optional_text(field: str) -> Callable[[object], str | None]:
    def convert(value: object) -> str | None:
        if value is None or isinstance(value, str):
            return value
        raise ValidationError(field, "must be text or absent")

    return convert


class ContributorKind(enum.Enum):
    """The role a member of the public or community plays."""

    PUBLIC_CONTRIBUTOR = "public_contributor"
    EXPERT_BY_EXPERIENCE = "expert_by_experience"
    CO_RESEARCHER = "co_researcher"
    COMMUNITY_REPRESENTATIVE = "community_representative"
    CARER = "carer"
    ADVISORY_GROUP_MEMBER = "advisory_group_member"
    PUBLIC_CO_APPLICANT = "public_co_applicant"


class Group(enum.Enum):
    """A group of people a project works with whose safety and wellbeing need planning for.

    A partner organisation's expertise is in working with some of these groups (Heart n Soul
    with people with learning disabilities and autism, report 5.3); the safeguarding engine
    expects such a partner for the groups a project works with.
    """

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


class OrganisationKind(enum.Enum):
    """The kinds of partner organisation the report and the Co-Production Collective name."""

    COMMUNITY_GROUP = "community_group"
    GRASSROOTS_GROUP = "grassroots_group"
    CHARITY = "charity"
    ARTS_ORGANISATION = "arts_organisation"
    NHS_BODY = "nhs_body"
    LOCAL_AUTHORITY = "local_authority"
    HOUSING_ASSOCIATION = "housing_association"
    SOCIAL_ENTERPRISE = "social_enterprise"
    OTHER = "other"


class StaffKind(enum.Enum):
    """University staff roles in a participatory project."""

    ACADEMIC_RESEARCHER = "academic_researcher"
    PUBLIC_ENGAGEMENT_PROFESSIONAL = "public_engagement_professional"
    COMMUNITY_LIAISON_OFFICER = "community_liaison_officer"
    FACILITATOR = "facilitator"
    COORDINATOR = "coordinator"

    @property
    def bridges_communities(self) -> bool:
        """Whether the role exists to connect researchers and communities (sections 2.4, 5.8)."""
        return self in _BRIDGING_STAFF


_BRIDGING_STAFF = frozenset(
    {StaffKind.PUBLIC_ENGAGEMENT_PROFESSIONAL, StaffKind.COMMUNITY_LIAISON_OFFICER}
)


def _communities(value: Iterable[str]) -> tuple[str, ...]:
    return _names("communities", sensitive=True)(value)


def _lived_experience(value: str | None) -> str | None:
    return _optional_text("lived_experience")(value)


def _health(value: str | None) -> str | None:
    return _optional_text("health")(value)


def _access_needs(value: str | None) -> str | None:
    return _optional_text("access_needs")(value)


@attrs.frozen
class PersonContributor(Record):
    """A member of the public or of a community who contributes to the project.

    ``communities`` names the communities the person belongs to or speaks from, in the
    project's own words; it is sensitive because membership often reveals health,
    disability or ethnicity.
    """

    id: str = attrs.field(validator=_required_text)
    name: str = attrs.field(validator=_required_text)
    kind: ContributorKind = attrs.field(validator=attrs.validators.instance_of(ContributorKind))
    communities: tuple[str, ...] = attrs.field(
        default=(),
        converter=_communities,
        repr=REDACTED,
        metadata=SENSITIVE,
    )
    lived_experience: str | None = attrs.field(
        default=None,
        converter=_lived_experience,
        repr=REDACTED,
        metadata=SENSITIVE,
    )
    health: str | None = attrs.field(
        default=None,
        converter=_health,
        repr=REDACTED,
        metadata=SENSITIVE,
    )
    access_needs: str | None = attrs.field(
        default=None,
        converter=_access_needs,
        repr=REDACTED,
        metadata=SENSITIVE,
    )


def _communities_served(value: Iterable[str]) -> tuple[str, ...]:
    return _names("communities_served")(value)


def _expertise(values: Iterable[Group | str]) -> frozenset[Group]:
    return members(Group, values, "expertise")


@attrs.frozen
class PartnerOrganisation(Record):
    """An organisation working with the university: a charity, arts organisation, NHS body.

    ``communities_served`` names the communities the organisation works with, in the
    project's words (section 2.5: partners bring "access to the communities");
    ``expertise`` the groups it has expertise in working with, which the safeguarding
    engine counts (section 2.5: partners "can help to keep everyone ... protected and safe").

    >>> hns = PartnerOrganisation("hns", "Heart n Soul", OrganisationKind.ARTS_ORGANISATION,
    ...                           expertise=["learning_disabilities", "autism"])
    >>> hns.covers(Group.AUTISM), hns.covers(Group.BEREAVEMENT)
    (True, False)
    """

    id: str = attrs.field(validator=_required_text)
    name: str = attrs.field(validator=_required_text)
    kind: OrganisationKind = attrs.field(validator=attrs.validators.instance_of(OrganisationKind))
    communities_served: tuple[str, ...] = attrs.field(
        default=(),
        converter=_communities_served,
    )
    expertise: frozenset[Group] = attrs.field(
        factory=frozenset, converter=_expertise, repr=set_repr
    )

    def covers(self, group: Group) -> bool:
        """Whether the organisation has expertise in working with ``group``."""
        return group in self.expertise


@attrs.frozen
class UniversityStaff(Record):
    """A member of university staff: researcher, engagement professional, liaison officer."""

    id: str = attrs.field(validator=_required_text)
    name: str = attrs.field(validator=_required_text)
    kind: StaffKind = attrs.field(validator=attrs.validators.instance_of(StaffKind))


#: Anyone who can hold a role in a project.
Party = PersonContributor | PartnerOrganisation | UniversityStaff

#: The key naming a party's kind in plain data where people, organisations and staff share
#: one list (``ProjectRoles.parties``): their fields cannot tell them apart, since a person
#: with no sensitive field given and a member of staff are both an id, a name and a kind.
PARTY_TYPE_KEY: Final = "party_type"

#: Each value of :data:`PARTY_TYPE_KEY` and the party it names: the singulars of a project
#: file's ``people``, ``organisations`` and ``staff``.
PARTY_TYPES: Final[Mapping[str, type[Party]]] = MappingProxyType(
    {"person": PersonContributor, "organisation": PartnerOrganisation, "staff": UniversityStaff}
)


def party_type(party: Party) -> str:
    """The :data:`PARTY_TYPE_KEY` value of ``party``: ``person``, ``organisation`` or ``staff``.

    >>> party_type(UniversityStaff("s1", "Dr Lee", StaffKind.ACADEMIC_RESEARCHER))
    'staff'
    """
    for name, kind in PARTY_TYPES.items():
        if isinstance(party, kind):
            return name
    raise ValidationError(
        "party", "must be a PersonContributor, PartnerOrganisation or UniversityStaff"
    )
