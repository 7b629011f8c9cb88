"""The report's own cases (Jopson 2022), as roles reviews.

Each test builds the situation an interviewee described and checks the review says what
the report says about it. Reasoning is in each docstring, with the section.
"""

import datetime as dt

import pytest

from participatory.core.explain import Severity
from participatory.render.text import sentence
from participatory.roles import (
    AuthorshipOffer,
    AuthorshipOutcome,
    Contribution,
    ContributorKind,
    FindingsReturnPlan,
    OfferResponse,
    OrganisationKind,
    PartnerOrganisation,
    PersonContributor,
    ProjectRoles,
    Recognition,
    RecognitionPreference,
    RelationshipBasis,
    ResearchStage,
    RoleAssignment,
    StaffKind,
    UniversityStaff,
    assess_roles,
)

AS_AT = dt.date(2022, 7, 1)  # the report's month
ASKED = RecognitionPreference.chose(dt.date(2022, 3, 1), Recognition.PAYMENT)
RETURN = FindingsReturnPlan("sharing event with partners", due_by=dt.date(2023, 3, 1))


def rules(review, severity=Severity.INFO):
    return sorted({f.rule_id for f in review.at_least(severity)})


def citations_of(review, rule_id):
    return {c.pinpoint for f in review.by_rule(rule_id) for c in f.citations}


def bristol_project(basis, first_stage):
    """Jo Stubbs's projects at the Elizabeth Blackwell Institute (section 5.8)."""
    return ProjectRoles(
        "Arts and health research (Bristol)",
        parties=[
            UniversityStaff("hr", "Health researcher", StaffKind.ACADEMIC_RESEARCHER),
            UniversityStaff("jo", "Jo Stubbs", StaffKind.PUBLIC_ENGAGEMENT_PROFESSIONAL),
            PartnerOrganisation("art", "Artist collective", OrganisationKind.ARTS_ORGANISATION),
        ],
        assignments=[
            RoleAssignment("hr", "lead researcher", RelationshipBasis.EQUAL_PARTNER,
                           stages=[ResearchStage.APPLICATION, ResearchStage.ANALYSIS]),
            RoleAssignment("jo", "public engagement associate", RelationshipBasis.COLLABORATOR,
                           stages=[ResearchStage.IDEA_GENERATION, ResearchStage.DELIVERY]),
            RoleAssignment("art", "artistic partner", basis,
                           stages=[first_stage, ResearchStage.DISSEMINATION],
                           described_as=["co-produced"]),
        ],
        terms_used=["co-production"],
        findings_return=RETURN,
    )  # fmt: skip


def test_bristol_artistic_partner_treated_as_contractor():
    """Section 5.8: some health researchers perceived "artistic partners more as service
    providers/contractors/consultants than equal partners".

    The artists are called co-producers ("co-produced", and the project calls itself
    "co-production") but engaged as a service provider, and join only at delivery, after
    the design: two warnings, the first citing section 5.8 and the second Heart n Soul's
    "brought in from the beginning" (section 5.3). Jo, a public engagement professional,
    is the bridging role the report asks for (sections 2.4, 5.8), so that is met.
    """
    review = assess_roles(
        bristol_project(RelationshipBasis.SERVICE_PROVIDER, ResearchStage.DELIVERY), as_at=AS_AT
    )
    assert rules(review, Severity.WARNING) == [
        "ROLE-COPRODUCER-CONTRACTED",
        "ROLE-JOINED-AFTER-DESIGN",
    ]
    (contracted,) = review.by_rule("ROLE-COPRODUCER-CONTRACTED")
    assert contracted.subject == "art"
    assert contracted.values["terms"] == ["Co-production"]
    assert any(r == "§5.8" for r in citations_of(review, contracted.rule_id))
    assert any(r == "§5.3" for r in citations_of(review, "ROLE-JOINED-AFTER-DESIGN"))
    assert review.has("ROLE-BRIDGING-ROLE")
    assert not review.has("ROLE-NO-BRIDGING-ROLE")
    text = sentence(contracted, locale="en_GB")
    assert "Artist collective (artistic partner)" in text
    assert "service provider" in text


