"""Properties of the year summary over generated payment records."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from participatory.core.money import Money
from participatory.tax import PaymentRoute, tax_year_summary
from participatory.testing.tax import payment_records


@given(st.lists(payment_records(years=(2025,)), max_size=8))
def test_payers_add_up_to_what_was_paid(records):
    year = tax_year_summary(records, as_at=dt.date(2026, 12, 6), tax_year=2025)
    paid = Money.total(r.amount for r in records)
    by_payer = Money.total(p.payroll_gross + p.outside_payroll + p.expenses for p in year.payers)
    assert by_payer == paid
    for payer in year.payers:
        assert payer.payroll_net + payer.income_tax + payer.employee_ni == payer.payroll_gross
    outside = Money.total(
        r.amount for r in records if r.route in (PaymentRoute.INVOICE, PaymentRoute.DIRECT)
    )
    if year.trading is not None:
        assert year.trading.relevant_income >= outside
        assert year.self_assessment_needed == year.trading.self_assessment_needed
