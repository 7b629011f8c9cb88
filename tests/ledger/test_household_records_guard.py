"""A household record replaces only its own household's, and says what it replaced.

A record is replaced by the record with its id (the same household, its circumstances
updated) and by the record of any of its members (a person is in one household record).
An id already used for another household's record, none of whose members is in the new
one, is refused (``households[i].id``), as a payment's id used for another person is: it
would silently erase that household's circumstances. When a partner leaves, their own record
drops the couple's: that is a replacement, and the partner who stays is left without
circumstances recorded, which the ledger (``Ledger.replaced_households``) and the store
(``Changes``) say, by count only.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from participatory.benefits import CarersAllowanceClaim, Household, Person
from participatory.cli import main
from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.interchange import to_plain
from participatory.ledger import (
    Contributor,
    HouseholdRecord,
    Ledger,
    PaymentEntry,
    assess_before_paying,
)
from participatory.store import Changes, SqliteLedgerStore

from .conftest import agreed


def _home(key: str, *people: str, carer: bool = False) -> HouseholdRecord:
    members = [
        Person(p, carers_allowance=CarersAllowanceClaim()) if carer else Person(p) for p in people
    ]
    return HouseholdRecord(key, Household(people=members), [agreed(p) for p in people])


def _book(*records: HouseholdRecord) -> Ledger:
    return Ledger(
        contributors=[Contributor(p) for p in ("amira", "bilal", "carol")], households=records
    )


# ---------------------------------------------------------------------------------------------
# Another household's record id is refused


def test_another_households_record_id_is_refused_and_carols_check_stands() -> None:
    """Carol gets Carer's Allowance (2026/27: £86.45 a week, lost in a week whose earnings
    are over £204). A record for Amira alone given Carol's record's id ``h-1`` is refused,
    naming the entry and neither person nor benefit; Carol's £250 in the week of 12 May 2026
    is still over £204, so that week's £86.45 is lost: change -£86.45."""
    book = _book(_home("h-1", "carol", carer=True))
    with pytest.raises(ValidationError) as refused:
        book.with_entries(households=[_home("h-1", "amira")])
    assert refused.value.path == "households[0].id"
    assert refused.value.problem == "is the id of another household's record"
    said = str(refused.value)
    for secret in ("amira", "carol", "Carer", "carers"):
        assert secret not in said
    check = assess_before_paying(
        book,
        PaymentEntry("c-1", "carol", "250.00", "2026-05-12", payer="uni"),
        as_at=dt.date(2026, 5, 1),
    )
    assert check.change() == Money.gbp("-86.45")


def test_the_refusal_names_the_entry_by_its_place_in_the_change() -> None:
    book = _book(_home("h-1", "carol"))
    with pytest.raises(ValidationError) as refused:
        book.with_entries(households=[_home("h-2", "bilal"), _home("h-1", "amira")])
    assert refused.value.path == "households[1].id"


def test_an_id_given_twice_in_one_change_is_refused() -> None:
    """Two records with one id in one change: the first would silently be lost."""
    with pytest.raises(ValidationError) as refused:
        _book().with_entries(households=[_home("h-1", "carol"), _home("h-1", "amira")])
    assert refused.value.path == "households[1].id"


def test_the_same_household_under_its_id_is_updated() -> None:
    """Amira's record ``h-1`` given again with Bilal, who moved in: it shares Amira, so it is
    her household's record updated, and replaces the old one."""
    book = _book(_home("h-1", "amira"))
    after = book.with_entries(households=[_home("h-1", "amira", "bilal")])
    assert after.members("bilal") == ("amira", "bilal")
    assert book.replaced_households([_home("h-1", "amira", "bilal")]) == (book.households["h-1"],)


def test_replaced_households_refuses_what_with_entries_refuses() -> None:
    book = _book(_home("h-1", "carol"))
    with pytest.raises(ValidationError, match="another household's record"):
        book.replaced_households([_home("h-1", "amira")])


# ---------------------------------------------------------------------------------------------
# A partner leaving is a replacement


def test_a_partner_leaving_replaces_the_couples_record() -> None:
    """Bilal leaves Amira: his own record ``h-b`` drops the couple's ``h-j``, and with it the
    circumstances of Amira, who is in no record any more."""
    book = _book(_home("h-j", "amira", "bilal"))
    bilal = _home("h-b", "bilal")
    assert book.replaced_households([bilal]) == (book.households["h-j"],)
    after = book.with_entries(households=[bilal])
    assert after.household_of("amira") is None
    assert list(after.households) == ["h-b"]


def test_a_new_household_replaces_nothing() -> None:
    book = _book(_home("h-j", "amira", "bilal"))
    assert book.replaced_households([_home("h-c", "carol")]) == ()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteLedgerStore]:
    opened = SqliteLedgerStore.create(tmp_path / "ledger.sqlite3")
    opened.add(contributors=[Contributor(p) for p in ("amira", "bilal", "carol")])
    yield opened
    opened.close()


def test_the_store_counts_a_partner_leaving_as_a_replacement(store: SqliteLedgerStore) -> None:
    """The couple's record, then Bilal's own: one record given, one replaced (the couple's),
    one person (Amira) left without circumstances recorded."""
    assert store.add(households=[_home("h-j", "amira", "bilal")]) == Changes(1, 0)
    assert store.add(households=[_home("h-b", "bilal")]) == Changes(0, 1, left_unrecorded=1)
    assert list(store.load().households) == ["h-b"]


