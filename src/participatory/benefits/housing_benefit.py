"""Housing Benefit: a weekly disregard, then a taper of 65% of the household's earnings above it.

The Housing Benefit Regulations 2006 (working age, Sch. 4) and the pension-age regulations
ignore a fixed amount of the household's weekly earnings — £5 single, £10 couple, £25 lone
parent, £20 in the "higher" cases (among them a carer: Carer's Allowance brings the carer
premium, and with it £20 of the carer's earnings) — and reduce the award by 65% of net
income above the applicable amount (reg. 71). A claimant on a means-tested benefit (Pension
Credit guarantee credit, Income Support, income-based JSA or income-related ESA) gets maximum
Housing Benefit (*passported*); if the payments end that benefit, the council works Housing
Benefit out again. Alongside Universal Credit (supported or temporary accommodation) the
rules differ and the case is referred.

>>> import datetime as dt
>>> from participatory.benefits.claims import HousingBenefitClaim
>>> from participatory.benefits.household import Household
>>> from participatory.benefits.engine import assess_payment
>>> home = Household(housing_benefit=HousingBenefitClaim(weekly_award="100.00"))
>>> assess_payment(home, "25.00", "2025-06-11").change()
Money('-13.00', 'GBP')

A single claimant who gets Carer's Allowance keeps £20 of her earnings, not £5: 65% of £5.

>>> from participatory.benefits.claims import CarersAllowanceClaim
>>> from participatory.benefits.household import Person
>>> carer = Household(people=[Person(carers_allowance=CarersAllowanceClaim())],
...                   housing_benefit=HousingBenefitClaim(weekly_award="100.00"))
>>> assess_payment(carer, "25.00", "2025-06-11").change()
Money('-3.25', 'GBP')
"""

# No `from __future__ import annotations`: typing.NamedTuple compiles each field's annotation
# when it is text (about 60,000 instructions a field, every run); these are all defined above
# their use, so they are evaluated as written.
from collections.abc import Callable
from decimal import Decimal
from typing import Final, NamedTuple

from participatory.benefits.claims import HousingBenefitClaim
from participatory.benefits.kinds import Benefit, HousingBenefitDisregard
from participatory.benefits.law import cite_law
from participatory.benefits.legacy import excess_from_payment, exhausted_finding
from participatory.benefits.mechanism import (
    ZERO,
    Context,
    Income,
    finding,
    pounds,
    ratio,
    taper_pennies,
)
from participatory.benefits.outcomes import PeriodNumbers, PeriodOutcome, period_numbers
from participatory.core.explain import Finding, Severity
from participatory.core.nations import Nation
from participatory.core.pennies import to_pennies
from participatory.core.periods import DateRange
from participatory.core.privacy import REDACTED_TEXT

__all__ = ["MESSAGES", "Detail", "Passport", "assess_week", "explain_week"]

MESSAGES: Final = {
    "benefits.hb.within_disregard": (
        "Housing Benefit, the week {start} to {end}: earnings of {earnings} are within the "
        "{disregard} weekly disregard, so Housing Benefit is unchanged."
    ),
    "benefits.hb.reduced": (
        "Housing Benefit, the week {start} to {end}: earnings of {earnings} are {excess} over "
        "the {disregard} disregard; at most {rate} of that, {reduction}, comes off Housing "
        "Benefit (from {before} to {after}). If the household's income is below its "
        "applicable amount the fall is smaller; the council decides."
    ),
    "benefits.hb.income_lost": (
        "Housing Benefit, the week {start} to {end}: the payments stop {income_lost} of "
        "Carer's Allowance, ESA or JSA in this week, which Housing Benefit counts as income; "
        "earnings of {earnings} are {excess} over the {disregard} disregard. The income lost "
        "offsets the earnings: at most {rate} of what is left, {reduction}, comes off Housing "
        "Benefit (from {before} to {after}), and it never rises above the award on the "
        "statement. If the household's income is below its applicable amount the fall is "
        "smaller; the council decides."
    ),
    "benefits.hb.passported": (
        "Housing Benefit, the week {start} to {end}: the household gets maximum Housing "
        "Benefit because of another means-tested benefit that is still paid, so it is "
        "unchanged."
    ),
    "benefits.hb.passport_lost": (
        "Housing Benefit, the week {start} to {end}: the payment ends the means-tested benefit "
        "that gives maximum Housing Benefit, so the council will work Housing Benefit out "
        "again; this check cannot say by how much. Ask a welfare-rights adviser."
    ),
    "benefits.hb.with_uc": (
        "Housing Benefit alongside Universal Credit (supported or temporary "
        "accommodation) is worked out differently and is not modelled; ask the council "
        "or a welfare-rights adviser."
    ),
    "benefits.action.tell_council": "Tell the council's Housing Benefit team about the earnings.",
}


class Passport(NamedTuple):
    """What the household's other benefits mean for Housing Benefit in a week."""

    #: Maximum HB because of a means-tested benefit.
    passported: bool
    #: Whether the payments end that benefit in a week (a function of the week).
    lost: Callable[[DateRange], bool]
    #: Alongside Universal Credit: referred.
    with_universal_credit: bool
    #: How much Carer's Allowance, ESA or JSA (income for HB) is lost in a week, below what
    #: regular earnings alone leave: without and with the payments.
    income_lost: Callable[[DateRange], tuple[int, int]]

    def __repr__(self) -> str:
        # A household's benefits figures are special-category data.
        return f"Passport({REDACTED_TEXT})"


