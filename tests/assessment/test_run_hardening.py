""":mod:`participatory.assessment.run`: hardening: dates outside a claim, and absurd dates.

Issue 17: a Universal Credit payment received before the claim's first date of entitlement
was assessed as if inside it (a −£424.90 change and no finding), and a first date of
9999-12-31 was accepted. The benefits engine is the lead's (``tests/benefits``); here the
*general* property runs the assessment, the library's main entry point, with a payment on
any day of the calendar against a household on Universal Credit: a payment before the claim
existed changes no award and is reported, and every day gives a report or the library's
error, never another exception.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.assessment import assess
from participatory.assessment.report import Area
from participatory.core.errors import ParticipatoryError
from participatory.core.money import Money
from participatory.project import parse_project

_FIRST_DAY = dt.date(2026, 6, 1)


def _project(paid_on: dt.date) -> str:
    return (
        'id = "p"\ntitle = "t"\n'
        '[[people]]\nid = "dee"\nname = "Dee"\nkind = "co_researcher"\n'
        '[[payments]]\nid = "p1"\ncontributor = "dee"\nkind = "fee"\n'
        f'amount = "1000.00 GBP"\ndue_on = {paid_on.isoformat()}\n'
        f"paid_on = {paid_on.isoformat()}\n"
        "[benefits.dee]\n"
        f"universal_credit = {{ first_date_of_entitlement = {_FIRST_DAY.isoformat()} }}\n"
    )


def _benefit_change(report: object) -> list[Money]:
    section = report.section(Area.BENEFITS)  # type: ignore[attr-defined]
    return [g.value for g in section.figures if g.label_key.endswith("benefit_change")]


def test_a_payment_before_the_claim_changes_no_award_and_is_reported() -> None:
    """Issue 17: assessed as if inside the claim: a −£424.90 change and no finding."""
    before = assess(parse_project(_project(dt.date(2026, 5, 1))), as_at=dt.date(2026, 7, 1))
    inside = assess(parse_project(_project(dt.date(2026, 6, 10))), as_at=dt.date(2026, 7, 1))
    assert all(change.is_zero() for change in _benefit_change(before))
    assert any(not change.is_zero() for change in _benefit_change(inside))
    rules = {f.rule_id for f in before.section(Area.BENEFITS).findings}
    assert rules - {f.rule_id for f in inside.section(Area.BENEFITS).findings}


def test_a_first_date_of_entitlement_of_9999_is_refused() -> None:
    text = _project(dt.date(2026, 6, 10)).replace("2026-06-01", "9999-12-31")
    try:
        parse_project(text)
    except ParticipatoryError:
        return
    raise AssertionError("a claim starting on 9999-12-31 was accepted")


@settings(max_examples=60, deadline=None)
@given(paid_on=st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
def test_a_payment_on_any_day_is_assessed_or_refused_cleanly(
    tried: Counter[str], paid_on: dt.date
) -> None:
    tried["payments on any day against a UC claim"] += 1
    try:
        report = assess(parse_project(_project(paid_on)), as_at=dt.date(2026, 7, 1))
    except ParticipatoryError:
        return
    if paid_on < _FIRST_DAY:
        assert all(change.is_zero() for change in _benefit_change(report)), paid_on
