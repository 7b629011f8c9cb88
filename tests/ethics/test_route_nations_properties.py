""":mod:`participatory.ethics.routing`: questions answered without running the triage again.

With the nations not yet said, the planner has already worked out every rule's condition in
every nation. It answers "the routes if the activity were in this nation alone" from those
drafts (:func:`~participatory.ethics.routing._nation_state`) instead of running the triage
again for each nation; these tests compare the two on generated activities, and the whole
result (findings and questions) with the activity's nations said one at a time.

A fact only the routes read is tried by reading again just the rules that read it, from a
view that keeps the shared parts of conditions that did not read it
(:func:`~participatory.ethics.routing._revised`): compared with the whole triage run again
with that one answer given.
"""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import example, given, settings
from hypothesis import strategies as st

from participatory.core.nations import Nation
from participatory.ethics import (
    Activity,
    Capacity,
    Party,
    Setting,
    TriageOutcome,
    assess_activity,
)
from participatory.ethics.facts import Answer
from participatory.ethics.guidance import bundled_guidance
from participatory.ethics.route_logic import RouteView
from participatory.ethics.route_rules import ROUTE_ONLY_FACTS
from participatory.ethics.routing import _asked_again, _drafts, _nation_state, _Revisions
from participatory.ethics.triage import _Triage
from participatory.testing import ethics as es

ON = dt.date(2026, 12, 6)


@settings(max_examples=150, deadline=None)
@given(es.activities())
def test_each_nations_routes_from_the_drafts_are_a_fresh_triages(activity: Activity) -> None:
    activity = attrs.evolve(activity, nations=frozenset())
    triage = _Triage(activity, bundled_guidance(), explain=True)
    situation = triage.situation()
    drafts = _drafts(RouteView(situation), frozenset())
    for nation in Nation:
        # What the planner asked before: the triage run again, in that nation alone.
        again = triage.route_state({}, frozenset({nation}))
        assert _nation_state(situation, drafts, nation) == again


@settings(max_examples=60, deadline=None)
@given(es.activities(), st.sampled_from(list(Nation)))
def test_the_nations_question_lists_what_a_nation_said_gives(
    activity: Activity, nation: Nation
) -> None:
    """Saying the nation gives the routes the question named for it (or asks nothing)."""
    unsaid = assess_activity(attrs.evolve(activity, nations=frozenset()), as_at=ON)
    said = assess_activity(attrs.evolve(activity, nations=frozenset({nation})), as_at=ON)
    assert said.outcome == unsaid.outcome
    if unsaid.outcome is not TriageOutcome.REFER:
        asked = [f for f in unsaid.findings if f.rule_id == "ETH-ROUTE-NATIONS"]
        assert len(asked) <= 1
        if asked:
            assert nation.label in asked[0].values["by_nation"]


#: Randomised research in an NHS setting with adult social care users whose own data is
#: analysed: whether they are in custody is open, and a yes sets a university REC route
#: apart without changing any condition's answer.
_CUSTODY_OPEN = Activity(
    "a1",
    parties=[
        Party(
            "group 0",
            Capacity.PUBLIC_CONTRIBUTOR,
            facts={"adult_social_care_users": True, "own_data_analysed": True},
        )
    ],
    facts={"randomised": True},
    setting=Setting.NHS,
)


@settings(max_examples=150, deadline=None)
@given(es.activities() | es.settled_activities())
@example(_CUSTODY_OPEN)
def test_a_route_only_answer_gives_the_routes_a_fresh_triage_gives(activity: Activity) -> None:
    """Each open route-only fact, answered yes and then no from the same view, leads to the
    routes the whole triage gives with that answer (the view's shared parts are not spoilt
    by one answer for the next). A sensitive fact answered yes sets routes apart with the
    same answers: found by this test (a group that might be in custody), and fixed."""
    triage = _Triage(activity, bundled_guidance(), explain=False)
    if triage.outcome is TriageOutcome.REFER:
        return
    nations = triage.nations
    view = RouteView(triage.situation())
    drafts = _drafts(view, nations)
    revise = _Revisions(drafts, view, nations)
    reads = dict.fromkeys(
        read
        for d in drafts
        if d.answer is Answer.UNKNOWN
        for read, answer in d.reads.items()
        if answer is Answer.UNKNOWN and read[1] in ROUTE_ONLY_FACTS
    )
    for read in reads:
        for answer in (Answer.YES, Answer.NO):
            revised = revise(read, answer)
            assert revised == triage.route_state({read: answer}, nations), (read, answer)


@settings(max_examples=150, deadline=None)
@given(es.activities() | es.settled_activities())
def test_an_answer_that_leaves_who_is_studied_gives_the_routes_a_fresh_triage_gives(
    activity: Activity,
) -> None:
    """Issue 18: a fact the outcome may turn on (an approved study's participants, its
    scope) is asked by running the triage again; when the answer leaves the outcome, the
    groups' statuses and what they do as they were, only the rules that read the fact are
    read again. The routes so found are those of the whole triage with that answer."""
    triage = _Triage(activity, bundled_guidance(), explain=False)
    if triage.outcome is TriageOutcome.REFER:
        return
    nations = triage.nations
    view = RouteView(triage.situation())
    drafts = _drafts(view, nations)
    revise = _Revisions(drafts, view, nations)
    reads = dict.fromkeys(
        read
        for d in drafts
        if d.answer is Answer.UNKNOWN
        for read, answer in d.reads.items()
        if answer is Answer.UNKNOWN and read[1] not in ROUTE_ONLY_FACTS
    )
    for read in reads:
        for answer in (Answer.YES, Answer.NO):
            fresh = triage.route_state({read: answer}, nations)
            assert _asked_again(revise, triage.situation_if, read, answer, nations) == fresh
