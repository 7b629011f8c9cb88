""":mod:`participatory.ethics` checked from outside: realistic cases, worked by hand.

Each case is an activity someone might bring to an ethics office, answered the way the
guidance answers it, before looking at what the library says. The docstring names the
passage that decides the case (catalogue key ``document#passage``; the words are in
``src/participatory/data/sources/``). Only the facts the case gives are set; a referral is
the right answer where the guidance leaves the question to a named body. Routes are
compared as (body, requirement, nations).

Cases the library answers wrongly because of the route rules (``route_rules.py``,
``routing.py``, which another team owns) are marked ``xfail(strict=True)`` with the change
wanted; they start failing, as a reminder to drop the mark, once the change is made.
"""

import datetime as dt
import io
import json
import sys

from participatory.cli import main
from participatory.core.serialise import unstructure
from participatory.ethics import (
    Action,
    Activity,
    Capacity,
    EthicsProject,
    Fact,
    Nation,
    Party,
    PartyStatus,
    QuestionKind,
    Requirement,
    ReviewBody,
    Setting,
    Task,
    TriageOutcome,
    assess_activity,
    assess_ethics,
)
from participatory.render.text import sentence

ON = dt.date(2026, 12, 6)
E, W, S, NI = Nation.ENGLAND, Nation.WALES, Nation.SCOTLAND, Nation.NORTHERN_IRELAND
R, P, A, U = Requirement.REQUIRED, Requirement.POLICY, Requirement.ADVICE, Requirement.UNSETTLED
B = ReviewBody

#: Nothing special about a group: every fact that chooses a route answered no.
ORDINARY = dict.fromkeys(
    ["nhs_patients", "nhs_staff", "adult_social_care_users", "childrens_social_care_users",
     "may_lack_capacity", "in_custody_or_on_probation", "vulnerable", "under_18"],
    False,
)  # fmt: skip
#: A new study, not part of an approved one, holding personal data but no patient records.
NEW_STUDY = {
    "generalisable": True,
    "approved_study_participants": False,
    "identifiable_patient_data": False,
    "prison_or_probation_setting": False,
    "personal_data": True,
    "large_scale_special_category": False,
    "nhs_premises": False,
}
#: Every HRA question answered no.
NOT_RESEARCH = {"randomised": False, "changes_usual_care": False, "generalisable": False}
#: Sentinel words that must never appear in default output when the facts behind them are
#: special-category (capacity, custody, age, vulnerability).
SENSITIVE_WORDS = ("lack capacity", "prison", "custody", "probation", "under 18", "under 16",
                   "under-18", "vulnerable", "HMPPS", "Mental Capacity")  # fmt: skip


def triage(activity):
    """The triage, with every finding checked to render in English and Welsh."""
    result = assess_activity(activity, as_at=ON)
    for finding in result.findings:
        text = sentence(finding, locale="en_GB", include_sensitive=True)
        assert text.endswith((".", ")")), text
        assert "  " not in text, text
        assert "{" not in text, text
        assert sentence(finding, locale="cy", include_sensitive=True)
    return result


def routes(result):
    return {(r.body, r.requirement, r.nations) for r in result.routes}


def rules(result):
    return [f.rule_id for f in result.findings]


def cited(result, rule_id):
    """The catalogue documents a rule's finding cites."""
    return {c.key for f in result.by_rule(rule_id) for c in f.citations}


def participants(label="participants", **facts):
    return Party(label, Capacity.RESEARCH_PARTICIPANT, tasks={Task.PROVIDE_OWN_DATA},
                 facts={"own_data_analysed": True, "consent_planned": True,
                        **ORDINARY, **facts})  # fmt: skip


def default_text(result):
    """Everything default serialisation shows of a result, sentences included.

    A route's ``decided_by`` names the facts read, never their answers (a route resting on
    a sensitive yes is withheld whole), so the names are left out of the check.
    """
    shown = unstructure(result)
    for route in shown["routes"]:
        route.pop("decided_by", None)
    # Written as its default copy (the triage with each safeguarding yes read as no).
    copy = result if result.shared is None else result.shared
    sentences = [
        sentence(f, locale="en_GB")
        for f, data in zip(copy.findings, shown["findings"], strict=True)
        if not data["withheld"]
    ]
    return json.dumps(shown) + " ".join(sentences)


def leaks(text):
    """The sensitive words in ``text``, ignoring case and quoted fact names (a name, never
    an answer: ``open_questions`` asks facts by name)."""
    for fact in Fact:
        text = text.replace(f'"{fact.value}"', "")
    return [w for w in SENSITIVE_WORDS if w.lower() in text.lower()]


def run_cli(capsys, document):
    saved = sys.stdin
    sys.stdin = io.StringIO(json.dumps(document))
    try:
        code = main(["ethics", "-", "--as-at", ON.isoformat()])
    finally:
        sys.stdin = saved
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


# -- involvement, engagement, participation -----------------------------------------------


def test_patient_advisory_group_recruited_through_a_clinic_is_involvement():
    """Case 1. A trust recruits six patients from its diabetes clinic to an advisory group
    that meets at the university and comments on a draft protocol and participant
    information sheet. Nothing they say is analysed as data.

    Decided by involve_nres_statement#specialist_advisers: no ethical approval is needed for
    people who plan or advise on research, even patients recruited via the NHS, because
    they act as specialist advisers. Expected: INVOLVEMENT; no review route at all (NHS REC,
    HRA Approval need participants); the finding that NHS recruitment does not make them
    participants (the meetings are not in an NHS setting, the recruitment is what counts);
    role description, involvement log, payment.
    """
    group = Party("advisory group", Capacity.PUBLIC_CONTRIBUTOR,
                  tasks={Task.ADVISE, Task.REVIEW_DOCUMENTS},
                  facts={"own_data_analysed": False, "nhs_patients": True,
                         "vulnerable": False, "under_18": False})  # fmt: skip
    result = triage(Activity("protocol-advice", parties=[group], setting=Setting.UNIVERSITY,
                             nations={E}))  # fmt: skip
    assert result.outcome is TriageOutcome.INVOLVEMENT
    assert result.routes == ()
    assert "ETH-INVOLVEMENT-ADVISORY" in rules(result)
    assert "involve_nres_statement" in cited(result, "ETH-INVOLVEMENT-NHS")
    assert "involve_nres_statement" in cited(result, "ETH-INVOLVEMENT-ADVISORY")
    assert {Action.ROLE_DESCRIPTION, Action.INVOLVEMENT_LOG, Action.PAY_PER_POLICY} <= set(
        result.actions
    )
    assert Action.ETHICS_APPLICATION not in result.actions


def test_lay_co_applicant_reviewing_a_grant_is_involvement():
    """Case 2. A member of the public is a co-applicant and reviews the grant application.

    Decided by involve_nres_statement#specialist_advisers (co-applicant named) and
    arc_kss_pcie_ethics#planning_no_approval. Expected: INVOLVEMENT, no routes.
    """
    co_applicant = Party("co-applicant", Capacity.PUBLIC_CONTRIBUTOR,
                         tasks={Task.REVIEW_DOCUMENTS},
                         facts={"own_data_analysed": False, "vulnerable": False,
                                "under_18": False})  # fmt: skip
    result = triage(Activity("grant-writing", parties=[co_applicant]))
    assert result.outcome is TriageOutcome.INVOLVEMENT
    assert result.routes == ()
    assert result.open_questions == ()


