"""The benefits rules' own records never show a household's figures in their reprs.

A household's earnings, hours, capability for work, caring, children and benefit amounts
are special-category data. The rules keep them in small named tuples (a household's
:class:`~participatory.benefits.household.Profile`, each child's term, a period's figures
and what its explanation quotes); anything that logs or prints one must not reveal them.
The published rates' records hold only public figures and keep the plain repr.
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
                and issubclass(value, tuple)
                and hasattr(value, "_fields")
            ):
                found.append((f"{loaded.__name__}.{name}", value))
    return sorted(found, key=lambda item: item[0])


RECORDS = _records()


def test_the_records_are_found():
    names = {name.rsplit(".", 1)[1] for name, _ in RECORDS}
    assert {"Profile", "ChildTerm", "Numbers", "CapState", "Elements"} <= names
    assert names >= PUBLIC_FIGURES


@pytest.mark.parametrize(("name", "record"), RECORDS, ids=[name for name, _ in RECORDS])
def test_a_record_of_a_households_figures_hides_them(name: str, record: type[Any]) -> None:
    made = record._make([SENTINEL] * len(record._fields))
    if name.rsplit(".", 1)[1] in PUBLIC_FIGURES:
        assert SENTINEL in repr(made)
        return
    assert SENTINEL not in repr(made)
    assert SENTINEL not in str(made)


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
