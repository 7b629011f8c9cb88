"""The budget review: the distribution figures and what they say about power.

Findings (rule ids are stable):

- ``BUD-DISTRIBUTION`` (info): the figures of :func:`~.distribution.distribute`.
- ``BUD-NOTHING-DEVOLVED``: no money is held by community partners. The KCL centre's
  partners asked "why does the money sit with you? … why not just give it to us?", and the
  centre then gave its festival money to partners to use as they wanted (Jopson 2022, sec. 5.5).
- ``BUD-NO-RELATIONSHIP-BUILDING``: no line pays for relationship building before the
  application; "relationship building needs to come before ideas" (secs. 2.2, 2.3, 5.5).
- ``BUD-FEES-WITHOUT-EXPENSES``: fees are budgeted but no expenses or travel; Heart n Soul
  found "a surprisingly large part of the budget was on taxis" (sec. 5.3).
- ``BUD-PARTNER-TIME-UNFUNDED``: a partner organisation has no line for its own staff time;
  partners should be "collaborators and not service providers" (sec. 5.3), and a community
  organisation may scrape by "on a shoestring budget" (sec. 5.5).
- ``BUD-EMPTY``: the budget holds no money at all.

>>> from participatory.core.money import Money
>>> from participatory.budget.lines import Budget, BudgetLine, Holder, LineKind
>>> budget = Budget((BudgetLine("fees", LineKind.CONTRIBUTOR_FEES, Money.gbp(900),
...                             holder=Holder.university()),), partner_organisations=["McPin"])
>>> [f.rule_id for f in assess_budget(budget).findings]  # doctest: +NORMALIZE_WHITESPACE
['BUD-DISTRIBUTION', 'BUD-NOTHING-DEVOLVED', 'BUD-NO-RELATIONSHIP-BUILDING',
 'BUD-FEES-WITHOUT-EXPENSES', 'BUD-PARTNER-TIME-UNFUNDED']
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_FLOOR, Decimal
from typing import Final

import attrs

from participatory.budget.distribution import Distribution, distribute
from participatory.budget.lines import Budget, LineKind, Timing
from participatory.core.explain import Explained, Finding, Severity
from participatory.core.money import Money
from participatory.power.sources import jopson_2022

__all__ = ["BudgetReview", "assess_budget", "percent"]

#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = {
    "budget.distribution": (
        "Of {total}, community partners hold {community_share} and the university "
        "{university_share}; {members_share} reaches community members as fees and "
        "expenses; {before_share} is spent before any application. Concentration (HHI) "
        "{hhi}: the money is as concentrated as if {effective_holders} holder(s) held it "
        "equally."
    ),
    "budget.nothing_devolved": (
        "None of the {total} is held by community partners: all of it sits with the "
        "university or others."
    ),
    "budget.no_relationship_building": (
        "No line pays for relationship building before the funding application."
    ),
    "budget.fees_without_expenses": (
        "Fees of {fees} are budgeted but there is no line for expenses or travel (taxis included)."
    ),
    "budget.partner_time_unfunded": (
        "The partner organisation {partner} has no line for its own staff time."
    ),
    "budget.empty": "The budget holds no money.",
}


@attrs.frozen
class BudgetReview(Explained):
    """The result of :func:`assess_budget`."""

    distribution: Distribution


def percent(share: Decimal) -> str:
    """A share as a percentage to one place, rounded down: ``0.4`` → ``'40.0%'``."""
    # Shares render as percentages to one decimal place in messages, rounded down like the
    # shares themselves; the exact share stays in the finding's values for systems.
    return f"{(share * 100).quantize(Decimal('0.1'), rounding=ROUND_FLOOR)}%"


def assess_budget(budget: Budget) -> BudgetReview:
    """The distribution figures of ``budget`` and the findings above."""
    figures = distribute(budget)
    lines = budget.lines
    findings = [
        Finding(
            "BUD-DISTRIBUTION",
            Severity.INFO,
            "budget.distribution",
            {
                "total": figures.total,
                "community_share": percent(figures.community_held_share),
                "university_share": percent(figures.university_share),
                "members_share": percent(figures.reaching_members_share),
                "before_share": percent(figures.before_application_share),
                "hhi": figures.hhi,
                "effective_holders": figures.effective_holders.quantize(1),
                "community_held_share": figures.community_held_share,
                "reaching_members_share": figures.reaching_members_share,
                "before_application_share": figures.before_application_share,
            },
        )
    ]
    if figures.total.is_zero():
        findings.append(Finding("BUD-EMPTY", Severity.WARNING, "budget.empty"))
        return BudgetReview(distribution=figures, findings=findings)

    def with_money(kind: LineKind) -> bool:
        return any(ln.kind is kind and not ln.amount.is_zero() for ln in lines)

    if figures.community_held_share == 0:
        findings.append(
            Finding(
                "BUD-NOTHING-DEVOLVED",
                Severity.WARNING,
                "budget.nothing_devolved",
                {"total": figures.total},
                citations=(jopson_2022("5.5"), jopson_2022("2.5")),
            )
        )
    if not any(
        ln.kind is LineKind.RELATIONSHIP_BUILDING
        and ln.timing is Timing.BEFORE_APPLICATION
        and not ln.amount.is_zero()
        for ln in lines
    ):
        findings.append(
            Finding(
                "BUD-NO-RELATIONSHIP-BUILDING",
                Severity.ADVICE,
                "budget.no_relationship_building",
                citations=(jopson_2022("2.3"), jopson_2022("5.5"), jopson_2022("5.6")),
            )
        )
    if with_money(LineKind.CONTRIBUTOR_FEES) and not with_money(LineKind.EXPENSES_AND_TRAVEL):
        fees = Money.total(
            (ln.amount for ln in lines if ln.kind is LineKind.CONTRIBUTOR_FEES), budget.currency
        )
        findings.append(
            Finding(
                "BUD-FEES-WITHOUT-EXPENSES",
                Severity.WARNING,
                "budget.fees_without_expenses",
                {"fees": fees},
                citations=(jopson_2022("5.3"),),
            )
        )
    for partner in budget.partners():
        if not any(
            ln.kind is LineKind.PARTNER_STAFF_TIME
            and not ln.amount.is_zero()
            and ln.recipient == partner
            for ln in lines
        ):
            findings.append(
                Finding(
                    "BUD-PARTNER-TIME-UNFUNDED",
                    Severity.WARNING,
                    "budget.partner_time_unfunded",
                    {"partner": partner},
                    citations=(jopson_2022("5.3"), jopson_2022("5.5")),
                    subject=partner,
                )
            )
    return BudgetReview(distribution=figures, findings=findings)
