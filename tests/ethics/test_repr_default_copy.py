"""A triage's ``repr`` (and a project summary's) is that of its default copy.

hardening.md: a log line or a traceback of any result shows none of the withheld data. A
group's safeguarding answers (capacity, custody, age, vulnerability) are withheld; a
triage with a yes holds findings and routes a no does not, so its own fields, shown as they
are, would differ with the answer. Its repr is the default copy's: the triage of the same
activity with every such yes read as no (what default output writes since round 13).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings

from participatory.core.record import field_repr
from participatory.ethics import Activity, EthicsProject, assess_activity, assess_ethics
from participatory.testing.ethics import activities

ON = dt.date(2026, 12, 7)


@settings(max_examples=80, deadline=None)
@given(activities())
def test_a_triage_reads_as_the_triage_of_its_yes_read_as_no(activity: Activity) -> None:
    triage = assess_activity(activity, as_at=ON)
    as_no = assess_activity(activity.with_sensitive_yes_as_no(), as_at=ON)
    assert repr(triage) == repr(as_no) == str(triage)
    assert repr(triage) == field_repr(triage.shown(include_sensitive=False))


@settings(max_examples=40, deadline=None)
@given(activities())
def test_a_project_summary_reads_as_its_default_copy(activity: Activity) -> None:
    summary = assess_ethics(EthicsProject("p", (activity,)), as_at=ON)
    as_no = assess_ethics(EthicsProject("p", (activity.with_sensitive_yes_as_no(),)), as_at=ON)
    assert repr(summary) == repr(as_no)
