"""Round 16b fixes (ETH16B-1 .. ETH16B-3): the review routes against the guidance a second
outside ethics review named.

Each expected value is worked by hand from the source named in the test's docstring:

- HRA, "Medical devices and software applications" (``hra_medical_devices``): ethical
  approval under the Medical Devices Regulations 2002 is required for a clinical
  investigation of a non-marked device (or a marked one modified or used for a new purpose);
  "This requirement applies to the whole of the UK" (#whole_uk), and the approval "must be
  given by a Research Ethics Committee (REC) within the UK Health Departments' Research
  Ethics Service (RES)" (#res_rec): an NHS REC, or an HSC REC in Northern Ireland, never a
  university's own committee. The HRA's decision tool asks it in Question Set 1, before it
  asks who takes part.
- The Public Benefit and Privacy Panel's guiding principles (``pbpp_guiding_principles#
  mandate``): it "has a formal mandate to scrutinise any request to use NHSS-controlled data,
  and the NHSCR data controlled by the Registrar General". A council's own social care
  records are neither.
- The HRA's decision tool, Question Set 1 (``hra_rec_decision_tool#question_set_1_radiation``):
  exposure to ionising radiation "includes any ionising radiation research exposures,
  including those that are standard of care"; IRAS (``iras_research_exposures#standard_care``):
  exposures the protocol requires "are research exposures even where they would otherwise be
  part of normal clinical care".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import pytest
from hypothesis import assume, given, settings

from participatory.core.errors import ValidationError
from participatory.core.nations import Nation
from participatory.ethics import (
    Activity,
    ActivityClassification,
    Capacity,
    Fact,
    Party,
    Requirement,
    ReviewBody,
    Task,
    assess_activity,
)
from participatory.ethics.route_messages import MESSAGES
from participatory.testing import ethics as es

ON = dt.date(2026, 12, 7)
B, R, U, P = ReviewBody, Requirement.REQUIRED, Requirement.UNSETTLED, Requirement.POLICY
E, W, S, NI = Nation.ENGLAND, Nation.WALES, Nation.SCOTLAND, Nation.NORTHERN_IRELAND

# Every route fact answered no, so that a case turns only on the facts it names.
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


def _activity(
    parties: list[Party], nations: Iterable[str] = ("england",), **answers: object
) -> Activity:
    facts = {**_ACTIVITY_NO, **answers}
    return Activity("a1", parties=parties, facts=facts, setting="university", nations=nations)


def _volunteers(nations: Iterable[str] = ("england",), **answers: object) -> Activity:
    """Healthy volunteers who use something the study tests: no NHS patients, no NHS site."""
    group = _group(
        "healthy volunteers",
        Capacity.RESEARCH_PARTICIPANT,
        {Task.TAKE_PART_IN_INTERVENTION, Task.PROVIDE_OWN_DATA},
        own_data_analysed=True,
        consent_planned=True,
    )
    facts = {"ionising_radiation": False, "human_tissue_stored": False, **answers}
    return _activity([group], nations, **facts)


def _council_records(staff_task: Task, **answers: object) -> Activity:
    """Council staff reading identifiable social work case files, used without consent."""
    staff = _group("council staff", Capacity.STAFF, {staff_task}, own_data_analysed=False)
    records = _group(
        "social work case files",
        Capacity.SERVICE_USER,
        (),
        consent_planned=False,
        adult_social_care_users=True,
    )
    facts = {
        "data_about_people": True,
        "identifiable_patient_data": True,
        "patient_data_without_consent": True,
        "nhs_scotland_data": False,
        **answers,
    }
    return _activity([staff, records], ("scotland",), **facts)


def _triage(activity: Activity) -> ActivityClassification:
    return assess_activity(activity, as_at=ON)


def _bodies(result: ActivityClassification) -> set[ReviewBody]:
    return {r.body for r in result.routes}


def _by_nation(result: ActivityClassification) -> set[tuple[ReviewBody, Requirement, tuple]]:
    return {(r.body, r.requirement, r.nations) for r in result.routes}


def _rule_ids(result: ActivityClassification) -> set[str]:
    return {f.rule_id for f in result.findings}


# -- ETH16B-1: a device investigation needs an NHS (HSC) REC, whoever takes part --------------


@pytest.mark.parametrize("nation", ["england", "wales", "scotland", "northern_ireland"])
def test_device_investigation_with_healthy_volunteers_needs_an_nhs_rec(nation: str) -> None:
    """Cases D01 (England) and D46 (Scotland): a wearable sensor not UKCA or CE marked, tested
    on healthy volunteers in a university laboratory, no NHS patients or premises.

    hra_medical_devices#whole_uk and #res_rec: the Medical Devices Regulations' REC approval
    applies across the UK and must come from a committee of the UK Health Departments'
    Research Ethics Service. So an NHS REC (an HSC REC in Northern Ireland), required, beside
    the MHRA's notice; the university REC no longer reviews alone (its own policy decides).
    The old routes gave the MHRA and the university REC only."""
    result = _triage(_volunteers((nation,), device_investigation=True))
    assert "ETH-ROUTE-NHS-REC-DEVICE" in _rule_ids(result)
    assert (B.NHS_REC, R, ()) in _by_nation(result)
    assert (B.MHRA_DEVICE, R, ()) in _by_nation(result)
    assert (B.UNIVERSITY_REC, P, ()) in _by_nation(result)
    assert (B.UNIVERSITY_REC, R, ()) not in _by_nation(result)


def test_device_not_said_the_question_names_the_nhs_rec() -> None:
    """Case D63: the same volunteers with the device question unanswered. A yes brings the
    REC of hra_medical_devices#res_rec as well as the MHRA, so the open question says both;
    the old question added the MHRA only."""
    result = _triage(_volunteers(device_investigation=None))
    (question,) = [
        f for f in result.by_rule("ETH-ROUTE-QUESTION")
        if f.values["fact"] == Fact.DEVICE_INVESTIGATION.question
    ]  # fmt: skip
    assert "NHS research ethics committee" in str(question.values["if_yes"])
    assert "Medicines and Healthcare products Regulatory Agency" in str(question.values["if_yes"])
    # Answered no (a marked device used within its purpose): no MHRA notice, no REC from the
    # device; the university REC reviews, required, as before.
    none = _triage(_volunteers(device_investigation=False))
    assert B.NHS_REC not in _bodies(none)
    assert (B.UNIVERSITY_REC, R, ()) in _by_nation(none)


@settings(max_examples=80, deadline=None)
@given(es.settled_activities())
def test_a_device_investigation_always_gets_an_nhs_rec_in_every_nation(
    activity: Activity,
) -> None:
    """For any activity given the MHRA's device notice, an NHS REC is required too, for the
    whole study (one opinion in every nation it runs in), and the university REC is never the
    required reviewer: the same investigation is what both rest on (hra_medical_devices)."""
    try:
        activity = activity.with_answer("device_investigation", True)
    except ValidationError:
        assume(False)
    result = _triage(activity)
    if "ETH-ROUTE-MHRA-DEVICE" in _rule_ids(result):
        assert (B.NHS_REC, R, ()) in _by_nation(result)
        assert (B.UNIVERSITY_REC, R, ()) not in _by_nation(result)


# -- ETH16B-2: a Scottish council's own records are not the Panel's ---------------------------


def test_council_case_files_used_without_consent_go_to_the_council_not_the_panel() -> None:
    """Case D41: researchers analyse identifiable council social work case files in Scotland
    without consent; no NHS data (``nhs_scotland_data`` no), no NHS patients.

    pbpp_guiding_principles#mandate: the Panel's mandate is NHS Scotland-controlled data and
    the NHS Central Register's. These records are the council's, so no Panel route; the
    council's own data protection and Caldicott process decides, and as its procedure was not
    read the route is unsettled (ask). The old routes sent them to the Panel, required."""
    result = _triage(_council_records(Task.ANALYSE_DATA))
    assert B.CONFIDENTIALITY not in _bodies(result)
    assert "ETH-ROUTE-PBPP" not in _rule_ids(result)
    assert (B.COUNCIL_RECORDS, U, (S,)) in _by_nation(result)


def test_council_staff_evaluating_their_service_go_to_the_council_not_the_panel() -> None:
    """Case D49: council staff evaluate their own service from identifiable case files,
    without consent (service evaluation, not research). Same reading: the council's records,
    not NHS Scotland's, so the council's process (unsettled), not the Panel, required."""
    study = _council_records(
        Task.ANALYSE_DATA, generalisable=False, judges_current_service=True,
        measured_against_standard=False, population_health=False,
    )  # fmt: skip
    result = _triage(study)
    assert "ETH-ROUTE-PBPP" not in _rule_ids(result)
    assert (B.COUNCIL_RECORDS, U, (S,)) in _by_nation(result)


def test_council_records_linked_with_nhs_scotland_data_go_to_both() -> None:
    """The same case files linked with data NHS Scotland controls (``nhs_scotland_data`` yes):
    the NHS data is the Panel's (its mandate), required; the council's own records remain
    the council's (unsettled). Each controller decides for its own data."""
    result = _triage(_council_records(Task.ANALYSE_DATA, nhs_scotland_data=True))
    assert (B.CONFIDENTIALITY, R, (S,)) in _by_nation(result)
    assert (B.COUNCIL_RECORDS, U, (S,)) in _by_nation(result)


