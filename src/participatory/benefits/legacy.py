"""Legacy benefits: Income Support, income-based JSA, income-related ESA, new-style JSA.

Income Support and income-based JSA are claimed for a couple: both partners' earnings count.
They ignore a fixed amount each week — £5 single, £10 couple, £20 in the "higher" cases (lone
parent on IS, disability or carer premium, certain occupations) — and take the rest off the
award pound for pound (IS Regs 1987 Sch. 8; JSA Regs 1996 Sch. 6). Carer's Allowance brings
the carer premium and £20 of the carer's earnings (IS Sch. 8 para. 6A): a claim that states
no disregard gets it when everyone in the household is entitled to Carer's Allowance (a
couple with one carer keeps the £10 unless the claim states the higher one). Work of 16
hours or more a week by the claimant, or 24 hours or more by the partner, is *remunerative
work* and ends entitlement for the week (IS Regs reg. 5; JSA Regs reg. 51): a cliff edge.

Income-related ESA uses the permitted-work rules for the claimant
(:func:`participatory.benefits.esa.is_permitted`); the partner's earnings get a £20 disregard
(or, while the claimant does permitted work, what the claimant leaves unused of it, up to £20:
ESA Regs 2008 Sch. 7 paras. 6–7), the rest coming off pound for pound, and a partner working 24
hours or more ends entitlement (reg. 42(1)).

IS, income-based JSA and income-related ESA count Carer's Allowance and ESA in full as income
(IS Regs 1987 reg. 40; JSA Regs 1996 reg. 103; ESA Regs 2008 reg. 104): a week of them the
payments stop is made up, less what the payments' earnings over the disregard take off, unless
the week is lost outright.

New-style JSA is the claimant's own: a £5 disregard and the 16-hour rule, the partner's
earnings irrelevant. Income Support and income-based JSA closed on 1 April 2026 (managed
migration to Universal Credit).

>>> import datetime as dt
>>> from participatory.benefits.claims import LegacyClaim
>>> from participatory.benefits.household import Household
>>> from participatory.benefits.engine import assess_payment
>>> home = Household(legacy=LegacyClaim(LegacyBenefit.INCOME_SUPPORT, weekly_award="90.50"))
>>> assess_payment(home, "30.00", "2025-06-11", hours=3).change()
Money('-25.00', 'GBP')
"""

# No `from __future__ import annotations`: typing.NamedTuple compiles each field's annotation
# when it is text (about 60,000 instructions a field, every run); these are all defined above
# their use, so they are evaluated as written.
from collections.abc import Callable
from decimal import Decimal
from typing import Final, NamedTuple

from participatory.benefits.claims import LegacyClaim
from participatory.benefits.esa import is_permitted, limits, permitted_work_findings
from participatory.benefits.kinds import EarningsDisregard, LegacyBenefit
from participatory.benefits.law import cite_law
from participatory.benefits.mechanism import ZERO, Context, Income, finding, pounds
from participatory.benefits.outcomes import PeriodNumbers, PeriodOutcome, period_numbers
from participatory.core.explain import Finding, ParameterUse, Severity
from participatory.core.nations import Nation
from participatory.core.pennies import to_pennies
from participatory.core.periods import DateRange
from participatory.core.privacy import REDACTED_TEXT

__all__ = ["MESSAGES", "WeekIncomes", "assess_week", "exhausted_finding", "explain_week"]

