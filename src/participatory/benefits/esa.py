"""Employment and Support Allowance: permitted ("exempt") work, a weekly cliff edge.

ESA Regulations 2008 reg. 45 (and reg. 39 of the 2013 Regulations for new-style ESA):
work is *exempt* if in the week it is

* any work earning no more than the **lower limit** (£20), whatever the hours (45(2));
* **supported permitted work** earning no more than the **higher limit** (16 × National
  Minimum Wage, rounded up to the next 50p), with no hours condition (45(3));
* work done for **less than 16 hours** earning no more than the higher limit (45(4)).

A claimant who does any other work in a week is treated as not entitled to ESA for that
week (reg. 40(1); 2013 Regs reg. 37(1)): a cliff edge. The claimant must tell DWP
before starting permitted work (form PW1). New-style ESA counts pound for pound as
unearned income in Universal Credit (UC Regs reg. 66(1)(b)(ii)), at the rate on an assessment
period's last day: a week lost across that day raises UC by a month of it, and one lost and
paid again inside the period does not.

Worked example (2025/26, higher limit £195.50): £195.50 for 6 hours in the higher-limit
category is permitted work; a penny more is not, and the week's ESA is lost.

>>> import datetime as dt
>>> from participatory.benefits.claims import EmploymentSupportAllowanceClaim
>>> from participatory.benefits.household import Household, Person
>>> from participatory.benefits.engine import assess_payment
>>> me = Household(people=[Person(esa=EmploymentSupportAllowanceClaim(
...     weekly_award="92.05", permitted_work=PermittedWork.HIGHER_LIMIT))])
>>> assess_payment(me, "195.50", "2025-06-11", hours=6).changes_nothing
True
>>> assess_payment(me, "195.51", "2025-06-11", hours=6).change()
Money('-92.05', 'GBP')
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Final, NamedTuple

from participatory.benefits.claims import EmploymentSupportAllowanceClaim
from participatory.benefits.kinds import Benefit, PermittedWork
from participatory.benefits.law import cite_law
from participatory.benefits.mechanism import (
    Context,
    Income,
    RateReader,
    add_hours,
    finding,
    pounds,
)
from participatory.benefits.outcomes import PeriodNumbers, PeriodOutcome, period_numbers
from participatory.core.explain import Finding, ParameterUse, Severity
from participatory.core.nations import Nation
from participatory.core.periods import DateRange

__all__ = [
    "MESSAGES",
    "PermittedWorkLimits",
    "assess_week",
    "explain_week",
    "is_permitted",
    "limits",
    "permitted_work_findings",
]

MESSAGES: Final = {
    "benefits.esa.within": (
        "{benefit}, the week {start} to {end}: earnings of {earnings} for {hours} hours are "
        "within permitted work ({category}, limit {limit}), so ESA is unchanged."
    ),
    "benefits.esa.over_limit": (
        "{benefit}, the week {start} to {end}: earnings of {earnings} are over the "
        "permitted-work limit of {limit} ({category}). This is a cliff edge: no ESA "
        "({award}) for that week."
    ),
    "benefits.esa.sixteen_hours": (
        "{benefit}, the week {start} to {end}: {hours} hours of work is not less than "
        "{max_hours} hours, and earnings of {earnings} are over the {lower} lower limit, so "
        "the work is not permitted work. This is a cliff edge: no ESA ({award}) for that week."
    ),
    "benefits.esa.higher_may_apply": (
        "The work would be within the higher permitted-work limit of {higher} if it is "
        "done for under {max_hours} hours a week and DWP agrees; the contributor should "
        "ask DWP (form PW1) before the work starts."
    ),
    "benefits.action.tell_dwp_pw1": "Tell DWP about the work on form PW1 before it starts.",
}

_CATEGORY_RULE: Final = {
    PermittedWork.LOWER_LIMIT: "BEN-ESA-PERMITTED-WORK-LOWER",
    PermittedWork.HIGHER_LIMIT: "BEN-ESA-PERMITTED-WORK-HIGHER",
    PermittedWork.SUPPORTED: "BEN-ESA-PERMITTED-WORK-SUPPORTED",
}


class PermittedWorkLimits(NamedTuple):
    """The permitted-work limits (whole pennies) for a week starting on one day."""

    lower: int
    higher: int
    max_hours: Decimal
    stale: tuple[ParameterUse, ...]


def _build(read: RateReader) -> PermittedWorkLimits:
    return PermittedWorkLimits(
        read.pennies("esa.permitted_work.lower_limit"),
        read.pennies("esa.permitted_work.higher_limit"),
        read.number("esa.permitted_work.max_hours"),
        tuple(read.stale),
    )


class _EarningsLimits:
    """The most a week's work may earn and still be permitted work (whole pennies).

    ``any_hours`` is the lower limit, whatever the hours (reg. 45(2)); ``under_hours`` the
    most for work the category allows the higher limit for (fewer hours than ``max_hours``,
    or supported work with any hours): the higher limit, or the lower if a changed parameter
    set makes that the larger, as :func:`is_permitted` reads them. A week's test is then a
    comparison, with no call per layer of earnings. Published figures only; a rates record
    (built once per parameter set and day), so it keeps the stale values it read.
    """

    __slots__ = ("any_hours", "max_hours", "stale", "under_hours")

    def __init__(self, read: RateReader) -> None:
        lower = read.pennies("esa.permitted_work.lower_limit")
        higher = read.pennies("esa.permitted_work.higher_limit")
        self.any_hours = lower
        self.under_hours = max(lower, higher)
        self.max_hours = read.number("esa.permitted_work.max_hours")
        self.stale = tuple(read.stale)


# Enum members named through their class go through EnumType's __getattr__ hook on
# CPython 3.11 (a slow attribute look-up on every use): the numbers path names them here.
_LOWER_LIMIT: Final = PermittedWork.LOWER_LIMIT
_HIGHER_LIMIT: Final = PermittedWork.HIGHER_LIMIT
_NEW_STYLE_ESA: Final = Benefit.NEW_STYLE_ESA


def limits(ctx: Context, day: dt.date) -> PermittedWorkLimits:
    """The permitted-work limits for the week starting ``day``."""
    found: PermittedWorkLimits = ctx.records[_build, day]
    return found


def is_permitted(
    category: PermittedWork, earnings: int, hours: Decimal, found: PermittedWorkLimits
) -> bool:
    """Whether a week's work (earnings in pennies) is permitted work (ESA Regs 2008 reg. 45)."""
    if earnings <= found.lower:
        return True
    if category is _LOWER_LIMIT:
        return False
    if category is _HIGHER_LIMIT and hours >= found.max_hours:
        return False
    return earnings <= found.higher


