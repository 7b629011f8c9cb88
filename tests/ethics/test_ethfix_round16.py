"""Round 16 fixes (ETH16-1 .. ETH16-7): the review routes against the guidance an outside
ethics reviewer named.

Each expected value is worked by hand from the source named in the test's docstring:

- GAfREC 2011 s. 2.3 (``hra_gafrec_policy``): REC review is required for research
  participants "identified from, or because of their past or present use of" the services,
  for the "collection of tissue ... or information from any users of these services", and
  for the "use of previously collected tissue or information from which the research team
  could identify individual past or present users of these services". The services: NHS
  healthcare (UK-wide), adult social care (England, Wales, NI), children's social care
  (Wales, NI). The HRA's decision tool, Question Set 2, asks the same.
- GAfREC 2011 s. 2.3 as restated (``recruitnetworx_gafrec_2011#prisoners``): "Health-related
  research involving prisoners in the custody of" the prison services.
- Health and Care Research Wales (``hcrw_gaining_permission#scope``): "HRA and Health and
  Care Research Wales Approval applies only to the NHS in England and Wales."
- HRA, "Ionising radiation" (``hra_ionising_radiation#rec_approval``): under IR(ME)R a
  REC's approval "is required where participants are to be exposed to ionising radiation
  as part of their involvement in medical or biomedical, diagnostic or therapeutic,
  research"; DXA scans are among the procedures.
- HTA Code E para 81: "The storage of human tissue for research ... is licensed by the HTA";
  HT Exceptions Regs 2006 reg. 3(2)(b): storage of material from a living person for
  "qualifying research" (research a research ethics authority approved) is excepted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from participatory.core.errors import ValidationError
from participatory.core.nations import Nation
from participatory.ethics import (
    Activity,
    ActivityClassification,
    Answer,
    Capacity,
    Fact,
    Facts,
    Party,
    Requirement,
    ReviewBody,
    Task,
    assess_activity,
)
from participatory.testing import ethics as es

ON = dt.date(2026, 12, 7)
B, R, U, P = ReviewBody, Requirement.REQUIRED, Requirement.UNSETTLED, Requirement.POLICY
E, W, S, NI = Nation.ENGLAND, Nation.WALES, Nation.SCOTLAND, Nation.NORTHERN_IRELAND

# Every route fact answered no, so that a case turns only on the facts it names; round 16's
# own facts are left out, so that the cases of ETH16-1 to ETH16-4 and ETH16-7 run on the old
# code too (and fail there on what they test).
_ACTIVITY_NO: dict[str, Any] = {
    "randomised": False,
    "changes_usual_care": False,
    "nhs_premises": False,
    "prison_or_probation_setting": False,
    "health_related": True,
    "clinical_trial_of_medicine": False,
    "device_investigation": False,
    "identifiable_patient_data": False,
    "patient_data_without_consent": "not_applicable",
    "personal_data": True,
    "large_scale_special_category": False,
    "approved_study_participants": False,
    "generalisable": True,
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
    return Party(label, capacity, tasks=set(tasks), facts={**_GROUP_NO, **answers})


def _interviewees(label: str = "interviewees", **answers: object) -> Party:
    return _group(
        label,
        Capacity.RESEARCH_PARTICIPANT,
        {Task.PROVIDE_OWN_DATA},
        own_data_analysed=True,
        consent_planned=True,
        **answers,
    )


def _records(label: str = "records", **answers: object) -> Party:
    """The people a set of records is about: they do nothing in the study themselves."""
    return _group(label, Capacity.SERVICE_USER, (), consent_planned=False, **answers)


def _analysts() -> Party:
    return _group("analysts", Capacity.STAFF, {Task.ANALYSE_DATA}, own_data_analysed=False)


def _activity(
    parties: list[Party], nations: Iterable[str] = ("england",), **answers: object
) -> Activity:
    facts = {**_ACTIVITY_NO, **answers}
    return Activity("a1", parties=parties, facts=facts, setting="university", nations=nations)


def _records_study(nations: Iterable[str] = ("england",), **answers: object) -> Activity:
    """Analysts reading records about a group known only through them."""
    group = {k: answers.pop(k) for k in list(answers) if k in _GROUP_NO}
    return _activity(
        [_analysts(), _records("records", **group)],
        nations,
        data_about_people=True,
        **answers,
    )


def _triage(activity: Activity) -> ActivityClassification:
    return assess_activity(activity, as_at=ON)


def _bodies(result: ActivityClassification) -> set[ReviewBody]:
    return {r.body for r in result.routes}


def _by_nation(result: ActivityClassification) -> set[tuple[ReviewBody, Requirement, tuple]]:
    return {(r.body, r.requirement, r.nations) for r in result.routes}


def _rule_ids(result: ActivityClassification) -> set[str]:
    return {f.rule_id for f in result.findings}


def _asked(result: ActivityClassification) -> list[Fact | None]:
    return [q.fact for q in result.open_questions]


# -- ETH16-1: records known only through anonymised data are not GAfREC's ----------------------


@pytest.mark.parametrize("nation", ["england", "scotland"])
def test_anonymised_nhs_records_need_no_nhs_rec(nation: str) -> None:
    """Cases C10 (England) and C73 (Scotland): NHS records, anonymised before the team gets
    them, analysed by university staff; the patients do nothing in the study.

    GAfREC 2011 s. 2.3: nobody is recruited ("identified from ... their use of services") and
    nothing is collected from them; the one trigger left is previously collected information
    "from which the research team could identify" them, and they cannot be identified. So no
    NHS REC, and the university REC reviews (HRA decision tool result N2: "you may still
    require another type of ethics committee review, e.g. HEI"). Had the records been
    identifiable, the NHS REC would review (the same sentence)."""
    study = _records_study([nation], nhs_patients=True, personal_data=False)
    result = _triage(study)
    assert B.NHS_REC not in _bodies(result)
    assert "ETH-ROUTE-NHS-REC" not in _rule_ids(result)
    assert (B.UNIVERSITY_REC, R, ()) in _by_nation(result)
    identifiable = _triage(
        _records_study(
            [nation],
            nhs_patients=True,
            identifiable_patient_data=True,
            patient_data_without_consent=False,
        )
    )
    assert (B.NHS_REC, R, ()) in _by_nation(identifiable)


def test_anonymised_adult_social_care_records_need_no_social_care_rec() -> None:
    """Case C80: anonymised adult social care records in England, analysed at a university.

    GAfREC's trigger for adult social care is the same as for the NHS (its services list
    names adult social care in England), and the Social Care REC reviews what it sends to a
    REC: records from which nobody can be identified are not among them. So no Social Care
    REC and no NHS REC: the university REC, required, as for any research no statutory
    committee reviews."""
    result = _triage(_records_study(adult_social_care_users=True, personal_data=False))
    assert not {B.NHS_REC, B.SOCIAL_CARE_REC} & _bodies(result)
    assert (B.UNIVERSITY_REC, R, ()) in _by_nation(result)


def test_nhs_patients_taking_part_in_person_still_need_an_nhs_rec_whatever_the_data() -> None:
    """A guard beside the case above: NHS patients interviewed (not only their records), the
    data anonymised at once. GAfREC 2011 s. 2.3: participants identified because of their use
    of NHS services, from whom information is collected. Taking part in person, they are
    recruited through the NHS: the records exception does not reach them. (The old code gave
    the same routes; it refuses this activity only for round 16's facts.)"""
    result = _triage(_activity([_interviewees(nhs_patients=True)], personal_data=False))
    assert (B.NHS_REC, R, ()) in _by_nation(result)
    assert "ETH-ROUTE-NHS-REC" in _rule_ids(result)


# -- ETH16-2 and ETH16-3: the prisoner trigger is prisoners in custody --------------------------


def test_people_only_on_probation_need_no_prison_nhs_rec_in_england() -> None:
    """Case C14: health-related interviews in England with people on probation, none held in
    custody, none NHS patients.

    GAfREC 2011 s. 2.3 as restated names "prisoners in the custody of" the prison services:
    someone supervised in the community is not in custody. No NHS REC; HMPPS's National
    Research Committee still approves research with people on probation in England
    (hmpps_research_page#must_apply), and the university REC reviews."""
    group = _interviewees(in_custody_or_on_probation=True, held_in_custody=False)
    result = _triage(_activity([group]))
    assert "ETH-ROUTE-NHS-REC-PRISON" not in _rule_ids(result)
    assert B.NHS_REC not in _bodies(result)
    assert (B.HMPPS_NRC, R, (E,)) in _by_nation(result)
    assert (B.UNIVERSITY_REC, R, ()) in _by_nation(result)


def test_people_only_on_probation_in_scotland_go_to_justice_social_work_not_an_nhs_rec() -> None:
    """Case C71: the same in Scotland (community payback orders). Not the prison service's
    custody, so no NHS REC; the councils' justice social work supervises them (the round 14
    route, unsettled)."""
    group = _interviewees(in_custody_or_on_probation=True, held_in_custody=False)
    result = _triage(_activity([group], ["scotland"]))
    assert B.NHS_REC not in _bodies(result)
    assert (B.PROBATION_SERVICE, U, (S,)) in _by_nation(result)


@pytest.mark.parametrize(("nation", "body"), [("england", B.HMPPS_NRC), ("scotland", None)])
def test_prison_staff_alone_need_no_prison_nhs_rec(nation: str, body: ReviewBody | None) -> None:
    """Cases C15 (England) and C72 (Scotland): prison officers interviewed about work stress,
    in a prison; no prisoners take part.

    The GAfREC trigger is prisoners; staff are not prisoners, and a prison setting is not one
    either. So no NHS REC. HMPPS's committee still approves research in a prison or with its
    staff in England (hmpps_research_page#must_apply); in Scotland the prison service's own
    access (the round 14 route) is unchanged."""
    study = _activity(
        [_interviewees("prison officers")],
        [nation],
        prison_or_probation_setting=True,
        youth_justice_setting=False,
    )
    result = _triage(study)
    assert "ETH-ROUTE-NHS-REC-PRISON" not in _rule_ids(result)
    assert B.NHS_REC not in _bodies(result)
    if body is not None:
        assert (body, R, (E,)) in _by_nation(result)


def test_custody_not_said_asks_whether_anyone_is_held_before_an_nhs_rec() -> None:
    """People in prison or on probation, health research in England, and nobody said whether
    any of them is held in custody: the prisoner trigger turns on it, so the NHS REC is only
    possible and the question is asked (a yes gives it: ``held_in_custody``)."""
    result = _triage(_activity([_interviewees(in_custody_or_on_probation=True)]))
    assert B.NHS_REC not in _bodies(result)
    assert Fact.HELD_IN_CUSTODY in _asked(result)
    held = _interviewees(in_custody_or_on_probation=True, held_in_custody=True)
    assert "ETH-ROUTE-NHS-REC-PRISON" in _rule_ids(_triage(_activity([held])))


# -- ETH16-4: identifiable social care records are not the NHS's ------------------------------


def test_identifiable_social_care_records_in_england_need_no_hra_approval() -> None:
    """Case C53: a local authority's identifiable adult social care case records, used
    without consent at a university in England; no NHS patients, staff, data or premises.

    HRA Approval applies only to the NHS (hcrw_gaining_permission#scope), so none here. The
    records are identifiable: GAfREC sends the study to a REC, in England the Social Care REC
    (or a university REC following the ESRC framework), not an NHS REC. Confidential
    information used without consent still needs the Confidentiality Advisory Group."""
    study = _records_study(
        adult_social_care_users=True,
        identifiable_patient_data=True,
        patient_data_without_consent=True,
        large_scale_special_category=True,
    )
    result = _triage(study)
    assert B.NHS_PERMISSION not in _bodies(result)
    assert B.NHS_REC not in _bodies(result)
    assert (B.SOCIAL_CARE_REC, R, (E,)) in _by_nation(result)
    assert (B.CONFIDENTIALITY, R, (E,)) in _by_nation(result)


def test_identifiable_social_care_records_in_wales_need_no_hcrw_approval() -> None:
    """Case C53W: the same in Wales. HCRW's permission is NHS Wales's, so none; GAfREC's
    services list names adult social care in Wales, so an NHS REC reviews
    (ETH-ROUTE-NHS-REC-SOCIAL-CARE), not the NHS-patient route; CAG as before."""
    study = _records_study(
        ["wales"],
        adult_social_care_users=True,
        identifiable_patient_data=True,
        patient_data_without_consent=True,
        large_scale_special_category=True,
    )
    result = _triage(study)
    assert B.NHS_PERMISSION not in _bodies(result)
    assert "ETH-ROUTE-NHS-REC" not in _rule_ids(result)
    assert "ETH-ROUTE-NHS-REC-SOCIAL-CARE" in _rule_ids(result)
    assert (B.CONFIDENTIALITY, R, (W,)) in _by_nation(result)


# -- ETH16-5: ionising radiation -------------------------------------------------------------


def _volunteers(**answers: object) -> Activity:
    group = _group(
        "healthy volunteers",
        Capacity.RESEARCH_PARTICIPANT,
        {Task.TAKE_PART_IN_INTERVENTION, Task.PROVIDE_OWN_DATA},
        own_data_analysed=True,
        consent_planned=True,
    )
    return _activity([group], **{"human_tissue_stored": False, **answers})


def test_dxa_scans_of_healthy_volunteers_need_an_nhs_rec() -> None:
    """Case C91: bone-density (DXA) scans of healthy volunteers in a university laboratory.

    The HRA (hra_ionising_radiation#rec_approval): under IR(ME)R a REC's approval is required
    where participants are exposed to ionising radiation in medical or biomedical research;
    DXA scans are named (#scope). So an NHS REC, required; the university REC is left to its
    policy (it no longer reviews alone)."""
    result = _triage(_volunteers(ionising_radiation=True))
    assert "ETH-ROUTE-NHS-REC-RADIATION" in _rule_ids(result)
    assert (B.NHS_REC, R, ()) in _by_nation(result)
    assert (B.UNIVERSITY_REC, P, ()) in _by_nation(result)


def test_radiation_not_said_is_asked_in_health_research_with_an_intervention() -> None:
    """Unknown, the exposure would add an NHS REC: the question is asked, like any route fact;
    answered no, the university REC reviews alone."""
    unknown = _triage(_volunteers(ionising_radiation=None))
    assert Fact.IONISING_RADIATION in _asked(unknown)
    none = _triage(_volunteers(ionising_radiation=False))
    assert B.NHS_REC not in _bodies(none)


def test_radiation_outside_health_research_is_refused() -> None:
    """An exposure for research is medical or biomedical research (the HRA's words): a yes
    beside ``health_related`` no contradicts it, and is refused, as a device investigation is."""
    with pytest.raises(ValidationError, match="ionising_radiation"):
        _volunteers(ionising_radiation=True, health_related=False)


# -- ETH16-6: human tissue ------------------------------------------------------------------


def _blood_samples(nations: Iterable[str] = ("england",), **answers: object) -> Activity:
    co_researchers = _group(
        "community co-researchers",
        Capacity.CO_RESEARCHER,
        {Task.COLLECT_DATA},
        own_data_analysed=False,
    )
    neighbours = _interviewees("neighbourhood volunteers")
    return _activity([co_researchers, neighbours], nations, data_about_people=True, **answers)


@pytest.mark.parametrize("nation", [E, W, NI])
def test_stored_blood_samples_need_an_hta_licence_or_a_recognised_rec(nation: Nation) -> None:
    """Case C92: blood samples from community volunteers, stored on campus for the project.

    HTA Code E para 81: storing human tissue for research is licensed by the HTA; the HT
    Exceptions Regs 2006 reg. 3(2)(b) except storage for research a research ethics authority
    (an HRA-recognised REC; Wales's or Northern Ireland's) approved. Whether the campus holds
    a licence the library cannot know: the route names the licence with an NHS REC as the
    alternative, and says whom to ask."""
    result = _triage(_blood_samples([nation.value], human_tissue_stored=True))
    (route,) = [r for r in result.routes if r.body is B.HTA_LICENCE]
    assert (route.requirement, route.nations, route.alternatives) == (R, (nation,), (B.NHS_REC,))
    assert "ETH-ROUTE-HTA-LICENCE" in route.rule_ids


def test_no_hta_route_in_scotland_where_the_act_was_not_read() -> None:
    """The HT Act's licensing covers England, Wales and Northern Ireland; Scotland's own Act
    was not read, so the library names no route there (the docs say so)."""
    result = _triage(_blood_samples(["scotland"], human_tissue_stored=True))
    assert B.HTA_LICENCE not in _bodies(result)


def test_tissue_is_asked_and_counted_in_health_research_only() -> None:
    """Unknown, storage would add the licence: asked of research known to be health-related;
    not asked while that is unknown, nor of research answered as not health-related, and a
    yes beside the latter is refused (the HTA licenses storage for research about the human
    body). So no answer left unknown could change the routes on its own."""
    health = _triage(_blood_samples(human_tissue_stored=None))
    assert Fact.HUMAN_TISSUE_STORED in _asked(health)
    for unsure_or_not in (None, False):
        other = _triage(_blood_samples(human_tissue_stored=None, health_related=unsure_or_not))
        assert Fact.HUMAN_TISSUE_STORED not in _asked(other)
    with pytest.raises(ValidationError, match="human_tissue_stored"):
        _blood_samples(human_tissue_stored=True, health_related=False)


def test_a_yes_that_opens_a_route_only_in_health_research_asks_whether_it_is() -> None:
    """Tissue stored, or NHS Scotland data used, said yes while health-relatedness is not
    known: the licence (or the Public Benefit and Privacy Panel) turns on that answer, so it
    is asked, not read as no (found by the route property: the Panel's route was silently
    left out)."""
    tissue = _triage(_blood_samples(human_tissue_stored=True, health_related=None))
    assert Fact.HEALTH_RELATED in _asked(tissue)
    data = _triage(
        _blood_samples(
            ["scotland"], human_tissue_stored=False, nhs_scotland_data=True, health_related=None
        )
    )
    assert Fact.HEALTH_RELATED in _asked(data)


# -- ETH16-7: a fact given by name ---------------------------------------------------------


def test_a_fact_given_by_name_replaces_the_answer_as_the_member_does() -> None:
    """docs/howto/ethics-triage.md passes a fact's name to ``with_party_answer``: it must
    replace the group's answer, as the Fact member does, not count as a second answer."""
    study = _records_study(nhs_patients=True)
    by_name = study.with_party_answer("records", "nhs_patients", False)
    by_member = study.with_party_answer("records", Fact.NHS_PATIENTS, False)
    assert by_name == by_member
    assert by_name.party("records").facts.get(Fact.NHS_PATIENTS) is Answer.NO
    assert study.with_answer("randomised", True) == study.with_answer(Fact.RANDOMISED, True)


def test_an_unknown_fact_name_is_refused() -> None:
    """A misspelt name is refused with the known names, not silently added."""
    with pytest.raises(ValidationError, match="unknown fact"):
        Facts({"randomised": True}).with_answer("randomized", False)


# -- properties -----------------------------------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(es.settled_activities())
def test_no_prisoner_held_in_custody_never_gets_the_prison_nhs_rec(activity: Activity) -> None:
    """For any activity in which no group has anyone held in custody (whether or not they are
    on probation, whatever its prison setting or staff), the prison NHS REC route is never
    given: GAfREC's trigger is prisoners in custody."""
    try:
        for party in activity.parties:
            activity = activity.with_party_answer(party.label, "held_in_custody", Answer.NO)
    except ValidationError:
        assume(False)
    assume(not _unlisted(activity))
    assert "ETH-ROUTE-NHS-REC-PRISON" not in _rule_ids(_triage(activity))


@settings(max_examples=80, deadline=None)
@given(es.settled_activities(), st.booleans())
def test_without_nhs_patients_staff_or_premises_no_nhs_permission(
    activity: Activity, identifiable: bool
) -> None:
    """For any activity whose groups are not NHS patients or staff and that uses no NHS
    premises, HRA Approval (and HCRW's) is never required in England or Wales, whatever its
    identifiable data (HRA Approval applies only to the NHS)."""
    try:
        activity = activity.with_answer("patient_data_without_consent", None)
        activity = activity.with_answer("identifiable_patient_data", identifiable)
        activity = activity.with_answer("nhs_premises", False)
        for party in activity.parties:
            activity = activity.with_party_answer(party.label, "nhs_patients", False)
            activity = activity.with_party_answer(party.label, "nhs_staff", False)
    except ValidationError:
        assume(False)
    assume(not _unlisted(activity))
    result = _triage(activity)
    assert not {r for r in result.routes if r.body is B.NHS_PERMISSION and {E, W} & set(r.nations)}


def _unlisted(activity: Activity) -> bool:
    # People no group describes may be NHS patients: their answers are unknown by design.
    return assess_activity(activity, as_at=ON).has("ETH-DATA-SUBJECTS-UNLISTED")


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(list(Fact)), es.answers())
def test_a_fact_name_and_its_member_give_the_same_facts(fact: Fact, answer: Answer) -> None:
    """For every fact and answer, answering it by name or by member gives equal facts, over
    an answer already held (the case the old code refused)."""
    assume(answer is not Answer.NOT_APPLICABLE or fact.allows_not_applicable)
    held = Facts({fact: Answer.YES})
    assert held.with_answer(fact.value, answer) == held.with_answer(fact, answer)
