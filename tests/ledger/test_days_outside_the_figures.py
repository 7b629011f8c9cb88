"""A day typed wrong in one payment refuses only what depends on it, and is named.

Esme gets new-style ESA: £92.05 a week, permitted work lower limit £20 a week (esa.toml, the
default for a claim; ESA Regulations 2013 reg. 39). The bundled ESA figures run to 5 April
2027. A payment's earnings count in the week it is received, its hours in the week of the
work (``worked_on``): a payment received on 12 May 2026 for work "on 11 May 2027" (the year
typed wrong) has its hours in a week past the figures, which no check of May 2026 touches.
"""

from __future__ import annotations

import datetime as dt

import pytest

from participatory.benefits import EmploymentSupportAllowanceClaim, Household, Person
from participatory.core.errors import FiguresNotAvailable
from participatory.core.money import Money
from participatory.ledger import (
    Contributor,
    HouseholdRecord,
    Ledger,
    PaymentEntry,
    assess_before_paying,
    assess_headroom,
    contributor_statement,
)

from .conftest import agreed

AS_AT = dt.date(2026, 5, 1)
#: Words that would say which benefit the person gets.
BENEFIT_WORDS = ("esa", "employment", "allowance", "permitted", "lower_limit")


def _esme(*payments: PaymentEntry) -> Ledger:
    esa = EmploymentSupportAllowanceClaim(weekly_award=Money.gbp("92.05"))
    home = Household(people=[Person("esme", esa=esa)])
    record = HouseholdRecord("h-e", home, [agreed("esme", until=dt.date(2028, 3, 31))])
    return Ledger(contributors=[Contributor("esme")], households=[record], payments=payments)


def _worked(on: str) -> PaymentEntry:
    return PaymentEntry("e-1", "esme", "10.00", "2026-05-12", payer="uni", hours="3", worked_on=on)


def _says_no_benefit(error: FiguresNotAvailable) -> None:
    said = str(error).lower()
    assert not any(word in said for word in BENEFIT_WORDS), said


@pytest.mark.parametrize("worked_on", ["2027-05-11", "0001-01-09", "2026-05-11"])
def test_another_payments_far_work_day_leaves_the_persons_checks_answering(
    worked_on: str,
) -> None:
    """£10 received 12 May 2026 is in the ledger; £10 more that day (3 hours) makes £20 in
    the week, not above the £20 lower limit: no change. The room that day is £20 - £10 =
    £10. The 2026/27 statement: £10 received, no change, £10 kept. The same whether the
    first payment's work was the day before or on a day past (or before) the figures."""
    book = _esme(_worked(worked_on))
    proposal = PaymentEntry("e-2", "esme", "10.00", "2026-05-12", payer="trust", hours="3")
    check = assess_before_paying(book, proposal, as_at=AS_AT)
    assert check.checked
    assert check.changes_nothing
    assert assess_headroom(book, "esme", "2026-05-12", as_at=AS_AT).amount == Money.gbp("10.00")
    year = contributor_statement(book, "esme", 2026, as_at=AS_AT)
    assert (year.received, year.change, year.kept) == (
        Money.gbp("10.00"),
        Money.gbp("0.00"),
        Money.gbp("10.00"),
    )


def test_the_statement_of_the_year_the_work_day_falls_in_names_that_year() -> None:
    """The hours of work "on 11 May 2027" belong to 2027/28, past the figures: that year's
    statement needs them and refuses, naming the year (a year the figures do miss)."""
    book = _esme(_worked("2027-05-11"))
    with pytest.raises(FiguresNotAvailable) as caught:
        contributor_statement(book, "esme", 2027, as_at=AS_AT)
    assert "the tax year 2027/28" in str(caught.value)
    _says_no_benefit(caught.value)


@pytest.mark.parametrize("worked_on", ["2027-05-11", "0001-01-09"])
def test_a_proposal_worked_past_the_figures_is_refused_by_its_work_day(worked_on: str) -> None:
    """The proposal itself is for work on a day past the figures: the check needs that week
    and refuses, naming the day of the work, not the day received (which is covered)."""
    proposal = PaymentEntry(
        "e-2", "esme", "10.00", "2026-05-12", payer="trust", hours="3", worked_on=worked_on
    )
    with pytest.raises(FiguresNotAvailable) as caught:
        assess_before_paying(_esme(), proposal, as_at=AS_AT)
    said = str(caught.value)
    assert f"do not cover {worked_on}:" in said, said
    assert "2026-05-12" not in said, said
    _says_no_benefit(caught.value)


def test_another_payment_past_the_figures_is_named_only_as_one() -> None:
    """A check of 29 March 2027 (covered) with another payment, e-9, received 20 April 2027
    (past the figures, 22 days later: within the weeks given to the engine). The refusal
    says that a day of another payment is not covered, not the covered day asked about;
    the room on 29 March says the same. It names neither that payment's day nor its id:
    a check and the room left go to a project, which never learns when, or from whom, the
    person was paid by anyone else (person-centred-view.md)."""
    other = PaymentEntry("e-9", "esme", "10.00", "2027-04-20", payer="uni", hours="3")
    book = _esme(other)
    proposal = PaymentEntry("e-2", "esme", "10.00", "2027-03-29", payer="trust", hours="3")
    on = dt.date(2027, 3, 1)
    for ask in (
        lambda: assess_before_paying(book, proposal, as_at=on),
        lambda: assess_headroom(book, "esme", "2027-03-29", as_at=on),
    ):
        with pytest.raises(FiguresNotAvailable) as caught:
            ask()
        said = str(caught.value)
        assert "do not cover a day of another payment recorded for this person:" in said, said
        assert "2027-04-20" not in said, said
        assert "e-9" not in said, said
        assert "2027-03-29" not in said, said
        _says_no_benefit(caught.value)