def test_bristol_consultant_is_a_contractor_too():
    """Section 5.8 names "service providers/contractors/consultants" together."""
    review = assess_roles(
        bristol_project(RelationshipBasis.CONSULTANT, ResearchStage.IDEA_GENERATION), as_at=AS_AT
    )
    assert review.has("ROLE-COPRODUCER-CONTRACTED")
    assert not review.has("ROLE-JOINED-AFTER-DESIGN")


def test_bristol_artists_as_equal_partners_from_the_start_raise_nothing():
    """The same artists as equal partners from idea generation: what the report asks for."""
    review = assess_roles(
        bristol_project(RelationshipBasis.EQUAL_PARTNER, ResearchStage.IDEA_GENERATION), as_at=AS_AT
    )
    assert not review.has("ROLE-COPRODUCER-CONTRACTED")
    assert review.has("ROLE-PARTNERS-FROM-START")


def heart_n_soul(first_stage=ResearchStage.IDEA_GENERATION):
    """Heart n Soul at the Hub, Wellcome Collection, 2018-2020 (section 5.3)."""
    community = "people with learning disabilities"
    artists = [
        PersonContributor(f"a{n}", name, ContributorKind.CO_RESEARCHER, communities=[community],
                          access_needs="easy read, taxis")
        for n, name in enumerate(["Ali", "Bea", "Cal"])
    ]  # fmt: skip
    return ProjectRoles(
        "Attitudes to learning disability (the Hub)",
        parties=[
            *artists,
            PartnerOrganisation("hns", "Heart n Soul", OrganisationKind.ARTS_ORGANISATION,
                                communities_served=[community]),
            UniversityStaff("ac", "Academic", StaffKind.ACADEMIC_RESEARCHER),
        ],
        assignments=[
            *(RoleAssignment(a.id, "equal partner", RelationshipBasis.EQUAL_PARTNER,
                             stages=[first_stage, ResearchStage.DELIVERY,
                                     ResearchStage.DISSEMINATION],
                             recognition=ASKED) for a in artists),
            RoleAssignment("hns", "producer and bridge", RelationshipBasis.EQUAL_PARTNER,
                           stages=[first_stage, ResearchStage.LEGACY], bridges_communities=True),
            RoleAssignment("ac", "researcher", RelationshipBasis.COLLABORATOR,
                           stages=[ResearchStage.DESIGN]),
        ],
        communities=[community],
        terms_used=["co-production"],
        findings_return=RETURN,
    )  # fmt: skip


def test_heart_n_soul_equal_partners_brought_in_from_the_beginning():
    """Section 5.3: Heart n Soul works with people with learning disabilities "as equal
    partners", and "partners need to be brought in from the beginning, as collaborators and
    not service providers". Producer Jenny Sutton was "a bridge between the academics and
    the people with learning disabilities".

    Three people from the community (not one), the organisation that serves it, all in from
    idea generation, each asked about recognition, a plan to return findings: nothing to
    warn about. The partners-from-start and bridging rules are met. The academic joins at
    design but is staff, not a partner, so is not judged by the late rule.
    """
    review = assess_roles(heart_n_soul(), as_at=AS_AT)
    assert rules(review, Severity.ADVICE) == []
    assert review.has("ROLE-PARTNERS-FROM-START")
    (from_start,) = review.by_rule("ROLE-PARTNERS-FROM-START")
    assert from_start.values["count"] == 4  # three artists and Heart n Soul
    assert review.by_rule("ROLE-BRIDGING-ROLE")[0].subject == "hns"


