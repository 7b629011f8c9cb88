"""Headroom from the ledger, worked by hand (2025/26 figures).

Carer's Allowance: earnings limit £196.00 a week (Up-rating Regulations 2025 reg. 4), weeks
from Monday. Universal Credit for Ann and Bob: work allowance £411.00 (housing costs), taper
55% (UC Regs 2013 reg. 22).
"""

from __future__ import annotations

import datetime as dt

from participatory.benefits import Benefit
from participatory.core.money import Money
from participatory.ledger import Contributor, Ledger, PaymentKind, assess_headroom
from participatory.render.text import sentence

from .conftest import carer_ledger, couple_ledger, fee

AS_AT = dt.date(2026, 1, 10)


def test_headroom_after_earlier_payments_in_the_week() -> None:
    """£150 paid on Tuesday 13 January by another payer: £196 - £150 = £46.00 room on the 15th."""
    ledger = carer_ledger([fee("r", "amira", "150.00", "2026-01-13", payer="NHS trust")])
    room = assess_headroom(ledger, "amira", dt.date(2026, 1, 15), as_at=AS_AT)
    assert room.checked
    assert room.for_benefit(Benefit.CARERS_ALLOWANCE) == Money.gbp("46.00")
    assert room.amount == Money.gbp("46.00")
    (found,) = room.by_rule("LEDGER-HEADROOM")
    assert found.values["amount"] == Money.gbp("46.00")
    assert found.sensitive


def test_the_next_week_has_the_whole_limit() -> None:
    """Monday 19 January starts a new week: £196.00 of room again."""
    ledger = carer_ledger([fee("r", "amira", "150.00", "2026-01-13")])
    room = assess_headroom(ledger, "amira", dt.date(2026, 1, 19), as_at=AS_AT)
    assert room.for_benefit(Benefit.CARERS_ALLOWANCE) == Money.gbp("196.00")


def test_a_partners_earnings_use_the_joint_work_allowance() -> None:
    """Ann earned £300 in June 2025: £411 - £300 = £111.00 of room for Bob that period."""
    ledger = couple_ledger([fee("a", "ann", "300.00", "2025-06-10")])
    room = assess_headroom(ledger, "bob", dt.date(2025, 6, 20), as_at=dt.date(2025, 6, 1))
    assert room.for_benefit(Benefit.UNIVERSAL_CREDIT) == Money.gbp("111.00")


def test_receipted_expenses_have_no_limit() -> None:
    ledger = carer_ledger([fee("r", "amira", "150.00", "2026-01-13")])
    room = assess_headroom(
        ledger, "amira", dt.date(2026, 1, 15), as_at=AS_AT, kind=PaymentKind.RECEIPTED_EXPENSES
    )
    assert room.for_benefit(Benefit.CARERS_ALLOWANCE) is None
    assert room.amount is None


def test_no_circumstances_no_headroom() -> None:
    """No record for Amira: no room is worked out, and the sentence says so about the room
    (a headroom has no payment, so "this payment was not checked" would be untrue)."""
    room = assess_headroom(
        Ledger(contributors=[Contributor("amira")]), "amira", "2026-01-15", as_at=AS_AT
    )
    assert not room.checked
    assert room.findings[0].rule_id == "LEDGER-NOT-CHECKED"
    (only,) = room.findings
    words = sentence(only, locale="en_GB", include_sensitive=True)
    assert words == (
        "No benefit circumstances are recorded for amira, so the room left before their "
        "benefits change was not worked out."
    )


def test_circumstances_past_their_day_give_no_headroom_and_say_why() -> None:
    """Amira's consent ran until 31 March 2027; on 1 April 2027 her circumstances may not be
    used: no room is worked out, and the sentence, about the room rather than a payment
    (there is none), says why and what to do. Welsh says it in Welsh."""
    late = dt.date(2027, 4, 1)
    room = assess_headroom(carer_ledger(), "amira", late, as_at=late)
    assert not room.checked
    (only,) = room.findings
    assert only.rule_id == "LEDGER-CIRCUMSTANCES-NOT-USABLE"
    words = sentence(only, locale="en_GB", include_sensitive=True)
    assert "The room left before their benefits change was not worked out." in words
    assert "this payment" not in words
    welsh = sentence(only, locale="cy", include_sensitive=True)
    assert "Ni chyfrifwyd faint yn rhagor" in welsh
