""":mod:`participatory.payments.expenses`: hardening: bad input at its boundaries.

Out-of-date rules: past the last verified figures, an engine refuses or says so.

Benefit and payment figures change every April. Every bundled parameter and rate card has
a ``valid_until``; on the day after it, the engines that exist now must raise
:class:`~participatory.core.errors.ParametersNotAvailable`, or, when the caller passes the
explicit ``allow_stale=True``, answer with a finding that reports the stale figures.
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


def test_expenses_refuse_dates_past_their_data() -> None:
    """Mileage and remote-meeting rates past their valid_until raise."""
    params = bundled_parameters()
    latest = max(p.valid_until for n, p in params.items() if n.startswith("payments.expenses"))
    with pytest.raises(ParametersNotAvailable):
        cost_remote_meeting(as_at=latest + _ONE_DAY)
    with pytest.raises(ParametersNotAvailable):
        cost_mileage(Vehicle.CAR, 10, as_at=latest + _ONE_DAY)
