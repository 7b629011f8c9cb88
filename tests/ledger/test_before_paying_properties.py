"""Invariants of the person-centred view, over generated households and payments.

- Who paid does not matter to the law: splitting a person's payments among more projects or
  payers never changes what a payment does, what the year comes to, or the room left.
- A cancelled entry never counts.
- Adding a payment never increases the headroom of any benefit.
- Only the weeks around a payment reach the engine, and that changes nothing: the answer is
  the one the whole ledger gives.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.benefits import Benefit, assess_benefits
from participatory.benefits.outcomes import BenefitsCheck
from participatory.core.periods import DateRange, TaxYear
from participatory.ledger import (
    BeforePaying,
    Contributor,
    Ledger,
    PaymentEntry,
    PaymentKind,
    PaymentStatus,
    assess_before_paying,
    assess_headroom,
    contributor_statement,
)
from participatory.testing.benefits import LAST_PAYMENT_DAY, payment_days, pounds
from participatory.testing.ledger import PAYERS, PROJECTS, household_records
from participatory.testing.strategies import amounts

AS_AT = dt.date(2025, 1, 1)
_EVERY_DAY = DateRange("2000-01-01", "2100-12-31")


@st.composite
def cases(draw: st.DrawFn) -> tuple[Ledger, PaymentEntry]:
    """A household (single, or a couple of contributors), payments around a day, a proposal."""
    members = draw(st.sampled_from([("c0",), ("c0", "c1")]))
    record = draw(household_records(members))
    start = draw(payment_days(max_value=LAST_PAYMENT_DAY - dt.timedelta(days=70)))
    day = st.integers(0, 70).map(lambda n: start + dt.timedelta(days=n))

    def entry(key: str) -> st.SearchStrategy[PaymentEntry]:
        return st.builds(
            PaymentEntry,
            id=st.just(key),
            person=st.sampled_from(members),
            amount=pounds(0, 400),
            received_on=day,
            kind=st.sampled_from(PaymentKind),
            status=st.sampled_from(PaymentStatus),
            payer=st.sampled_from(PAYERS),
            project=st.none() | st.sampled_from(PROJECTS),
            hours=amounts(0, 8, places=1),
            worked_on=st.none() | day,
        )

    count = draw(st.integers(0, 8))
    payments = [draw(entry(f"p{i}")) for i in range(count)]
    proposal = draw(entry("proposal").map(lambda p: attrs.evolve(p, person="c0", status="planned")))
    ledger = Ledger(
        contributors=[Contributor(m) for m in members], households=[record], payments=payments
    )
    return ledger, proposal


def _numbers(check: BenefitsCheck | None) -> list[tuple[object, ...]]:
    if check is None:
        return []
    return [
        (o.benefit, o.period, o.person, o.before_amount, o.after_amount, o.cliff)
        for o in check.outcomes
    ]


def _split(ledger: Ledger, data: st.DataObject) -> Ledger:
    """The same payments, each now from a payer and project drawn afresh."""
    moved = [
        attrs.evolve(
            p,
            payer=data.draw(st.sampled_from([*PAYERS, "a new payer", "another new payer"])),
            project=data.draw(st.none() | st.sampled_from([*PROJECTS, "project-x", "project-y"])),
        )
        for p in ledger.payments.values()
    ]
    return attrs.evolve(ledger, payments=moved)


@settings(max_examples=60)
@given(cases(), st.data())
def test_who_paid_never_changes_the_persons_combined_result(
    case: tuple[Ledger, PaymentEntry], data: st.DataObject
) -> None:
    ledger, proposal = case
    split = _split(ledger, data)
    first = assess_before_paying(ledger, proposal, as_at=AS_AT)
    second = assess_before_paying(split, proposal, as_at=AS_AT)
    assert _numbers(first.result) == _numbers(second.result)
    year = TaxYear.containing(proposal.received_on)
    one = contributor_statement(ledger, "c0", year, as_at=AS_AT)
    two = contributor_statement(split, "c0", year, as_at=AS_AT)
    assert (one.received, one.due, one.by_benefit) == (two.received, two.due, two.by_benefit)
    assert one.weeks == two.weeks
    assert one.assessment_periods == two.assessment_periods


@settings(max_examples=60)
@given(cases(), st.lists(pounds(1, 900), min_size=1, max_size=4))
def test_cancelled_entries_never_count(
    case: tuple[Ledger, PaymentEntry], extra: list[object]
) -> None:
    ledger, proposal = case
    cancelled = [
        PaymentEntry(f"x{i}", "c0", amount, proposal.received_on, status="cancelled",
                     payer="NHS trust")
        for i, amount in enumerate(extra)
    ]  # fmt: skip
    more = ledger.with_entries(payments=cancelled)
    assert _numbers(assess_before_paying(ledger, proposal, as_at=AS_AT).result) == _numbers(
        assess_before_paying(more, proposal, as_at=AS_AT).result
    )
    year = TaxYear.containing(proposal.received_on)
    one = contributor_statement(ledger, "c0", year, as_at=AS_AT)
    two = contributor_statement(more, "c0", year, as_at=AS_AT)
    assert (one.received, one.due, one.by_benefit) == (two.received, two.due, two.by_benefit)


@settings(max_examples=60)
@given(cases())
def test_the_weeks_around_a_payment_give_the_whole_ledgers_answer(
    case: tuple[Ledger, PaymentEntry],
) -> None:
    ledger, proposal = case
    check: BeforePaying = assess_before_paying(ledger, proposal, as_at=AS_AT)
    record = ledger.household_of("c0")
    assert record is not None
    everything = ledger.receipts_between(
        record.members, _EVERY_DAY, exclude_ids=frozenset({proposal.id})
    )
    whole = assess_benefits(record.household, [proposal.receipt], already=everything)
    assert _numbers(check.result) == _numbers(whole)


_COUNTS_OTHER_BENEFITS = frozenset({Benefit.UNIVERSAL_CREDIT, Benefit.HOUSING_BENEFIT})


@settings(max_examples=30)
@given(cases(), pounds(0, 300), st.integers(0, 6))
def test_adding_a_payment_never_increases_headroom(
    case: tuple[Ledger, PaymentEntry], amount: object, offset: int
) -> None:
    ledger, proposal = case
    day = proposal.received_on
    before = assess_headroom(ledger, "c0", day, as_at=AS_AT)
    extra = PaymentEntry("extra", "c0", amount, day - dt.timedelta(days=offset), payer="NHS trust")
    after = assess_headroom(ledger.with_entries(payments=[extra]), "c0", day, as_at=AS_AT)
    for benefit, room in after.by_benefit.items():
        earlier = before.for_benefit(benefit)
        # Universal Credit and Housing Benefit count what other benefits pay: beside another
        # benefit a payment that costs some of it raises them, and their room may grow
        # (tests/benefits/test_knock_on_headroom_scenarios.py, worked by hand).
        if benefit in _COUNTS_OTHER_BENEFITS and len(after.by_benefit) > 1:
            continue
        if earlier is not None:
            assert room is not None
            assert room.amount <= earlier.amount
    assert all(isinstance(m.amount, Decimal) for m in after.by_benefit.values() if m is not None)