def test_design_workshop_with_recording_not_said_is_referred_naming_the_fact():
    """Case 3. Co-design workshops for a generalisable study; nobody has said whether what
    members say is recorded and analysed.

    Decided by rie_2024_only_way_is_ethics#abstract (own views collected and analysed as
    data: research) against involve_nres_statement#specialist_advisers (advice only:
    involvement). The facts do not decide it: the library must refer, naming
    own_data_analysed for the workshop members, and give no routes.
    """
    members = Party(
        "workshop members",
        Capacity.PUBLIC_CONTRIBUTOR,
        tasks={Task.CO_DESIGN},
        facts={"vulnerable": False, "under_18": False},
    )
    result = triage(Activity("design-workshops", parties=[members],
                             facts={"generalisable": True}))  # fmt: skip
    assert result.outcome is TriageOutcome.REFER
    assert [(m.fact, m.party) for m in result.deciding_facts] == [
        (Fact.OWN_DATA_ANALYSED, "workshop members")
    ]
    assert result.routes == ()
    text = sentence(result.by_rule("ETH-REFER-UNKNOWN-FACT")[0], locale="en_GB")
    assert "research with human participants" in text
    assert "public involvement" in text


def test_science_festival_stand_is_engagement():
    """Case 4. A stand at a science festival tells visitors about a study; nothing is
    collected from them.

    Decided by nihr_hic_engagement#definition (engagement: information and knowledge about
    research provided and disseminated). Expected: ENGAGEMENT, no routes.
    """
    visitors = Party(
        "festival visitors",
        Capacity.EVENT_AUDIENCE,
        tasks={Task.ATTEND_EVENT},
        facts={"own_data_analysed": False},
    )
    result = triage(Activity("festival-stand", parties=[visitors],
                             setting=Setting.MUSEUM_GALLERY))  # fmt: skip
    assert result.outcome is TriageOutcome.ENGAGEMENT
    assert result.routes == ()


def test_evaluating_involvement_by_interviewing_contributors_is_research():
    """Case 5. The team interviews its own public contributors about their experience of
    being involved, records and analyses the interviews, and plans to publish.

    Decided by rie_2024_only_way_is_ethics#abstract: people's own views and experiences
    systematically collected and analysed as data make them research participants, whatever
    their role elsewhere; the HRA question on generalisable findings
    (bht_project_decision_tool#criteria) makes it research. No NHS, social care, capacity
    or custody: the university REC, required (hra_rec_decision_tool#result_no_rec_hei).
    """
    contributors = Party("public contributors", Capacity.PUBLIC_CONTRIBUTOR,
                         tasks={Task.PROVIDE_OWN_DATA},
                         facts={"own_data_analysed": True, "consent_planned": True,
                                **ORDINARY})  # fmt: skip
    result = triage(Activity("involvement-evaluation", parties=[contributors],
                             facts=NEW_STUDY, nations={E}))  # fmt: skip
    assert result.outcome is TriageOutcome.RESEARCH
    assert result.status_of("public contributors") is PartyStatus.PARTICIPANT
    assert routes(result) == {(B.UNIVERSITY_REC, R, ()), (B.DPIA, A, ())}
    assert "ETH-INVOLVEMENT-ADVISORY" not in rules(result)


def test_peer_researchers_interviewing_people_without_homes_is_reviewed_as_research():
    """Case 6. Peer researchers with lived experience interview people without homes, in the
    community, for a transferable qualitative study.

    Decided by arc_kss_pcie_ethics#describe_in_application (public members carrying out
    research: the study goes to review, describing their role and support) and
    hra_rec_decision_tool#result_no_rec_hei (no NHS REC: HEI review). Expected: RESEARCH;
    peer researchers INVOLVED; interviewees participants; university REC required; support
    for co-researchers among the actions.
    """
    peers = Party(
        "peer researchers",
        Capacity.CO_RESEARCHER,
        tasks={Task.COLLECT_DATA},
        facts={"own_data_analysed": False, "vulnerable": False, "under_18": False},
    )
    interviewees = participants("interviewees")
    result = triage(Activity("peer-interviews", parties=[peers, interviewees],
                             facts={**NEW_STUDY, "data_about_people": True},
                             setting=Setting.COMMUNITY, nations={E}))  # fmt: skip
    assert result.outcome is TriageOutcome.RESEARCH
    assert result.status_of("peer researchers") is PartyStatus.INVOLVED
    assert routes(result) == {(B.UNIVERSITY_REC, R, ()), (B.DPIA, A, ())}
    assert Action.CO_RESEARCHER_SUPPORT in result.actions


# -- the HRA "Is my study research?" questions and the Defining Research table ---------------


def test_randomising_leaflets_is_research_even_without_generalisable_aims():
    """Case 7. A GP practice randomises patients to one of two leaflet versions to see which
    gets more people to book a check; it does not aim at generalisable findings.

    Decided by ethics_guidebook_nres_2008#randomisation ("if randomisation is used, the
    project is research") and bht_project_decision_tool#criteria (research if ANY answer is
    yes). Expected: RESEARCH, resting on ETH-HRA-RANDOMISATION alone.
    """
    patients = Party(
        "patients",
        Capacity.SERVICE_USER,
        tasks={Task.TAKE_PART_IN_INTERVENTION},
        facts={"consent_planned": True, **ORDINARY, "nhs_patients": True},
    )
    result = triage(Activity("leaflet-trial", parties=[patients],
                             facts={"randomised": True, "changes_usual_care": False,
                                    "generalisable": False}))  # fmt: skip
    assert result.outcome is TriageOutcome.RESEARCH
    assert [r for r in rules(result) if r.startswith("ETH-HRA-")] == ["ETH-HRA-RANDOMISATION"]


def test_patient_survey_judging_the_current_service_is_service_evaluation():
    """Case 8. An outpatient clinic asks its patients to rate the current service, to judge
    it; no standard, no randomisation, no change in care, nothing generalisable.

    Decided by bsuh_is_my_project_research#table_rows (service evaluation: "What standard
    does this service achieve?", measures the current service without a standard, no REC
    review) and hra_what_approvals#not_research_no_hra (not research: no HRA Approval or
    NHS REC; local governance). Expected: SERVICE_EVALUATION; local governance only.
    """
    clinic = Party("clinic patients", Capacity.SERVICE_USER, tasks={Task.PROVIDE_OWN_DATA},
                   facts={"own_data_analysed": True, "consent_planned": False,
                          **ORDINARY, "nhs_patients": True})  # fmt: skip
    result = triage(Activity("satisfaction-survey", parties=[clinic], nations={E},
                             facts={**NOT_RESEARCH, "judges_current_service": True,
                                    "measured_against_standard": False,
                                    "population_health": False, "personal_data": False,
                                    "identifiable_patient_data": False,
                                    "prison_or_probation_setting": False,
                                    "approved_study_participants": False}))  # fmt: skip
    assert result.outcome is TriageOutcome.SERVICE_EVALUATION
    assert routes(result) == {(B.LOCAL_GOVERNANCE, R, ())}
    assert not result.outcome.needs_committee


