"""``participatory benefits`` and the Python API give the same answer for the same input.

Each input is drawn from :mod:`participatory.testing.benefits`, sent to the command as JSON
on standard input (written with :func:`participatory.interchange.to_plain`), and the
command's JSON compared with the API's result made JSON by the same function the command
uses; input the API refuses must be refused by the command too (status 2, one line).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participatory.benefits import Household, assess_benefits, headroom, plan_instalments
from participatory.commands.benefits import answer, headroom_answer, schedule_answer
from participatory.core.errors import ParticipatoryError
from participatory.core.money import Money
from participatory.interchange import to_plain
from participatory.testing import benefits as tb
from tests.commands.running import run_cli

_run = run_cli


def _same(argv: list[str], question: dict[str, Any], api: Any) -> None:
    """The command's answer is the API's, made JSON by the same function; or both refuse."""
    try:
        expected = json.loads(json.dumps(api()))
    except ParticipatoryError:
        code, out, err = _run(argv, json.dumps(question))
        assert (code, out) == (2, "")
        assert err
        return
    code, out, err = _run(argv, json.dumps(question))
    assert code == 0, err
    assert json.loads(out) == expected


_SLOW = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SLOW
@given(tb.households(), tb.receipt_lists(max_size=4), st.sampled_from(["en_GB", "cy"]))
def test_the_command_and_the_api_give_the_same_effect(
    household: Household, receipts: list[Any], locale: str
) -> None:
    question = {
        "household": to_plain(household, include_sensitive=True),
        "receipts": to_plain(receipts, include_sensitive=True),
    }
    _same(
        ["benefits", "--format", "json", "--locale", locale],
        question,
        lambda: answer(assess_benefits(household, receipts), locale),
    )


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tb.households(), tb.payment_days())
def test_the_command_and_the_api_give_the_same_headroom(household: Household, day: Any) -> None:
    question = {"household": to_plain(household, include_sensitive=True), "person": "p1"}
    _same(
        ["benefits", "--question", "headroom", "--as-at", day.isoformat()],
        question,
        lambda: headroom_answer(headroom(household, day, person="p1"), "en_GB", "p1"),
    )


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tb.households(), tb.payment_days(), st.integers(1, 60000))
def test_the_command_and_the_api_give_the_same_schedule(
    household: Household, day: Any, pennies: int
) -> None:
    days = [day, day + dt.timedelta(days=14)]
    total = Money.gbp(Decimal(pennies).scaleb(-2))
    question = {
        "household": to_plain(household, include_sensitive=True),
        "total": to_plain(total),
        "days": [d.isoformat() for d in days],
    }
    _same(
        ["benefits", "--question", "schedule"],
        question,
        lambda: schedule_answer(plan_instalments(household, total, days), "en_GB"),
    )
