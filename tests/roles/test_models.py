""":mod:`participatory.roles.models`: unit tests."""

import pytest

from participatory.core.errors import ValidationError
from participatory.core.privacy import REDACTED_TEXT, sensitive_fields
from participatory.core.serialise import unstructure
from participatory.roles import (
    ContributorKind,
    OrganisationKind,
    PartnerOrganisation,
    PersonContributor,
    StaffKind,
    UniversityStaff,
)

SECRET = "SENTINEL-bipolar-disorder"


def person(**sensitive):
    return PersonContributor("p1", "Sam", ContributorKind.EXPERT_BY_EXPERIENCE, **sensitive)


def test_sensitive_fields_are_marked_and_redacted():
    assert {f.name for f in sensitive_fields(PersonContributor)} == {
        "communities",
        "lived_experience",
        "health",
        "access_needs",
    }
    sam = person(lived_experience=SECRET, health=SECRET, access_needs=SECRET,
                 communities=[SECRET])  # fmt: skip
    for text in (repr(sam), str(sam), str(unstructure(sam))):
        assert SECRET not in text
    assert REDACTED_TEXT in repr(sam)
    assert unstructure(sam, include_sensitive=True)["lived_experience"] == SECRET


def test_bad_sensitive_values_are_refused_without_echoing_them():
    with pytest.raises(ValidationError) as caught:
        person(communities=[SECRET, ""])
    assert SECRET not in str(caught.value)
    assert caught.value.path == "communities"
    with pytest.raises(ValidationError, match="lived_experience"):
        person(lived_experience=42)
    with pytest.raises(ValidationError, match="not one string"):
        person(communities=SECRET)


def test_parties_need_ids_names_and_kinds():
    with pytest.raises(ValidationError, match="id: must be non-empty"):
        UniversityStaff(" ", "Jo", StaffKind.FACILITATOR)
    with pytest.raises(ValidationError, match="name"):
        PartnerOrganisation("o", "", OrganisationKind.CHARITY)
    with pytest.raises(TypeError):
        UniversityStaff("s", "Jo", "facilitator")


def test_partner_needs_a_name():
    with pytest.raises(ValidationError, match="name"):
        PartnerOrganisation("partner", "  ", OrganisationKind.CHARITY, expertise=["autism"])
