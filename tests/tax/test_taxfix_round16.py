"""Round 16 of the independent tax check (TAX16): worked cases and properties.

Each scenario works the case by hand from the guidance it cites; each failed on the code
before the fix (see the changelog fragment ``changes/tax16.md``).
"""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.tax import (
    PaymentRecord,
    PayrollPayment,
    assess_class1,
    assess_payroll,
    assess_trading_income,
    tax_year_summary,
)
from participatory.tax.rates import EarningsPeriod

GBP = Money.gbp
DAY = dt.date(2025, 9, 1)


# --- 2. Partial relief with a trade loss and miscellaneous income -----------------------


def test_partial_relief_is_split_to_make_no_loss():
    """Trade receipts £400, trade expenses £900, miscellaneous income £800 (2025/26).

    Relevant income 400 + 800 = £1,200 > £1,000, so the partial relief election is open
    (ITTOIA 2005 s. 783AH, s. 783AM). The allowance is split as the person chooses but
    "cannot be used to produce a loss for any trade(s), nor can it lead to a miscellaneous
    income loss" (BIM86019; s. 783AK): £400 against the trade (profit nil) and £600 against
    the miscellaneous income (£200) -> taxable £200. Without the election the trade's
    expenses are the trade's only: the miscellaneous £800 is charged and the £500 trade loss
    needs a claim. Before the fix: no partial relief, taxable £300 (the trade expenses set
    against the miscellaneous income).
    """
    result = assess_trading_income(
        GBP(400), as_at=DAY, miscellaneous_income=GBP(800), expenses=GBP(900)
    )
    assert result.profit_with_partial_relief == GBP("200.00")
    assert result.profit_with_expenses == GBP("800.00")
    assert result.trading_loss == GBP("500.00")
    assert result.taxable_profit == GBP("200.00")
    [split] = result.by_rule("TAX-TRADING-PARTIAL-SPLIT")
    assert split.values["to_trade"] == GBP("400.00")
    assert split.values["to_miscellaneous"] == GBP("600.00")
    assert result.trading_profit == GBP("0.00")


def test_trade_expenses_are_not_set_against_miscellaneous_income():
    """No trade receipts, £2,000 of trade expenses, £1,500 miscellaneous income: the
    miscellaneous income is charged in full without the election (£1,500), £500 with
    partial relief (1,500 - 1,000); the trade's £2,000 loss needs a claim. Before: £0."""
    result = assess_trading_income(
        GBP(0), as_at=DAY, miscellaneous_income=GBP(1500), expenses=GBP(2000)
    )
    assert result.profit_with_expenses == GBP("1500.00")
    assert result.taxable_profit == GBP("500.00")


# --- 4. A loss under the allowance: the s. 783AL election -------------------------------


def test_loss_within_the_allowance_gets_election_advice():
    """Receipts £800, expenses £1,200 (2025/26): £800 is not over £1,000, so full relief
    applies and the trade's profit or loss is nil (s. 783AE(1); BIM86011). The trader may
    elect under s. 783AL for full relief not to apply and claim the £400 loss (BIM86076:
    Joe, £780 receipts, £950 expenses). Before the fix: no advice."""
    result = assess_trading_income(GBP(800), as_at=DAY, expenses=GBP(1200))
    assert result.full_relief
    assert not result.self_assessment_needed
    [advice] = result.by_rule("TAX-TRADING-ELECT-OUT")
    assert advice.severity.value == "advice"
    assert advice.values["loss"] == GBP("400.00")
    assert result.trading_loss == GBP("400.00")
    assert any("783AL" in c.pinpoint for c in advice.citations)


def test_no_election_advice_without_a_loss():
    result = assess_trading_income(GBP(800), as_at=DAY, expenses=GBP(300))
    assert not result.has("TAX-TRADING-ELECT-OUT")


# --- 1. Two one-off fees in one tax week ------------------------------------------------

MONDAY = dt.date(2025, 6, 23)  # tax week 12 of 2025/26 (22-28 June)
THURSDAY = dt.date(2025, 6, 26)


def test_same_week_fees_are_aggregated_in_the_year_summary():
    """£200 on Mon 23 and £200 on Thu 26 June 2025 from one payer, each 0T M1.

    NIM08100: "If, exceptionally, services were rendered on, say, 2 occasions, in the same
    tax week, the 2 payments of earnings would fall to be aggregated". On £400 for the
    week: employee (400 - 242) x 8% = £12.64; employer (400 - 96) x 15% = £45.60. Before
    the fix: employee £0 + £0, employer £15.60 + £15.60 = £31.20.
    """
    records = [
        PaymentRecord.through_payroll("Uni", PayrollPayment(GBP(200), MONDAY, "one_off", "0T M1")),
        PaymentRecord.through_payroll(
            "Uni", PayrollPayment(GBP(200), THURSDAY, "one_off", "0T M1")
        ),
    ]
    [payer] = tax_year_summary(records, as_at=dt.date(2025, 6, 30)).payers
    assert payer.employee_ni == GBP("12.64")
    assert payer.employer_ni == GBP("45.60")
    assert payer.payroll_net + payer.income_tax + payer.employee_ni == payer.payroll_gross
    year = tax_year_summary(records, as_at=dt.date(2025, 6, 30))
    [note] = year.by_rule("TAX-SUMMARY-NI-AGGREGATED")
    assert note.values["week"] == 12
    assert note.values["employer_ni"] == GBP("45.60")


