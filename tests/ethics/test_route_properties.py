""":mod:`participatory.ethics.routing`: property tests of the review routes.

Invariants over activities with every mix of yes / no / unknown / not applicable:

- an unknown route fact is never silently decided: if a yes and a no would give different
  routes, the unknown result asks the question; the routes it does list hold either way;
- the nations are asked when the routes differ by nation;
- adding a vulnerable group (capacity, custody, age) never lowers the route;
- a route resting on a sensitive yes is kept apart and its finding withheld by default;
- the new inputs and outputs survive a JSON round trip.
"""

import datetime as dt
import json

from hypothesis import assume, event, given
from hypothesis import strategies as st

from participatory.core.errors import ValidationError
from participatory.core.serialise import unstructure
from participatory.ethics import (
    Activity,
    Answer,
    Capacity,
    Fact,
    Nation,
    OpenQuestion,
    Party,
    PartyStatus,
    QuestionKind,
    Requirement,
    ReviewRoute,
    TriageOutcome,
    assess_activity,
)
from participatory.ethics.documents import activity_document
from participatory.ethics.routing import route_key
from participatory.project.convert import project_converter
from participatory.testing import ethics as es

ON = dt.date(2026, 12, 6)
# Route facts the outcome may turn on too: a clinical trial of a medicine is research
# whatever the HRA questions say, and only health research can be one.
_OUTCOME_FACTS = (
    Fact.APPROVED_STUDY_PARTICIPANTS,
    Fact.WITHIN_APPROVED_SCOPE,
    Fact.HEALTH_RELATED,
    Fact.CLINICAL_TRIAL_OF_MEDICINE,
)


def triage(activity):
    return assess_activity(activity, as_at=ON)


def keys(result):
    return result.outcome, frozenset(route_key(r) for r in result.routes)


def bodies(result):
    return {r.body for r in result.routes}


def _with(activity, where, fact, answer):
    try:
        if where is None:
            return activity.with_answer(fact, answer)
        return activity.with_party_answer(where, fact, answer)
    except ValidationError:
        return None


def _route_facts(activity):
    for fact in (*es.ROUTE_FACTS, *_OUTCOME_FACTS):
        if fact in es.ACTIVITY_FACTS:
            yield None, fact
        else:
            yield from ((party.label, fact) for party in activity.parties)


def _answer(activity, where, fact):
    target = activity if where is None else activity.party(where)
    return target.answer(fact).effective


@given(es.settled_activities(), st.data())
def test_an_answer_that_would_change_the_routes_is_asked_never_guessed(activity, data):
    where, fact = data.draw(st.sampled_from(list(_route_facts(activity))))
    assume(_answer(activity, where, fact) is Answer.UNKNOWN)
    changed = {a: _with(activity, where, fact, a) for a in (Answer.YES, Answer.NO)}
    assume(all(c is not None for c in changed.values()))
    unknown, yes, no = triage(activity), triage(changed[Answer.YES]), triage(changed[Answer.NO])
    assume(unknown.outcome is not TriageOutcome.REFER)
    assume(yes.outcome is no.outcome is unknown.outcome)
    if keys(yes) != keys(no):
        event("the answer changes the routes")
        assert OpenQuestion(QuestionKind.ROUTE, fact, where) in unknown.open_questions
    # What the unknown result lists holds whichever way the question is answered.
    assert bodies(unknown) <= bodies(yes) & bodies(no)


def _in(activity, nations, parties=None):
    return Activity(
        activity.id,
        parties=activity.parties if parties is None else parties,
        facts=activity.facts,
        setting=activity.setting,
        nations=nations,
        approval=activity.approval,
    )


@given(es.settled_activities())
def test_the_nations_are_asked_when_the_routes_differ_by_nation(activity):
    activity = _in(activity, frozenset())
    unknown = triage(activity)
    assume(unknown.outcome is not TriageOutcome.REFER)
    each = {nation: triage(_in(activity, {nation})) for nation in Nation}
    if len({keys(result) for result in each.values()}) > 1:
        event("the routes differ by nation")
        assert OpenQuestion(QuestionKind.NATIONS) in unknown.open_questions
    for result in each.values():
        assert bodies(unknown) <= bodies(result)


