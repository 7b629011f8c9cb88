""":mod:`participatory.timeline.plan`: unit tests."""

import datetime as dt

import pendulum
import pytest

from participatory.core.errors import ValidationError
from participatory.timeline import (
    Deadline,
    PlannedStage,
    Timeline,
)


def test_pendulum_and_iso_dates_are_accepted():
    stage = PlannedStage("delivery", pendulum.date(2026, 3, 1), "2026-03-31")
    assert stage.start == dt.date(2026, 3, 1)
    assert type(stage.start) is dt.date
    assert stage.days == 31


def test_stage_validation_names_the_field():
    with pytest.raises(ValidationError) as caught:
        PlannedStage("delivery", "2026-03-31", "2026-03-01")
    assert caught.value.path == "end"
    with pytest.raises(ValidationError, match="kind"):
        PlannedStage("party", "2026-03-01", "2026-03-31")
    with pytest.raises(ValidationError, match="conventional_days"):
        PlannedStage("design", "2026-03-01", "2026-03-31", conventional_days=0)
    with pytest.raises(ValidationError, match="co_produced"):
        PlannedStage("design", "2026-03-01", "2026-03-31", co_produced="yes")  # type: ignore[arg-type]


def test_timeline_refuses_repeated_stages_and_deadlines_for_missing_stages():
    with pytest.raises(ValidationError) as caught:
        Timeline(
            [
                PlannedStage("design", "2026-01-01", "2026-01-02"),
                PlannedStage("design", "2026-02-01", "2026-02-02"),
            ]
        )
    assert caught.value.path == "stages[1].kind"
    with pytest.raises(ValidationError) as caught:
        Timeline(
            [PlannedStage("design", "2026-01-01", "2026-01-02")],
            deadlines=[Deadline("Closing date", "2026-01-10", "application")],
        )
    assert caught.value.path == "deadlines[0].stage"
    with pytest.raises(ValidationError, match="at least one"):
        Timeline([])
