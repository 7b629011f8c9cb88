"""The benefits rules' own records never show a household's figures in their reprs.

A household's earnings, hours, capability for work, caring, children and benefit amounts
are special-category data. The rules keep them in small records: named tuples (each child's
term, a period's figures and what its explanation quotes) and, where the rules read them on
every check, slotted records (:class:`~participatory.core.record.SlottedRecord`: a
household's :class:`~participatory.benefits.household.Profile`); anything that logs or
prints one must not reveal them. The published rates' records hold only public figures and
keep the plain repr.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
from typing import Any

import pytest

import participatory.benefits
from participatory.benefits import Child, Household, Person
from participatory.benefits.household import ChildDisability
from participatory.core.record import SlottedRecord

SENTINEL = "sentinel-7f3a"

#: Records of published figures only (rates and limits read from the bundled data).
PUBLIC_FIGURES = {
    "CapRates",
    "CarersAllowanceRates",
    "DisabledChildRate",
    "PermittedWorkLimits",
    "UniversalCreditRates",
}


def _records() -> list[tuple[str, type[Any]]]:
    found = []
    for module in pkgutil.iter_modules(participatory.benefits.__path__):
        loaded = importlib.import_module(f"participatory.benefits.{module.name}")
        for name, value in vars(loaded).items():
            if (
                inspect.isclass(value)
                and value.__module__ == loaded.__name__
                and (
                    (issubclass(value, tuple) and hasattr(value, "_fields"))
                    or (issubclass(value, SlottedRecord) and value is not SlottedRecord)
                )
            ):
                found.append((f"{loaded.__name__}.{name}", value))
    return sorted(found, key=lambda item: item[0])


def _made(record: type[Any]) -> Any:
    """The record with every field the sentinel (neither kind checks its fields' types)."""
    values = [SENTINEL] * len(record._fields)
    if issubclass(record, tuple):
        return record._make(values)  # type: ignore[attr-defined]
    return record(*values)


RECORDS = _records()


def test_the_records_are_found():
    names = {name.rsplit(".", 1)[1] for name, _ in RECORDS}
    assert {"Profile", "ChildTerm", "Numbers", "CapState", "Elements"} <= names
    assert names >= PUBLIC_FIGURES


def test_both_kinds_of_record_are_found() -> None:
    """The discovery finds the slotted records (the household's profile, the rates read on
    every check) as well as the named tuples, so neither kind escapes the repr test."""
    slotted = {name.rsplit(".", 1)[1] for name, r in RECORDS if issubclass(r, SlottedRecord)}
    tuples = {name.rsplit(".", 1)[1] for name, r in RECORDS if issubclass(r, tuple)}
    assert {"Profile", "UniversalCreditRates", "CapRates"} <= slotted
    assert {"ChildTerm", "Numbers", "CapState", "Elements"} <= tuples


def test_a_slotted_record_without_its_own_slots_is_refused() -> None:
    """A subclass that lists no fields of its own would hold them in a ``__dict__``."""
    with pytest.raises(TypeError, match="__slots__"):
        type("Loose", (SlottedRecord,), {})


@pytest.mark.parametrize(("name", "record"), RECORDS, ids=[name for name, _ in RECORDS])
def test_a_record_of_a_households_figures_hides_them(name: str, record: type[Any]) -> None:
    made = _made(record)
    if name.rsplit(".", 1)[1] in PUBLIC_FIGURES:
        assert SENTINEL in repr(made)
        return
    assert SENTINEL not in repr(made)
    assert SENTINEL not in str(made)


@pytest.mark.parametrize(
    "record",
    [r for _, r in RECORDS if issubclass(r, SlottedRecord)],
    ids=[n for n, r in RECORDS if issubclass(r, SlottedRecord)],
)
def test_a_slotted_records_constructor_takes_its_fields_in_order(record: type[Any]) -> None:
    """Pickling and ``_replace`` rebuild a record through its constructor, by position and
    by name: its parameters must be its fields, in the same order."""
    parameters = list(inspect.signature(record).parameters)
    assert tuple(parameters) == record._fields


def test_a_slotted_record_compares_hashes_and_pickles_by_its_fields() -> None:
    """What the named tuples gave and the rules or their callers may rely on: the Universal
    Credit rates for 2 June 2025 (the £411 lower and £684 higher work allowances, 55% taper)
    equal a pickled copy and hash with it; a copy with another allowance is a different
    record; a household's profile survives pickling with the household, and (holding dicts)
    is no more hashable than before."""
    import copy
    import pickle

    from participatory.benefits import universal_credit as uc
    from participatory.benefits.mechanism import Context
    from participatory.core.money import Money
    from participatory.core.params import bundled_parameters

    rates = uc.rates(Context(bundled_parameters()), dt.date(2025, 6, 2))
    assert (rates.work_allowance_lower, rates.work_allowance_higher) == (41100, 68400)
    numerator, denominator = rates.taper
    assert numerator * 100 == 55 * denominator
    again = pickle.loads(pickle.dumps(rates))
    assert again == rates
    assert hash(again) == hash(rates)
    assert again is not rates
    assert copy.copy(rates) == rates
    changed = rates._replace(work_allowance_lower=0)
    assert changed != rates
    assert changed.work_allowance_higher == 68400
    assert changed._asdict()["work_allowance_lower"] == 0
    with pytest.raises(TypeError, match="no field"):
        rates._replace(work_allowance=0)
    assert rates != tuple(rates._asdict().values())

    household = Household(people=[Person("me", monthly_earnings=Money.gbp("1234.56"))])
    profile = pickle.loads(pickle.dumps(household)).profile
    assert profile == household.profile
    assert profile.monthly_earnings == 123456
    with pytest.raises(TypeError):
        hash(profile)


def test_a_real_households_profile_shows_nothing_of_it():
    """A disabled child born on 1 March 2019 and £1,234.56 a month of earnings: neither the
    date, the disability nor the amount reaches the profile's repr."""
    household = Household(
        people=[Person("me", monthly_earnings="1234.56")],
        children=[Child(born_on=dt.date(2019, 3, 1), disability=ChildDisability.HIGHER)],
    )
    shown = repr(household.profile) + repr(household.profile.child_terms)
    for secret in ("2019", "higher", "HIGHER", "123456", "1234.56"):
        assert secret not in shown


def test_an_outcome_hides_its_period_as_well():
    """A week (Carer's Allowance, ESA) or a month (Universal Credit) tells which benefit it
    is: neither a period's numbers nor its outcome shows its dates."""
    from participatory.benefits import Benefit
    from participatory.benefits.outcomes import PeriodNumbers, PeriodOutcome
    from participatory.core.periods import DateRange

    week = DateRange(dt.date(2025, 6, 16), dt.date(2025, 6, 22))
    row = PeriodNumbers(Benefit.CARERS_ALLOWANCE, week, 8330, 0, 19601, True, "zq-7", 8330)
    shown = repr(row) + repr(PeriodOutcome.from_numbers(row))
    for secret in ("2025", "83.30", "8330", "zq-7", "carer"):
        assert secret not in shown
