""":mod:`participatory.roles.review`: property tests."""

import json

import attrs
from hypothesis import given
from hypothesis import strategies as st

from participatory.core.explain import Severity
from participatory.core.serialise import unstructure
from participatory.render.text import sentence
from participatory.roles import (
    ContributorKind,
    PersonContributor,
    RelationshipBasis,
    ResearchStage,
    RoleAssignment,
    assess_roles,
)
from participatory.testing import roles as pr
from participatory.testing import strategies as ps

SENTINEL = "SENSITIVE-SENTINEL"


LATE = {"ROLE-JOINED-AFTER-DESIGN", "ROLE-JOINED-AFTER-APPLICATION"}


EARLY_STAGES = [
    ResearchStage.PRIORITY_SETTING,
    ResearchStage.IDEA_GENERATION,
    ResearchStage.APPLICATION,
]


def late(review):
    return {(f.rule_id, f.subject) for f in review.findings if f.rule_id in LATE}


def lateness(review):
    """How late each party is judged: the severity rank of its late finding, by subject."""
    return {f.subject: f.severity.rank for f in review.findings if f.rule_id in LATE}


@given(pr.projects(), st.data(), ps.dates())
def test_adding_an_earlier_stage_never_creates_a_late_finding(project, data, as_at):
    if not project.assignments:
        return
    index = data.draw(st.integers(0, len(project.assignments) - 1))
    chosen = project.assignments[index]
    earlier = [s for s in ResearchStage if s < chosen.first_stage]
    if not earlier:
        return
    stage = data.draw(st.sampled_from(earlier))
    changed = list(project.assignments)
    changed[index] = attrs.evolve(chosen, stages=(*chosen.stages, stage))
    before = assess_roles(project, as_at=as_at)
    after = assess_roles(attrs.evolve(project, assignments=changed), as_at=as_at)
    # No party gains a late finding, and none is judged more severely (joining at design
    # instead of delivery turns "after design" into the milder "after the application").
    was, now = lateness(before), lateness(after)
    assert set(now) <= set(was)
    assert all(now[subject] <= was[subject] for subject in now)


@given(pr.projects(), st.sampled_from(EARLY_STAGES), pr.stages(), ps.dates())
def test_a_contributor_added_by_the_application_is_never_late(project, first, more, as_at):
    newcomer = PersonContributor("newcomer", "New", ContributorKind.PUBLIC_CONTRIBUTOR)
    assignment = RoleAssignment(
        "newcomer", "adviser", RelationshipBasis.ADVISORY, stages=(first, *more)
    )
    grown = attrs.evolve(
        project,
        parties=(*project.parties, newcomer),
        assignments=(*project.assignments, assignment),
    )
    before = assess_roles(project, as_at=as_at)
    after = assess_roles(grown, as_at=as_at)
    assert late(after) == late(before)


@given(pr.projects(), ps.dates())
def test_serialised_reviews_and_projects_never_contain_sensitive_values(project, as_at):
    review = assess_roles(project, as_at=as_at)
    for value in (project, review):
        text = json.dumps(unstructure(value))
        assert SENTINEL not in text
        assert SENTINEL not in repr(value)
    for finding in review.findings:
        assert SENTINEL not in sentence(finding, locale="en_GB", include_sensitive=False)
    people = [p for p in project.parties if isinstance(p, PersonContributor)]
    if people:
        assert SENTINEL in json.dumps(unstructure(project, include_sensitive=True))


@given(pr.projects(), ps.dates())
def test_every_finding_is_explained_cited_and_renders(project, as_at):
    review = assess_roles(project, as_at=as_at)
    for finding in review.findings:
        assert finding.rule_id.startswith("ROLE-")
        assert finding.citations
        assert "{" not in sentence(finding, locale="en_GB")
    assert review.worst.is_at_least(Severity.INFO)
    assert len(review.authorship) == len(project.contributions)


@given(pr.projects(), ps.dates())
def test_review_is_deterministic(project, as_at):
    assert assess_roles(project, as_at=as_at) == assess_roles(project, as_at=as_at)


@given(pr.projects(), ps.dates())
def test_only_one_person_per_named_community_is_a_single_voice(project, as_at):
    review = assess_roles(project, as_at=as_at)
    for finding in review.by_rule("ROLE-SINGLE-VOICE"):
        assert finding.sensitive
        assert finding.values["community"] in project.communities
