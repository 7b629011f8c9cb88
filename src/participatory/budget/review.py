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
from decimal import Decimal
from typing import Final

import attrs

from participatory.budget.distribution import Distribution, distribute
from participatory.budget.lines import Budget, LineKind, Timing
from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.explain import Explained, Finding, Severity
from participatory.core.money import Money
from participatory.core.record import Record
from participatory.core.shares import Share, rounded_share, rounded_shares
from participatory.core.sources import cite

__all__ = ["BudgetReview", "ShownShares", "assess_budget", "percent", "shown_shares"]

#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = {
    "budget.distribution": (
        "Of {total}, community partners hold {community_share} and the university "
        "{university_share}; {members_share} reaches community members as fees and "
        "expenses; {before_share} is spent before any application. Concentration (HHI) "
        "{hhi}: the money is as concentrated as if it were held equally by this many "
        "holders: {effective_holders}."
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
class ShownShares(Record):
    """The budget's shares as a report shows them, rounded once so they agree everywhere.

    Community, university and other shares make up the whole budget, so they are rounded
    together (largest remainder) and add up to exactly 100%; the share reaching members and
    the share spent before the application are each rounded on their own. A sentence and a
    table of figures both show these same numbers.
    """

    community: Share
    university: Share
    other: Share
    members: Share
    before_application: Share


def shown_shares(distribution: Distribution) -> ShownShares:
    """The shares of ``distribution`` as shown (see :class:`ShownShares`).

    >>> from participatory.core.money import Money
    >>> from participatory.budget.lines import Budget, BudgetLine, Holder, LineKind
    >>> budget = Budget((
    ...     BudgetLine("a", LineKind.COMMUNITY_ACTIVITIES, Money.gbp("4665"),
    ...                holder=Holder.partner("McPin")),
    ...     BudgetLine("b", LineKind.TRAINING, Money.gbp("5335"), holder=Holder.university()),
    ... ))
    >>> shown = shown_shares(distribute(budget))
    >>> shown.community, shown.university, shown.community + shown.university
    (Share('0.467'), Share('0.533'), Decimal('1.000'))
    """
    if not isinstance(distribution, Distribution):
        raise ValidationError("distribution", "must be a Distribution")
    community, university, other = rounded_shares(
        [
            distribution.community_held_share,
            distribution.university_share,
            distribution.other_share,
        ]
    )
    return ShownShares(
        community=community,
        university=university,
        other=other,
        members=rounded_share(distribution.reaching_members_share),
        before_application=rounded_share(distribution.before_application_share),
    )


@attrs.frozen
class BudgetReview(Explained):
    """The result of :func:`assess_budget`."""

    distribution: Distribution

    @property
    def shown(self) -> ShownShares:
        """The shares as every sentence and figure shows them."""
        return shown_shares(self.distribution)


def percent(share: Decimal) -> Share:
    """A share on its own as shown: rounded half up to one place of a percentage.

    >>> percent(Decimal("0.4"))
    Share('0.400')
    """
    if not isinstance(share, Decimal):
        raise ValidationError("share", "must be a Decimal")
    return rounded_share(share)


@computes_exactly
def assess_budget(budget: Budget) -> BudgetReview:
    """The distribution figures of ``budget`` and the findings above."""
    if not isinstance(budget, Budget):
        raise ValidationError("budget", "must be a Budget")
    figures = distribute(budget)
    shown = shown_shares(figures)
    lines = budget.lines
    findings = [
        Finding(
            "BUD-DISTRIBUTION",
            Severity.INFO,
            "budget.distribution",
            {
                "total": figures.total,
                "community_share": shown.community,
                "university_share": shown.university,
                "members_share": shown.members,
                "before_share": shown.before_application,
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
                citations=(cite("bath_report_2022#s5_5"), cite("bath_report_2022#s2_5")),
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
                citations=(
                    cite("bath_report_2022#s2_3"),
                    cite("bath_report_2022#s5_5"),
                    cite("bath_report_2022#s5_6"),
                ),
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
                citations=(cite("bath_report_2022#s5_3"),),
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
                    citations=(cite("bath_report_2022#s5_3"), cite("bath_report_2022#s5_5")),
                    subject=partner,
                )
            )
    return BudgetReview(distribution=figures, findings=findings)
