"""Scenarios from the guidance the triage implements, each worked by hand.

Sources (all in src/participatory/data/ethics_guidance.toml, verified flags there):
- NRES/INVOLVE joint guidance as summarised by INVOLVE (involve_nres_statement);
- HRA "Is my study research?" tool: research if ANY of its three questions is yes
  (criterion verified in the BHT trust tool and NRES 2008, wording paraphrased);
- Defining Research table rows (question / standard / REC review), via BSUH and HRB;
- Research Involvement and Engagement 2024 and Doria et al. 2018 (focus groups vs
  discussion groups).
"""

import datetime as dt

import pytest

from participatory.core.explain import Severity
from participatory.ethics import (
    Action,
    Activity,
    Capacity,
    EthicsProject,
    Outcome,
    Party,
    PartyStatus,
    Setting,
    Task,
    classify_activity,
    summarise_project,
)
from participatory.render.text import sentence

ON = dt.date(2026, 11, 25)
NOT_VULNERABLE = {"vulnerable": False, "under_18": False}


def classify(activity):
    result = classify_activity(activity, on=ON)
    for finding in result.findings:
        assert sentence(finding, locale="en_GB")  # every message key is defined
    return result


def adviser_activity(tasks, setting=Setting.NHS, label="patient advisers"):
    advisers = Party(
        label,
        Capacity.PUBLIC_CONTRIBUTOR,
        tasks=tasks,
        facts={"own_data_analysed": False, **NOT_VULNERABLE},
    )
    # The study itself is research (generalisable); the involvement activity is not.
    return Activity("advice", parties=[advisers], facts={"generalisable": True}, setting=setting)


def test_advisory_group_member_recruited_through_the_nhs_is_involvement():
    """Joint guidance (INVOLVE's summary): members of the public who plan or advise, e.g.
    "sitting on an advisory group", act as specialist advisers, so ethical approval is not
    needed for the involvement, "even when people are recruited via the NHS".

    By hand: one group, capacity adviser, task advise, own data not analysed -> nobody is a
    participant -> the HRA questions are not reached even though the study is generalisable
    -> INVOLVEMENT; the NHS point is stated; actions are role description, involvement log,
    payment; no ethics application.
    """
    result = classify(adviser_activity({Task.ADVISE}))
    assert result.outcome is Outcome.INVOLVEMENT
    assert result.has("ETH-INVOLVEMENT-ADVISORY")
    assert result.has("ETH-INVOLVEMENT-NHS")
    assert not result.has("ETH-HRA-GENERALISABLE")
    assert result.status_of("patient advisers") is PartyStatus.INVOLVED
    assert set(result.actions) == {
        Action.ROLE_DESCRIPTION,
        Action.INVOLVEMENT_LOG,
        Action.PAY_PER_POLICY,
    }
    assert result.worst is Severity.INFO


def test_co_applicant_is_involvement():
    """Joint guidance: "being a co-applicant" is involvement, no ethical approval needed.
    By hand: adviser capacity, tasks advise + co-design of the bid, data not analysed ->
    INVOLVEMENT.
    """
    result = classify(
        adviser_activity({Task.ADVISE, Task.CO_DESIGN}, Setting.UNIVERSITY, "co-applicant")
    )
    assert result.outcome is Outcome.INVOLVEMENT
    assert not result.has("ETH-INVOLVEMENT-NHS")  # not an NHS setting


def test_developing_a_questionnaire_is_involvement():
    """Joint guidance: "helping develop a protocol, questionnaire or information sheet" is
    involvement. By hand: task review documents, data not analysed -> INVOLVEMENT, cited to
    the advisory point (verified) and the consent-principles point (verified).
    """
    result = classify(adviser_activity({Task.REVIEW_DOCUMENTS}))
    assert result.outcome is Outcome.INVOLVEMENT
    (finding,) = result.by_rule("ETH-INVOLVEMENT-ADVISORY")
    titles = {c.title for c in finding.citations}
    assert any("research ethics committee review (statement)" in t for t in titles)
    assert all(c.verified for c in finding.citations)


