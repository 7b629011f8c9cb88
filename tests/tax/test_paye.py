"""The PAYE tables method: free pay, rounding, bands to date, flat rates, K codes.

Free pay is checked against HMRC's own test data for payroll software developers
(2009-10, Annex B): code 510L week 8 pay adjustment 786.08, week 29 2849.54; code 560T
month 3 1402.26, with taxable pay 1260.07 -> tax 252.00 and 1347.74 -> 269.40.
"""

import datetime as dt
from decimal import Decimal

import pytest

from participatory.core.errors import UnsupportedCase
from participatory.tax import PayeTable, TaxCode, TaxRegime
from participatory.tax.paye import calculate_paye, free_pay
from participatory.tax.rates import income_tax_schedule

D = Decimal
RUK_2025 = income_tax_schedule(TaxRegime.REST_OF_UK, dt.date(2025, 6, 1))


@pytest.mark.parametrize(
    ("number", "table", "periods", "expected"),
    [
        (510, PayeTable.WEEK, 8, "786.08"),  # 8 x (96.16 + ceil(109/52) 2.10)
        (510, PayeTable.WEEK, 29, "2849.54"),  # 29 x 98.26
        (560, PayeTable.MONTH, 3, "1402.26"),  # 3 x (416.67 + ceil(609/12) 50.75)
        (1257, PayeTable.MONTH, 1, "1048.26"),  # 2 x 416.67 + ceil(2579/12) 214.92
        (1257, PayeTable.WEEK, 1, "241.92"),  # 2 x 96.16 + ceil(2579/52) 49.60
        (1250, PayeTable.WEEK, 1, "240.57"),  # Cintra: 192.32 + ceil(2509/52) 48.25
        (1, PayeTable.MONTH, 1, "1.59"),  # ceil(19/12)
    ],
)
def test_free_pay_reproduces_hmrc_figures(number, table, periods, expected):
    assert free_pay(number, table) * periods == D(expected)


def test_a_code_that_is_a_multiple_of_500_is_refused():
    with pytest.raises(UnsupportedCase, match="multiple of 500"):
        free_pay(1000, PayeTable.MONTH)


def test_hmrc_test_data_510l_week_8_tax():
    """Pay to date 2046.15 - free pay 786.08 = 1260.07 -> 1260 x 20% = 252.00."""
    result = calculate_paye(
        TaxCode.parse("510L"), D("2046.15"), table=PayeTable.WEEK, period=8, schedule=RUK_2025
    )
    assert result.free_pay_to_date == D("786.08")
    assert result.taxable_pay_to_date == D("1260")
    assert result.tax == D("252.00")


def test_hmrc_test_data_560t_month_3_tax():
    """2750.00 - 1402.26 = 1347.74 -> 1347 x 20% = 269.40 (spread over earlier months)."""
    result = calculate_paye(
        TaxCode.parse("560T"), D("750.00"), table=PayeTable.MONTH, period=3,
        schedule=RUK_2025, previous_pay=D("2000.00"), previous_tax=D("0"),
    )  # fmt: skip
    assert result.pay_to_date == D("2750.00")
    assert result.taxable_pay_to_date == D("1347")
    assert result.tax_to_date == D("269.40")


def test_bands_to_date_are_rounded_up_to_the_pound():
    """Monthly basic band: 37,700 / 12 = 3,141.67 -> 3,142; weekly 37,700 / 52 = 725."""
    month = calculate_paye(TaxCode.parse("0T M1"), D("5000"), table=PayeTable.MONTH, period=1,
                           schedule=RUK_2025)  # fmt: skip
    assert month.slices[0].limit_to_date == D("3142")
    # 3,142 x 20% = 628.40; (5,000 - 3,142) = 1,858 x 40% = 743.20
    assert month.tax == D("1371.60")
    week = calculate_paye(TaxCode.parse("0T W1"), D("1000"), table=PayeTable.WEEK, period=1,
                          schedule=RUK_2025)  # fmt: skip
    # 725 x 20% = 145.00; 275 x 40% = 110.00
    assert week.tax == D("255.00")


def test_taxable_pay_is_rounded_down_to_the_pound():
    """1257L M1 on 1,500.99: 1,500.99 - 1,048.26 = 452.73 -> 452 x 20% = 90.40."""
    result = calculate_paye(TaxCode.parse("1257L M1"), D("1500.99"), table=PayeTable.MONTH,
                            period=7, schedule=RUK_2025)  # fmt: skip
    assert result.period == 1
    assert result.taxable_pay_to_date == D("452")
    assert result.tax == D("90.40")


def test_non_cumulative_codes_ignore_earlier_pay():
    result = calculate_paye(TaxCode.parse("1257L M1"), D("500"), table=PayeTable.MONTH,
                            period=9, schedule=RUK_2025, previous_pay=D("40000"),
                            previous_tax=D("5000"))  # fmt: skip
    assert result.tax == 0
    assert result.tax_already_deducted == 0


def test_flat_rate_codes_take_the_whole_pay():
    """BR: 20% of 27.50 = 5.50 (pence included, as HMRC's tables say)."""
    result = calculate_paye(TaxCode.parse("BR"), D("27.50"), table=PayeTable.MONTH, period=1,
                            schedule=RUK_2025)  # fmt: skip
    assert result.tax == D("5.50")
    d1 = calculate_paye(TaxCode.parse("D1"), D("1000"), table=PayeTable.MONTH, period=1,
                        schedule=RUK_2025)  # fmt: skip
    assert d1.tax == D("450.00")


def test_a_fraction_of_a_penny_under_a_flat_rate_code_is_refused():
    with pytest.raises(UnsupportedCase, match="whole pay"):
        calculate_paye(TaxCode.parse("BR"), D("250.73"), table=PayeTable.MONTH, period=1,
                       schedule=RUK_2025)  # fmt: skip


def test_nt_deducts_nothing():
    result = calculate_paye(TaxCode.parse("NT"), D("9999"), table=PayeTable.MONTH, period=1,
                            schedule=RUK_2025)  # fmt: skip
    assert result.tax == 0


def test_k_code_adds_to_pay_and_is_capped_at_half_the_pay():
    """K475 M1: additional pay ceil((4,750 + 9) / 12) = 396.59.

    On 1,000: 1,396.59 -> 1,396 x 20% = 279.20 (under the 500.00 limit).
    On 200: 596.59 -> 596 x 20% = 119.20, more than 50% of 200 = 100.00: 100.00.
    """
    table, code = PayeTable.MONTH, TaxCode.parse("K475 M1")
    big = calculate_paye(code, D("1000"), table=table, period=1, schedule=RUK_2025,
                         regulatory_limit=D("0.5"))  # fmt: skip
    assert big.free_pay_to_date == D("396.59")
    assert (big.tax, big.limited) == (D("279.20"), False)
    small = calculate_paye(code, D("200"), table=table, period=1, schedule=RUK_2025,
                           regulatory_limit=D("0.5"))  # fmt: skip
    assert (small.tax, small.limited) == (D("100.0"), True)


def test_cumulative_tax_can_be_a_refund():
    """1257L month 6, earlier pay 1,000 and tax 300: free pay 6 x 1,048.26 covers 1,500."""
    result = calculate_paye(TaxCode.parse("1257L"), D("500"), table=PayeTable.MONTH, period=6,
                            schedule=RUK_2025, previous_pay=D("1000"),
                            previous_tax=D("300"))  # fmt: skip
    assert result.tax == D("-300")
