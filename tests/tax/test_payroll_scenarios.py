"""Payroll fees worked by hand from HMRC's published thresholds, 2024/25 to 2026/27.

Figures (category A; see data/parameters/tax/*.toml for each source and how sure it is):

==============================  =========  =========  ====================
                                2024/25    2025/26    2026/27
==============================  =========  =========  ====================
Personal Allowance              12,570     12,570     12,570
rUK basic band (taxable)        37,700     37,700     37,700
LEL week / month                123 / 533  125 / 542  129 / 559 (secondary)
PT week / month                 242/1,048  242/1,048  242/1,048
UEL week / month                967/4,189  967/4,189  967/4,189
ST week / month (secondary)     175 / 758  96 / 417   96 / 417
employee main / additional      8% / 2%    8% / 2%    8% / 2%
employer rate                   13.8%      15%        15%
==============================  =========  =========  ====================

PAYE free pay for 1257L (the tables method): 2 x 416.67 + ceil(2,579 / 12) 214.92 =
£1,048.26 a month; 2 x 96.16 + ceil(2,579 / 52) 49.60 = £241.92 a week. Band limits per
period are the annual limits x 1/12 (or 1/52) rounded up to the pound: basic 3,142 a
month, 725 a week. Taxable pay is rounded down to the pound.
"""

import datetime as dt

import pytest

from participatory.core.errors import UnsupportedCase
from participatory.core.money import Money
from participatory.tax import (
    EarningsPeriod,
    PayFrequency,
    PayrollPayment,
    PayToDate,
    assess_payroll,
)

GBP = Money.gbp
YEARS = [2024, 2025, 2026]
# Employer NI differs by year: 2024/25 ST 175/758 at 13.8%; then 96/417 at 15%.


def pay(year, gross, code, frequency=PayFrequency.MONTHLY, **kw):
    day = dt.date(year, 6, 27)  # tax month 3, tax week 12
    return assess_payroll(PayrollPayment(GBP(gross), day, frequency, code, **kw))


def figures(result):
    return (result.income_tax, result.employee_ni, result.employer_ni, result.net)


@pytest.mark.parametrize(("year", "employer"), [(2024, "0.00"), (2025, "12.45"), (2026, "12.45")])
def test_fee_under_the_monthly_thresholds(year, employer):
    """E1: £500, monthly payroll, 1257L M1.

    Tax: 500 - 1,048.26 < 0 -> £0. NI: 500 < PT 1,048 (and < LEL: no NI record) -> £0.
    Employer: 2024/25 500 < ST 758 -> £0; later (500 - 417) x 15% = £12.45. Net £500.
    """
    result = pay(year, 500, "1257L M1")
    assert figures(result) == (GBP("0.00"), GBP("0.00"), GBP(employer), GBP("500.00"))
    assert not result.counts_for_ni_record


@pytest.mark.parametrize(
    ("year", "employer"), [(2024, "171.40"), (2025, "237.45"), (2026, "237.45")]
)
def test_fee_over_the_monthly_thresholds(year, employer):
    """£2,000, monthly, 1257L M1.

    Tax: 2,000 - 1,048.26 = 951.74 -> 951 x 20% = 190.20.
    NI: (2,000 - 1,048) x 8% = 952 x 0.08 = 76.16.
    Employer: 2024/25 (2,000 - 758) x 13.8% = 171.396 -> 171.40;
    2025/26 and 2026/27 (2,000 - 417) x 15% = 237.45.
    Net: 2,000 - 190.20 - 76.16 = 1,733.64.
    """
    result = pay(year, 2000, "1257L M1")
    assert figures(result) == (GBP("190.20"), GBP("76.16"), GBP(employer), GBP("1733.64"))
    assert result.counts_for_ni_record


@pytest.mark.parametrize("year", YEARS)
def test_fee_over_the_higher_rate_and_upper_earnings_limit_in_a_month(year):
    """£5,000, monthly, 1257L M1.

    Tax: 5,000 - 1,048.26 = 3,951.74 -> 3,951; 3,142 x 20% = 628.40;
    (3,951 - 3,142) = 809 x 40% = 323.60; total 952.00.
    NI: (4,189 - 1,048) x 8% = 251.28 + (5,000 - 4,189) x 2% = 16.22 = 267.50.
    Net: 5,000 - 952.00 - 267.50 = 3,780.50.
    """
    result = pay(year, 5000, "1257L M1")
    assert (result.income_tax, result.employee_ni, result.net) == (
        GBP("952.00"), GBP("267.50"), GBP("3780.50"),
    )  # fmt: skip


