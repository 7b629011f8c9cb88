"""The SQLite ledger: the file, the schema, transactions, loading, and erasing."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
from pathlib import Path

import attrs
import pytest

from participatory.benefits import CarersAllowanceClaim, Household, Person
from participatory.core.errors import ValidationError
from participatory.ledger import Ask, ConsentRecord, Contributor, HouseholdRecord, PaymentEntry
from participatory.store import Changes, LedgerStore, SqliteLedgerStore, StoreError
from participatory.store.migrations import LATEST, MIGRATIONS

AGREED = ConsentRecord("amira", "amira", "2025-04-01", "benefits checks", "2027-03-31")
HOME = HouseholdRecord(
    "h-amira", Household(people=[Person("amira", carers_allowance=CarersAllowanceClaim())]),
    [AGREED],
)  # fmt: skip


def _fee(key: str, person: str = "amira", day: str = "2026-01-13", **more: object) -> PaymentEntry:
    return PaymentEntry(key, person, "150.00", day, payer="uni", **more)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> SqliteLedgerStore:
    opened = SqliteLedgerStore.create(tmp_path / "ledger.sqlite3")
    opened.add(contributors=[Contributor("amira", communities=["carers-north"]),
                             Contributor("ben")], households=[HOME])  # fmt: skip
    yield opened
    opened.close()


def _table(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as db:
        return list(db.execute(sql))


def test_the_file_is_owner_only_with_wal_and_foreign_keys(store: SqliteLedgerStore) -> None:
    mode = stat.S_IMODE(store.path.stat().st_mode)
    assert mode == 0o600
    wal = Path(f"{store.path}-wal")
    assert wal.exists()
    assert stat.S_IMODE(wal.stat().st_mode) == 0o600
    assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert isinstance(store, LedgerStore)


def test_versions_are_recorded_and_a_newer_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "l.sqlite3"
    SqliteLedgerStore.create(path).close()
    assert _table(path, "SELECT version FROM schema_versions") == [(m.version,) for m in MIGRATIONS]
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO schema_versions VALUES (?, 'from the future')", (LATEST + 1,))
    with pytest.raises(StoreError, match="newer version"):
        SqliteLedgerStore.open(path)


def test_an_older_schema_is_upgraded_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "l.sqlite3"
    SqliteLedgerStore.create(path).close()
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM schema_versions")
        db.execute("DROP TABLE asks")
        db.execute("DROP TABLE payments")
        db.execute("DROP TABLE consents")
        db.execute("DROP TABLE household_members")
        db.execute("DROP TABLE households")
        db.execute("DROP TABLE contributors")
    with pytest.raises(StoreError, match="ledger init"):
        SqliteLedgerStore.open(path)
    with SqliteLedgerStore.open(path, migrate=True) as store:
        assert store.schema_version == LATEST


def test_opening_refuses_what_is_not_a_ledger(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no ledger there"):
        SqliteLedgerStore.open(tmp_path / "missing.sqlite3")
    assert not (tmp_path / "missing.sqlite3").exists()
    text = tmp_path / "notes.txt"
    text.write_text("hello, not a database" * 100)
    with pytest.raises(StoreError):
        SqliteLedgerStore.open(text)
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE x (y)")
    with pytest.raises(StoreError, match="not a ledger"):
        SqliteLedgerStore.open(other)
    with pytest.raises(StoreError, match="already there"):
        SqliteLedgerStore.create(other)


@pytest.mark.parametrize("path", [None, 3, b"ledger.sqlite3", ["ledger.sqlite3"], "a\x00b"])
@pytest.mark.parametrize("opening", ["open", "create"])
def test_a_value_that_is_not_a_path_is_refused_before_any_file_is_touched(
    path: object, opening: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An int was a file descriptor to ``sqlite3``; bytes or a NUL failed deep inside."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValidationError, match=r"^path: the file") as caught:
        getattr(SqliteLedgerStore, opening)(path)
    assert "\x00" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_name_too_long_is_the_stores_own_error(tmp_path: Path) -> None:
    """``Path.is_file`` lets ENAMETOOLONG out; creating one said so already."""
    long = tmp_path / ("l" * 300 + ".sqlite3")
    with pytest.raises(StoreError, match=r"cannot be read \(File name too long\)$"):
        SqliteLedgerStore.open(long)
    with pytest.raises(StoreError, match=r"cannot be created \(File name too long\)$"):
        SqliteLedgerStore.create(long)
    assert list(tmp_path.iterdir()) == []


def test_money_and_dates_are_stored_exactly(store: SqliteLedgerStore) -> None:
    store.add(payments=[_fee("p", hours="1.25", worked_on=dt.date(2026, 1, 5))])
    row = _table(store.path, "SELECT amount, received_on, hours, worked_on FROM payments")
    assert row == [("150.00", "2026-01-13", "1.25", "2026-01-05")]
    assert store.load().payments["p"] == _fee("p", hours="1.25", worked_on=dt.date(2026, 1, 5))


def test_circumstances_round_trip_and_sit_in_json(store: SqliteLedgerStore) -> None:
    assert store.load().households == {"h-amira": HOME}
    (circumstances,) = _table(store.path, "SELECT circumstances FROM households")[0]
    assert '"carers_allowance"' in str(circumstances)


def test_a_refused_change_writes_nothing(store: SqliteLedgerStore) -> None:
    before = store.export()
    with pytest.raises(ValidationError):
        store.add(payments=[_fee("ok"), _fee("bad", person="nobody")])
    with pytest.raises(ValidationError):
        store.add(asks=[Ask("a", "river", "w", dt.date(2026, 1, 1), person="nobody")])
    with pytest.raises(ValidationError):  # two households for amira in one change
        store.add(households=[attrs.evolve(HOME, id="h2"), attrs.evolve(HOME, id="h3")],
                  payments=[_fee("also-not-written")])  # fmt: skip
    assert store.export() == before


def test_adding_replaces_by_id_and_counts(store: SqliteLedgerStore) -> None:
    assert store.add(payments=[_fee("p1"), _fee("p2")]) == Changes(2, 0)
    assert store.add(payments=[_fee("p1", status="cancelled")]) == Changes(0, 1)
    assert store.load().payments["p1"].status.value == "cancelled"


def test_a_new_household_record_replaces_the_old_one(store: SqliteLedgerStore) -> None:
    newer = HouseholdRecord("h-amira-2026", Household(people=[Person("amira")]), [AGREED])
    store.add(households=[newer])
    assert list(store.load().households) == ["h-amira-2026"]
    assert _table(store.path, "SELECT count(*) FROM consents") == [(1,)]


def test_loading_one_persons_part(store: SqliteLedgerStore) -> None:
    store.add(
        payments=[_fee("a1"), _fee("b1", person="ben")],
        asks=[Ask("k", "river", "w", dt.date(2026, 1, 1), person="ben"),
              Ask("g", "river", "w", dt.date(2026, 1, 1), community="carers-north")],
    )  # fmt: skip
    part = store.load(people=["amira"])
    assert set(part.contributors) == {"amira"}
    assert set(part.payments) == {"a1"}
    assert set(part.households) == {"h-amira"}
    assert not part.asks
    everything = store.load(payments=False)
    assert not everything.payments
    assert set(everything.asks) == {"k", "g"}


def test_import_is_all_or_nothing(store: SqliteLedgerStore) -> None:
    with pytest.raises(ValidationError) as caught:
        store.import_payments([_fee("x1"), _fee("x2", person="nobody")])
    assert caught.value.path == "payments[1].person"
    with pytest.raises(ValidationError):
        store.import_payments([_fee("x1"), _fee("x1")])
    assert not store.load().payments
    assert store.import_payments([_fee("x1"), _fee("x2", person="ben")]) == Changes(2, 0)


def test_restore_needs_an_empty_store(store: SqliteLedgerStore, tmp_path: Path) -> None:
    store.add(payments=[_fee("p")], asks=[Ask("k", "r", "w", dt.date(2026, 1, 1), person="ben")])
    data = store.export()
    with pytest.raises(StoreError, match="not empty"):
        store.restore(data)
    with SqliteLedgerStore.create(tmp_path / "copy.sqlite3") as copy:
        assert copy.restore(data) == Changes(5, 0)  # 2 people, 1 household, 1 payment, 1 ask
        assert copy.load() == store.load()


def test_erasing_removes_the_circumstances_and_their_traces(store: SqliteLedgerStore) -> None:
    store.add(payments=[_fee("p")])
    assert store.erase_expired(dt.date(2027, 3, 31)).households == 0
    erased = store.erase_expired(dt.date(2027, 4, 1))
    assert (erased.households, erased.people, erased.consents) == (1, 1, 1)
    assert erased.ledger is None
    ledger = store.load()
    assert not ledger.households
    assert set(ledger.payments) == {"p"}
    for table in ("households", "household_members", "consents"):
        assert _table(store.path, f"SELECT count(*) FROM {table}") == [(0,)]
    store.close()
    for suffix in ("", "-wal"):
        path = Path(f"{store.path}{suffix}")
        if path.exists():
            assert b"carers_allowance" not in path.read_bytes(), suffix


def test_a_refusal_without_the_systems_words_names_the_kind_of_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(_self: Path) -> bool:
        raise PermissionError  # no errno, no words: strerror is None

    monkeypatch.setattr(Path, "is_file", refused)
    with pytest.raises(StoreError, match=r"cannot be read \(PermissionError\)$"):
        SqliteLedgerStore.open(tmp_path / "ledger.sqlite3")


@pytest.mark.parametrize("mode", [0o644, 0o666, 0o640])
def test_an_empty_file_made_a_ledger_is_owner_only(tmp_path: Path, mode: int) -> None:
    """A file made by touch or mktemp, opened to upgrade, became a ledger of special-category
    data that kept its 0644 and was readable by everyone (and so was its write-ahead log)."""
    path = tmp_path / "ledger.sqlite3"
    path.touch()
    path.chmod(mode)
    with SqliteLedgerStore.open(path, migrate=True) as opened:
        assert opened.schema_version == LATEST
        opened.add(contributors=[Contributor("amira")], households=[HOME])
        for file in (path, Path(f"{path}-wal")):
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name


def test_a_ledger_that_holds_data_keeps_the_mode_its_owner_chose(tmp_path: Path) -> None:
    """Only an empty file is a new ledger: a shared one (0640 for a group) is the owner's to set."""
    path = tmp_path / "ledger.sqlite3"
    SqliteLedgerStore.create(path).close()
    path.chmod(0o640)
    SqliteLedgerStore.open(path, migrate=True).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_an_empty_file_is_not_touched_by_a_reader(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    path.touch()
    path.chmod(0o644)
    with pytest.raises(StoreError, match="schema is version 0"):
        SqliteLedgerStore.open(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
