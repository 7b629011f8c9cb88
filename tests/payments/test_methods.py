import pytest

from participatory.core.errors import ValidationError
from participatory.core.explain import Severity
from participatory.core.serialise import unstructure
from participatory.payments.methods import (
    MethodPolicy,
    PaymentMethod,
    PaymentPreference,
    assess_payment_method,
    consequences,
)
from participatory.render.text import sentence

BANK_ONLY = MethodPolicy({PaymentMethod.BANK_TRANSFER}, source="TEWV: bank account only")


def test_first_choice_allowed_is_honoured_with_its_consequences():
    choice = assess_payment_method(
        PaymentPreference("ben", (PaymentMethod.POT,)),
        MethodPolicy({PaymentMethod.POT, PaymentMethod.BANK_TRANSFER}),
    )
    assert choice.method is PaymentMethod.POT
    assert choice.has("PAY-METHOD-PREFERENCE-HONOURED")
    (pot,) = choice.by_rule("PAY-METHOD-POT-STILL-COUNTS")
    assert pot.severity is Severity.WARNING
    assert any(c.key == "bath_report_2022" and c.pinpoint == "§5.3" for c in pot.citations)


def test_conflict_with_policy_is_a_finding_and_the_next_choice_is_used():
    choice = assess_payment_method(
        PaymentPreference("amira", (PaymentMethod.VOUCHER, PaymentMethod.BANK_TRANSFER)), BANK_ONLY
    )
    assert choice.method is PaymentMethod.BANK_TRANSFER
    (conflict,) = choice.by_rule("PAY-METHOD-PREFERENCE-NOT-ALLOWED")
    assert conflict.values["wanted"] == "voucher"
    assert conflict.citations[0].source.title == "TEWV: bank account only"
    assert not conflict.citations[0].verified  # the institution's policy, not read by the library


def test_no_allowed_choice_is_a_problem():
    choice = assess_payment_method(PaymentPreference("dev", (PaymentMethod.VOUCHER,)), BANK_ONLY)
    assert choice.method is None
    assert choice.worst is Severity.PROBLEM


def test_declining_is_always_honoured_and_cites_reg_60():
    choice = assess_payment_method(PaymentPreference("chloe", (PaymentMethod.DECLINED,)), BANK_ONLY)
    assert choice.method is PaymentMethod.DECLINED
    assert choice.has("PAY-METHOD-DECLINE-ALWAYS-ALLOWED")
    (declined,) = choice.by_rule("PAY-METHOD-DECLINED-NO-NOTIONAL-EARNINGS")
    assert "UC Regs 2013 reg. 60(3)-(4)(b)" in [c.short for c in declined.citations]


@pytest.mark.parametrize("method", list(PaymentMethod))
def test_every_method_has_cited_consequences_that_render(method):
    for finding in consequences(method, subject="x"):
        assert finding.citations
        assert "{" not in sentence(finding, locale="en_GB")


def test_payroll_brings_employment_status_and_vouchers_count_as_income():
    assert consequences(PaymentMethod.PAYROLL)[0].rule_id == "PAY-METHOD-PAYROLL-EMPLOYMENT"
    assert consequences(PaymentMethod.VOUCHER)[0].severity is Severity.WARNING


def test_all_choice_findings_render():
    for preference in (
        PaymentPreference("a", (PaymentMethod.VOUCHER, PaymentMethod.BANK_TRANSFER)),
        PaymentPreference("b", (PaymentMethod.VOUCHER,)),
        PaymentPreference("c", (PaymentMethod.DECLINED,)),
        PaymentPreference("d", (PaymentMethod.BANK_TRANSFER,)),
    ):
        for finding in assess_payment_method(preference, BANK_ONLY):
            assert "{" not in sentence(finding, locale="en_GB")


def test_reason_is_sensitive_and_never_shown():
    secret = "SENTINEL-receives-ESA-7731"
    preference = PaymentPreference("amira", (PaymentMethod.POT,), reason=secret)
    assert secret not in repr(preference)
    assert secret not in str(preference)
    assert secret not in str(unstructure(preference))
    assert secret not in str(unstructure(assess_payment_method(preference, BANK_ONLY)))
    with pytest.raises(ValidationError) as caught:
        PaymentPreference("", (PaymentMethod.POT,), reason=secret)
    assert secret not in str(caught.value)


def test_bad_preferences_and_policies_are_refused():
    with pytest.raises(ValidationError, match="preferred"):
        PaymentPreference("a", ())
    with pytest.raises(ValidationError, match="twice"):
        PaymentPreference("a", (PaymentMethod.POT, PaymentMethod.POT))
    with pytest.raises(ValidationError, match="preferred"):
        PaymentPreference("a", ("cheque",))
    with pytest.raises(ValidationError, match="allowed"):
        MethodPolicy(set())