def permitted_work_findings(
    benefit_name: str,
    category: PermittedWork,
    week: DateRange,
    earnings: int,
    hours: Decimal,
    award: int,
    ctx: Context,
    *,
    nation: Nation,
    subject: str | None,
    already_outside: bool = False,
) -> tuple[Finding, ...]:
    """The findings that explain :func:`is_permitted` for one week (new-style and IR ESA).

    ``already_outside``: the regular work alone is outside permitted work, so there is nothing
    to lose and a breach is reported as a fact, not a problem.
    """
    uses = (
        ctx.use("esa.permitted_work.lower_limit", week.start),
        ctx.use("esa.permitted_work.higher_limit", week.start),
        ctx.use("esa.permitted_work.max_hours", week.start),
    )
    found = limits(ctx, week.start)
    lower, higher, max_hours = found.lower, found.higher, found.max_hours
    values: dict[str, object] = {
        "benefit": benefit_name,
        "start": week.start,
        "end": week.end,
        "earnings": pounds(earnings),
        "hours": hours,
        "category": category.value.replace("_", " "),
        "award": pounds(award),
        "lower": pounds(lower),
        "higher": pounds(higher),
        "max_hours": max_hours,
    }
    cite = (cite_law("esa.permitted_work", nation),)
    breach = (*cite, cite_law("esa.breach", nation))
    problem = Severity.INFO if already_outside else Severity.PROBLEM

    def made(
        rule: str,
        severity: Severity,
        key: str,
        citations: tuple[object, ...],
        actions: tuple[str, ...] = (),
    ) -> Finding:
        return finding(
            rule,
            severity,
            key,
            values,
            citations=citations,  # type: ignore[arg-type]
            parameters=uses,
            actions=actions,
            subject=subject,
        )

    if earnings <= lower:
        values["limit"] = values["lower"]
        return (made(_CATEGORY_RULE[category], Severity.INFO, "benefits.esa.within", cite),)
    if category is PermittedWork.LOWER_LIMIT:
        values["limit"] = values["lower"]
        made_findings = [
            made(
                "BEN-ESA-PERMITTED-WORK-LOWER",
                problem,
                "benefits.esa.over_limit",
                breach,
                ("benefits.action.tell_dwp_pw1",),
            )
        ]
        if hours < max_hours and earnings <= higher:
            made_findings.append(
                made(
                    "BEN-ESA-HIGHER-LIMIT-MAY-APPLY",
                    Severity.ADVICE,
                    "benefits.esa.higher_may_apply",
                    cite,
                    ("benefits.action.tell_dwp_pw1",),
                )
            )
        return tuple(made_findings)
    values["limit"] = values["higher"]
    if category is PermittedWork.HIGHER_LIMIT and hours >= max_hours:
        return (made("BEN-ESA-16-HOURS", problem, "benefits.esa.sixteen_hours", breach),)
    if earnings <= higher:
        return (made(_CATEGORY_RULE[category], Severity.INFO, "benefits.esa.within", cite),)
    return (made(_CATEGORY_RULE[category], problem, "benefits.esa.over_limit", breach),)