def test_randomised_trial_is_research():
    """HRA tool: research if any answer is yes; NRES 2008: "if randomisation is used, it is
    research". By hand: patients take part in the intervention (participants), randomised =
    yes; the other two questions are unknown but cannot change a yes -> RESEARCH with
    ETH-HRA-RANDOMISATION, an ethics application, and consent for the participants.
    """
    trial = Activity(
        "trial",
        parties=[
            Party(
                "patients",
                Capacity.RESEARCH_PARTICIPANT,
                tasks={Task.TAKE_PART_IN_INTERVENTION},
                facts={"consent_planned": True, **NOT_VULNERABLE},
            )
        ],
        facts={"randomised": True},
        setting=Setting.NHS,
    )
    result = classify(trial)
    assert result.outcome is Outcome.RESEARCH
    assert result.has("ETH-HRA-RANDOMISATION")
    assert not result.has("ETH-REFER-UNKNOWN-FACT")
    assert Action.ETHICS_APPLICATION in result.actions
    assert result.has("ETH-CONSENT-PLANNED")
    (finding,) = result.by_rule("ETH-HRA-RANDOMISATION")
    assert finding.severity is Severity.WARNING
    assert finding.citations[0].reference == "question q1 (randomisation)"


def test_change_from_usual_care_is_research_even_when_not_generalisable():
    """HRA question 2 alone is enough (OR rule). By hand: randomised no, generalisable no,
    change from accepted standards yes -> RESEARCH (ETH-HRA-CHANGE-FROM-USUAL-CARE)."""
    activity = Activity(
        "pilot",
        parties=[Party("service users", Capacity.SERVICE_USER, facts=NOT_VULNERABLE)],
        facts={"randomised": False, "generalisable": False, "changes_usual_care": True},
    )
    result = classify(activity)
    assert result.outcome is Outcome.RESEARCH
    assert [f.rule_id for f in result.at_least(Severity.WARNING)] == [
        "ETH-HRA-CHANGE-FROM-USUAL-CARE"
    ]


NON_RESEARCH = {"randomised": False, "changes_usual_care": False, "generalisable": False}


@pytest.mark.parametrize(
    ("purpose", "expected", "rule_id", "question"),
    [
        (
            "measured_against_standard",
            Outcome.CLINICAL_AUDIT,
            "ETH-AUDIT",
            "Does this service reach a predetermined standard?",
        ),
        (
            "judges_current_service",
            Outcome.SERVICE_EVALUATION,
            "ETH-SERVICE-EVALUATION",
            "What standard does this service achieve?",
        ),
        (
            "population_health",
            Outcome.USUAL_PRACTICE,
            "ETH-USUAL-PRACTICE",
            "What are the health issues in this population",
        ),
    ],
)
def test_defining_research_table_columns(purpose, expected, rule_id, question):
    """Defining Research table, "question" row: audit asks "Does this service reach a
    predetermined standard?", service evaluation "What standard does this service
    achieve?", usual practice "What are the health issues in this population...?"; none
    needs REC review (rec_review row; the usual-practice cell was not read, so that
    citation is unverified).

    By hand: service users' questionnaires are analysed (they are the people looked at),
    all three HRA questions no, exactly one purpose yes and the other two no -> that column,
    local-governance action, no ethics application.
    """
    purposes = dict.fromkeys(
        ["measured_against_standard", "judges_current_service", "population_health"], False
    )
    purposes[purpose] = True
    activity = Activity(
        "evaluation",
        parties=[
            Party(
                "service users",
                Capacity.SERVICE_USER,
                tasks={Task.PROVIDE_OWN_DATA},
                facts={"own_data_analysed": True, **NOT_VULNERABLE},
            )
        ],
        facts={**NON_RESEARCH, **purposes},
        setting=Setting.NHS,
    )
    result = classify(activity)
    assert result.outcome is expected
    assert result.has("ETH-HRA-NOT-RESEARCH")
    (finding,) = result.by_rule(rule_id)
    assert question in finding.values["question"]
    assert set(result.actions) == {Action.LOCAL_GOVERNANCE}
    rec_review = [
        c for c in finding.citations if c.reference == "Defining Research table, row 'rec_review'"
    ]
    assert rec_review[0].verified is (expected is not Outcome.USUAL_PRACTICE)


def test_an_activity_spanning_two_columns_is_referred():
    """Defining Research table intro (verified): a project that spans columns is probably
    not clearly enough defined. By hand: audit yes and service evaluation yes -> REFER with
    ETH-REFER-SPANS-CATEGORIES."""
    activity = Activity(
        "mixed",
        parties=[Party("service users", Capacity.SERVICE_USER, facts=NOT_VULNERABLE)],
        facts={
            **NON_RESEARCH,
            "measured_against_standard": True,
            "judges_current_service": True,
            "population_health": False,
        },
    )
    result = classify(activity)
    assert result.outcome is Outcome.REFER
    assert result.has("ETH-REFER-SPANS-CATEGORIES")


