"""One contributor's year, worked by hand (2025/26 figures; see test_payroll_scenarios)."""

import datetime as dt

from participatory.core.money import Money
from participatory.tax import (
    PayFrequency,
    PaymentRecord,
    PaymentRoute,
    PayrollPayment,
    tax_year_summary,
)

GBP = Money.gbp


def test_three_payers_three_routes():
    """Uni A: £500 once through payroll on 0T M1 -> tax 100.00, NI (a week) 20.64, net
    379.36, employer NI 60.60; reported on the FPS; a statement, not a P45.
    Charity B: £700 invoiced. Trust C: £400 of vouchers to a member of the public.
    Outside payroll: 700 + 400 = 1,100 > 1,000: a Self Assessment return is needed;
    partial relief would leave 100 taxable."""
    records = [
        PaymentRecord.through_payroll(
            "Uni A", PayrollPayment(GBP(500), dt.date(2025, 6, 27), PayFrequency.ONE_OFF, "0T M1")
        ),
        PaymentRecord("Charity B", PaymentRoute.INVOICE, GBP(700), dt.date(2025, 9, 1)),
        PaymentRecord("Trust C", PaymentRoute.VOUCHER, GBP(400), dt.date(2026, 1, 15)),
    ]
    year = tax_year_summary(records, as_at=dt.date(2026, 12, 6), tax_year=2025)
    uni = next(p for p in year.payers if p.payer == "Uni A")
    assert (uni.income_tax, uni.employee_ni, uni.employer_ni, uni.payroll_net) == (
        GBP("100.00"), GBP("20.64"), GBP("60.60"), GBP("379.36"),
    )  # fmt: skip
    assert year.payroll_gross == GBP("500.00")
    assert year.payroll_net == GBP("379.36")
    assert year.income_tax == GBP("100.00")
    assert year.has("TAX-SUMMARY-ONE-OFF-STATEMENT")
    assert year.self_assessment_needed
    assert year.trading.relevant_income == GBP("1100.00")
    assert year.trading.profit_with_partial_relief == GBP("100.00")
    declared = year.by_rule("TAX-SUMMARY-DECLARE")[0]
    assert declared.message_key == "tax.summary.declare"
    cited = {c.source.title for f in year.findings for c in f.citations}
    assert any("NIHR" in t or "public involvement" in t for t in cited)
    assert "Running payroll" in cited


def test_small_fees_from_two_payers_need_no_return():
    """£400 invoiced + £300 paid directly = 700 <= 1,000: full relief; nothing to declare;
    two monthly payroll payments of £500 on 1257L M1 bear no tax or NI (E1)."""
    records = [
        PaymentRecord.through_payroll(
            "Uni A", PayrollPayment(GBP(500), dt.date(2025, 5, 27), "monthly", "1257L M1")
        ),
        PaymentRecord.through_payroll(
            "Uni A", PayrollPayment(GBP(500), dt.date(2025, 6, 27), "monthly", "1257L M1")
        ),
        PaymentRecord("Charity B", "invoice", GBP(400), dt.date(2025, 9, 1)),
        PaymentRecord("Trust C", "direct", GBP(300), dt.date(2025, 10, 1)),
    ]
    year = tax_year_summary(records, as_at=dt.date(2025, 12, 1))
    assert year.payroll_net == GBP("1000.00")
    assert not year.self_assessment_needed
    assert year.by_rule("TAX-SUMMARY-DECLARE")[0].message_key == "tax.summary.declare_none"
    assert year.by_rule("TAX-SUMMARY-PAYROLL")[0].values["count"] == 2
