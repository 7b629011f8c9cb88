"""A statement reports hours of work in the benefit week of the work (TRY13-2).

The engine counts a payment's hours in the week of ``worked_on`` (ESA Regs 2013 reg. 39:
permitted work is judged week by week on the hours worked), and its earnings in the week they
are received. The person's statement says the same, so what they report to DWP is what the
check counted.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from participatory.benefits import EmploymentSupportAllowanceClaim, Household, Person
from participatory.benefits.kinds import PermittedWork
from participatory.core.money import Money
from participatory.ledger import (
    ConsentRecord,
    Contributor,
    HouseholdRecord,
    Ledger,
    PaymentEntry,
    contributor_statement,
)


def _ben(*payments: PaymentEntry) -> Ledger:
    home = Household(
        people=[
            Person(
                "ben",
                esa=EmploymentSupportAllowanceClaim(
                    weekly_award=Money.gbp("95.55"), permitted_work=PermittedWork.HIGHER_LIMIT
                ),
            )
        ]
    )
    consent = ConsentRecord("ben", "ben", "2025-04-01", "benefits checks", "2027-03-31")
    return Ledger(
        contributors=[Contributor("ben")],
        households=[HouseholdRecord("h-1", home, [consent])],
        payments=list(payments),
    )


def _esa_lines(ledger: Ledger) -> dict[dt.date, tuple[Money, Decimal]]:
    statement = contributor_statement(ledger, "ben", 2026, as_at=dt.date(2026, 5, 1))
    return {
        f.values["start"]: (f.values["amount"], f.values["hours"])
        for f in statement.findings
        if f.rule_id == "LEDGER-REPORT-ESA"
    }


def test_a_week_of_work_paid_later_is_reported_with_its_hours_and_no_earnings() -> None:
    """Ben works 8 hours on Tuesday 12 May 2026 and is paid £60 for it on Tuesday 26 May.
    ESA weeks here run Monday to Sunday. The week of 11 to 17 May: no earnings, 8 hours;
    the week of 25 to 31 May: £60.00 of earnings, no hours of work. £60 is under the higher
    limit (£203.50 in 2026/27) and 8 hours under 16, so no ESA is lost either way."""
    late = PaymentEntry(
        "e-1", "ben", "60.00", "2026-05-26", payer="trust", hours="8", worked_on="2026-05-12"
    )
    assert _esa_lines(_ben(late)) == {
        dt.date(2026, 5, 11): (Money.gbp("0"), Decimal(8)),
        dt.date(2026, 5, 25): (Money.gbp("60.00"), Decimal(0)),
    }


def test_hours_paid_in_the_same_week_stay_in_that_week() -> None:
    """8 hours on Wednesday 13 May, paid £60 that day: one line, £60.00 for 8 hours."""
    prompt = PaymentEntry("e-2", "ben", "60.00", "2026-05-13", payer="uni", hours="8")
    assert _esa_lines(_ben(prompt)) == {dt.date(2026, 5, 11): (Money.gbp("60.00"), Decimal(8))}


def test_a_cancelled_payments_hours_are_not_reported() -> None:
    """A cancelled payment is neither received nor worked for: no line at all."""
    cancelled = PaymentEntry(
        "e-3", "ben", "60.00", "2026-05-13", payer="uni", hours="8", status="cancelled"
    )
    assert _esa_lines(_ben(cancelled)) == {}