_ANSWERABLE = (
    *es.ROUTE_FACTS,
    *_OUTCOME_FACTS,
    Fact.VULNERABLE,
    Fact.UNDER_18,
    Fact.UNDER_16,
    Fact.AGED_16_17,
)


@st.composite
def answered_activities(draw):
    """Activities with every route fact answered yes or no and the nations said."""
    activity = draw(es.settled_activities())
    if not activity.nations:
        activity = _in(activity, draw(st.frozensets(st.sampled_from(Nation), min_size=1)))
    targets = [(None, f) for f in _ANSWERABLE if f in es.ACTIVITY_FACTS]
    targets += [(p.label, f) for p in activity.parties for f in _ANSWERABLE if f in es.PARTY_FACTS]
    for where, fact in targets:
        if _answer(activity, where, fact) is Answer.UNKNOWN:
            answer = draw(st.sampled_from([Answer.YES, Answer.NO]))
            activity = (
                _with(activity, where, fact, answer)
                or _with(activity, where, fact, Answer.NO if answer is Answer.YES else Answer.YES)
                or activity
            )
    return activity


def _required_statutory(result):
    return sum(
        1 for r in result.routes if r.requirement is Requirement.REQUIRED and r.body.level == 3
    )


@given(answered_activities(), st.data())
def test_adding_a_vulnerable_group_never_lowers_the_route(activity, data):
    """A studied group found to include people who may lack capacity, people in custody, or
    children: the highest required route and the number of statutory bodies never fall."""
    before = triage(activity)
    assume(before.outcome is not TriageOutcome.REFER)
    studied = [r.label for r in before.roles if r.status is PartyStatus.PARTICIPANT]
    fact = data.draw(st.sampled_from(es.VULNERABLE_FACTS))
    if studied and data.draw(st.booleans()):
        changed = _with(activity, data.draw(st.sampled_from(studied)), fact, Answer.YES)
    else:
        answers = {f: data.draw(st.sampled_from([Answer.YES, Answer.NO]))
                   for f in es.ROUTE_FACTS if f in es.PARTY_FACTS}  # fmt: skip
        answers.update({Fact.OWN_DATA_ANALYSED: Answer.YES, fact: Answer.YES})
        try:
            group = Party("a vulnerable group", Capacity.RESEARCH_PARTICIPANT, facts=answers)
        except ValidationError:
            group = None
        changed = (
            None if group is None else _in(activity, activity.nations, [*activity.parties, group])
        )
    assume(changed is not None)
    after = triage(changed)
    assume(after.outcome is not TriageOutcome.REFER)
    event(f"route level {before.route_level} -> {after.route_level}")
    assert after.outcome.review_rank >= before.outcome.review_rank
    assert after.route_level >= before.route_level
    assert _required_statutory(after) >= _required_statutory(before)


@given(es.settled_activities())
def test_routes_resting_on_a_sensitive_yes_are_withheld_by_default(activity):
    result = triage(activity)
    # Each route as written on its own (the result as a whole is written as its default copy).
    data = {"routes": unstructure(list(result.routes))}
    for route, shown in zip(result.routes, data["routes"], strict=True):
        if route.sensitive:
            assert shown["withheld"] is True
            assert shown["body"] is None
            assert shown["decided_by"] is None
            assert route.body.value not in repr(route)
            for rule_id in route.rule_ids:
                assert all(f.sensitive for f in result.by_rule(rule_id))
        else:
            assert shown["body"] == route.body.value
    for route in result.routes:
        findings = [f for rule_id in route.rule_ids for f in result.by_rule(rule_id)]
        assert findings, route
        if route.requirement is Requirement.UNSETTLED:
            assert any(f.severity.value == "refer" for f in findings)


@given(es.activities())
def test_activities_with_the_new_inputs_round_trip_through_json(activity):
    data = json.loads(json.dumps(activity_document(activity, include_sensitive=True)))
    assert project_converter().structure(data, Activity) == activity


@given(es.review_routes(), es.open_questions())
def test_routes_and_open_questions_round_trip_through_json(route, question):
    converter = project_converter()
    route_data = json.loads(json.dumps(unstructure(route, include_sensitive=True)))
    question_data = json.loads(json.dumps(unstructure(question)))
    assert converter.structure(route_data, ReviewRoute) == route
    assert converter.structure(question_data, OpenQuestion) == question
