""":mod:`participatory.ethics.routing`: scenarios, one per review route, from the cited guidance.

Each case is worked by hand in its docstring from the passages it rests on (catalogue
references ``document#passage``; the words are in ``src/participatory/data/sources/``).
Only the facts the case gives are set. Routes are compared as (body, requirement, nations)
so a test fails when a body, how it applies, or where, changes.
"""

import datetime as dt

import pytest

from participatory.core.explain import Severity
from participatory.core.serialise import unstructure
from participatory.ethics import (
    Action,
    Activity,
    Capacity,
    Fact,
    MissingFact,
    Nation,
    OpenQuestion,
    Party,
    PartyStatus,
    QuestionKind,
    Requirement,
    ReviewBody,
    Setting,
    Task,
    TriageOutcome,
    assess_activity,
)
from participatory.render.text import sentence

ON = dt.date(2026, 12, 6)
E, W, S, NI = Nation.ENGLAND, Nation.WALES, Nation.SCOTLAND, Nation.NORTHERN_IRELAND
R, P, A, U = Requirement.REQUIRED, Requirement.POLICY, Requirement.ADVICE, Requirement.UNSETTLED
B = ReviewBody

#: A group of people studied that nothing special applies to: every route fact answered no.
ORDINARY = dict.fromkeys(
    ["nhs_patients", "nhs_staff", "adult_social_care_users", "childrens_social_care_users",
     "may_lack_capacity", "in_custody_or_on_probation", "vulnerable", "under_18"],
    False,
)  # fmt: skip
#: A new study (not part of one already approved) that uses no patient records.
NEW_STUDY = {
    "generalisable": True,
    "approved_study_participants": False,
    "identifiable_patient_data": False,
    "prison_or_probation_setting": False,
    "personal_data": True,
    "large_scale_special_category": False,
}


def triage(activity):
    result = assess_activity(activity, as_at=ON)
    for finding in result.findings:
        assert sentence(finding, locale="en_GB", include_sensitive=True)
        assert sentence(finding, locale="cy")
    return result


def routes(result):
    return {(r.body, r.requirement, r.nations) for r in result.routes}


def participants(label="participants", **facts):
    return Party(label, Capacity.RESEARCH_PARTICIPANT, tasks={Task.PROVIDE_OWN_DATA},
                 facts={"own_data_analysed": True, "consent_planned": True,
                        **ORDINARY, **facts})  # fmt: skip


def verified(result, rule_id):
    return {c.key: c.verified for c in result.by_rule(rule_id)[0].citations}


def test_arts_co_production_at_a_university_goes_to_the_university_rec():
    """Arts co-production (examples/arts-coproduction.toml): artists with learning
    disabilities co-design a survey of gallery visitors' attitudes; the visitors' answers are
    analysed to give transferable findings.

    Rests on: hra_rec_decision_tool#result_no_rec_hei ("you do not need NHS REC approval,
    however, you may still require ... HEI ethical approval"), #result_hei_policy (check the
    institution's policy); esrc_expectations_ethics_review#full_review; UK GDPR art. 35(1)
    with ico_dpia_examples#best_practice for the DPIA screening.

    By hand: visitors are participants, generalisable -> RESEARCH. Not NHS patients, staff
    or premises, no patient data, no social care, capacity or custody -> no statutory
    committee in any nation -> the university REC, required; the nations do not change
    that, so they are not asked. Personal data, not large-scale special category -> a DPIA
    screening (advice). The artists co-designing are involved, not studied.
    """
    artists = Party("artists", Capacity.CO_RESEARCHER, tasks={Task.CO_DESIGN, Task.ANALYSE_DATA},
                    facts={"own_data_analysed": False}, people={"ben", "alex"})  # fmt: skip
    visitors = participants("visitors answering the survey")
    survey = Activity("attitudes-survey", parties=[artists, visitors],
                      facts={**NEW_STUDY, "data_about_people": True, "nhs_premises": False},
                      setting=Setting.MUSEUM_GALLERY)  # fmt: skip
    result = triage(survey)
    assert result.outcome is TriageOutcome.RESEARCH
    assert routes(result) == {(B.UNIVERSITY_REC, R, ()), (B.DPIA, A, ())}
    assert result.open_questions == ()
    assert result.status_of("artists") is PartyStatus.INVOLVED
    (university,) = [r for r in result.routes if r.body is B.UNIVERSITY_REC]
    assert university.decided_by[:1] == (Fact.NHS_PATIENTS,)
    assert verified(result, "ETH-ROUTE-UNIVERSITY-REC")["hra_rec_decision_tool"] is True
    assert Action.APPLY_BY_ROUTE in result.actions


