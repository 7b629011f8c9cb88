""":mod:`participatory.ethics.triage`: scenarios.

The report's own cases (Jopson 2022, ParticipatoryResearch@Bath), worked by hand.

Only the facts the report gives are set; everything else stays unknown, because the
triage must never assume the convenient answer. Where the report leaves the deciding
fact open, the expected result is a referral that names it.

Scenarios from the guidance the triage implements, each worked by hand.

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
    Fact,
    MissingFact,
    Party,
    PartyStatus,
    QuestionKind,
    Setting,
    Task,
    TriageOutcome,
    assess_activity,
)
from participatory.render.text import sentence

ON = dt.date(2026, 11, 25)


def classify(activity):
    result = assess_activity(activity, as_at=ON)
    for finding in result.findings:
        assert sentence(finding, locale="en_GB")  # every message key is defined
    return result


def smart_pillow(**workshop_facts):
    # Report (Imperial examples): "A series of public workshops to design and build a smart
    # pillow ... The workshops will address new research questions and will be used to
    # support future EPSRC grant applications." New research questions -> generalisable.
    members = Party(
        "workshop members", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.CO_DESIGN},
        facts=workshop_facts,
    )  # fmt: skip
    return Activity(
        "smart-pillow-workshops",
        parties=[members],
        facts={"generalisable": True},
        setting=Setting.UNIVERSITY,
    )


def kcl_interviews(**activity_facts):
    # Report (Virginia Elgar, KCL): young people "trained as co-researchers ... get trained
    # in research methods, write up findings, analyse data". The people they interview
    # give their own experiences, which are analysed.
    co_researchers = Party(
        "young co-researchers",
        Capacity.CO_RESEARCHER,
        tasks={Task.COLLECT_DATA, Task.ANALYSE_DATA, Task.DISSEMINATE},
        facts={"own_data_analysed": False},
        people={"yp1", "yp2"},
    )
    interviewees = Party(
        "interviewees",
        Capacity.RESEARCH_PARTICIPANT,
        tasks={Task.PROVIDE_OWN_DATA},
        facts={"own_data_analysed": True},
    )
    return Activity(
        "peer-interviews",
        parties=[co_researchers, interviewees],
        facts={"data_about_people": True, **activity_facts},
        setting=Setting.COMMUNITY,
    )


def test_smart_pillow_workshops_as_reported_are_referred_on_the_data_question():
    """The report does not say whether what members say or make in the workshops is
    recorded and analysed as data. Cambridge BRC: it depends on "what you do with the
    findings"; RIE 2024: collecting people's views as data is research.

    By hand: members' own data = unknown -> they may be participants. If yes: participants +
    generalisable -> research. If no: co-designers -> involvement. The answers differ, so
    REFER, naming own_data_analysed for "workshop members", with both branches stated.
    """
    result = classify(smart_pillow())
    assert result.outcome is TriageOutcome.REFER
    assert result.deciding_facts == (MissingFact(Fact.OWN_DATA_ANALYSED, "workshop members"),)
    (refer,) = result.by_rule("ETH-REFER-UNKNOWN-FACT")
    assert refer.severity is Severity.REFER
    assert refer.values["if_yes"] == TriageOutcome.RESEARCH.label
    assert refer.values["if_no"] == TriageOutcome.INVOLVEMENT.label
    assert "workshop members" in sentence(refer, locale="en_GB")
    assert result.status_of("workshop members") is PartyStatus.POSSIBLE_PARTICIPANT
    assert result.actions[0] is Action.REFER_TO_COMMITTEE
    # Age and vulnerability are not in the report either: asked, not assumed.
    assert result.has("ETH-SAFEGUARDING-UNKNOWN")


def test_smart_pillow_workshops_once_the_data_question_is_answered():
    """By hand: answered no -> co-design involvement (ETH-INVOLVEMENT-ADVISORY); answered
    yes -> participants in a generalisable study -> research (ETH-DATA-ANALYSED,
    ETH-HRA-GENERALISABLE)."""
    assert classify(smart_pillow(own_data_analysed=False)).outcome is TriageOutcome.INVOLVEMENT
    analysed = classify(smart_pillow(own_data_analysed=True))
    assert analysed.outcome is TriageOutcome.RESEARCH
    assert analysed.has("ETH-DATA-ANALYSED")
    assert analysed.has("ETH-HRA-GENERALISABLE")


def test_river_sampling_citizen_scientists_are_involved_without_human_participant_review():
    """Report: citizen scientists "monitor British freshwater rivers for chemical
    contaminants"; the project builds "a network of citizen scientists who can continue
    ongoing sampling". The samples are water, not people; the volunteers' own data is not
    the subject.

    By hand: co-researchers collect and analyse data; data about people = no; their own data
    not analysed -> nobody is a human participant -> INVOLVEMENT (citizen science), no
    ethics application for the sampling; co-researcher training/support, role description,
    involvement log and payment actions. The co-research rule is only partly verified in
    the data (ARC KSS, Oxford MSD), so its citation says unverified.
    """
    scientists = Party(
        "citizen scientists",
        Capacity.CO_RESEARCHER,
        tasks={Task.COLLECT_DATA, Task.ANALYSE_DATA},
        facts={"own_data_analysed": False},
    )
    sampling = Activity(
        "river-sampling",
        parties=[scientists],
        facts={"data_about_people": False},
        setting=Setting.COMMUNITY,
    )
    result = classify(sampling)
    assert result.outcome is TriageOutcome.INVOLVEMENT
    assert result.has("ETH-CO-RESEARCH-NON-HUMAN-DATA")
    assert result.has("ETH-INVOLVEMENT-CO-RESEARCH")
    assert Action.ETHICS_APPLICATION not in result.actions
    assert Action.CO_RESEARCHER_SUPPORT in result.actions
    (co_research,) = result.by_rule("ETH-INVOLVEMENT-CO-RESEARCH")
    assert [c.verified for c in co_research.citations] == [True, False, True]


def test_river_sampling_without_saying_what_is_sampled_is_referred():
    """By hand: the same activity with "data about people" unknown -> if yes the sampled
    people are participants (the HRA questions would then be unanswered -> refer); if no
    -> involvement. REFER naming data_about_people."""
    scientists = Party(
        "citizen scientists", Capacity.CO_RESEARCHER, tasks={Task.COLLECT_DATA},
        facts={"own_data_analysed": False},
    )  # fmt: skip
    result = classify(Activity("river-sampling", parties=[scientists]))
    assert result.outcome is TriageOutcome.REFER
    assert result.deciding_facts == (MissingFact(Fact.DATA_ABOUT_PEOPLE),)


def test_kcl_co_researchers_are_involved_and_their_interviewees_are_participants():
    """Joint guidance (domain brief, partly verified via ARC KSS and Oxford MSD): when the
    public help conduct research, the study is reviewed because of its participants.

    By hand, with the report's facts only: co-researchers -> INVOLVED (own data not
    analysed); interviewees -> PARTICIPANT. Participants exist, so the HRA questions
    decide, and the report answers none of them -> REFER naming randomised, changes usual
    care and generalisable. Training/support for co-researchers is asked for either way.
    """
    result = classify(kcl_interviews())
    assert result.status_of("young co-researchers") is PartyStatus.INVOLVED
    assert result.status_of("interviewees") is PartyStatus.PARTICIPANT
    assert result.outcome is TriageOutcome.REFER
    assert {m.fact for m in result.deciding_facts} == {
        Fact.RANDOMISED,
        Fact.CHANGES_USUAL_CARE,
        Fact.GENERALISABLE,
    }
    assert result.has("ETH-INVOLVEMENT-CO-RESEARCH")
    assert result.has("ETH-CO-RESEARCH-PARTICIPANTS")
    assert Action.CO_RESEARCHER_SUPPORT in result.actions


def test_kcl_interviews_designed_to_be_transferable_are_research():
    """By hand: the same, with findings meant to be transferable (written up for others)
    -> HRA question 3 yes -> RESEARCH: ethics application for the interviews, consent for
    the interviewees, and the co-researchers still involved, not participants."""
    result = classify(kcl_interviews(generalisable=True))
    assert result.outcome is TriageOutcome.RESEARCH
    assert result.status_of("young co-researchers") is PartyStatus.INVOLVED
    assert {Action.ETHICS_APPLICATION, Action.CONSENT_AND_INFORMATION,
            Action.CO_RESEARCHER_SUPPORT} <= set(result.actions)  # fmt: skip


NOT_VULNERABLE = {"vulnerable": False, "under_18": False}


def adviser_activity(tasks, setting=Setting.NHS, label="patient advisers"):
    advisers = Party(
        label,
        Capacity.PUBLIC_CONTRIBUTOR,
        tasks=tasks,
        facts={"own_data_analysed": False, **NOT_VULNERABLE},
    )
    # The study itself is research (generalisable); the involvement activity is not.
    return Activity("advice", parties=[advisers], facts={"generalisable": True}, setting=setting)


NON_RESEARCH = {"randomised": False, "changes_usual_care": False, "generalisable": False}


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
    assert result.outcome is TriageOutcome.INVOLVEMENT
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
    assert result.outcome is TriageOutcome.INVOLVEMENT
    assert not result.has("ETH-INVOLVEMENT-NHS")  # not an NHS setting


def test_developing_a_questionnaire_is_involvement():
    """Joint guidance: "helping develop a protocol, questionnaire or information sheet" is
    involvement. By hand: task review documents, data not analysed -> INVOLVEMENT, cited to
    the advisory point (NRES/INVOLVE, read at INVOLVE: verified) and the consent-principles
    point (Oxford MSD: verified); ARC KSS's restatement of the HRA is secondary, so not.
    """
    result = classify(adviser_activity({Task.REVIEW_DOCUMENTS}))
    assert result.outcome is TriageOutcome.INVOLVEMENT
    (finding,) = result.by_rule("ETH-INVOLVEMENT-ADVISORY")
    by_key = {c.key: c.verified for c in finding.citations}
    assert by_key["involve_nres_statement"] is True
    assert by_key["oxford_msd_ppi_ethics"] is True
    assert by_key["arc_kss_pcie_ethics"] is False


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
    assert result.outcome is TriageOutcome.RESEARCH
    assert result.has("ETH-HRA-RANDOMISATION")
    assert not result.has("ETH-REFER-UNKNOWN-FACT")
    assert Action.ETHICS_APPLICATION in result.actions
    assert result.has("ETH-CONSENT-PLANNED")
    (finding,) = result.by_rule("ETH-HRA-RANDOMISATION")
    assert finding.severity is Severity.WARNING
    assert finding.citations[0].pinpoint == "question q1 (randomisation)"
    assert finding.citations[0].verified is False  # the HRA's question pages were not read


def test_change_from_usual_care_is_research_even_when_not_generalisable():
    """HRA question 2 alone is enough (OR rule). By hand: randomised no, generalisable no,
    change from accepted standards yes -> RESEARCH (ETH-HRA-CHANGE-FROM-USUAL-CARE)."""
    activity = Activity(
        "pilot",
        parties=[Party("service users", Capacity.SERVICE_USER, facts=NOT_VULNERABLE)],
        facts={"randomised": False, "generalisable": False, "changes_usual_care": True},
    )
    result = classify(activity)
    assert result.outcome is TriageOutcome.RESEARCH
    assert [f.rule_id for f in result.at_least(Severity.WARNING)] == [
        "ETH-HRA-CHANGE-FROM-USUAL-CARE"
    ]


@pytest.mark.parametrize(
    ("purpose", "expected", "rule_id", "question"),
    [
        (
            "measured_against_standard",
            TriageOutcome.CLINICAL_AUDIT,
            "ETH-AUDIT",
            "Does this service reach a predetermined standard?",
        ),
        (
            "judges_current_service",
            TriageOutcome.SERVICE_EVALUATION,
            "ETH-SERVICE-EVALUATION",
            "What standard does this service achieve?",
        ),
        (
            "population_health",
            TriageOutcome.USUAL_PRACTICE,
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
    assert Action.LOCAL_GOVERNANCE in result.actions
    assert not {Action.ETHICS_APPLICATION, Action.REFER_TO_COMMITTEE} & set(result.actions)
    rec_review = [
        c for c in finding.citations if c.pinpoint == "Defining Research table, row 'rec_review'"
    ]
    # The rows were read only in restatements of the table (secondary): never verified.
    assert rec_review[0].verified is False


def test_an_activity_spanning_two_columns_is_not_research_of_a_kind_to_settle():
    """Every HRA question is no, so the HRA tool says it is not research: no HRA Approval or
    NHS REC; the clinical governance or R&D office advises on local review (HRA, What
    approvals, verified). The table says each kind has its own governance requirements. By
    hand: audit yes and service evaluation yes -> not one column -> NOT_RESEARCH with
    ETH-NOT-RESEARCH-SPANS naming both, routed to local governance, no committee."""
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
    assert result.outcome is TriageOutcome.NOT_RESEARCH
    (spans,) = result.by_rule("ETH-NOT-RESEARCH-SPANS")
    assert list(spans.values["categories"]) == ["clinical audit", "service evaluation"]
    assert Action.REFER_TO_COMMITTEE not in result.actions


def test_not_research_with_the_kind_unknown_is_routed_to_local_governance():
    """Issue 20: when every HRA question is no and the kind is not said, the triage used to
    refer the case to a committee. By hand: all HRA no, the three columns unknown ->
    NOT_RESEARCH, local governance, the three columns as questions still to settle (not
    deciding facts), no referral."""
    activity = Activity(
        "evaluation",
        parties=[Party("service users", Capacity.SERVICE_USER, facts=NOT_VULNERABLE)],
        facts=NON_RESEARCH,
    )
    result = classify(activity)
    assert result.outcome is TriageOutcome.NOT_RESEARCH
    assert result.outcome.review_rank == 1
    assert not result.deciding_facts
    kinds = [q.fact for q in result.open_questions if q.kind is QuestionKind.ACTIVITY_KIND]
    assert kinds == [Fact.MEASURED_AGAINST_STANDARD, Fact.JUDGES_CURRENT_SERVICE,
                     Fact.POPULATION_HEALTH]  # fmt: skip
    assert result.has("ETH-NOT-RESEARCH-KIND-OPEN")
    assert {Action.LOCAL_GOVERNANCE, Action.SETTLE_ACTIVITY_KIND} <= set(result.actions)
    assert not result.at_least(Severity.REFER)


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
    assert result.outcome is TriageOutcome.RESEARCH
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
    assert result.outcome is TriageOutcome.INVOLVEMENT
    assert result.has("ETH-DATA-NOT-ANALYSED")