#: What the explanation of an ESA week quotes: the category, the week's earnings (pennies),
#: its hours without and with the payments' (added up when quoted), the award, the nation,
#: and whether the work was outside permitted work before.
_Detail = tuple[PermittedWork, int, Decimal, Decimal, int, Nation, bool]


def assess_week(
    claim: EmploymentSupportAllowanceClaim,
    week: DateRange,
    income: Income,
    ctx: Context,
    person: str,
    nation: Nation,
) -> PeriodNumbers:
    """No ESA for a week in which the work is not permitted work."""
    award = claim.award_pennies
    category = claim.permitted_work
    found: _EarningsLimits = ctx.records[_EarningsLimits, week.start]
    base = income.regular + income.already
    total = base + income.added
    hours_base = income.hours_regular
    if income.hours_already:
        hours_base = add_hours(hours_base, income.hours_already)
    hours_added = income.hours_added
    # The limit each layer's hours allow, as is_permitted decides (ESA Regs 2008 reg. 45).
    if category is _HIGHER_LIMIT:
        max_hours = found.max_hours
        limit_base = found.under_hours if hours_base < max_hours else found.any_hours
        if hours_added:
            # Compared by value: with no hours before, the week's are the payments' (the
            # explanation adds them up for the figure it quotes).
            hours = add_hours(hours_base, hours_added) if hours_base else hours_added
            limit = found.under_hours if hours < max_hours else found.any_hours
        else:
            limit = limit_base
    elif category is _LOWER_LIMIT:
        limit_base = limit = found.any_hours
    else:
        limit_base = limit = found.under_hours  # supported work: no hours condition
    before = award if base <= limit_base else 0
    after = before if total <= limit else 0
    baseline = before
    if income.already or income.hours_already:
        # What is paid with regular work only: what Universal Credit counts.
        regular_ok = is_permitted(
            category, income.regular, income.hours_regular, limits(ctx, week.start)
        )
        baseline = award if regular_ok else 0
    return period_numbers(
        (
            _NEW_STYLE_ESA,
            week,
            before,
            after,
            income.added,
            after < before,
            person,
            baseline,
            # What the explanation quotes (see _Detail).
            (category, total, hours_base, hours_added, award, nation, base > limit_base),
            explain_week,
        )
    )


def explain_week(outcome: PeriodOutcome, ctx: Context) -> tuple[Finding, ...]:
    """The findings of one ESA week, from its numbers."""
    detail: _Detail = outcome.detail  # type: ignore[assignment]
    category, total, hours_base, hours_added, award, nation, already_outside = detail
    hours = add_hours(hours_base, hours_added) if hours_added else hours_base
    return permitted_work_findings(
        "ESA",
        category,
        outcome.period,
        total,
        hours,
        award,
        ctx,
        nation=nation,
        subject=outcome.person,
        already_outside=already_outside,
    )
