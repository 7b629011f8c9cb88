""":mod:`participatory.payments.timeliness`: hardening: bad input at its boundaries.

Bad input at every boundary that exists: the library's own error with a place, or a result.

Each boundary (a file loader, the command line) gets valid files broken one way at a time
(:mod:`participatory.testing.bad_input`) and random text. Every input must end in a
:class:`~participatory.core.errors.ParticipatoryError` that says where the problem is, or
in a valid result: never another exception, never a hang. The counts are printed at the
end of the run ("hardening: N inputs tried at <boundary>").
"""

from __future__ import annotations

import datetime as dt

import pytest

from participatory.core.errors import ParticipatoryError
from participatory.payments.plan_file import parse_payment_plan
from participatory.payments.timeliness import assess_timeliness

_EXTREME_PLAN = """
[plan]
project = "Edge"
[timeliness]
working_days = 10
[[payments]]
id = "p1"
contributor = "amira"
kind = "fee"
amount = 90.00
activity_on = {day}
due_on = {day}
"""


def test_timeliness_at_the_end_of_the_calendar() -> None:
    """Working days counted past year 9999 should be the library's error."""
    parsed = parse_payment_plan(_EXTREME_PLAN.format(day="9999-12-31"))
    assert parsed.timeliness is not None
    with pytest.raises(ParticipatoryError):
        assess_timeliness(parsed.plan, parsed.timeliness, as_at=dt.date(9999, 12, 31))