def test_evaluation_codesigned_with_a_panel_whose_views_may_be_analysed():
    """Case 8b. The clinic survey of case 8, designed with a patient panel; not said whether
    the panel's own views are analysed too.

    Whatever the answer the activity is service evaluation (bsuh_is_my_project_research#
    table_rows; hra_what_approvals#not_research_no_hra): the clinic patients are studied
    already. The open fact is named, and since this is not research, the sentence must not
    call the panel "research participants" (rie_2024_only_way_is_ethics#abstract speaks of
    research; in an evaluation the local governance office decides what they need).
    """
    clinic = Party("clinic patients", Capacity.SERVICE_USER, tasks={Task.PROVIDE_OWN_DATA},
                   facts={"own_data_analysed": True, "consent_planned": False,
                          **ORDINARY, "nhs_patients": True})  # fmt: skip
    panel = Party("patient panel", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.CO_DESIGN},
                  facts={"vulnerable": False, "under_18": False})  # fmt: skip
    result = triage(Activity("satisfaction-survey", parties=[clinic, panel], nations={E},
                             facts={**NOT_RESEARCH, "judges_current_service": True,
                                    "measured_against_standard": False,
                                    "population_health": False}))  # fmt: skip
    assert result.outcome is TriageOutcome.SERVICE_EVALUATION
    (open_status,) = result.by_rule("ETH-PARTY-STATUS-UNKNOWN")
    text = sentence(open_status, locale="en_GB")
    assert "patient panel" in text
    assert "research participants" not in text


def test_audit_of_records_against_nice_standard_is_clinical_audit_with_caldicott_advice():
    """Case 9. Clinical staff audit identifiable case notes against a NICE standard, with the
    patients' data used within the care team.

    Decided by bsuh_is_my_project_research#table_rows (clinical audit: "Does this service
    reach a predetermined standard?", no REC review) and hra_what_approvals#caldicott_advice
    (identifiable patient data: ask the Caldicott Guardian). Expected: CLINICAL_AUDIT; local
    governance required; Caldicott advice; a DPIA screening for the personal data.
    """
    auditors = Party(
        "audit team", Capacity.STAFF, tasks={Task.ANALYSE_DATA}, facts={"own_data_analysed": False}
    )
    result = triage(Activity("nice-audit", parties=[auditors], nations={E},
                             facts={**NOT_RESEARCH, "data_about_people": True,
                                    "measured_against_standard": True,
                                    "judges_current_service": False,
                                    "population_health": False,
                                    "identifiable_patient_data": True,
                                    "patient_data_without_consent": False,
                                    "personal_data": True,
                                    "large_scale_special_category": False,
                                    "prison_or_probation_setting": False,
                                    "approved_study_participants": False}))  # fmt: skip
    assert result.outcome is TriageOutcome.CLINICAL_AUDIT
    assert routes(result) == {
        (B.LOCAL_GOVERNANCE, R, ()),
        (B.CALDICOTT_GUARDIAN, A, ()),
        (B.DPIA, A, ()),
    }


def test_outbreak_investigation_is_usual_practice():
    """Case 10. A health protection team analyses notifications to find the source of an
    outbreak.

    Decided by hra_defining_research_table#purpose_row (health surveillance: detect and
    manage outbreaks) and hrb_what_is_research#table_rows ("What is the cause of this
    outbreak or incident and how do we manage it?"). Expected: USUAL_PRACTICE; local
    governance, no REC.
    """
    team = Party(
        "health protection team",
        Capacity.STAFF,
        tasks={Task.ANALYSE_DATA},
        facts={"own_data_analysed": False},
    )
    result = triage(Activity("outbreak-investigation", parties=[team], nations={E},
                             facts={**NOT_RESEARCH, "data_about_people": True,
                                    "population_health": True,
                                    "measured_against_standard": False,
                                    "judges_current_service": False,
                                    "approved_study_participants": False,
                                    "identifiable_patient_data": False,
                                    "personal_data": False,
                                    "prison_or_probation_setting": False}))  # fmt: skip
    assert result.outcome is TriageOutcome.USUAL_PRACTICE
    assert routes(result) == {(B.LOCAL_GOVERNANCE, R, ())}


def test_outbreak_investigation_with_the_data_source_not_said_is_still_usual_practice():
    """Case 10b. The outbreak investigation of case 10, but nobody has said whether the
    notifications belong to a study that already holds approval.

    hra_what_approvals#not_research_no_hra: a project not managed as research needs neither
    HRA Approval nor an NHS REC; the organisation's governance office advises. Every HRA
    question is no, so whatever the answer the activity is not research: usual practice
    (people studied) or nobody studied. A referral to a research ethics committee would
    send it to the wrong body. Expected: USUAL_PRACTICE (the more cautious), local
    governance, and a finding naming the open question; nothing referred.
    """
    team = Party(
        "health protection team",
        Capacity.STAFF,
        tasks={Task.ANALYSE_DATA},
        facts={"own_data_analysed": False},
    )
    result = triage(Activity("outbreak-investigation", parties=[team], nations={E},
                             facts={**NOT_RESEARCH, "data_about_people": True,
                                    "population_health": True,
                                    "measured_against_standard": False,
                                    "judges_current_service": False,
                                    "identifiable_patient_data": False,
                                    "personal_data": False,
                                    "prison_or_probation_setting": False}))  # fmt: skip
    assert result.outcome is TriageOutcome.USUAL_PRACTICE
    assert not result.outcome.needs_committee
    assert result.deciding_facts == ()
    assert Action.REFER_TO_COMMITTEE not in result.actions
    assert (B.LOCAL_GOVERNANCE, R, ()) in routes(result)
    (open_fact,) = result.by_rule("ETH-NOT-RESEARCH-EITHER-WAY")
    assert "already holds ethics approval" in sentence(open_fact, locale="en_GB")
    assert "hra_what_approvals" in cited(result, "ETH-NOT-RESEARCH-EITHER-WAY")


def test_evaluation_with_generalisability_not_said_is_referred_naming_that_question():
    """Case 11. Service users are interviewed about a new peer-support service; not said
    whether the study is designed to produce generalisable or transferable findings.

    Decided by bht_project_decision_tool#criteria: randomisation and change of care are no,
    so the third question alone decides research against service evaluation; the HRA says
    its tool's answer is only as good as the information entered
    (hra_what_approvals#tool_authoritative). Expected: REFER naming generalisable.
    """
    users = Party(
        "service users",
        Capacity.SERVICE_USER,
        tasks={Task.PROVIDE_OWN_DATA},
        facts={"own_data_analysed": True},
    )
    result = triage(
        Activity(
            "peer-support-evaluation",
            parties=[users],
            facts={"randomised": False, "changes_usual_care": False},
        )
    )
    assert result.outcome is TriageOutcome.REFER
    assert [m.fact for m in result.deciding_facts] == [Fact.GENERALISABLE]


# -- NHS, staff, relatives, data -----------------------------------------------------------


def test_nhs_patients_interviewed_in_england_and_wales_need_nhs_rec_and_both_approvals():
    """Case 12. Patients of hospital clinics in England and Wales are interviewed for a
    transferable study.

    Decided by hra_gafrec_policy#users_of_services (people identified through their use of
    NHS services: NHS REC), hra_student_toolkit#tool_2 (HRA Approval, England) and
    hcrw_obtaining_approval#must_apply (HRA and HCRW Approval, Wales). Expected: RESEARCH; one
    NHS REC for the study; HRA Approval (England); HRA and HCRW Approval (Wales); the
    university REC as its own policy says.
    """
    result = triage(Activity("clinic-interviews", parties=[participants("patients",
                                                                        nhs_patients=True)],
                             facts={**NEW_STUDY, "nhs_premises": True}, setting=Setting.NHS,
                             nations={E, W}))  # fmt: skip
    assert result.outcome is TriageOutcome.RESEARCH
    assert routes(result) == {
        (B.NHS_REC, R, ()),
        (B.UNIVERSITY_REC, P, ()),
        (B.NHS_PERMISSION, R, (E,)),
        (B.NHS_PERMISSION, R, (W,)),
        (B.DPIA, A, ()),
    }
    assert "hra_gafrec_policy" in cited(result, "ETH-ROUTE-NHS-REC")


