"""How each kind of payment is treated, and the risks where the treatment is uncertain.

Each uncertain case is counted the cautious way (as earnings) and reported as a risk with
the reasoning on both sides, never hidden:

* **vouchers** — the advice sector says vouchers are treated as earnings like cash; but
  UC Regs reg. 55(2) leaves amounts taxed under the ITEPA "benefits code" (which covers
  non-cash vouchers) out of an *employee's* earnings;
* **pots spent on goods** — goods bought for someone in return for taking part look like
  payment in kind; whether DWP counts them is not settled;
* **flat-rate expenses** — only expenses that arise from taking part are disregarded; a
  flat sum not matched to costs may be earnings;
* **involvement fees** — DWP and the advice sector treat them as earnings (work allowance
  and taper); read strictly, an occasional fee might instead be taxable miscellaneous
  income, which UC would count as unearned income pound for pound;
* **self-employed invoices** — counted as self-employed earnings; the minimum income floor
  applies only to *gainful* self-employment, which an occasional fee should not be;
* **gifts** — not income; kept, they are capital.

>>> from participatory.benefits.receipts import ReceiptKind
>>> [f.rule_id for f in kind_findings({ReceiptKind.VOUCHER}, universal_credit=True)]
['BEN-EARNED-OR-MISC', 'BEN-VOUCHER-RISK']
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Final

from participatory.benefits.law import cite_law
from participatory.benefits.mechanism import finding
from participatory.benefits.receipts import ReceiptKind
from participatory.core.explain import Finding, Severity
from participatory.core.nations import Nation

__all__ = ["MESSAGES", "kind_findings"]

MESSAGES: Final = {
    "benefits.kind.expenses_disregarded": (
        "Expenses repaid against receipts for the costs of taking part are ignored by "
        "the benefit rules (expenses arising from participation as a service user)."
    ),
    "benefits.kind.flat_rate_expenses": (
        "A flat-rate expenses payment not matched to actual costs may be treated as "
        "earnings, and is counted as earnings here. Paying expenses against receipts "
        "avoids the risk."
    ),
    "benefits.kind.voucher": (
        "Vouchers are counted as earnings here, the cautious reading: advice services say "
        "DWP treats vouchers like cash, while the UC rules leave an employee's non-cash "
        "vouchers out of earnings. It is not settled for a member of the public; get "
        "advice before relying on either view."
    ),
    "benefits.kind.pot": (
        "A pot of money spent on goods for the contributor is counted as earnings here, "
        "the cautious reading: goods given in return for taking part may be payment in "
        "kind. Whether DWP counts them is not settled; get advice first."
    ),
    "benefits.kind.gift": (
        "A gift given for no work is not income, but if it is kept it counts as capital "
        "(savings), which can affect means-tested benefits above the capital limits."
    ),
    "benefits.kind.declined": (
        "A declined fee is not counted: a service user who gives up or reduces a fee is "
        "not treated as having earned it (no notional earnings)."
    ),
    "benefits.kind.earned_or_misc": (
        "Involvement fees are counted as earnings (work allowance, then the taper), as "
        "DWP and advice services do. Read strictly, an occasional fee could instead be "
        "taxable miscellaneous income, which Universal Credit would take off pound for "
        "pound with no work allowance."
    ),
    "benefits.kind.self_employed": (
        "A self-employed invoice is counted as self-employed earnings (profit after "
        "allowable expenses). The minimum income floor applies only to gainful "
        "self-employment; an occasional fee should not make someone gainfully "
        "self-employed, but if DWP decided otherwise Universal Credit could fall much more."
    ),
    "benefits.action.pay_against_receipts": "Pay expenses against receipts instead.",
}


def _findings_by_kind(nation: Nation) -> dict[ReceiptKind, Finding]:
    return {
        ReceiptKind.RECEIPTED_EXPENSES: finding(
            "BEN-EXPENSES-DISREGARDED",
            Severity.MET,
            "benefits.kind.expenses_disregarded",
            citations=(cite_law("service_user.expenses", nation),),
            sensitive=False,
        ),
        ReceiptKind.FLAT_RATE_EXPENSES: finding(
            "BEN-FLAT-RATE-EXPENSES",
            Severity.WARNING,
            "benefits.kind.flat_rate_expenses",
            citations=(cite_law("service_user.expenses", nation),),
            actions=("benefits.action.pay_against_receipts",),
            sensitive=False,
        ),
        ReceiptKind.VOUCHER: finding(
            "BEN-VOUCHER-RISK",
            Severity.WARNING,
            "benefits.kind.voucher",
            citations=(
                cite_law("service_user.fees", nation),
                cite_law("universal_credit.vouchers", nation),
            ),
            sensitive=False,
        ),
        ReceiptKind.POT_FOR_GOODS: finding(
            "BEN-POT-RISK",
            Severity.WARNING,
            "benefits.kind.pot",
            citations=(cite_law("service_user.fees", nation),),
            sensitive=False,
        ),
        ReceiptKind.GIFT: finding(
            "BEN-GIFT-CAPITAL",
            Severity.WARNING,
            "benefits.kind.gift",
            citations=(cite_law("universal_credit.capital", nation),),
            sensitive=False,
        ),
        ReceiptKind.DECLINED_FEE: finding(
            "BEN-DECLINED-FEE",
            Severity.MET,
            "benefits.kind.declined",
            citations=(cite_law("service_user.notional", nation),),
            sensitive=False,
        ),
    }


def _earned_or_misc(nation: Nation) -> Finding:
    return finding(
        "BEN-EARNED-OR-MISC",
        Severity.WARNING,
        "benefits.kind.earned_or_misc",
        citations=(
            cite_law("service_user.fees", nation),
            cite_law("universal_credit.unearned", nation),
        ),
    )


def _self_employed(nation: Nation) -> Finding:
    return finding(
        "BEN-UC-MIF",
        Severity.WARNING,
        "benefits.kind.self_employed",
        citations=(cite_law("universal_credit.self_employed", nation),),
    )


_FEE_LIKE: Final = frozenset(
    {ReceiptKind.INVOLVEMENT_FEE, ReceiptKind.VOUCHER, ReceiptKind.POT_FOR_GOODS}
)


def kind_findings(
    kinds: Iterable[ReceiptKind], *, universal_credit: bool, nation: Nation = Nation.ENGLAND
) -> tuple[Finding, ...]:
    """One finding per kind of payment that needs explaining, in a stable order."""
    return _kind_findings(frozenset(kinds), universal_credit, nation)


@functools.lru_cache(maxsize=1024)
def _kind_findings(
    present: frozenset[ReceiptKind], universal_credit: bool, nation: Nation
) -> tuple[Finding, ...]:
    found: list[Finding] = []
    if universal_credit and present & _FEE_LIKE:
        found.append(_earned_or_misc(nation))
    if universal_credit and ReceiptKind.SELF_EMPLOYED_INVOICE in present:
        found.append(_self_employed(nation))
    by_kind = _findings_by_kind(nation)
    for kind in ReceiptKind:
        if kind in present and kind in by_kind:
            found.append(by_kind[kind])
    return tuple(found)
