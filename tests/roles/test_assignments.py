""":mod:`participatory.roles.assignments`: unit tests."""

import datetime as dt

import pytest

from participatory.core.errors import ValidationError
from participatory.roles import (
    Recognition,
    RecognitionPreference,
    RelationshipBasis,
    ResearchStage,
    RoleAssignment,
)

DAY = dt.date(2025, 6, 1)


def test_assignment_sorts_stages_and_knows_when_the_party_joined():
    assignment = RoleAssignment(
        "p1", "adviser", RelationshipBasis.ADVISORY,
        stages=[ResearchStage.ANALYSIS, ResearchStage.DESIGN, ResearchStage.DESIGN]
    )  # fmt: skip
    assert assignment.stages == (ResearchStage.DESIGN, ResearchStage.ANALYSIS)
    assert assignment.first_stage is ResearchStage.DESIGN
    with pytest.raises(ValidationError, match="at least one stage"):
        RoleAssignment("p1", "adviser", RelationshipBasis.ADVISORY, stages=[])
    with pytest.raises(ValidationError, match="described_as"):
        RoleAssignment("p1", "a", RelationshipBasis.ADVISORY, stages=[ResearchStage.DESIGN],
                       described_as="co-production")  # fmt: skip


def test_not_yet_asked_is_not_the_same_as_asked_and_wants_none():
    never = RecognitionPreference.not_yet_asked()
    declined = RecognitionPreference.chose(dt.date(2025, 1, 1), Recognition.NONE)
    assert never != declined
    assert not never.is_recorded(DAY)
    assert declined.is_recorded(DAY)
    assert not declined.is_recorded(dt.date(2024, 12, 31))


@pytest.mark.parametrize(
    ("asked_on", "chosen", "problem"),
    [
        (None, [Recognition.PAYMENT], "no date asked"),
        (DAY, [], "is empty"),
        (DAY, [Recognition.NONE, Recognition.PAYMENT], "combines NONE"),
        ("1 June", [Recognition.PAYMENT], "must be a date"),
    ],
)
def test_recognition_preference_validation(asked_on, chosen, problem):
    with pytest.raises(ValidationError, match=problem):
        RecognitionPreference(asked_on, chosen)


def test_recognition_accepts_iso_dates():
    assert RecognitionPreference("2025-01-02", [Recognition.TRAINING]).asked_on == dt.date(
        2025, 1, 2
    )
