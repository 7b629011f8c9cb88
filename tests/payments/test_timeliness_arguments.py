"""assess_timeliness refuses arguments of another type with the library's own error.

Round 10's outside test found a bare ``AttributeError`` for a plan given as text; a caller
catching the library's errors (a finance system's nightly job) would have crashed.
"""

from __future__ import annotations

import datetime as dt

import pytest

from participatory.core.errors import ValidationError
from participatory.payments.plans import PaymentPlan
from participatory.payments.timeliness import TimelinessPolicy, assess_timeliness

PLAN = PaymentPlan("river", ())
POLICY = TimelinessPolicy(10)
DAY = dt.date(2026, 6, 12)
SECRET = "Dee's payment for the grief group"


@pytest.mark.parametrize(
    ("plan", "policy", "as_at", "path"),
    [
        (SECRET, POLICY, DAY, "plan"),
        (None, POLICY, DAY, "plan"),
        ({"payments": []}, POLICY, DAY, "plan"),
        (PLAN, SECRET, DAY, "policy"),
        (PLAN, 10, DAY, "policy"),
        (PLAN, POLICY, "2026-06-12", "as_at"),
        (PLAN, POLICY, dt.datetime(2026, 6, 12, 9, 0), "as_at"),
        (PLAN, POLICY, None, "as_at"),
    ],
)
def test_a_wrong_argument_is_named_and_never_repeated(
    plan: object, policy: object, as_at: object, path: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        assess_timeliness(plan, policy, as_at=as_at)  # type: ignore[arg-type]
    assert caught.value.path == path
    assert SECRET not in str(caught.value)


def test_right_arguments_still_give_a_report() -> None:
    """An empty plan has no payment to give a status to."""
    report = assess_timeliness(PLAN, POLICY, as_at=DAY)
    assert len(report.statuses) == 0
