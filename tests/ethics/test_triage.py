import ast
import datetime as dt
import re
from pathlib import Path

from participatory.ethics import (
    Action,
    Activity,
    Capacity,
    Fact,
    Party,
    Task,
    TriageOutcome,
    assess_activity,
)
from participatory.ethics import messages as ethics_messages
from participatory.ethics.bodies import BODY_NAMES
from participatory.ethics.outcomes import PartyStatus
from participatory.ethics.referral import referral_key
from participatory.ethics.route_rules import ROUTE_RULES
from participatory.ethics.triage import HRA_RULE_IDS
from participatory.render.templates import message_keys
from participatory.render.text import sentence

ON = dt.date(2026, 11, 25)
SOURCE = Path(ethics_messages.__file__).parent


def _keys_passed_to_add(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "add":
            key = node.args[2] if len(node.args) > 2 else None
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                yield f"ethics.{key.value}"


def test_every_message_key_written_in_the_engine_is_defined():
    used = set()
    for path in SOURCE.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(_keys_passed_to_add(ast.parse(text)))
        used |= set(re.findall(r'"(ethics\.[a-z_.]+)"', text))
    # Keys computed at run time: the Defining Research outcomes and the actions.
    used |= {f"ethics.{o.value}" for o in (TriageOutcome.CLINICAL_AUDIT,
                                           TriageOutcome.SERVICE_EVALUATION,
                                           TriageOutcome.USUAL_PRACTICE)}  # fmt: skip
    used |= {"ethics.consent_missing", "ethics.consent_unknown"}
    used |= {a.value for a in Action}
    # The referral's honest variants, each route rule's sentence and each body's name.
    used |= {f"ethics.{referral_key(y, n)}" for y in TriageOutcome for n in TriageOutcome}
    used |= {f"ethics.{rule.key}" for rule in ROUTE_RULES}
    used |= {f"ethics.body.{key}" for key in BODY_NAMES}
    assert len(used) > 100
    assert used <= message_keys()


def test_audience_only_is_engagement():
    visitors = Party("visitors", Capacity.EVENT_AUDIENCE, tasks={Task.ATTEND_EVENT},
                     facts={"own_data_analysed": False})  # fmt: skip
    result = assess_activity(Activity("festival", parties=[visitors]), as_at=ON)
    assert result.outcome is TriageOutcome.ENGAGEMENT
    assert result.has("ETH-ENGAGEMENT")
    assert result.as_at == ON


def test_audience_whose_feedback_is_analysed_is_not_engagement():
    visitors = Party("visitors", Capacity.EVENT_AUDIENCE, facts={"own_data_analysed": True})
    result = assess_activity(Activity("festival", parties=[visitors]), as_at=ON)
    assert result.outcome is TriageOutcome.REFER  # participants, HRA questions unanswered
    assert {m.fact for m in result.deciding_facts} == set(HRA_RULE_IDS)


def test_participants_with_all_no_and_no_purpose_are_not_research_of_a_kind_to_settle():
    """HRA: a project not managed as research needs no HRA Approval or NHS REC; the local
    office advises. Fitting no column of the table does not make it research: NOT_RESEARCH,
    settled locally, never a referral to an ethics committee."""
    people = Party("people", Capacity.RESEARCH_PARTICIPANT)
    facts = dict.fromkeys(
        ["randomised", "changes_usual_care", "generalisable", "measured_against_standard",
         "judges_current_service", "population_health"], False)  # fmt: skip
    result = assess_activity(Activity("x", parties=[people], facts=facts), as_at=ON)
    assert result.outcome is TriageOutcome.NOT_RESEARCH
    assert result.has("ETH-NOT-RESEARCH-UNCLASSIFIED")
    assert not result.deciding_facts
    assert Action.SETTLE_ACTIVITY_KIND in result.actions
    assert Action.REFER_TO_COMMITTEE not in result.actions


def test_unresolved_party_is_flagged_when_the_outcome_does_not_turn_on_it():
    participants = Party(
        "patients", Capacity.RESEARCH_PARTICIPANT, facts={"consent_planned": False}
    )
    unsure = Party("carers", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.ADVISE})
    activity = Activity("trial", parties=[participants, unsure], facts={"randomised": True})
    result = assess_activity(activity, as_at=ON)
    assert result.outcome is TriageOutcome.RESEARCH
    assert not result.deciding_facts
    (flag,) = result.by_rule("ETH-PARTY-STATUS-UNKNOWN")
    assert flag.values["party"] == "carers"
    assert result.has("ETH-CONSENT-MISSING")


def test_refer_for_an_activity_fact_names_the_activity():
    people = Party("people", Capacity.RESEARCH_PARTICIPANT)
    result = assess_activity(
        Activity("x", parties=[people], facts={"randomised": False, "changes_usual_care": False}),
        as_at=ON,
    )
    (refer,) = result.by_rule("ETH-REFER-UNKNOWN-FACT")
    assert refer.values["party"] == "the activity"
    assert refer.values["if_yes"] == TriageOutcome.RESEARCH.label
    # No: every HRA question no -> not research, its kind still to settle (not a referral).
    assert refer.values["if_no"] == TriageOutcome.NOT_RESEARCH.label
    assert refer.message_key == "ethics.refer_unknown"  # both answers settle it: deciding
    assert result.deciding_facts[0].fact is Fact.GENERALISABLE
    assert result.deciding_facts[0].party is None