def test_heart_n_soul_brought_in_at_design_is_after_the_application():
    """If the same partners first came in at design, the application was written without
    them: ADVICE (not yet a warning: they still shape the design), citing section 5.3 and
    the Co-Production Collective's "ideas generation stage" (section 5.6)."""
    review = assess_roles(heart_n_soul(ResearchStage.DESIGN), as_at=AS_AT)
    late = review.by_rule("ROLE-JOINED-AFTER-APPLICATION")
    assert {f.subject for f in late} == {"a0", "a1", "a2", "hns"}
    assert {f.severity for f in late} == {Severity.ADVICE}
    assert "§5.6" in citations_of(review, late[0].rule_id)


def kcl_project(offer_a=True):
    """Community co-researchers as co-authors (sections 5.4 and 5.5)."""
    people = [
        PersonContributor("yp1", "Young co-researcher 1", ContributorKind.CO_RESEARCHER),
        PersonContributor("yp2", "Young co-researcher 2", ContributorKind.CO_RESEARCHER),
        PersonContributor("adv", "Adviser", ContributorKind.EXPERT_BY_EXPERIENCE,
                          lived_experience="trauma"),
    ]  # fmt: skip
    wants_authorship = RecognitionPreference.chose(
        dt.date(2022, 1, 10), Recognition.CO_AUTHORSHIP, Recognition.PAYMENT
    )
    offers = [
        AuthorshipOffer("yp1", dt.date(2022, 5, 1), OfferResponse.ACCEPTED,
                        approved_final_version=True, accountable=True),
    ]  # fmt: skip
    return ProjectRoles(
        "Embodied Lines",
        parties=people,
        assignments=[
            RoleAssignment(p.id, "co-researcher", RelationshipBasis.EQUAL_PARTNER,
                           stages=[ResearchStage.DESIGN, ResearchStage.ANALYSIS],
                           recognition=wants_authorship)
            for p in people
        ],
        contributions=[
            Contribution("yp1", ["Investigation", "Formal analysis", "Writing – original draft"]),
            Contribution("yp2", ["investigation", "formal-analysis"]),
            Contribution("adv", ["lived-experience-advice"]),
        ],
        authorship_offers=offers if offer_a else [],
        findings_return=RETURN,
    )  # fmt: skip


def test_kcl_co_researchers_named_as_co_authors():
    """Section 5.4 (Science Gallery London, KCL): co-produced projects expected to publish
    "with the community co-researchers named as co-authors"; section 5.5: trained
    co-researchers "write up findings, analyse data".

    yp1 collected and analysed data (Investigation, Formal analysis: ICMJE criterion 1),
    drafted (Writing – original draft: criterion 2), accepted an offer, approved the final
    version (3) and agreed to be accountable (4): an author. yp2 meets criterion 1 but was
    never offered authorship: ICMJE says they should get the chance to meet 2 and 3, so a
    WARNING. The adviser gave lived-experience advice only (a local role, not CRediT): no
    criterion-1 evidence, so acknowledge, and since they asked for co-authorship, advise
    recording any design or analysis role they actually had.
    """
    review = assess_roles(kcl_project(), as_at=AS_AT)
    outcomes = {d.party: d.outcome for d in review.authorship}
    assert outcomes == {
        "yp1": AuthorshipOutcome.AUTHOR,
        "yp2": AuthorshipOutcome.OFFER_AUTHORSHIP,
        "adv": AuthorshipOutcome.ACKNOWLEDGE,
    }
    assert {d.party: d.criteria_met for d in review.authorship}["yp1"] == (1, 2, 3, 4)
    (not_offered,) = review.by_rule("ROLE-AUTHORSHIP-NOT-OFFERED")
    assert (not_offered.subject, not_offered.severity) == ("yp2", Severity.WARNING)
    assert not_offered.values["roles"] == ["Investigation", "Formal analysis"]
    icmje = not_offered.citations[0]
    assert icmje.key == "ljd_icmje_criteria"  # the ICMJE page itself was not read
    assert not icmje.verified
    assert [f.subject for f in review.by_rule("ROLE-AUTHORSHIP-WISH-UNMET")] == ["adv"]
    assert review.by_rule("ROLE-AUTHORSHIP-CRITERIA-MET")[0].subject == "yp1"


