"""Advice when a recorded disability benefit may bring a higher earnings disregard than used.

A disability benefit a member records (a :class:`~participatory.benefits.Person`'s ``unaffected``)
brings the higher £20 earnings disregard where the law read for the library says so, and
:class:`~participatory.benefits.Household` then gives it by default: Pension Credit and
pension-age Housing Benefit with Attendance Allowance, DLA or PIP (SPC Regs 2002 Sch. VI
para. 4(1)(a); HB (SPC) Regs 2006 Sch. 4 para. 5(1)(a)), and Income Support for a single
claimant whose benefit meets the disability premium's condition (IS Regs 1987 Sch. 2
para. 12(1)(a)(i) with Sch. 8 para. 4). Where the rule was not read (an Income Support
couple, income-based JSA, working-age Housing Benefit, Scotland's disability payments in
pension age) the lower disregard stands, and :func:`disability_disregard_advice` says so
when it cost the household something, so the caller can state the higher one if it applies,
as ``BEN-ONE-CARER-DISREGARD`` does for a couple with one carer.

The engine gives the advice with a check's findings; its words are this module's
:data:`MESSAGES`.

>>> from participatory.benefits.household import Household, Person
>>> from participatory.benefits.claims import HousingBenefitClaim
>>> home = Household(people=[Person(unaffected={"personal_independence_payment"})],
...                  housing_benefit=HousingBenefitClaim(weekly_award="60.00"))
>>> [law.source.key for law in unconfirmed_law(home)]
['hb_regs_2006', 'hb_regs_2006']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from participatory.benefits.household import Household
from participatory.benefits.kinds import (
    Benefit,
    EarningsDisregard,
    HousingBenefitDisregard,
    LegacyBenefit,
)
from participatory.benefits.law import cite_law
from participatory.benefits.mechanism import finding
from participatory.core.explain import Finding, Severity
from participatory.core.sources import Citation

__all__ = ["MESSAGES", "RULE_ID", "disability_disregard_advice", "unconfirmed_law"]

#: The advice's rule id.
RULE_ID: Final = "BEN-DISABILITY-DISREGARD"

#: The advice's English words (the Welsh catalogue translates them).
MESSAGES: Final = {
    "benefits.disability_disregard": (
        "Someone in the household gets a disability benefit (such as PIP, DLA, Attendance "
        "Allowance or a Scottish disability payment). For at least one benefit reduced here, "
        "this check used the lower earnings disregard (£5, or £10 for a couple), because it "
        "could not confirm that the disability premium, or a £20 disregard, applies. If the "
        "award includes the disability premium or the benefit disregards £20 of earnings, "
        "state the higher disregard on the claim and check again: the loss may be less."
    ),
}

_HIGHER: Final = frozenset({EarningsDisregard.HIGHER, HousingBenefitDisregard.HIGHER})
_LONE_PARENT: Final = HousingBenefitDisregard.LONE_PARENT


def _kept_lower(stated: object, assessed: object) -> bool:
    """Whether an unstated disregard was left below the higher £20 (a lone parent's is not)."""
    return stated is None and assessed not in _HIGHER and assessed is not _LONE_PARENT


def _unconfirmed(household: Household) -> list[tuple[Benefit, tuple[str, ...]]]:
    """Each benefit whose lower default stands beside a recorded disability benefit.

    With the law the check would have needed to give the higher disregard by default.
    """
    if not any(person.receives_disability_benefit for person in household.people):
        return []
    legacy, hb, pc = household.claims_as_assessed
    found: list[tuple[Benefit, tuple[str, ...]]] = []
    stated_legacy = household.legacy
    if legacy is not None and stated_legacy is not None:
        if legacy.benefit is LegacyBenefit.INCOME_SUPPORT:
            topics: tuple[str, ...] = ("legacy.disability_premium", "legacy.disability_disregard")
        elif legacy.benefit is LegacyBenefit.INCOME_BASED_JSA:
            topics = ("legacy.disability_disregard_jsa",)
        else:
            topics = ()
        if topics and _kept_lower(stated_legacy.disregard, legacy.disregard):
            found.append((legacy.benefit.benefit, topics))
    stated_hb = household.housing_benefit
    if hb is not None and stated_hb is not None and _kept_lower(stated_hb.disregard, hb.disregard):
        if hb.pension_age:
            topics = ("housing_benefit.disability_disregard_pension_age",)
        else:
            topics = ("housing_benefit.disability_premium", "housing_benefit.disability_disregard")
        found.append((Benefit.HOUSING_BENEFIT, topics))
    stated_pc = household.pension_credit
    if pc is not None and stated_pc is not None and _kept_lower(stated_pc.disregard, pc.disregard):
        found.append((Benefit.PENSION_CREDIT, ("pension_credit.disability_disregard",)))
    return found


def unconfirmed_law(household: Household) -> tuple[Citation, ...]:
    """The law behind the advice for ``household``: empty when every default was confirmed.

    Only Great Britain's rules are modelled for these benefits; elsewhere nothing is cited.
    """
    if not household.nation.great_britain:
        return ()
    cited: list[Citation] = []
    for _, topics in _unconfirmed(household):
        for topic in topics:
            citation = cite_law(topic, household.nation)
            if citation not in cited:
                cited.append(citation)
    return tuple(cited)


def disability_disregard_advice(household: Household, outcomes: Iterable[Any]) -> Finding | None:
    """Advice to state the disregard when a lower default cost a disability benefit's holder.

    ``outcomes`` are the check's period outcomes (each with ``benefit`` and
    ``change_pennies``). ``None`` unless a member records a disability benefit, a claim with
    no stated disregard kept the lower one where the library could not confirm the higher,
    and that benefit went down. Names no person, benefit or amount.
    """
    if not household.nation.great_britain:
        return None
    unconfirmed = _unconfirmed(household)
    if not unconfirmed:
        return None
    reduced = {o.benefit for o in outcomes if o.change_pennies < 0}
    topics = [topic for benefit, found in unconfirmed if benefit in reduced for topic in found]
    if not topics:
        return None
    citations = tuple(dict.fromkeys(cite_law(topic, household.nation) for topic in topics))
    return finding(RULE_ID, Severity.ADVICE, "benefits.disability_disregard", citations=citations)