MESSAGES: Final = {
    "benefits.legacy.within_disregard": (
        "{benefit}, the week {start} to {end}: earnings of {earnings} are within the "
        "{disregard} weekly disregard, so {benefit} is unchanged."
    ),
    "benefits.legacy.reduced": (
        "{benefit}, the week {start} to {end}: earnings of {earnings} are {excess} over the "
        "{disregard} weekly disregard; {benefit} falls pound for pound, by {reduction}, "
        "from {before} to {after}."
    ),
    "benefits.legacy.sixteen_hours": (
        "{benefit}, the week {start} to {end}: {hours} hours of paid work is {max_hours} hours "
        "or more (remunerative work). This is a cliff edge: no {benefit} ({award}) for that "
        "week."
    ),
    "benefits.legacy.partner_hours": (
        "{benefit}, the week {start} to {end}: the partner's {hours} hours of paid work is "
        "{max_hours} hours or more (remunerative work). This is a cliff edge: no {benefit} "
        "({award}) for that week."
    ),
    "benefits.legacy.partner_earnings": (
        "{benefit}, the week {start} to {end}: the partner's earnings of {earnings} are "
        "{excess} over their {disregard} disregard; {benefit} falls pound for pound, by "
        "{reduction}, from {before} to {after}."
    ),
    "benefits.legacy.income_lost": (
        "{benefit}, the week {start} to {end}: the payments stop {income_lost} of Carer's "
        "Allowance, ESA or JSA in this week, which {benefit} counts as income; earnings of "
        "{earnings} are {excess} over the {disregard} weekly disregard. {benefit} makes up "
        "the income lost, less the earnings the payments add over the disregard: it goes "
        "from {before} to {after}."
    ),
    "benefits.legacy.closed": (
        "{benefit} closed on {closed_on} according to the data; the contributor has "
        "probably moved to Universal Credit. This check cannot say what the payment does: "
        "ask a welfare-rights adviser."
    ),
    "benefits.award_exhausted": (
        "The earnings in the week {start} to {end} take the whole award for that week. "
        "Spreading a payment over several weeks can then lose more in total than paying "
        "it at once, because each week's loss is limited to that week's award."
    ),
    "benefits.action.tell_jobcentre": "Tell the Jobcentre about the work and earnings.",
}

_NAMES: Final = {
    LegacyBenefit.INCOME_SUPPORT: "Income Support",
    LegacyBenefit.INCOME_BASED_JSA: "income-based JSA",
    LegacyBenefit.INCOME_RELATED_ESA: "income-related ESA",
    LegacyBenefit.NEW_STYLE_JSA: "new-style JSA",
}
_OPEN: Final = {
    LegacyBenefit.INCOME_SUPPORT: "legacy.income_support.open",
    LegacyBenefit.INCOME_BASED_JSA: "legacy.income_based_jsa.open",
    LegacyBenefit.INCOME_RELATED_ESA: "legacy.income_related_esa.open",
}


def exhausted_finding(week: DateRange, subject: str | None = None) -> Finding:
    """The award for a week is used up: why splitting a payment can then cost more."""
    return finding(
        "BEN-AWARD-EXHAUSTED",
        Severity.WARNING,
        "benefits.award_exhausted",
        {"start": week.start, "end": week.end},
        subject=subject,
    )


def excess_from_payment(base: int, total: int, disregard: int) -> int:
    """Earnings (pennies) over the disregard that the payments add to a week's other earnings.

    Other earnings use the disregard first, so only the part of the payments above what is
    left of it counts (IS, JSA, ESA, Housing Benefit and Pension Credit alike).
    """
    return max(0, total - disregard) - max(0, base - disregard)


def _hours_limit(ctx: Context, who: str, day: object) -> Decimal:
    return Decimal(ctx.use(f"legacy.remunerative_work_hours.{who}", day).value)  # type: ignore[arg-type]


def _pennies(ctx: Context, name: str, day: object) -> int:
    return to_pennies(Decimal(ctx.use(name, day).value))  # type: ignore[arg-type]


class WeekIncomes(NamedTuple):
    """A legacy week's income, the claimant's and the partner's kept apart."""

    claimant: Income
    partner: Income | None

    def __repr__(self) -> str:
        # A household's benefits figures are special-category data.
        return f"WeekIncomes({REDACTED_TEXT})"


class Detail(NamedTuple):
    """What the explanation of a legacy week quotes."""

    kind: str
    claim: LegacyClaim
    incomes: WeekIncomes
    nation: Nation
    closed: ParameterUse | None
    before: int
    after: int
    #: Carer's Allowance, ESA or JSA lost in the week without and with the payments.
    lost_before: int
    lost_after: int

    def __repr__(self) -> str:
        # A household's benefits figures are special-category data.
        return f"Detail({REDACTED_TEXT})"


def _open_use(claim: LegacyClaim, week: DateRange, ctx: Context) -> ParameterUse | None:
    name = _OPEN.get(claim.benefit)
    if name is None:
        return None
    use = ctx.use(name, week.start)
    return use if use.value is False else None