def test_kcl_offer_made_after_the_review_date_does_not_count():
    """An offer dated after ``as_at`` had not been made on that day."""
    review = assess_roles(kcl_project(), as_at=dt.date(2022, 4, 30))
    assert {f.subject for f in review.by_rule("ROLE-AUTHORSHIP-NOT-OFFERED")} == {"yp1", "yp2"}


def cpc_project(*people_in_community):
    """The Co-Production Collective's warning about a single lived-experience voice (5.6)."""
    community = "people with lived experience of mental illness"
    people = [
        PersonContributor(pid, pid.upper(), ContributorKind.EXPERT_BY_EXPERIENCE,
                          communities=[community], lived_experience="mental illness")
        for pid in people_in_community
    ]  # fmt: skip
    return ProjectRoles(
        "Mental health services study",
        parties=people,
        assignments=[
            RoleAssignment(
                p.id,
                "expert by experience",
                RelationshipBasis.ADVISORY,
                stages=[ResearchStage.PRIORITY_SETTING],
                recognition=ASKED,
            )
            for p in people
        ],
        communities=[community, "carers"],
        findings_return=RETURN,
    )


def test_cpc_one_person_with_lived_experience_cannot_speak_for_all():
    """Section 5.6: "often researchers get one person with LE on board and assume they speak
    for all people with LE", and researchers hesitate to approach groups such as carers.

    One expert by experience for a named community: a sensitive WARNING (it links a person
    to a mental-health community). Carers are named but nobody from them is involved: a
    WARNING of its own.
    """
    review = assess_roles(cpc_project("ee1"), as_at=AS_AT)
    (single,) = review.by_rule("ROLE-SINGLE-VOICE")
    assert (single.subject, single.severity, single.sensitive) == ("ee1", Severity.WARNING, True)
    assert citations_of(review, "ROLE-SINGLE-VOICE") == {"§5.6"}
    (missing,) = review.by_rule("ROLE-COMMUNITY-NOT-INVOLVED")
    assert missing.values["community"] == "carers"
    hidden = sentence(single, locale="en_GB", include_sensitive=False)
    assert "EE1" not in hidden


def test_cpc_two_voices_are_not_a_single_voice():
    """Two people from the community: the single-voice rule no longer applies."""
    review = assess_roles(cpc_project("ee1", "ee2"), as_at=AS_AT)
    assert not review.has("ROLE-SINGLE-VOICE")


def test_cpc_research_participants_do_not_count_as_voices():
    """People recruited as research subjects are participants, not involved (NIHR; report
    section 2.1): a community with only participants from it has nobody involved."""
    project = cpc_project("ee1")
    project = ProjectRoles(
        project.title,
        parties=project.parties,
        assignments=[
            RoleAssignment(
                "ee1",
                "interviewee",
                RelationshipBasis.RESEARCH_PARTICIPANT,
                stages=[ResearchStage.DELIVERY],
            )
        ],
        communities=project.communities,
        findings_return=RETURN,
    )
    review = assess_roles(project, as_at=AS_AT)
    assert {f.values["community"] for f in review.by_rule("ROLE-COMMUNITY-NOT-INVOLVED")} == {
        "people with lived experience of mental illness",
        "carers",
    }