def test_a_single_payment_takes_the_earlier_pay_of_its_week():
    """The Thursday £200 with £200 already paid this week: NI on £400 less NI on £200:
    employee 12.64 - 0 = £12.64; employer 45.60 - 15.60 = £30.00 (NIM08100)."""
    later = PayrollPayment(GBP(200), THURSDAY, "one_off", "0T M1", earlier_in_period=GBP(200))
    result = assess_payroll(later)
    assert (result.employee_ni, result.employer_ni) == (GBP("12.64"), GBP("30.00"))
    assert result.has("TAX-NI-AGGREGATED")


def test_fees_in_different_tax_weeks_stay_apart():
    """Sat 28 June is in tax week 12, Sun 29 June in week 13: no aggregation."""
    records = [
        PaymentRecord.through_payroll(
            "Uni", PayrollPayment(GBP(200), dt.date(2025, 6, 28), "one_off", "0T M1")
        ),
        PaymentRecord.through_payroll(
            "Uni", PayrollPayment(GBP(200), dt.date(2025, 6, 29), "one_off", "0T M1")
        ),
    ]
    year = tax_year_summary(records, as_at=dt.date(2025, 7, 1))
    assert year.payers[0].employer_ni == GBP("31.20")
    assert not year.has("TAX-SUMMARY-NI-AGGREGATED")


def test_regular_pay_is_not_given_earlier_pay():
    """NIM08070: two monthly pay days in one tax month are worked separately."""
    with pytest.raises(ValidationError):
        PayrollPayment(GBP(200), THURSDAY, "monthly", "1257L M1", earlier_in_period=GBP(100))


# --- 3. A fee for a fixed period of several weeks ---------------------------------------


def test_a_fixed_period_of_thirteen_weeks():
    """£1,500 once for a 13-week role (2025/26): SI 2001/1004 reg. 4(a) and NIM08100 (the
    engineer's "8 weeks") make the earnings period 13 weeks. NIM01206: thresholds are the
    yearly ones / 52 x 13, rounded up to a pound: PT 12,570 x 13/52 = 3,142.50 -> £3,143;
    ST 5,000 x 13/52 = £1,250; LEL 125 x 13 = £1,625. Employee: 1,500 < 3,143 -> £0.
    Employer: (1,500 - 1,250) x 15% = £37.50 (not the checker's 13 x 96 = 1,248 -> £37.80).
    Below the LEL: the period does not count for the NI record. Before the fix: a week
    (employee £68.66, employer £210.60) and no way to give the period."""
    payment = PayrollPayment(
        GBP(1500), dt.date(2025, 9, 30), "one_off", "0T M1", fixed_period_weeks=13
    )
    result = assess_payroll(payment)
    assert (result.employee_ni, result.employer_ni) == (GBP("0.00"), GBP("37.50"))
    assert not result.counts_for_ni_record
    assert result.earnings_period_weeks == 13
    [period] = result.by_rule("TAX-NI-EARNINGS-PERIOD")
    assert period.message_key == "tax.ni.period_fixed"


def test_fifty_two_weeks_are_the_yearly_figures():
    from participatory.tax.rates import class1_thresholds_for_weeks

    t = class1_thresholds_for_weeks(52, dt.date(2025, 9, 30))
    assert (t.primary_threshold, t.secondary_threshold, t.upper_earnings_limit) == (
        12570,
        5000,
        50270,
    )


# --- Properties -------------------------------------------------------------------------

pennies = st.integers(min_value=0, max_value=300_000).map(lambda p: GBP(Decimal(p) / 100))


@given(st.lists(pennies, min_size=1, max_size=4))
def test_same_week_ni_is_the_ni_on_the_total(amounts):
    records = [
        PaymentRecord.through_payroll(
            "Uni", PayrollPayment(amount, MONDAY + dt.timedelta(days=i), "one_off", "0T M1")
        )
        for i, amount in enumerate(amounts)
    ]
    [payer] = tax_year_summary(records, as_at=dt.date(2025, 7, 1)).payers
    whole = assess_class1(Money.total(amounts), period=EarningsPeriod.WEEK, as_at=MONDAY)
    assert (payer.employee_ni, payer.employer_ni) == (whole.employee, whole.employer)
    assert payer.payroll_net + payer.income_tax + payer.employee_ni == payer.payroll_gross


@given(pennies, pennies, st.one_of(st.none(), pennies))
def test_partial_relief_never_makes_a_loss_nor_taxes_more(trading, misc, expenses):
    result = assess_trading_income(trading, as_at=DAY, miscellaneous_income=misc, expenses=expenses)
    partial = result.profit_with_partial_relief
    if partial is not None:
        assert not partial.is_negative()
        assert partial <= result.relevant_income
        assert result.taxable_profit <= partial
    if result.profit_with_expenses is not None:
        assert not result.profit_with_expenses.is_negative()
        assert result.taxable_profit <= result.profit_with_expenses
    for split in result.by_rule("TAX-TRADING-PARTIAL-SPLIT"):
        assert split.values["to_trade"] <= trading
        assert split.values["to_miscellaneous"] <= misc
    assert not result.taxable_profit.is_negative()
