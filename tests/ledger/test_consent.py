"""The basis for holding circumstances: who agreed, for what, until when."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from participatory.benefits import Household, Person
from participatory.core.errors import ValidationError
from participatory.ledger import ConsentRecord, HouseholdRecord, LawfulBasis

from .conftest import agreed, couple_household


def test_a_record_is_in_force_from_agreement_to_retention_or_withdrawal() -> None:
    record = ConsentRecord("c-7", "c-7", "2025-04-01", "benefits checks", "2027-03-31")
    assert record.basis is LawfulBasis.EXPLICIT_CONSENT
    assert not record.in_force_on(dt.date(2025, 3, 31))
    assert record.in_force_on(dt.date(2025, 4, 1))
    assert record.in_force_on(dt.date(2027, 3, 31))
    assert not record.in_force_on(dt.date(2027, 4, 1))
    withdrawn = attrs.evolve(record, withdrawn_on=dt.date(2026, 1, 10))
    assert withdrawn.last_day == dt.date(2026, 1, 9)
    assert not withdrawn.in_force_on(dt.date(2026, 1, 10))


def test_dates_out_of_order_are_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        ConsentRecord("c-7", "c-7", "2025-04-01", "benefits checks", "2025-03-31")
    assert caught.value.path == "retain_until"
    with pytest.raises(ValidationError) as caught:
        ConsentRecord("c-7", "c-7", "2025-04-01", "x", "2026-03-31", withdrawn_on="2025-01-01")
    assert caught.value.path == "withdrawn_on"


def test_circumstances_need_a_basis_for_every_member() -> None:
    with pytest.raises(ValidationError) as caught:
        HouseholdRecord("h", couple_household(), [agreed("ann")])
    assert caught.value.path == "consents"
    with pytest.raises(ValidationError) as caught:
        HouseholdRecord("h", Household(people=[Person("ann")]), [agreed("ann"), agreed("zed")])
    assert caught.value.path == "consents[1].person"
    with pytest.raises(ValidationError):
        HouseholdRecord("h", couple_household(), [])


def test_a_couple_is_usable_only_while_both_bases_are_in_force() -> None:
    record = HouseholdRecord(
        "h", couple_household(), [agreed("ann"), agreed("bob", until=dt.date(2026, 6, 30))]
    )
    assert record.members == ("ann", "bob")
    assert record.retain_until == dt.date(2026, 6, 30)
    assert record.usable_on(dt.date(2026, 6, 30))
    assert not record.usable_on(dt.date(2026, 7, 1))
    assert record.expired_on(dt.date(2026, 7, 1))
    assert not record.expired_on(dt.date(2026, 6, 30))
    # A renewed agreement extends the basis.
    renewed = attrs.evolve(record, consents=(*record.consents, agreed("bob")))
    assert renewed.usable_on(dt.date(2026, 7, 1))


def test_the_record_shows_only_its_own_id() -> None:
    record = HouseholdRecord("h-9", couple_household(), [agreed("ann"), agreed("bob")])
    assert repr(record) == "HouseholdRecord(id='h-9', <redacted>)"
