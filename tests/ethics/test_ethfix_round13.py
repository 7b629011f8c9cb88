"""Round 13 fixes: trials of medicines, people no group describes, and the default copy.

Each expected value is worked from the law or guidance named in the test's docstring:

- Medicines for Human Use (Clinical Trials) Regulations 2004 (ct_regs_2004): reg. 2 (a
  clinical trial investigates a medicine's safety or efficacy), reg. 12 (a REC's favourable
  opinion and the licensing authority's authorisation before it starts), Sch. 1 Part 4 (a
  minor, under 16: a person with parental responsibility or a legal representative consents).
- Mental Capacity Act 2005 s. 30(3) and the MCA (Northern Ireland) 2016 s. 133: such a trial
  is not research for the capacity provisions.
- GAfREC: an NHS REC for participants identified through NHS services.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from participatory.core.errors import ValidationError
from participatory.core.serialise import unstructure
from participatory.ethics import (
    Activity,
    Capacity,
    EthicsProject,
    Fact,
    Party,
    Requirement,
    ReviewBody,
    Task,
    TriageOutcome,
    assess_activity,
    assess_ethics,
)

ON = dt.date(2026, 12, 7)
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
_ACTIVITY_NO: dict[str, Any] = {
    "randomised": False,
    "changes_usual_care": False,
    "generalisable": False,
    "nhs_premises": False,
    "prison_or_probation_setting": False,
    "identifiable_patient_data": False,
    "patient_data_without_consent": "not_applicable",
    "personal_data": False,
    "large_scale_special_category": "not_applicable",
    "approved_study_participants": False,
}


def _patients(**answers: object) -> Party:
    facts = {**_GROUP_NO, "own_data_analysed": True, "consent_planned": True, **answers}
    return Party(
        "patients", Capacity.RESEARCH_PARTICIPANT, tasks={Task.TAKE_PART_IN_INTERVENTION},
        facts=facts,
    )  # fmt: skip


def _bodies(result: Any) -> set[ReviewBody]:
    return {route.body for route in result.routes}


# -- trials of medicines ---------------------------------------------------------------------


def test_drug_trial_with_adults_lacking_capacity_in_northern_ireland_has_no_capacity_body() -> None:
    """MCA (NI) 2016 s. 133: a clinical trial of a medicine is not research for the Act's
    research provisions (the route's own sentence says so). Expected: an HSC REC and the
    MHRA required (reg. 12), no capacity appropriate body."""
    activity = Activity(
        "trial", parties=[_patients(nhs_patients=True, may_lack_capacity=True)],
        facts={**_ACTIVITY_NO, "randomised": True, "health_related": True,
               "clinical_trial_of_medicine": True},
        nations=["northern_ireland"],
    )  # fmt: skip
    result = assess_activity(activity, as_at=ON)
    routes = {(r.body, r.requirement) for r in result.routes}
    assert (ReviewBody.NHS_REC, Requirement.REQUIRED) in routes
    assert (ReviewBody.MHRA, Requirement.REQUIRED) in routes
    assert ReviewBody.CAPACITY_BODY not in _bodies(result)


def test_the_same_study_not_a_drug_trial_still_needs_the_capacity_body() -> None:
    """The same randomised study in England of a physiotherapy programme (not a medicine):
    MCA 2005 s. 30(1) applies in full, so an appropriate body is required. Guards that the
    trial exception takes out trials only."""
    activity = Activity(
        "physio", parties=[_patients(nhs_patients=True, may_lack_capacity=True)],
        facts={**_ACTIVITY_NO, "randomised": True, "health_related": True,
               "clinical_trial_of_medicine": False},
        nations=["england"],
    )  # fmt: skip
    result = assess_activity(activity, as_at=ON)
    assert (ReviewBody.CAPACITY_BODY, Requirement.REQUIRED) in {
        (r.body, r.requirement) for r in result.routes
    }


def test_an_unanswered_trial_question_with_every_hra_question_no_is_referred() -> None:
    """Every HRA question no, health research with a group given an intervention, and
    whether it is a trial of a medicine not said: a yes would make it research (reg. 2),
    a no an evaluation. The library refers, naming the trial question, not guessing."""
    activity = Activity(
        "clinic", parties=[_patients(nhs_patients=True)], setting="nhs",
        facts={k: v for k, v in _ACTIVITY_NO.items() if k != "nhs_premises"}
        | {"health_related": True, "judges_current_service": True,
           "measured_against_standard": False, "population_health": False},
    )  # fmt: skip
    result = assess_activity(activity, as_at=ON)
    assert result.outcome is TriageOutcome.REFER
    assert [m.fact for m in result.deciding_facts] == [Fact.CLINICAL_TRIAL_OF_MEDICINE]
    said = assess_activity(activity.with_answer(Fact.CLINICAL_TRIAL_OF_MEDICINE, False), as_at=ON)
    assert said.outcome is TriageOutcome.SERVICE_EVALUATION


def test_a_declared_trial_is_research_with_the_reason_given() -> None:
    """A trial answered yes with the HRA questions no is research (reg. 2), and the finding
    ETH-CTIMP-RESEARCH says why, citing reg. 12; a trial answered no changes nothing."""
    activity = Activity(
        "inhaler", parties=[_patients(nhs_patients=True)], nations=["england"],
        facts={**_ACTIVITY_NO, "health_related": True, "clinical_trial_of_medicine": True},
    )  # fmt: skip
    result = assess_activity(activity, as_at=ON)
    assert result.outcome is TriageOutcome.RESEARCH
    (finding,) = result.by_rule("ETH-CTIMP-RESEARCH")
    assert "reg. 12" in {c.pinpoint.split("(")[0].strip() for c in finding.citations}
    assert {ReviewBody.NHS_REC, ReviewBody.MHRA} <= _bodies(result)


def test_a_trial_of_a_medicine_that_is_not_health_research_is_refused() -> None:
    """A clinical trial of a medicine is health research by its nature: the two answers
    contradict each other, and the models refuse them, naming the trial fact."""
    with pytest.raises(ValidationError, match="clinical_trial_of_medicine"):
        Activity(
            "trial", parties=[_patients()],
            facts={"health_related": False, "clinical_trial_of_medicine": True},
        )  # fmt: skip


# -- people no group describes -------------------------------------------------------------


def _peers() -> Party:
    return Party(
        "peer researchers", Capacity.CO_RESEARCHER, tasks={Task.COLLECT_DATA},
        facts={"own_data_analysed": False},
    )  # fmt: skip


_INTERVIEWS: dict[str, Any] = {
    **_ACTIVITY_NO,
    "generalisable": True,
    "health_related": True,
    "data_about_people": True,
}


def test_interviewees_no_group_describes_are_asked_about() -> None:
    """Peer researchers interview people, no group listed for them. GAfREC turns on
    whether the interviewees are identified through NHS services, so the question is
    asked (if yes: an NHS REC), the university REC is not certain, and a finding says to
    add a group for them."""
    result = assess_activity(
        Activity("peer-interviews", parties=[_peers()], facts=_INTERVIEWS, nations=["england"]),
        as_at=ON,
    )
    assert result.outcome is TriageOutcome.RESEARCH
    asked = {q.fact for q in result.open_questions}
    assert Fact.NHS_PATIENTS in asked
    assert (ReviewBody.UNIVERSITY_REC, Requirement.REQUIRED) not in {
        (r.body, r.requirement) for r in result.routes
    }
    assert result.has("ETH-DATA-SUBJECTS-UNLISTED")
    (question,) = [
        f for f in result.by_rule("ETH-ROUTE-QUESTION")
        if f.values["fact"] == Fact.NHS_PATIENTS.question
    ]  # fmt: skip
    assert "NHS research ethics committee" in question.values["if_yes"]


def test_once_the_interviewees_are_listed_nothing_is_asked_about_unlisted_people() -> None:
    """The same interviews with the interviewees as a group answering every route fact no:
    nothing is left open about them, and the university REC reviews (no NHS, social care,
    capacity or custody trigger)."""
    interviewees = Party(
        "interviewees", Capacity.RESEARCH_PARTICIPANT, tasks={Task.PROVIDE_OWN_DATA},
        facts={**_GROUP_NO, "own_data_analysed": True, "consent_planned": True},
    )  # fmt: skip
    result = assess_activity(
        Activity("peer-interviews", parties=[_peers(), interviewees],
                 facts={**_INTERVIEWS, "human_tissue_stored": False}, nations=["england"]),
        as_at=ON,
    )  # fmt: skip
    assert not result.has("ETH-DATA-SUBJECTS-UNLISTED")
    assert result.open_questions == ()
    assert (ReviewBody.UNIVERSITY_REC, Requirement.REQUIRED) in {
        (r.body, r.requirement) for r in result.routes
    }


# -- the default copy --------------------------------------------------------------------------

_SENSITIVE = ["may_lack_capacity", "in_custody_or_on_probation", "under_18", "vulnerable"]


def _residents(fact: str, value: bool) -> Activity:
    group = Party(
        "residents", Capacity.RESEARCH_PARTICIPANT, tasks={Task.PROVIDE_OWN_DATA},
        facts={**_GROUP_NO, "own_data_analysed": True, "consent_planned": True, fact: value},
    )  # fmt: skip
    return Activity(
        "residents", parties=[group], setting="community", nations=["england"],
        facts={**_ACTIVITY_NO, "generalisable": True, "health_related": True},
    )  # fmt: skip


@pytest.mark.parametrize("fact", _SENSITIVE)
def test_default_plain_data_is_the_same_byte_for_byte_whatever_the_safeguarding_answer(
    fact: str,
) -> None:
    """unstructure() of the triage (default: sensitive data withheld) is the same JSON for a
    yes and a no: with a yes it writes the triage of the answers with that yes read as no.
    With include_sensitive the two differ (a capacity body, HMPPS, the safeguarding finding),
    so the equality is not that the fact is ignored."""
    yes = assess_activity(_residents(fact, True), as_at=ON)
    no = assess_activity(_residents(fact, False), as_at=ON)
    assert json.dumps(unstructure(yes)) == json.dumps(unstructure(no))
    assert unstructure(yes, include_sensitive=True) != unstructure(no, include_sensitive=True)
    assert "shared" not in unstructure(yes, include_sensitive=True)


@pytest.mark.parametrize("fact", _SENSITIVE)
def test_a_projects_default_plain_data_is_the_same_whatever_the_safeguarding_answer(
    fact: str,
) -> None:
    """The project summary beside an ordinary activity: the same JSON by default for a yes
    and a no (its findings, counts and each activity written as their default copies)."""
    other = Activity(
        "advice", setting="community",
        parties=[Party("advisers", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.ADVISE},
                       facts={**_GROUP_NO, "own_data_analysed": False})],
    )  # fmt: skip
    summaries = [
        assess_ethics(EthicsProject("p", [_residents(fact, value), other]), as_at=ON)
        for value in (True, False)
    ]
    assert json.dumps(unstructure(summaries[0])) == json.dumps(unstructure(summaries[1]))
    full = [unstructure(s, include_sensitive=True) for s in summaries]
    assert full[0] != full[1]