def test_nhs_clinic_study_in_england_needs_an_nhs_rec_and_hra_approval():
    """Patients of an NHS outpatient clinic interviewed about their care, in England.

    Rests on: hra_gafrec_policy#users_of_services (REC review for participants identified
    from, or because of, their use of NHS services); hra_student_toolkit#tool_2 and
    hcrw_gaining_permission#scope (HRA Approval for the NHS in England);
    cambridge_where_to_apply#no_double_review (an NHS REC usually replaces the university's).

    By hand: patients are participants identified through NHS services -> NHS REC
    (required, one opinion, no nation); the NHS takes part in England -> HRA Approval
    (required, England); a statutory committee reviews -> the university REC is a matter of
    its policy; personal data -> DPIA screening.
    """
    clinic = Activity("clinic-interviews", parties=[participants("patients", nhs_patients=True)],
                      facts=NEW_STUDY, setting=Setting.NHS, nations={E})  # fmt: skip
    result = triage(clinic)
    assert routes(result) == {
        (B.NHS_REC, R, ()),
        (B.NHS_PERMISSION, R, (E,)),
        (B.UNIVERSITY_REC, P, ()),
        (B.DPIA, A, ()),
    }
    assert [r.name for r in result.routes][:2] == [
        "an NHS research ethics committee (an HSC REC in Northern Ireland), through IRAS",
        "the university's research ethics committee",
    ]
    assert "HRA Approval" in {r.name for r in result.routes}
    assert verified(result, "ETH-ROUTE-NHS-REC")["hra_gafrec_policy"] is True


def test_nhs_clinic_study_across_england_and_wales_has_one_rec_and_two_approvals():
    """The same study at clinics in England and Wales.

    Rests on: hcrw_obtaining_approval#must_apply and iras_hra_approval_help#wales_2018 (HRA
    and HCRW Approval for research in the NHS in Wales since 16 April 2018).

    By hand: one NHS REC opinion for the study; HRA Approval for England and HRA and HCRW
    Approval for Wales, each a route of its own nation.
    """
    clinic = Activity("clinic-interviews", parties=[participants("patients", nhs_patients=True)],
                      facts=NEW_STUDY, setting=Setting.NHS, nations={E, W})  # fmt: skip
    result = triage(clinic)
    permissions = {r.nations: r.name for r in result.routes if r.body is B.NHS_PERMISSION}
    assert permissions == {
        (E,): "HRA Approval",
        (W,): "HRA and Health and Care Research Wales Approval",
    }
    assert [r.nations for r in result.routes if r.body is B.NHS_REC] == [()]


def test_nhs_clinic_study_without_the_nation_asks_for_it():
    """By hand: the NHS permission differs by nation (HRA Approval, HRA and HCRW Approval,
    NRS permission, HSC Trust permission: nrs_permissions#local_permission,
    hscni_research_governance_review#required), so the nations are asked; the NHS REC,
    which does not differ, is certain."""
    clinic = Activity("clinic-interviews", parties=[participants("patients", nhs_patients=True)],
                      facts=NEW_STUDY, setting=Setting.NHS)  # fmt: skip
    result = triage(clinic)
    assert OpenQuestion(QuestionKind.NATIONS) in result.open_questions
    assert (B.NHS_REC, R, ()) in routes(result)
    assert not [r for r in result.routes if r.body is B.NHS_PERMISSION]
    (question,) = result.by_rule("ETH-ROUTE-NATIONS")
    text = sentence(question, locale="en_GB")
    assert "Scotland: NHS R&D permission" in text
    assert "Northern Ireland: HSC Trust research governance permission" in text


def prison_study(*nations, **facts):
    # Interviews with men serving sentences about education in prison.
    # A prison, not a secure training centre, home or youth offending team (round 14 asks).
    men = participants("men in custody", in_custody_or_on_probation=True, held_in_custody=True)
    return Activity("prison-education", parties=[men],
                    facts={**NEW_STUDY, "prison_or_probation_setting": True,
                           "youth_justice_setting": False, **facts},
                    setting=Setting.SECURE_SETTING, nations=set(nations))  # fmt: skip


