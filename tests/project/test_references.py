""":mod:`participatory.project.references`: every id defined once, and each thing named once."""

from __future__ import annotations

import pytest

from participatory.core.errors import ValidationError
from participatory.project import Project, ProjectValidationError, Session
from participatory.roles import (
    ContributorKind,
    OrganisationKind,
    PartnerOrganisation,
    PersonContributor,
)
from participatory.safeguarding import SafeguardingProfile

SENTINEL = "SENTINEL-91c2"


def person(person_id: str) -> PersonContributor:
    return PersonContributor(person_id, person_id.title(), ContributorKind.PUBLIC_CONTRIBUTOR,
                             lived_experience=SENTINEL)  # fmt: skip


def test_ids_are_checked_across_the_whole_project():
    with pytest.raises(ProjectValidationError) as caught:
        Project(
            id="p",
            title="P",
            people=[person("amira"), person("amira")],
            sessions=[Session("s", "meeting", "2026-05-01", "2", contributors=["zed"])],
        )
    paths = [p.path for p in caught.value.problems]
    assert paths == ["people[1].id", "sessions[0].contributors[0]"]
    assert isinstance(caught.value, ValidationError)
    assert SENTINEL not in str(caught.value)


def test_safeguarding_partners_are_the_projects_organisations_named_once():
    """Heart n Soul is named once, with its expertise; the safeguarding engine sees it there."""
    hns = PartnerOrganisation("hns", "Heart n Soul", OrganisationKind.ARTS_ORGANISATION,
                              expertise={"learning_disabilities", "autism"})  # fmt: skip
    profile = SafeguardingProfile(groups={"learning_disabilities"}, intensity="high")
    project = Project(id="p", title="P", organisations=[hns], safeguarding=profile)
    assert project.safeguarding_profile() == SafeguardingProfile(
        groups={"learning_disabilities"}, intensity="high", partners=[hns]
    )
    assert Project(id="q", title="Q").safeguarding_profile() is None
    twice = SafeguardingProfile(groups=(), intensity="low", partners=[hns])
    with pytest.raises(ProjectValidationError) as caught:
        Project(id="p", title="P", organisations=[hns], safeguarding=twice)
    assert [p.path for p in caught.value.problems] == ["safeguarding.partners"]
    assert "under organisations" in str(caught.value)
