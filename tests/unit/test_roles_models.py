import datetime as dt

import pytest

from participatory.core.errors import ValidationError
from participatory.core.privacy import REDACTED_TEXT, sensitive_fields
from participatory.core.serialise import unstructure
from participatory.roles import (
    AuthorshipOffer,
    AuthorshipOutcome,
    Contribution,
    ContributorKind,
    OfferResponse,
    OrganisationKind,
    PartnerOrganisation,
    PersonContributor,
    ProjectRoles,
    Recognition,
    RecognitionPreference,
    RelationshipBasis,
    RoleAssignment,
    StaffKind,
    Stage,
    UniversityStaff,
    credit_taxonomy,
    decide_authorship,
)

SECRET = "SENTINEL-bipolar-disorder"
DAY = dt.date(2025, 6, 1)

# The 14 CRediT roles as listed in the domain brief (section 3.5).
CREDIT_14 = [
    "Conceptualization", "Data curation", "Formal analysis", "Funding acquisition",
    "Investigation", "Methodology", "Project administration", "Resources", "Software",
    "Supervision", "Validation", "Visualization", "Writing - original draft",
    "Writing - review & editing",
]  # fmt: skip


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


def test_stages_are_ordered_as_the_research_cycle():
    assert [s.value for s in sorted(Stage, reverse=True)][-3:] == [
        "application_writing",
        "idea_generation",
        "priority_setting",
    ]
    assert Stage.IDEA_GENERATION < Stage.APPLICATION_WRITING < Stage.DESIGN < Stage.GOVERNANCE
    assert Stage.FOLLOW_UP.label == "follow-up and legacy"
    assert Stage.DESIGN.__lt__(3) is NotImplemented


def test_assignment_sorts_stages_and_knows_when_the_party_joined():
    assignment = RoleAssignment(
        "p1", "adviser", RelationshipBasis.ADVISORY, stages=[Stage.ANALYSIS, Stage.DESIGN,
                                                             Stage.DESIGN]
    )  # fmt: skip
    assert assignment.stages == (Stage.DESIGN, Stage.ANALYSIS)
    assert assignment.first_stage is Stage.DESIGN
    with pytest.raises(ValidationError, match="at least one stage"):
        RoleAssignment("p1", "adviser", RelationshipBasis.ADVISORY, stages=[])
    with pytest.raises(ValidationError, match="described_as"):
        RoleAssignment("p1", "a", RelationshipBasis.ADVISORY, stages=[Stage.DESIGN],
                       described_as="co-production")  # fmt: skip


def test_not_yet_asked_is_not_the_same_as_asked_and_wants_none():
    never = RecognitionPreference.not_yet_asked()
    declined = RecognitionPreference.chose(dt.date(2025, 1, 1), Recognition.NONE)
    assert never != declined
    assert not never.is_recorded(DAY)
    assert declined.is_recorded(DAY)
    assert not declined.is_recorded(dt.date(2024, 12, 31))


@pytest.mark.parametrize(
    ("asked_on", "chosen", "problem"),
    [
        (None, [Recognition.PAYMENT], "no date asked"),
        (DAY, [], "is empty"),
        (DAY, [Recognition.NONE, Recognition.PAYMENT], "combines NONE"),
        ("1 June", [Recognition.PAYMENT], "must be a date"),
    ],
)
def test_recognition_preference_validation(asked_on, chosen, problem):
    with pytest.raises(ValidationError, match=problem):
        RecognitionPreference(asked_on, chosen)


def test_recognition_accepts_iso_dates():
    assert RecognitionPreference("2025-01-02", [Recognition.TRAINING]).asked_on == dt.date(
        2025, 1, 2
    )


