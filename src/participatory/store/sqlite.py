"""The embedded default: the ledger in one SQLite file, no server needed.

:class:`SqliteLedgerStore` keeps a :class:`~participatory.ledger.Ledger` in a file that only
its owner can read or write (created with permissions ``0600``). The schema is versioned
(:mod:`participatory.store.migrations`); every change is one transaction, so a crash or a kill
in the middle of a write loses nothing that was committed and leaves nothing half-written; the
journal is SQLite's write-ahead log, foreign keys are enforced, and erased rows are overwritten
(``secure_delete``), then the log is checkpointed so no copy of erased circumstances stays in
it. Amounts are stored as exact text, dates as ISO text, a household's circumstances as JSON.

The file holds special-category data (benefit and health circumstances): it is the
institution's, to protect like any other such record (backups, encryption at rest, access).

>>> import pathlib, tempfile
>>> from participatory.ledger import Contributor, PaymentEntry
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> with SqliteLedgerStore.create(folder / "ledger.sqlite3") as store:
...     store.add(contributors=[Contributor("c-7")],
...               payments=[PaymentEntry("p-1", "c-7", "150.00", "2026-01-13", payer="uni")])
...     store.load().payments["p-1"].amount
Changes(added=2, replaced=0, left_unrecorded=0)
Money('150.00', 'GBP')
>>> oct((folder / "ledger.sqlite3").stat().st_mode & 0o777)
'0o600'
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Any, Final, TypeVar

from participatory.benefits.household import Household
from participatory.core.errors import ParticipatoryError, ValidationError, os_reason
from participatory.core.limits import DEFAULT_LIMITS, Limits, parse_json, path_name
from participatory.core.money import Money
from participatory.core.serialise import unstructure
from participatory.ledger.consent import ConsentRecord, HouseholdRecord
from participatory.ledger.contributors import Contributor
from participatory.ledger.entries import Ask, PaymentEntry
from participatory.ledger.model import Ledger, refuse_moved_payments
from participatory.ledger.retention import Erasure, erasure, expired_records
from participatory.project.convert import project_converter
from participatory.store.codec import ledger_from_data, ledger_to_data
from participatory.store.finance import FinancePayments, ImportRejected
from participatory.store.migrations import LATEST, MIGRATIONS, VERSIONS_TABLE
from participatory.store.protocol import Changes, StoreError

__all__ = ["SqliteLedgerStore"]


def _household_changes(
    replaced: Sequence[HouseholdRecord], records: Sequence[HouseholdRecord]
) -> Changes:
    """What ``records`` did, given the recorded records they replace (and so drop).

    A record that replaces one (by its id or a member's) is counted once as replaced, however
    many it replaces; a member of a replaced record in none of ``records`` is left without
    circumstances recorded.
    """
    ids = {r.id for r in replaced}
    members = {m for r in replaced for m in r.members}
    replacing = sum(1 for r in records if r.id in ids or not members.isdisjoint(r.members))
    kept = {m for r in records for m in r.members}
    return Changes(len(records) - replacing, replacing, len(members - kept))


#: Ids per ``IN (...)`` list: well under SQLite's limit on bound parameters.
_CHUNK: Final = 500

_PAYMENT_COLUMNS: Final = (
    "id, person, amount, currency, received_on, kind, status, payer, project, hours, "
    "worked_on, reference"
)
_UPSERT_PAYMENT: Final = (
    f"INSERT INTO payments ({_PAYMENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT(id) DO UPDATE SET person = excluded.person, amount = excluded.amount, "
    "currency = excluded.currency, received_on = excluded.received_on, kind = excluded.kind, "
    "status = excluded.status, payer = excluded.payer, project = excluded.project, "
    "hours = excluded.hours, worked_on = excluded.worked_on, reference = excluded.reference"
)
_UPSERT_CONTRIBUTOR: Final = (
    "INSERT INTO contributors (id, nation, communities) VALUES (?, ?, ?) ON CONFLICT(id) DO "
    "UPDATE SET nation = excluded.nation, communities = excluded.communities"
)
_UPSERT_ASK: Final = (
    "INSERT INTO asks (id, project, activity, asked_on, person, community) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET project = excluded.project, "
    "activity = excluded.activity, asked_on = excluded.asked_on, person = excluded.person, "
    "community = excluded.community"
)


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _day(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def _payment_row(p: PaymentEntry) -> tuple[object, ...]:
    return (
        p.id, p.person, str(p.amount.amount), p.amount.currency, p.received_on.isoformat(),
        p.kind.value, p.status.value, p.payer, p.project, str(p.hours), _iso(p.worked_on),
        p.reference,
    )  # fmt: skip


def _payment(row: Sequence[Any]) -> PaymentEntry:
    (key, person, amount, currency, received_on, kind, status, payer, project, hours,
     worked_on, reference) = row  # fmt: skip
    return PaymentEntry(
        key,
        person,
        Money(Decimal(amount), currency),
        dt.date.fromisoformat(received_on),
        kind,
        status,
        payer=payer,
        project=project,
        hours=Decimal(hours),
        worked_on=_day(worked_on),
        reference=reference,
    )


#: The bounds a JSON cell (a contributor's communities, a household's circumstances) is read
#: within. A cell was written by the library, but the file may have been changed outside it:
#: nesting thousands deep (a RecursionError) and numbers of thousands of digits (Python's
#: ValueError, or a stall) are refused, as in any file the library reads. Texts and lists
#: are left as long as SQLite holds: an entry made through the API may hold more than a
#: project file could, and a long text costs nothing once it is read.
_CELL_LIMITS: Final = Limits(
    text_length=1_000_000_000,
    list_length=1_000_000_000,
    depth=DEFAULT_LIMITS.depth,
    number_length=DEFAULT_LIMITS.number_length,
)


class _UnreadableCell(ParticipatoryError, ValueError):
    """A JSON cell the bounded reader refuses; a ValueError, so it is read as any bad row is."""


def _cell_error(_file: str, _key: str, _problem: str) -> _UnreadableCell:
    # The reader's problem is dropped: the row is reported by kind only (_unreadable), as a
    # place or key inside a household's circumstances can say what a person claims.
    return _UnreadableCell("a stored JSON cell cannot be read")


def _json_cell(text: object) -> Any:
    """A JSON cell, read strictly and within :data:`_CELL_LIMITS` (anything else refused).

    Not ``json.loads``: it raises RecursionError for deep nesting and ValueError (not a
    JSONDecodeError) for a number of more than 4,300 digits, which no caller expected; and
    it reads bytes, which the library never writes to a JSON cell.
    """
    if not isinstance(text, str):
        raise _cell_error("<cell>", "", "is not text")
    return parse_json(text, "<cell>", _CELL_LIMITS, error=_cell_error)


def _contributor_row(c: Contributor) -> tuple[object, ...]:
    return (c.id, c.nation.value, json.dumps(sorted(c.communities), ensure_ascii=False))


def _ask_row(a: Ask) -> tuple[object, ...]:
    return (a.id, a.project, a.activity, a.asked_on.isoformat(), a.person, a.community)


_E = TypeVar("_E", Contributor, HouseholdRecord, PaymentEntry, Ask)


def _entries(value: object, kind: type[_E], what: str) -> list[_E]:
    """``value``, a list of ``kind`` (None or a text here was a TypeError or AttributeError)."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ValidationError(what, f"must be a list of {kind.__name__}")
    found = list(value)
    for index, item in enumerate(found):
        if not isinstance(item, kind):
            raise ValidationError(f"{what}[{index}]", f"must be a {kind.__name__}")
    return found


def _import_refusal(
    payments: Sequence[PaymentEntry], problems: Sequence[tuple[int, ValidationError]]
) -> ValidationError | ImportRejected:
    """Every bad payment by its row when they came from a file, else the first by its place."""
    if isinstance(payments, FinancePayments):
        return payments.refusal(
            (index, error.path, f"{error.problem} ({error.hint})" if error.hint else error.problem)
            for index, error in problems
        )
    index, error = problems[0]
    return ValidationError(f"payments[{index}].{error.path}", error.problem, hint=error.hint)


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def _create_private_file(path: Path) -> None:
    """Create ``path`` readable and writable by its owner only (whatever the umask)."""
    try:
        handle = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise StoreError(f"{path}: a file is already there; open it instead") from None
    except OSError as error:
        raise StoreError(f"{path}: cannot be created ({error.strerror})") from None
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(handle, 0o600)
    finally:
        os.close(handle)


def _private_if_empty(path: Path) -> None:
    """Make an empty file at ``path`` readable and writable by its owner only.

    A file made by ``touch``, ``mktemp`` or a provisioning tool has no tables yet, and
    opening it to upgrade makes it a new ledger of special-category data: it gets the
    permissions :meth:`SqliteLedgerStore.create` gives one, before anything is written (SQLite
    gives its write-ahead log the same permissions as the file). A file that already holds
    data keeps the permissions its owner chose.
    """
    try:
        handle = os.open(path, os.O_RDWR)
    except OSError as error:
        raise StoreError(f"{path}: cannot be opened ({os_reason(error)})") from None
    try:
        if os.fstat(handle).st_size == 0:
            if hasattr(os, "fchmod"):
                os.fchmod(handle, 0o600)
            else:  # Windows: only the read-only bit exists
                os.chmod(path, 0o600)
    except OSError as error:
        raise StoreError(
            f"{path}: an empty file that cannot be made readable by its owner only "
            f"({os_reason(error)}); remove it, or let 'participatory ledger init' create it"
        ) from None
    finally:
        os.close(handle)


def _not_a_path(_file: str, _key: str, problem: str) -> ValidationError:
    return ValidationError("path", problem)


def _is_file(path: Path) -> bool:
    """Whether ``path`` is a file; a name too long or a folder one may not search is an error."""
    try:
        return path.is_file()
    except OSError as error:  # Path.is_file answers only "no such file" itself
        raise StoreError(f"{path}: cannot be read ({os_reason(error)})") from None


class SqliteLedgerStore:
    """A ledger kept in one SQLite file (see the module documentation)."""

    def __init__(self, path: str | Path, *, create: bool = False, migrate: bool = False) -> None:
        """Open the ledger file at ``path`` (see :meth:`open`), or make one (:meth:`create`)."""
        where = Path(path_name(path, error=_not_a_path))
        self.path = where
        if create:
            _create_private_file(where)
            try:
                self._db = self._connect(where)
                self._migrate()
            except BaseException:
                with contextlib.suppress(OSError):
                    where.unlink()
                raise
            return
        if not _is_file(where):
            raise StoreError(
                f"{where}: no ledger there (create one with 'participatory ledger init')"
            )
        if migrate:
            _private_if_empty(where)
        self._db = self._connect(where)
        try:
            version = self.schema_version
            if version > LATEST:
                raise StoreError(
                    f"{where}: made by a newer version of participatory (schema {version}); "
                    "upgrade the library"
                )
            if version < LATEST:
                if not migrate:
                    raise StoreError(
                        f"{where}: the ledger's schema is version {version}, this library's is "
                        f"{LATEST}: run 'participatory ledger init' to upgrade it"
                    )
                self._migrate()
        except BaseException:
            self.close()
            raise

    # --- opening -----------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path) -> SqliteLedgerStore:
        """A new ledger file at ``path`` (which must not exist), at the latest schema."""
        return cls(path, create=True)

    @classmethod
    def open(cls, path: str | Path, *, migrate: bool = False) -> SqliteLedgerStore:
        """The ledger file at ``path``.

        An older schema is brought up to date only when ``migrate`` is true; otherwise it is
        an error, so a reader never writes.
        """
        return cls(path, migrate=migrate)

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(path, isolation_level=None)
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA busy_timeout = 5000")
            mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            # Committed means on disk: a power cut after an acknowledged write loses nothing.
            db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA secure_delete = ON")
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{path}: is not a ledger file ({error})") from None
        if str(mode).lower() != "wal":
            db.close()
            raise StoreError(f"{path}: the write-ahead log cannot be used on this file system")
        return db

    def close(self) -> None:
        """Close the file."""
        self._db.close()

    def __enter__(self) -> SqliteLedgerStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<SqliteLedgerStore {str(self.path)!r}>"

    @property
    def schema_version(self) -> int:
        """The latest schema version applied to the file (0 for an empty file)."""
        try:
            tables = {
                row[0]
                for row in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if "schema_versions" not in tables:
                if tables:
                    raise StoreError(f"{self.path}: is an SQLite file, but not a ledger")
                return 0
            row = self._db.execute("SELECT max(version) FROM schema_versions").fetchone()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: is not a ledger file ({error})") from None
        return int(row[0] or 0)

    def _migrate(self) -> None:
        for migration in MIGRATIONS:
            if migration.version <= self.schema_version:
                continue
            with self._transaction() as db:
                db.execute(VERSIONS_TABLE)
                for statement in migration.statements:
                    db.execute(statement)
                db.execute(
                    "INSERT INTO schema_versions (version, description) VALUES (?, ?)",
                    (migration.version, migration.description),
                )

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction: committed whole when the block ends, rolled back on any error."""
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: cannot be written ({error})") from None
        try:
            yield db
        except BaseException as error:
            db.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise StoreError(f"{self.path}: the change was refused ({error})") from None
            raise
        else:
            db.execute("COMMIT")

    # --- reading -----------------------------------------------------------------------

    def _rows(self, sql: str, ids: Sequence[str] | None) -> Iterator[Sequence[Any]]:
        # Rows are fetched whole: a generator left suspended by an error would otherwise
        # close its cursor after the file is closed, printing "Exception ignored" to stderr.
        try:
            if ids is None:
                yield from self._db.execute(sql.format(where="")).fetchall()
                return
            for chunk in _chunks(ids):
                where = f"IN ({_marks(len(chunk))})"
                yield from self._db.execute(sql.format(where=where), chunk).fetchall()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: cannot be read ({error})") from None

    def _households(self, ids: Sequence[str] | None) -> list[HouseholdRecord]:
        consents: dict[str, list[ConsentRecord]] = {}
        where = "" if ids is None else "WHERE household {where}"
        sql = (
            "SELECT household, person, agreed_by, agreed_on, purpose, retain_until, basis, "
            f"withdrawn_on FROM consents {where} ORDER BY household, position"
        )
        for row in self._rows(sql if ids is not None else sql.replace("{where}", ""), ids):
            household, person, agreed_by, agreed_on, purpose, retain_until, basis, withdrawn = row
            consents.setdefault(household, []).append(
                ConsentRecord(person, agreed_by, agreed_on, purpose, retain_until, basis, withdrawn)
            )
        where = "" if ids is None else "WHERE id {where}"
        found = []
        for key, circumstances, recorded_on in self._rows(
            f"SELECT id, circumstances, recorded_on FROM households {where} ORDER BY id", ids
        ):
            try:
                household = project_converter().structure(_json_cell(circumstances), Household)
            except Exception:
                raise StoreError(
                    f"{self.path}: the circumstances of household {key!r} cannot be read"
                ) from None
            found.append(HouseholdRecord(key, household, consents.get(key, ()), recorded_on))
        return found

    def _members(self, people: Sequence[str]) -> tuple[list[str], list[str]]:
        """The households of ``people``, and every member of them (``people`` included)."""
        households = sorted(
            {row[0] for row in self._rows(
                "SELECT household FROM household_members WHERE person {where}", people)}
        )  # fmt: skip
        members = set(people)
        members.update(
            row[0]
            for row in self._rows(
                "SELECT person FROM household_members WHERE household {where}", households
            )
        )
        return households, sorted(members)

    def load(self, *, people: Iterable[str] | None = None, payments: bool = True) -> Ledger:
        """The ledger, or the part of it about ``people`` and their households."""
        try:
            if people is None:
                household_ids: list[str] | None = None
                members: list[str] | None = None
            else:
                household_ids, members = self._members(sorted(set(people)))
            where = "" if members is None else "WHERE id {where}"
            contributors = [
                Contributor(key, _json_cell(communities), nation)
                for key, nation, communities in self._rows(
                    f"SELECT id, nation, communities FROM contributors {where}", members
                )
            ]
            found_payments: list[PaymentEntry] = []
            if payments:
                where = "" if members is None else "WHERE person {where}"
                found_payments = [
                    _payment(row)
                    for row in self._rows(
                        f"SELECT {_PAYMENT_COLUMNS} FROM payments {where}", members
                    )
                ]
            where = "" if members is None else "WHERE person {where}"
            asks = [
                Ask(key, project, activity, asked_on, person=person, community=community)
                for key, project, activity, asked_on, person, community in self._rows(
                    f"SELECT id, project, activity, asked_on, person, community FROM asks {where}",
                    members,
                )
            ]
            return Ledger(
                contributors=contributors,
                households=self._households(household_ids),
                payments=found_payments,
                asks=asks,
            )
        except (ValidationError, ValueError, TypeError, ArithmeticError) as error:
            raise self._unreadable(error) from None

    def _recorded_payments(self, ids: Sequence[str]) -> dict[str, PaymentEntry]:
        """The stored payments with these ids, by id (to see whom each is to)."""
        try:
            rows = self._rows(f"SELECT {_PAYMENT_COLUMNS} FROM payments WHERE id {{where}}", ids)
            return {payment.id: payment for payment in map(_payment, rows)}
        except (ValidationError, ValueError, TypeError, ArithmeticError) as error:
            raise self._unreadable(error) from None

    def _unreadable(self, error: Exception) -> StoreError:
        """The refusal of a stored row the ledger cannot take as an entry."""
        if isinstance(error, ValidationError):
            return StoreError(
                f"{self.path}: holds an entry the ledger's rules refuse ({error.path}: "
                f"{error.problem})"
            )
        # A row changed outside the library (a number or date that is not one): named by
        # kind only, as a value may be special-category data.
        return StoreError(f"{self.path}: holds an entry that cannot be read")

    def _existing(self, table: str, ids: Sequence[str]) -> set[str]:
        return {row[0] for row in self._rows(f"SELECT id FROM {table} WHERE id {{where}}", ids)}

    # --- writing -----------------------------------------------------------------------

    def add(
        self,
        *,
        contributors: Iterable[Contributor] = (),
        households: Iterable[HouseholdRecord] = (),
        payments: Iterable[PaymentEntry] = (),
        asks: Iterable[Ask] = (),
    ) -> Changes:
        """Add or replace these entries in one transaction; refused whole if any is invalid.

        A payment with the id of a stored payment to another person is refused: a payment
        never moves from one person to another (see :meth:`Ledger.with_entries
        <participatory.ledger.Ledger.with_entries>`).
        """
        new_contributors = _entries(contributors, Contributor, "contributors")
        new_households = _entries(households, HouseholdRecord, "households")
        new_payments = _entries(payments, PaymentEntry, "payments")
        new_asks = _entries(asks, Ask, "asks")
        people = {c.id for c in new_contributors}
        people.update(p.person for p in new_payments)
        people.update(a.person for a in new_asks if a.person is not None)
        people.update(m for h in new_households for m in h.members)
        with self._transaction() as db:
            # A payment never moves to another person: the id of one recorded for someone
            # else is refused (the upsert below would otherwise move it), as Ledger refuses it.
            refuse_moved_payments(
                self._recorded_payments([p.id for p in new_payments]), new_payments
            )
            # The records with the new records' ids too, whoever their members: the write
            # below replaces them, so the ledger's rules must see them (another household's
            # record is refused, not erased).
            people.update(
                row[0]
                for row in self._rows(
                    "SELECT person FROM household_members WHERE household {where}",
                    [h.id for h in new_households],
                )
            )
            # Checked by the ledger's own rules, against what is stored about these people.
            known = self.load(people=people, payments=False)
            known.with_entries(
                contributors=new_contributors,
                households=new_households,
                payments=new_payments,
                asks=new_asks,
            )
            return self._write(
                db,
                contributors=new_contributors,
                households=new_households,
                payments=new_payments,
                asks=new_asks,
            ) + _household_changes(known.replaced_households(new_households), new_households)

    def _write(
        self,
        db: sqlite3.Connection,
        *,
        contributors: list[Contributor],
        households: list[HouseholdRecord],
        payments: list[PaymentEntry],
        asks: list[Ask],
    ) -> Changes:
        """Write the entries; the changes to contributors, payments and asks (by their ids).

        A household record replaces more than the record with its id: its caller counts it.
        """
        changes = Changes()
        for table, items in (("contributors", contributors), ("payments", payments),
                             ("asks", asks), ("households", households)):  # fmt: skip
            ids = [item.id for item in items]
            if len(set(ids)) != len(ids):
                raise ValidationError(table, "names one id twice")
            if table != "households":
                before = len(self._existing(table, ids))
                changes += Changes(len(ids) - before, before)
        db.executemany(_UPSERT_CONTRIBUTOR, [_contributor_row(c) for c in contributors])
        for record in households:
            self._write_household(db, record)
        db.executemany(_UPSERT_PAYMENT, [_payment_row(p) for p in payments])
        db.executemany(_UPSERT_ASK, [_ask_row(a) for a in asks])
        return changes

    def _write_household(self, db: sqlite3.Connection, record: HouseholdRecord) -> None:
        members = list(record.members)
        # A person belongs to one household: their earlier record goes.
        db.execute(
            f"DELETE FROM households WHERE id = ? OR id IN (SELECT household FROM "
            f"household_members WHERE person IN ({_marks(len(members))}))",
            (record.id, *members),
        )
        circumstances = json.dumps(
            unstructure(record.household, include_sensitive=True), sort_keys=True
        )
        db.execute(
            "INSERT INTO households (id, circumstances, recorded_on) VALUES (?, ?, ?)",
            (record.id, circumstances, _iso(record.recorded_on)),
        )
        db.executemany(
            "INSERT INTO household_members (household, position, person) VALUES (?, ?, ?)",
            [(record.id, index, person) for index, person in enumerate(members)],
        )
        db.executemany(
            "INSERT INTO consents (household, position, person, agreed_by, agreed_on, purpose, "
            "retain_until, basis, withdrawn_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (record.id, index, c.person, c.agreed_by, c.agreed_on.isoformat(), c.purpose,
                 c.retain_until.isoformat(), c.basis.value, _iso(c.withdrawn_on))
                for index, c in enumerate(record.consents)
            ],
        )  # fmt: skip

    def import_payments(self, payments: Sequence[PaymentEntry]) -> Changes:
        """Add or replace a batch of payments in one transaction: all of them, or none.

        Refused whole if one has the id of a stored payment to another person, or is to
        someone who is not a contributor. The payments :func:`~participatory.store.read_payments`
        read are refused as it refuses a bad row (:class:`~participatory.store.ImportRejected`:
        the file, then every bad row by number and field); any other batch names the first
        bad entry (``payments[i].id``).
        """
        batch = list(payments)
        seen: set[str] = set()
        for index, payment in enumerate(batch):
            if not isinstance(payment, PaymentEntry):
                raise ValidationError(f"payments[{index}]", "must be a PaymentEntry")
            if payment.id in seen:
                raise ValidationError(f"payments[{index}].id", "repeats an id of this batch")
            seen.add(payment.id)
        with self._transaction() as db:
            people = {row[0] for row in db.execute("SELECT id FROM contributors")}
            recorded = self._recorded_payments([p.id for p in batch])
            problems: list[tuple[int, ValidationError]] = []
            for index, payment in enumerate(batch):
                if payment.person not in people:
                    problems.append(
                        (index, ValidationError("person", "is not a contributor in the ledger"))
                    )
                try:
                    # One at a time (the ids are distinct) so that every moved payment is found.
                    refuse_moved_payments(recorded, [payment])
                except ValidationError as error:
                    problems.append((index, ValidationError("id", error.problem, hint=error.hint)))
            if problems:
                raise _import_refusal(payments, problems)
            before = len(self._existing("payments", [p.id for p in batch]))
            db.executemany(_UPSERT_PAYMENT, [_payment_row(p) for p in batch])
        return Changes(len(batch) - before, before)

    def export(self) -> dict[str, Any]:
        """The whole ledger as JSON-ready data (special-category data included)."""
        return ledger_to_data(self.load())

    def restore(self, data: Mapping[str, Any], *, name: str = "<data>") -> Changes:
        """Load an export into this store, which must be empty; all of it, or nothing.

        ``name`` (the file the export came from) names it in errors
        (:func:`~participatory.store.ledger_from_data`).
        """
        ledger = ledger_from_data(data, name)
        with self._transaction() as db:
            for table in ("contributors", "households", "payments", "asks"):
                if db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None:
                    raise StoreError(
                        f"{self.path}: is not empty; restore an export into a new ledger"
                    )
            return self._write(
                db,
                contributors=list(ledger.contributors.values()),
                households=list(ledger.households.values()),
                payments=list(ledger.payments.values()),
                asks=list(ledger.asks.values()),
            ) + Changes(len(ledger.households))  # into an empty store: each one added

    def erase_expired(self, as_at: dt.date) -> Erasure:
        """Erase the circumstances past their basis on ``as_at``; report counts only."""
        with self._transaction() as db:
            gone = expired_records(self._households(None), as_at)
            for chunk in _chunks([r.id for r in gone]):
                db.execute(f"DELETE FROM households WHERE id IN ({_marks(len(chunk))})", chunk)
        if gone:
            # Erased means erased: no copy left in the write-ahead log.
            try:
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error as error:
                raise StoreError(f"{self.path}: the log could not be cleared ({error})") from None
        return erasure(None, gone, as_at)
