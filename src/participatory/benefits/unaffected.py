"""Benefits that earnings do not change: PIP, DLA, Attendance Allowance, State Pension.

PIP, DLA and Attendance Allowance are not means-tested: a payment does not change them.
Starting work can still prompt DWP to ask whether care or mobility needs have changed,
so the engine flags a possible review (advice, not a loss). State Pension has no
earnings rule.

>>> from participatory.benefits.circumstances import UnaffectedBenefit
>>> [f.rule_id for f in unaffected_findings(frozenset({UnaffectedBenefit.PIP}))]
['BEN-UNAFFECTED', 'BEN-UNAFFECTED-REVIEW']
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Final

from participatory.benefits import sources
from participatory.benefits.circumstances import UnaffectedBenefit
from participatory.benefits.mechanism import finding
from participatory.core.explain import Finding, Severity

__all__ = ["unaffected_findings"]

#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = {
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
            citations=(sources.UNAFFECTED,),
        )
    ]
    if any(b.is_disability_benefit for b in ordered):
        found.append(
            finding(
                "BEN-UNAFFECTED-REVIEW",
                Severity.ADVICE,
                "benefits.unaffected.review",
                citations=(sources.UNAFFECTED,),
            )
        )
    return tuple(found)
