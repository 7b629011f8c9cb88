""":mod:`participatory.ethics.routing` and :mod:`participatory.ethics.bodies`: unit tests."""

import datetime as dt

from participatory.ethics import (
    Activity,
    Capacity,
    Fact,
    Nation,
    Party,
    Requirement,
    ReviewBody,
    ReviewRoute,
    Task,
    assess_activity,
)
from participatory.ethics.bodies import BODY_NAMES, name_key
from participatory.ethics.facts import Answer
from participatory.ethics.outcomes import PartyStatus, TriageOutcome
from participatory.ethics.route_logic import RouteView, Situation, all_of, any_of, negate

ON = dt.date(2026, 12, 6)
ORDINARY = dict.fromkeys(
    ["nhs_patients", "nhs_staff", "adult_social_care_users", "childrens_social_care_users",
     "in_custody_or_on_probation", "vulnerable", "under_18"],
    False,
)  # fmt: skip


def test_kleene_logic_reads_only_what_can_change_the_result():
    read = []

    def part(answer):
        def lazy():
            read.append(answer)
            return answer

        return lazy

    assert all_of(part(Answer.NO), part(Answer.UNKNOWN)) is Answer.NO
    assert read == [Answer.NO]
    assert any_of(part(Answer.UNKNOWN), part(Answer.NO)) is Answer.UNKNOWN
    assert negate(Answer.YES) is Answer.NO


def test_a_view_records_each_read_and_treats_possible_participants_as_unknown():
    answers = {(None, Fact.PERSONAL_DATA): Answer.YES, ("maybe", Fact.NHS_PATIENTS): Answer.YES}
    situation = Situation(
        TriageOutcome.RESEARCH,
        {"sure": PartyStatus.PARTICIPANT, "maybe": PartyStatus.POSSIBLE_PARTICIPANT},
        False,
        lambda fact, party: answers.get((party, fact), Answer.UNKNOWN),
    )
    view = RouteView(situation)
    # "maybe" says yes, but whether it is studied turns on its own data: unknown, and read.
    assert view.studied(Fact.NHS_PATIENTS) is Answer.UNKNOWN
    assert view.reads[("maybe", Fact.OWN_DATA_ANALYSED)] is Answer.UNKNOWN
    view.fresh_reads()
    assert view.fact(Fact.PERSONAL_DATA) is Answer.YES
    assert view.reads == {(None, Fact.PERSONAL_DATA): Answer.YES}


def test_body_names_by_nation_and_levels():
    assert name_key(ReviewBody.NHS_PERMISSION, Nation.SCOTLAND) == "nhs_permission.scotland"
    assert name_key(ReviewBody.NHS_REC, Nation.WALES) == "nhs_rec"  # the same in each nation
    assert name_key(ReviewBody.CAPACITY_BODY, None) == "capacity_body"
    assert all(key.split(".")[0] in {b.value for b in ReviewBody} for key in BODY_NAMES)
    assert {b.level for b in ReviewBody} == {1, 2, 3}
    route = ReviewRoute(ReviewBody.CONFIDENTIALITY, Requirement.REQUIRED,
                        nations=[Nation.WALES, Nation.ENGLAND])  # fmt: skip
    assert route.nations == (Nation.ENGLAND, Nation.WALES)
    assert route.name == BODY_NAMES["confidentiality"]  # two nations: the general name
    assert "confidentiality" in repr(route)


def test_a_body_required_in_one_nation_is_not_also_left_to_policy():
    """England and Scotland, people who may lack capacity, research not health-related. By
    hand: England -> an MCA appropriate body (statutory) -> the university REC would be its
    policy; Scotland -> s. 51 unsettled, no statutory committee -> the university REC is
    required. Merged: the university REC, required, with only its required finding."""
    members = Party("members", Capacity.RESEARCH_PARTICIPANT, tasks={Task.PROVIDE_OWN_DATA},
                    facts={"own_data_analysed": True, "consent_planned": True,
                           "may_lack_capacity": True, **ORDINARY})  # fmt: skip
    facts = {"generalisable": True, "approved_study_participants": False,
             "identifiable_patient_data": False, "prison_or_probation_setting": False,
             "personal_data": False, "health_related": False, "nhs_premises": False}  # fmt: skip
    activity = Activity("memories", parties=[members], facts=facts,
                        nations={Nation.ENGLAND, Nation.SCOTLAND})  # fmt: skip
    result = assess_activity(activity, as_at=ON)
    (university,) = [r for r in result.routes if r.body is ReviewBody.UNIVERSITY_REC]
    assert university.requirement is Requirement.REQUIRED
    assert university.rule_ids == ("ETH-ROUTE-UNIVERSITY-REC",)
    assert not result.has("ETH-ROUTE-UNIVERSITY-REC-POLICY")
    capacity = {r.nations: r.requirement for r in result.routes
                if r.body is ReviewBody.CAPACITY_BODY}  # fmt: skip
    assert capacity == {
        (Nation.ENGLAND,): Requirement.REQUIRED,
        (Nation.SCOTLAND,): Requirement.UNSETTLED,
    }
    assert result.open_questions == ()


def test_routes_come_most_senior_first_and_are_not_given_for_a_referral():
    people = Party("people", Capacity.RESEARCH_PARTICIPANT)
    referred = assess_activity(Activity("x", parties=[people]), as_at=ON)
    assert referred.outcome is TriageOutcome.REFER
    assert referred.routes == ()
    assert referred.open_questions == ()
    patient_facts = {**ORDINARY, "nhs_patients": True, "may_lack_capacity": False}
    members = Party("patients", Capacity.RESEARCH_PARTICIPANT, facts=patient_facts)
    facts = {"generalisable": True, "approved_study_participants": False,
             "identifiable_patient_data": False, "prison_or_probation_setting": False,
             "personal_data": True, "large_scale_special_category": True}  # fmt: skip
    result = assess_activity(
        Activity("x", parties=[members], facts=facts, setting="nhs", nations={Nation.WALES}),
        as_at=ON,
    )
    levels = [r.body.level for r in result.routes]
    assert levels == sorted(levels, reverse=True)
    assert result.route_level == 3
