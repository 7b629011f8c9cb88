"""Pension Credit guarantee credit: pound for pound above a fixed weekly disregard.

The State Pension Credit Regulations 2002 (SI 2002/1792) Sch. VI ignore a fixed amount of the
household's weekly earnings — £5 single, £10 couple, £20 for a lone parent, a carer, a
disability case or certain occupations — and count the rest in full against guarantee credit.
Savings credit also depends on income and is not modelled (a warning says so).

>>> import datetime as dt
>>> from participatory.benefits.claims import PensionCreditClaim
>>> from participatory.benefits.household import Household
>>> from participatory.benefits.engine import assess_payment
>>> home = Household(pension_credit=PensionCreditClaim(weekly_award="50.00"))
>>> assess_payment(home, "25.00", "2025-06-11").change()
Money('-20.00', 'GBP')

Carer's Allowance brings the additional amount for carers (Sch. I para. 4) and with it £20
of the carer's earnings (Sch. VI para. 3): a single carer loses only the £5 over it.

>>> from participatory.benefits.claims import CarersAllowanceClaim
>>> from participatory.benefits.household import Person
>>> carer = Household(people=[Person(carers_allowance=CarersAllowanceClaim())],
...                   pension_credit=PensionCreditClaim(weekly_award="50.00"))
>>> [row.after for row in assess_payment(carer, "25.00", "2025-06-11").numbers
...  if row.benefit is Benefit.PENSION_CREDIT]
[4500]
"""

# No `from __future__ import annotations`: typing.NamedTuple compiles each field's annotation
# when it is text (about 60,000 instructions a field, every run); these are all defined above
# their use, so they are evaluated as written.
from collections.abc import Callable
from decimal import Decimal
from typing import Final, NamedTuple

from participatory.benefits.claims import PensionCreditClaim
from participatory.benefits.kinds import Benefit, EarningsDisregard
from participatory.benefits.law import cite_law
from participatory.benefits.legacy import excess_from_payment, exhausted_finding
from participatory.benefits.mechanism import Context, Income, finding, pounds
from participatory.benefits.outcomes import PeriodNumbers, PeriodOutcome, period_numbers
from participatory.core.explain import Finding, Severity
from participatory.core.nations import Nation
from participatory.core.pennies import to_pennies
from participatory.core.periods import DateRange
from participatory.core.privacy import REDACTED_TEXT

__all__ = ["MESSAGES", "Detail", "assess_week", "explain_week"]

MESSAGES: Final = {
    "benefits.pc.within_disregard": (
        "Pension Credit, the week {start} to {end}: earnings of {earnings} are within the "
        "{disregard} weekly disregard, so Pension Credit is unchanged."
    ),
    "benefits.pc.reduced": (
        "Pension Credit, the week {start} to {end}: earnings of {earnings} are {excess} over "
        "the {disregard} disregard; guarantee credit falls pound for pound, by {reduction}, "
        "from {before} to {after}."
    ),
    "benefits.pc.income_lost": (
        "Pension Credit, the week {start} to {end}: the payments stop {income_lost} of "
        "Carer's Allowance, ESA or JSA in this week, which Pension Credit counts as income; "
        "earnings of {earnings} are {excess} over the {disregard} disregard. Guarantee credit "
        "makes up the income lost, less the earnings the payments add over the disregard: it "
        "goes from {before} to {after}."
    ),
    "benefits.pc.savings_credit": (
        "Savings credit is not modelled: earnings can change it too. Ask the Pension "
        "Service or a welfare-rights adviser."
    ),
    "benefits.action.tell_pension_service": "Tell the Pension Service about the earnings.",
}


class Detail(NamedTuple):
    """What the explanation of a Pension Credit week quotes."""

    total: int
    disregard: int
    nation: Nation
    claim: PensionCreditClaim
    #: Carer's Allowance, ESA or JSA lost in the week without and with the payments.
    lost_before: int
    lost_after: int

    def __repr__(self) -> str:
        # A household's benefits figures are special-category data.
        return f"Detail({REDACTED_TEXT})"


