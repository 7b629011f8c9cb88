""":mod:`participatory.timeline.assess`: hardening: dates at the ends of the calendar.

Issue 17: a timeline stage ending 9999-12-31, or with a huge conventional day count, raised
``OverflowError`` from ``date + timedelta``. The schedule is now worked in day numbers with
the last day checked, and a conventional estimate is at most a hundred years; each is the
library's own error naming the stage.

The general test draws plans anywhere in the calendar, from 1 January of year 1 to
31 December 9999, with any estimate up to the maximum: each gives an assessment or the
library's error, never another exception.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.core.errors import ParticipatoryError, ValidationError
from participatory.roles.stages import ResearchStage
from participatory.timeline.assess import assess_timeline
from participatory.timeline.plan import MAX_CONVENTIONAL_DAYS, Deadline, PlannedStage, Timeline

_AS_AT = dt.date(2026, 7, 1)


def test_a_co_produced_stage_ending_on_the_last_day_is_the_librarys_error() -> None:
    """Issue 17: ``OverflowError: date value out of range``."""
    plan = Timeline(stages=[
        PlannedStage("delivery", "9999-01-01", "9999-12-31", co_produced=True,
                     conventional_days=1000),
    ])  # fmt: skip
    with pytest.raises(ValidationError, match=r"stages\[0\]: would end after 31 December 9999"):
        assess_timeline(plan, as_at=_AS_AT)


def test_a_huge_day_count_is_refused_when_the_stage_is_made() -> None:
    with pytest.raises(ValidationError, match="at most 36,525 days"):
        PlannedStage("delivery", "2026-01-01", "2026-02-01", conventional_days=999_999_999)


def test_a_stage_starting_on_the_first_day_has_no_day_before_it() -> None:
    plan = Timeline(stages=[
        PlannedStage("relationship_building", "0001-01-01", "0001-01-31"),
        PlannedStage("application", "0001-01-01", "0001-03-01"),
    ])  # fmt: skip
    assert assess_timeline(plan, as_at=_AS_AT).pre_application_days == 0


_DAYS = st.dates(dt.date.min, dt.date.max)


@st.composite
def _stages(draw: st.DrawFn) -> list[PlannedStage]:
    kinds = draw(st.lists(st.sampled_from(list(ResearchStage)), min_size=1, max_size=5,
                          unique=True))  # fmt: skip
    stages = []
    for kind in kinds:
        start = draw(_DAYS)
        end = draw(st.dates(start, dt.date.max))
        stages.append(
            PlannedStage(
                kind,
                start,
                end,
                co_produced=draw(st.booleans()),
                conventional_days=draw(st.none() | st.integers(1, MAX_CONVENTIONAL_DAYS)),
            )
        )
    return stages


@settings(max_examples=300, deadline=None)
@given(stages=_stages(), due=_DAYS, as_at=st.dates(dt.date(2022, 7, 1), dt.date(2027, 12, 31)))
def test_any_plan_in_the_calendar_is_assessed_or_refused_cleanly(
    tried: Counter[str], stages: list[PlannedStage], due: dt.date, as_at: dt.date
) -> None:
    tried["timelines anywhere in the calendar"] += 1
    deadline = Deadline("the end", due, stages[0].kind)
    try:
        result = assess_timeline(Timeline(stages=stages, deadlines=[deadline]), as_at=as_at)
    except ParticipatoryError:  # a date past the calendar, or past the multiplier's data
        return
    assert result.realistic_end >= max(s.end for s in stages)
