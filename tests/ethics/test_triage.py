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
from participatory.ethics.triage import HRA_RULE_IDS
from participatory.render.templates import message_keys

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
    assert len(used) > 30
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


def test_participants_with_all_no_and_no_purpose_are_referred_as_unclassified():
    people = Party("people", Capacity.RESEARCH_PARTICIPANT)
    facts = dict.fromkeys(
        ["randomised", "changes_usual_care", "generalisable", "measured_against_standard",
         "judges_current_service", "population_health"], False)  # fmt: skip
    result = assess_activity(Activity("x", parties=[people], facts=facts), as_at=ON)
    assert result.outcome is TriageOutcome.REFER
    assert result.has("ETH-REFER-UNCLASSIFIED")
    assert not result.deciding_facts


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
    assert refer.values["if_no"] == TriageOutcome.REFER.label  # the table's purposes are unanswered
    assert result.deciding_facts[0].fact is Fact.GENERALISABLE
    assert result.deciding_facts[0].party is None


def test_findings_name_their_subject():
    adviser = Party("advisers", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.ADVISE},
                    facts={"own_data_analysed": False})  # fmt: skip
    result = assess_activity(Activity("meet", parties=[adviser]), as_at=ON)
    assert {f.subject for f in result.findings} == {"meet/advisers"}
