"""Outside ethics cases, round 14: the triage checked against primary UK guidance.

Each case is one an ethics office meets, described through the public API the way the
office would describe it, with the answer the guidance gives worked out in the docstring and
its source named (title and address). None repeats a case of round 13
(``test_outside_ethics_round13.py``) or of ``tests/ethics/``: these are payment of
contributors, lived-experience panels analysing a new study's data, evaluating involvement
for local improvement, data-only studies (anonymised, identifiable with and without consent,
pseudonymised national data), the capacity laws' reach (anonymised records; 16- and
17-year-olds in Scotland), secure training centres and young offender institutions,
probation outside England and Wales, device investigations, staff across four nations.

Where the library's answer contradicts guidance that settles the case, the test states the
guidance's answer and is marked ``xfail(strict=True)`` with its finding number (ETH14-n).
The unmarked tests guard boundaries the library gets right.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import pytest

from participatory.ethics import (
    Activity,
    ActivityClassification,
    Capacity,
    Fact,
    Nation,
    Party,
    PartyStatus,
    Requirement,
    ReviewBody,
    Task,
    TriageOutcome,
    assess_activity,
)

AS_AT = dt.date(2026, 12, 7)

# Every route fact answered no, so that a case's route turns only on the facts it names.
_ACTIVITY_NO: dict[str, Any] = {
    "randomised": False,
    "changes_usual_care": False,
    "nhs_premises": False,
    "prison_or_probation_setting": False,
    "health_related": False,
    "clinical_trial_of_medicine": False,
    "identifiable_patient_data": False,
    "patient_data_without_consent": "not_applicable",
    "personal_data": False,
    "large_scale_special_category": "not_applicable",
    "approved_study_participants": False,
}
_GROUP_NO: dict[str, Any] = {
    "nhs_patients": False,
    "nhs_staff": False,
    "adult_social_care_users": False,
    "childrens_social_care_users": False,
    "may_lack_capacity": False,
    "in_custody_or_on_probation": False,
    "vulnerable": False,
    "under_18": False,
}


def _group(label: str, capacity: Capacity, tasks: Iterable[Task], **answers: object) -> Party:
    facts = {**_GROUP_NO, **answers}
    if facts.get("under_16") is True or facts.get("aged_16_17") is True:
        facts["under_18"] = True
    return Party(label, capacity, tasks=set(tasks), facts=facts)


def _participants(label: str = "participants", **answers: object) -> Party:
    return _group(
        label,
        Capacity.RESEARCH_PARTICIPANT,
        {Task.PROVIDE_OWN_DATA},
        own_data_analysed=True,
        consent_planned=True,
        **answers,
    )


def _analysts() -> Party:
    """University staff who analyse data held elsewhere (no group for the data's subjects)."""
    return _group("analysts", Capacity.STAFF, {Task.ANALYSE_DATA}, own_data_analysed=False)


def _activity(
    activity_id: str,
    parties: list[Party],
    *,
    setting: str = "university",
    nations: Iterable[str] = ("england",),
    **answers: object,
) -> Activity:
    facts = {**_ACTIVITY_NO, **answers}
    if setting == "nhs":
        # An NHS setting answers "on NHS premises" itself; a no beside it would contradict.
        facts.pop("nhs_premises")
    return Activity(activity_id, parties=parties, facts=facts, setting=setting, nations=nations)


def _triage(activity: Activity) -> ActivityClassification:
    return assess_activity(activity, as_at=AS_AT)


def _routes(result: ActivityClassification) -> set[tuple[ReviewBody, Requirement]]:
    return {(route.body, route.requirement) for route in result.routes}


def _bodies(result: ActivityClassification) -> set[ReviewBody]:
    return {route.body for route in result.routes}


def _rule_ids(result: ActivityClassification) -> set[str]:
    return {route_id for route in result.routes for route_id in route.rule_ids}


def _status(result: ActivityClassification, label: str) -> PartyStatus:
    return next(role.status for role in result.roles if role.label == label)


def _actions(result: ActivityClassification) -> set[str]:
    return {action.name for action in result.actions}


# ---------------------------------------------------------------------------------------------
# 1. Involvement: payment, analysis by a lived-experience panel, evaluating the involvement


def test_paying_an_advisory_group_does_not_make_its_members_participants() -> None:
    """A lived-experience advisory group is paid for its time to advise and review documents.

    INVOLVE, "Involve people as early as possible" (https://www.invo.org.uk/
    involve-people-as-early-as-possible/): "Ethical approval is not needed where people are
    involved in planning or advising on research, for example as a co-applicant on a research
    grant, a member of an advisory group or in developing a questionnaire." NIHR, *Payment
    guidance for researchers and professionals* (v1.4, July 2023, https://www.invo.org.uk/
    benefits-advice-service-for-involvement-for-nihr-organisations/) treats paying public
    contributors as good practice for involvement, under the organisation's payment policy;
    nothing in either makes a paid adviser a research participant. So: involvement, no review
    route, no consent or ethics application, and payment by the organisation's policy.
    """
    advisers = _group(
        "advisory group",
        Capacity.PUBLIC_CONTRIBUTOR,
        {Task.ADVISE, Task.REVIEW_DOCUMENTS},
        own_data_analysed=False,
    )
    result = _triage(_activity("paid-advice", [advisers], generalisable=True))
    assert result.outcome is TriageOutcome.INVOLVEMENT
    assert _status(result, "advisory group") is PartyStatus.INVOLVED
    assert result.routes == ()
    actions = _actions(result)
    assert "PAY_PER_POLICY" in actions
    assert not actions & {"CONSENT_AND_INFORMATION", "ETHICS_APPLICATION"}


def test_lived_experience_panel_analysing_new_interviews_is_part_of_the_research() -> None:
    """A lived-experience panel helps analyse the transcripts of a new study's interviews.

    The interviews (members of the public, recruited through a charity, not yet approved by any
    committee) are research: the interviewees are participants, and the study is designed to
    give transferable findings (HRA, *Is my study research?* glossary, "Generalisable or
    transferable", https://www.hra-decisiontools.org.uk/research/glossary.html). The panel's
    help with analysis is involvement, not participation (INVOLVE, as above), but the research
    it helps with needs the university REC's review, which will want to know how the panel is
    trained and supported ("If you are involving members of the public ... as co-researchers or
    peer researchers (e.g. interviewing participants or analysing data), this will require
    ethical approval", publicinvolvement.co.uk FAQ, https://publicinvolvement.co.uk/faqs).
    No NHS route: nobody is identified through NHS services.
    """
    panel = _group("lived experience panel", Capacity.CO_RESEARCHER, {Task.ANALYSE_DATA},
                   own_data_analysed=False)  # fmt: skip
    interviewees = _participants("interviewees")
    result = _triage(
        _activity(
            "panel-analysis",
            [panel, interviewees],
            data_about_people=True,
            generalisable=True,
            personal_data=True,
            large_scale_special_category=False,
        )
    )
    assert result.outcome is TriageOutcome.RESEARCH
    assert _status(result, "lived experience panel") is PartyStatus.INVOLVED
    assert _status(result, "interviewees") is PartyStatus.PARTICIPANT
    assert (ReviewBody.UNIVERSITY_REC, Requirement.REQUIRED) in _routes(result)
    assert ReviewBody.NHS_REC not in _bodies(result)
    assert "CO_RESEARCHER_SUPPORT" in _actions(result)


def test_contributors_feedback_to_improve_local_involvement_is_a_service_evaluation() -> None:
    """Contributors fill in a feedback form on how the project involved them, for local use.

    The answers are analysed (so the contributors are studied), but only to judge and improve
    this project's involvement: no randomisation, no change from usual practice, no attempt at
    generalisable or transferable findings. HRA decision tool *Is my study research?*
    (https://www.hra-decisiontools.org.uk/research/): all three questions no means not
    research; the HRA *Defining Research* table (Oct 2022) puts "designed and conducted solely
    to define or judge current care or service" in the service evaluation column, which does
    not need REC review (restated by NIHR NSPCC CRO, https://nspccro.nihr.ac.uk/working-with-us/
    research-service-evaluation-or-audit). So: service evaluation, local governance only.
    """
    contributors = _group(
        "contributors",
        Capacity.PUBLIC_CONTRIBUTOR,
        {Task.ADVISE, Task.PROVIDE_OWN_DATA},
        own_data_analysed=True,
        consent_planned=True,
    )
    result = _triage(
        _activity(
            "involvement-feedback",
            [contributors],
            generalisable=False,
            judges_current_service=True,
            measured_against_standard=False,
            population_health=False,
        )
    )
    assert result.outcome is TriageOutcome.SERVICE_EVALUATION
    assert _routes(result) == {(ReviewBody.LOCAL_GOVERNANCE, Requirement.REQUIRED)}
    assert not result.outcome.needs_committee


def test_a_residents_survey_to_set_public_health_priorities_is_health_surveillance() -> None:
    """A council's public health team surveys residents to set local priorities.

    HRA *Defining Research* table (Oct 2022, as reproduced at https://siteproxy.ruqli.workers.dev/https/
    www.scribd.com/document/854520421/DefiningResearchTable-Oct2022): the health surveillance
    column is "designed and conducted to assess priorities, evaluate interventions, and detect
    and manage threats to health and adverse health status"; it is not research and needs no
    REC. The survey is not randomised, changes no care and is not designed to generalise. So:
    usual practice / health surveillance, routed to local governance.
    """
    residents = _group("residents", Capacity.SERVICE_USER, {Task.PROVIDE_OWN_DATA},
                       own_data_analysed=True, consent_planned=True)  # fmt: skip
    result = _triage(
        _activity(
            "priorities-survey",
            [residents],
            setting="community",
            generalisable=False,
            population_health=True,
            judges_current_service=False,
            measured_against_standard=False,
        )
    )
    assert result.outcome is TriageOutcome.USUAL_PRACTICE
    assert _bodies(result) == {ReviewBody.LOCAL_GOVERNANCE}


# ---------------------------------------------------------------------------------------------
# 2. Data-only studies


def test_previously_collected_anonymised_nhs_data_needs_no_nhs_rec_or_cag() -> None:
    """University analysts study an anonymised extract of NHS records; they cannot identify anyone.

    GAfREC (2011) s. 2.3, as restated by the University of Cambridge
    (https://www.research-integrity.admin.cam.ac.uk/guidance-0/hra-review): an NHS REC is
    needed for "use of previously collected tissue or information from which the research
    team could identify individual past or present users of these services"; anonymised data
    is outside it. Section 251 support (CAG) is for *confidential patient information*, which
    must be identifiable or likely to be identifiable (HRA, "What is confidential patient
    information", https://hra.nhs.uk/about-us/committees-and-services/
    confidentiality-advisory-group/confidential-patient-information-and-regulations). So: no
    NHS REC, no CAG, no Caldicott advice; the university REC under its policy.
    """
    result = _triage(
        _activity(
            "anonymised-extract",
            [_analysts()],
            data_about_people=True,
            generalisable=True,
            health_related=True,
        )
    )
    assert result.outcome is TriageOutcome.RESEARCH
    assert not _bodies(result) & {
        ReviewBody.NHS_REC,
        ReviewBody.CONFIDENTIALITY,
        ReviewBody.CALDICOTT_GUARDIAN,
    }
    assert (ReviewBody.UNIVERSITY_REC, Requirement.REQUIRED) in _routes(result)


def test_identifiable_nhs_records_used_with_consent_need_an_nhs_rec_but_no_cag() -> None:
    """Analysts use identifiable NHS records of patients who consented to this use.

    GAfREC 2.3 (restated at the Cambridge address above): previously collected information from
    which the team could identify service users needs an NHS REC. Consent is in place, so no
    other legal basis for the common law duty of confidentiality is needed and CAG does not
    come in (HRA, "Why is confidential patient information used?", https://www.hra.nhs.uk/
    about-us/committees-and-services/confidentiality-advisory-group/
    why-confidential-patient-information-used/: section 251 is for use "where seeking consent
    was not practical"). In England the NHS takes part through its data: HRA Approval.
    """
    result = _triage(
        _activity(
            "consented-records",
            [_analysts()],
            data_about_people=True,
            generalisable=True,
            health_related=True,
            identifiable_patient_data=True,
            patient_data_without_consent=False,
            personal_data=True,
            large_scale_special_category=False,
        )
    )
    routes = _routes(result)
    assert (ReviewBody.NHS_REC, Requirement.REQUIRED) in routes
    assert (ReviewBody.NHS_PERMISSION, Requirement.REQUIRED) in routes
    assert ReviewBody.CONFIDENTIALITY not in _bodies(result)
    assert (ReviewBody.CALDICOTT_GUARDIAN, Requirement.ADVICE) in routes


def test_records_without_consent_in_england_and_scotland_need_cag_and_pbpp() -> None:
    """Identifiable records from England and Scotland are linked without consent.

    Section 251 of the NHS Act 2006 does not apply in Scotland (PBPP, "How to apply", item 11,
    https://www.informationgovernance.scot.nhs.uk/pbpphsc/
    test-phase-1-about-the-public-benefit-and-privacy-panel-for-health-and-social-care-what-does-it-do/
    how-to-apply-2/); GMC guidance quoted by LeDeR (https://leder.nhs.uk/resources/
    leder-general-practice-information-guide/appendix-a): "There is no comparable statutory
    framework in Scotland". So: CAG for the English records, PBPP for the Scottish ones, one
    NHS REC opinion for the study, and each nation's NHS permission.
    """
    result = _triage(
        _activity(
            "linked-records",
            [_analysts()],
            nations=("england", "scotland"),
            data_about_people=True,
            generalisable=True,
            health_related=True,
            identifiable_patient_data=True,
            patient_data_without_consent=True,
            personal_data=True,
            large_scale_special_category=True,
        )
    )
    by_nation = {
        (route.body, route.nations)
        for route in result.routes
        if route.body in (ReviewBody.CONFIDENTIALITY, ReviewBody.NHS_PERMISSION)
    }
    assert by_nation == {
        (ReviewBody.CONFIDENTIALITY, (Nation.ENGLAND,)),
        (ReviewBody.CONFIDENTIALITY, (Nation.SCOTLAND,)),
        (ReviewBody.NHS_PERMISSION, (Nation.ENGLAND,)),
        (ReviewBody.NHS_PERMISSION, (Nation.SCOTLAND,)),
    }
    assert {"ETH-ROUTE-CAG", "ETH-ROUTE-PBPP"} <= _rule_ids(result)
    assert [r.nations for r in result.routes if r.body is ReviewBody.NHS_REC] == [()]


def test_identifiable_records_in_scotland_with_consent_not_said_asks_it_naming_pbpp() -> None:
    """Identifiable NHS Scotland records; the applicant has not said whether patients consented.

    Whether the PBPP (or the board's Caldicott Guardian) must approve turns on consent (PBPP
    "How to apply", as above; HRA on confidential patient information, as above). The
    guidance settles both answers, so the triage must ask, not guess: a route question on
    consent, naming the PBPP if yes; once answered yes, the PBPP route in Scotland.
    """
    activity = _activity(
        "scottish-records",
        [_analysts()],
        nations=("scotland",),
        data_about_people=True,
        generalisable=True,
        health_related=True,
        identifiable_patient_data=True,
        patient_data_without_consent=None,
        personal_data=True,
        large_scale_special_category=False,
    )
    result = _triage(activity)
    assert [q.fact for q in result.open_questions] == [Fact.PATIENT_DATA_WITHOUT_CONSENT]
    assert ReviewBody.CONFIDENTIALITY not in _bodies(result)
    answered = _triage(activity.with_answer(Fact.PATIENT_DATA_WITHOUT_CONSENT, True))
    assert answered.open_questions == ()
    pbpp = [r for r in answered.routes if "ETH-ROUTE-PBPP" in r.rule_ids]
    assert [(r.requirement, r.nations) for r in pbpp] == [
        (Requirement.REQUIRED, (Nation.SCOTLAND,))
    ]


def test_pseudonymised_national_nhs_scotland_data_goes_to_the_pbpp() -> None:
    """Analysts ask eDRIS for a linked, pseudonymised extract of NHS Scotland national data.

    PBPP, *Guiding Principles and Policy for Decision Making* (https://docest.com/doc/283496/
    public-benefit-and-privacy-panel-for-health-and-social-care): the panel "has a formal
    mandate to scrutinise any request to use NHSS-controlled data ... for research ... Its
    principal focus is on what are deemed national data-sets or cases which ... require
    anonymisation, linkage or matching of data". PBPP, "who we are" (https://
    www.informationgovernance.scot.nhs.uk/pbpphsc/?p=756): "a research applicant has to complete
    one application ... to obtain access to NHS Scotland's national data". The team cannot
    identify anyone, so section 251-style "without consent" reasoning does not arise, but the
    PBPP still decides access. Expected: a PBPP route in Scotland (or a question that leads to
    one). The library gives the university REC and a DPIA only, and asks nothing.
    """
    result = _triage(
        _activity(
            "edris-extract",
            [_analysts()],
            nations=("scotland",),
            data_about_people=True,
            generalisable=True,
            health_related=True,
            personal_data=True,
            large_scale_special_category=True,
        )
    )
    assert ReviewBody.CONFIDENTIALITY in _bodies(result) or result.open_questions


# ---------------------------------------------------------------------------------------------
# 3. The capacity laws' reach


def test_anonymised_records_of_people_who_may_lack_capacity_need_no_appropriate_body() -> None:
    """A care provider gives analysts anonymised records of residents, some of whom lack capacity.

    Mental Capacity Act 2005 s. 30(1)-(2) (https://legislation.gov.uk/id/ukpga/2005/9/section/
    30): only *intrusive* research needs an appropriate body's approval, and research is
    intrusive "if it is of a kind that would be unlawful if it was carried out ... on or in
    relation to a person who had capacity to consent to it, but ... without his consent".
    Explanatory Notes para 97 (https://www.legislation.gov.uk/ukpga/2005/9/notes/division/6/1/8):
    "Research on anonymised medical data or tissue is also not included". Nothing here is
    personal data, so using it without consent would be lawful for anyone: not intrusive, no
    appropriate body. Expected: no capacity body required (at most a question whether the
    research is intrusive). The library requires the MCA appropriate body.
    """
    records = _group("residents' records", Capacity.SERVICE_USER, (), may_lack_capacity=True,
                     consent_planned=False)  # fmt: skip
    result = _triage(
        _activity(
            "anonymised-care-records",
            [records, _analysts()],
            setting="community",
            data_about_people=True,
            generalisable=True,
            health_related=True,
            personal_data=False,
        )
    )
    assert (ReviewBody.CAPACITY_BODY, Requirement.REQUIRED) not in _routes(result)


def test_young_people_of_16_or_17_in_scotland_who_may_lack_capacity_go_to_scotland_a() -> None:
    """Health research in Scotland with NHS patients aged 16 or 17, some of whom may lack capacity.

    Adults with Incapacity (Scotland) Act 2000 s. 1(6): "adult" means "a person who has attained
    the age of 16 years" (quoted by Lexology, https://www.lexology.com/library/detail.aspx?
    g=99c45e2a-3351-40af-87f9-71cac1c9f8d2); s. 51 then requires the Ethics Committee's approval
    (Scotland A REC) for medical research with adults incapable of consenting. So a 16- or
    17-year-old is an adult for s. 51: Scotland A, an NHS REC (NHS patients) and NRS permission.
    """
    young = _participants(nhs_patients=True, may_lack_capacity=True, aged_16_17=True,
                          under_16=False)  # fmt: skip
    result = _triage(
        _activity(
            "young-adults-scotland",
            [young],
            nations=("scotland",),
            generalisable=True,
            health_related=True,
        )
    )
    capacity = [r for r in result.routes if r.body is ReviewBody.CAPACITY_BODY]
    assert [(r.requirement, r.nations) for r in capacity] == [
        (Requirement.REQUIRED, (Nation.SCOTLAND,))
    ]
    assert "ETH-ROUTE-CAPACITY-SCOTLAND" in _rule_ids(result)
    assert (ReviewBody.NHS_REC, Requirement.REQUIRED) in _routes(result)


# ---------------------------------------------------------------------------------------------
# 4. Custody: young offender institutions, secure training centres, probation beyond E&W


def test_research_in_a_young_offender_institution_goes_to_the_hmpps_committee() -> None:
    """Interviews with 17-year-olds in a young offender institution in England.

    HMPPS's National Research Committee process "applies to research across the prison service
    and probation providers. This includes research in Young Offenders' Institutions (YOIs)"
    (NOMS NRC presentation of PSI 22/2014, http://slidegur.com/doc/42302/access-oxford-2014mb;
    PI 17/2014, https://gov.uk/government/publications/research-applications-pi-172014). So:
    HMPPS NRC required, the university REC, and safeguarding for under-18s.
    """
    young = _participants(in_custody_or_on_probation=True, aged_16_17=True, under_16=False)
    result = _triage(
        _activity(
            "yoi-interviews",
            [young],
            setting="secure_setting",
            generalisable=True,
            prison_or_probation_setting=True,
        )
    )
    routes = _routes(result)
    assert (ReviewBody.HMPPS_NRC, Requirement.REQUIRED) in routes
    assert (ReviewBody.UNIVERSITY_REC, Requirement.REQUIRED) in routes
    assert "SAFEGUARDING" in _actions(result)


def test_research_in_a_secure_training_centre_is_not_for_the_hmpps_committee() -> None:
    """Interviews with children held in a secure training centre in England.

    HMPPS, *Research applications: PI 17/2014, PSI 22/2014* (https://gov.uk/government/
    publications/research-applications-pi-172014): the instruction "excludes research in
    Secure Training Centres, Secure Children's Homes or with Youth Offending Teams –
    applications to conduct research in these excluded areas should be directed to the
    relevant establishments/teams and approval sought directly from these services". The
    library's ``prison_or_probation_setting`` counts a secure training centre as a prison
    setting and so *requires* HMPPS NRC approval. Expected: no HMPPS NRC requirement (the
    establishment's own approval, or a referral naming it).
    """
    children = _participants(under_16=True)
    result = _triage(
        _activity(
            "stc-interviews",
            [children],
            setting="secure_setting",
            generalisable=True,
            prison_or_probation_setting=True,
        )
    )
    assert (ReviewBody.HMPPS_NRC, Requirement.REQUIRED) not in _routes(result)


def test_health_research_with_prisoners_in_northern_ireland_needs_an_hsc_rec() -> None:
    """Health research with people held by the Northern Ireland Prison Service.

    GAfREC 2011 s. 2.3 (restated by recruitnetworx, http://recruitnetworx.info/raise/
    researchsupport/researchtoolkit/approvalsandconsiderations/): REC review for "Health-related
    research involving prisoners in the custody of the National Offender Management Service,
    Scottish Prison Service and Northern Ireland Prison [Service]". HMPPS's process applies to
    England and Wales only (PI 17/2014, as above), and the NIPS's own access procedure was not
    found: unsettled there. So: an NHS (HSC) REC required, the prison service unsettled, no
    HMPPS route.
    """
    prisoners = _participants(in_custody_or_on_probation=True, held_in_custody=True)
    result = _triage(
        _activity(
            "ni-prison-health",
            [prisoners],
            nations=("northern_ireland",),
            setting="secure_setting",
            generalisable=True,
            health_related=True,
            prison_or_probation_setting=True,
        )
    )
    routes = _routes(result)
    assert (ReviewBody.NHS_REC, Requirement.REQUIRED) in routes
    assert (ReviewBody.PRISON_SERVICE, Requirement.UNSETTLED) in routes
    assert ReviewBody.HMPPS_NRC not in _bodies(result)


@pytest.mark.parametrize("nation", ["northern_ireland", "scotland"])
def test_people_on_probation_outside_england_and_wales_are_not_sent_to_the_prison_service(
    nation: str,
) -> None:
    """Interviews with people on community orders (not in prison) in Northern Ireland or Scotland.

    In Northern Ireland probation is the Probation Board for Northern Ireland, a body separate
    from the prison service and accountable to the Department of Justice (PBNI publication
    scheme, https://www.pbni.org.uk/publication-scheme). Scotland "does not have a single
    probation agency": the 32 local authorities' social work departments provide justice social
    work (CEP, *Probation in Europe: Scotland*, 2020, https://docslib.org/doc/11354590/
    probation-in-europe-scotland). The library's one custody fact covers prison and probation
    alike and names "the Northern Ireland Prison Service's" / "the Scottish Prison Service's
    research access" as the body to ask. Expected: no route naming a prison service for people
    who are only on probation (PBNI, or the local authority, or an unnamed referral).
    """
    on_probation = _participants(in_custody_or_on_probation=True)
    result = _triage(
        _activity("probation-interviews", [on_probation], nations=(nation,), generalisable=True)
    )
    assert not [r.name for r in result.routes if "Prison Service" in r.name]


# ---------------------------------------------------------------------------------------------
# 5. NHS and social care: staff, premises, carers and relatives, devices


def test_care_home_staff_interviewed_in_their_role_need_no_social_care_rec() -> None:
    """Care home staff in England are interviewed about their work (no residents take part).

    GAfREC's exclusions, as restated by Newcastle University (https://ncl.ac.uk/research/
    research-governance/ethics/toolkit/nhs): no NHS/HSC REC is needed for "research involving
    NHS or social care staff as participants (but not otherwise involving participants/
    activities/procedures that would require NHS/HSC REC review)". The Social Care REC's remit
    is research with adult social care *users* and their carers (GAfREC 2.3.1-2.3.2, Cambridge
    restatement above). So: the university REC only.
    """
    staff = _participants("care home staff")
    result = _triage(
        _activity("care-staff-interviews", [staff], setting="social_care", generalisable=True)
    )
    assert _routes(result) == {(ReviewBody.UNIVERSITY_REC, Requirement.REQUIRED)}


def test_social_care_users_who_are_nhs_patients_in_england_go_to_an_nhs_rec_only() -> None:
    """Adults recruited in England through both adult social care and an NHS clinic.

    GAfREC 2.3.1 (Cambridge restatement above): participants identified through NHS services
    need an NHS REC. The Social Care REC or an ESRC-framework university REC is the route for
    research whose only trigger is adult social care in England (Social Care REC FAQ, cited in
    round 13); where an NHS REC must review anyway, no second committee route is needed. So: an
    NHS REC, HRA Approval, the local authority's governance as advice, and no Social Care REC.
    """
    people = _participants(adult_social_care_users=True, nhs_patients=True)
    result = _triage(
        _activity("joint-care-study", [people], generalisable=True, health_related=True)
    )
    routes = _routes(result)
    assert (ReviewBody.NHS_REC, Requirement.REQUIRED) in routes
    assert (ReviewBody.NHS_PERMISSION, Requirement.REQUIRED) in routes
    assert ReviewBody.SOCIAL_CARE_REC not in _bodies(result)
    assert (ReviewBody.LOCAL_AUTHORITY, Requirement.ADVICE) in routes


def test_bereaved_relatives_found_through_hospital_records_in_wales() -> None:
    """Relatives of patients who died in a Welsh hospital, traced through records without consent.

    GAfREC 2.3.2 (Cambridge restatement above): people identified "because of their status as
    relatives or carers of past or present users of these services" need an NHS REC.
    Confidential patient information covers "both living and deceased patients" (HRA, above),
    and using it without consent in Wales needs section 251 support on CAG's advice. The NHS
    takes part in Wales: HRA and HCRW Approval.
    """
    relatives = _participants("bereaved relatives", nhs_patients=True)
    result = _triage(
        _activity(
            "bereavement-study",
            [relatives],
            nations=("wales",),
            generalisable=True,
            health_related=True,
            identifiable_patient_data=True,
            patient_data_without_consent=True,
            personal_data=True,
            large_scale_special_category=False,
        )
    )
    assert (ReviewBody.NHS_REC, Requirement.REQUIRED) in _routes(result)
    by_nation = {(r.body, r.nations) for r in result.routes if r.nations}
    assert (ReviewBody.CONFIDENTIALITY, (Nation.WALES,)) in by_nation
    assert (ReviewBody.NHS_PERMISSION, (Nation.WALES,)) in by_nation
    assert {"ETH-ROUTE-CAG", "ETH-ROUTE-HRA-HCRW-APPROVAL"} <= _rule_ids(result)


def test_healthy_volunteers_on_nhs_premises_in_wales_need_hcrw_approval_but_no_nhs_rec() -> None:
    """Healthy volunteers recruited by advert (not through the NHS) are tested in a Welsh hospital.

    Newcastle University's restatement of GAfREC (as above): no NHS/HSC REC for "research
    undertaken on NHS premises, involving healthy volunteers who are not recruited via use of
    UK health services", but NHS management permission is still needed. In Wales that is HRA and
    HCRW Approval. So: no NHS REC; HRA and HCRW Approval; the university REC reviews.
    """
    volunteers = _participants("healthy volunteers")
    result = _triage(
        _activity(
            "hospital-lab-study",
            [volunteers],
            setting="nhs",
            nations=("wales",),
            generalisable=True,
            health_related=True,
        )
    )
    routes = _routes(result)
    assert ReviewBody.NHS_REC not in _bodies(result)
    assert (ReviewBody.NHS_PERMISSION, Requirement.REQUIRED) in routes
    assert (ReviewBody.UNIVERSITY_REC, Requirement.REQUIRED) in routes
    assert "ETH-ROUTE-HRA-HCRW-APPROVAL" in _rule_ids(result)


def test_nhs_staff_across_all_four_nations_need_four_permissions_and_no_nhs_rec() -> None:
    """NHS (HSC) staff in all four nations are surveyed about their work in their role.

    Newcastle's restatement of GAfREC (as above): staff as participants need no NHS/HSC REC but
    need management permission. HRA, "Determine which review body approvals are required"
    (http://www.hra.nhs.uk/research-community/before-you-apply/
    determine-which-review-body-approvals-are-required/): "HRA Approval applies only to the NHS
    in England", with compatibility arrangements for the national permission functions of
    Northern Ireland, Scotland and Wales. So four permission routes, one per nation.
    """
    staff = _participants("nhs staff", nhs_staff=True)
    result = _triage(
        _activity(
            "four-nations-staff-survey",
            [staff],
            nations=("england", "wales", "scotland", "northern_ireland"),
            generalisable=True,
            health_related=True,
        )
    )
    permissions = sorted(
        (r.nations for r in result.routes if r.body is ReviewBody.NHS_PERMISSION),
        key=lambda nations: [n.label for n in nations],
    )
    assert permissions == sorted(
        [(n,) for n in Nation], key=lambda nations: [n.label for n in nations]
    )
    assert ReviewBody.NHS_REC not in _bodies(result)
    assert (ReviewBody.UNIVERSITY_REC, Requirement.REQUIRED) in _routes(result)


def test_clinical_investigation_of_an_unmarked_device_asks_about_or_routes_to_the_mhra() -> None:
    """NHS patients in England try a new wearable device that has no UKCA or CE marking.

    MHRA, "Notify MHRA about a clinical investigation for a medical device"
    (https://www.gov.uk/guidance/notify-mhra-about-a-clinical-investigation-for-a-medical-device):
    "You must inform MHRA if you are planning to do this at least 60 days before starting your
    investigation ... A notification to MHRA will not be required for medical devices that are
    CE marked for the purpose under investigation." NHS Transformation Directorate, *Step 6:
    medical device clinical investigation approval* (https://digitalregulations.innovation.nhs.uk/
    regulations-and-guidance-for-adopters/all-adopters-guidance/
    complying-with-the-uk-gdpr-steps-1-7-an-introduction/
    step-6-medical-device-clinical-investigation-approval/): "Step A: Notify the MHRA" before
    the REC application. It is not a trial of a medicine, so the library's only MHRA route
    (CTIMPs) does not fire and nothing asks whether a device is investigated. Expected: an MHRA
    route, or an open question whose answer leads to one.
    """
    patients = _group(
        "patients",
        Capacity.RESEARCH_PARTICIPANT,
        {Task.TAKE_PART_IN_INTERVENTION},
        nhs_patients=True,
        own_data_analysed=True,
        consent_planned=True,
    )
    result = _triage(
        _activity(
            "wearable-investigation",
            [patients],
            setting="nhs",
            generalisable=True,
            changes_usual_care=True,
            health_related=True,
        )
    )
    assert result.outcome is TriageOutcome.RESEARCH
    assert ReviewBody.MHRA in _bodies(result) or result.open_questions


@pytest.mark.parametrize("users", ["adult_social_care_users", "childrens_social_care_users"])
def test_social_care_users_in_northern_ireland_need_hsc_trust_permission(users: str) -> None:
    """People identified through HSC Trust social services in Northern Ireland are interviewed.

    Northern HSC Trust, "Understanding the health service" (http://www.northerntrust.hscni.net/
    about/1864.htm): "In England, Scotland and Wales, the National Health Service (NHS) provides
    health care services while local councils provide social care services. In Northern Ireland
    these services are combined under what is known as Health and Social Care (HSC) ... HSC
    Trusts are the main providers of health and social care". HSC R&D, "Research governance
    review" (https://research.hscni.net/research-governance-review): "confirmation of research
    governance compliance is required before a research study can commence activity in any
    Health and Social Care (HSC) Trust in Northern Ireland." So an HSC REC (GAfREC's list of
    services: social care in NI) *and* HSC Trust permission. The library gives the HSC REC but
    no Trust permission: its permission rule reads NHS patients, staff, data and premises only.
    """
    people = _participants(**{users: True})
    result = _triage(
        _activity(
            "ni-social-care-interviews",
            [people],
            nations=("northern_ireland",),
            setting="social_care",
            generalisable=True,
        )
    )
    assert (ReviewBody.NHS_REC, Requirement.REQUIRED) in _routes(result)
    assert "ETH-ROUTE-HSC-PERMISSION-NI" in _rule_ids(result)


def test_adult_social_care_users_in_wales_need_an_nhs_rec_but_no_hcrw_approval() -> None:
    """Adults identified through a Welsh council's social care services are interviewed.

    GAfREC's list of services (HRA archived page, "The relevant services are": "Adult social care
    (England, Wales, NI)", http://www.hra.nhs.uk/resources/research-legislation-and-governance/
    governance-arrangements-for-research-ethics-committees/): an NHS REC reviews. In Wales social
    care is provided by local councils, not the NHS (Northern HSC Trust page, above), and HRA and
    HCRW Approval is the permission of NHS organisations (HRA, "Determine which review body
    approvals are required", above). So: an NHS REC, and no HRA/HCRW Approval.
    """
    people = _participants(adult_social_care_users=True)
    result = _triage(
        _activity(
            "wales-social-care-interviews",
            [people],
            nations=("wales",),
            setting="social_care",
            generalisable=True,
        )
    )
    assert (ReviewBody.NHS_REC, Requirement.REQUIRED) in _routes(result)
    assert ReviewBody.NHS_PERMISSION not in _bodies(result)


@pytest.mark.xfail(
    strict=True,
    reason="ETH14-7: HRA Approval does not cover non-NHS providers of NHS services, but the "
    "library requires it for any NHS patients",
)
def test_nhs_funded_patients_at_an_independent_hospital_need_an_nhs_rec_not_hra_approval() -> None:
    """NHS-funded patients are recruited and interviewed at a private hospital in England only.

    GAfREC 2.3.1 (Cambridge restatement above): an NHS REC for people identified through
    services "including services provided under contract with the private or voluntary
    sectors". HRA, "Non-NHS research projects" (https://hra.nhs.uk/approvals-amendments/
    what-approvals-do-i-need/research-ethics-committee-review/non-nhs-research-projects):
    "HRA Approval currently applies to project-based research taking place in NHS organisations
    and independent contractor primary care services. HRA Approval does not yet cover non-NHS
    organisations commissioned to provide NHS services." No NHS organisation takes part. So: an
    NHS REC required, and no HRA Approval requirement (at most a question whether an NHS
    organisation takes part). The library requires HRA Approval for any NHS patients.
    """
    patients = _participants("nhs-funded patients", nhs_patients=True)
    result = _triage(
        _activity(
            "independent-hospital-interviews",
            [patients],
            setting="other",
            generalisable=True,
            health_related=True,
        )
    )
    assert (ReviewBody.NHS_REC, Requirement.REQUIRED) in _routes(result)
    assert (ReviewBody.NHS_PERMISSION, Requirement.REQUIRED) not in _routes(result)
