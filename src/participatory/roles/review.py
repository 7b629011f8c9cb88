"""The roles review: every roles rule over one project, as one explained result.

>>> import datetime as dt
>>> from participatory.core.explain import Severity
>>> from participatory.roles import (ProjectRoles, PersonContributor, ContributorKind,
...     RoleAssignment, RelationshipBasis, ResearchStage)
>>> project = ProjectRoles(
...     "Talking about memory",
...     parties=[PersonContributor("p1", "Ana", ContributorKind.PUBLIC_CONTRIBUTOR)],
...     assignments=[RoleAssignment("p1", "advisory group member", RelationshipBasis.ADVISORY,
...                                 stages=[ResearchStage.DELIVERY])],
...     terms_used=["PPIE"],
... )
>>> review = assess_roles(project, as_at=dt.date(2025, 6, 1))
>>> [f.rule_id for f in review.at_least(Severity.WARNING)]
['ROLE-JOINED-AFTER-DESIGN', 'ROLE-NO-RETURN-PLAN']
>>> review.terms[0].term.id
'public_involvement'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from participatory.core.errors import ValidationError
from participatory.core.explain import Explained, Finding
from participatory.roles.authorship import AuthorshipDecision
from participatory.roles.project import ProjectRoles
from participatory.roles.rules import (
    authorship_decisions,
    authorship_wishes,
    bridging_roles,
    community_representation,
    contracted_coproducers,
    late_involvement,
    recognition_preferences,
    return_of_findings,
)
from participatory.roles.terms import term_definitions
from participatory.vocabulary.files import bundled_vocabulary
from participatory.vocabulary.terms import TermLookup, Vocabulary

__all__ = ["RolesReview", "assess_roles"]


@attrs.frozen
class RolesReview(Explained):
    """The roles review of one project: findings, the authorship decisions, the terms in force."""

    project: str = attrs.field(kw_only=True)
    as_at: dt.date = attrs.field(kw_only=True)
    authorship: tuple[AuthorshipDecision, ...] = attrs.field(kw_only=True, default=())
    #: For each word the project uses: the definition in force and where it came from.
    terms: tuple[TermLookup, ...] = attrs.field(kw_only=True, default=())


def assess_roles(
    project: ProjectRoles, *, as_at: dt.date, vocabulary: Vocabulary | None = None
) -> RolesReview:
    """Apply every roles rule to ``project`` as things stood on ``as_at``.

    ``vocabulary`` defaults to the bundled one; pass the institution's layered vocabulary
    (:func:`participatory.vocabulary.load_vocabulary`) so its definitions are in force.
    """
    if not isinstance(as_at, dt.date) or isinstance(as_at, dt.datetime):
        raise ValidationError("as_at", "must be a date")
    if not isinstance(project, ProjectRoles):
        raise ValidationError("project", "must be a ProjectRoles")
    vocabulary = vocabulary if vocabulary is not None else bundled_vocabulary()
    lookups, term_findings = term_definitions(project, vocabulary)
    decisions = authorship_decisions(project, as_at)
    findings: Iterable[Finding] = (
        *late_involvement(project),
        *contracted_coproducers(project, vocabulary),
        *community_representation(project),
        *recognition_preferences(project, as_at),
        *(f for decision in decisions for f in decision.findings),
        *authorship_wishes(project, as_at),
        *bridging_roles(project),
        *return_of_findings(project, as_at),
        *term_findings,
    )
    return RolesReview(
        findings=tuple(findings),
        project=project.title,
        as_at=as_at,
        authorship=decisions,
        terms=lookups,
    )
