"""Partnership roles and recognition: who is a partner, what they do, how they are recognised.

Jo Stubbs (Jopson 2022, section 5.8): "At the heart of PR are these questions: who is a
partner, what is their role in the project, and how is their status recognised?" This
engine models the answer for one project (people, partner organisations and staff; their
roles, the stages they take part in and the recognition they chose; CRediT contributions
and ICMJE authorship) and reviews it against the report's recommendations with
:func:`assess_roles`.

>>> import datetime as dt
>>> from participatory.roles import *
>>> project = ProjectRoles(
...     "Sound and learning disability",
...     parties=[PartnerOrganisation("hns", "Heart n Soul", OrganisationKind.ARTS_ORGANISATION)],
...     assignments=[RoleAssignment("hns", "arts partner", RelationshipBasis.SERVICE_PROVIDER,
...                                 stages=[ResearchStage.DELIVERY],
...                                 described_as=["co-production"])],
... )
>>> assess_roles(project, as_at=dt.date(2025, 6, 1)).has("ROLE-COPRODUCER-CONTRACTED")
True
"""

from participatory.roles.assignments import (
    Recognition,
    RecognitionPreference,
    RelationshipBasis,
    RoleAssignment,
)
from participatory.roles.authorship import (
    AuthorshipDecision,
    AuthorshipOffer,
    AuthorshipOutcome,
    Contribution,
    ContributorRole,
    CreditTaxonomy,
    OfferResponse,
    assess_authorship,
    credit_taxonomy,
)
from participatory.roles.models import (
    ContributorKind,
    Group,
    OrganisationKind,
    PartnerOrganisation,
    Party,
    PersonContributor,
    StaffKind,
    UniversityStaff,
)
from participatory.roles.project import FindingsReturnPlan, ProjectRoles
from participatory.roles.review import RolesReview, assess_roles
from participatory.roles.stages import ResearchStage

__all__ = [
    "AuthorshipDecision",
    "AuthorshipOffer",
    "AuthorshipOutcome",
    "Contribution",
    "ContributorKind",
    "ContributorRole",
    "CreditTaxonomy",
    "FindingsReturnPlan",
    "Group",
    "OfferResponse",
    "OrganisationKind",
    "PartnerOrganisation",
    "Party",
    "PersonContributor",
    "ProjectRoles",
    "Recognition",
    "RecognitionPreference",
    "RelationshipBasis",
    "ResearchStage",
    "RoleAssignment",
    "RolesReview",
    "StaffKind",
    "UniversityStaff",
    "assess_authorship",
    "assess_roles",
    "credit_taxonomy",
]
