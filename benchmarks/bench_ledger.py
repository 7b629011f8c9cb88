"""The contributors' ledger at a university's scale: import, before-you-pay, headroom.

The ledger is synthetic and seeded: 10,000 contributors and 200,000 payments over the tax
year 2025/26 (twenty each, from five payers and forty projects: mostly fees, some receipted
expenses and vouchers; mostly paid, some planned, a few cancelled). A quarter of the
contributors get Carer's Allowance, a quarter Universal Credit with the work allowance, a
quarter new-style ESA in permitted work; the rest have no circumstances recorded. Every
household record has a consent in force.

Timed:

* ``import_200000_payments``: a finance system's CSV export of all 200,000 payments read
  through a column mapping (every row checked) and written to a fresh SQLite ledger in one
  transaction (the contributors are set up outside the timed part).
* ``before_you_pay_check``: :func:`participatory.ledger.assess_before_paying` for a £150 fee
  to a carer who was paid £150 by another project the same week (the answer, worked by hand:
  £300 > £196, the next week's £83.30 is lost). Only the payments in the weeks and
  assessment periods around the day reach the benefits engine; the numbers are computed, the
  explanation (findings, headroom) is built when read, so reading it is timed separately as
  ``before_you_pay_explained``.
* ``headroom_query``: :func:`participatory.ledger.assess_headroom` for the same carer two days
  later (£196 - £150 = £46.00).
* ``before_you_pay_from_sqlite``: what the command line does: load the person's part of the
  SQLite ledger, then check.

With timing off (``.ci/run``'s quick pass) a smaller ledger keeps the run short; the code
paths are the same.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from participatory.benefits import (
    Benefit,
    CarersAllowanceClaim,
    EmploymentSupportAllowanceClaim,
    Household,
    Person,
    UniversalCreditClaim,
    WorkCapability,
)
from participatory.core.money import Money
from participatory.ledger import (
    ConsentRecord,
    Contributor,
    HouseholdRecord,
    Ledger,
    PaymentEntry,
    assess_before_paying,
    assess_headroom,
)
from participatory.store import ColumnMapping, SqliteLedgerStore, read_payments

CONTRIBUTORS = 10_000
PAYMENTS = 200_000
QUICK_CONTRIBUTORS = 200
QUICK_PAYMENTS = 4_000
AS_AT = dt.date(2026, 1, 10)
YEAR_START = dt.date(2025, 4, 7)
PAYERS = ("University of Bath", "University of Bristol", "NHS trust", "Mind", "council")
COLUMNS = ("ref", "who", "net", "paid", "type", "status", "payer", "project", "hours")
MAPPING = ColumnMapping.from_data(
    {"columns": {"id": "ref", "person": "who", "amount": "net", "received_on": "paid",
                 "kind": "type", "status": "status", "payer": "payer",
                 "project": "project", "hours": "hours"}}
)  # fmt: skip
#: The carer whose payments are checked, and their two fees in the week of 12 January 2026.
CARER = "c00001"
RIVER = PaymentEntry("river-1", CARER, "150.00", "2026-01-13", payer="Mind", project="river")
PROPOSAL = PaymentEntry(
    "pillow-1", CARER, "150.00", "2026-01-14", status="planned", payer="University of Bath",
    project="pillow",
)  # fmt: skip


def _consent(person: str) -> ConsentRecord:
    return ConsentRecord(person, person, "2025-04-01", "benefits checks", "2027-03-31")


def _household(index: int, person: str, rng: random.Random) -> HouseholdRecord | None:
    kind = index % 4
    if kind == 1:
        home = Household(people=[Person(person, carers_allowance=CarersAllowanceClaim())])
    elif kind == 2:
        first = YEAR_START + dt.timedelta(days=rng.randrange(365))
        home = Household(
            people=[Person(person, capability=WorkCapability.LCW)],
            universal_credit=UniversalCreditClaim(first_date_of_entitlement=first),
        )
    elif kind == 3:
        home = Household(people=[Person(person, esa=EmploymentSupportAllowanceClaim(
            weekly_award="92.05", permitted_work="higher_limit",
            benefit_week_start=rng.randrange(7)))])  # fmt: skip
    else:
        return None
    return HouseholdRecord(f"h-{person}", home, [_consent(person)])


def _rows(contributors: int, payments: int, seed: int = 2025) -> Iterator[tuple[str, ...]]:
    rng = random.Random(seed)
    for index in range(payments):
        person = f"c{index % contributors:05d}"
        if person == CARER:  # the checked carer's payments are set by hand
            continue
        day = YEAR_START + dt.timedelta(days=rng.randrange(364))
        roll = rng.random()
        kind = "fee" if roll < 0.8 else "receipted_expenses" if roll < 0.95 else "voucher"
        roll = rng.random()
        status = "paid" if roll < 0.85 else "planned" if roll < 0.97 else "cancelled"
        yield (
            f"pay-{index:06d}", person, f"{Decimal(rng.randint(20, 500)) / 2:.2f}",
            day.isoformat(), kind, status, rng.choice(PAYERS), f"project-{rng.randrange(40)}",
            str(rng.randint(1, 6)),
        )  # fmt: skip


def _csv(contributors: int, payments: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(_rows(contributors, payments))
    return out.getvalue().encode("utf-8")


class Scale:
    """The generated ledger at one size: its people, households, CSV export and value."""

    def __init__(self, contributors: int, payments: int) -> None:
        rng = random.Random(7)
        self.contributors = [Contributor(f"c{i:05d}") for i in range(contributors)]
        self.households = [
            h for i, c in enumerate(self.contributors)
            if (h := _household(i, c.id, rng)) is not None
        ]  # fmt: skip
        self.export = _csv(contributors, payments)
        entries = read_payments(self.export, format="csv", mapping=MAPPING)
        self.ledger = Ledger(
            contributors=self.contributors,
            households=self.households,
            payments=[*entries, RIVER],
        )


@pytest.fixture(scope="module")
def scale(request: pytest.FixtureRequest) -> Scale:
    quick = request.config.getoption("benchmark_disable", default=False)
    if quick:
        return Scale(QUICK_CONTRIBUTORS, QUICK_PAYMENTS)
    return Scale(CONTRIBUTORS, PAYMENTS)


def test_import_200000_payments(benchmark, scale: Scale, tmp_path: Path) -> None:
    counter = iter(range(1_000))

    def fresh_store() -> tuple[tuple[SqliteLedgerStore], dict[str, object]]:
        store = SqliteLedgerStore.create(tmp_path / f"ledger-{next(counter)}.sqlite3")
        store.add(contributors=scale.contributors, households=scale.households)
        return (store,), {}

    def import_export(store: SqliteLedgerStore) -> int:
        known = set(store.load(payments=False).contributors)
        payments = read_payments(scale.export, format="csv", mapping=MAPPING, known_people=known)
        changes = store.import_payments(payments)
        store.close()
        return changes.added

    added = benchmark.pedantic(import_export, setup=fresh_store, rounds=3, iterations=1)
    assert added == len(scale.ledger.payments) - 1


def test_before_you_pay_check(benchmark, scale: Scale) -> None:
    check = benchmark(assess_before_paying, scale.ledger, PROPOSAL, as_at=AS_AT)
    assert check.change(Benefit.CARERS_ALLOWANCE) == Money.gbp("-83.30")


def test_before_you_pay_explained(benchmark, scale: Scale) -> None:
    def explained() -> int:
        check = assess_before_paying(scale.ledger, PROPOSAL, as_at=AS_AT)
        return len(check.findings)

    assert benchmark(explained) > 0


def test_headroom_query(benchmark, scale: Scale) -> None:
    room = benchmark(assess_headroom, scale.ledger, CARER, dt.date(2026, 1, 15), as_at=AS_AT)
    assert room.for_benefit(Benefit.CARERS_ALLOWANCE) == Money.gbp("46.00")


def test_before_you_pay_from_sqlite(benchmark, scale: Scale, tmp_path: Path) -> None:
    with SqliteLedgerStore.create(tmp_path / "ledger.sqlite3") as store:
        store.add(contributors=scale.contributors, households=scale.households)
        store.import_payments(list(scale.ledger.payments.values()))

        def from_the_file() -> Money:
            part = store.load(people=[CARER])
            return assess_before_paying(part, PROPOSAL, as_at=AS_AT).change()

        assert benchmark(from_the_file) == Money.gbp("-83.30")