def test_prison_study_in_england_needs_hmpps_and_the_university_rec():
    """Rests on: hmpps_research_page#must_apply (research involving offenders in prison
    establishments must apply to the HMPPS National Research Committee), #online_form;
    hmpps_pi_17_2014#nations (England and Wales).

    By hand: research with people in custody, in a prison, in England -> HMPPS NRC
    (required, England). Not health-related -> no NHS REC (the prisoner trigger is for
    health-related research) -> no statutory committee -> the university REC, required.
    The routes rest on a group's custody: sensitive, withheld from default output.
    """
    result = triage(prison_study(E, health_related=False))
    assert routes(result) == {
        (B.HMPPS_NRC, R, (E,)),
        (B.UNIVERSITY_REC, R, ()),
        (B.DPIA, A, ()),
    }
    (hmpps,) = [r for r in result.routes if r.body is B.HMPPS_NRC]
    assert hmpps.sensitive
    assert "hmpps" not in repr(hmpps).lower()
    # The triage's repr is its default copy's (custody read as no), where HMPPS is needed for
    # the prison setting alone: named there, and not marked sensitive.
    assert repr(result) == repr(result.shown(include_sensitive=False))
    assert [r.sensitive for r in result.shown(include_sensitive=False).routes
            if r.body is B.HMPPS_NRC] == [False]  # fmt: skip
    # Each route on its own is withheld; the result as a whole is written as its default
    # copy, the triage with custody read as no: the prison setting (not a safeguarding
    # answer) still needs HMPPS, and the university REC is required either way.
    shown = [r for r in unstructure(list(result.routes)) if r.get("withheld")]
    assert len(shown) == len([r for r in result.routes if r.sensitive]) >= 1
    default = unstructure(result)["routes"]
    assert {(r["body"], r["requirement"]) for r in default if r["body"] != "dpia"} == {
        ("hmpps_nrc", "required"),
        ("university_rec", "required"),
    }
    assert not any(r["sensitive"] for r in default)
    assert all(r["body"] is None for r in shown)
    assert verified(result, "ETH-ROUTE-HMPPS")["hmpps_research_page"] is True


def test_health_research_in_prison_also_goes_to_a_prison_flagged_nhs_rec():
    """Rests on: hra_prison_research#flagged_recs (primary: some RECs are flagged for prison
    research) and recruitnetworx_gafrec_2011#prisoners (GAfREC 2011 as restated: health-
    related research with prisoners needs REC review; secondary, so not verified).

    By hand: health-related -> an NHS REC (prison-flagged), required; then the university
    REC is a matter of its policy; HMPPS NRC still required."""
    result = triage(prison_study(E, health_related=True))
    assert {(B.NHS_REC, R, ()), (B.HMPPS_NRC, R, (E,)), (B.UNIVERSITY_REC, P, ())} <= routes(result)
    assert verified(result, "ETH-ROUTE-NHS-REC-PRISON")["recruitnetworx_gafrec_2011"] is False


def test_prison_study_in_scotland_is_not_settled():
    """The Scottish Prison Service's research access procedure was not found (research
    notes §4; hmpps_pi_17_2014#nations: HMPPS's instruction applies to England and Wales).
    By hand: the prison service's access is UNSETTLED, a referral finding; the university
    REC still reviews the (non-health) research."""
    result = triage(prison_study(S, health_related=False))
    assert (B.PRISON_SERVICE, U, (S,)) in routes(result)
    (unsettled,) = result.by_rule("ETH-ROUTE-PRISON-SERVICE")
    assert unsettled.severity is Severity.REFER
    (route,) = [r for r in result.routes if r.body is B.PRISON_SERVICE]
    assert route.name == "the Scottish Prison Service's research access"


def capacity_study(nation, **facts):
    # Life-story interviews with members of a community dementia group (not an NHS service).
    members = participants("group members", may_lack_capacity=True)
    return Activity("life-stories", parties=[members], facts={**NEW_STUDY, **facts},
                    setting=Setting.COMMUNITY, nations={nation})  # fmt: skip


