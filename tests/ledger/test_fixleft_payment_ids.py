"""A payment's id is never reused for another person: on a joint claim it took a payment away.

An outside tester found that, in a couple's ledger, a proposed payment (or
:meth:`Ledger.with_entries`) with the id of the *other* partner's payment silently replaced
that payment and moved it to the other person: the check before paying left the partner's
payment out of the household's earnings, and the ledger lost it. Both now refuse the id,
with a :class:`ValidationError` that names the entry by position (never an id, a person or
anyone's circumstances), the same whether or not circumstances are held. Recording the same
payment again (same id, same person) replaces it as before.

Figures (2025/26, the figures of :mod:`participatory.ledger.before_paying`'s worked
example): Carer's Allowance is lost for the benefit week after one whose earnings are over
£196; the rate is £83.30. Ann gets Carer's Allowance (weeks from Monday); Bob, her partner,
gets nothing of his own. Tuesday 13 January 2026 is in the week of Monday 12 January.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.benefits import CarersAllowanceClaim, Household, Person
from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.ledger import (
    Contributor,
    HouseholdRecord,
    Ledger,
    PaymentEntry,
    assess_before_paying,
)
from participatory.testing import ledger as tl

from .conftest import agreed, fee

AS_AT = dt.date(2026, 1, 10)
ANNS = fee("pay-0001", "ann", "250.00", "2026-01-13", project="river")


def couple(payments: list[PaymentEntry], *, held: bool = True) -> Ledger:
    """Ann (Carer's Allowance) and Bob on one claim; ``held``: their circumstances recorded."""
    home = Household(people=[Person("ann", carers_allowance=CarersAllowanceClaim()), Person("bob")])
    records = [HouseholdRecord("h-ann-bob", home, [agreed("ann"), agreed("bob")])]
    return Ledger(
        contributors=[Contributor("ann"), Contributor("bob")],
        households=records if held else [],
        payments=payments,
    )


def _refusal(error: ValidationError) -> None:
    text = str(error)
    assert "is the id of a payment to another person" in text
    for private in ("pay-0001", "ann", "bob", "250", "Carer"):
        assert private not in text


def test_with_entries_refuses_the_partners_payment_id() -> None:
    ledger = couple([ANNS])
    bobs = fee("pay-0001", "bob", "40.00", "2026-01-14")
    with pytest.raises(ValidationError) as caught:
        ledger.with_entries(payments=[bobs])
    assert caught.value.path == "payments[0].id"
    _refusal(caught.value)
    assert ledger.payments_of("ann") == (ANNS,)  # still Ann's
    assert ledger.payments_of("bob") == ()


def test_with_entries_refuses_one_id_for_two_people_in_one_batch() -> None:
    first = fee("pay-0002", "ann", "10.00", "2026-01-14")
    second = fee("pay-0002", "bob", "10.00", "2026-01-14")
    with pytest.raises(ValidationError) as caught:
        couple([]).with_entries(payments=[first, second])
    assert caught.value.path == "payments[1].id"
    _refusal(caught.value)


def test_recording_the_same_payment_again_replaces_it() -> None:
    """The documented behaviour: same id, same person, the new entry wins (even in a batch)."""
    corrected = attrs.evolve(ANNS, amount=Money.gbp("150.00"))
    changed = couple([ANNS]).with_entries(payments=[corrected])
    assert changed.payments_of("ann") == (corrected,)
    cancelled = attrs.evolve(ANNS, status="cancelled")
    twice = couple([]).with_entries(payments=[ANNS, cancelled])
    assert twice.payments["pay-0001"].status.value == "cancelled"


@pytest.mark.parametrize("held", [True, False], ids=["circumstances-held", "none-held"])
@pytest.mark.parametrize("status", ["paid", "cancelled"])
def test_a_proposal_with_the_partners_payment_id_is_refused(held: bool, status: str) -> None:
    """Before the fix Ann's £250 was left out of the check of Bob's proposal.

    The refusal is the same whether circumstances are held, and for a cancelled proposal
    (which is never checked): it says nothing of anyone's benefits.
    """
    proposal = fee("pay-0001", "bob", "40.00", "2026-01-14", status=status)
    with pytest.raises(ValidationError) as caught:
        assess_before_paying(couple([ANNS], held=held), proposal, as_at=AS_AT)
    assert caught.value.path == "proposed_payment.id"
    _refusal(caught.value)


def test_checking_a_recorded_payment_again_counts_it_once() -> None:
    """Ann's £250 on Tuesday 13 January is over £196: recorded, it costs the week of 19
    January (-£83.30). Checked again as £150 (same id, same person) it replaces the £250:
    £150 alone is within £196, so nothing changes. Counted twice (£400) it would cost £83.30.
    """
    ledger = couple([ANNS])
    assert assess_before_paying(ledger, ANNS, as_at=AS_AT).change() == Money.gbp("-83.30")
    smaller = attrs.evolve(ANNS, amount=Money.gbp("150.00"))
    again = assess_before_paying(ledger, smaller, as_at=AS_AT)
    assert again.changes_nothing
    assert again.change() == Money.gbp("0.00")


def test_bobs_own_payment_with_its_own_id_leaves_anns_counted() -> None:
    """Bob's £40 is his own earnings: Ann's Carer's Allowance counts her own only, so the
    check of Bob's payment changes nothing, and Ann's £250 stays hers in the ledger."""
    ledger = couple([ANNS])
    bobs = fee("pay-0002", "bob", "40.00", "2026-01-14")
    assert assess_before_paying(ledger, bobs, as_at=AS_AT).changes_nothing
    assert ledger.with_entries(payments=[bobs]).payments_of("ann") == (ANNS,)


@given(data=st.data())
@settings(max_examples=40, deadline=None)
def test_an_id_never_moves_a_payment_to_someone_else(data: st.DataObject) -> None:
    """Any ledger of two or more people: an entry reusing a recorded id for another person
    is refused, and for the same person replaces the recorded entry."""
    two = tl.ledgers(max_payments=6).filter(lambda b: len(b.contributors) > 1 and b.payments)
    ledger = data.draw(two)
    recorded = data.draw(st.sampled_from(sorted(ledger.payments)))
    old = ledger.payments[recorded]
    other = data.draw(st.sampled_from(sorted(set(ledger.contributors) - {old.person})))
    drawn = data.draw(tl.payment_entries([old.person, other], ids=st.just(recorded)))
    if drawn.person == old.person:
        assert ledger.with_entries(payments=[drawn]).payments[recorded] == drawn
        return
    with pytest.raises(ValidationError) as caught:
        ledger.with_entries(payments=[drawn])
    assert caught.value.path == "payments[0].id"
    assert recorded not in str(caught.value)
