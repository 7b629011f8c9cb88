"""Benefits that earnings do not change: PIP, DLA, Attendance Allowance, State Pension.

PIP, DLA and Attendance Allowance are not means-tested: a payment does not change them.
Starting work can still prompt DWP to ask whether care or mobility needs have changed,
so the engine flags a possible review (advice, not a loss). State Pension has no
earnings rule.

>>> from participatory.benefits.kinds import UnaffectedBenefit
>>> [f.rule_id for f in unaffected_findings(frozenset({UnaffectedBenefit.PIP}))]
['BEN-UNAFFECTED', 'BEN-UNAFFECTED-REVIEW']
"""

from __future__ import annotations

import functools
from typing import Final

from participatory.benefits.kinds import UnaffectedBenefit
from participatory.benefits.law import cite_law
from participatory.benefits.mechanism import finding
from participatory.core.explain import Finding, Severity
from participatory.core.nations import Nation

__all__ = ["MESSAGES", "unaffected_findings"]

MESSAGES: Final = {
    "benefits.unaffected": (
        "{benefits}: not affected by earnings, so the payment does not change them."
    ),
    "benefits.unaffected.review": (
        "PIP, DLA and Attendance Allowance do not depend on earnings, but taking on "
        "work can lead DWP to ask whether needs have changed. The payment itself is not "
        "a reason to reduce them; a welfare-rights adviser can help if DWP asks."
    ),
}

_NAMES: Final = {
    UnaffectedBenefit.PIP: "Personal Independence Payment",
    UnaffectedBenefit.DLA: "Disability Living Allowance",
    UnaffectedBenefit.ATTENDANCE_ALLOWANCE: "Attendance Allowance",
    UnaffectedBenefit.STATE_PENSION: "State Pension",
    UnaffectedBenefit.ADULT_DISABILITY_PAYMENT: "Adult Disability Payment",
    UnaffectedBenefit.CHILD_DISABILITY_PAYMENT: "Child Disability Payment",
    UnaffectedBenefit.PENSION_AGE_DISABILITY_PAYMENT: "Pension Age Disability Payment",
}


@functools.lru_cache(maxsize=256)
def unaffected_findings(benefits: frozenset[UnaffectedBenefit]) -> tuple[Finding, ...]:
    """An INFO finding naming the unaffected benefits, and a review flag for PIP/DLA/AA."""
    if not benefits:
        return ()
    ordered = [b for b in UnaffectedBenefit if b in benefits]
    found = [
        finding(
            "BEN-UNAFFECTED",
            Severity.INFO,
            "benefits.unaffected",
            {"benefits": ", ".join(_NAMES[b] for b in ordered)},
            citations=(cite_law("unaffected", Nation.ENGLAND),),
        )
    ]
    if any(b.is_disability_benefit for b in ordered):
        found.append(
            finding(
                "BEN-UNAFFECTED-REVIEW",
                Severity.ADVICE,
                "benefits.unaffected.review",
                citations=(cite_law("unaffected", Nation.ENGLAND),),
            )
        )
    return tuple(found)
