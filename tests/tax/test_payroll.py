"""The payroll model and assess_payroll: validation, refusals, findings and their words."""

import datetime as dt

import pytest

from participatory.core.errors import ParametersNotAvailable, UnsupportedCase, ValidationError
from participatory.core.money import Money
from participatory.core.params import bundled_parameters
from participatory.core.serialise import unstructure
from participatory.render.text import sentence
from participatory.tax import (
    EarningsPeriod,
    PayeTable,
    PayFrequency,
    PayrollPayment,
    PayToDate,
    assess_payroll,
)

GBP = Money.gbp
DAY = dt.date(2025, 6, 27)


def pay(gross, code, frequency=PayFrequency.MONTHLY, day=DAY, **kw):
    return assess_payroll(PayrollPayment(GBP(gross), day, frequency, code, **kw))


def test_tax_period_follows_the_table():
    weekly = PayrollPayment(GBP(1), dt.date(2025, 4, 13), "weekly", "1257L")
    monthly = PayrollPayment(GBP(1), dt.date(2025, 4, 13), "monthly", "1257L")
    assert (weekly.tax_period, monthly.tax_period) == (2, 1)


def test_one_off_defaults_to_month_1_and_a_weekly_earnings_period():
    payment = PayrollPayment(GBP(500), DAY, PayFrequency.ONE_OFF, "0T M1")
    assert payment.paye_table is PayeTable.MONTH
    assert payment.ni_period is EarningsPeriod.WEEK


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"gross": GBP(-1)}, "gross"),
        ({"gross": GBP("1.001")}, "gross"),
        ({"gross": Money("1", "EUR")}, "gross"),
        ({"frequency": "daily"}, "frequency"),
        ({"tax_code": "1257Q"}, "tax_code"),
        ({"paid_on": "not a date"}, "paid_on"),
        ({"paye_table": PayeTable.WEEK}, "paye_table"),
        ({"paye_table": "fortnight"}, "paye_table"),
        ({"earnings_period": EarningsPeriod.YEAR}, "earnings_period"),
        ({"pay_to_date": "500"}, "pay_to_date"),
    ],
)
def test_bad_payments_are_refused_naming_the_field(kwargs, path):
    args = {"gross": GBP(500), "paid_on": DAY, "frequency": "monthly", "tax_code": "1257L"}
    args.update(kwargs)
    with pytest.raises(ValidationError) as caught:
        PayrollPayment(**args)
    assert caught.value.path.startswith(path)


def test_pay_to_date_must_be_whole_pence():
    with pytest.raises(ValidationError):
        PayToDate(GBP("1.001"), GBP(0))
    with pytest.raises(ValidationError):
        PayToDate(GBP(-1), GBP(0))


@pytest.mark.parametrize("frequency", [PayFrequency.FORTNIGHTLY, PayFrequency.FOUR_WEEKLY])
def test_multi_week_earnings_periods_are_refused(frequency):
    with pytest.raises(UnsupportedCase, match="two- or four-week"):
        pay(500, "1257L", frequency)


def test_cumulative_week_53_is_refused_but_week_1_basis_is_not():
    day = dt.date(2026, 4, 5)
    with pytest.raises(UnsupportedCase, match="week 53"):
        pay(500, "1257L", PayFrequency.WEEKLY, day)
    assert pay(500, "1257L W1", PayFrequency.WEEKLY, day).income_tax == GBP("51.60")


def test_a_day_past_the_data_is_refused():
    with pytest.raises(ParametersNotAvailable):
        pay(500, "1257L M1", day=dt.date(2027, 4, 6))
    with pytest.raises(ParametersNotAvailable):
        pay(500, "1257L M1", day=dt.date(2024, 4, 5))


def test_a_what_if_parameter_set_is_used():
    params = bundled_parameters().with_value(
        "income_tax.rest_of_uk.basic.rate", __import__("decimal").Decimal("0.25"),
        effective_from=dt.date(2025, 4, 6), source="What if: 25%",
    )  # fmt: skip
    assert pay(500, "BR").income_tax == GBP("100.00")
    result = assess_payroll(PayrollPayment(GBP(500), DAY, "monthly", "BR"), parameters=params)
    assert result.income_tax == GBP("125.00")