def test_nhs_patients_with_the_nations_not_said_asks_the_nations():
    """Case 13. As case 12, but nobody has said where the clinics are.

    The NHS REC is the same everywhere (hra_gafrec_policy#users_of_services); the
    organisations' permission differs by nation (hra_student_toolkit#tool_2,
    hcrw_gaining_permission#scope, nrs_permissions#local_permission,
    hscni_research_governance_review#required). Expected: the NHS REC certain, no nation's
    permission guessed, and the nations asked.
    """
    result = triage(Activity("clinic-interviews", parties=[participants("patients",
                                                                        nhs_patients=True)],
                             facts={**NEW_STUDY, "nhs_premises": True}))  # fmt: skip
    assert (B.NHS_REC, R, ()) in routes(result)
    assert not [r for r in result.routes if r.body is B.NHS_PERMISSION]
    assert [q.kind for q in result.open_questions] == [QuestionKind.NATIONS]


def test_carers_of_nhs_patients_go_to_an_nhs_rec():
    """Case 14. Carers of people with dementia, identified because the person they care for
    uses an NHS memory clinic, are interviewed about caring.

    Decided by hra_rec_decision_tool#question_set_2_relatives_scotland (participants
    identified as relatives or carers of service users) and
    hra_gafrec_policy#users_of_services. Expected: NHS REC, HRA Approval in England.
    """
    carers = participants("carers", nhs_patients=True)
    result = triage(Activity("carer-interviews", parties=[carers], facts=NEW_STUDY,
                             nations={E}))  # fmt: skip
    assert (B.NHS_REC, R, ()) in routes(result)
    assert (B.NHS_PERMISSION, R, (E,)) in routes(result)


def test_nhs_staff_interviewed_about_their_work_need_hra_approval_but_no_nhs_rec():
    """Case 15. Ward nurses in England are interviewed about their work, off NHS premises.

    Decided by gafrec_2011_staff_quote#para_2_3_13 (REC review not required for staff
    recruited by virtue of their professional role; secondary) and
    hra_student_toolkit#tool_2 (HRA Approval where the NHS takes part). Expected: no NHS
    REC; HRA Approval (England); the university REC required; the staff explanation among
    the findings.
    """
    nurses = participants("nurses", nhs_staff=True)
    result = triage(Activity("nurse-interviews", parties=[nurses], facts=NEW_STUDY,
                             nations={E}))  # fmt: skip
    assert routes(result) == {
        (B.UNIVERSITY_REC, R, ()),
        (B.NHS_PERMISSION, R, (E,)),
        (B.DPIA, A, ()),
    }
    assert "ETH-ROUTE-NO-NHS-REC-FOR-STAFF" in rules(result)


def test_gps_in_scotland_need_nhs_permission_through_nrs_not_hra_approval():
    """Case 16. GPs in Scotland complete an interview about prescribing.

    Decided by nrs_permissions#local_permission (NHS R&D permission through the NRS
    Permissions Coordinating Centre) and nes_research_approval#staff_no_rec (no NHS REC for
    staff in their professional role). Expected: NHS permission for Scotland; no HRA
    Approval; no NHS REC; the university REC.
    """
    result = triage(Activity("gp-interviews", parties=[participants("GPs", nhs_staff=True)],
                             facts=NEW_STUDY, nations={S}))  # fmt: skip
    assert routes(result) == {
        (B.UNIVERSITY_REC, R, ()),
        (B.NHS_PERMISSION, R, (S,)),
        (B.DPIA, A, ()),
    }
    assert "ETH-ROUTE-NHS-PERMISSION-SCOTLAND" in rules(result)
    assert "ETH-ROUTE-HRA-APPROVAL" not in rules(result)


def test_identifiable_records_without_consent_in_england_go_to_cag():
    """Case 17. A data-only study: analysts extract identifiable hospital records of 40,000
    patients in England without consent to study outcomes.

    Decided by hra_gafrec_policy#identifiable_previous_information (identifiable data of
    service users: NHS REC), hra_what_approvals#cag_research_and_non_research and
    hra_cag_s251_page#decision_makers (s. 251 support on CAG's advice),
    hra_what_approvals#caldicott_advice, UK GDPR art. 35(3)(b) (large-scale health data: a
    DPIA is required). Expected: NHS REC; CAG (England); HRA Approval; DPIA required;
    Caldicott advice.
    """
    analysts = Party(
        "analysts", Capacity.STAFF, tasks={Task.ANALYSE_DATA}, facts={"own_data_analysed": False}
    )
    result = triage(Activity("outcomes-study", parties=[analysts], nations={E},
                             facts={**NEW_STUDY, "data_about_people": True,
                                    "identifiable_patient_data": True,
                                    "patient_data_without_consent": True,
                                    "large_scale_special_category": True}))  # fmt: skip
    assert result.outcome is TriageOutcome.RESEARCH
    assert routes(result) == {
        (B.NHS_REC, R, ()),
        (B.CONFIDENTIALITY, R, (E,)),
        (B.UNIVERSITY_REC, P, ()),
        (B.NHS_PERMISSION, R, (E,)),
        (B.DPIA, R, ()),
        (B.CALDICOTT_GUARDIAN, A, ()),
    }
    assert "ETH-ROUTE-CAG" in rules(result)


def test_identifiable_records_without_consent_in_scotland_go_to_pbpp_not_cag():
    """Case 18. The same data-only study with records held by Scottish health boards.

    Decided by pbpp_how_to_apply#s251_not_scotland (section 251 does not apply in Scotland;
    the Public Benefit and Privacy Panel decides) and nrs_permissions#local_permission.
    Expected: PBPP (Scotland), NHS permission (Scotland), no CAG, no HRA Approval.
    """
    analysts = Party(
        "analysts", Capacity.STAFF, tasks={Task.ANALYSE_DATA}, facts={"own_data_analysed": False}
    )
    result = triage(Activity("outcomes-study", parties=[analysts], nations={S},
                             facts={**NEW_STUDY, "data_about_people": True,
                                    "identifiable_patient_data": True,
                                    "patient_data_without_consent": True,
                                    "large_scale_special_category": True}))  # fmt: skip
    assert (B.CONFIDENTIALITY, R, (S,)) in routes(result)
    assert "ETH-ROUTE-PBPP" in rules(result)
    assert "ETH-ROUTE-CAG" not in rules(result)
    assert (B.NHS_PERMISSION, R, (S,)) in routes(result)


def test_hsc_patients_in_northern_ireland_need_an_hsc_rec_and_trust_permission():
    """Case 18b. Patients of an HSC Trust in Northern Ireland are interviewed for a
    transferable study.

    Decided by orecni_guidance#hra_forms and hscni_approval_research#iras (HSC REC through
    IRAS) and hscni_research_governance_review#required (each Trust's research governance
    permission). Expected: the NHS (HSC) REC route and HSC permission for Northern Ireland;
    no HRA Approval.
    """
    result = triage(Activity("hsc-interviews", parties=[participants("patients",
                                                                     nhs_patients=True)],
                             facts={**NEW_STUDY, "nhs_premises": True},
                             nations={NI}))  # fmt: skip
    assert {(B.NHS_REC, R, ()), (B.NHS_PERMISSION, R, (NI,))} <= routes(result)
    assert "ETH-ROUTE-HSC-PERMISSION-NI" in rules(result)
    assert "ETH-ROUTE-HRA-APPROVAL" not in rules(result)


