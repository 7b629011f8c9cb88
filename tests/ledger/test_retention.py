"""Erasing circumstances past their basis: counts only, payments kept."""

from __future__ import annotations

import datetime as dt

import attrs

from participatory.core.serialise import unstructure
from participatory.ledger import Contributor, HouseholdRecord, Ledger, erase_expired
from participatory.render.text import sentence

from .conftest import agreed, carer_ledger, couple_household, fee


def test_nothing_is_erased_while_the_basis_is_in_force() -> None:
    erased = erase_expired(carer_ledger(), dt.date(2027, 3, 31))
    assert (erased.households, erased.people, erased.consents) == (0, 0, 0)
    assert erased.ledger == carer_ledger()
    assert sentence(erased.findings[0], locale="en_GB").startswith("No circumstances")


def test_circumstances_past_retention_or_withdrawn_are_erased_payments_kept() -> None:
    ledger = carer_ledger([fee("p", "amira", "50.00", "2026-01-13")])
    withdrawn = attrs.evolve(agreed("ann"), withdrawn_on=dt.date(2026, 5, 1))
    couple = HouseholdRecord("h-couple", couple_household(), [withdrawn, agreed("bob")])
    ledger = ledger.with_entries(
        contributors=[Contributor("ann"), Contributor("bob")], households=[couple]
    )
    erased = erase_expired(ledger, dt.date(2026, 6, 1))
    assert (erased.households, erased.people, erased.consents) == (1, 2, 2)
    assert erased.ledger is not None
    assert list(erased.ledger.households) == ["h-amira"]
    assert erased.ledger.payments == ledger.payments
    later = erase_expired(ledger, dt.date(2027, 4, 1))
    assert later.households == 2
    assert later.ledger is not None
    assert not later.ledger.households


def test_the_report_holds_counts_never_contents() -> None:
    erased = erase_expired(carer_ledger(), dt.date(2027, 4, 1))
    (found,) = erased.findings
    text = sentence(found, locale="en_GB") + repr(erased) + str(unstructure(erased))
    assert "amira" not in text
    assert "h-amira" not in text
    assert found.citations[0].key == "ico_storage_limitation"
    assert "Households: 1; people: 1; consent records: 1." in sentence(found, locale="en_GB")


def test_an_empty_ledger_erases_nothing() -> None:
    assert erase_expired(Ledger(), dt.date(2026, 1, 1)).households == 0