def _category(claim: PensionCreditClaim) -> str:
    # The household fills in a disregard the claim does not state (a couple's £10, State
    # Pension Credit Regs 2002 Sch. VI; a carer's £20, para. 3); a claim read on its own is a
    # single claimant's £5.
    return (claim.disregard or EarningsDisregard.SINGLE).value


def assess_week(
    claim: PensionCreditClaim,
    week: DateRange,
    income: Income,
    ctx: Context,
    *,
    nation: Nation,
    income_lost: Callable[[DateRange], tuple[int, int]] | None = None,
) -> PeriodNumbers:
    """Guarantee credit for ``week``: pound for pound above the disregard, never below nil.

    ``income_lost`` gives the Carer's Allowance, ESA or JSA the household loses in a week,
    without and with the payments (below what regular earnings leave): guarantee credit makes
    it up.
    """
    award = claim.award_pennies
    name = f"pension_credit.earnings_disregard.{_category(claim)}"
    disregard = to_pennies(Decimal(ctx.use(name, week.start).value))  # type: ignore[arg-type]
    total = income.base + income.added
    lost_before, lost_after = income_lost(week) if income_lost is not None else (0, 0)
    # The award on the statement already allows for regular earnings: only what other
    # payments and these add over them comes off. Guarantee credit is what the minimum
    # guarantee leaves of the week's income (SPCA 2002 s. 2(2)), which counts CA, ESA and JSA
    # in full (s. 15(1)(b); SPC Regs 2002 reg. 15(1)): the statement's award already takes off
    # the regular CA, so a week of it lost raises the award by as much, less the earnings
    # over the disregard (above the statement's award if they are less, never by more than
    # was lost).
    before = max(
        0, award - excess_from_payment(income.regular, income.base, disregard) + lost_before
    )
    after = max(0, award - excess_from_payment(income.regular, total, disregard) + lost_after)
    return period_numbers(
        (
            Benefit.PENSION_CREDIT,
            week,
            before,
            after,
            income.added,
            False,
            None,
            before,
            Detail(total, disregard, nation, claim, lost_before, lost_after),
            explain_week,
        )
    )


def explain_week(outcome: PeriodOutcome, ctx: Context) -> tuple[Finding, ...]:
    """The findings of one Pension Credit week, from its numbers."""
    d: Detail = outcome.detail  # type: ignore[assignment]
    claim = d.claim
    week = outcome.period
    use = ctx.use(f"pension_credit.earnings_disregard.{_category(claim)}", week.start)
    reduction = outcome.before_pennies - outcome.after_pennies
    values = {
        "start": week.start,
        "end": week.end,
        "earnings": pounds(d.total),
        "disregard": pounds(d.disregard),
        "excess": pounds(max(0, d.total - d.disregard)),
        "reduction": pounds(reduction),
        "before": outcome.before,
        "after": outcome.after,
    }
    if d.lost_after != d.lost_before:
        values["income_lost"] = pounds(d.lost_after - d.lost_before)
        found = [
            finding(
                "BEN-PC-INCOME-LOST",
                Severity.WARNING if reduction > 0 else Severity.INFO,
                "benefits.pc.income_lost",
                values,
                citations=(
                    cite_law("pension_credit.income_counted", d.nation),
                    cite_law("pension_credit.disregards", d.nation),
                ),
                parameters=(use,),
                actions=("benefits.action.tell_pension_service",),
            )
        ]
    else:
        found = [
            finding(
                "BEN-PC-DISREGARD",
                Severity.WARNING if reduction else Severity.INFO,
                "benefits.pc.reduced" if reduction else "benefits.pc.within_disregard",
                values,
                citations=(cite_law("pension_credit.disregards", d.nation),),
                parameters=(use,),
                actions=("benefits.action.tell_pension_service",) if reduction else (),
            )
        ]
    if reduction > 0 and outcome.after_pennies == 0:
        found.append(exhausted_finding(week))
    if claim.savings_credit:
        found.append(
            finding("BEN-PC-SAVINGS-CREDIT", Severity.WARNING, "benefits.pc.savings_credit")
        )
    return tuple(found)