def _hours_cliff(
    claim: LegacyClaim, incomes: WeekIncomes, ctx: Context, day: object
) -> tuple[str, bool, bool] | None:
    """Whether the claimant (16 h) or partner (24 h) works remuneratively: (who, before, after)."""
    claimant = incomes.claimant
    if claim.benefit is not LegacyBenefit.INCOME_RELATED_ESA:
        limit = _hours_limit(ctx, "claimant", day)
        if claimant.hours >= limit and claimant.total > 0:
            return "claimant", claimant.hours_base >= limit, True
    partner = incomes.partner
    if partner is not None and claim.benefit.means_tested:
        limit = _hours_limit(ctx, "partner", day)
        if partner.hours >= limit and partner.total > 0:
            return "partner", partner.hours_base >= limit, True
    return None


def _disregard_name(claim: LegacyClaim) -> str:
    if claim.benefit is LegacyBenefit.NEW_STYLE_JSA:
        return "legacy.new_style_jsa.earnings_disregard"
    # The household fills in a disregard the claim does not state (a couple's £10, IS Regs
    # 1987 Sch. 8; JSA Regs 1996 Sch. 6 para. 11; a carer's £20, IS Sch. 8 para. 6A); a
    # claim read on its own is a single £5.
    return f"legacy.earnings_disregard.{(claim.disregard or EarningsDisregard.SINGLE).value}"


def _esa_partner_disregard(
    claim: LegacyClaim, claimant_earnings: int, hours: Decimal, ctx: Context, day: object
) -> int:
    cap = _pennies(ctx, "legacy.esa_ir.partner_earnings_disregard", day)
    found = limits(ctx, day)  # type: ignore[arg-type]
    if claimant_earnings > 0 and is_permitted(
        claim.permitted_work, claimant_earnings, hours, found
    ):
        limit = found.lower if claimant_earnings <= found.lower else found.higher
        return min(cap, max(0, limit - claimant_earnings))
    return cap


def _earnings(income: Income | None, layer: str) -> tuple[int, Decimal]:
    """Earnings (pennies) and hours of one person up to ``layer``: regular, base or total."""
    if income is None:
        return 0, ZERO
    if layer == "regular":
        return income.regular, income.hours_regular
    if layer == "base":
        return income.base, income.hours_base
    return income.total, income.hours


def _amount(
    claim: LegacyClaim,
    incomes: WeekIncomes,
    ctx: Context,
    day: object,
    layer: str,
    lost: int = 0,
) -> int:
    """The week's award with earnings up to ``layer``: the numbers path.

    The award on the statement already allows for regular earnings, so only what other
    payments and these add above them comes off; remunerative work ends the week outright.
    ``lost`` is the Carer's Allowance, ESA or JSA the payments stop in the week: income the
    award on the statement counts in full, so the award rises by it (less what comes off).
    """
    award = claim.award_pennies
    c_earn, c_hours = _earnings(incomes.claimant, layer)
    c_regular, _ = _earnings(incomes.claimant, "regular")
    p_earn, p_hours = _earnings(incomes.partner, layer)
    p_regular, _ = _earnings(incomes.partner, "regular")
    # Regular hours at the limit are remunerative work already; the payments' hours make it
    # so only if they are paid.
    if claim.benefit is not LegacyBenefit.INCOME_RELATED_ESA:
        limit = _hours_limit(ctx, "claimant", day)
        if incomes.claimant.hours_regular >= limit or (c_hours >= limit and c_earn > 0):
            return 0
    partner = incomes.partner
    if partner is not None and claim.benefit.means_tested:
        limit = _hours_limit(ctx, "partner", day)
        if partner.hours_regular >= limit or (p_hours >= limit and p_earn > 0):
            return 0
    if claim.benefit is LegacyBenefit.INCOME_RELATED_ESA:
        if not is_permitted(claim.permitted_work, c_earn, c_hours, limits(ctx, day)):  # type: ignore[arg-type]
            return 0
        disregard = _esa_partner_disregard(claim, c_earn, c_hours, ctx, day)
        return max(0, award - excess_from_payment(p_regular, p_earn, disregard) + lost)
    disregard = _pennies(ctx, _disregard_name(claim), day)
    pooled = claim.benefit.means_tested
    earnings = c_earn + (p_earn if pooled else 0)
    regular = c_regular + (p_regular if pooled else 0)
    # The award is what the applicable amount leaves of the week's income (SSCBA 1992
    # s. 124(4); JSA 1995 s. 4(3); WRA 2007 s. 4(3)), CA, ESA and JSA counted in full (IS Regs
    # 1987 reg. 40; JSA Regs 1996 reg. 103; ESA Regs 2008 reg. 104). The statement's award
    # already takes off the week's regular CA, so a week of it lost raises the award by as
    # much, above the statement's if the earnings over the disregard are less: never by more
    # than was lost, so the household is never better off for a payment.
    return max(0, award - excess_from_payment(regular, earnings, disregard) + lost)


