"""Invoiced fees worked by hand: the £1,000 trading allowance (ITTOIA 2005 Part 6A), Class 2
and Class 4 (GOV.UK self-employed rates: SPT £6,725 2024/25; LPL £12,570, UPL £50,270;
Class 4 6% and 2%)."""

import datetime as dt

import pytest

from participatory.core.money import Money
from participatory.tax import assess_trading_income

GBP = Money.gbp


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_invoiced_fees_inside_the_allowance(year):
    """E8(a): £600 of invoiced fees in the year, nothing else: 600 <= 1,000, full relief;
    not charged, no return needed for it; no Class 2 or 4 (profits far below £6,725)."""
    result = assess_trading_income(GBP(600), as_at=dt.date(year, 9, 1))
    assert result.full_relief
    assert not result.self_assessment_needed
    assert result.taxable_profit == GBP("0.00")
    assert result.class4 == GBP("0.00")
    assert result.has("TAX-TRADING-FULL-RELIEF")


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_invoiced_fees_beyond_the_allowance(year):
    """E8(b): £1,500: over £1,000, so a Self Assessment return; partial relief gives
    1,500 - 1,000 = £500 profit. £500 is below the small profits threshold: no Class 2 due
    (voluntary only) and no Class 4."""
    result = assess_trading_income(GBP(1500), as_at=dt.date(year, 9, 1))
    assert result.self_assessment_needed
    assert result.profit_with_partial_relief == GBP("500.00")
    assert result.taxable_profit == GBP("500.00")
    assert result.trading_profit == GBP("500.00")
    assert result.class4 == GBP("0.00")
    assert result.has("TAX-TRADING-PARTIAL-RELIEF")
    [class2] = result.by_rule("TAX-TRADING-CLASS2")
    assert class2.message_key == "tax.trading.class2_voluntary"


def test_fees_and_vouchers_from_a_non_employer():
    """E8(c): £800 fees + £300 vouchers for services (miscellaneous income): relevant income
    1,100 > 1,000 -> no full relief; partial relief 1,100 - 1,000 = £100."""
    result = assess_trading_income(GBP(800), as_at=dt.date(2025, 9, 1),
                                   miscellaneous_income=GBP(300))  # fmt: skip
    assert result.relevant_income == GBP("1100.00")
    assert result.profit_with_partial_relief == GBP("100.00")


def test_actual_expenses_against_partial_relief():
    """£1,500 with £700 expenses: 800 profit with expenses, 500 with partial relief: the
    lower, 500, is taxable."""
    result = assess_trading_income(GBP(1500), as_at=dt.date(2025, 9, 1), expenses=GBP(700))
    assert (result.profit_with_expenses, result.taxable_profit) == (GBP("800.00"), GBP("500.00"))
    [compare] = result.by_rule("TAX-TRADING-EXPENSES")
    assert compare.values["better"] == "partial relief"


def test_class_4_on_larger_profits_2024_25():
    """£20,000 receipts, £2,000 expenses, 2024/25: profit 18,000 >= SPT 6,725 (Class 2
    treated as paid); Class 4 = (18,000 - 12,570) x 6% = 5,430 x 0.06 = 325.80."""
    result = assess_trading_income(GBP(20000), as_at=dt.date(2024, 9, 1), expenses=GBP(2000))
    assert result.trading_profit == GBP("18000.00")
    assert result.class4 == GBP("325.80")
    [class2] = result.by_rule("TAX-TRADING-CLASS2")
    assert class2.message_key == "tax.trading.class2_treated_paid"


def test_class_4_above_the_upper_profits_limit():
    """£61,000 receipts, partial relief (no expenses), 2025/26: trading profit 60,000:
    (50,270 - 12,570) x 6% = 2,262.00 + (60,000 - 50,270) x 2% = 194.60 = 2,456.60."""
    result = assess_trading_income(GBP(61000), as_at=dt.date(2025, 9, 1))
    assert result.trading_profit == GBP("60000.00")
    assert result.class4 == GBP("2456.60")