@pytest.mark.parametrize(("year", "employer"), [(2024, "44.85"), (2025, "60.60"), (2026, "60.60")])
def test_emergency_code_weekly(year, employer):
    """E4: £500, weekly, emergency code 1257L W1.

    Tax: 500 - 241.92 = 258.08 -> 258 x 20% = 51.60.
    NI: (500 - 242) x 8% = 20.64. Net: 500 - 51.60 - 20.64 = 427.76.
    Employer: 2024/25 (500 - 175) x 13.8% = 44.85; then (500 - 96) x 15% = 60.60.
    """
    result = pay(year, 500, "1257L W1", PayFrequency.WEEKLY)
    assert figures(result) == (GBP("51.60"), GBP("20.64"), GBP(employer), GBP("427.76"))
    assert result.has("TAX-PAYE-EMERGENCY")


@pytest.mark.parametrize("year", YEARS)
def test_br(year):
    """E2: £500 monthly under BR: 20% x 500 = 100.00; NI as E1 (nil); net 400.00."""
    result = pay(year, 500, "BR")
    assert (result.income_tax, result.employee_ni, result.net) == (
        GBP("100.00"), GBP("0.00"), GBP("400.00"),
    )  # fmt: skip


@pytest.mark.parametrize(("year", "employer"), [(2024, "44.85"), (2025, "60.60"), (2026, "60.60")])
def test_one_off_payment_on_0t(year, employer):
    """E3: a one-off £500 with no starter declaration: 0T Month 1, pay frequency IO.

    Tax: no free pay; 500 within the month-1 basic band (3,142) -> 20% = 100.00.
    NI: no regular interval -> a week's earnings period (SI 2001/1004 reg. 4(a)):
    (500 - 242) x 8% = 20.64. Employer: as a week's pay, 44.85 (2024/25) or 60.60.
    Net: 500 - 100 - 20.64 = 379.36, what UC counts (reg. 55(5)).
    """
    result = pay(year, 500, "0T M1", PayFrequency.ONE_OFF)
    assert figures(result) == (GBP("100.00"), GBP("20.64"), GBP(employer), GBP("379.36"))
    assert result.earnings_period is EarningsPeriod.WEEK


@pytest.mark.parametrize("year", YEARS)
def test_one_off_on_week_1_tables(year):
    """£1,000 once on 0T W1: 725 x 20% = 145.00 + 275 x 40% = 110.00 = 255.00.

    NI (a week): (967 - 242) x 8% = 58.00 + (1,000 - 967) x 2% = 0.66 = 58.66.
    """
    result = pay(year, 1000, "0T W1", PayFrequency.ONE_OFF, paye_table="week")
    assert (result.income_tax, result.employee_ni) == (GBP("255.00"), GBP("58.66"))


@pytest.mark.parametrize("year", YEARS)
def test_only_payment_of_a_monthly_payroll(year):
    """NIM08300: the only payment of a monthly payroll is still worked monthly.

    £500 on 0T M1 with a month's earnings period: tax 100.00, NI 500 < 1,048 -> 0.
    """
    result = pay(year, 500, "0T M1", PayFrequency.ONE_OFF, earnings_period="month")
    assert (result.income_tax, result.employee_ni, result.net) == (
        GBP("100.00"), GBP("0.00"), GBP("400.00"),
    )  # fmt: skip


@pytest.mark.parametrize(("year", "s0t"), [(2024, "98.07"), (2025, "97.64"), (2026, "96.69")])
def test_scottish_taxpayer_month_1(year, s0t):
    """E5: a Scottish taxpayer, £500 a month.

    S1257L M1: free pay 1,048.26 > 500 -> £0.
    S0T M1 (starter band limit / 12 rounded up to the pound; taxable pay whole pounds):
    2024/25: 2,306 / 12 = 192.17 -> 193; 193 x 19% = 36.67 + 307 x 20% = 61.40 = 98.07.
    2025/26: 2,827 / 12 = 235.58 -> 236; 44.84 + 264 x 20% = 52.80 = 97.64.
    2026/27: 3,967 / 12 = 330.58 -> 331; 62.89 + 169 x 20% = 33.80 = 96.69.
    """
    assert pay(year, 500, "S1257L M1").income_tax == GBP("0.00")
    assert pay(year, 500, "S0T M1").income_tax == GBP(s0t)
    assert pay(year, 500, "SBR").income_tax == GBP("100.00")


