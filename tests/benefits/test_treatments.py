""":mod:`participatory.benefits.treatments`: unit tests.

How each kind of payment is treated, and the risks reported where the treatment is not
settled: counted the cautious way (as earnings) and said so, never hidden.
"""

import pytest

from participatory.benefits import ReceiptKind
from participatory.benefits.treatments import MESSAGES, kind_findings
from participatory.core.explain import Severity
from participatory.core.nations import Nation


@pytest.mark.parametrize(
    ("kind", "rule", "severity"),
    [
        (ReceiptKind.RECEIPTED_EXPENSES, "BEN-EXPENSES-DISREGARDED", Severity.MET),
        (ReceiptKind.FLAT_RATE_EXPENSES, "BEN-FLAT-RATE-EXPENSES", Severity.WARNING),
        (ReceiptKind.VOUCHER, "BEN-VOUCHER-RISK", Severity.WARNING),
        (ReceiptKind.POT_FOR_GOODS, "BEN-POT-RISK", Severity.WARNING),
        (ReceiptKind.GIFT, "BEN-GIFT-CAPITAL", Severity.WARNING),
        (ReceiptKind.DECLINED_FEE, "BEN-DECLINED-FEE", Severity.MET),
    ],
)
def test_each_kind_that_needs_explaining_has_its_finding(kind, rule, severity):
    (found,) = kind_findings({kind}, universal_credit=False)
    assert (found.rule_id, found.severity) == (rule, severity)
    assert found.citations
    assert found.message_key in MESSAGES
    assert not found.sensitive  # about the kind of payment, not the person


def test_flat_rate_expenses_point_to_paying_against_receipts():
    (found,) = kind_findings({ReceiptKind.FLAT_RATE_EXPENSES}, universal_credit=False)
    assert found.actions == ("benefits.action.pay_against_receipts",)


def test_fees_need_no_explaining_without_universal_credit():
    assert kind_findings({ReceiptKind.INVOLVEMENT_FEE}, universal_credit=False) == ()
    assert kind_findings({ReceiptKind.PAYROLL_EARNINGS}, universal_credit=True) == ()


def test_with_universal_credit_a_fee_may_be_miscellaneous_income():
    """Fee-like kinds: DWP counts them as earnings; read strictly, an occasional fee could be
    miscellaneous income, pound for pound. Said first, once for all of them."""
    found = kind_findings(
        {ReceiptKind.VOUCHER, ReceiptKind.INVOLVEMENT_FEE, ReceiptKind.POT_FOR_GOODS},
        universal_credit=True,
    )
    assert [f.rule_id for f in found] == ["BEN-EARNED-OR-MISC", "BEN-VOUCHER-RISK", "BEN-POT-RISK"]


def test_with_universal_credit_an_invoice_raises_the_minimum_income_floor():
    found = kind_findings({ReceiptKind.SELF_EMPLOYED_INVOICE}, universal_credit=True)
    assert [f.rule_id for f in found] == ["BEN-UC-MIF"]
    assert kind_findings({ReceiptKind.SELF_EMPLOYED_INVOICE}, universal_credit=False) == ()


def test_the_order_does_not_depend_on_the_order_given():
    kinds = [ReceiptKind.GIFT, ReceiptKind.RECEIPTED_EXPENSES, ReceiptKind.VOUCHER]
    assert kind_findings(kinds, universal_credit=True) == kind_findings(
        list(reversed(kinds)), universal_credit=True
    )


def test_northern_ireland_cites_its_own_law():
    (england,) = kind_findings({ReceiptKind.RECEIPTED_EXPENSES}, universal_credit=False)
    (ni,) = kind_findings(
        {ReceiptKind.RECEIPTED_EXPENSES}, universal_credit=False, nation=Nation.NORTHERN_IRELAND
    )
    assert england.citations[0].source.key == "uc_regs_2013"
    assert ni.citations[0].source.key == "uc_regs_ni_2016"
