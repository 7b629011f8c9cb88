""":mod:`participatory.ethics.project`: property tests.

Invariants of the ethics triage, over activities with every mix of yes / no / unknown.
"""

import datetime as dt

from hypothesis import given

from participatory.ethics import (
    TriageOutcome,
    assess_activity,
    assess_ethics,
)
from participatory.testing import ethics as es

ON = dt.date(2026, 11, 25)


@given(es.projects())
def test_project_summary_adds_up(project):
    summary = assess_ethics(project, as_at=ON)
    assert sum(summary.counts.values()) == len(project.activities)
    assert set(summary.counts) == set(TriageOutcome)
    for activity, result in zip(project.activities, summary.activities, strict=True):
        assert result == assess_activity(activity, as_at=ON)
    assert set(summary.needing_review) == {
        r.activity_id for r in summary.activities if r.outcome is TriageOutcome.RESEARCH
    }
    assert set(summary.referred) == {
        r.activity_id for r in summary.activities if r.outcome is TriageOutcome.REFER
    }
    assert not set(summary.contributor_and_participant) & set(
        summary.possibly_contributor_and_participant
    )
    # Each person with both roles is named once: by the project when the roles are in two
    # activities, by the activity's own triage when they are in one.
    across = {f.subject for f in summary.by_rule("ETH-ROLE-OVERLAP")}
    within = {f.values["person"] for f in summary.by_rule("ETH-ROLE-OVERLAP-IN-ACTIVITY")}
    assert set(summary.contributor_and_participant) == across | within