def test_adults_who_may_lack_capacity_in_wales_need_an_appropriate_body():
    """Rests on: mca_2005#s30_1 (intrusive research with a person who lacks capacity is
    unlawful unless approved by the appropriate body), #s30_6 (for Wales, the National
    Assembly specifies it), hra_mca_qa#nations (England and Wales); screc_faq
    #university_not_appropriate_body (university RECs cannot approve); manchester_hra_
    exceptions#capacity_non_nhs_example (no NHS involvement: no HRA Approval, but an NHS REC).
    The Welsh appropriate-body regulations were not read: the finding says so.

    By hand: Wales, members aged 16+ who may lack capacity, interviewed (would need consent
    if they had capacity: intrusive) -> the capacity body for Wales, required; it is a
    statutory committee -> the university REC is its policy; no NHS patients, staff, data or
    premises -> no HRA and HCRW Approval.
    """
    result = triage(capacity_study(W))
    assert routes(result) == {
        (B.CAPACITY_BODY, R, (W,)),
        (B.UNIVERSITY_REC, P, ()),
        (B.DPIA, A, ()),
    }
    assert not [r for r in result.routes if r.body is B.NHS_PERMISSION]
    (finding,) = result.by_rule("ETH-ROUTE-CAPACITY-WALES")
    assert finding.sensitive
    assert "were not read" in sentence(finding, locale="en_GB", include_sensitive=True)
    assert verified(result, "ETH-ROUTE-CAPACITY-WALES")["mca_2005"] is True


def test_adults_who_may_lack_capacity_in_scotland_go_to_scotland_a():
    """Rests on: awi_scotland_2000#s51_1 (no surgical, medical, nursing, dental or
    psychological research on an incapable adult unless ...), #s51_3_c (approved by the
    Ethics Committee), awi_ethics_committee_regs_2002#reg_2, scot_gov_awi_consultation_2024
    #scotland_a (the Ethics Committee is Scotland A REC) and #single_committee.

    By hand: Scotland, health-related research (a psychological study of memory) -> Scotland
    A REC, required. Not health-related -> whether s. 51 reaches it is unsettled -> the
    capacity route is a referral, and the university REC is still required.
    """
    health = triage(capacity_study(S, health_related=True))
    assert (B.CAPACITY_BODY, R, (S,)) in routes(health)
    (route,) = [r for r in health.routes if r.body is B.CAPACITY_BODY]
    assert route.name.startswith("Scotland A Research Ethics Committee")
    social = triage(capacity_study(S, health_related=False))
    assert {(B.CAPACITY_BODY, U, (S,)), (B.UNIVERSITY_REC, R, ())} <= routes(social)
    assert social.by_rule("ETH-ROUTE-CAPACITY-SCOTLAND-UNSETTLED")[0].severity is Severity.REFER


def test_adults_who_may_lack_capacity_in_scotland_without_saying_health_asks_it():
    """By hand: whether the research is health-related decides between Scotland A REC and
    an unsettled route with the university REC: asked, never guessed."""
    result = triage(capacity_study(S))
    assert OpenQuestion(QuestionKind.ROUTE, Fact.HEALTH_RELATED) in result.open_questions
    assert not [r for r in result.routes if r.body is B.CAPACITY_BODY]


def test_adults_who_may_lack_capacity_in_northern_ireland():
    """Rests on: mca_ni_2016#s132_1 (16 or over; approved research project),
    mca_ni_research_amendment_regs_2020#hsc_recs and #appropriate_bodies (HSC RECs A and B,
    ORECNI, the Open University's, Queen's and Ulster's committees), in operation from
    3 February 2020 (#commencement). By hand: the Northern Ireland capacity body, required."""
    result = triage(capacity_study(NI))
    assert (B.CAPACITY_BODY, R, (NI,)) in routes(result)
    text = sentence(result.by_rule("ETH-ROUTE-CAPACITY-NI")[0], locale="en_GB",
                    include_sensitive=True)  # fmt: skip
    assert "Queen's University" in text


def care_home_study(*nations, **facts):
    residents = participants("residents", adult_social_care_users=True, **facts)
    return Activity("care-home-music", parties=[residents], facts=NEW_STUDY,
                    setting=Setting.SOCIAL_CARE, nations=set(nations))  # fmt: skip


