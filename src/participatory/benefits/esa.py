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
unearned income in Universal Credit (UC Regs reg. 66(1)(b)(ii)), so a lost week raises UC.

>>> import datetime as dt
>>> from participatory.benefits.circumstances import EmploymentSupportAllowanceClaim
>>> from participatory.benefits.mechanism import Context, WeekIncome
>>> from participatory.core.params import bundled_parameters
>>> claim = EmploymentSupportAllowanceClaim(weekly_award="92.05",
...                                         permitted_work=PermittedWork.HIGHER_LIMIT)
>>> week = claim.weeks.period_containing(dt.date(2025, 6, 11))
>>> income = WeekIncome(); income.earnings = Decimal("195.50"); income.hours = Decimal(6)
>>> NewStyleEsaRule().assess_week(claim, week, income, Context(bundled_parameters())).cliff
False
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import ClassVar, Final

import attrs

from participatory.benefits import sources
from participatory.benefits.circumstances import (
    Benefit,
    EmploymentSupportAllowanceClaim,
    PermittedWork,
)
from participatory.benefits.mechanism import (
    ZERO,
    Context,
    WeekIncome,
    WeeklyRule,
    finding,
    gbp,
    resolved,
)
from participatory.benefits.outcomes import PeriodOutcome
from participatory.core.explain import Finding, ParameterUse, Severity
from participatory.core.money import Money
from participatory.core.periods import BenefitWeekCycle, DateRange

__all__ = ["NewStyleEsaRule", "permitted_work_test"]

#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = {
    "benefits.esa.within": (
        "{benefit}, the week {start} to {end}: earnings of {earnings} for {hours} hours are "
        "within  permitted work ({category}, limit {limit}), so ESA is unchanged."
    ),
    "benefits.esa.over_limit": (
        "{benefit}, the week {start} to {end}: earnings of {earnings} are over the "
        "permitted-work  limit of {limit} ({category}). This is a cliff edge: no ESA "
        "({award}) for that week."
    ),
    "benefits.esa.sixteen_hours": (
        "{benefit}, the week {start} to {end}: {hours} hours of work is not less than "
        "{max_hours}  hours, and earnings of {earnings} are over the {lower} lower limit, so "
        "the work  is not permitted work. This is a cliff edge: no ESA ({award}) for that week."
    ),
    "benefits.esa.higher_may_apply": (
        "The work would be within the higher permitted-work limit of {higher} if it is "
        "done for under {max_hours} hours a week and DWP agrees; the contributor should "
        "ask DWP (form PW1) before the work starts."
    ),
    "benefits.action.tell_dwp_pw1": ("Tell DWP about the work on form PW1 before it starts."),
}

_CATEGORY_RULE = {
    PermittedWork.LOWER_LIMIT: "BEN-ESA-PERMITTED-WORK-LOWER",
    PermittedWork.HIGHER_LIMIT: "BEN-ESA-PERMITTED-WORK-HIGHER",
    PermittedWork.SUPPORTED: "BEN-ESA-PERMITTED-WORK-SUPPORTED",
}


#: The permitted-work limits for a week starting on one day (lower, higher, hours) and the
#: two limits as the Money the findings quote, made once per parameter set and day.
_Limits = tuple[Decimal, Decimal, Decimal, Money, Money]


def _limits(ctx: Context, day: dt.date) -> tuple[_Limits, tuple[ParameterUse, ...]]:
    lower, lower_use = ctx.number("esa.permitted_work.lower_limit", day)
    higher, higher_use = ctx.number("esa.permitted_work.higher_limit", day)
    max_hours, hours_use = ctx.number("esa.permitted_work.max_hours", day)
    return (lower, higher, max_hours, gbp(lower), gbp(higher)), (lower_use, higher_use, hours_use)


def _is_permitted(
    category: PermittedWork, earnings: Decimal, hours: Decimal, limits: _Limits
) -> bool:
    """The decision :func:`permitted_work_test` explains, without the explanation.

    For the week *before* the payments, whose findings are not reported: the same steps,
    in the same order.
    """
    lower, higher, max_hours = limits[0], limits[1], limits[2]
    if earnings <= lower:
        return True
    if category is PermittedWork.LOWER_LIMIT:
        return False
    if category is PermittedWork.HIGHER_LIMIT and hours >= max_hours:
        return False
    return earnings <= higher


