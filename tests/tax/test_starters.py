"""Codes for new starters (GOV.UK new-employee pages; HMRC starter declaration help card)."""

import datetime as dt

import pytest

from participatory.core.errors import ParametersNotAvailable, ValidationError
from participatory.tax import (
    PayeTable,
    StarterStatement,
    TaxRegime,
    assess_starter_code,
    emergency_code,
)

DAY = dt.date(2025, 6, 1)


@pytest.mark.parametrize(
    ("statement", "table", "regime", "code", "secondary"),
    [
        (None, PayeTable.WEEK, TaxRegime.REST_OF_UK, "0T W1", False),
        (None, PayeTable.MONTH, TaxRegime.SCOTLAND, "S0T M1", False),
        (StarterStatement.A, PayeTable.MONTH, TaxRegime.REST_OF_UK, "1257L", True),
        (StarterStatement.B, PayeTable.MONTH, TaxRegime.REST_OF_UK, "1257L M1", True),
        (StarterStatement.B, PayeTable.WEEK, TaxRegime.WALES, "C1257L W1", True),
        (StarterStatement.C, PayeTable.MONTH, TaxRegime.REST_OF_UK, "BR", True),
        (StarterStatement.A, PayeTable.MONTH, TaxRegime.SCOTLAND, "S1257L", True),
    ],
)
def test_starter_codes(statement, table, regime, code, secondary):
    result = assess_starter_code(statement, as_at=DAY, table=table, regime=regime)
    assert str(result.code) == code
    assert result.secondary is secondary
    assert result.findings[0].citations


def test_paid_once_is_0t_whatever_the_statement():
    result = assess_starter_code(StarterStatement.A, as_at=DAY, table=PayeTable.MONTH,
                                 paid_once=True)  # fmt: skip
    assert str(result.code) == "0T M1"
    assert result.has("TAX-STARTER-PAID-ONCE")


def test_emergency_code_is_dated_data():
    assert str(emergency_code(as_at=DAY, table=PayeTable.WEEK)) == "1257L W1"
    assert str(emergency_code(as_at=DAY, table=PayeTable.MONTH, cumulative=True)) == "1257L"
    with pytest.raises(ParametersNotAvailable):
        emergency_code(as_at=dt.date(2027, 4, 6), table=PayeTable.WEEK)


def test_bad_statement_is_refused():
    with pytest.raises(ValidationError):
        assess_starter_code("A", as_at=DAY, table=PayeTable.WEEK)
