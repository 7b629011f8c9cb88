"""Core bugs the hardening sweep found, each fixed and pinned here."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from participatory.core.errors import ParameterFileError, ValidationError
from participatory.core.explain import Finding, Severity
from participatory.core.money import Money
from participatory.core.params import load_parameter_file
from participatory.core.periods import (
    AssessmentPeriodCycle,
    BenefitWeekCycle,
    DateRange,
    PeriodCalendar,
    TaxYear,
    TaxYearCalendar,
)
from participatory.core.serialise import unstructure
from participatory.ethics.activity import Capacity, Party


def test_a_sensitive_findings_repr_hides_its_values() -> None:
    """repr of a sensitive finding (so of every result holding one) shows no values.

    Found by the sensitive sweep: BenefitsCheck, PaymentPlan and SafePayment showed the
    contributor's benefits and losses in repr through their findings.
    """
    secret = Finding("BEN-X", Severity.INFO, "x", {"benefit": "carers_allowance"}, sensitive=True)
    assert "carers_allowance" not in repr(secret)
    assert "values=<redacted>" in repr(secret)
    public = Finding("PAY-X", Severity.INFO, "x", {"hours": 2})
    assert "'hours': 2" in repr(public)


def test_sets_serialise_as_sorted_json_lists() -> None:
    """Default serialisation of a model with a set field is JSON, in a fixed order.

    Found by the sweep: ``json.dumps(unstructure(party))`` raised TypeError (frozenset), and
    a set's order follows the hash seed.
    """
    party = Party(label="g", capacity=Capacity.PUBLIC_CONTRIBUTOR, people=frozenset({"p2", "p1"}))
    data = unstructure(party)
    assert data["people"] == ["p1", "p2"]
    json.dumps(data)
    assert unstructure(frozenset({3, 1, 2})) == [1, 2, 3]


def test_set_order_does_not_depend_on_the_hash_seed() -> None:
    """The same set gives the same JSON under different PYTHONHASHSEED values."""
    code = (
        "import json; from participatory.core.serialise import unstructure; "
        "print(json.dumps(unstructure(frozenset('abcdefghij'))))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={"PYTHONHASHSEED": seed, "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1


def test_a_parameter_file_that_is_not_utf8_is_a_parameter_file_error(tmp_path: Path) -> None:
    """Found by the boundary fuzz: load_parameter_file raised UnicodeDecodeError."""
    path = tmp_path / "binary.toml"
    path.write_bytes(b"\xff\xfe\x00junk")
    with pytest.raises(ParameterFileError, match="not UTF-8"):
        load_parameter_file(path)


@pytest.mark.parametrize("day", [dt.date(9999, 12, 31), dt.date(9999, 12, 28), dt.date(1, 1, 1)])
def test_periods_at_the_ends_of_the_calendar_are_validation_errors(day: dt.date) -> None:
    """A date whose period would run past year 9999 (or before year 1) is refused cleanly.

    Found by the boundary fuzz: a plan paid on 9999-12-31 made weekly, assessment-period and
    tax-year totals raise OverflowError or ValueError instead of the library's error.
    """
    calendars = (
        BenefitWeekCycle(0),
        BenefitWeekCycle(6),
        AssessmentPeriodCycle(dt.date(2025, 1, 31)),
        AssessmentPeriodCycle(dt.date(2025, 1, 15)),
        TaxYearCalendar(),
    )
    for calendar in calendars:
        outcome = _period_or_error(calendar, day)
        if isinstance(outcome, ValidationError):
            assert outcome.path == "date"
            assert day.isoformat() not in str(outcome)
        else:
            assert day in outcome


def _period_or_error(calendar: PeriodCalendar, day: dt.date) -> DateRange | ValidationError:
    try:
        return calendar.period_containing(day)
    except ValidationError as error:
        return error


def test_tax_years_beyond_the_calendar_are_validation_errors() -> None:
    """TaxYear(9999) ends in year 10000, which no date can hold."""
    with pytest.raises(ValidationError):
        _ = TaxYear(9999).range
    assert TaxYear(9998).range.end == dt.date(9999, 4, 5)


@pytest.mark.parametrize("amount", ["1e15", "-1e15", "1e400", str(10**30)])
def test_amounts_too_large_to_add_exactly_are_refused(amount: str) -> None:
    """Found by the boundary fuzz: a plan amount of 1e400 raised decimal.InvalidOperation.

    Decimal keeps 28 significant digits; amounts of 10^15 or more could be rounded when
    summed, so they are refused at construction, with the field named.
    """
    with pytest.raises(ValidationError, match="too large") as caught:
        Money.gbp(amount)
    assert caught.value.path == "amount"


def test_the_largest_amount_still_adds_up_exactly() -> None:
    """Just under the bound, pennies still count."""
    largest = Money.gbp("999999999999999.98")
    assert largest + Money.gbp("0.01") == Money.gbp("999999999999999.99")
    assert (largest - Money.gbp("0.01") * 10**10).amount == Decimal("999999899999999.98")