def test_jo_stubbs_findings_never_returned():
    """Section 5.8: communities feel used when researchers "don't always follow up or return
    to share findings". No plan: WARNING. A plan due 1 March 2023 reviewed on 2 March 2023
    without a return: overdue WARNING; returned on 1 February 2023: MET."""
    base = bristol_project(RelationshipBasis.EQUAL_PARTNER, ResearchStage.IDEA_GENERATION)
    without = ProjectRoles(base.title, parties=base.parties, assignments=base.assignments)
    assert assess_roles(without, as_at=AS_AT).has("ROLE-NO-RETURN-PLAN")
    assert assess_roles(base, as_at=dt.date(2023, 3, 1)).has("ROLE-RETURN-PLANNED")
    assert assess_roles(base, as_at=dt.date(2023, 3, 2)).has("ROLE-RETURN-OVERDUE")
    done = FindingsReturnPlan("event", due_by=dt.date(2023, 3, 1), returned_on=dt.date(2023, 2, 1))
    returned = ProjectRoles(base.title, parties=base.parties, assignments=base.assignments,
                            findings_return=done)  # fmt: skip
    assert assess_roles(returned, as_at=dt.date(2023, 3, 2)).has("ROLE-FINDINGS-RETURNED")


def test_bath_terms_used_interchangeably():
    """Section 2.1: terms "are used interchangeably e.g. participatory research,
    co-production, partnership working, collaborative research". A project using both
    co-production and participatory research is advised to say how they differ; a word
    nobody defined ("synergy research") has no definition in force: WARNING."""
    project = ProjectRoles("Words", terms_used=["Co-Production", "participatory research",
                                               "synergy research"])  # fmt: skip
    review = assess_roles(project, as_at=AS_AT)
    (confusable,) = review.by_rule("ROLE-TERMS-CONFUSABLE")
    assert {confusable.values["first"], confusable.values["second"]} == {
        "Co-production",
        "Participatory research",
    }
    (undefined,) = review.by_rule("ROLE-TERM-UNDEFINED")
    assert undefined.values["text"] == "synergy research"
    assert [lk.found for lk in review.terms] == [True, True, False]


def test_no_recognition_preference_recorded():
    """Section 2.6: "Ask them how they would like to have their contributions recognised".
    A public contributor nobody has asked gets ADVICE; one asked after the review date had
    not been asked on that day."""
    person = PersonContributor("p", "Pat", ContributorKind.PUBLIC_CONTRIBUTOR)
    later = RecognitionPreference.chose(dt.date(2022, 8, 1), Recognition.NONE)
    for recognition, expected in [(RecognitionPreference(), True), (later, True), (ASKED, False)]:
        project = ProjectRoles(
            "Ask", parties=[person], findings_return=RETURN,
            assignments=[RoleAssignment("p", "adviser", RelationshipBasis.ADVISORY,
                                        stages=[ResearchStage.PRIORITY_SETTING],
                                        recognition=recognition)],
        )  # fmt: skip
        assert assess_roles(project, as_at=AS_AT).has("ROLE-RECOGNITION-NOT-ASKED") is expected


@pytest.mark.parametrize(
    "project",
    [
        bristol_project(RelationshipBasis.SERVICE_PROVIDER, ResearchStage.DELIVERY),
        heart_n_soul(ResearchStage.DESIGN),
        kcl_project(),
        cpc_project("ee1"),
        ProjectRoles("Empty", terms_used=["co-produktion", "PPIE", "PR", "PPI"]),
        ProjectRoles(
            "Participants",
            parties=[PersonContributor("x", "X", ContributorKind.CARER)],
            assignments=[
                RoleAssignment(
                    "x",
                    "subject",
                    RelationshipBasis.RESEARCH_PARTICIPANT,
                    stages=[ResearchStage.DELIVERY],
                    described_as=["co-researcher"],
                )
            ],
        ),
    ],
)
def test_every_finding_renders_in_english(project):
    """Every message key a scenario produces is defined and formats with its values."""
    review = assess_roles(project, as_at=AS_AT)
    assert review.findings
    for finding in review.findings:
        text = sentence(finding, locale="en_GB")
        assert "{" not in text
        sentence(finding, locale="en_GB", include_sensitive=False)
        for action in finding.actions:
            assert sentence(
                type(finding)(finding.rule_id, finding.severity, action), locale="en_GB"
            )