def test_identifiable_records_without_consent_in_northern_ireland_are_referred_to_the_trust():
    """Case 18c. The data-only study of case 17 with HSC records in Northern Ireland.

    hsc_control_of_data_processing_act_ni_2016#en_4 provides for a committee route, and
    ni_assembly_health_committee_2026#gap records the Department telling the Assembly of a
    gap: the guidance leaves the decision to the body holding the data. Expected: the
    confidentiality route UNSETTLED for Northern Ireland, asking the HSC Trust; never CAG.
    """
    analysts = Party(
        "analysts", Capacity.STAFF, tasks={Task.ANALYSE_DATA}, facts={"own_data_analysed": False}
    )
    result = triage(Activity("outcomes-study", parties=[analysts], nations={NI},
                             facts={**NEW_STUDY, "data_about_people": True,
                                    "identifiable_patient_data": True,
                                    "patient_data_without_consent": True,
                                    "large_scale_special_category": True}))  # fmt: skip
    assert (B.CONFIDENTIALITY, U, (NI,)) in routes(result)
    assert "ETH-ROUTE-CAG" not in rules(result)
    text = sentence(result.by_rule("ETH-ROUTE-CONFIDENTIALITY-NI")[0], locale="en_GB")
    assert "ask the HSC Trust" in text


def test_the_nations_question_says_not_settled_once():
    """The same study with its nations not said: the question names each nation's routes,
    Northern Ireland's confidentiality route "not settled: ask" once (its name said "not
    settled" as well, so the sentence read "(not settled) (not settled: ask)").
    """
    analysts = Party(
        "analysts", Capacity.STAFF, tasks={Task.ANALYSE_DATA}, facts={"own_data_analysed": False}
    )
    result = triage(Activity("outcomes-study", parties=[analysts],
                             facts={**NEW_STUDY, "data_about_people": True,
                                    "identifiable_patient_data": True,
                                    "patient_data_without_consent": True,
                                    "large_scale_special_category": True}))  # fmt: skip
    (question,) = result.by_rule("ETH-ROUTE-NATIONS")
    for locale in ("en_GB", "cy"):
        text = sentence(question, locale=locale)
        assert "Northern Ireland" in text or "Gogledd Iwerddon" in text
    english = sentence(question, locale="en_GB")
    assert "without consent (not settled: ask)" in english
    assert english.count("not settled") == 1


# -- social care ---------------------------------------------------------------------------


def test_adult_social_care_users_in_england_go_to_the_social_care_rec():
    """Case 19. People who receive home care from a council in England are interviewed
    about their care (not health research).

    Decided by hra_social_care_research#three_recs (the Social Care REC reviews social care
    research in England) and screc_faq#esrc_university_rec (or a university REC following
    the ESRC framework). Expected: Social Care REC required with the university REC as the
    alternative; the local authority's governance (advice); no NHS REC.
    """
    users = participants("home care users", adult_social_care_users=True)
    result = triage(Activity("home-care-study", parties=[users], nations={E},
                             facts={**NEW_STUDY, "health_related": False}))  # fmt: skip
    assert routes(result) == {
        (B.SOCIAL_CARE_REC, R, (E,)),
        (B.LOCAL_AUTHORITY, A, (E,)),
        (B.DPIA, A, ()),
    }
    (screc,) = [r for r in result.routes if r.body is B.SOCIAL_CARE_REC]
    assert screc.alternatives == (B.UNIVERSITY_REC,)


def test_adult_social_care_users_in_wales_go_to_an_nhs_rec():
    """Case 20. The same study with council care users in Wales.

    Decided by hra_gafrec_policy#relevant_services (in Wales, social care services are among
    those whose users' research goes to an NHS REC). Expected: NHS REC; no Social Care REC.
    """
    users = participants("home care users", adult_social_care_users=True)
    result = triage(Activity("home-care-study", parties=[users], nations={W},
                             facts={**NEW_STUDY, "health_related": False}))  # fmt: skip
    assert (B.NHS_REC, R, ()) in routes(result)
    assert not [r for r in result.routes if r.body is B.SOCIAL_CARE_REC]


def test_childrens_social_care_in_wales_goes_to_an_nhs_rec():
    """Case 20b. Families using children's social care services in Wales are interviewed.

    Decided by hra_gafrec_policy#relevant_services (in Wales, adult and children's social
    care are services whose users' research goes to an NHS REC). Expected: NHS REC.
    """
    families = participants("families", childrens_social_care_users=True)
    result = triage(Activity("family-support-study", parties=[families], nations={W},
                             facts={**NEW_STUDY, "health_related": False}))  # fmt: skip
    assert (B.NHS_REC, R, ()) in routes(result)
    assert "ETH-ROUTE-NHS-REC-SOCIAL-CARE" in rules(result)


def test_childrens_social_care_in_england_is_not_an_nhs_rec_matter():
    """Case 20c. The same study with families using children's social care in England.

    hra_gafrec_policy#relevant_services lists, for England, the NHS and adult social care
    only; the HRA decision tool asks about "NHS and adult social care"
    (hra_rec_decision_tool#question_set_2_users). Expected: no NHS REC, no Social Care REC;
    the university REC; the local authority's governance as advice.
    """
    families = participants("families", childrens_social_care_users=True)
    result = triage(Activity("family-support-study", parties=[families], nations={E},
                             facts={**NEW_STUDY, "health_related": False}))  # fmt: skip
    assert routes(result) == {
        (B.UNIVERSITY_REC, R, ()),
        (B.LOCAL_AUTHORITY, A, (E,)),
        (B.DPIA, A, ()),
    }


def test_adult_social_care_users_in_scotland_are_referred_to_an_nhs_rec():
    """Case 20d. People receiving care at home from a Scottish council are interviewed.

    hra_gafrec_policy#relevant_services gives social care for England, Wales and Northern
    Ireland only, while hra_rec_decision_tool#question_set_2_relatives_scotland asks about
    "NHS and adult social care" in Scotland: the guidance read does not settle it, so the
    right answer is to ask an NHS REC. Expected: NHS REC UNSETTLED; no Social Care REC.
    """
    users = participants("home care users", adult_social_care_users=True)
    result = triage(Activity("home-care-study", parties=[users], nations={S},
                             facts={**NEW_STUDY, "health_related": False}))  # fmt: skip
    assert (B.NHS_REC, U, ()) in routes(result)
    assert not [r for r in result.routes if r.body is B.SOCIAL_CARE_REC]


def test_service_evaluation_of_home_care_in_england_goes_to_local_governance():
    """Case 20e. A council evaluates its own home care service by asking the people who
    use it how well it works; no standard, nothing generalisable.

    Decided by bsuh_is_my_project_research#table_rows (service evaluation, no REC review)
    and hra_what_approvals#not_research_no_hra. Not research: no Social Care REC.
    Expected: SERVICE_EVALUATION; local governance; no REC of any kind.
    """
    users = Party("home care users", Capacity.SERVICE_USER, tasks={Task.PROVIDE_OWN_DATA},
                  facts={"own_data_analysed": True, "consent_planned": False,
                         **ORDINARY, "adult_social_care_users": True})  # fmt: skip
    result = triage(Activity("home-care-evaluation", parties=[users], nations={E},
                             facts={**NOT_RESEARCH, "judges_current_service": True,
                                    "measured_against_standard": False,
                                    "population_health": False, "personal_data": True,
                                    "large_scale_special_category": False,
                                    "identifiable_patient_data": False,
                                    "prison_or_probation_setting": False,
                                    "approved_study_participants": False}))  # fmt: skip
    assert result.outcome is TriageOutcome.SERVICE_EVALUATION
    bodies = {r.body for r in result.routes}
    assert B.LOCAL_GOVERNANCE in bodies
    assert not bodies & {B.SOCIAL_CARE_REC, B.NHS_REC, B.UNIVERSITY_REC}


