"""Vouchers and gifts: HMRC's treatment for an employee and for a member of the public."""

import datetime as dt

import pytest

from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.render.text import sentence
from participatory.tax import Recipient, VoucherKind, VoucherTreatment, assess_voucher

GBP = Money.gbp
DAY = dt.date(2025, 6, 1)


def test_non_cash_voucher_to_an_employee_is_measured_at_cost():
    """EIM16140: the cost to the provider; a £50 voucher bought for £45 -> £45."""
    result = assess_voucher(GBP(50), recipient=Recipient.EMPLOYEE, as_at=DAY,
                            cost_to_provider=GBP(45))  # fmt: skip
    assert result.treatment is VoucherTreatment.EMPLOYMENT_BENEFIT
    assert result.taxable_value == GBP("45.00")
    assert not result.counts_towards_trading_allowance
    assert result.has("TAX-VOUCHER-NOT-TRIVIAL")
    assert result.by_rule("TAX-VOUCHER-EMPLOYEE-REPORTING")[0].severity.value == "refer"


def test_cash_voucher_to_an_employee_is_its_exchange_value():
    """TCTM04110: the sum for which it can be exchanged, whatever it cost."""
    result = assess_voucher(GBP(50), recipient=Recipient.EMPLOYEE, as_at=DAY,
                            kind=VoucherKind.CASH, cost_to_provider=GBP(45))  # fmt: skip
    assert result.taxable_value == GBP("50.00")


def test_voucher_to_a_member_of_the_public_is_miscellaneous_income():
    result = assess_voucher(GBP(25), recipient=Recipient.MEMBER_OF_PUBLIC, as_at=DAY)
    assert result.treatment is VoucherTreatment.MISCELLANEOUS_INCOME
    assert result.counts_towards_trading_allowance
    cited = {c.source.title for f in result.findings for c in f.citations}
    assert "Employment Status Manual" in cited


def test_a_gift_for_nothing_is_referred_not_called_untaxed():
    result = assess_voucher(GBP(25), recipient=Recipient.MEMBER_OF_PUBLIC, as_at=DAY,
                            for_contribution=False)  # fmt: skip
    assert result.treatment is VoucherTreatment.UNSETTLED
    assert result.taxable_value is None
    assert result.worst.value == "refer"


def test_bad_input_is_refused():
    with pytest.raises(ValidationError):
        assess_voucher(GBP(-5), recipient=Recipient.EMPLOYEE, as_at=DAY)
    with pytest.raises(ValidationError):
        assess_voucher(GBP(5), recipient="employee", as_at=DAY)
    with pytest.raises(ValidationError):
        assess_voucher(GBP(5), recipient=Recipient.EMPLOYEE, as_at=DAY, kind="cash")


def test_every_finding_renders():
    for recipient in Recipient:
        for kind in VoucherKind:
            for given_for in (True, False):
                result = assess_voucher(GBP(50), recipient=recipient, as_at=DAY, kind=kind,
                                        for_contribution=given_for)  # fmt: skip
                for finding in result.findings:
                    assert "{" not in sentence(finding, locale="en_GB")
                    assert finding.citations
