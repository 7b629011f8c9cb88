"""Vouchers and gifts: how HMRC treats them, for an employee and for a member of the public.

The same £50 voucher is taxed differently depending on who receives it:

- **An employee of the payer** (including a contributor on its payroll): vouchers are
  taxable benefits (ITEPA 2003 Part 3 Chapter 4; "a benefit in respect of a cash or
  non-cash voucher only applies where it is received by ... an employee", EIM16120). A
  non-cash voucher is measured by what it cost the provider (EIM16140); a cash voucher by
  the sum it can be exchanged for (TCTM04110). The trivial-benefit exemption (cost £50 or
  less) excludes cash vouchers and rewards for work, so an involvement voucher never
  qualifies. How the payer reports it (P11D, a PAYE Settlement Agreement, payrolling) is
  not in the sources read: the engine refers that question.
- **A member of the public** (not employed, not an office-holder): a reward for services
  that is not trading is miscellaneous income (ITTOIA 2005 s. 687; HMRC ESM4530), which
  counts towards the £1,000 trading allowance with any invoiced fees (s. 783AB). NIHR:
  "Monetary awards and vouchers are classed as income".
- **A gift not given for any contribution**: no source read states HMRC's position, so the
  engine refers it rather than call it untaxed.

Universal Credit is a different question (the benefits engine): benefits-code amounts
are excluded from UC employed earnings (UC Regs 2013 reg. 55(2)(a)).

>>> import datetime as dt
>>> from participatory.core.money import Money
>>> public = assess_voucher(Money.gbp(50), recipient=Recipient.MEMBER_OF_PUBLIC,
...                         as_at=dt.date(2025, 6, 1))
>>> public.treatment, public.counts_towards_trading_allowance
(<VoucherTreatment.MISCELLANEOUS_INCOME: 'miscellaneous_income'>, True)
>>> employee = assess_voucher(Money.gbp(50), recipient=Recipient.EMPLOYEE,
...                           as_at=dt.date(2025, 6, 1))
>>> employee.treatment, employee.taxable_value
(<VoucherTreatment.EMPLOYMENT_BENEFIT: 'employment_benefit'>, Money('50.00', 'GBP'))
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.explain import Explained, Finding, Severity
from participatory.core.money import Money
from participatory.core.params import ParameterSet, bundled_parameters
from participatory.core.periods import to_date
from participatory.tax.rates import pence
from participatory.tax.sources import _cite

__all__ = [
    "Recipient",
    "VoucherAssessment",
    "VoucherKind",
    "VoucherTreatment",
    "assess_voucher",
]

MESSAGES: Final[Mapping[str, str]] = {
    "tax.voucher.employee_benefit_cash": (
        "A cash voucher to an employee of the payer is a taxable benefit on the sum it can be "
        "exchanged for: {value}."
    ),
    "tax.voucher.employee_benefit_non_cash": (
        "A non-cash voucher to an employee of the payer is a taxable benefit on what it cost "
        "the payer to provide: {value}."
    ),
    "tax.voucher.not_trivial": (
        "It is not a trivial benefit, whatever its value against the {limit} limit: a voucher "
        "given for the contribution is a reward for work (and a cash voucher is excluded "
        "too)."
    ),
    "tax.voucher.employee_reporting": (
        "How the payer reports a voucher to an employee (on a P11D, in a PAYE Settlement "
        "Agreement, or through payroll) is not in the sources read: ask the payroll team or "
        "HMRC."
    ),
    "tax.voucher.uc_differs": (
        "For Universal Credit a benefit of employment is not employed earnings (UC "
        "Regulations 2013 reg. 55(2)(a)): the benefits check decides how DWP counts it."
    ),
    "tax.voucher.miscellaneous_income": (
        "A voucher of {value} to a member of the public for their contribution is a reward "
        "for services: if it is not trading income it is miscellaneous income, which counts "
        "towards the trading allowance with any invoiced fees."
    ),
    "tax.voucher.declare": (
        "NIHR: monetary awards and vouchers are classed as income, and the contributor is "
        "responsible for declaring their income."
    ),
    "tax.voucher.public_reporting": (
        "No source read says a voucher to a member of the public goes through PAYE or is "
        "reported by the payer: the contributor declares it if it must be declared."
    ),
    "tax.voucher.gift_unsettled": (
        "A gift of {value} not given for any contribution: no source read states HMRC's "
        "position, so it is not treated as untaxed. Ask HMRC, or treat it as a reward if it "
        "was given for taking part."
    ),
}


class Recipient(enum.Enum):
    """Who receives the voucher, as HMRC sees them."""

    #: An employee (or office-holder) of the payer, e.g. a contributor on its payroll.
    EMPLOYEE = "employee"
    #: A member of the public: not employed by the payer and holding no office.
    MEMBER_OF_PUBLIC = "member_of_public"


class VoucherKind(enum.Enum):
    """A cash voucher (exchangeable for money) or a non-cash voucher (goods, services)."""

    CASH = "cash"
    NON_CASH = "non_cash"


class VoucherTreatment(enum.Enum):
    """How HMRC treats the voucher."""

    #: A taxable benefit of the employment (ITEPA 2003 Part 3 Chapter 4).
    EMPLOYMENT_BENEFIT = "employment_benefit"
    #: Miscellaneous income (ITTOIA 2005 s. 687), in the trading allowance.
    MISCELLANEOUS_INCOME = "miscellaneous_income"
    #: Not settled by the sources read: refer to HMRC.
    UNSETTLED = "unsettled"


def _value(value: object) -> Money:
    money = value if isinstance(value, Money) else Money.gbp(value)  # type: ignore[arg-type]
    if money.currency != "GBP":
        raise ValidationError("value", "must be in pounds sterling (GBP)")
    if money.is_negative() or not money.is_whole_minor_units():
        raise ValidationError("value", "must be a non-negative whole number of pence")
    return money


@attrs.frozen
class VoucherAssessment(Explained):
    """HMRC's treatment of one voucher or gift, explained."""

    treatment: VoucherTreatment
    #: The amount HMRC measures (``None`` when the treatment is unsettled).
    taxable_value: Money | None
    #: Whether it counts towards the £1,000 trading allowance (miscellaneous income).
    counts_towards_trading_allowance: bool


