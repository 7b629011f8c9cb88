"""Invariants of the payroll engine, over generated payments (participatory.testing.tax)."""

import datetime as dt
from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from participatory.core.money import Money
from participatory.render.text import sentence
from participatory.tax import (
    CodeBasis,
    CodeKind,
    PayFrequency,
    PayrollPayment,
    TaxCode,
    TaxRegime,
    assess_payroll,
)
from participatory.tax.paye import free_pay
from participatory.tax.rates import class1_thresholds
from participatory.testing.tax import (
    SUPPORTED_FREQUENCIES,
    allowance_numbers,
    gross_pay,
    pay_days,
    payroll_payments,
    tax_codes,
)


@given(payroll_payments(with_pay_to_date=True))
def test_net_plus_tax_plus_employee_ni_is_the_gross_exactly(payment):
    result = assess_payroll(payment)
    assert result.net + result.income_tax + result.employee_ni == payment.gross
    for amount in (result.net, result.income_tax, result.employee_ni, result.employer_ni):
        assert amount.is_whole_minor_units()
    assert result.employee_ni >= Money.gbp(0)
    assert result.employer_ni >= Money.gbp(0)


def _same_payment(payment, gross):
    return PayrollPayment(
        gross, payment.paid_on, payment.frequency, payment.tax_code,
        pay_to_date=payment.pay_to_date, paye_table=payment.paye_table,
        earnings_period=payment.earnings_period,
    )  # fmt: skip


@given(payroll_payments(with_pay_to_date=True), st.data())
def test_tax_and_ni_never_fall_as_gross_rises(payment, data):
    whole = payment.tax_code.kind in (CodeKind.FLAT_RATE, CodeKind.K)
    more = data.draw(gross_pay(payment.gross.amount, payment.gross.amount + 5000,
                               whole_pounds=whole))  # fmt: skip
    assume(more >= payment.gross)
    low = assess_payroll(payment)
    high = assess_payroll(_same_payment(payment, more))
    assert low.income_tax <= high.income_tax
    assert low.employee_ni <= high.employee_ni
    assert low.employer_ni <= high.employer_ni


@given(payroll_payments(), st.data())
def test_no_employee_ni_at_or_below_the_primary_threshold(payment, data):
    period = payment.ni_period
    threshold = class1_thresholds(period, payment.paid_on).primary_threshold
    whole = payment.tax_code.kind in (CodeKind.FLAT_RATE, CodeKind.K)
    gross = data.draw(gross_pay(0, threshold, whole_pounds=whole))
    result = assess_payroll(_same_payment(payment, gross))
    assert result.employee_ni == Money.gbp(0)


@given(
    allowance_numbers(1500),
    st.sampled_from(list(SUPPORTED_FREQUENCIES)),
    pay_days(),
    st.sampled_from([CodeBasis.WEEK_1, CodeBasis.MONTH_1, CodeBasis.X]),
    st.data(),
)
def test_scottish_and_rest_of_uk_codes_agree_below_the_allowance(number, frequency, day,
                                                                  basis, data):  # fmt: skip
    marker = f" {basis.value}"
    ruk = PayrollPayment(Money.gbp(1), day, frequency, f"{number}L{marker}")
    free = free_pay(number, ruk.paye_table)
    gross = data.draw(gross_pay(0, free))
    results = [
        assess_payroll(PayrollPayment(gross, day, frequency, f"{prefix}{number}L{marker}",
                                      paye_table=ruk.paye_table))
        for prefix in ("", "S", "C")
    ]  # fmt: skip
    assert {r.income_tax for r in results} == {Money.gbp(0)}
    assert len({r.employee_ni for r in results}) == 1
    assert len({r.net for r in results}) == 1


@given(payroll_payments(codes=tax_codes(bases=(CodeBasis.WEEK_1, CodeBasis.MONTH_1))), st.data())
def test_week_1_month_1_tax_does_not_depend_on_the_day_within_the_year(payment, data):
    year = payment.tax_year
    other = data.draw(st.dates(year.range.start, year.range.end))
    moved = PayrollPayment(payment.gross, other, payment.frequency, payment.tax_code,
                           paye_table=payment.paye_table)  # fmt: skip
    assert assess_payroll(moved).income_tax == assess_payroll(payment).income_tax


@given(payroll_payments(codes=tax_codes(regimes=(TaxRegime.REST_OF_UK,))))
def test_national_insurance_does_not_depend_on_the_tax_code(payment):
    plain = PayrollPayment(payment.gross, payment.paid_on, payment.frequency, "NT",
                           paye_table=payment.paye_table)  # fmt: skip
    a, b = assess_payroll(payment), assess_payroll(plain)
    assert (a.employee_ni, a.employer_ni) == (b.employee_ni, b.employer_ni)


@given(payroll_payments(with_pay_to_date=True))
def test_every_finding_renders(payment):
    for finding in assess_payroll(payment).findings:
        assert "{" not in sentence(finding, locale="en_GB")


@given(gross_pay(0, 3000), st.sampled_from([2024, 2025, 2026]))
def test_0t_tax_is_at_least_br_tax_below_the_higher_band(gross, year):
    """0T and BR charge 20% until the first-period basic band (3,142) is used up; 0T on
    whole pounds, BR on the whole pay: BR is never less than 0T."""
    day = dt.date(year, 7, 1)
    whole = Money.gbp(gross.amount.to_integral_value(rounding="ROUND_FLOOR"))
    zero_t = assess_payroll(PayrollPayment(whole, day, "monthly", TaxCode.parse("0T M1")))
    br = assess_payroll(PayrollPayment(whole, day, "monthly", "BR"))
    assert zero_t.income_tax == br.income_tax
    assert zero_t.income_tax.amount == whole.amount * Decimal("0.2")


@given(payroll_payments(frequencies=(PayFrequency.ONE_OFF,)))
def test_one_off_payments_are_never_cumulative(payment):
    result = assess_payroll(payment)
    assert result.calculation.period == 1
    assert result.has("TAX-PAYE-ONE-OFF")