def test_social_care_setting_in_england_goes_to_the_social_care_rec_or_an_esrc_rec():
    """Residents of a care home in England take part in a study of music sessions.

    Rests on: hra_social_care_research#three_recs (three RECs review social care research in
    England), screc_faq#esrc_university_rec (GAfREC 2.3.8A: social care research does not
    need the Social Care REC if reviewed by a committee following the ESRC framework, unless
    an exception applies; the list was not read); sheffield_social_care_governance
    #local_authority (secondary: local authority research governance).

    By hand: adult social care users in England, no NHS trigger, capacity no -> the Social
    Care REC, required, with the university REC as the alternative (not listed again); the
    local authority's research governance as advice; no HRA Approval (not NHS).
    """
    result = triage(care_home_study(E))
    assert routes(result) == {
        (B.SOCIAL_CARE_REC, R, (E,)),
        (B.LOCAL_AUTHORITY, A, (E,)),
        (B.DPIA, A, ()),
    }
    (screc,) = [r for r in result.routes if r.body is B.SOCIAL_CARE_REC]
    assert screc.alternatives == (B.UNIVERSITY_REC,)
    local = verified(result, "ETH-ROUTE-LOCAL-AUTHORITY")
    assert local["sheffield_social_care_governance"] is False


def test_social_care_in_england_with_residents_who_may_lack_capacity():
    """hra_social_care_research#mca_appropriate_body: the Social Care REC is an appropriate
    body under the MCA. By hand: capacity yes -> the capacity body for England (which names
    the Social Care REC), required; the ESRC alternative no longer applies."""
    result = triage(care_home_study(E, may_lack_capacity=True))
    assert (B.CAPACITY_BODY, R, (E,)) in routes(result)
    assert not [r for r in result.routes if r.body is B.SOCIAL_CARE_REC]


def test_social_care_setting_in_wales_goes_to_an_nhs_rec():
    """hra_gafrec_policy#relevant_services: adult social care is a relevant service in
    England, Wales and Northern Ireland; children's social care in Wales and Northern
    Ireland. By hand: Wales -> an NHS REC, required; the university REC is its policy; no
    HRA and HCRW Approval, since no NHS organisation takes part."""
    result = triage(care_home_study(W))
    assert {(B.NHS_REC, R, ()), (B.UNIVERSITY_REC, P, ())} <= routes(result)
    assert not [r for r in result.routes if r.body is B.NHS_PERMISSION]


def transcripts(**facts):
    # Locock et al. 2019: public contributors help analyse interview transcripts a study
    # already collected with ethics approval, anonymised, with consent to secondary analysis.
    contributors = Party("public contributors", Capacity.PUBLIC_CONTRIBUTOR,
                         tasks={Task.ANALYSE_DATA}, facts={"own_data_analysed": False})  # fmt: skip
    return Activity("transcript-analysis", parties=[contributors],
                    facts={"data_about_people": True, "approved_study_participants": True,
                           **facts},
                    approval="REC 19/SC/0001")  # fmt: skip


def test_reusing_an_approved_studys_data_within_its_scope_is_involvement_within_that_study():
    """Issue 20's case. Rests on: locock_2019_declaration#ppi_not_participants and
    #original_consent (secondary), iras_amendment_guidance#further_review (only a
    substantial change needs further review), and the library's reading
    (participatory_conventions#within_approved_scope): not verified.

    By hand: the transcripts are about the approved study's participants, and this use is
    within its approval and consent -> they are not this activity's participants -> nobody
    here is studied -> the contributors are involved -> INVOLVEMENT; route: the existing
    approval (required: check it covers the use), no new application.
    """
    result = triage(transcripts(within_approved_scope=True))
    assert result.outcome is TriageOutcome.INVOLVEMENT
    assert routes(result) == {(B.EXISTING_APPROVAL, R, ())}
    assert result.has("ETH-DATA-WITHIN-APPROVED-STUDY")
    assert Action.CHECK_EXISTING_APPROVAL in result.actions
    assert Action.ETHICS_APPLICATION not in result.actions
    (finding,) = result.by_rule("ETH-ROUTE-EXISTING-APPROVAL")
    assert "REC 19/SC/0001" in sentence(finding, locale="en_GB")
    assert not any(c.verified for c in finding.citations)


def test_reusing_an_approved_studys_data_beyond_its_scope_needs_an_amendment():
    """iras_amendment_guidance#further_review and #definition; hra_amending_approval
    #sponsor_decides. By hand: beyond the scope -> the data's subjects are this activity's
    participants -> the HRA questions (generalisable) -> RESEARCH; route: an amendment to
    the approved study (or a new application), required."""
    result = triage(transcripts(within_approved_scope=False, generalisable=True))
    assert result.outcome is TriageOutcome.RESEARCH
    assert (B.AMENDMENT, R, ()) in routes(result)
    assert not [r for r in result.routes if r.body in (B.NHS_REC, B.UNIVERSITY_REC)]


