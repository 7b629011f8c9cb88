""":mod:`participatory.payments.expenses`: hardening: bad input at its boundaries.

Out-of-date rules: HMRC's mileage rates and the remote-meeting contribution are in force
until superseded: used after the day they were last checked, and marked due for re-checking
once that is longer ago than the review interval. Before their first day they are refused.
"""

from __future__ import annotations

import datetime as dt

import pytest

from participatory.core.errors import ParametersNotAvailable
from participatory.core.params import bundled_parameters
from participatory.payments import (
    Vehicle,
    cost_mileage,
    cost_remote_meeting,
)

_ONE_DAY = dt.timedelta(days=1)


def test_expenses_are_in_force_until_superseded_and_say_when_they_are_due_a_check() -> None:
    """HMRC's mileage rates and the remote-meeting contribution have no known end: they are
    used after the day they were last checked (2026-12-06), and marked due for re-checking
    once that is more than the review interval (365 days) ago."""
    params = bundled_parameters()
    expenses = [p for n, p in params.items() if n.startswith("payments.expenses")]
    assert expenses
    assert all(p.valid_until is None and p.last_checked is not None for p in expenses)
    later = dt.date(2026, 12, 6) + dt.timedelta(days=366)
    remote = cost_remote_meeting(as_at=later)
    assert all(use.review_due for f in remote.findings for use in f.parameters)
    trip = cost_mileage(Vehicle.CAR, 10, as_at=dt.date(2026, 12, 6))
    assert not any(use.review_due for f in trip.findings for use in f.parameters)
    with pytest.raises(ParametersNotAvailable):
        cost_mileage(Vehicle.CAR, 10, as_at=dt.date(2002, 4, 5))
