"""One project's people, roles, communities, words and plans: what the roles review reads.

>>> import datetime as dt
>>> from participatory.roles.models import UniversityStaff, StaffKind
>>> from participatory.roles import RoleAssignment, RelationshipBasis, ResearchStage
>>> lead = UniversityStaff("s1", "Dr Lee", StaffKind.ACADEMIC_RESEARCHER)
>>> project = ProjectRoles(
...     "Memory cafés", parties=[lead],
...     assignments=[RoleAssignment("s1", "lead researcher", RelationshipBasis.EQUAL_PARTNER,
...                                 stages=[ResearchStage.DESIGN])],
... )
>>> project.party("s1").name
'Dr Lee'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

import attrs

from participatory.core.errors import ValidationError
from participatory.core.fields import instances, texts
from participatory.core.record import Record
from participatory.roles.assignments import RoleAssignment
from participatory.roles.authorship import AuthorshipOffer, Contribution
from participatory.roles.models import PartnerOrganisation, Party, PersonContributor

__all__ = ["FindingsReturnPlan", "ProjectRoles"]

_T = TypeVar("_T")


@attrs.frozen
class FindingsReturnPlan(Record):
    """How and when the project will take its findings back to the people who contributed.

    Jo Stubbs (section 5.8): communities feel used when "researchers don't always follow
    up or return to share findings".
    """

    how: str
    due_by: dt.date | None = None
    returned_on: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.how, str) or not self.how.strip():
            raise ValidationError("findings_return.how", "must say how findings will be returned")


def _parties(value: Iterable[Party]) -> tuple[Party, ...]:
    # Each is checked to be a person, organisation or staff member after construction.
    parties: tuple[Any, ...] = instances(object, value, "parties", what="parties")
    return parties


def _assignments(value: Iterable[RoleAssignment]) -> tuple[RoleAssignment, ...]:
    return instances(RoleAssignment, value, "assignments", what="role assignments")


def _communities(value: Iterable[str]) -> tuple[str, ...]:
    return texts(value, "communities")


def _terms_used(value: Iterable[str]) -> tuple[str, ...]:
    return texts(value, "terms_used")


def _contributions(value: Iterable[Contribution]) -> tuple[Contribution, ...]:
    return instances(Contribution, value, "contributions", what="contributions")


def _offers(value: Iterable[AuthorshipOffer]) -> tuple[AuthorshipOffer, ...]:
    return instances(AuthorshipOffer, value, "authorship_offers", what="authorship offers")


@attrs.frozen
class ProjectRoles(Record):
    """The roles picture of one project.

    ``communities`` are the communities the project names as those it works with or for;
    ``terms_used`` the words it uses to describe itself ("co-production", "PPIE").

    In plain data (:func:`~participatory.interchange.to_plain`, read back by
    :func:`~participatory.interchange.from_plain`) each of ``parties`` carries a
    ``"party_type"`` of ``"person"``, ``"organisation"`` or ``"staff"``
    (:data:`~participatory.roles.models.PARTY_TYPES`): the one list holds all three, and
    their fields alone cannot tell a person from a member of staff.

    >>> from participatory.interchange import from_plain, to_plain
    >>> from participatory.roles.models import StaffKind, UniversityStaff
    >>> roles = ProjectRoles("Memory cafés",
    ...                      parties=[UniversityStaff("s1", "Dr Lee", StaffKind.FACILITATOR)])
    >>> to_plain(roles)["parties"]
    [{'party_type': 'staff', 'id': 's1', 'name': 'Dr Lee', 'kind': 'facilitator'}]
    >>> from_plain(ProjectRoles, to_plain(roles)) == roles
    True
    """

    title: str
    parties: tuple[Party, ...] = attrs.field(
        default=(),
        converter=_parties,
    )
    assignments: tuple[RoleAssignment, ...] = attrs.field(
        default=(),
        converter=_assignments,
    )
    communities: tuple[str, ...] = attrs.field(
        default=(),
        converter=_communities,
    )
    terms_used: tuple[str, ...] = attrs.field(
        default=(),
        converter=_terms_used,
    )
    contributions: tuple[Contribution, ...] = attrs.field(
        default=(),
        converter=_contributions,
    )
    authorship_offers: tuple[AuthorshipOffer, ...] = attrs.field(
        default=(),
        converter=_offers,
    )
    findings_return: FindingsReturnPlan | None = None

    def __attrs_post_init__(self) -> None:
        ids: set[str] = set()
        for index, party in enumerate(self.parties):
            if not isinstance(party, Party):
                raise ValidationError(f"parties[{index}]", "must be a person, organisation, staff")
            if party.id in ids:
                # Indexes only: an id beside a role or a health note says who it is about.
                raise ValidationError(f"parties[{index}].id", "is used by an earlier party")
            ids.add(party.id)
        for field in ("assignments", "contributions", "authorship_offers"):
            seen: set[str] = set()
            for index, item in enumerate(getattr(self, field)):
                if item.party not in ids:
                    raise ValidationError(f"{field}[{index}].party", "is not one of the parties")
                if field != "assignments" and item.party in seen:
                    raise ValidationError(
                        f"{field}[{index}].party",
                        "names the same party as an earlier one; merge them",
                    )
                seen.add(item.party)

    def party(self, party_id: str) -> Party:
        """The party with ``party_id``."""
        for party in self.parties:
            if party.id == party_id:
                return party
        raise KeyError(party_id)

    def assignments_of(self, party_id: str) -> tuple[RoleAssignment, ...]:
        """Every role ``party_id`` holds."""
        return tuple(a for a in self.assignments if a.party == party_id)

    def people(self) -> Iterator[PersonContributor]:
        """The person contributors."""
        return (p for p in self.parties if isinstance(p, PersonContributor))

    def organisations(self) -> Iterator[PartnerOrganisation]:
        """The partner organisations."""
        return (p for p in self.parties if isinstance(p, PartnerOrganisation))

    def offer_to(self, party_id: str) -> AuthorshipOffer | None:
        """The authorship offer made to ``party_id``, if any."""
        return next((o for o in self.authorship_offers if o.party == party_id), None)