class Detail(NamedTuple):
    """What the explanation of a Housing Benefit week quotes."""

    kind: str
    total: int
    rate: Decimal
    nation: Nation
    claim: HousingBenefitClaim
    #: The Carer's Allowance, ESA or JSA the payments stop in the week (pennies).
    income_lost: int = 0

    def __repr__(self) -> str:
        # A household's benefits figures are special-category data.
        return f"Detail({REDACTED_TEXT})"


def _category(claim: HousingBenefitClaim) -> str:
    # The household fills in a disregard the claim does not state (a couple's £10, HB Regs
    # 2006 Sch. 4 para. 9; a carer's £20, HB (SPC) Regs 2006 Sch. 4 para. 4); a claim read on
    # its own is a single claimant's £5 (para. 10).
    return (claim.disregard or HousingBenefitDisregard.SINGLE).value


def assess_week(
    claim: HousingBenefitClaim,
    week: DateRange,
    income: Income,
    ctx: Context,
    *,
    passport: Passport,
    nation: Nation,
) -> PeriodNumbers:
    """At most 65% of earnings above the disregard, unless passported or referred."""
    award = claim.award_pennies
    total = income.base + income.added

    def outcome(
        after: int, kind: str, rate: Decimal = ZERO, before: int = award, income_lost: int = 0
    ) -> PeriodNumbers:
        return period_numbers(
            (
                Benefit.HOUSING_BENEFIT,
                week,
                before,
                after,
                income.added,
                False,
                None,
                before,
                Detail(kind, total, rate, nation, claim, income_lost),
                explain_week,
            )
        )

    if passport.with_universal_credit:
        return outcome(award, "with_uc")
    if passport.passported:
        return outcome(award, "passport_lost" if passport.lost(week) else "passported")
    name = f"housing_benefit.earnings_disregard.{_category(claim)}"
    disregard = to_pennies(Decimal(ctx.use(name, week.start).value))  # type: ignore[arg-type]
    rate = Decimal(ctx.use("housing_benefit.withdrawal_rate", week.start).value)  # type: ignore[arg-type]
    taper = ratio(rate)
    # The award on the statement already allows for regular earnings. The taper applies to the
    # week's earnings above them as a whole (rounded once), so paying in parts never loses a
    # penny more or less than paying the same in one go. HB counts Carer's Allowance, ESA and
    # JSA as income: what is lost of them offsets the earnings, never lifting HB above the
    # award on the statement.
    lost_before, lost_after = passport.income_lost(week)
    earlier = max(0, excess_from_payment(income.regular, income.base, disregard) - lost_before)
    later = max(0, excess_from_payment(income.regular, total, disregard) - lost_after)
    before = max(0, award - taper_pennies(earlier, taper, claimants_favour=True))
    after = max(0, award - taper_pennies(later, taper, claimants_favour=True))
    return outcome(after, "taper", rate, before, lost_after - lost_before)


def explain_week(outcome: PeriodOutcome, ctx: Context) -> tuple[Finding, ...]:
    """The findings of one Housing Benefit week, from its numbers."""
    d: Detail = outcome.detail  # type: ignore[assignment]
    claim = d.claim
    week = outcome.period
    span = {"start": week.start, "end": week.end}
    if d.kind == "with_uc":
        return (finding("BEN-HB-WITH-UC", Severity.REFER, "benefits.hb.with_uc"),)
    if d.kind == "passport_lost":
        return (
            finding(
                "BEN-HB-PASSPORT-LOST",
                Severity.REFER,
                "benefits.hb.passport_lost",
                span,
                citations=(cite_law("housing_benefit.disregards", d.nation),),
                actions=("benefits.action.tell_council",),
            ),
        )
    if d.kind == "passported":
        return (finding("BEN-HB-PASSPORTED", Severity.INFO, "benefits.hb.passported", span),)
    d_use = ctx.use(f"housing_benefit.earnings_disregard.{_category(claim)}", week.start)
    r_use = ctx.use("housing_benefit.withdrawal_rate", week.start)
    disregard = to_pennies(Decimal(d_use.value))  # type: ignore[arg-type]
    reduction = outcome.before_pennies - outcome.after_pennies
    values = {
        **span,
        "earnings": pounds(d.total),
        "disregard": pounds(disregard),
        "excess": pounds(max(0, d.total - disregard)),
        "reduction": pounds(reduction),
        "before": outcome.before,
        "after": outcome.after,
        "rate": f"{d.rate * 100:.0f}%",
    }
    # Earnings over the disregard that the income lost offsets are not "within" it.
    if d.income_lost and d.total > disregard:
        values["income_lost"] = pounds(d.income_lost)
        rule, key = "BEN-HB-INCOME-LOST", "benefits.hb.income_lost"
    elif reduction:
        rule, key = "BEN-HB-TAPER", "benefits.hb.reduced"
    else:
        rule, key = "BEN-HB-DISREGARD", "benefits.hb.within_disregard"
    found = [
        finding(
            rule,
            Severity.WARNING if reduction else Severity.INFO,
            key,
            values,
            citations=(
                cite_law("housing_benefit.disregards", d.nation),
                cite_law("housing_benefit.taper", d.nation),
                *(
                    (cite_law("housing_benefit.income_counted", d.nation),)
                    if "income_lost" in values
                    else ()
                ),
            ),
            parameters=(d_use, r_use),
            actions=("benefits.action.tell_council",) if reduction else (),
        )
    ]
    if reduction and outcome.after_pennies == 0:
        found.append(exhausted_finding(week))
    return tuple(found)
