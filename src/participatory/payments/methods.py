"""How a contributor is paid: the methods, their known consequences, and honouring a choice.

Each :class:`PaymentMethod` carries findings about what it brings with it
(:func:`consequences`): vouchers and a pot still count as payment; payroll brings
employment status; declining leaves no notional earnings for a service user. These are
flags for people and for the benefits engine, which works out the amounts.

A contributor states a :class:`PaymentPreference`; an institution's :class:`MethodPolicy`
says which methods it allows. :func:`assess_payment_method` honours the first preference the
policy allows, and says so when it could not honour the first. Declining payment is always
honoured: it is the contributor's choice (NIHR).

>>> policy = MethodPolicy(frozenset({PaymentMethod.BANK_TRANSFER, PaymentMethod.VOUCHER}))
>>> choice = assess_payment_method(PaymentPreference("amira", (PaymentMethod.POT,
...                                                    PaymentMethod.VOUCHER)), policy)
>>> choice.method, choice.has("PAY-METHOD-PREFERENCE-NOT-ALLOWED")
(<PaymentMethod.VOUCHER: 'voucher'>, True)
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.explain import Explained, Finding, Severity
from participatory.core.fields import member, set_repr
from participatory.core.privacy import REDACTED, SENSITIVE
from participatory.core.record import Record
from participatory.core.sources import cite
from participatory.guidance_data import policy_citation, policy_source

__all__ = [
    "MethodChoice",
    "MethodPolicy",
    "PaymentMethod",
    "PaymentPreference",
    "assess_payment_method",
    "consequences",
]


class PaymentMethod(enum.Enum):
    """A way of paying (or recognising) a contributor."""

    #: A one-off payment by bank transfer, outside payroll.
    BANK_TRANSFER = "bank_transfer"
    #: The contributor invoices the organisation (as a self-employed person).
    INVOICE = "invoice"
    #: Through the organisation's payroll, as an employee or worker.
    PAYROLL = "payroll"
    #: Gift vouchers or gift cards.
    VOUCHER = "voucher"
    #: A pot that builds up for the person and buys something they choose (Heart n Soul).
    POT = "pot"
    #: Paying the person's organisation (a charity or group) instead of the person.
    ORGANISATION = "organisation"
    #: The contributor declines payment.
    DECLINED = "declined"
    #: Recognition that is not money: certificates, co-authorship, training, references.
    NON_MONETARY = "non_monetary"


#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = {
    "payments.method_bank_transfer": (
        "A one-off bank transfer is income to the contributor in the period it is "
        "received; the contributor must declare it for tax and benefits."
    ),
    "payments.method_invoice": (
        "Paying against an invoice treats the contributor as self-employed: they may "
        "need to register for Self Assessment, and the organisation must be satisfied "
        "that they are not an employee."
    ),
    "payments.method_payroll": (
        "Paying through payroll brings employment status: income tax and National "
        "Insurance are deducted, and the payment is reported to HMRC (and so to DWP) "
        "in real time."
    ),
    "payments.method_voucher": (
        "Vouchers still count as payment: they are income for tax and, most likely, "
        "earnings for benefits, and the contributor must declare them."
    ),
    "payments.method_pot": (
        "Money kept in a pot for the contributor is still payment for their work: it "
        "may count as income when it is credited and as capital while it is held, and "
        "what it buys does not change that."
    ),
    "payments.method_organisation": (
        "Paying the contributor's organisation instead of the contributor: the "
        "organisation, not the contributor, receives the income. Where a service user "
        "asks for this, no earnings are treated as theirs."
    ),
    "payments.method_declined": (
        "The contributor declines payment. That is their choice, and a service user who "
        "declines a fee is not treated as having the earnings they gave up."
    ),
    "payments.method_non_monetary": (
        "Recognition that is not money (a certificate, co-authorship, training, a "
        "reference): ask the contributor what they would value."
    ),
    "payments.preference_honoured": "The contributor's choice, {method}, is honoured.",
    "payments.preference_not_allowed": (
        "The contributor asked to be paid by {wanted}, which the institution's policy "
        "does not allow; {method} (their next choice) was used. Review the policy or "
        "agree an exception with them."
    ),
    "payments.preference_none_allowed": (
        "None of the contributor's choices ({wanted}) is allowed by the institution's "
        "policy. Agree a method with them before they take part."
    ),
    "payments.declined_always_allowed": (
        "Declining payment is honoured even though the institution's policy does not "
        "list it: accepting payment is the contributor's choice."
    ),
}

# Catalogue references, resolved when a finding is made (``cite`` caches each), never at
# import: reading the sources catalogue is the slowest thing the library does.
#: "It is your choice whether or not you accept payment for involvement in research."
_CHOICE: Final = "nihr_payment_guidance_public_2024#choice"
#: "Monetary awards and vouchers are classed as income."
_INCOME: Final = "nihr_public_guide_status_tax_2024#income"
#: Employment status and tax for organisations: payroll, self-employment, office-holders.
_STATUS_AND_TAX: Final = "nihr_org_guide_status_tax_2023"
#: Payment may be cash or bank transfer; some organisations give vouchers or gifts.
_EASY_READ: Final = "easy_read_payment_guide_2024#payment_methods"
#: No notional earnings where a service user provides services free or cheaply.
_REG_60: Final = "uc_regs_2013#reg_60"

_CONSEQUENCES: Final[Mapping[PaymentMethod, tuple[str, Severity, tuple[str, ...]]]] = {
    PaymentMethod.BANK_TRANSFER: (
        "PAY-METHOD-BANK-TRANSFER-INCOME",
        Severity.INFO,
        (_INCOME, _EASY_READ),
    ),
    PaymentMethod.INVOICE: (
        "PAY-METHOD-INVOICE-SELF-EMPLOYED",
        Severity.ADVICE,
        (_STATUS_AND_TAX,),
    ),
    PaymentMethod.PAYROLL: (
        "PAY-METHOD-PAYROLL-EMPLOYMENT",
        Severity.WARNING,
        (_STATUS_AND_TAX,),
    ),
    PaymentMethod.VOUCHER: (
        "PAY-METHOD-VOUCHER-INCOME",
        Severity.WARNING,
        (_INCOME, _EASY_READ),
    ),
    PaymentMethod.POT: (
        "PAY-METHOD-POT-STILL-COUNTS",
        Severity.WARNING,
        ("bath_report_2022#heart_n_soul_pot", _INCOME),
    ),
    PaymentMethod.ORGANISATION: (
        "PAY-METHOD-ORGANISATION",
        Severity.INFO,
        (_REG_60,),
    ),
    PaymentMethod.DECLINED: (
        "PAY-METHOD-DECLINED-NO-NOTIONAL-EARNINGS",
        Severity.INFO,
        (_CHOICE, _REG_60),
    ),
    PaymentMethod.NON_MONETARY: (
        "PAY-METHOD-NON-MONETARY",
        Severity.INFO,
        ("bath_report_2022#value_contributions", "bath_report_2022#ask_recognition"),
    ),
}


def consequences(method: PaymentMethod, *, subject: str | None = None) -> tuple[Finding, ...]:
    """The known consequences of paying by ``method``, as findings with their sources.

    >>> [f.rule_id for f in consequences(PaymentMethod.PAYROLL)]
    ['PAY-METHOD-PAYROLL-EMPLOYMENT']
    >>> consequences("cash")
    Traceback (most recent call last):
    ...
    participatory.core.errors.ValidationError: method: must be one of bank_transfer, invoice, payroll, voucher, pot, organisation, declined, non_monetary
    """  # noqa: E501
    method = member(PaymentMethod, method, "method")
    if subject is not None and not isinstance(subject, str):
        raise ValidationError("subject", "must be text or None")
    rule_id, severity, references = _CONSEQUENCES[method]
    return (
        Finding(
            rule_id,
            severity,
            f"payments.method_{method.value}",
            citations=tuple(cite(reference) for reference in references),
            subject=subject,
        ),
    )


def _methods(value: Iterable[object]) -> frozenset[PaymentMethod]:
    try:
        return frozenset(PaymentMethod(item) for item in value)
    except ValueError:
        raise ValidationError("allowed", "names a method that does not exist") from None


def _ordered_methods(value: Iterable[object]) -> tuple[PaymentMethod, ...]:
    try:
        methods = tuple(PaymentMethod(item) for item in value)
    except ValueError:
        raise ValidationError("preferred", "names a method that does not exist") from None
    if len(set(methods)) != len(methods):
        raise ValidationError("preferred", "names a method twice")
    return methods


@attrs.frozen
class MethodPolicy(Record):
    """The payment methods an institution allows, and the policy that says so."""

    allowed: frozenset[PaymentMethod] = attrs.field(converter=_methods, repr=set_repr)
    source: str = attrs.field(default="institution payment policy", converter=policy_source)

    def __attrs_post_init__(self) -> None:
        if not self.allowed:
            raise ValidationError("allowed", "must allow at least one method")


@attrs.frozen
class PaymentPreference(Record):
    """How a contributor has asked to be paid, in order of preference.

    ``reason`` (why they chose it, often to do with benefits or health) is special-category
    data: it never appears in ``repr``, errors or default serialisation.
    """

    contributor: str
    preferred: tuple[PaymentMethod, ...] = attrs.field(converter=_ordered_methods)
    reason: str | None = attrs.field(default=None, repr=REDACTED, metadata=SENSITIVE)

    def __attrs_post_init__(self) -> None:
        if not self.contributor.strip():
            raise ValidationError("contributor", "must not be empty")
        if not self.preferred:
            raise ValidationError("preferred", "must name at least one method")


@attrs.frozen
class MethodChoice(Explained):
    """The method chosen for a contributor (``None`` when no choice is allowed), and why."""

    contributor: str
    method: PaymentMethod | None


def assess_payment_method(preference: PaymentPreference, policy: MethodPolicy) -> MethodChoice:
    """Honour the contributor's first choice that ``policy`` allows; say when that fails."""
    if not isinstance(preference, PaymentPreference):
        raise ValidationError("preference", "must be a PaymentPreference")
    if not isinstance(policy, MethodPolicy):
        raise ValidationError("policy", "must be a MethodPolicy")
    who = preference.contributor
    wanted = preference.preferred
    findings: list[Finding] = []
    chosen: PaymentMethod | None = None
    policy_cited = policy_citation(policy.source)
    for method in wanted:
        if method is PaymentMethod.DECLINED and method not in policy.allowed:
            findings.append(
                Finding(
                    "PAY-METHOD-DECLINE-ALWAYS-ALLOWED",
                    Severity.INFO,
                    "payments.declined_always_allowed",
                    citations=(cite(_CHOICE),),
                    subject=who,
                )
            )
            chosen = method
            break
        if method in policy.allowed:
            chosen = method
            break
    if chosen is None:
        findings.append(
            Finding(
                "PAY-METHOD-NO-ALLOWED-PREFERENCE",
                Severity.PROBLEM,
                "payments.preference_none_allowed",
                {"wanted": [m.value for m in wanted]},
                citations=(policy_cited,),
                subject=who,
            )
        )
        return MethodChoice(who, None, findings=findings)
    if chosen is wanted[0]:
        findings.insert(
            0,
            Finding(
                "PAY-METHOD-PREFERENCE-HONOURED",
                Severity.MET,
                "payments.preference_honoured",
                {"method": chosen.value},
                citations=(cite(_CHOICE),),
                subject=who,
            ),
        )
    else:
        findings.insert(
            0,
            Finding(
                "PAY-METHOD-PREFERENCE-NOT-ALLOWED",
                Severity.WARNING,
                "payments.preference_not_allowed",
                {"wanted": wanted[0].value, "method": chosen.value},
                citations=(policy_cited,),
                subject=who,
            ),
        )
    findings.extend(consequences(chosen, subject=who))
    return MethodChoice(who, chosen, findings=findings)
