""":mod:`participatory.safeguarding.assess`: unit tests."""

import pytest

from participatory.core.errors import ValidationError
from participatory.core.explain import Severity
from participatory.core.serialise import unstructure
from participatory.render.templates import message_keys
from participatory.render.text import sentence
from participatory.roles import Group, OrganisationKind, PartnerOrganisation
from participatory.safeguarding import (
    PersonalNote,
    SafeguardingProfile,
    assess_safeguarding,
)

SENTINEL = "SENTINEL-miscarriage-2024"


def test_a_partner_is_named_not_listed_as_a_measure():
    profile = SafeguardingProfile(
        groups=["bereavement"], intensity="low", measures=["partner_with_expertise"]
    )
    with pytest.raises(ValidationError, match="naming partners"):
        assess_safeguarding(profile)


def test_person_findings_are_sensitive_and_redacted_by_default():
    profile = SafeguardingProfile(groups=["older_people"], intensity="low")
    result = assess_safeguarding(
        profile, [PersonalNote("p-9", groups=["bereavement"], note=SENTINEL)]
    )
    [person] = result.by_rule("SAFE-PERSON-NEEDS")
    assert person.sensitive
    assert person.subject == "p-9"
    assert all(not f.sensitive for f in result if f.rule_id != "SAFE-PERSON-NEEDS")
    data = unstructure(result)
    assert SENTINEL not in str(data)
    assert "bereaved" not in str(data)
    assert "bereaved" in sentence(person, locale="en_GB", include_sensitive=True)
    assert "<redacted>" in sentence(person, locale="en_GB", include_sensitive=False)
    assert "<redacted>" in sentence(person, locale="en_GB")


def test_a_person_in_a_listed_group_adds_no_finding():
    profile = SafeguardingProfile(groups=["bereavement"], intensity="low")
    result = assess_safeguarding(profile, [PersonalNote("p-1", groups=["bereavement"])])
    assert not result.has("SAFE-PERSON-NEEDS")


def test_person_in_unlisted_group_whose_needs_are_met_gets_advice_only():
    profile = SafeguardingProfile(
        groups=["older_people"],
        intensity="low",
        measures=["accessible_transport", "coordinator_training", "clear_boundaries"],
        partners=[
            PartnerOrganisation(
                "age-friendly",
                "Age friendly",
                OrganisationKind.CHARITY,
                expertise=["older_people", "autism"],
            )
        ],
    )
    result = assess_safeguarding(profile, [PersonalNote("p-2", groups=["autism"])])
    [person] = result.by_rule("SAFE-PERSON-NEEDS")
    # Autism adds check-ins and a quiet space, neither planned.
    assert person.severity is Severity.WARNING
    assert "check-in" in sentence(person, locale="en_GB", include_sensitive=True)


def test_no_groups_and_low_intensity_expects_nothing():
    result = assess_safeguarding(SafeguardingProfile(groups=[], intensity="low"))
    assert result.expected == frozenset()
    assert result.findings == ()


def test_every_safeguarding_message_key_is_defined():
    profile = SafeguardingProfile(
        groups=list(Group),
        intensity="high",
        partners=[PartnerOrganisation("p", "P", OrganisationKind.CHARITY, expertise=["autism"])],
    )
    result = assess_safeguarding(profile, [PersonalNote("p", groups=["autism"])])
    for finding in result:
        assert finding.message_key in message_keys()
        assert sentence(finding, locale="en_GB")