def test_reusing_an_approved_studys_data_without_saying_the_scope_is_referred():
    """By hand: in scope -> involvement; beyond it -> research if generalisable. The answer
    decides the case: REFER naming within_approved_scope, both answers stated."""
    result = triage(transcripts(generalisable=True))
    assert result.outcome is TriageOutcome.REFER
    assert result.deciding_facts == (MissingFact(Fact.WITHIN_APPROVED_SCOPE),)
    (refer,) = result.by_rule("ETH-REFER-UNKNOWN-FACT")
    assert refer.message_key == "ethics.refer_unknown"
    assert refer.values["if_yes"] == TriageOutcome.INVOLVEMENT.label


def test_nhs_staff_interviewed_in_their_role_need_hra_approval_but_no_nhs_rec():
    """Rests on: gafrec_2011_staff_quote#para_2_3_13 ("Research involving staff ...
    recruited by virtue of their professional role, does not therefore require REC review
    except where it would otherwise"), manchester_hra_exceptions#staff_example ("exempt from
    REC review ... but would need to have HRA approval"), bsms_nhs_approvals
    #staff_governance_only: all secondary, so not verified.

    By hand: England, ward nurses interviewed about their work -> NHS involved (staff) ->
    HRA Approval, required; no NHS REC trigger -> the explanation finding; no statutory
    committee -> the university REC, required.
    """
    nurses = Party("ward nurses", Capacity.STAFF, tasks={Task.PROVIDE_OWN_DATA},
                   facts={"own_data_analysed": True, "consent_planned": True,
                          **ORDINARY, "nhs_staff": True})  # fmt: skip
    study = Activity("nursing-handover", parties=[nurses], facts=NEW_STUDY,
                     setting=Setting.NHS, nations={E})  # fmt: skip
    result = triage(study)
    assert routes(result) == {
        (B.NHS_PERMISSION, R, (E,)),
        (B.UNIVERSITY_REC, R, ()),
        (B.DPIA, A, ()),
    }
    (why,) = result.by_rule("ETH-ROUTE-NO-NHS-REC-FOR-STAFF")
    assert why.severity is Severity.INFO
    assert not any(c.verified for c in why.citations if c.key != "hcrw_obtaining_approval")


def test_service_evaluation_using_patient_records_without_consent():
    """Rests on: hra_what_approvals#not_research_no_hra and #local_review (no HRA Approval or
    NHS REC; contact the clinical governance or R&D office), #cag_research_and_non_research
    (CAG for research and non-research using patient data without consent),
    #caldicott_advice; uk_gdpr#art_35_3_b (large-scale health data: DPIA required).

    By hand: staff evaluate a service from identifiable records, in England and Wales, without
    consent, on a large scale -> service evaluation -> local governance (required); CAG
    (required, England and Wales, one route); the Caldicott Guardian (advice); a DPIA
    (required).
    """
    team = Party("service team", Capacity.STAFF, tasks={Task.ANALYSE_DATA},
                 facts={"own_data_analysed": False})  # fmt: skip
    facts = {
        "data_about_people": True, "approved_study_participants": False,
        "randomised": False, "changes_usual_care": False, "generalisable": False,
        "judges_current_service": True, "measured_against_standard": False,
        "population_health": False, "identifiable_patient_data": True,
        "patient_data_without_consent": True, "personal_data": True,
        "large_scale_special_category": True, "prison_or_probation_setting": False,
    }  # fmt: skip
    result = triage(Activity("records-evaluation", parties=[team], facts=facts,
                             setting=Setting.NHS, nations={E, W}))  # fmt: skip
    assert result.outcome is TriageOutcome.SERVICE_EVALUATION
    assert routes(result) == {
        (B.CONFIDENTIALITY, R, (E, W)),
        (B.LOCAL_GOVERNANCE, R, ()),
        (B.CALDICOTT_GUARDIAN, A, ()),
        (B.DPIA, R, ()),
    }
    (cag,) = [r for r in result.routes if r.body is B.CONFIDENTIALITY]
    assert (
        cag.name == "the body that allows confidential patient information to be used "
        "without consent"
    )  # two nations: the general name
    assert verified(result, "ETH-ROUTE-CAG")["hra_what_approvals"] is True