def assess_week(
    claim: LegacyClaim,
    week: DateRange,
    incomes: WeekIncomes,
    ctx: Context,
    *,
    nation: Nation,
    person: str | None,
    income_lost: Callable[[DateRange], tuple[int, int]] | None = None,
) -> PeriodNumbers:
    """The legacy benefit for ``week`` before and after the payments.

    ``income_lost`` gives the Carer's Allowance, ESA or JSA the household loses in a week,
    without and with the payments (below what regular earnings leave); a means-tested
    benefit makes it up, unless the week is lost outright.
    """
    award = claim.award_pennies
    closed = _open_use(claim, week, ctx)
    added = incomes.claimant.added + (incomes.partner.added if incomes.partner else 0)
    lost_before = lost_after = 0
    if closed is not None:
        before = after = regular = award
    else:
        if income_lost is not None and claim.benefit.means_tested:
            lost_before, lost_after = income_lost(week)
        regular = _amount(claim, incomes, ctx, week.start, "regular")
        before = _amount(claim, incomes, ctx, week.start, "base", lost_before)
        after = _amount(claim, incomes, ctx, week.start, "total", lost_after)
    cliff = False
    if after == 0 < before:
        # A cliff is entitlement lost outright (remunerative work, work outside permitted
        # work), not a taper that happens to use up the award.
        cliff = _hours_cliff(claim, incomes, ctx, week.start) is not None
        if claim.benefit is LegacyBenefit.INCOME_RELATED_ESA and not cliff:
            claimant = incomes.claimant
            cliff = not is_permitted(
                claim.permitted_work, claimant.total, claimant.hours, limits(ctx, week.start)
            )
    return period_numbers(
        (
            claim.benefit.benefit,
            week,
            before,
            after,
            added,
            cliff,
            person,
            regular,
            Detail(
                claim.benefit.value,
                claim,
                incomes,
                nation,
                closed,
                before,
                after,
                lost_before,
                lost_after,
            ),
            explain_week,
        )
    )


def _income_lost_finding(
    name: str,
    week: DateRange,
    d: Detail,
    earnings: int,
    disregard: int,
    use: ParameterUse,
    subject: str | None,
) -> Finding:
    """A week whose Carer's Allowance, ESA or JSA the payments stop, made up by the benefit."""
    return finding(
        "BEN-LEGACY-INCOME-LOST",
        Severity.WARNING if d.after < d.before else Severity.INFO,
        "benefits.legacy.income_lost",
        {
            "benefit": name,
            "start": week.start,
            "end": week.end,
            "income_lost": pounds(d.lost_after - d.lost_before),
            "earnings": pounds(earnings),
            "disregard": pounds(disregard),
            "excess": pounds(max(0, earnings - disregard)),
            "before": pounds(d.before),
            "after": pounds(d.after),
        },
        citations=(
            cite_law(f"legacy.income_counted_{d.kind}", d.nation),
            cite_law("legacy.disregards", d.nation),
        ),
        parameters=(use,),
        actions=("benefits.action.tell_jobcentre",),
        subject=subject,
    )