@computes_exactly
def assess_voucher(
    value: Money,
    *,
    recipient: Recipient,
    as_at: dt.date,
    kind: VoucherKind = VoucherKind.NON_CASH,
    for_contribution: bool = True,
    cost_to_provider: Money | None = None,
    parameters: ParameterSet | None = None,
    subject: str | None = None,
) -> VoucherAssessment:
    """HMRC's treatment of a voucher (or gift) given on ``as_at``.

    ``value`` is the voucher's face value; ``cost_to_provider`` what the payer paid for a
    non-cash voucher if different (the measure for an employee, EIM16140).
    ``for_contribution`` is false for a gift given for no contribution at all.
    """
    amount = _value(value)
    day = to_date(as_at, "as_at")
    if not isinstance(recipient, Recipient):
        raise ValidationError("recipient", "must be a Recipient")
    if not isinstance(kind, VoucherKind):
        raise ValidationError("kind", "must be a VoucherKind")
    params = parameters if parameters is not None else bundled_parameters()
    shown = pence(amount.amount)
    if not for_contribution:
        return VoucherAssessment(
            treatment=VoucherTreatment.UNSETTLED,
            taxable_value=None,
            counts_towards_trading_allowance=False,
            findings=(
                Finding(
                    "TAX-VOUCHER-GIFT",
                    Severity.REFER,
                    "tax.voucher.gift_unsettled",
                    {"value": shown},
                    citations=(_cite("ittoia_2005#s687_1"),),
                    subject=subject,
                ),
            ),
        )
    if recipient is Recipient.EMPLOYEE:
        cash = kind is VoucherKind.CASH
        measured = amount if cash or cost_to_provider is None else _value(cost_to_provider)
        limit = params.use("income_tax.trivial_benefit_limit", day)
        findings: tuple[Finding, ...] = (
            Finding(
                "TAX-VOUCHER-EMPLOYEE-BENEFIT",
                Severity.WARNING,
                "tax.voucher.employee_benefit_cash"
                if cash
                else "tax.voucher.employee_benefit_non_cash",
                {"value": pence(measured.amount)},
                citations=(
                    _cite("hmrc_eim#eim16120"),
                    _cite("hmrc_tctm#tctm04110") if cash else _cite("hmrc_eim#eim16140"),
                    _cite("itepa_2003#s80"),
                ),
                subject=subject,
            ),
            Finding(
                "TAX-VOUCHER-NOT-TRIVIAL",
                Severity.INFO,
                "tax.voucher.not_trivial",
                {"limit": Money.gbp(str(limit.value))},
                citations=(_cite("trivial_benefits_gov_uk_quoted#conditions"),),
                parameters=(limit,),
                subject=subject,
            ),
            Finding(
                "TAX-VOUCHER-EMPLOYEE-REPORTING",
                Severity.REFER,
                "tax.voucher.employee_reporting",
                citations=(_cite("hmrc_eim#eim16120"),),
                subject=subject,
            ),
            Finding(
                "TAX-VOUCHER-UC",
                Severity.INFO,
                "tax.voucher.uc_differs",
                citations=(_cite("uc_regs_2013#reg55"),),
                subject=subject,
            ),
        )
        return VoucherAssessment(
            treatment=VoucherTreatment.EMPLOYMENT_BENEFIT,
            taxable_value=pence(measured.amount),
            counts_towards_trading_allowance=False,
            findings=findings,
        )
    findings = (
        Finding(
            "TAX-VOUCHER-MISCELLANEOUS-INCOME",
            Severity.INFO,
            "tax.voucher.miscellaneous_income",
            {"value": shown},
            citations=(
                _cite("hmrc_esm#esm4530"),
                _cite("ittoia_2005#s687_1"),
                _cite("ittoia_2005#s688_2_za"),
                _cite("ittoia_2005#s783ab"),
                _cite("litrg_volunteers#involvement"),
            ),
            subject=subject,
        ),
        Finding(
            "TAX-VOUCHER-DECLARE",
            Severity.INFO,
            "tax.voucher.declare",
            citations=(_cite("nihr_public_guide_status_tax_2024#income"),),
            subject=subject,
        ),
        Finding(
            "TAX-VOUCHER-PUBLIC-REPORTING",
            Severity.INFO,
            "tax.voucher.public_reporting",
            citations=(_cite("nihr_org_guide_status_tax_2023#responsible"),),
            subject=subject,
        ),
    )
    return VoucherAssessment(
        treatment=VoucherTreatment.MISCELLANEOUS_INCOME,
        taxable_value=shown,
        counts_towards_trading_allowance=True,
        findings=findings,
    )