def test_nhs_patients_records_without_consent_still_go_to_the_panel() -> None:
    """NHS patients' identifiable records used without consent in Scotland are the health
    boards' (NHS Scotland-controlled): the Panel, required, and no council route; the
    route's text now says whose information it is."""
    staff = _group("analysts", Capacity.STAFF, {Task.ANALYSE_DATA}, own_data_analysed=False)
    records = _group(
        "clinic records", Capacity.SERVICE_USER, (), consent_planned=False, nhs_patients=True
    )
    study = _activity(
        [staff, records], ("scotland",), data_about_people=True,
        identifiable_patient_data=True, patient_data_without_consent=True,
    )  # fmt: skip
    result = _triage(study)
    assert (B.CONFIDENTIALITY, R, (S,)) in _by_nation(result)
    assert B.COUNCIL_RECORDS not in _bodies(result)
    assert result.has("ETH-ROUTE-PBPP")
    assert "held by NHS Scotland" in MESSAGES["ethics.route.pbpp"]


# -- ETH16B-3: protocol exposures count even where they are standard care ---------------------


def test_the_radiation_question_counts_exposures_that_are_standard_care() -> None:
    """Case D51: private hospital patients have protocol-specified CT scans that are part of
    their standard care. hra_rec_decision_tool#question_set_1_radiation counts "any ionising
    radiation research exposures, including those that are standard of care", and
    iras_research_exposures#standard_care calls them research exposures "even where they would
    otherwise be part of normal clinical care". The old question asked only about exposures
    "beyond what their usual care would give them", so such a team answered no and lost the
    NHS REC; the question now asks about exposures the protocol requires, usual care or not."""
    question = Fact.IONISING_RADIATION.question
    assert "beyond what their usual care" not in question
    assert "protocol requires" in question
    assert "usual care would include" in question


def test_protocol_ct_scans_of_private_patients_need_an_nhs_rec() -> None:
    """Case D51 answered as the question now reads (yes): an NHS REC, required, though no
    NHS patients or premises take part; the route says standard care exposures count."""
    result = _triage(_volunteers(ionising_radiation=True))
    assert (B.NHS_REC, R, ()) in _by_nation(result)
    assert "usual care would include" in MESSAGES["ethics.route.nhs_rec_radiation"]
