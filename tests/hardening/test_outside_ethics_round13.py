"""Outside ethics cases, round 13: the triage checked against the primary guidance.

Each case is one a research office meets, described through the public API (or the
``participatory ethics`` / ``participatory assess`` commands) the way the office would
describe it, with the expected outcome worked out in the test's docstring from:

- HRA / INVOLVE (NIHR), *Public involvement in research and research ethics committee review*
  (2016): "You do not need to apply for ethics approval to involve the public in the planning
  or the design stage of research, even if the people involved are patients or service users
  or recruited via the NHS"; co-researchers who collect data make the people they collect it
  from research participants; collecting data *about* the involvement is research.
- HRA decision tool *Is my study research?* (three questions: randomisation; change from
  accepted standards of care; generalisable or transferable findings; any yes: research) and
  the HRA *Defining Research* table (audit, service evaluation, usual practice: no REC).
- GAfREC / UK Policy Framework for Health and Social Care Research (2017, 2023): an NHS (HSC)
  REC for participants identified through NHS services; NHS staff in their professional role
  need HRA Approval (or the devolved permission) but no NHS REC; adult social care in England
  may go to a university REC that follows the ESRC Framework for Research Ethics (GAfREC
  2.3.8A, as the Social Care REC's FAQ states it).
- Mental Capacity Act 2005 ss. 30-34; Adults with Incapacity (Scotland) Act 2000 s. 51;
  Medicines for Human Use (Clinical Trials) Regulations 2004, Sch. 1.
- HMPPS National Research Committee (research in prisons and probation, England and Wales).
- UKRI/ESRC Framework for Research Ethics: research with human participants is reviewed,
  anonymous surveys included.

Where the library's answer is wrong by the guidance, the test states the right answer and is
marked ``xfail(strict=True)`` with its finding number (ETH13-n). The unmarked tests guard
boundaries the library gets right. The last group checks that a group's safeguarding
answers (capacity, custody, age, vulnerability) leave the default copies unchanged.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from participatory.cli import main
from participatory.core.errors import ValidationError
from participatory.ethics import (
    Activity,
    ActivityClassification,
    Capacity,
    EthicsProject,
    Fact,
    Party,
    PartyStatus,
    Requirement,
    ReviewBody,
    Task,
    TriageOutcome,
    assess_activity,
    assess_ethics,
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


def _group(
    label: str,
    capacity: Capacity,
    tasks: Iterable[Task],
    *,
    people: Iterable[str] = (),
    **answers: object,
) -> Party:
    facts = {**_GROUP_NO, **answers}
    if facts.get("under_16") is True or facts.get("aged_16_17") is True:
        facts["under_18"] = True
    return Party(label, capacity, tasks=set(tasks), facts=facts, people=frozenset(people))


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


def _participants(**answers: object) -> Party:
    facts = {**_GROUP_NO, "own_data_analysed": True, "consent_planned": True, **answers}
    return Party(
        "participants", Capacity.RESEARCH_PARTICIPANT, tasks={Task.PROVIDE_OWN_DATA}, facts=facts
    )


# ---------------------------------------------------------------------------------------------
# 1. Involvement, and where it stops


def test_patients_designing_a_questionnaire_for_a_trial_is_involvement_with_no_review() -> None:
    """Patients recruited through an NHS clinic help design a trial's questionnaire.

    HRA/INVOLVE 2016: no ethics approval is needed to involve the public in planning or
    design, "even if the people involved are patients ... or recruited via the NHS". The
    study they advise on is a randomised, generalisable trial, but nothing they say is
    recorded as data, so nobody in this activity is a participant: involvement, with no review
    route at all (no NHS REC, no HRA Approval, no university REC).
    """
    advisers = _group(
        "patient panel",
        Capacity.PUBLIC_CONTRIBUTOR,
        {Task.CO_DESIGN, Task.REVIEW_DOCUMENTS},
        own_data_analysed=False,
        nhs_patients=True,
    )
    result = _triage(
        _activity(
            "questionnaire-design",
            [advisers],
            setting="nhs",
            randomised=True,
            generalisable=True,
            health_related=True,
        )
    )
    assert result.outcome is TriageOutcome.INVOLVEMENT
    assert result.routes == ()
    assert not result.outcome.needs_committee


def test_young_advisory_group_under_16_is_involvement_not_research() -> None:
    """A young people's advisory group, some under 16, advises on a school study.

    HRA/INVOLVE 2016 makes no exception for age: advising is involvement and needs no ethics
    approval; what their age calls for is safeguarding (NIHR), not a committee. So the outcome
    is involvement with no review route, and a safeguarding finding is raised for the group.
    """
    young = _group(
        "young advisers",
        Capacity.PUBLIC_CONTRIBUTOR,
        {Task.ADVISE},
        own_data_analysed=False,
        under_16=True,
    )
    result = _triage(_activity("young-advisers", [young], setting="school"))
    assert result.outcome is TriageOutcome.INVOLVEMENT
    assert result.routes == ()
    assert "ETH-SAFEGUARDING" in {f.rule_id for f in result.findings}


def test_advisers_who_may_lack_capacity_need_no_capacity_body() -> None:
    """People with dementia sit on a study's advisory group; nothing they say is data.

    MCA 2005 s. 30(1) governs *intrusive research* carried out on a person who lacks
    capacity; advising a study is not research on them (HRA/INVOLVE 2016: involvement needs
    no ethics approval). So: involvement, and no appropriate body nor any other route.
    """
    advisers = _group(
        "dementia advisory group",
        Capacity.PUBLIC_CONTRIBUTOR,
        {Task.ADVISE, Task.REVIEW_DOCUMENTS},
        own_data_analysed=False,
        may_lack_capacity=True,
    )
    result = _triage(_activity("advisory-group", [advisers], setting="community"))
    assert result.outcome is TriageOutcome.INVOLVEMENT
    assert ReviewBody.CAPACITY_BODY not in _bodies(result)
    assert result.routes == ()


def test_advisory_discussions_recorded_and_analysed_for_a_paper_become_research() -> None:
    """The advisory group's meetings are recorded and analysed for a paper on involvement.

    HRA/INVOLVE 2016: collecting data about the involvement (members' experiences of being
    involved) for a study of it is research, so the members are now participants. The paper
    aims at transferable findings (HRA decision tool q3: yes), so it is research; members of
    the public recruited through no NHS or social care service: the university REC.
    """
    members = _group(
        "advisory group",
        Capacity.PUBLIC_CONTRIBUTOR,
        {Task.ADVISE, Task.PROVIDE_OWN_DATA},
        own_data_analysed=True,
    )
    result = _triage(_activity("advisory-meetings", [members], generalisable=True))
    assert result.outcome is TriageOutcome.RESEARCH
    assert {r.status for r in result.roles} == {PartyStatus.PARTICIPANT}
    assert (ReviewBody.UNIVERSITY_REC, Requirement.REQUIRED) in _routes(result)


def test_advisers_whose_recording_use_is_not_yet_decided_are_referred_with_the_question() -> None:
    """Same group, but nobody has decided whether the meeting notes will be analysed.

    The guidance turns on exactly that fact (HRA/INVOLVE 2016; own views analysed as data is
    research), so the office must decide: refer, naming ``own_data_analysed`` for the group,
    never a guessed "involvement".
    """
    members = _group(
        "advisory group",
        Capacity.PUBLIC_CONTRIBUTOR,
        {Task.ADVISE, Task.PROVIDE_OWN_DATA},
        own_data_analysed="unknown",
    )
    result = _triage(_activity("advisory-meetings", [members], generalisable=True))
    assert result.outcome is TriageOutcome.REFER
    assert [(m.fact, m.party) for m in result.deciding_facts] == [
        (Fact.OWN_DATA_ANALYSED, "advisory group")
    ]


def test_focus_group_on_own_health_is_research_but_on_the_study_topic_is_involvement() -> None:
    """Two focus groups on long COVID, members of the public recruited through a charity.

    One discusses the study's topic and design (involvement, HRA/INVOLVE 2016); the other is
    asked about members' own symptoms, recorded and analysed for generalisable findings
    (research: HRA decision tool q3). Recruited through a charity, not NHS services, so
    GAfREC does not call for an NHS REC: the university REC reviews the second.
    """
    topic = _group(
        "topic group", Capacity.PUBLIC_CONTRIBUTOR, {Task.ADVISE}, own_data_analysed=False
    )
    own = _group(
        "experience group",
        Capacity.PUBLIC_CONTRIBUTOR,
        {Task.PROVIDE_OWN_DATA},
        own_data_analysed=True,
    )
    about_topic = _triage(
        _activity(
            "topic-focus-group",
            [topic],
            setting="community",
            generalisable=True,
            health_related=True,
        )
    )
    about_self = _triage(
        _activity(
            "experience-focus-group",
            [own],
            setting="community",
            generalisable=True,
            health_related=True,
        )
    )
    assert about_topic.outcome is TriageOutcome.INVOLVEMENT
    assert about_topic.routes == ()
    assert about_self.outcome is TriageOutcome.RESEARCH
    assert _routes(about_self) == {(ReviewBody.UNIVERSITY_REC, Requirement.REQUIRED)}


def test_contributor_who_is_also_interviewed_elsewhere_in_the_project_is_flagged() -> None:
    """Ben advises the study and is later interviewed as a participant in it.

    HRA/INVOLVE 2016: people can be both, but the roles must be kept apart (consent for the
    participant role; the adviser's input is not data). The project summary must name Ben,
    and only Ben (Amira only advises, Cara is only interviewed), and count one activity
    needing review.
    """
    advisers = _group(
        "advisers",
        Capacity.PUBLIC_CONTRIBUTOR,
        {Task.ADVISE},
        people={"amira", "ben"},
        own_data_analysed=False,
    )
    interviewees = _group(
        "interviewees",
        Capacity.RESEARCH_PARTICIPANT,
        {Task.PROVIDE_OWN_DATA},
        people={"ben", "cara"},
        own_data_analysed=True,
        consent_planned=True,
    )
    project = EthicsProject(
        "carers-study",
        [
            _activity("advisory", [advisers]),
            _activity("interviews", [interviewees], generalisable=True),
        ],
    )
    summary = assess_ethics(project, as_at=AS_AT)
    assert summary.contributor_and_participant == ("ben",)
    assert summary.needing_review == ("interviews",)
    assert "ETH-ROLE-OVERLAP" in {f.rule_id for f in summary.findings}


# ---------------------------------------------------------------------------------------------
# 2. Co-researchers: collecting and analysing other people's data


def test_peer_researchers_interviewing_clinic_patients_is_research_for_an_nhs_rec() -> None:
    """Trained service users interview other patients recruited through an NHS clinic.

    HRA/INVOLVE 2016: co-researchers carrying out the research is involvement in the *conduct*
    of research, and the people they interview are research participants, so the study needs
    ethics review. The interviewees are identified through NHS services (GAfREC): an NHS REC
    through IRAS and, in England, HRA Approval; the university REC only if its policy says.
    """
    peers = _group(
        "peer researchers", Capacity.CO_RESEARCHER, {Task.COLLECT_DATA}, own_data_analysed=False
    )
    result = _triage(
        _activity(
            "peer-interviews",
            [peers, _participants(nhs_patients=True)],
            setting="nhs",
            generalisable=True,
            health_related=True,
            data_about_people=True,
        )
    )
    assert result.outcome is TriageOutcome.RESEARCH
    statuses = {r.label: r.status for r in result.roles}
    assert statuses == {
        "peer researchers": PartyStatus.INVOLVED,
        "participants": PartyStatus.PARTICIPANT,
    }
    routes = _routes(result)
    assert (ReviewBody.NHS_REC, Requirement.REQUIRED) in routes
    assert (ReviewBody.NHS_PERMISSION, Requirement.REQUIRED) in routes
    assert (ReviewBody.UNIVERSITY_REC, Requirement.REQUIRED) not in routes


def test_peer_researchers_alone_do_not_settle_who_reviews_their_interviews() -> None:
    """The same peer interviews, described with only the peer researchers' group.

    The library accepts this (the people the data is about "need no group of their own") and
    itself counts the interviewees as participants. But GAfREC sends the study to an NHS REC
    when they are identified through NHS services, the MCA 2005 s. 30 to an appropriate body
    when they may lack capacity, and HMPPS when they are in custody: none of these is
    answered, so the route is not settled. The library promises an unknown that would change
    the route is asked, never guessed. Acceptable answers: refuse the description (a group
    for the interviewees is needed), refer it, or ask about the interviewees' NHS recruitment;
    not "the university REC, required", with no question.
    """
    peers = _group(
        "peer researchers", Capacity.CO_RESEARCHER, {Task.COLLECT_DATA}, own_data_analysed=False
    )
    try:
        activity = _activity(
            "peer-interviews",
            [peers],
            setting="community",
            generalisable=True,
            health_related=True,
            data_about_people=True,
        )
    except ValidationError:
        return
    result = _triage(activity)
    asked = {q.fact for q in result.open_questions}
    assert result.outcome is TriageOutcome.REFER or Fact.NHS_PATIENTS in asked


def test_public_co_researcher_analysing_approved_study_data_within_its_scope() -> None:
    """A patient co-researcher helps analyse anonymised data of an approved study.

    HRA/INVOLVE 2016: involving the public in analysis is involvement in the conduct of the
    research; the study's existing approval covers the data, so no new application is made:
    the route is the approval the study already holds, and no NHS REC or university REC.
    """
    analyst = _group(
        "patient co-researcher",
        Capacity.CO_RESEARCHER,
        {Task.ANALYSE_DATA},
        own_data_analysed=False,
    )
    result = _triage(
        _activity(
            "co-analysis",
            [analyst],
            generalisable=True,
            health_related=True,
            data_about_people=True,
            approved_study_participants=True,
            within_approved_scope=True,
        )
    )
    assert result.outcome is TriageOutcome.INVOLVEMENT
    assert _bodies(result) == {ReviewBody.EXISTING_APPROVAL}


def test_public_co_researcher_analysing_identifiable_records_without_consent() -> None:
    """A public co-researcher analyses identifiable hospital records, no approved study.

    GAfREC: use of information from which the team could identify patients needs an NHS
    REC; confidential patient information used without consent outside the care team needs
    s. 251 support from the Confidentiality Advisory Group (England); the NHS organisations'
    part needs HRA Approval. Research (generalisable), so all three are required.
    """
    analyst = _group(
        "public co-researcher", Capacity.CO_RESEARCHER, {Task.ANALYSE_DATA}, own_data_analysed=False
    )
    result = _triage(
        _activity(
            "records-study",
            [analyst],
            generalisable=True,
            health_related=True,
            data_about_people=True,
            identifiable_patient_data=True,
            patient_data_without_consent=True,
            personal_data=True,
            large_scale_special_category=False,
        )
    )
    assert result.outcome is TriageOutcome.RESEARCH
    routes = _routes(result)
    for body in (ReviewBody.NHS_REC, ReviewBody.CONFIDENTIALITY, ReviewBody.NHS_PERMISSION):
        assert (body, Requirement.REQUIRED) in routes


def test_community_inquiry_with_university_help_is_research_for_the_university_rec() -> None:
    """Residents of an estate survey their neighbours about housing, helped by a university.

    The residents collect data about other people for findings meant to inform policy
    elsewhere (HRA decision tool q3; ESRC Framework for Research Ethics: research with human
    participants is reviewed). No NHS, social care, capacity or custody trigger: the
    university REC.
    """
    residents = _group(
        "resident researchers",
        Capacity.CO_RESEARCHER,
        {Task.CO_DESIGN, Task.COLLECT_DATA, Task.ANALYSE_DATA},
        own_data_analysed=False,
    )
    neighbours = _participants()
    result = _triage(
        _activity(
            "housing-inquiry",
            [residents, neighbours],
            setting="community",
            generalisable=True,
            data_about_people=True,
        )
    )
    assert result.outcome is TriageOutcome.RESEARCH
    assert _routes(result) == {(ReviewBody.UNIVERSITY_REC, Requirement.REQUIRED)}


# ---------------------------------------------------------------------------------------------
# 3. Research or not: the HRA questions and the Defining Research table


def test_service_evaluation_of_an_nhs_clinic_goes_to_local_governance_not_a_rec() -> None:
    """A clinic asks its own patients what they think of its current service.

    HRA decision tool: not randomised, no change from usual care, not designed to be
    generalisable: not research. Defining Research table: it judges the current service
    without a standard: service evaluation, which needs no REC review; the organisation's
    governance office advises. So no NHS REC and no HRA Approval, though they are NHS patients.
    """
    patients = _group(
        "clinic patients",
        Capacity.SERVICE_USER,
        {Task.PROVIDE_OWN_DATA},
        own_data_analysed=True,
        nhs_patients=True,
    )
    result = _triage(
        _activity(
            "clinic-evaluation",
            [patients],
            setting="nhs",
            generalisable=False,
            judges_current_service=True,
            measured_against_standard=False,
            population_health=False,
            health_related=True,
        )
    )
    assert result.outcome is TriageOutcome.SERVICE_EVALUATION
    assert _bodies(result) == {ReviewBody.LOCAL_GOVERNANCE}


def test_randomised_comparison_is_research_even_if_not_meant_to_generalise() -> None:
    """A charity randomises its clients between two versions of its support service.

    HRA decision tool: the three questions are joined by OR; randomisation alone makes it
    research, whatever the aim to generalise. The university REC reviews (no NHS trigger).
    """
    clients = _group(
        "charity clients",
        Capacity.SERVICE_USER,
        {Task.TAKE_PART_IN_INTERVENTION},
        own_data_analysed=True,
        consent_planned=True,
    )
    result = _triage(
        _activity(
            "support-trial", [clients], setting="community", generalisable=False, randomised=True
        )
    )
    assert result.outcome is TriageOutcome.RESEARCH
    assert (ReviewBody.UNIVERSITY_REC, Requirement.REQUIRED) in _routes(result)


def test_anonymous_online_survey_of_the_public_needs_the_university_rec_only() -> None:
    """An anonymous online survey of adults about their use of green space.

    ESRC Framework for Research Ethics: research with human participants needs ethics review,
    anonymous surveys included (perhaps proportionate). No NHS patients, no personal data:
    the university REC, and no NHS REC nor data protection impact assessment.
    """
    respondents = _participants()
    result = _triage(
        _activity("green-space-survey", [respondents], setting="online", generalisable=True)
    )
    assert result.outcome is TriageOutcome.RESEARCH
    assert _routes(result) == {(ReviewBody.UNIVERSITY_REC, Requirement.REQUIRED)}


# ---------------------------------------------------------------------------------------------
# 4. Which committee: NHS, social care, nations


def test_same_condition_through_a_charity_needs_no_nhs_rec() -> None:
    """People with Parkinson's recruited through a charity's newsletter, interviewed at home.

    GAfREC makes NHS REC review a requirement for participants identified *through their use
    of NHS services*; these are not, the team sees no NHS records, and the interviews are not
    on NHS premises. So: the university REC, required; no NHS REC, no HRA Approval.
    """
    result = _triage(
        _activity(
            "parkinsons-interviews",
            [_participants()],
            setting="community",
            generalisable=True,
            health_related=True,
        )
    )
    assert result.outcome is TriageOutcome.RESEARCH
    assert _routes(result) == {(ReviewBody.UNIVERSITY_REC, Requirement.REQUIRED)}


@pytest.mark.parametrize(
    "nation",
    ["england", "wales", "scotland", "northern_ireland"],
)
def test_nhs_patients_need_an_nhs_rec_and_each_nations_permission(nation: str) -> None:
    """The same study recruiting through NHS (HSC) clinics, in each nation alone.

    GAfREC (UK-wide): an NHS (HSC) REC for participants identified through NHS services. The
    NHS organisations' permission differs by nation (UK Policy Framework; HRA, HCRW, NRS,
    HSC R&D pages): one permission route, in that nation only.
    """
    result = _triage(
        _activity(
            "clinic-interviews",
            [_participants(nhs_patients=True)],
            setting="nhs",
            nations=[nation],
            generalisable=True,
            health_related=True,
        )
    )
    assert (ReviewBody.NHS_REC, Requirement.REQUIRED) in _routes(result)
    permissions = [r for r in result.routes if r.body is ReviewBody.NHS_PERMISSION]
    assert [[n.value for n in r.nations] for r in permissions] == [[nation]]


def test_nhs_staff_in_their_role_need_permission_but_no_nhs_rec() -> None:
    """Ward nurses interviewed about their work, recruited as staff.

    GAfREC (2011) para 2.3.13 and the HRA's "Do I need NHS REC review?" tool: research with
    NHS staff recruited by virtue of their professional role needs no NHS REC, but the NHS
    organisations' part needs HRA Approval in England; the ethics review is then the
    university REC's (HRA tool result page: "you may still require another type of ethics
    committee review").
    """
    nurses = _group(
        "ward nurses",
        Capacity.RESEARCH_PARTICIPANT,
        {Task.PROVIDE_OWN_DATA},
        own_data_analysed=True,
        consent_planned=True,
        nhs_staff=True,
    )
    result = _triage(
        _activity("nurse-interviews", [nurses], generalisable=True, health_related=True)
    )
    routes = _routes(result)
    assert ReviewBody.NHS_REC not in _bodies(result)
    assert (ReviewBody.NHS_PERMISSION, Requirement.REQUIRED) in routes
    assert (ReviewBody.UNIVERSITY_REC, Requirement.REQUIRED) in routes


def test_adult_social_care_in_england_may_go_to_a_university_rec() -> None:
    """Users of home care services in England interviewed about their care.

    GAfREC 2.3.8A (Social Care REC FAQ): social care research in England does not need the
    Social Care REC if a committee following the ESRC framework reviews it. So the route is
    the Social Care REC *or* the university REC, not an NHS REC.
    """
    users = _participants(adult_social_care_users=True)
    result = _triage(
        _activity("home-care-study", [users], setting="social_care", generalisable=True)
    )
    assert ReviewBody.NHS_REC not in _bodies(result)
    social = [r for r in result.routes if r.body is ReviewBody.SOCIAL_CARE_REC]
    assert len(social) == 1
    assert social[0].alternatives == (ReviewBody.UNIVERSITY_REC,)


def test_childrens_social_care_in_england_is_not_sent_to_an_nhs_rec() -> None:
    """Care leavers in England interviewed about leaving care, recruited through a council.

    GAfREC's relevant services (May 2011 edition): "NHS healthcare (UK-wide) / Adult social
    care (England, Wales, NI) / Children's social care (Wales, NI)": children's social care
    in England is not among them, so no NHS REC; the Social Care REC reviews adult social
    care. The university REC reviews it; the council's research governance advises.
    """
    leavers = _participants(childrens_social_care_users=True)
    result = _triage(
        _activity("care-leavers", [leavers], setting="social_care", generalisable=True)
    )
    bodies = _bodies(result)
    assert ReviewBody.NHS_REC not in bodies
    assert ReviewBody.SOCIAL_CARE_REC not in bodies
    assert (ReviewBody.UNIVERSITY_REC, Requirement.REQUIRED) in _routes(result)


def test_exhibition_visitors_whose_views_are_not_analysed_are_engaged() -> None:
    """Visitors to an exhibition of a study's findings; nothing they say is recorded as data.

    NIHR: engagement is where information and knowledge about research is provided and
    shared; it is neither research nor involvement and needs no ethics review.
    """
    visitors = _group(
        "visitors", Capacity.EVENT_AUDIENCE, {Task.ATTEND_EVENT}, own_data_analysed=False
    )
    result = _triage(_activity("exhibition", [visitors], setting="museum_gallery"))
    assert result.outcome is TriageOutcome.ENGAGEMENT
    assert result.routes == ()


# ---------------------------------------------------------------------------------------------
# 5. Capacity, custody, children: the statutory routes


def test_research_with_adults_who_may_lack_capacity_needs_an_appropriate_body() -> None:
    """Interviews with people with advanced dementia in England, recruited through a charity.

    MCA 2005 s. 30(1): intrusive research with a person who lacks capacity is lawful only
    within a project approved by the appropriate body; the Social Care REC's FAQ: university
    RECs are not recognised appropriate bodies. So the capacity body is required, and the
    university REC is at most a matter of its own policy.
    """
    result = _triage(
        _activity(
            "dementia-interviews",
            [_participants(may_lack_capacity=True)],
            setting="community",
            generalisable=True,
            health_related=True,
        )
    )
    routes = _routes(result)
    assert (ReviewBody.CAPACITY_BODY, Requirement.REQUIRED) in routes
    assert (ReviewBody.UNIVERSITY_REC, Requirement.REQUIRED) not in routes


@pytest.mark.parametrize("nation", ["england", "wales", "scotland"])
def test_drug_trial_with_adults_lacking_capacity_follows_the_trial_rules_not_the_mca(
    nation: str,
) -> None:
    """A randomised trial of a medicine in stroke patients who may lack capacity.

    MCA 2005 s. 30(3): "A clinical trial which is subject to the provisions of clinical
    trials regulations is not to be treated as research for the purposes of this section"
    (England and Wales; Explanatory Notes para 97: such trials "are excluded from the Act").
    AWI 2000 s. 51(3A)(a): a trial of a medicinal product may proceed without the s. 51
    Ethics Committee's approval once a REC has given a favourable opinion under reg. 15 of the
    2004 Regulations. The library's own route message says so ("A clinical trial of a
    medicine follows the clinical trials regulations instead"). Expected: an NHS REC and the
    MHRA, required, and no capacity-body route.
    """
    patients = _group(
        "stroke patients",
        Capacity.RESEARCH_PARTICIPANT,
        {Task.TAKE_PART_IN_INTERVENTION},
        own_data_analysed=True,
        consent_planned=True,
        nhs_patients=True,
        may_lack_capacity=True,
    )
    result = _triage(
        _activity(
            "stroke-drug-trial",
            [patients],
            setting="nhs",
            nations=[nation],
            randomised=True,
            generalisable=True,
            health_related=True,
            clinical_trial_of_medicine=True,
        )
    )
    routes = _routes(result)
    assert (ReviewBody.NHS_REC, Requirement.REQUIRED) in routes
    assert (ReviewBody.MHRA, Requirement.REQUIRED) in routes
    assert ReviewBody.CAPACITY_BODY not in _bodies(result)


def test_declared_drug_trial_is_never_a_service_evaluation() -> None:
    """A clinic "evaluates" a new formulation of an inhaler on its own patients.

    The office answers yes to "a clinical trial of an investigational medicinal product" but
    no to the three HRA questions (the clinic thinks of it as judging its current service).
    The Clinical Trials Regulations 2004 reg. 12: a CTIMP may not start without a favourable
    opinion from a recognised REC and the licensing authority's authorisation, whatever else
    is said of it; the HRA's "Do I need NHS REC review?" tool asks about CTIMPs first. A
    CTIMP is research by definition (an investigation "with the object of ascertaining the
    safety or efficacy" of a medicine, reg. 2). So: research with an NHS REC and the MHRA,
    or at the least a referral of the contradictory answers; never local governance alone.
    """
    patients = _group(
        "clinic patients",
        Capacity.RESEARCH_PARTICIPANT,
        {Task.TAKE_PART_IN_INTERVENTION},
        own_data_analysed=True,
        consent_planned=True,
        nhs_patients=True,
    )
    result = _triage(
        _activity(
            "inhaler-evaluation",
            [patients],
            setting="nhs",
            health_related=True,
            clinical_trial_of_medicine=True,
            generalisable=False,
            judges_current_service=True,
            measured_against_standard=False,
            population_health=False,
        )
    )
    assert result.outcome.needs_committee
    if result.outcome is TriageOutcome.RESEARCH:
        routes = _routes(result)
        assert (ReviewBody.NHS_REC, Requirement.REQUIRED) in routes
        assert (ReviewBody.MHRA, Requirement.REQUIRED) in routes


def test_evaluation_with_residents_who_may_lack_capacity_is_referred_not_waved_through() -> None:
    """A care home evaluates its activities programme with residents, some with dementia.

    Not research by the HRA questions (service evaluation), so no REC is required by the HRA.
    MCA 2005 s. 30 speaks of research; whether an *intrusive* evaluation needs an appropriate
    body is not settled (the Social Care REC says intrusive evaluations are within the Act).
    Acceptable: local governance, with the capacity body marked unsettled, never required nor
    silently dropped.
    """
    residents = _group(
        "residents",
        Capacity.SERVICE_USER,
        {Task.PROVIDE_OWN_DATA},
        own_data_analysed=True,
        adult_social_care_users=True,
        may_lack_capacity=True,
    )
    result = _triage(
        _activity(
            "activities-evaluation",
            [residents],
            setting="social_care",
            generalisable=False,
            judges_current_service=True,
            measured_against_standard=False,
            population_health=False,
        )
    )
    assert result.outcome is TriageOutcome.SERVICE_EVALUATION
    routes = _routes(result)
    assert (ReviewBody.LOCAL_GOVERNANCE, Requirement.REQUIRED) in routes
    assert (ReviewBody.CAPACITY_BODY, Requirement.UNSETTLED) in routes


def test_prison_research_in_england_needs_the_hmpps_national_research_committee() -> None:
    """Interviews with prisoners in an English prison about education (not health).

    HMPPS: research in prisons and probation in England and Wales needs the National Research
    Committee's approval; not health research, so no NHS REC; the university REC reviews it.
    """
    prisoners = _participants(in_custody_or_on_probation=True)
    result = _triage(
        _activity(
            "prison-education",
            [prisoners],
            setting="secure_setting",
            prison_or_probation_setting=True,
            generalisable=True,
        )
    )
    routes = _routes(result)
    assert (ReviewBody.HMPPS_NRC, Requirement.REQUIRED) in routes
    assert (ReviewBody.UNIVERSITY_REC, Requirement.REQUIRED) in routes
    assert ReviewBody.NHS_REC not in _bodies(result)


def _cli_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], document: object, *flags: str
) -> Any:
    path = tmp_path / "activity.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    capsys.readouterr()
    status = main(["ethics", str(path), "--as-at", AS_AT.isoformat(), *flags])
    out, _err = capsys.readouterr()
    assert status == 0
    return json.loads(out)


def test_drug_trial_with_children_does_not_offer_gillick_consent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A trial of an asthma medicine with children aged 8 to 15, recruited in NHS clinics.

    Medicines for Human Use (Clinical Trials) Regulations 2004: a "minor" is a person under 16,
    and for a minor Sch. 1 Part 1 para 1(3) applies Part 4, whose para 4 requires that "a
    person with parental responsibility or legal representative has given his informed
    consent"; the minor is informed "according to his capacity of understanding" (para 6) but
    does not consent in their stead, so Gillick competence (non-CTIMP research) does not
    apply. The consent finding for this group must not tell the team the child may consent
    alone.
    """
    facts = {**_GROUP_NO, "own_data_analysed": True, "consent_planned": True}
    facts.update(nhs_patients=True, under_18=True, under_16=True, aged_16_17=False)
    activity = {
        "id": "asthma-trial",
        "setting": "nhs",
        "nations": ["england"],
        "facts": {
            **{k: v for k, v in _ACTIVITY_NO.items() if k != "nhs_premises"},
            "randomised": True,
            "generalisable": True,
            "health_related": True,
            "clinical_trial_of_medicine": True,
        },
        "parties": [
            {
                "label": "children",
                "capacity": "research_participant",
                "tasks": ["take_part_in_intervention"],
                "facts": facts,
            }
        ],
    }
    answer = _cli_json(tmp_path, capsys, {"activity": activity}, "--include-sensitive")
    findings = answer["activities"][0]["findings"]
    consent = [f["sentence"] for f in findings if f["rule_id"] == "ETH-CONSENT-UNDER-16"]
    assert consent, "an under-16 consent finding is expected for a trial with children"
    for sentence in consent:
        assert "Gillick" not in sentence
        assert "consent for themselves" not in sentence


# ---------------------------------------------------------------------------------------------
# 6. Safeguarding answers leave the default copies unchanged

_SENSITIVE_FACTS = ["may_lack_capacity", "in_custody_or_on_probation", "under_18", "vulnerable"]


def _interview_document(fact: str, value: bool, *, involvement: bool) -> dict[str, Any]:
    facts: dict[str, Any] = {**_GROUP_NO, "own_data_analysed": not involvement, fact: value}
    if not involvement:
        facts["consent_planned"] = True
    party = {
        "label": "residents",
        "capacity": "public_contributor" if involvement else "research_participant",
        "tasks": ["advise"] if involvement else ["provide_own_data"],
        "facts": facts,
    }
    return {
        "activity": {
            "id": "residents",
            "setting": "community",
            # Involvement with the nations not given: the question about nations is asked.
            "nations": [] if involvement else ["england"],
            "facts": {**_ACTIVITY_NO, "generalisable": True, "health_related": True},
            "parties": [party],
        }
    }


@pytest.mark.parametrize("involvement", [False, True], ids=["research", "involvement"])
@pytest.mark.parametrize("fact", _SENSITIVE_FACTS)
def test_default_ethics_output_reads_the_same_whatever_the_safeguarding_answer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fact: str, involvement: bool
) -> None:
    """A group's capacity, custody, age or vulnerability: yes and no print the same.

    By default the ``ethics`` command withholds safeguarding facts and what they change (a
    capacity body, HMPPS, the university REC left to policy), so the two copies are equal;
    with ``--include-sensitive`` the yes is visible (the fact does change something), so the
    equality is not that the fact is ignored.
    """
    yes = _cli_json(tmp_path, capsys, _interview_document(fact, True, involvement=involvement))
    no = _cli_json(tmp_path, capsys, _interview_document(fact, False, involvement=involvement))
    assert yes == no
    full = _cli_json(
        tmp_path,
        capsys,
        _interview_document(fact, True, involvement=involvement),
        "--include-sensitive",
    )
    assert full != yes