def test_a_cumulative_code_without_figures_assumes_none_and_says_so():
    result = pay(2000, "1257L")
    assert result.has("TAX-PAYE-CUMULATIVE-ASSUMED")
    # June 27 is tax month 3: free pay 3 x 1,048.26 = 3,144.78 > 2,000.
    assert result.income_tax == GBP("0.00")


def test_a_one_off_with_a_cumulative_code_is_taxed_on_month_1_and_advised():
    result = pay(500, "1257L", PayFrequency.ONE_OFF)
    assert result.calculation.period == 1
    advice = result.by_rule("TAX-PAYE-ONE-OFF")
    assert advice
    assert advice[0].severity.value == "advice"


def test_marker_and_frequency_that_disagree_are_pointed_out():
    result = pay(500, "1257L W1", PayFrequency.MONTHLY)
    assert result.has("TAX-PAYE-MARKER-MISMATCH")
    assert result.income_tax == GBP("0.00")


def test_emergency_code_is_named_and_cites_the_dated_code():
    result = pay(500, "1257L M1")
    [finding] = result.by_rule("TAX-PAYE-EMERGENCY")
    assert finding.parameters[0].name == "paye.emergency_code"
    assert not pay(500, "1100L M1").has("TAX-PAYE-EMERGENCY")
    assert not pay(500, "1257L").has("TAX-PAYE-EMERGENCY")


def test_scottish_flat_rate_codes_warn_they_are_secondary():
    result = pay(500, "SBR")
    assert result.income_tax == GBP("100.00")
    assert result.has("TAX-PAYE-CODE-SECONDARY")
    assert not pay(500, "BR").has("TAX-PAYE-CODE-SECONDARY")


def test_every_finding_renders_in_english_and_welsh():
    cases = [
        pay(500, "1257L M1"),
        pay(5000, "1257L M1"),
        pay(500, "0T M1", PayFrequency.ONE_OFF),
        pay(500, "0T M1", PayFrequency.ONE_OFF, earnings_period=EarningsPeriod.MONTH),
        pay(500, "1257L W1", PayFrequency.WEEKLY),
        pay(500, "SBR"),
        pay(500, "NT"),
        pay(200, "K475 M1"),
        pay(500, "C1257L", pay_to_date=PayToDate(GBP(1000), GBP(300))),
        pay(2000, "S1257L", pay_to_date=PayToDate(GBP(4000), GBP(380))),
        pay(500, "1257L W1"),
        pay("96.10", "0T W1", PayFrequency.WEEKLY),
    ]
    seen = set()
    for result in cases:
        for finding in result.findings:
            seen.add(finding.rule_id)
            text = sentence(finding, locale="en_GB")
            assert "{" not in text
            assert sentence(finding, locale="cy")
            assert finding.citations or finding.parameters
    assert {"TAX-PAYE-REFUND", "TAX-PAYE-K-LIMIT", "TAX-NI-HALFPENNY",
            "TAX-PAYE-NO-TAX", "TAX-PAYE-FLAT-RATE", "TAX-PAYE-K-CODE"} <= seen  # fmt: skip


def test_results_serialise_to_plain_data():
    data = unstructure(pay(500, "0T M1", PayFrequency.ONE_OFF))
    assert data["net"] == "379.36 GBP"
    assert data["income_tax"] == "100.00 GBP"


def test_deductions_and_gross_properties():
    result = pay(500, "0T M1", PayFrequency.ONE_OFF)
    assert result.gross == GBP(500)
    assert result.deductions == GBP("120.64")
    assert result.free_pay == GBP("0.00")
    assert result.taxable_pay == GBP("500.00")


def test_not_a_payment_is_refused():
    with pytest.raises(ValidationError):
        assess_payroll("500")