# -- capacity: England and Wales, Scotland, Northern Ireland -------------------------------


def _capacity_study(nations, health_related):
    residents = participants("care home residents", may_lack_capacity=True)
    return Activity("care-home-study", parties=[residents], nations=nations,
                    facts={**NEW_STUDY, "health_related": health_related})  # fmt: skip


def test_adults_who_may_lack_capacity_in_england_need_an_mca_appropriate_body():
    """Case 21. Care home residents in England, some of whom may lack capacity, are observed
    and interviewed about their health.

    Decided by mca_2005#s30_1 (intrusive research with a person lacking capacity is unlawful
    unless approved by the appropriate body) with mca_appropriate_body_england_regs_2006#
    reg_2 and screc_faq#university_not_appropriate_body. Expected: an appropriate body in
    England, required; the university REC only as policy; both marked sensitive.
    """
    result = triage(_capacity_study({E}, True))
    assert routes(result) == {
        (B.CAPACITY_BODY, R, (E,)),
        (B.UNIVERSITY_REC, P, ()),
        (B.DPIA, A, ()),
    }
    assert "mca_2005" in cited(result, "ETH-ROUTE-CAPACITY-ENGLAND")
    assert all(r.sensitive for r in result.routes if r.body is not B.DPIA)


def test_adults_who_may_lack_capacity_in_wales_need_an_mca_appropriate_body_for_wales():
    """Case 21b. The same study in Welsh care homes.

    mca_2005#s30_1 applies in Wales too; mca_2005#s30_6 makes the Welsh Ministers (then the
    National Assembly) the ones who recognise its appropriate bodies. Expected: the capacity
    body for Wales, required; no English one.
    """
    result = triage(_capacity_study({W}, True))
    assert (B.CAPACITY_BODY, R, (W,)) in routes(result)
    assert "ETH-ROUTE-CAPACITY-ENGLAND" not in rules(result)


def test_adults_who_may_lack_capacity_in_scotland_health_research_need_scotland_a():
    """Case 22. The same health study in Scottish care homes.

    Decided by awi_scotland_2000#s51_1 (surgical, medical, nursing, dental or psychological
    research with incapable adults) and awi_ethics_committee_regs_2002#reg_2 (the Ethics
    Committee: Scotland A REC). Expected: the capacity body in Scotland, required.
    """
    result = triage(_capacity_study({S}, True))
    assert (B.CAPACITY_BODY, R, (S,)) in routes(result)
    assert "ETH-ROUTE-CAPACITY-SCOTLAND" in rules(result)


def test_adults_who_may_lack_capacity_in_scotland_non_health_research_is_referred():
    """Case 23. Scottish care home residents who may lack capacity take part in a study of
    leisure and music, not health.

    awi_scotland_2000#s51_1 names surgical, medical, nursing, dental or psychological
    research; whether it reaches other research is left to the Scotland A committee
    (scot_gov_awi_consultation_2024#single_committee). The right answer is to ask that body:
    the route is UNSETTLED, naming Scotland A, not a guess either way.
    """
    result = triage(_capacity_study({S}, False))
    assert (B.CAPACITY_BODY, U, (S,)) in routes(result)
    text = sentence(result.by_rule("ETH-ROUTE-CAPACITY-SCOTLAND-UNSETTLED")[0],
                    locale="en_GB", include_sensitive=True)  # fmt: skip
    assert "ask Scotland A Research Ethics Committee" in text


def test_adults_who_may_lack_capacity_in_northern_ireland_need_an_mca_ni_body():
    """Case 24. The same health study in Northern Ireland.

    Decided by mca_ni_2016#s132_1 and mca_ni_research_amendment_regs_2020#appropriate_bodies
    (HSC RECs A and B, ORECNI, named university RECs, named HRA committees). Expected: the
    capacity body for Northern Ireland, required.
    """
    result = triage(_capacity_study({NI}, True))
    assert (B.CAPACITY_BODY, R, (NI,)) in routes(result)
    assert "mca_ni_2016" in cited(result, "ETH-ROUTE-CAPACITY-NI")


# -- prisons and probation -------------------------------------------------------------------


def _prison_study(nations, health_related):
    # The label is the caller's own: a neutral one, so the checks below see only the library's
    # words.
    learners = participants("learners", in_custody_or_on_probation=True, held_in_custody=True)
    return Activity("education-study", parties=[learners], nations=nations,
                    facts={**NEW_STUDY, "prison_or_probation_setting": True,
                           "health_related": health_related})  # fmt: skip


def test_prisoners_in_england_education_study_needs_hmpps_nrc_and_university_rec():
    """Case 25. Prisoners in English prisons are interviewed about prison education.

    Decided by hmpps_research_page#must_apply (research in prisons and probation in England
    and Wales applies to HMPPS's National Research Committee) and hmpps_pi_17_2014#nations.
    Not health research: no NHS REC. Expected: HMPPS NRC (England) and the university REC,
    both required, both withheld by default (custody is criminal offence data).
    """
    result = triage(_prison_study({E}, False))
    assert routes(result) == {
        (B.HMPPS_NRC, R, (E,)),
        (B.UNIVERSITY_REC, R, ()),
        (B.DPIA, A, ()),
    }
    shown = unstructure(list(result.routes))
    assert sum(1 for r in shown if r.get("withheld")) == 2


def test_prisoners_in_england_health_study_also_needs_an_nhs_rec():
    """Case 26. Prisoners in England are interviewed about their mental health care.

    Decided by hra_prison_research#flagged_recs and recruitnetworx_gafrec_2011#prisoners
    (health-related research with prisoners: an NHS REC flagged for prison research;
    secondary) with hmpps_research_page#must_apply. Expected: NHS REC and HMPPS NRC.
    """
    result = triage(_prison_study({E}, True))
    assert {(B.NHS_REC, R, ()), (B.HMPPS_NRC, R, (E,))} <= routes(result)


def test_prisoners_in_scotland_are_referred_to_the_prison_service():
    """Case 27. Prisoners in a Scottish prison are interviewed about education.

    HMPPS covers England and Wales only (hmpps_pi_17_2014#nations); the Scottish Prison
    Service runs its own research access (its committee was not read by the library). The
    answer the guidance read supports is to ask the prison service: UNSETTLED for Scotland,
    never HMPPS.
    """
    result = triage(_prison_study({S}, False))
    assert (B.PRISON_SERVICE, U, (S,)) in routes(result)
    assert not [r for r in result.routes if r.body is B.HMPPS_NRC]


def test_people_on_probation_in_wales_need_hmpps_nrc():
    """Case 27b. People on probation in Wales are interviewed about finding work.

    hmpps_research_page#must_apply and hmpps_pi_17_2014#nations: HMPPS's National Research
    Committee covers prisons and probation in England and Wales. Expected: HMPPS NRC for
    Wales, required.
    """
    group = participants("group B", in_custody_or_on_probation=True)
    result = triage(Activity("employment-study", parties=[group], nations={W},
                             facts={**NEW_STUDY, "prison_or_probation_setting": True,
                                    "health_related": False}))  # fmt: skip
    assert (B.HMPPS_NRC, R, (W,)) in routes(result)