def test_findings_name_their_subject():
    adviser = Party("advisers", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.ADVISE},
                    facts={"own_data_analysed": False})  # fmt: skip
    result = assess_activity(Activity("meet", parties=[adviser]), as_at=ON)
    assert {f.subject for f in result.findings} == {"meet/advisers"}


def test_a_question_is_called_deciding_only_when_both_answers_settle_the_case():
    """Issue 20: with the three HRA questions open, randomisation alone does not decide the
    case. By hand: randomised yes -> research; no -> the other two questions still open ->
    the finding says so, and does not say the answer decides it."""
    people = Party("people", Capacity.RESEARCH_PARTICIPANT)
    result = assess_activity(Activity("x", parties=[people]), as_at=ON)
    by_fact = {f.values["fact"]: f for f in result.by_rule("ETH-REFER-UNKNOWN-FACT")}
    randomised = by_fact[Fact.RANDOMISED.question]
    assert randomised.message_key == "ethics.refer_unknown_if_yes"
    text = sentence(randomised, locale="en_GB")
    assert "decides the case" not in text
    assert "If yes, the activity is research with human participants" in text
    assert "still turns on the other open questions" in text


def test_two_open_groups_leave_each_answer_open():
    """Two groups whose own data may be analysed: neither answer settles the case alone
    when the other group is still open and the HRA questions are unanswered."""
    one = Party("one", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.PROVIDE_OWN_DATA})
    two = Party("two", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.PROVIDE_OWN_DATA})
    result = assess_activity(Activity("x", parties=[one, two]), as_at=ON)
    keys = {f.message_key for f in result.by_rule("ETH-REFER-UNKNOWN-FACT")}
    assert keys == {"ethics.refer_unknown_open"}
    assert len(result.deciding_facts) == 2


def test_the_same_person_as_contributor_and_participant_in_one_activity_is_caught_there():
    """Oxford MSD: contributors should not usually be participants in the same study. By
    hand: p1 advises (involved) and is interviewed (participant) in the same activity ->
    ETH-ROLE-OVERLAP-IN-ACTIVITY in that activity's own triage, naming both groups."""
    advisers = Party("advisers", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.ADVISE},
                     facts={"own_data_analysed": False}, people={"p1", "p2"})  # fmt: skip
    interviewees = Party("interviewees", Capacity.RESEARCH_PARTICIPANT, people={"p1", "p3"})
    maybe = Party("carers", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.PROVIDE_OWN_DATA},
                  people={"p2"})  # fmt: skip
    result = assess_activity(
        Activity("x", parties=[advisers, interviewees, maybe], facts={"generalisable": True}),
        as_at=ON,
    )
    (overlap,) = result.by_rule("ETH-ROLE-OVERLAP-IN-ACTIVITY")
    assert overlap.values["person"] == "p1"
    assert list(overlap.values["contributor_in"]) == ["advisers"]
    assert list(overlap.values["participant_in"]) == ["interviewees"]
    assert Action.SEPARATE_ROLES in result.actions
    (possible,) = result.by_rule("ETH-POSSIBLE-ROLE-OVERLAP-IN-ACTIVITY")
    assert possible.values["person"] == "p2"


def test_staff_who_examine_records_make_the_records_subjects_participants():
    """An audit of records with no public group: the people the data is about are the
    activity's participants, so the HRA questions and the table decide it."""
    team = Party("audit team", Capacity.STAFF, tasks={Task.ANALYSE_DATA},
                 facts={"own_data_analysed": False})  # fmt: skip
    facts = {"data_about_people": True, "approved_study_participants": False,
             "randomised": False, "changes_usual_care": False, "generalisable": False,
             "measured_against_standard": True, "judges_current_service": False,
             "population_health": False}  # fmt: skip
    result = assess_activity(Activity("audit", parties=[team], facts=facts), as_at=ON)
    assert result.outcome is TriageOutcome.CLINICAL_AUDIT
    assert result.has("ETH-STAFF-DATA-ABOUT-PEOPLE")
    assert result.status_of("audit team") is PartyStatus.STAFF


def test_staff_handling_data_about_nobody_study_nobody():
    team = Party("lab team", Capacity.STAFF, tasks={Task.ANALYSE_DATA},
                 facts={"own_data_analysed": False})  # fmt: skip
    result = assess_activity(
        Activity("samples", parties=[team], facts={"data_about_people": False}), as_at=ON
    )
    assert result.outcome is TriageOutcome.NO_PEOPLE_STUDIED
    assert result.outcome.review_rank == 0
    assert result.has("ETH-NO-PEOPLE-STUDIED")
    assert not result.routes
