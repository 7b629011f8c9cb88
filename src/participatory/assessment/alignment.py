"""Does the money follow the power? Joining the power review and the budget review.

- ``POWMON-DECISIONS-SHARED-MONEY-HELD``: partners hold the budget decision at least jointly
  (a veto counts) but no money is held by them:
  decisions are shared, the money still sits with the university ("why does the money sit
  with you?", Jopson 2022, sec. 5.5).
- ``POWMON-MONEY-HELD-DECISIONS-KEPT``: community partners hold money, but the budget
  decision stays with the university (alone, after informing or after consulting): the
  money is devolved in name while the university still decides how it is spent.
- ``POWMON-ALIGNED`` (met): money and the budget decision are shared together.

>>> from participatory.core.money import Money
>>> from participatory.budget.lines import Budget, BudgetLine, Holder, LineKind
>>> from participatory.budget.review import assess_budget
>>> from participatory.power import DecisionRecord, Holding, assess_power
>>> power = assess_power(DecisionRecord.of(budget_and_spending=Holding.JOINTLY))
>>> money = assess_budget(Budget((BudgetLine("fees", LineKind.CONTRIBUTOR_FEES,
...                                          Money.gbp(500), holder=Holder.university()),)))
>>> [f.rule_id for f in assess_alignment(power, money).findings]
['POWMON-DECISIONS-SHARED-MONEY-HELD']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from participatory.budget.review import BudgetReview
from participatory.core.explain import Explained, Finding, Severity
from participatory.core.sources import cite
from participatory.power.decisions import Decision
from participatory.power.review import PowerReview

__all__ = ["assess_alignment"]

#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = {
    "budget.align.shared_but_held": (
        "Partners share the budget decision ({holding}), yet none of the {total} is held by "
        "community partners: the decisions are shared but the money sits with the "
        "university."
    ),
    "budget.align.held_but_kept": (
        "Community partners hold {community_share} of the money, but the budget decision "
        "stays with the university ({holding}): the money is devolved in name only."
    ),
    "budget.align.aligned": (
        "The budget decision is shared ({holding}) and community partners hold "
        "{community_share} of the money: money and decisions are shared together."
    ),
}


def assess_alignment(power: PowerReview, budget: BudgetReview) -> Explained:
    """Compare who decides about money (``power``) with who holds it (``budget``)."""
    figures = budget.distribution
    if figures.total.is_zero():
        return Explained()
    holding = power.record.holding(Decision.BUDGET_AND_SPENDING)
    shared_decision = holding.is_shared
    community = figures.community_held_share
    values = {
        "holding": holding.label,
        "total": figures.total,
        "community_share": budget.shown.community,
        "community_held_share": community,
    }
    citations = (cite("bath_report_2022#s5_5"), cite("bath_report_2022#s2_5"))
    if shared_decision and community == 0:
        result = Finding(
            "POWMON-DECISIONS-SHARED-MONEY-HELD",
            Severity.WARNING,
            "budget.align.shared_but_held",
            values,
            citations=citations,
        )
    elif community > 0 and not holding.is_shared:
        result = Finding(
            "POWMON-MONEY-HELD-DECISIONS-KEPT",
            Severity.WARNING,
            "budget.align.held_but_kept",
            values,
            citations=citations,
        )
    elif community > 0:
        result = Finding(
            "POWMON-ALIGNED", Severity.MET, "budget.align.aligned", values, citations=citations
        )
    else:
        return Explained()
    return Explained(findings=(result,))
