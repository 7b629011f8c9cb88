"""The Universal Credit benefit cap: a limit on a household's welfare benefits in one AP.

The rules, from the Welfare Reform Act 2012 s.96 and the Universal Credit Regulations 2013
Part 7 (read at legislation.gov.uk; see ``data/parameters/benefits/benefit_cap.toml``):

* **When** (reg. 79(1)-(2)): unless reg. 82 or 83 applies, the cap applies where the welfare
  benefits the single person or couple is entitled to in the assessment period exceed the
  **relevant amount**: the annual limit divided by 12 (reg. 80A), higher for a couple or a
  claimant responsible for a child, and higher in Greater London.
* **What counts** (reg. 80): Universal Credit before the cap reduction (reg. 80(2)), and the
  other welfare benefits (WRA 2012 s.96(10)) the household model knows: Child Benefit
  (weekly, × 52 ÷ 12, reg. 80(5)) and new-style ESA or JSA at the amount Universal Credit
  takes into account as unearned income (reg. 80(4)). Carer's Allowance is not one of them
  since 2016, and a household that gets it has the carer element, which lifts the cap.
* **The reduction** (reg. 81): the excess over the relevant amount (less any childcare
  costs element, which the library does not model), never more than the award.
* **Exceptions**: earned income (a couple's combined) at or above 16 hours a week at the
  National Living Wage, monthly, rounded down to a whole pound (reg. 82(1)(a), reg. 6(1A));
  an AP in, or in which begins or ends, a 9-month grace period (reg. 82(1)(b), (2)); the LCWRA
  or carer element in the award, or a claimant (or, for DLA and PIP, a child) receiving a
  disability benefit (reg. 83). Industrial Injuries Benefit, war pensions, Armed Forces
  compensation and ESA with the support component also lift the cap; the household model does
  not record them, so a finding says the answer assumes none.

So earnings matter twice: they reduce the award before the cap, which shrinks the excess
(a capped household loses nothing until the excess is used up), and earnings reaching the
exception lift the cap altogether, so a fee can *raise* Universal Credit.

Northern Ireland has its own regulations (UC Regs (NI) 2016 Part 7); their amounts are not
bundled, so the cap is not applied there and a finding says so.

Worked example (2025/26, outside Greater London, couple or with children): the relevant
amount is £22,020 ÷ 12 = £1,835.00; the earnings exception is £12.21 × 16 × 52 ÷ 12 =
£846.56, rounded down to £846.

>>> import datetime as dt
>>> from participatory.benefits.mechanism import Context
>>> from participatory.core.params import bundled_parameters
>>> r = cap_rates(Context(bundled_parameters()), dt.date(2025, 10, 6))
>>> r.family_elsewhere, r.threshold
(183500, 84600)
"""

# No `from __future__ import annotations`: typing.NamedTuple compiles each field's annotation
# when it is text (about 60,000 instructions a field, every run); these are all defined above
# their use, so they are evaluated as written.
import datetime as dt
import enum
from typing import Final, NamedTuple

from participatory.benefits.household import ChildDisability, Household
from participatory.benefits.law import cite_law
from participatory.benefits.mechanism import Context, RateReader, finding, pounds
from participatory.core.explain import Finding, ParameterUse, Severity
from participatory.core.nations import Nation
from participatory.core.pennies import round_half_up
from participatory.core.periods import DateRange
from participatory.core.privacy import REDACTED_TEXT
from participatory.core.record import SlottedRecord
from participatory.core.sources import Citation, cite

__all__ = [
    "CAP_MESSAGES",
    "CapRates",
    "CapState",
    "Exemption",
    "benefit_exemption",
    "cap_findings",
    "cap_rates",
    "cap_state",
    "child_benefit_monthly",
    "in_grace_period",
    "reductions",
]

_CAP: Final = "universal_credit.benefit_cap."
_UNRECORDED: Final = (
    " This assumes no one in the household gets Industrial Injuries Benefit, a war pension, "
    "Armed Forces compensation or ESA with the support component, and that no grace period "
    "applies: any of them lifts the cap."
)

