"""A year's income tax on one person's non-savings income (ITA 2007 s. 35; the bands)."""

import datetime as dt

import pytest

from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.render.text import sentence
from participatory.tax import TaxRegime, assess_annual_income_tax

GBP = Money.gbp
DAY = dt.date(2025, 6, 1)


@pytest.mark.parametrize(
    ("income", "regime", "allowance", "tax"),
    [
        # 30,000 - 12,570 = 17,430 x 20% = 3,486.00
        (30000, TaxRegime.REST_OF_UK, "12570.00", "3486.00"),
        (30000, TaxRegime.WALES, "12570.00", "3486.00"),
        # Scotland 2025/26: 2,827 x 19% = 537.13; (14,921 - 2,827) 12,094 x 20% = 2,418.80;
        # (17,430 - 14,921) 2,509 x 21% = 526.89; total 3,482.82
        (30000, TaxRegime.SCOTLAND, "12570.00", "3482.82"),
        # 110,000: allowance 12,570 - 5,000 = 7,570; taxable 102,430:
        # 37,700 x 20% = 7,540 + 64,730 x 40% = 25,892 -> 33,432.00
        (110000, TaxRegime.REST_OF_UK, "7570.00", "33432.00"),
        # 130,000: no allowance; 7,540 + 87,440 x 40% = 34,976 + 4,860 x 45% = 2,187
        (130000, TaxRegime.REST_OF_UK, "0.00", "44703.00"),
        # 100,001: 12,570 - 0.50 = 12,569.50, rounded UP to 12,570 (s. 35(3)); taxable
        # 87,431: 7,540 + (87,431 - 37,700) 49,731 x 40% = 19,892.40 -> 27,432.40
        (100001, TaxRegime.REST_OF_UK, "12570.00", "27432.40"),
        (10000, TaxRegime.REST_OF_UK, "12570.00", "0.00"),
    ],
)
def test_annual_income_tax(income, regime, allowance, tax):
    result = assess_annual_income_tax(GBP(income), regime=regime, as_at=DAY)
    assert result.personal_allowance == GBP(allowance)
    assert result.income_tax == GBP(tax)
    for finding in result.findings:
        assert "{" not in sentence(finding, locale="en_GB")


def test_bad_input():
    with pytest.raises(ValidationError):
        assess_annual_income_tax(GBP(-1), regime=TaxRegime.REST_OF_UK, as_at=DAY)
    with pytest.raises(ValidationError):
        assess_annual_income_tax(GBP(1), regime="scotland", as_at=DAY)