# -- children and young people -------------------------------------------------------------


def test_pupils_under_16_in_school_research_need_parental_consent_and_safeguarding():
    """Case 28. Pupils aged 13 to 15 answer a questionnaire in school for a university study.

    Decided by gmc_0_18#under_16 and dt_toolkit_children#gillick_research (consent from a
    person with parental responsibility, with the child's agreement; Gillick competence) and
    bath_report_2022#partners_sensitive (safeguarding). No NHS: the university REC.
    Expected: RESEARCH; the under-16 consent and safeguarding findings, both sensitive and
    withheld by default.
    """
    pupils = participants("pupils", under_18=True, under_16=True, aged_16_17=False)
    result = triage(Activity("school-survey", parties=[pupils], facts=NEW_STUDY,
                             setting=Setting.SCHOOL, nations={E}))  # fmt: skip
    assert routes(result) == {(B.UNIVERSITY_REC, R, ()), (B.DPIA, A, ())}
    for rule_id in ("ETH-CONSENT-UNDER-16", "ETH-SAFEGUARDING"):
        (finding,) = result.by_rule(rule_id)
        assert finding.sensitive
        assert unstructure(finding)["values"] is None


def test_young_people_16_17_are_presumed_able_to_consent():
    """Case 29. Young people aged 16 and 17 at a youth club join a study of their views.

    Decided by gmc_0_18#presumed_16 and dt_toolkit_children#sixteen_to_eighteen (16- and
    17-year-olds are presumed able to consent). Expected: the aged-16-17 consent finding, and
    no under-16 one.
    """
    youth = participants("youth club members", under_18=True, under_16=False, aged_16_17=True)
    result = triage(Activity("youth-views", parties=[youth], facts=NEW_STUDY, nations={E}))
    assert "ETH-CONSENT-AGED-16-17" in rules(result)
    assert "ETH-CONSENT-UNDER-16" not in rules(result)


# -- approved studies and dates ------------------------------------------------------------


def test_contributors_analysing_transcripts_beyond_the_approved_scope_need_an_amendment():
    """Case 30. Public contributors are to analyse interview transcripts from an approved
    study, for a purpose its approval and consent did not cover.

    Decided by iras_amendment_guidance#further_review and
    hra_amending_approval#sponsor_decides (a change to an approved study: the sponsor
    decides whether it is a substantial amendment needing the committee's opinion).
    Expected: RESEARCH; the amendment route; no fresh NHS REC or university REC
    application named.
    """
    helpers = Party("public contributors", Capacity.PUBLIC_CONTRIBUTOR,
                    tasks={Task.ANALYSE_DATA},
                    facts={"own_data_analysed": False, "vulnerable": False,
                           "under_18": False})  # fmt: skip
    result = triage(Activity("secondary-analysis", parties=[helpers], approval="REC 21/NE/0001",
                             facts={"data_about_people": True, "generalisable": True,
                                    "approved_study_participants": True,
                                    "within_approved_scope": False}))  # fmt: skip
    assert result.outcome is TriageOutcome.RESEARCH
    assert {r.body for r in result.routes} == {B.AMENDMENT}
    assert Action.CHECK_EXISTING_APPROVAL in result.actions


def test_a_day_before_the_route_rules_hold_refers_the_routes():
    """Case 31. The NHS patient study of case 12, triaged as at 1 June 2019.

    mca_ni_research_amendment_regs_2020#commencement: the last law the rules apply came into
    operation on 3 February 2020; for an earlier day the library must not apply today's
    bodies. Expected: outcome still RESEARCH; no routes; a referral finding.
    """
    activity = Activity("clinic-interviews", parties=[participants("patients",
                                                                   nhs_patients=True)],
                        facts=NEW_STUDY, nations={E})  # fmt: skip
    result = assess_activity(activity, as_at=dt.date(2019, 6, 1))
    assert result.outcome is TriageOutcome.RESEARCH
    assert result.routes == ()
    assert "ETH-ROUTE-DATE-NOT-COVERED" in rules(result)


# -- a whole project -----------------------------------------------------------------------


def test_project_names_the_contributor_who_is_also_a_participant_by_id_only():
    """Case 32. An advisory group advises on a study; one member also fills in the study's
    health questionnaire.

    Decided by oxford_msd_ppi_ethics#not_also_participants (contributors should not usually
    also be participants in the same study). Expected: one activity INVOLVEMENT, one
    RESEARCH; the overlap named by the person id the caller gave, never by anything else.
    """
    advice = Activity("advisory-meetings", parties=[
        Party("advisory group", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.ADVISE},
              facts={"own_data_analysed": False}, people={"p-017", "p-018"})])  # fmt: skip
    survey = Activity("health-questionnaire", facts={"generalisable": True}, parties=[
        Party("advisory group", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.PROVIDE_OWN_DATA},
              facts={"own_data_analysed": True}, people={"p-017"})])  # fmt: skip
    summary = assess_ethics(EthicsProject("study", activities=[advice, survey]), as_at=ON)
    assert summary.counts[TriageOutcome.INVOLVEMENT] == 1
    assert summary.counts[TriageOutcome.RESEARCH] == 1
    assert summary.contributor_and_participant == ("p-017",)


def test_cli_answers_an_advisory_group_and_refers_an_open_workshop(capsys):
    """Case 32b. Cases 1 and 3 through ``participatory ethics``, as an office's system would
    send them: the advisory group is involvement with no route; the workshop with recording
    not said is referred, naming the fact, and ``--fail-on refer`` exits 1.

    Decided by involve_nres_statement#specialist_advisers and
    rie_2024_only_way_is_ethics#abstract, as in cases 1 and 3.
    """
    document = {"activities": [
        {"id": "protocol-advice", "nations": ["england"],
         "parties": [{"label": "advisory group", "capacity": "public_contributor",
                      "tasks": ["advise", "review_documents"],
                      "facts": {"own_data_analysed": False, "nhs_patients": True}}]},
        {"id": "design-workshops", "facts": {"generalisable": True},
         "parties": [{"label": "workshop members", "capacity": "public_contributor",
                      "tasks": ["co_design"]}]}]}  # fmt: skip
    answer = json.loads(run_cli(capsys, document))
    advice, workshops = answer["activities"]
    shown_routes = [r for r in advice["routes"] if not r["withheld"]]
    assert (advice["outcome"], shown_routes) == ("involvement", [])
    assert workshops["outcome"] == "refer"
    assert workshops["deciding_facts"] == [
        {"fact": "own_data_analysed", "party": "workshop members"}
    ]
    assert answer["referred"] == ["design-workshops"]
    saved = sys.stdin
    sys.stdin = io.StringIO(json.dumps(document))
    try:
        code = main(["ethics", "-", "--as-at", ON.isoformat(), "--fail-on", "refer"])
    finally:
        sys.stdin = saved
    capsys.readouterr()
    assert code == 1


# -- what the library does not cover yet ---------------------------------------------------


