""":mod:`participatory.ethics.routing`: the nations question reads no rule again.

With the nations not yet said, the planner has already worked out every rule's condition in
every nation. It answers "the routes if the activity were in this nation alone" from those
drafts (:func:`~participatory.ethics.routing._nation_state`) instead of running the triage
again for each nation; these tests compare the two on generated activities, and the whole
result (findings and questions) with the activity's nations said one at a time.
"""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.core.nations import Nation
from participatory.ethics import Activity, TriageOutcome, assess_activity
from participatory.ethics.guidance import bundled_guidance
from participatory.ethics.routing import _drafts, _nation_state
from participatory.ethics.triage import _Triage
from participatory.testing import ethics as es

ON = dt.date(2026, 12, 6)


@settings(max_examples=150, deadline=None)
@given(es.activities())
def test_each_nations_routes_from_the_drafts_are_a_fresh_triages(activity: Activity) -> None:
    activity = attrs.evolve(activity, nations=frozenset())
    triage = _Triage(activity, bundled_guidance(), explain=True)
    situation = triage.situation()
    drafts = _drafts(situation, frozenset())
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