def test_focus_group_whose_content_becomes_findings_is_research():
    """RIE 2024 (verified abstract): systematically collecting the public's views or
    experiences as data is research needing prior approval; Doria et al.: a "focus group"
    is research when its content is data. By hand: members' own views analysed -> they are
    participants; the study is designed to give transferable findings -> RESEARCH, with
    ETH-DATA-ANALYSED and ETH-HRA-GENERALISABLE; consent not yet said -> consent advice.
    """
    focus_group = Activity(
        "focus-group",
        parties=[
            Party(
                "focus group members",
                Capacity.PUBLIC_CONTRIBUTOR,
                tasks={Task.PROVIDE_OWN_DATA},
                facts={"own_data_analysed": True, **NOT_VULNERABLE},
            )
        ],
        facts={"generalisable": True},
    )
    result = classify(focus_group)
    assert result.outcome is Outcome.RESEARCH
    assert result.has("ETH-DATA-ANALYSED")
    assert result.has("ETH-HRA-GENERALISABLE")
    assert result.has("ETH-CONSENT-UNKNOWN")
    assert result.status_of("focus group members") is PartyStatus.PARTICIPANT
    assert {Action.ETHICS_APPLICATION, Action.CONSENT_AND_INFORMATION} <= set(result.actions)


def test_discussion_group_that_shapes_the_research_is_involvement():
    """Doria et al.: a "discussion group" whose contributions are not treated as data but
    shape decisions is engagement/involvement; CUREC FAQ A6: people giving views on the
    research are not human participants. By hand: same group, own data NOT analysed ->
    INVOLVEMENT, with ETH-DATA-NOT-ANALYSED."""
    group = Activity(
        "discussion-group",
        parties=[
            Party(
                "discussion group",
                Capacity.PUBLIC_CONTRIBUTOR,
                tasks={Task.PROVIDE_OWN_DATA, Task.ADVISE},
                facts={"own_data_analysed": False, **NOT_VULNERABLE},
            )
        ],
        facts={"generalisable": True},
    )
    result = classify(group)
    assert result.outcome is Outcome.INVOLVEMENT
    assert result.has("ETH-DATA-NOT-ANALYSED")


def test_advisory_group_asked_to_complete_a_health_questionnaire():
    """Oxford MSD (verified): for most research PPI contributors should not also be
    participants. Domain brief example: an advisory group asked to complete a questionnaire
    about their own health. By hand: activity 1 (advise, not analysed) -> INVOLVEMENT;
    activity 2 (their own health data analysed, study generalisable) -> RESEARCH; the three
    people are contributors AND participants -> three ETH-ROLE-OVERLAP warnings.
    """
    people = {"ana", "ben", "cai"}
    advice = Activity(
        "advisory-meetings",
        parties=[
            Party(
                "advisory group",
                Capacity.PUBLIC_CONTRIBUTOR,
                tasks={Task.ADVISE},
                facts={"own_data_analysed": False, **NOT_VULNERABLE},
                people=people,
            )
        ],
    )
    questionnaire = Activity(
        "health-questionnaire",
        parties=[
            Party(
                "advisory group",
                Capacity.PUBLIC_CONTRIBUTOR,
                tasks={Task.PROVIDE_OWN_DATA},
                facts={"own_data_analysed": True, **NOT_VULNERABLE},
                people=people,
            )
        ],
        facts={"generalisable": True},
    )
    summary = summarise_project(EthicsProject("study", activities=[advice, questionnaire]), on=ON)
    assert summary.classification("advisory-meetings").outcome is Outcome.INVOLVEMENT
    assert summary.classification("health-questionnaire").outcome is Outcome.RESEARCH
    assert summary.counts[Outcome.INVOLVEMENT] == 1
    assert summary.counts[Outcome.RESEARCH] == 1
    assert summary.needing_review == ("health-questionnaire",)
    assert summary.contributor_and_participant == ("ana", "ben", "cai")
    overlap = summary.by_rule("ETH-ROLE-OVERLAP")
    assert len(overlap) == 3
    assert sentence(overlap[0], locale="en_GB") == (
        "ana is a contributor in advisory-meetings and a research participant in "
        "health-questionnaire; for most research, contributors should not also be "
        "participants in the same study."
    )