def permitted_work_test(
    benefit_name: str,
    category: PermittedWork,
    week: DateRange,
    earnings: Decimal,
    hours: Decimal,
    award: Decimal,
    ctx: Context,
) -> tuple[bool, tuple[Finding, ...]]:
    """Whether a week's work is permitted work, with the findings that explain why.

    Shared by new-style and income-related ESA. Returns ``(exempt, findings)``.
    """
    (lower, higher, max_hours, lower_money, higher_money), uses = resolved(
        ctx, "esa.limits", week.start, _limits
    )
    values: dict[str, object] = {
        "benefit": benefit_name,
        "start": week.start,
        "end": week.end,
        "earnings": gbp(earnings),
        "hours": hours,
        "category": category.value.replace("_", " "),
        "award": gbp(award),
        "lower": lower_money,
        "higher": higher_money,
        "max_hours": max_hours,
    }
    cite = (sources.ESA_PERMITTED_WORK,)
    if earnings <= lower:
        values["limit"] = values["lower"]
        return True, (
            finding(
                _CATEGORY_RULE[category],
                Severity.INFO,
                "benefits.esa.within",
                values,
                citations=cite,
                parameters=uses,
            ),
        )
    if category is PermittedWork.LOWER_LIMIT:
        values["limit"] = values["lower"]
        found = [
            finding(
                "BEN-ESA-PERMITTED-WORK-LOWER",
                Severity.PROBLEM,
                "benefits.esa.over_limit",
                values,
                citations=(*cite, sources.ESA_BREACH),
                parameters=uses,
                actions=("benefits.action.tell_dwp_pw1",),
            )
        ]
        if hours < max_hours and earnings <= higher:
            found.append(
                finding(
                    "BEN-ESA-HIGHER-LIMIT-MAY-APPLY",
                    Severity.ADVICE,
                    "benefits.esa.higher_may_apply",
                    values,
                    citations=cite,
                    parameters=uses,
                    actions=("benefits.action.tell_dwp_pw1",),
                )
            )
        return False, tuple(found)
    values["limit"] = values["higher"]
    if category is PermittedWork.HIGHER_LIMIT and hours >= max_hours:
        return False, (
            finding(
                "BEN-ESA-16-HOURS",
                Severity.PROBLEM,
                "benefits.esa.sixteen_hours",
                values,
                citations=(*cite, sources.ESA_BREACH),
                parameters=uses,
            ),
        )
    if earnings <= higher:
        return True, (
            finding(
                _CATEGORY_RULE[category],
                Severity.INFO,
                "benefits.esa.within",
                values,
                citations=cite,
                parameters=uses,
            ),
        )
    return False, (
        finding(
            _CATEGORY_RULE[category],
            Severity.PROBLEM,
            "benefits.esa.over_limit",
            values,
            citations=(*cite, sources.ESA_BREACH),
            parameters=uses,
        ),
    )


class NewStyleEsaRule(WeeklyRule[EmploymentSupportAllowanceClaim]):
    """New-style ESA permitted work, week by week."""

    benefit: ClassVar[Benefit] = Benefit.NEW_STYLE_ESA
    counts_for_universal_credit: ClassVar[bool] = True

    def weeks(self, claim: EmploymentSupportAllowanceClaim) -> BenefitWeekCycle:
        """The claim's benefit weeks."""
        return claim.weeks

    def weekly_amount(
        self, claim: EmploymentSupportAllowanceClaim, day: dt.date, ctx: Context
    ) -> Decimal:
        """The weekly award from the statement."""
        return claim.weekly_award.amount

    def assess_week(
        self,
        claim: EmploymentSupportAllowanceClaim,
        week: DateRange,
        income: WeekIncome,
        ctx: Context,
    ) -> PeriodOutcome:
        """No ESA for a week in which the work is not permitted work."""
        award = claim.weekly_award.amount
        base_earnings = claim.other_weekly_earnings.amount
        limits, _uses = resolved(ctx, "esa.limits", week.start, _limits)
        base_ok = _is_permitted(claim.permitted_work, base_earnings, claim.weekly_hours, limits)
        before = award if base_ok else ZERO
        ok, found = permitted_work_test(
            "ESA",
            claim.permitted_work,
            week,
            base_earnings + income.earnings,
            claim.weekly_hours + income.hours,
            award,
            ctx,
        )
        after = before if ok else ZERO
        if not base_ok:
            # The regular work described is already outside permitted work: nothing to lose.
            found = tuple(
                attrs.evolve(f, severity=Severity.INFO) if f.severity is Severity.PROBLEM else f
                for f in found
            )
        return self.outcome(week, before, after, income.earnings, found, cliff=after < before)