#: English templates, merged into the ``MESSAGES`` of
#: :mod:`participatory.benefits.universal_credit`.
CAP_MESSAGES: Final = {
    "benefits.uc.benefit_cap": (
        "Universal Credit, the assessment period {start} to {end}: the benefit cap of {limit} "
        "a month applies. Universal Credit before the cap ({uc}), Child Benefit "
        "({child_benefit}) and new-style ESA or JSA ({other}) come to {total}, {excess} over "
        "the cap, so Universal Credit is reduced by {reduction}, to {after}. Earnings first "
        "use up the amount over the cap, so a fall from earnings is partly or wholly made up "
        "by a smaller reduction." + _UNRECORDED
    ),
    "benefits.uc.benefit_cap_lifted": (
        "Universal Credit, the assessment period {start} to {end}: with these payments, "
        "earnings of {earnings} reach the {threshold} earnings exception (16 hours a week at "
        "the National Living Wage), so the benefit cap, which takes {reduction} off Universal "
        "Credit without them, does not apply in this period: Universal Credit rises to "
        "{after}. The cap comes back in a period with lower earnings."
    ),
    "benefits.uc.benefit_cap_exempt_earnings": (
        "Universal Credit, the assessment period {start} to {end}: the benefits come to more "
        "than the {limit} benefit cap, but earnings of {earnings} are at or above the "
        "{threshold} earnings exception, so the cap does not apply in this period."
    ),
    "benefits.uc.benefit_cap_exempt.lcwra": (
        "The household's benefits are above the benefit cap of {limit}, but the cap does not "
        "apply: the award includes the LCWRA element."
    ),
    "benefits.uc.benefit_cap_exempt.carer": (
        "The household's benefits are above the benefit cap of {limit}, but the cap does not "
        "apply: the award includes the carer element."
    ),
    "benefits.uc.benefit_cap_exempt.disability_benefit": (
        "The household's benefits are above the benefit cap of {limit}, but the cap does not "
        "apply: a member gets a disability benefit (PIP, DLA, Attendance Allowance or a "
        "Scottish equivalent)."
    ),
    "benefits.uc.benefit_cap_exempt.child_disability": (
        "The household's benefits are above the benefit cap of {limit}, but the cap does not "
        "apply: a child gets a disability benefit (DLA, PIP or Child Disability Payment)."
    ),
    "benefits.uc.benefit_cap_exempt.grace_period": (
        "The household's benefits are above the benefit cap of {limit}, but the cap does not "
        "apply: the assessment period is in a benefit cap grace period (from {grace_start})."
    ),
    "benefits.uc.benefit_cap_london_unknown": (
        "Whether the household lives in Greater London is not known. The cap used is "
        "{limit}, the limit outside Greater London; in Greater London it is {london_limit}, "
        "and Universal Credit would be reduced by {london_reduction} instead of {reduction}. "
        "Record whether the home is in Greater London for a firmer answer."
    ),
    "benefits.uc.benefit_cap_northern_ireland": (
        "The household's benefits may be above the benefit cap. In Northern Ireland the cap "
        "is set by Northern Ireland's own regulations, whose amounts the library does not "
        "hold, so it is not applied here; ask a welfare-rights adviser."
    ),
}


class CapRates(SlottedRecord):
    """The cap's figures for an AP starting on one day.

    Monthly pennies; Child Benefit in weekly pennies. Published figures only, so the repr
    shows them.
    """

    # In the order of the constructor's parameters (the fields' order), not sorted.
    __slots__ = (  # noqa: RUF023
        "family_london",
        "single_london",
        "family_elsewhere",
        "single_elsewhere",
        "threshold",
        "child_benefit_eldest",
        "child_benefit_other",
        "grace_months",
        "stale",
    )

    family_london: Final[int]
    single_london: Final[int]
    family_elsewhere: Final[int]
    single_elsewhere: Final[int]
    #: The earnings exception, rounded down to a whole pound.
    threshold: Final[int]
    child_benefit_eldest: Final[int]
    child_benefit_other: Final[int]
    grace_months: Final[int]
    #: The stale values read for the record (each check that reads it reports them).
    stale: Final[tuple[ParameterUse, ...]]

    def __init__(
        self,
        family_london: int,
        single_london: int,
        family_elsewhere: int,
        single_elsewhere: int,
        threshold: int,
        child_benefit_eldest: int,
        child_benefit_other: int,
        grace_months: int,
        stale: tuple[ParameterUse, ...],
    ) -> None:
        self.family_london = family_london
        self.single_london = single_london
        self.family_elsewhere = family_elsewhere
        self.single_elsewhere = single_elsewhere
        self.threshold = threshold
        self.child_benefit_eldest = child_benefit_eldest
        self.child_benefit_other = child_benefit_other
        self.grace_months = grace_months
        self.stale = stale

    def __repr__(self) -> str:
        return self._shown()