_PROJECT = """\
id = "memory-cafe"
title = "Memory cafe study"

[[activities]]
id = "cafe-interviews"
setting = "community"
nations = ["england"]
facts = {{ generalisable = true, randomised = false, changes_usual_care = false, \
health_related = true, identifiable_patient_data = false, personal_data = false, \
nhs_premises = false, prison_or_probation_setting = false, \
approved_study_participants = false }}
parties = [
  {{ label = "cafe members", capacity = "research_participant", tasks = ["provide_own_data"], \
facts = {{ own_data_analysed = true, consent_planned = true, may_lack_capacity = {capacity}, \
nhs_patients = false, nhs_staff = false, adult_social_care_users = false, \
childrens_social_care_users = false, in_custody_or_on_probation = false }} }},
]
"""


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_default_project_report_reads_the_same_whether_members_may_lack_capacity(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """A memory cafe's members interviewed: the report does not say some may lack capacity.

    With a yes the triage needs an appropriate body (MCA 2005 s. 30) and leaves the
    university REC to its policy; with a no the university REC is required. The default
    report (every format) must read the same either way.
    """
    printed = []
    for capacity in ("true", "false"):
        path = tmp_path / f"cafe-{capacity}.toml"
        path.write_text(_PROJECT.format(capacity=capacity), encoding="utf-8")
        capsys.readouterr()
        status = main(["assess", str(path), "--as-at", AS_AT.isoformat(), "--format", fmt])
        out, _err = capsys.readouterr()
        assert status == 0
        printed.append(out.replace(f"cafe-{capacity}", "cafe"))
    assert printed[0] == printed[1]