def explain_week(outcome: PeriodOutcome, ctx: Context) -> tuple[Finding, ...]:
    """The findings of one legacy week, from its numbers."""
    d: Detail = outcome.detail  # type: ignore[assignment]
    claim = d.claim
    week = outcome.period
    name = _NAMES[claim.benefit]
    award = claim.award_pennies
    subject = outcome.person
    if d.closed is not None:
        return (
            finding(
                "BEN-LEGACY-CLOSED",
                Severity.REFER,
                "benefits.legacy.closed",
                {"benefit": name, "closed_on": d.closed.effective_from},
                parameters=(d.closed,),
                subject=subject,
            ),
        )
    incomes = d.incomes
    cliff = _hours_cliff(claim, incomes, ctx, week.start)
    if cliff is not None:
        who, _lost_already, _ = cliff
        key = "claimant" if who == "claimant" else "partner"
        use = ctx.use(f"legacy.remunerative_work_hours.{key}", week.start)
        income = incomes.claimant if who == "claimant" else incomes.partner
        assert income is not None
        return (
            finding(
                "BEN-LEGACY-16-HOURS" if who == "claimant" else "BEN-LEGACY-24-HOURS",
                Severity.PROBLEM if d.before > 0 else Severity.INFO,
                "benefits.legacy.sixteen_hours"
                if who == "claimant"
                else "benefits.legacy.partner_hours",
                {
                    "benefit": name,
                    "start": week.start,
                    "end": week.end,
                    "hours": income.hours,
                    "max_hours": use.value,
                    "award": pounds(award),
                },
                citations=(cite_law(f"legacy.remunerative_work_{key}", d.nation),),
                parameters=(use,),
                actions=("benefits.action.tell_jobcentre",),
                subject=subject,
            ),
        )
    if claim.benefit is LegacyBenefit.INCOME_RELATED_ESA:
        claimant = incomes.claimant
        found = list(
            permitted_work_findings(
                name,
                claim.permitted_work,
                week,
                claimant.total,
                claimant.hours,
                award,
                ctx,
                nation=d.nation,
                subject=subject,
                already_outside=d.before == 0,
            )
        )
        partner = incomes.partner
        if d.lost_after != d.lost_before and d.after > 0:
            use = ctx.use("legacy.esa_ir.partner_earnings_disregard", week.start)
            disregard = _esa_partner_disregard(
                claim, claimant.total, claimant.hours, ctx, week.start
            )
            earnings = partner.total if partner is not None else 0
            found.append(_income_lost_finding(name, week, d, earnings, disregard, use, subject))
        elif partner is not None and partner.total > 0 and d.after > 0:
            use = ctx.use("legacy.esa_ir.partner_earnings_disregard", week.start)
            disregard = _esa_partner_disregard(
                claim, claimant.total, claimant.hours, ctx, week.start
            )
            reduction = d.before - d.after
            found.append(
                finding(
                    "BEN-LEGACY-PARTNER-EARNINGS",
                    Severity.WARNING if reduction else Severity.INFO,
                    "benefits.legacy.partner_earnings",
                    {
                        "benefit": name,
                        "start": week.start,
                        "end": week.end,
                        "earnings": pounds(partner.total),
                        "disregard": pounds(disregard),
                        "excess": pounds(max(0, partner.total - disregard)),
                        "reduction": pounds(reduction),
                        "before": pounds(d.before),
                        "after": pounds(d.after),
                    },
                    citations=(cite_law("legacy.esa_partner_disregard", d.nation),),
                    parameters=(use,),
                    actions=("benefits.action.tell_jobcentre",) if reduction else (),
                    subject=subject,
                )
            )
        return tuple(found)
    use = ctx.use(_disregard_name(claim), week.start)
    disregard = to_pennies(Decimal(use.value))  # type: ignore[arg-type]
    total = incomes.claimant.total
    if claim.benefit.means_tested and incomes.partner is not None:
        total += incomes.partner.total
    if d.lost_after != d.lost_before:
        found = [_income_lost_finding(name, week, d, total, disregard, use, subject)]
        if d.after == 0 < d.before:
            found.append(exhausted_finding(week, subject))
        return tuple(found)
    reduction = d.before - d.after
    values = {
        "benefit": name,
        "start": week.start,
        "end": week.end,
        "earnings": pounds(total),
        "disregard": pounds(disregard),
        "excess": pounds(max(0, total - disregard)),
        "reduction": pounds(reduction),
        "before": pounds(d.before),
        "after": pounds(d.after),
    }
    found = [
        finding(
            "BEN-LEGACY-DISREGARD",
            Severity.WARNING if reduction else Severity.INFO,
            "benefits.legacy.reduced" if reduction else "benefits.legacy.within_disregard",
            values,
            citations=(cite_law("legacy.disregards", d.nation),),
            parameters=(use,),
            actions=("benefits.action.tell_jobcentre",) if reduction else (),
            subject=subject,
        )
    ]
    if reduction and d.after == 0:
        found.append(exhausted_finding(week, subject))
    return tuple(found)
