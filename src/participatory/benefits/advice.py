"""What every benefits answer says besides the figures: the caveat, advice, reporting duties.

Every result carries the standing caveat (an estimate, not advice), points to independent
welfare-rights advice, and names the reporting duty for each benefit the household receives,
to the body of its nation: the Universal Credit journal, form PW1 before permitted work on ESA,
the Carer's Allowance Unit (Social Security Scotland for Carer Support Payment; the Disability
and Carers Service in Northern Ireland), the Jobcentre, the council, the Pension Service.

>>> from participatory.core.nations import Nation
>>> [f.rule_id for f in standing_findings(frozenset(), Nation.ENGLAND)]
['BEN-CAVEAT', 'BEN-SIGNPOST-ADVICE']
"""

from __future__ import annotations

import functools
from typing import Final

from participatory.benefits.kinds import Benefit
from participatory.benefits.law import cite_law
from participatory.benefits.mechanism import finding
from participatory.core.explain import Finding, Severity
from participatory.core.nations import Nation

__all__ = ["MESSAGES", "reporting_findings", "standing_findings"]

MESSAGES: Final = {
    "benefits.caveat": (
        "This is an estimate from published rules, not advice. DWP, HMRC, Social Security "
        "Scotland, the Department for Communities and the council decide; their decision can "
        "differ, for example if they average earnings or treat a payment differently."
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
    "benefits.report.csp": (
        "Carer Support Payment: tell Social Security Scotland about earnings in any week."
    ),
    "benefits.report.ca_ni": (
        "Carer's Allowance: tell the Disability and Carers Service about earnings in any week."
    ),
    "benefits.report.legacy": "Tell the Jobcentre about work and earnings.",
    "benefits.report.hb": "Housing Benefit: tell the council about earnings.",
    "benefits.report.pc": "Pension Credit: tell the Pension Service about earnings.",
}


def _caveat() -> Finding:
    return finding(
        "BEN-CAVEAT",
        Severity.ADVICE,
        "benefits.caveat",
        sensitive=False,
        citations=(cite_law("advice.involvement_payments", Nation.ENGLAND),),
    )


def _signpost() -> Finding:
    return finding(
        "BEN-SIGNPOST-ADVICE",
        Severity.ADVICE,
        "benefits.signpost",
        sensitive=False,
        citations=(cite_law("advice.involvement_payments", Nation.ENGLAND),),
    )


def _duty(benefit: Benefit, nation: Nation) -> Finding:
    if benefit is Benefit.UNIVERSAL_CREDIT:
        return finding(
            "BEN-REPORT-UC-JOURNAL",
            Severity.ADVICE,
            "benefits.report.uc",
            citations=(cite_law("universal_credit.earnings_in_period", nation),),
        )
    if benefit in (Benefit.NEW_STYLE_ESA, Benefit.INCOME_RELATED_ESA):
        return finding(
            "BEN-REPORT-ESA-PW1",
            Severity.ADVICE,
            "benefits.report.esa",
            citations=(cite_law("esa.permitted_work", nation),),
        )
    if benefit is Benefit.CARERS_ALLOWANCE:
        key = {
            Nation.SCOTLAND: "benefits.report.csp",
            Nation.NORTHERN_IRELAND: "benefits.report.ca_ni",
        }.get(nation, "benefits.report.ca")
        return finding(
            "BEN-REPORT-CARERS-ALLOWANCE",
            Severity.ADVICE,
            key,
            citations=(cite_law("carers_allowance.earnings_limit", nation),),
        )
    if benefit is Benefit.HOUSING_BENEFIT:
        return finding("BEN-REPORT-COUNCIL", Severity.ADVICE, "benefits.report.hb")
    if benefit is Benefit.PENSION_CREDIT:
        return finding("BEN-REPORT-PENSION-SERVICE", Severity.ADVICE, "benefits.report.pc")
    return finding("BEN-REPORT-JOBCENTRE", Severity.ADVICE, "benefits.report.legacy")


@functools.lru_cache(maxsize=256)
def reporting_findings(benefits: frozenset[Benefit], nation: Nation) -> tuple[Finding, ...]:
    """The reporting duty for each benefit received (one per duty, in a stable order)."""
    seen: dict[str, Finding] = {}
    for benefit in Benefit:
        if benefit in benefits:
            duty = _duty(benefit, nation)
            seen.setdefault(duty.rule_id, duty)
    return tuple(seen.values())


@functools.lru_cache(maxsize=256)
def standing_findings(benefits: frozenset[Benefit], nation: Nation) -> tuple[Finding, ...]:
    """The caveat, the pointer to advice, and the reporting duties."""
    return (_caveat(), _signpost(), *reporting_findings(benefits, nation))
