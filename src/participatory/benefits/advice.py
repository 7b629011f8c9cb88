"""What every benefits answer says besides the figures: the caveat, advice, reporting duties.

Every result carries the standing caveat (an estimate, not advice), points to independent
welfare-rights advice, and names the reporting duty for each benefit the contributor
receives: the Universal Credit journal, form PW1 before permitted work on ESA, the
Carer's Allowance Unit, the Jobcentre, the council, the Pension Service.

>>> [f.rule_id for f in standing_findings(frozenset())]
['BEN-CAVEAT', 'BEN-SIGNPOST-ADVICE']
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Final

from participatory.benefits import sources
from participatory.benefits.circumstances import Benefit
from participatory.benefits.mechanism import finding
from participatory.core.explain import Finding, Severity

__all__ = ["CAVEAT", "SIGNPOST", "reporting_findings", "standing_findings"]

#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = {
    "benefits.caveat": (
        "This is an estimate from published rules, not advice. DWP, HMRC and the council "
        "decide; their decision can differ, for example if they average earnings or "
        "treat a payment differently."
    ),
    "benefits.signpost": (
        "Before agreeing to a payment, the contributor can get free, independent "
        "welfare-rights advice (Citizens Advice, a local welfare-rights service, or an "
        "advice service the research funder offers). They may also ask for expenses only, "
        "a lower fee, or no fee."
    ),
    "benefits.report.uc": (
        "Universal Credit: report the payment in the journal in the assessment period it "
        "is received. Payroll pay reaches DWP through HMRC; other fees must be reported."
    ),
    "benefits.report.esa": (
        "ESA: tell DWP before the work starts, on form PW1 (permitted work), and report "
        "earnings as asked."
    ),
    "benefits.report.ca": (
        "Carer's Allowance: tell the Carer's Allowance Unit about earnings in any week."
    ),
    "benefits.report.legacy": "Tell the Jobcentre about work and earnings.",
    "benefits.report.hb": "Housing Benefit: tell the council about earnings.",
    "benefits.report.pc": "Pension Credit: tell the Pension Service about earnings.",
}

#: The standing caveat every result carries.
CAVEAT: Final = finding(
    "BEN-CAVEAT",
    Severity.ADVICE,
    "benefits.caveat",
    sensitive=False,
    citations=(sources.NIHR_BENEFITS,),
)
#: Pointer to independent welfare-rights advice.
SIGNPOST: Final = finding(
    "BEN-SIGNPOST-ADVICE",
    Severity.ADVICE,
    "benefits.signpost",
    sensitive=False,
    citations=(sources.NIHR_BENEFITS,),
)

_REPORTING: Final = {
    Benefit.UNIVERSAL_CREDIT: finding(
        "BEN-REPORT-UC-JOURNAL",
        Severity.ADVICE,
        "benefits.report.uc",
        citations=(sources.UC_EARNINGS_IN_PERIOD,),
    ),
    Benefit.NEW_STYLE_ESA: finding(
        "BEN-REPORT-ESA-PW1",
        Severity.ADVICE,
        "benefits.report.esa",
        citations=(sources.ESA_PERMITTED_WORK,),
    ),
    Benefit.INCOME_RELATED_ESA: finding(
        "BEN-REPORT-ESA-PW1",
        Severity.ADVICE,
        "benefits.report.esa",
        citations=(sources.ESA_PERMITTED_WORK,),
    ),
    Benefit.CARERS_ALLOWANCE: finding(
        "BEN-REPORT-CARERS-ALLOWANCE",
        Severity.ADVICE,
        "benefits.report.ca",
        citations=(sources.CA_EARNINGS,),
    ),
    Benefit.INCOME_SUPPORT: finding(
        "BEN-REPORT-JOBCENTRE", Severity.ADVICE, "benefits.report.legacy"
    ),
    Benefit.INCOME_BASED_JSA: finding(
        "BEN-REPORT-JOBCENTRE", Severity.ADVICE, "benefits.report.legacy"
    ),
    Benefit.NEW_STYLE_JSA: finding(
        "BEN-REPORT-JOBCENTRE", Severity.ADVICE, "benefits.report.legacy"
    ),
    Benefit.HOUSING_BENEFIT: finding("BEN-REPORT-COUNCIL", Severity.ADVICE, "benefits.report.hb"),
    Benefit.PENSION_CREDIT: finding(
        "BEN-REPORT-PENSION-SERVICE", Severity.ADVICE, "benefits.report.pc"
    ),
}


@functools.lru_cache(maxsize=256)
def reporting_findings(benefits: frozenset[Benefit]) -> tuple[Finding, ...]:
    """The reporting duty for each benefit received (one per duty, in a stable order)."""
    seen: dict[str, Finding] = {}
    for benefit in Benefit:
        if benefit in benefits:
            duty = _REPORTING[benefit]
            seen.setdefault(duty.rule_id, duty)
    return tuple(seen.values())


@functools.lru_cache(maxsize=256)
def standing_findings(benefits: frozenset[Benefit]) -> tuple[Finding, ...]:
    """The caveat, the pointer to advice, and the reporting duties."""
    return (CAVEAT, SIGNPOST, *reporting_findings(benefits))