def test_project_refuses_unknown_and_duplicate_parties():
    staff = UniversityStaff("s", "Jo", StaffKind.FACILITATOR)
    with pytest.raises(ValidationError, match=r"parties\[1\].id: 's' is used twice"):
        ProjectRoles("P", parties=[staff, staff])
    with pytest.raises(ValidationError, match=r"assignments\[0\].party: 'x' is not one"):
        ProjectRoles(
            "P",
            parties=[staff],
            assignments=[
                RoleAssignment("x", "r", RelationshipBasis.ADVISORY, stages=[Stage.DESIGN])
            ],
        )
    with pytest.raises(ValidationError, match=r"contributions\[1\].party: 's' appears twice"):
        ProjectRoles("P", parties=[staff], contributions=[Contribution("s", []),
                                                          Contribution("s", [])])  # fmt: skip
    with pytest.raises(ValidationError, match=r"parties\[0\]"):
        ProjectRoles("P", parties=["Jo"])
    with pytest.raises(ValidationError, match="communities"):
        ProjectRoles("P", communities="carers")


def test_credit_taxonomy_has_the_14_official_roles_and_a_separate_local_role():
    taxonomy = credit_taxonomy()
    assert [r.name.replace("–", "-") for r in taxonomy.official()] == CREDIT_14
    assert [r.id for r in taxonomy.local()] == ["lived-experience-advice"]
    assert not taxonomy.roles["lived-experience-advice"].official
    assert set(taxonomy.icmje_criteria) == {1, 2, 3, 4}
    assert taxonomy.criterion_1_roles <= {r.id for r in taxonomy.official()}
    assert taxonomy.role("Writing – review & editing").id == "writing-review-editing"


def test_contribution_keeps_local_roles_out_of_the_credit_statement():
    contribution = Contribution("p", ["Lived-experience advice", "Methodology", "methodology"])
    assert contribution.roles == ("lived-experience-advice", "methodology")
    assert contribution.credit_roles() == ("methodology",)
    with pytest.raises(ValidationError, match="neither a CRediT role"):
        Contribution("p", ["Other"])
    with pytest.raises(ValidationError, match="not one string"):
        Contribution("p", "methodology")


@pytest.mark.parametrize(
    ("roles", "offer", "outcome", "criteria", "rule"),
    [
        ([], None, AuthorshipOutcome.NO_CONTRIBUTION, (), None),
        (["resources", "supervision"], None, AuthorshipOutcome.ACKNOWLEDGE, (),
         "ROLE-AUTHORSHIP-ACKNOWLEDGE"),
        (["writing-review-editing"], None, AuthorshipOutcome.ACKNOWLEDGE, (2,),
         "ROLE-AUTHORSHIP-ACKNOWLEDGE"),
        (["conceptualization"], None, AuthorshipOutcome.OFFER_AUTHORSHIP, (1,),
         "ROLE-AUTHORSHIP-NOT-OFFERED"),
        (["methodology"], AuthorshipOffer("p", DAY, OfferResponse.DECLINED),
         AuthorshipOutcome.OFFER_AUTHORSHIP, (1,), "ROLE-AUTHORSHIP-OFFERED"),
        (["methodology", "writing-original-draft"],
         AuthorshipOffer("p", DAY, OfferResponse.ACCEPTED, True, False),
         AuthorshipOutcome.OFFER_AUTHORSHIP, (1, 2, 3), "ROLE-AUTHORSHIP-OFFERED"),
        (["methodology", "writing-original-draft"],
         AuthorshipOffer("p", DAY, OfferResponse.ACCEPTED, True, True),
         AuthorshipOutcome.AUTHOR, (1, 2, 3, 4), "ROLE-AUTHORSHIP-CRITERIA-MET"),
        (["methodology"], AuthorshipOffer("p", DAY, OfferResponse.PENDING, True, True),
         AuthorshipOutcome.OFFER_AUTHORSHIP, (1,), "ROLE-AUTHORSHIP-OFFERED"),
    ],
)  # fmt: skip
def test_icmje_decisions(roles, offer, outcome, criteria, rule):
    """ICMJE: all four criteria for authorship; criterion 1 earns the offer of a chance at
    2 and 3; criteria 3 and 4 count only once the person accepted the offer."""
    decision = decide_authorship(Contribution("p", roles), offer, as_at=DAY)
    assert decision.outcome is outcome
    assert decision.criteria_met == criteria
    assert [f.rule_id for f in decision] == ([rule] if rule else [])
