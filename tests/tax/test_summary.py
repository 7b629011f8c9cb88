"""A contributor's tax year across payers: unit behaviour of tax_year_summary."""

import datetime as dt

import pytest

from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.render.text import sentence
from participatory.tax import (
    PayFrequency,
    PaymentRecord,
    PaymentRoute,
    PayrollPayment,
    tax_year_summary,
)

GBP = Money.gbp
ASKED = dt.date(2026, 12, 6)


def payroll(payer, gross, day, code="1257L M1", frequency=PayFrequency.MONTHLY):
    return PaymentRecord.through_payroll(payer, PayrollPayment(GBP(gross), day, frequency, code))


def test_payroll_record_needs_its_payment_and_matching_figures():
    with pytest.raises(ValidationError):
        PaymentRecord("Uni", PaymentRoute.PAYROLL, GBP(1), dt.date(2025, 6, 1))
    payment = PayrollPayment(GBP(500), dt.date(2025, 6, 1), "monthly", "BR")
    with pytest.raises(ValidationError):
        PaymentRecord("Uni", "payroll", GBP(400), dt.date(2025, 6, 1), payroll=payment)
    with pytest.raises(ValidationError):
        PaymentRecord("Uni", "invoice", GBP(500), dt.date(2025, 6, 1), payroll=payment)
    with pytest.raises(ValidationError):
        PaymentRecord(" ", "invoice", GBP(500), dt.date(2025, 6, 1))
    with pytest.raises(ValidationError):
        PaymentRecord("Uni", "cash in hand", GBP(500), dt.date(2025, 6, 1))


def test_records_must_be_a_list_of_records():
    with pytest.raises(ValidationError):
        tax_year_summary("records", as_at=ASKED)
    with pytest.raises(ValidationError):
        tax_year_summary([object()], as_at=ASKED)


def test_other_years_are_left_out_and_counted():
    records = [
        PaymentRecord("B", "invoice", GBP(300), dt.date(2025, 4, 5)),
        PaymentRecord("B", "invoice", GBP(300), dt.date(2025, 4, 6)),
    ]
    result = tax_year_summary(records, as_at=ASKED, tax_year=2025)
    assert result.trading.relevant_income == GBP("300.00")
    assert result.by_rule("TAX-SUMMARY-OTHER-YEARS")[0].values["count"] == 1


def test_an_employer_who_also_pays_on_invoice_is_referred():
    records = [
        payroll("Uni A", 500, dt.date(2025, 6, 27)),
        PaymentRecord("Uni A", "invoice", GBP(300), dt.date(2025, 7, 1)),
    ]
    result = tax_year_summary(records, as_at=ASKED, tax_year=2025)
    assert result.has("TAX-TRADING-EMPLOYEE-OF-PAYER")
    assert result.self_assessment_needed


def test_vouchers_from_an_employer_are_not_miscellaneous_income():
    records = [
        payroll("Uni A", 500, dt.date(2025, 6, 27)),
        PaymentRecord("Uni A", "voucher", GBP(50), dt.date(2025, 7, 1)),
        PaymentRecord("Trust C", "voucher", GBP(40), dt.date(2025, 7, 1)),
    ]
    result = tax_year_summary(records, as_at=ASKED, tax_year=2025)
    assert result.has("TAX-SUMMARY-EMPLOYER-VOUCHER")
    assert result.trading.relevant_income == GBP("40.00")


def test_expenses_are_not_income():
    records = [PaymentRecord("B", "receipted_expenses", GBP(80), dt.date(2025, 6, 1))]
    result = tax_year_summary(records, as_at=ASKED, tax_year=2025)
    assert result.trading is None
    assert result.has("TAX-SUMMARY-EXPENSES")
    assert not result.self_assessment_needed


def test_every_finding_renders():
    records = [
        payroll("Uni A", 500, dt.date(2025, 6, 27), "0T M1", PayFrequency.ONE_OFF),
        payroll("Uni A", 2000, dt.date(2025, 7, 27)),
        PaymentRecord("Uni A", "voucher", GBP(50), dt.date(2025, 7, 1)),
        PaymentRecord("Uni A", "invoice", GBP(50), dt.date(2025, 7, 1)),
        PaymentRecord("Charity B", "invoice", GBP(900), dt.date(2025, 9, 1)),
        PaymentRecord("Trust C", "direct", GBP(150), dt.date(2025, 10, 1)),
        PaymentRecord("Trust C", "voucher", GBP(20), dt.date(2025, 10, 1)),
        PaymentRecord("Trust C", "receipted_expenses", GBP(12), dt.date(2025, 10, 1)),
        PaymentRecord("Trust C", "direct", GBP(150), dt.date(2024, 10, 1)),
    ]
    result = tax_year_summary(records, as_at=ASKED, tax_year=2025, subject="amira")
    for finding in result.findings:
        assert "{" not in sentence(finding, locale="en_GB")
        assert finding.subject == "amira"