@pytest.mark.parametrize(("year", "tax"), [(2024, "188.27"), (2025, "187.84"), (2026, "186.89")])
def test_scottish_taxpayer_over_the_allowance(year, tax):
    """£2,000 a month on S1257L M1: taxable 2,000 - 1,048.26 = 951.74 -> 951.

    2024/25: starter 193 x 19% = 36.67; basic (951 - 193) = 758 x 20% = 151.60 -> 188.27.
    2025/26: starter 236 x 19% = 44.84; basic 715 x 20% = 143.00 -> 187.84.
    2026/27: starter 331 x 19% = 62.89; basic 620 x 20% = 124.00 -> 186.89.
    NI is the same as anywhere in the UK: 76.16.
    """
    result = pay(year, 2000, "S1257L M1")
    assert (result.income_tax, result.employee_ni) == (GBP(tax), GBP("76.16"))
    assert result.has("TAX-PAYE-REGIME")


@pytest.mark.parametrize("year", YEARS)
def test_welsh_taxpayer_same_as_rest_of_uk(year):
    """E6: Welsh rates of 10p each: C1257L M1 / C0T M1 / CBR on £500 = 0 / 100 / 100."""
    assert pay(year, 500, "C1257L M1").income_tax == GBP("0.00")
    assert pay(year, 500, "C0T M1").income_tax == GBP("100.00")
    assert pay(year, 500, "CBR").income_tax == GBP("100.00")
    assert pay(year, 2000, "C1257L M1").income_tax == GBP("190.20")


def test_cumulative_code_over_three_months():
    """1257L cumulative, £2,000 a month, 2025/26.

    Month 1: 2,000 - 1,048.26 = 951.74 -> 951 x 20% = 190.20.
    Month 2: 4,000 - 2,096.52 = 1,903.48 -> 1,903 x 20% = 380.60; less 190.20 = 190.40.
    Month 3: 6,000 - 3,144.78 = 2,855.22 -> 2,855 x 20% = 571.00; less 380.60 = 190.40.
    """
    result = pay(2025, 2000, "1257L", pay_to_date=PayToDate(GBP(4000), GBP("380.60")))
    assert result.calculation.period == 3
    assert result.income_tax == GBP("190.40")
    assert result.has("TAX-PAYE-CUMULATIVE")


def test_cumulative_refund():
    """1257L in tax month 6 (27 September 2025), £500, earlier pay 1,000 and tax 300.

    Free pay to date 6 x 1,048.26 = 6,289.56 > 1,500: tax to date 0; refund 300.00.
    NI: 500 < 1,048: 0. Net: 500 + 300 = 800.00.
    """
    result = assess_payroll(
        PayrollPayment(GBP(500), dt.date(2025, 9, 27), "monthly", "1257L",
                       pay_to_date=PayToDate(GBP(1000), GBP(300)))
    )  # fmt: skip
    assert (result.income_tax, result.net) == (GBP("-300.00"), GBP("800.00"))
    assert result.has("TAX-PAYE-REFUND")


def test_k_code_capped_at_the_regulatory_limit():
    """K475 M1 on £200 (2025/26): 200 + 396.59 = 596.59 -> 596 x 20% = 119.20 > 50% of
    200 = 100.00, so 100.00 is deducted. NI: under the PT, nil. Net 100.00."""
    result = pay(2025, 200, "K475 M1")
    assert (result.income_tax, result.net) == (GBP("100.00"), GBP("100.00"))
    assert result.has("TAX-PAYE-K-LIMIT")


def test_pence_under_br_is_refused_not_guessed():
    with pytest.raises(UnsupportedCase, match=r"fraction of a penny|whole pay"):
        pay(2025, "250.73", "BR")


def test_2027_28_is_refused_until_its_rates_are_charged():
    from participatory.core.errors import ParametersNotAvailable

    with pytest.raises(ParametersNotAvailable):
        pay(2027, 500, "1257L M1")