@pytest.mark.parametrize("nation", [S, NI])
def test_patient_data_without_consent_outside_england_and_wales(nation):
    """pbpp_how_to_apply#s251_not_scotland (section 251 does not apply in Scotland) ->
    HSC-PBPP; ni_assembly_health_committee_2026#gap -> Northern Ireland unsettled."""
    team = Party("team", Capacity.STAFF, tasks={Task.ANALYSE_DATA},
                 facts={"own_data_analysed": False})  # fmt: skip
    facts = {**NEW_STUDY, "data_about_people": True, "identifiable_patient_data": True,
             "patient_data_without_consent": True}  # fmt: skip
    result = triage(Activity("records", parties=[team], facts=facts, nations={nation}))
    (route,) = [r for r in result.routes if r.body is B.CONFIDENTIALITY]
    assert route.requirement is (R if nation is S else U)


def test_routes_are_not_worked_out_before_the_rules_hold():
    """mca_ni_research_amendment_regs_2020#commencement: the appropriate bodies the rules
    name came into operation on 3 February 2020. By hand: a triage as at 2 February 2020
    lists no route and refers; on 3 February the routes are given."""
    clinic = Activity("clinic", parties=[participants("patients", nhs_patients=True)],
                      facts=NEW_STUDY, setting=Setting.NHS, nations={E})  # fmt: skip
    before = assess_activity(clinic, as_at=dt.date(2020, 2, 2))
    assert before.routes == ()
    assert before.by_rule("ETH-ROUTE-DATE-NOT-COVERED")[0].severity is Severity.REFER
    assert assess_activity(clinic, as_at=dt.date(2020, 2, 3)).routes


def test_research_within_an_approved_study_needs_no_new_application():
    """Follow-up interviews with participants of an approved study, within its protocol and
    their consent. Rests on: iras_amendment_guidance#further_review (further review only for
    a substantial amendment) and the library's reading (participatory_conventions
    #within_approved_scope, not verified).

    By hand: the interviewees are participants, generalisable -> RESEARCH; approved study yes
    and within scope yes -> the existing approval (required: check it), no NHS REC,
    university REC or other new review, and no "apply for ethics review" action."""
    study = Activity(
        "follow-up-interviews",
        parties=[participants("interviewees", nhs_patients=True)],
        facts={**NEW_STUDY, "approved_study_participants": True, "within_approved_scope": True},
        setting=Setting.NHS,
        nations={E},
        approval="IRAS 300001",
    )
    result = triage(study)
    assert result.outcome is TriageOutcome.RESEARCH
    assert routes(result) == {(B.EXISTING_APPROVAL, R, ()), (B.DPIA, A, ())}
    assert Action.ETHICS_APPLICATION not in result.actions
    assert Action.CHECK_EXISTING_APPROVAL in result.actions


def test_an_nhs_rec_for_patients_and_for_people_in_custody_are_told_apart():
    """NHS patients, and a second group in custody, in one health study in England.

    By hand: the patients alone send it to an NHS REC (hra_gafrec_policy#users_of_services),
    which anyone may be told; the group in custody sends it to a prison-flagged NHS REC too
    (hra_prison_research#flagged_recs), which rests on a safeguarding answer and is withheld.
    One route to the same body for both reasons would either show the custody rule (a leak)
    or withhold the patients' route (a loss), so they are two routes."""
    study = Activity(
        "clinic-and-prison",
        parties=[participants("patients", nhs_patients=True),
                 participants("men in custody", in_custody_or_on_probation=True,
                              held_in_custody=True)],
        facts={**NEW_STUDY, "health_related": True}, setting=Setting.NHS, nations={E},
    )  # fmt: skip
    result = triage(study)
    nhs = [r for r in result.routes if r.body is B.NHS_REC]
    shown = [r for r in nhs if not r.sensitive]
    withheld = [r for r in nhs if r.sensitive]
    assert len(shown) == 1
    assert len(withheld) == 1
    assert "ETH-ROUTE-NHS-REC-PRISON" not in shown[0].rule_ids
    assert Fact.IN_CUSTODY_OR_ON_PROBATION not in shown[0].decided_by
    data = {"routes": unstructure(list(result.routes))}
    assert [r["body"] for r in data["routes"] if r.get("withheld")].count(None) >= 1
    assert "prison" not in repr([r for r in data["routes"] if not r.get("withheld")]).lower()