def _build(read: RateReader) -> CapRates:
    def monthly(name: str) -> int:
        return round_half_up(read.pennies(_CAP + "annual_limit." + name), 12)

    numerator, denominator = read.number(_CAP + "earnings_exception_hours").as_integer_ratio()
    wage = read.pennies("national_living_wage.hourly_rate")
    # Pennies of the exact monthly amount, then down to a whole pound (reg. 6(1A)(za)).
    threshold = wage * numerator * 52 // (denominator * 12 * 100) * 100
    return CapRates(
        family_london=monthly("family.greater_london"),
        single_london=monthly("single.greater_london"),
        family_elsewhere=monthly("family.elsewhere"),
        single_elsewhere=monthly("single.elsewhere"),
        threshold=threshold,
        child_benefit_eldest=read.pennies("child_benefit.weekly_rate.eldest"),
        child_benefit_other=read.pennies("child_benefit.weekly_rate.other"),
        grace_months=int(read.number(_CAP + "grace_period_months")),
        stale=tuple(read.stale),
    )


def cap_rates(ctx: Context, day: dt.date) -> CapRates:
    """The cap's figures for an AP starting on ``day`` (read once per context and day)."""
    return ctx.rates(_build, day)


# Enum members named through their class go through EnumType's __getattr__ hook on
# CPython 3.11 (a slow attribute look-up on every use): the numbers path names them here.
_NI: Final = Nation.NORTHERN_IRELAND
_ENGLAND: Final = Nation.ENGLAND
_NOT_DISABLED: Final = ChildDisability.NONE


class Exemption(enum.Enum):
    """Why the cap does not apply to a household whatever its earnings (reg. 82(1)(b), 83)."""

    LCWRA = "lcwra"
    CARER = "carer"
    DISABILITY_BENEFIT = "disability_benefit"
    CHILD_DISABILITY = "child_disability"
    GRACE_PERIOD = "grace_period"


