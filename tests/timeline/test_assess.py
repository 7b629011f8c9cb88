""":mod:`participatory.timeline.assess`: unit tests."""

import datetime as dt
from decimal import Decimal

import pytest

from participatory.core.errors import ParametersNotAvailable
from participatory.core.explain import Severity
from participatory.core.params import bundled_parameters
from participatory.render.text import sentence
from participatory.timeline import (
    MULTIPLIER,
    Deadline,
    PlannedStage,
    Timeline,
    assess_timeline,
)

AS_AT = dt.date(2026, 1, 1)


def test_the_multiplier_is_dated_sourced_and_verified():
    use = bundled_parameters().use(MULTIPLIER, AS_AT)
    assert use.value == 5
    assert use.verified
    assert use.source.short == "Bath report §5.3"
    assert use.source.source.author == "Jenny Jopson"
    assert use.reference is not None
    assert use.reference.key == "bath_report_2022"
    with pytest.raises(ParametersNotAvailable):
        assess_timeline(
            Timeline([PlannedStage("design", "2022-01-01", "2022-02-01")]),
            as_at=dt.date(2022, 6, 30),
        )
    assert (
        assess_timeline(
            Timeline([PlannedStage("design", "2022-01-01", "2022-02-01")]),
            as_at=dt.date(2022, 7, 1),
        ).multiplier
        == 5
    )


def test_relationship_days_count_only_days_before_the_application():
    # Relationship building 1-31 March overlaps an application starting 21 March:
    # only 1-20 March (20 days) come before it.
    plan = Timeline(
        [
            PlannedStage("relationship_building", "2026-03-01", "2026-03-31"),
            PlannedStage("application", "2026-03-21", "2026-04-30"),
        ]
    )
    result = assess_timeline(plan, as_at=AS_AT)
    assert result.pre_application_days == 20
    assert result.by_rule("TIME-NO-RELATIONSHIP-TIME")[0].severity is Severity.MET


def test_relationship_building_after_the_application_does_not_count():
    plan = Timeline(
        [
            PlannedStage("relationship_building", "2026-05-01", "2026-06-30"),
            PlannedStage("application", "2026-03-01", "2026-04-30"),
        ]
    )
    result = assess_timeline(plan, as_at=AS_AT)
    assert result.pre_application_days == 0
    assert result.by_rule("TIME-NO-RELATIONSHIP-TIME")[0].severity is Severity.WARNING


def test_without_an_application_time_is_counted_before_the_first_other_stage():
    plan = Timeline(
        [
            PlannedStage("relationship_building", "2026-01-01", "2026-01-10"),
            PlannedStage("idea_generation", "2026-01-06", "2026-02-10"),
        ]
    )
    assert assess_timeline(plan, as_at=AS_AT).pre_application_days == 5


def test_ideas_before_relationships_is_advice():
    plan = Timeline(
        [
            PlannedStage("relationship_building", "2026-02-01", "2026-03-01"),
            PlannedStage("idea_generation", "2026-01-01", "2026-02-10"),
        ]
    )
    [finding] = assess_timeline(plan, as_at=AS_AT).by_rule("TIME-IDEAS-BEFORE-RELATIONSHIPS")
    assert finding.severity is Severity.ADVICE
    assert any("5.5" in (c.pinpoint or "") for c in finding.citations)


def test_conventional_stage_is_checked_against_its_own_estimate_without_multiplier():
    plan = Timeline([PlannedStage("analysis", "2026-01-01", "2026-01-10", conventional_days=15)])
    result = assess_timeline(plan, as_at=AS_AT)
    [short] = result.by_rule("TIME-STAGE-TOO-SHORT")
    assert short.values["needed_days"] == 15
    assert short.parameters == ()
    assert result.schedule[0].realistic.end == dt.date(2026, 1, 15)


def test_fractional_multiplier_rounds_days_up():
    params = bundled_parameters().with_value(
        MULTIPLIER, Decimal("2.5"), effective_from=dt.date(2026, 1, 1), source="What if"
    )
    plan = Timeline(
        [PlannedStage("design", "2026-01-01", "2026-01-01", co_produced=True, conventional_days=3)]
    )
    # 3 x 2.5 = 7.5 days, rounded up to 8: 1 to 8 January.
    result = assess_timeline(plan, as_at=AS_AT, parameters=params)
    assert result.schedule[0].needed_days == 8
    assert result.realistic_end == dt.date(2026, 1, 8)


def test_slip_carries_on_to_later_stages():
    # Design: 10 conventional days co-produced = 50 days from 1 Jan = 19 Feb, planned to end
    # 10 Jan, so 40 days' slip. Delivery planned 11-20 Jan moves to 20 Feb - 1 Mar.
    plan = Timeline(
        [
            PlannedStage(
                "design", "2026-01-01", "2026-01-10", co_produced=True, conventional_days=10
            ),
            PlannedStage("delivery", "2026-01-11", "2026-01-20"),
        ]
    )
    schedule = assess_timeline(plan, as_at=AS_AT).schedule
    assert schedule[0].realistic.end == dt.date(2026, 2, 19)
    assert (schedule[1].realistic.start, schedule[1].realistic.end) == (
        dt.date(2026, 2, 20),
        dt.date(2026, 3, 1),
    )


def test_deadline_missed_even_as_planned_is_a_problem():
    plan = Timeline(
        [PlannedStage("application", "2026-01-01", "2026-02-01")],
        deadlines=[Deadline("Closing date", "2026-01-20", "application")],
    )
    [finding] = assess_timeline(plan, as_at=AS_AT).by_rule("TIME-DEADLINE-UNREACHABLE")
    assert finding.severity is Severity.PROBLEM
    assert finding.values["days_late"] == 12


def test_every_timeline_message_renders():
    plan = Timeline(
        [
            PlannedStage("relationship_building", "2026-02-01", "2026-02-10"),
            PlannedStage("idea_generation", "2026-01-01", "2026-01-20"),
            PlannedStage(
                "application", "2026-03-01", "2026-03-10", co_produced=True, conventional_days=5
            ),
            PlannedStage("delivery", "2026-04-01", "2026-04-10", conventional_days=20),
        ],
        deadlines=[
            Deadline("Closing", "2026-03-15", "application"),
            Deadline("End", "2027-01-01", "delivery"),
        ],
    )
    result = assess_timeline(plan, as_at=AS_AT)
    keys = {f.message_key for f in result}
    assert {
        "timeline.deadline_unreachable",
        "timeline.deadline_met",
        "timeline.stage_too_short",
        "timeline.stage_too_short_co_produced",
        "timeline.ideas_before_relationships",
        "timeline.realistic_end",
    } <= keys
    for finding in result:
        assert sentence(finding, locale="en_GB")
    bare = assess_timeline(
        Timeline([PlannedStage("application", "2026-01-01", "2026-01-02")]), as_at=AS_AT
    )
    assert sentence(bare.by_rule("TIME-NO-RELATIONSHIP-TIME")[0], locale="en_GB").startswith(
        "The plan has no time for building relationships before application starts on 1 January"
    )