def test_trial_of_a_medicine_in_healthy_volunteers_needs_a_rec_and_the_mhra():
    """Case 33. A university unit runs a randomised trial of a medicine in healthy student
    volunteers, recruited by poster (not through the NHS).

    hra_rec_decision_tool#question_set_1 asks first "Is your study a clinical trial of an
    investigational medicinal product (CTIMP)?": a CTIMP needs a recognised research ethics
    committee's favourable opinion (through IRAS, combined review) and MHRA authorisation,
    whoever the participants are; mca_2005#s30_3 confirms such trials follow their own
    regulations, and ct_regs_2004#reg_12 sets both conditions: a favourable opinion of an
    ethics committee and authorisation by the licensing authority. Expected: NHS REC
    required, MHRA required; the university REC only as its own policy says (a statutory
    committee reviews the trial).
    """
    volunteers = Party("healthy volunteers", Capacity.RESEARCH_PARTICIPANT,
                       tasks={Task.TAKE_PART_IN_INTERVENTION, Task.PROVIDE_OWN_DATA},
                       facts=ORDINARY)  # fmt: skip
    activity = Activity("phase-1-trial", parties=[volunteers], nations={E},
                        facts={**NEW_STUDY, "randomised": True, "health_related": True,
                               "clinical_trial_of_medicine": True})  # fmt: skip
    result = triage(activity)
    shown = routes(result)
    assert (B.NHS_REC, R, ()) in shown
    assert (B.MHRA, R, ()) in shown
    assert (B.UNIVERSITY_REC, R, ()) not in shown
    assert {"ETH-ROUTE-NHS-REC-CTIMP", "ETH-ROUTE-MHRA"} <= set(rules(result))


def test_health_research_asks_whether_it_is_a_trial_of_a_medicine():
    """The HRA REC tool's first question (hra_rec_decision_tool#question_set_1), asked only
    where it can be yes: health research in which a group takes part in an intervention.
    Unanswered, it is a route question; for research that is not about health, or with no
    intervention (an interview study), it is never asked.
    """
    volunteers = Party("volunteers", Capacity.RESEARCH_PARTICIPANT,
                       tasks={Task.TAKE_PART_IN_INTERVENTION, Task.PROVIDE_OWN_DATA},
                       facts=ORDINARY)  # fmt: skip
    health = triage(Activity("survey", parties=[volunteers], nations={E},
                             facts={**NEW_STUDY, "health_related": True}))  # fmt: skip
    assert any(q.fact is Fact.CLINICAL_TRIAL_OF_MEDICINE for q in health.open_questions)
    other = triage(Activity("survey", parties=[volunteers], nations={E},
                            facts={**NEW_STUDY, "health_related": False}))  # fmt: skip
    assert not any(q.fact is Fact.CLINICAL_TRIAL_OF_MEDICINE for q in other.open_questions)
    health = {**NEW_STUDY, "health_related": True}
    interviews = triage(Activity("interviews", parties=[participants("volunteers")],
                                 nations={E}, facts=health))  # fmt: skip
    assert not any(q.fact is Fact.CLINICAL_TRIAL_OF_MEDICINE for q in interviews.open_questions)


# -- default output never shows a special-category fact ------------------------------------


def _prisoners_with_approval_open():
    """Prisoners who may lack capacity; whether they belong to an approved study unsaid."""
    group = participants("group A", in_custody_or_on_probation=True, may_lack_capacity=True)
    facts = {k: v for k, v in NEW_STUDY.items() if k != "approved_study_participants"}
    return Activity("survey", parties=[group], nations={E},
                    facts={**facts, "prison_or_probation_setting": False,
                           "health_related": False})  # fmt: skip


def test_route_questions_never_reveal_capacity_or_custody_in_default_output():
    """Case 34. A survey of a group some of whom are in custody and may lack capacity, in
    England; whether they belong to an approved study is not said.

    The library's own rule (docs/concepts/research-or-involvement.md, "A group's capacity,
    custody, age and vulnerability are special-category data: the routes and findings that
    rest on a yes to one of them are marked sensitive and withheld from default output").
    Expected: nothing in default output mentions capacity or custody.
    """
    result = triage(_prisoners_with_approval_open())
    assert "ETH-ROUTE-QUESTION" in rules(result)
    shown = default_text(result)
    assert not leaks(shown)


def test_the_nations_question_never_reveals_custody_in_default_output():
    """Case 34b. A survey of a group some of whom are on probation; nations not said.

    Same rule as case 34. Expected: the nations are asked, and (since round 14) whether any
    of the group is held in custody, which chooses between the prison and the probation
    service in Scotland and Northern Ireland; nothing in default output mentions prisons,
    probation or HMPPS.
    """
    group = participants("group A", in_custody_or_on_probation=True)
    result = triage(Activity("survey", parties=[group],
                             facts={**NEW_STUDY, "health_related": False}))  # fmt: skip
    assert [q.kind for q in result.open_questions] == [QuestionKind.ROUTE, QuestionKind.NATIONS]
    assert result.open_questions[0].fact is Fact.HELD_IN_CUSTODY
    assert all(q.sensitive for q in result.open_questions)
    shown = default_text(result)
    assert not leaks(shown)


def test_cli_default_output_never_reveals_a_safeguarding_answer(capsys):
    """Case 35. The school survey of case 28 through ``participatory ethics``, default flags.

    Same rule as case 34: a group's age and vulnerability are withheld from default output.
    Expected: neither the safeguarding sentence nor its action appears; with
    ``--include-sensitive`` (tested in the API) they would.
    """
    facts = {**ORDINARY, "own_data_analysed": True, "consent_planned": True,
             "under_18": True, "under_16": True, "aged_16_17": False}  # fmt: skip
    document = {"activity": {"id": "school-survey", "setting": "school",
                             "nations": ["england"], "facts": NEW_STUDY,
                             "parties": [{"label": "pupils",
                                          "capacity": "research_participant",
                                          "tasks": ["provide_own_data"],
                                          "facts": facts}]}}  # fmt: skip
    shown = json.loads(run_cli(capsys, document))
    for route in shown["activities"][0]["routes"]:
        route.pop("decided_by", None)  # fact names, never answers (see default_text)
    out = json.dumps(shown)
    assert not leaks(out)


def test_actions_shown_leave_out_those_of_sensitive_findings():
    """The API half of case 35: ``actions_shown`` drops the actions only a sensitive finding
    implies, and ``include_sensitive`` restores them.
    """
    pupils = participants("pupils", under_18=True, under_16=True, aged_16_17=False)
    result = triage(Activity("school-survey", parties=[pupils], facts=NEW_STUDY,
                             setting=Setting.SCHOOL, nations={E}))  # fmt: skip
    assert Action.SAFEGUARDING in result.actions
    assert Action.SAFEGUARDING not in result.actions_shown()
    assert result.actions_shown(include_sensitive=True) == result.actions
    assert Action.ETHICS_APPLICATION in result.actions_shown()


def test_default_output_of_the_sensitive_cases_shows_no_sensitive_word():
    """Cases 21, 25 and 28 again, in default serialisation: the routes and findings resting
    on capacity, custody or age are withheld whole, so no word of them shows.
    """
    pupils = participants("pupils", under_18=True, under_16=True, aged_16_17=False)
    school = Activity("school-survey", parties=[pupils], facts=NEW_STUDY, nations={E})
    # Custody without the prison setting: the setting is not a safeguarding answer, and a
    # study in a prison names HMPPS whatever a group answers (the default copy reads every
    # safeguarding yes as no).
    on_probation = _prison_study({E}, False).with_answer(Fact.PRISON_OR_PROBATION_SETTING, False)
    for activity in (_capacity_study({E}, True), on_probation, school):
        shown = default_text(triage(activity))
        assert not leaks(shown), activity.id
