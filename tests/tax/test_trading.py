"""The trading allowance, Self Assessment and Class 2/4: unit behaviour."""

import datetime as dt

import pytest

from participatory.core.errors import ParametersNotAvailable, ValidationError
from participatory.core.money import Money
from participatory.core.periods import TaxYear
from participatory.render.text import sentence
from participatory.tax import assess_trading_income

GBP = Money.gbp
DAY = dt.date(2025, 9, 1)


def test_the_allowance_is_tested_on_gross_receipts_of_every_source():
    result = assess_trading_income(GBP(600), as_at=DAY, other_trading_receipts=GBP(300),
                                   miscellaneous_income=GBP(101))  # fmt: skip
    assert result.relevant_income == GBP("1001.00")
    assert not result.full_relief


def test_exactly_1000_is_full_relief():
    assert assess_trading_income(GBP(1000), as_at=DAY).full_relief
    assert not assess_trading_income(GBP("1000.01"), as_at=DAY).full_relief


def test_tax_year_can_be_named_apart_from_the_day_asked():
    result = assess_trading_income(GBP(600), as_at=dt.date(2026, 12, 6), tax_year=2024)
    assert result.tax_year == TaxYear(2024)
    assert assess_trading_income(GBP(600), as_at=DAY, tax_year=TaxYear(2025)).tax_year == TaxYear(
        2025
    )


def test_expenses_do_not_reduce_the_test():
    """The test is on receipts "before any allowances or expenses" (GOV.UK)."""
    result = assess_trading_income(GBP(1200), as_at=DAY, expenses=GBP(500))
    assert not result.full_relief
    assert result.profit_with_expenses == GBP("700.00")
    assert result.profit_with_partial_relief == GBP("200.00")
    assert result.taxable_profit == GBP("200.00")


def test_a_loss_leaves_partial_relief_open_but_worse():
    """s. 783AM: partial relief is open whenever relevant income exceeds the allowance; a
    £500 loss (£1,500 receipts, £2,000 expenses) makes actual expenses the better choice
    (nil taxable, the loss relievable by a claim) against £500 with the allowance."""
    result = assess_trading_income(GBP(1500), as_at=DAY, expenses=GBP(2000))
    assert result.has("TAX-TRADING-LOSS")
    assert result.profit_with_partial_relief == GBP("500.00")
    assert result.trading_loss == GBP("500.00")
    assert result.taxable_profit == GBP("0.00")


def test_employee_of_payer_is_referred_and_the_allowance_not_applied():
    result = assess_trading_income(GBP(600), as_at=DAY, employee_of_payer=True)
    assert not result.full_relief
    assert result.self_assessment_needed
    [refer] = result.by_rule("TAX-TRADING-EMPLOYEE-OF-PAYER")
    assert refer.severity.value == "refer"
    assert result.taxable_profit == GBP("600.00")


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"receipts": GBP(-1)}, "receipts"),
        ({"expenses": GBP("0.001")}, "expenses"),
        ({"miscellaneous_income": Money("5", "EUR")}, "miscellaneous_income"),
        ({"tax_year": "2025"}, "tax_year"),
    ],
)
def test_bad_input_is_refused(kwargs, path):
    args = {"receipts": GBP(100), "as_at": DAY, **kwargs}
    receipts = args.pop("receipts")
    with pytest.raises(ValidationError) as caught:
        assess_trading_income(receipts, **args)
    assert caught.value.path == path


def test_class_2_and_4_figures_stop_with_the_data():
    with pytest.raises(ParametersNotAvailable):
        assess_trading_income(GBP(600), as_at=dt.date(2027, 5, 1))


def test_every_finding_renders():
    cases = [
        assess_trading_income(GBP(600), as_at=DAY),
        assess_trading_income(GBP(1500), as_at=DAY, expenses=GBP(700)),
        assess_trading_income(GBP(1500), as_at=DAY, expenses=GBP(2000)),
        assess_trading_income(GBP(20000), as_at=DAY, expenses=GBP("1999.99")),
        assess_trading_income(GBP(600), as_at=DAY, employee_of_payer=True),
        assess_trading_income(GBP(60000), as_at=DAY),
    ]
    for result in cases:
        for finding in result.findings:
            assert "{" not in sentence(finding, locale="en_GB")
            assert finding.citations