def _months_later(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def in_grace_period(household: Household, period: DateRange, months: int) -> bool:
    """Whether ``period`` is in the claim's grace period, or is the AP it begins or ends in."""
    claim = household.universal_credit
    start = None if claim is None else claim.benefit_cap_grace_period_start
    if start is None:
        return False
    last = _months_later(start, months) - dt.timedelta(days=1)
    return period.start <= last and period.end >= start


def benefit_exemption(household: Household, day: dt.date) -> Exemption | None:
    """The reg. 83 exception the household model shows on ``day``, if any.

    The LCWRA and carer elements as :mod:`universal_credit` includes them; a member's PIP,
    DLA or Attendance Allowance (or the Scottish equivalents); a child's disability benefit,
    which the disabled child addition records (DLA, PIP or Child Disability Payment; a child
    at the higher rate only for being certified blind is counted too, a simplification).
    """
    profile = household.profile
    if profile.cap_exempt:
        return Exemption(profile.cap_exempt)
    if profile.disabled_children:
        for term in profile.child_terms:
            if term.disability is not _NOT_DISABLED and term.first_day <= day <= term.last_day:
                return Exemption.CHILD_DISABILITY
    return None


def _children_counted(household: Household, day: dt.date) -> int:
    """How many children and young persons the household is responsible for on ``day``.

    The cap asks on an AP's last day: a change takes effect from the first day of the AP it
    happens in (D&A Regs 2013 Sch. 1 para. 20), as for the child elements.
    """
    counted = 0
    for term in household._profile.child_terms:
        if term.first_day <= day <= term.last_day:
            counted += 1
    return counted


def child_benefit_monthly(household: Household, day: dt.date, r: CapRates) -> int:
    """The household's Child Benefit as a monthly amount (pennies; 0 if not claimed).

    Paid for each child or qualifying young person the household is responsible for, the
    eldest at the higher rate; weekly × 52 ÷ 12 (reg. 80(5), 73), to the nearest penny.
    """
    return _child_benefit(household.child_benefit, _children_counted(household, day), r)


def _child_benefit(claimed: bool, counted: int, r: CapRates) -> int:
    if not claimed or not counted:
        return 0
    weekly = r.child_benefit_eldest + (counted - 1) * r.child_benefit_other
    return round_half_up(weekly * 52, 12)


class CapState(NamedTuple):
    """The cap in one AP: what applies and the reductions without and with the payments."""

    exemption: Exemption | None
    #: The relevant amount used (pennies; 0 when the cap is not worked out).
    limit: int
    #: The Greater London amount when residence there is unknown (else ``None``).
    london_limit: int | None
    threshold: int
    child_benefit: int
    reduction_before: int
    reduction_after: int
    #: Reductions at the Greater London amount when residence there is unknown.
    london_before: int
    london_after: int
    #: Whether earnings reach the exception without and with the payments.
    exempt_before: bool
    exempt_after: bool
    #: Northern Ireland, where the cap is not applied (its amounts are not bundled).
    not_applied: bool

    def __repr__(self) -> str:
        # A household's benefits figures are special-category data.
        return f"CapState({REDACTED_TEXT})"


_NONE: Final = CapState(None, 0, None, 0, 0, 0, 0, 0, 0, False, False, False)


def _reduction(uc: int, total: int, limit: int) -> int:
    excess = total - limit
    if excess <= 0:
        return 0
    return uc if excess > uc else excess


def cap_state(
    household: Household,
    period: DateRange,
    earnings: tuple[int, int],
    uc: tuple[int, int],
    other: tuple[int, int],
    ctx: Context,
) -> CapState:
    """The cap in ``period``, from the figures without and with the payments.

    ``earnings`` are the combined earned income, ``uc`` the award before the cap (never
    negative) and ``other`` new-style ESA or JSA counted as unearned income.
    """
    day = period.start
    if uc[0] <= 0 and uc[1] <= 0:
        return _NONE
    exemption = benefit_exemption(household, period.end)
    if exemption is not None:
        return _NONE._replace(exemption=exemption)
    r = cap_rates(ctx, day)
    if in_grace_period(household, period, r.grace_months):
        return _NONE._replace(exemption=Exemption.GRACE_PERIOD)
    profile = household.profile
    counted = _children_counted(household, period.end)
    family = profile.couple or counted > 0
    london = _in_london(household)
    limit = _limit(r, family, london=bool(london))
    london_limit = _limit(r, family, london=True) if london is None else None
    child_benefit = _child_benefit(household.child_benefit, counted, r)
    exempt = (earnings[0] >= r.threshold, earnings[1] >= r.threshold)
    cut = [0, 0]
    in_london = [0, 0]
    for state in (0, 1):
        if exempt[state]:
            continue
        total = uc[state] + child_benefit + other[state]
        cut[state] = _reduction(uc[state], total, limit)
        if london_limit is not None:
            in_london[state] = _reduction(uc[state], total, london_limit)
    return CapState(
        None, limit, london_limit, r.threshold, child_benefit, cut[0], cut[1],
        in_london[0], in_london[1], exempt[0], exempt[1],
        household.nation is Nation.NORTHERN_IRELAND,
    )  # fmt: skip


def reductions(
    household: Household,
    period: DateRange,
    earnings: tuple[int, int],
    uc: tuple[int, int],
    other: tuple[int, int],
    ctx: Context,
) -> tuple[int, int]:
    """The cap's reductions of Universal Credit without and with the payments (pennies).

    The hot path: every assessment period of a worked-out award comes here, so what can
    be settled without the day's figures is settled first.
    """
    profile = household._profile
    before, after = uc
    if (before <= 0 and after <= 0) or profile.cap_exempt:
        return 0, 0
    nation = household.nation
    if nation is _NI:
        return 0, 0
    # Most awards are under the cap that applies, with the household's Child Benefit: then
    # neither reduction can be more than nothing, whatever exemption cap_state would find
    # (an exemption only ever takes a reduction away). The cap's amount is the one cap_state
    # reduces by: a family's or a single claimant's, in Greater London or not.
    r: CapRates = ctx.records[_build, period.start]
    if profile.child_terms:
        counted = _children_counted(household, period.end)
        family = profile.couple or counted > 0
        child_benefit = _child_benefit(household.child_benefit, counted, r)
        before += child_benefit
        after += child_benefit
    else:
        family = profile.couple
    if nation is _ENGLAND and household.greater_london:
        limit = r.family_london if family else r.single_london
    else:
        limit = r.family_elsewhere if family else r.single_elsewhere
    other_before, other_after = other
    if before + other_before <= limit and after + other_after <= limit:
        return 0, 0
    state = cap_state(household, period, earnings, uc, other, ctx)
    return state.reduction_before, state.reduction_after


def _citation(household: Household, topic: str) -> Citation:
    # Northern Ireland's cap (UC Regs (NI) 2016 Part 7) is not applied: benefit_law.toml has
    # no entry for it there, and the finding that says so cites the Part.
    if household.nation is Nation.NORTHERN_IRELAND:
        return cite("uc_regs_ni_2016", pinpoint="Part 7 (the benefit cap)")
    return cite_law(f"universal_credit.{topic}", household.nation)


def _uses(ctx: Context, day: dt.date, names: tuple[str, ...]) -> tuple[ParameterUse, ...]:
    return tuple(ctx.use(name, day) for name in names)


def _is_family(household: Household, day: dt.date) -> bool:
    """Joint claimants, or a claimant responsible for a child or young person (reg. 80A)."""
    return household.profile.couple or _children_counted(household, day) > 0


def _in_london(household: Household) -> bool | None:
    """Whether the household is in Greater London (``None``: unknown); never outside England."""
    return household.greater_london if household.nation is Nation.ENGLAND else False


def _limit(r: CapRates, family: bool, *, london: bool) -> int:
    """The relevant amount a month (pennies) for a family or single claimant (reg. 80A)."""
    if london:
        return r.family_london if family else r.single_london
    return r.family_elsewhere if family else r.single_elsewhere


def _limit_names(household: Household, state: CapState, day: dt.date) -> tuple[str, ...]:
    kind = "family" if _is_family(household, day) else "single"
    where = "greater_london" if _in_london(household) else "elsewhere"
    names = [f"{_CAP}annual_limit.{kind}.{where}"]
    if state.london_limit is not None:
        names.append(f"{_CAP}annual_limit.{kind}.greater_london")
    return tuple(names)


def cap_findings(
    household: Household,
    period: DateRange,
    state: CapState,
    uc_after: int,
    other_after: int,
    earnings_after: int,
    ctx: Context,
) -> list[Finding]:
    """What the cap did in ``period``, as findings (none when it played no part)."""
    day = period.start
    span = {"start": period.start, "end": period.end}
    if state.exemption is not None:
        return _exemption_findings(household, period, state.exemption, uc_after + other_after, ctx)
    if state.limit == 0:
        return []
    threshold_uses = _uses(
        ctx, day, (_CAP + "earnings_exception_hours", "national_living_wage.hourly_rate")
    )
    limit_uses = _uses(ctx, day, _limit_names(household, state, period.end))
    if state.not_applied:
        if state.reduction_before or state.reduction_after:
            return [
                finding(
                    "BEN-UC-BENEFIT-CAP-NORTHERN-IRELAND",
                    Severity.REFER,
                    "benefits.uc.benefit_cap_northern_ireland",
                    citations=(_citation(household, "benefit_cap"),),
                )
            ]
        return []
    found: list[Finding] = []
    if state.reduction_before and state.exempt_after:
        found.append(
            finding(
                "BEN-UC-BENEFIT-CAP-LIFTED",
                Severity.INFO,
                "benefits.uc.benefit_cap_lifted",
                {
                    **span,
                    "earnings": pounds(earnings_after),
                    "threshold": pounds(state.threshold),
                    "reduction": pounds(state.reduction_before),
                    "after": pounds(uc_after),
                },
                citations=(_citation(household, "benefit_cap_earnings"),),
                parameters=threshold_uses + limit_uses,
            )
        )
    elif state.reduction_after:
        total = uc_after + state.child_benefit + other_after
        child_use: tuple[ParameterUse, ...] = ()
        if state.child_benefit:
            child_use = _uses(
                ctx, day, ("child_benefit.weekly_rate.eldest", "child_benefit.weekly_rate.other")
            )
        found.append(
            finding(
                "BEN-UC-BENEFIT-CAP",
                Severity.INFO,
                "benefits.uc.benefit_cap",
                {
                    **span,
                    "limit": pounds(state.limit),
                    "uc": pounds(uc_after),
                    "child_benefit": pounds(state.child_benefit),
                    "other": pounds(other_after),
                    "total": pounds(total),
                    "excess": pounds(total - state.limit),
                    "reduction": pounds(state.reduction_after),
                    "after": pounds(uc_after - state.reduction_after),
                },
                citations=(
                    _citation(household, "benefit_cap"),
                    _citation(household, "benefit_cap_exceptions"),
                ),
                parameters=limit_uses + child_use,
            )
        )
    elif state.exempt_after and state.exempt_before:
        total = uc_after + state.child_benefit + other_after
        if total > state.limit:
            found.append(
                finding(
                    "BEN-UC-BENEFIT-CAP-EXEMPT",
                    Severity.INFO,
                    "benefits.uc.benefit_cap_exempt_earnings",
                    {
                        **span,
                        "limit": pounds(state.limit),
                        "earnings": pounds(earnings_after),
                        "threshold": pounds(state.threshold),
                    },
                    citations=(_citation(household, "benefit_cap_earnings"),),
                    parameters=threshold_uses + limit_uses,
                )
            )
    if state.london_limit is not None and (state.reduction_before or state.reduction_after):
        found.append(
            finding(
                "BEN-UC-BENEFIT-CAP-LONDON-UNKNOWN",
                Severity.QUESTION,
                "benefits.uc.benefit_cap_london_unknown",
                {
                    "limit": pounds(state.limit),
                    "london_limit": pounds(state.london_limit),
                    "reduction": pounds(state.reduction_after),
                    "london_reduction": pounds(state.london_after),
                },
                citations=(_citation(household, "benefit_cap"),),
                parameters=limit_uses,
            )
        )
    return found


def _exemption_findings(
    household: Household, period: DateRange, exemption: Exemption, benefits: int, ctx: Context
) -> list[Finding]:
    """Why the cap does not apply, said only for a household whose benefits are over it."""
    day = period.start
    if household.nation is Nation.NORTHERN_IRELAND:
        return []
    r = cap_rates(ctx, day)
    limit = _limit(r, _is_family(household, period.end), london=bool(_in_london(household)))
    if benefits + child_benefit_monthly(household, period.end, r) <= limit:
        return []
    values: dict[str, object] = {"limit": pounds(limit)}
    topic = "benefit_cap_exceptions"
    if exemption is Exemption.GRACE_PERIOD:
        claim = household.universal_credit
        assert claim is not None
        values["grace_start"] = claim.benefit_cap_grace_period_start
        topic = "benefit_cap_earnings"
    return [
        finding(
            "BEN-UC-BENEFIT-CAP-EXEMPT",
            Severity.INFO,
            f"benefits.uc.benefit_cap_exempt.{exemption.value}",
            values,
            citations=(_citation(household, topic),),
        )
    ]
