"""A payment search stops where money does: what is already paid leaves less room to search.

An amount of money is below £10^15 (``participatory.core.money.PENNIES_LIMIT``), and so is
any sum of payments a check counts together: the engine refuses receipts that, with those
already paid, add up past it. :func:`headroom` and :func:`plan_safe_payment` search payments
up to a ceiling (£100,000 by default) *on top of* ``already``: with a ledger holding one
payment of £999,999,999,999,999.99 (which alone is an amount of money), every probe past
one penny is refused, and the search raised ``ValidationError('already', ...)`` from inside
(also from reading a before-paying check's findings). The search now stops at what money
can hold with ``already``: £10^15 - 1p - £999,999,999,999,999.99 = £0.00 here, and
£10^15 - 1p - £999,999,999,999,000.00 = £999.99 with a round £999,999,999,999,000.
"""

from __future__ import annotations

import datetime as dt

from participatory.benefits import Household, Person, Receipt, UniversalCreditClaim, headroom
from participatory.benefits.planning import plan_safe_payment
from participatory.core.money import Money
from participatory.ledger import (
    ConsentRecord,
    Contributor,
    HouseholdRecord,
    Ledger,
    PaymentEntry,
    assess_before_paying,
)

HOME = Household(
    people=[Person("amira")],
    universal_credit=UniversalCreditClaim(first_date_of_entitlement="2025-03-10"),
)
DAY = "2026-05-12"


def _searched(findings: tuple[object, ...]) -> Money:
    (ceiling,) = [f.values["ceiling"] for f in findings if "ceiling" in f.values]  # type: ignore[attr-defined]
    return ceiling  # type: ignore[no-any-return]


def test_nothing_more_can_be_searched_on_top_of_the_largest_amount() -> None:
    already = (Receipt("999999999999999.99", DAY),)
    room = headroom(HOME, DAY, already=already)
    assert _searched(room.findings) == Money.gbp("0.00")
    safe = plan_safe_payment(HOME, DAY, already=already)
    assert _searched(safe.findings) == Money.gbp("0.00")


def test_the_search_stops_at_what_money_can_hold_with_what_is_already_paid() -> None:
    """£999,999,999,999,000 already paid in the assessment period has taken the whole UC
    award, so UC has no room: £0.00, found by a search that stayed within £999.99."""
    already = (Receipt("999999999999000.00", DAY),)
    room = headroom(HOME, DAY, already=already)
    assert room.by_benefit[next(iter(room.by_benefit))] == Money.gbp("0.00")
    safe = plan_safe_payment(HOME, DAY, already=already)
    assert safe.amount is None or safe.amount <= Money.gbp("999.99")


def test_an_ordinary_search_is_unchanged() -> None:
    """Nothing already paid: the default ceiling, £100,000, is what is searched."""
    room = headroom(HOME, DAY)
    assert room.amount is not None
    assert room.amount < Money.gbp("100000")


def test_a_check_of_the_largest_payment_explains_itself() -> None:
    """One payment of £999,999,999,999,999.99, the ledger holding nothing else: the check
    answers (it takes the month's whole award) and its findings can be read."""
    consent = ConsentRecord("amira", "amira", "2025-04-01", "benefits checks", "2027-03-31")
    book = Ledger(
        contributors=[Contributor("amira")],
        households=[HouseholdRecord("h", HOME, [consent])],
        payments=[],
    )
    proposal = PaymentEntry("p", "amira", "999999999999999.99", DAY, payer="uni")
    check = assess_before_paying(book, proposal, as_at=dt.date(2026, 5, 1))
    assert check.checked
    assert not check.changes_nothing
    assert check.findings