def test_the_store_counts_two_people_forming_a_couple_as_one_replacement(
    store: SqliteLedgerStore,
) -> None:
    """Amira's and Bilal's own records, then the couple's: one record given, replacing two;
    nobody is left without circumstances (both are in the couple's record)."""
    store.add(households=[_home("h-a", "amira"), _home("h-b", "bilal")])
    assert store.add(households=[_home("h-j", "amira", "bilal")]) == Changes(0, 1)
    assert list(store.load().households) == ["h-j"]


def test_the_store_refuses_another_households_record_id_and_writes_nothing(
    store: SqliteLedgerStore,
) -> None:
    store.add(households=[_home("h-1", "carol", carer=True)])
    before = store.export()
    with pytest.raises(ValidationError) as refused:
        store.add(households=[_home("h-1", "amira")])
    assert refused.value.path == "households[0].id"
    assert store.export() == before


def test_the_store_updates_a_household_under_its_own_id(store: SqliteLedgerStore) -> None:
    store.add(households=[_home("h-1", "amira")])
    assert store.add(households=[_home("h-1", "amira", "bilal")]) == Changes(0, 1)
    assert store.load().members("bilal") == ("amira", "bilal")


# ---------------------------------------------------------------------------------------------
# No change leaves a person without circumstances unless it says it replaced their record

_PEOPLE = ("p0", "p1", "p2", "p3")
_IDS = ("h0", "h1", "h2", "h3")


@st.composite
def _ledgers(draw: st.DrawFn) -> Ledger:
    """Four contributors, some of them in household records of one or two (disjoint)."""
    people = list(draw(st.permutations(_PEOPLE)))
    ids = iter(draw(st.permutations(_IDS)))
    records = []
    while people:
        size = min(len(people), draw(st.integers(1, 2)))
        group, people = people[:size], people[size:]
        if draw(st.integers(0, 3)):  # most people have circumstances recorded
            records.append(_home(next(ids), *group))
    return Ledger(contributors=[Contributor(p) for p in _PEOPLE], households=records)


_RECORDS = st.lists(
    st.builds(
        lambda key, people: _home(key, *people),
        st.sampled_from((*_IDS, "n0", "n1", "n2")),  # recorded ids, and new ones
        st.lists(st.sampled_from(_PEOPLE), min_size=1, max_size=2, unique=True),
    ),
    max_size=3,
)


@given(_ledgers(), _RECORDS)
def test_no_change_leaves_a_person_without_circumstances_unless_it_replaced_their_record(
    book: Ledger, records: list[HouseholdRecord]
) -> None:
    reused = [
        index
        for index, r in enumerate(records)
        if r.id in book.households and not set(book.households[r.id].members) & set(r.members)
    ]
    refused: ValidationError | None = None
    try:
        after = book.with_entries(households=records)
    except ValidationError as error:
        refused = error
    event("refused" if refused is not None else "made")
    if refused is not None:
        # Refused as another household's id only when one is (the first such entry named).
        if refused.problem == "is the id of another household's record":
            assert refused.path == f"households[{reused[0]}].id"
        return
    assert not reused  # another household's record is never replaced
    replaced = {r.id for r in book.replaced_households(records)}
    lost = [p for p in _PEOPLE if book.household_of(p) and not after.household_of(p)]
    event("someone left without circumstances" if lost else "nobody left without")
    for person in _PEOPLE:
        had = book.household_of(person)
        if had is not None and after.household_of(person) is None:
            assert had.id in replaced
    for key, record in book.households.items():
        if key not in replaced:
            assert after.households[key] == record
        elif key in after.households:
            assert set(after.households[key].members) & set(record.members)


def test_the_store_counts_everyone_a_change_leaves_without_circumstances(tmp_path: Path) -> None:
    """Two couples (Amira and Bilal; Carol and Dan), then Bilal and Dan's record: one record
    given, replacing both couples' (counted once, as it is one entry); Amira and Carol are in
    no record any more: two people left without circumstances."""
    with SqliteLedgerStore.create(tmp_path / "ledger.sqlite3") as store:
        store.add(contributors=[Contributor(p) for p in ("amira", "bilal", "carol", "dan")])
        store.add(households=[_home("h-1", "amira", "bilal"), _home("h-2", "carol", "dan")])
        assert store.add(households=[_home("h-3", "bilal", "dan")]) == Changes(
            0, 1, left_unrecorded=2
        )
        assert list(store.load().households) == ["h-3"]


def test_ledger_add_household_says_a_partner_was_left_without_circumstances(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bilal's own record after the couple's: the command says it replaced one record and
    that one other member has no circumstances recorded now, without saying who."""
    book = str(tmp_path / "ledger.sqlite3")
    with SqliteLedgerStore.create(book) as store:
        store.add(
            contributors=[Contributor("amira"), Contributor("bilal")],
            households=[_home("h-j", "amira", "bilal")],
        )
    bilal = tmp_path / "bilal.json"
    bilal.write_text(json.dumps(to_plain(_home("h-b", "bilal"), include_sensitive=True)))
    capsys.readouterr()
    assert main(["ledger", "add", "household", str(bilal), "--ledger", book]) == 0
    out, err = capsys.readouterr()
    assert out == (
        "Added 0, replaced 1.\n"
        "1 other member of a replaced household record now has no circumstances recorded.\n"
    )
    assert "amira" not in out + err
