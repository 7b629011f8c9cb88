"""Every ledger and store class's ``repr`` (a log line) says nothing special-category.

Whose benefit circumstances are held is itself special-category data (UK GDPR art. 9), so a
repr may name a person only beside what is not sensitive about them (the question asked, a
payment, an ask), never beside whether their circumstances are held (``checked``), which
benefit they get, which community they belong to, or the basis and purpose of holding their
circumstances. ``ContributorStatement`` showed ``checked=True`` or ``False`` and its "not
checked" findings naming the person; ``ConsentRecord`` named the person, the purpose and
the art. 9 basis.

The walk draws ledgers from :mod:`participatory.testing.ledger`, builds every record and
answer the ledger's modules make from them, and reads each one's repr; a class of
``participatory.ledger`` or ``participatory.store`` the walk does not reach must be listed
below as holding nothing about a person, so a new class is looked at when it is added.
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import inspect
import pkgutil
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

import participatory.ledger
import participatory.store
from participatory.benefits.kinds import Benefit, LegacyBenefit
from participatory.core.explain import Finding
from participatory.ledger import (
    Ask,
    LawfulBasis,
    Ledger,
    PaymentEntry,
    assess_before_paying,
    assess_headroom,
    assess_over_asking,
    contributor_statement,
    erase_expired,
)
from participatory.testing import benefits as tb
from participatory.testing import ledger as tl

from .conftest import carer_ledger, fee

#: Classes that hold nothing about a person: import settings, the schema, counts, errors.
NOTHING_ABOUT_A_PERSON = {
    "participatory.store.finance.RowProblem",
    "participatory.store.finance.ImportLimits",
    "participatory.store.finance.ColumnMapping",
    "participatory.store.finance.ImportRejected",
    "participatory.store.migrations.Migration",
    "participatory.store.protocol.Changes",
    "participatory.store.protocol.StoreError",
    "participatory.store.protocol.LedgerStore",
    "participatory.store.sqlite.SqliteLedgerStore",
}

#: Words that say which benefit someone gets (values, labels and member names).
BENEFIT_WORDS = sorted(
    {word for kind in (Benefit, LegacyBenefit) for b in kind for word in (b.value, b.name)}
    | {b.label for b in Benefit}
    | {"Claim(", "Benefit."}
)
BASIS_WORDS = sorted({b.value for b in LawfulBasis} | {b.name for b in LawfulBasis})
PURPOSES = ("checking payments against benefit rules", "benefits checks")

AS_AT = dt.date(2025, 6, 1)


def _classes() -> Iterator[type]:
    for package in (participatory.ledger, participatory.store):
        for module_info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{module_info.name}")
            for _name, cls in vars(module).items():
                if (
                    inspect.isclass(cls)
                    and cls.__module__ == module.__name__
                    and not cls.__name__.startswith("_")
                    and not issubclass(cls, enum.Enum)
                ):
                    yield cls


def _parts(value: Any) -> Iterator[Any]:
    """``value`` and every record its repr shows (a redacted field or finding is not entered)."""
    yield value
    if isinstance(value, Finding):
        return  # its repr is its own: whole, or withheld whole
    if isinstance(value, list | tuple):
        for item in value:
            yield from _parts(item)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _parts(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if field.repr is True:
                yield from _parts(getattr(value, field.name))


def _answers(book: Ledger, person: str, day: dt.date) -> list[Any]:
    proposal = PaymentEntry("proposed", person, "25.00", day, status="planned", payer="uni")
    return [
        assess_before_paying(book, proposal, as_at=AS_AT),
        assess_headroom(book, person, day, as_at=AS_AT),
        contributor_statement(book, person, 2025, as_at=AS_AT),
    ]


def _check(value: Any, *, people: frozenset[str] = frozenset()) -> None:
    shown = repr(value)
    if hasattr(value, "id"):  # an entry's own id is the caller's to choose
        shown = shown.replace(repr(value.id), "'x'")
    words = [*BENEFIT_WORDS, *BASIS_WORDS, *PURPOSES, "checked="]
    if not isinstance(value, Ask | Ledger):
        # An ask to a community names it and no one; anywhere else a community beside a
        # person says they belong to it.
        words += tl.COMMUNITIES
    for word in words:
        assert word not in shown, (word, shown)
    for person in people:
        assert f"'{person}'" not in shown, (person, shown)


REACHED: set[str] = set()


# Each example runs the benefits engine a few times: shrinking a failure took minutes, and the
# failing repr says what leaked without it.
@settings(max_examples=25, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(book=tl.ledgers(), data=st.data())
def test_no_repr_says_whose_circumstances_are_held_or_what_they_are(
    book: Ledger, data: st.DataObject
) -> None:
    person = data.draw(st.sampled_from(sorted(book.contributors)), label="person")
    day = data.draw(tb.payment_days(dt.date(2025, 4, 15), dt.date(2026, 2, 28)), label="day")
    _walk(book, person, day)


def _walk(book: Ledger, person: str, day: dt.date) -> None:
    """Build every answer about ``person`` on ``day`` and check every repr it shows."""
    bare = book.without_households(book.households)
    held, not_held = _answers(book, person, day), _answers(bare, person, day)
    # An answer about a person shows the same whether or not their circumstances are held.
    assert [repr(a) for a in held] == [repr(a) for a in not_held]
    members = frozenset(m for record in book.households.values() for m in record.members)
    for record in book.households.values():
        _check(record, people=members)
        for consent in record.consents:
            _check(consent, people=members)
    statement = held[2]
    periods = (*statement.weeks, *statement.assessment_periods)
    answers = [
        *held,
        *periods,
        *(line for period in periods for line in period.benefits),
        assess_over_asking(book, as_at=dt.date(2026, 12, 1)),
        erase_expired(book, dt.date(2028, 1, 1)),
    ]
    for value in (
        *book.households.values(),
        *(c for r in book.households.values() for c in r.consents),
    ):
        REACHED.add(f"{type(value).__module__}.{type(value).__qualname__}")
    everything = [
        book,
        *book.contributors.values(),
        *book.payments.values(),
        # The payments of a finance export, as read_payments gives them with their rows.
        participatory.store.FinancePayments(
            book.payments.values(), name="fees.csv", rows=range(2, 2 + len(book.payments))
        ),
        *book.asks.values(),
        *(part for answer in answers for part in _parts(answer)),
    ]
    for value in everything:
        REACHED.add(f"{type(value).__module__}.{type(value).__qualname__}")
        _check(value)


def test_the_walk_reaches_every_class_that_can_hold_something_about_a_person() -> None:
    """Whatever the generated ledgers above happened to reach, one carer's ledger with a
    payment from another project reaches a statement's weeks and benefit lines too."""
    river = fee("river-1", "amira", "150.00", "2026-01-13", project="river")
    asks = [Ask(f"a{i}", f"p{i}", f"act{i}", dt.date(2026, 11, i), person="amira") for i in (2, 3)]
    _walk(carer_ledger([river]).with_entries(asks=asks), "amira", dt.date(2026, 1, 14))
    names = {f"{cls.__module__}.{cls.__qualname__}" for cls in _classes()}
    assert names - REACHED - NOTHING_ABOUT_A_PERSON == set()
