"""The mechanism every benefit module shares: parameters for a period, weekly rules, findings.

Each benefit is a small module holding only its own rule (like python-holidays' one
module per country over a common base). The shared parts live here:

* :class:`Context` reads dated parameters for the *start* of a period (UC uses the value
  in force on the first day of the assessment period; weekly benefits on the first day of
  the benefit week), and records any stale fallback the caller opted into;
* :class:`WeeklyRule`, the base of every weekly benefit (Carer's Allowance, ESA, legacy
  benefits, Housing Benefit, Pension Credit);
* helpers to build sensitive findings and to round the way the rules say.

>>> from decimal import Decimal
>>> round_in_claimants_favour(Decimal("8.8055"))
Decimal('8.80')
"""

from __future__ import annotations

import abc
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from decimal import ROUND_DOWN, Decimal
from types import MappingProxyType
from typing import Any, ClassVar, Final, Generic, TypeVar

import attrs

from participatory.benefits.circumstances import Benefit
from participatory.benefits.outcomes import PeriodOutcome
from participatory.core import params
from participatory.core.explain import Citation, Finding, ParameterUse, Severity
from participatory.core.money import Money
from participatory.core.periods import BenefitWeekCycle, DateRange

__all__ = [
    "NOTHING",
    "Context",
    "WeekIncome",
    "WeeklyRule",
    "exhausted_finding",
    "finding",
    "gbp",
    "period_outcome",
    "resolved",
    "round_in_claimants_favour",
    "slot_setters",
]

PENNY: Final = Decimal("0.01")
ZERO: Final = Decimal(0)


def round_in_claimants_favour(deduction: Decimal) -> Decimal:
    """Round a *deduction* down to the penny, so any fraction goes the claimant's way.

    UC Regs 2013 reg. 6(1): a fraction of a penny is treated as a penny if that is to the
    claimant's advantage and otherwise disregarded. Applied to amounts taken off an award.
    """
    return deduction.quantize(PENNY, rounding=ROUND_DOWN)


_new = object.__new__


def slot_setters(cls: type, names: tuple[str, ...]) -> tuple[Callable[[Any, Any], None], ...]:
    """The slot descriptors' setters of a frozen attrs class, if its fields are ``names``.

    Setting a slot through its descriptor skips the attribute look-up by name that
    ``object.__setattr__`` does. Empty when the class's fields have changed, so the
    builders below fall back to the class's own ``__init__`` rather than miss a field.
    """
    if tuple(field.name for field in attrs.fields(cls)) != names:
        return ()
    return tuple(getattr(cls, name).__set__ for name in names)


_set_amount, _set_currency = slot_setters(Money, ("amount", "currency"))


def gbp(amount: Decimal) -> Money:
    """Pounds from an exact Decimal (the engine works in Decimals and wraps at the end).

    The amount is already an exact Decimal computed from validated inputs, so the hot
    path skips :class:`Money`'s converters (a benchmarked cost, not a shortcut in rules).
    """
    money: Money = _new(Money)
    _set_amount(money, amount)
    _set_currency(money, "GBP")
    return money


#: Nothing, in pounds: one shared value (Money is immutable), wrapped once.
NOTHING: Final = gbp(ZERO)

_FINDING_SLOTS: Final = slot_setters(
    Finding,
    (
        "rule_id",
        "severity",
        "message_key",
        "values",
        "citations",
        "parameters",
        "actions",
        "sensitive",
        "subject",
    ),
)


def finding(
    rule_id: str,
    severity: Severity,
    message_key: str,
    values: Mapping[str, Any] | None = None,
    *,
    citations: Iterable[Citation] = (),
    parameters: Iterable[ParameterUse] = (),
    actions: Iterable[str] = (),
    sensitive: bool = True,
) -> Finding:
    """A finding about a person's benefits: sensitive unless said otherwise.

    Built without :class:`Finding`'s converters when its fields are the ones known here
    (they only copy the same arguments into tuples and a read-only mapping): a check
    builds several findings per period, and this is a measured share of its time.
    """
    if not _FINDING_SLOTS:
        return Finding(
            rule_id,
            severity,
            message_key,
            values or {},
            tuple(citations),
            tuple(parameters),
            tuple(actions),
            sensitive,
        )
    made: Finding = _new(Finding)
    s_rule, s_severity, s_key, s_values, s_cites, s_params, s_actions, s_sens, s_subject = (
        _FINDING_SLOTS
    )
    s_rule(made, rule_id)
    s_severity(made, severity)
    s_key(made, message_key)
    # A copy: callers reuse and extend one values dict for several findings.
    s_values(made, MappingProxyType(dict(values) if values else {}))
    s_cites(made, tuple(citations))
    s_params(made, tuple(parameters))
    s_actions(made, tuple(actions))
    s_sens(made, sensitive)
    s_subject(made, None)
    return made


_OUTCOME_SLOTS: Final = slot_setters(
    PeriodOutcome, ("findings", "benefit", "period", "before", "after", "counted", "cliff")
)


def period_outcome(
    benefit: Benefit,
    period: DateRange,
    before: Money,
    after: Money,
    counted: Money,
    cliff: bool,
    findings: tuple[Finding, ...],
) -> PeriodOutcome:
    """A :class:`PeriodOutcome` built by a rule, without re-running its converter.

    Every argument already has its field's type (the rules build them), and a batch
    builds one outcome per benefit week or assessment period of every contributor.
    """
    if not _OUTCOME_SLOTS:
        return PeriodOutcome(benefit, period, before, after, counted, cliff, findings=findings)
    made: PeriodOutcome = _new(PeriodOutcome)
    s_findings, s_benefit, s_period, s_before, s_after, s_counted, s_cliff = _OUTCOME_SLOTS
    s_findings(made, findings)
    s_benefit(made, benefit)
    s_period(made, period)
    s_before(made, before)
    s_after(made, after)
    s_counted(made, counted)
    s_cliff(made, cliff)
    return made


#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = {
    "benefits.award_exhausted": (
        "The earnings in the week {start} to {end} take the whole award for that week. "
        "Spreading a payment over several weeks can then lose more in total than paying "
        "it at once, because each week's loss is limited to that week's award."
    ),
}


def excess_from_payment(base: Decimal, total: Decimal, disregard: Decimal) -> Decimal:
    """Earnings over the disregard that the payment adds to a week's other earnings.

    Other earnings use the disregard first, so only the part of the payment above what is
    left of it counts (IS, JSA, ESA, Housing Benefit and Pension Credit alike).
    """
    return max(ZERO, total - disregard) - max(ZERO, base - disregard)


def disregard_values(
    week: DateRange,
    total: Decimal,
    disregard: Decimal,
    reduction: Decimal,
    before: Decimal,
    after: Decimal,
) -> dict[str, object]:
    """The figures every disregard finding quotes, as the messages name them."""
    return {
        "start": week.start,
        "end": week.end,
        "earnings": gbp(total),
        "disregard": gbp(disregard),
        "excess": gbp(max(ZERO, total - disregard)),
        "reduction": gbp(reduction),
        "before": gbp(before),
        "after": gbp(after),
    }


def exhausted_finding(week: DateRange) -> Finding:
    """The award for a week is used up: why splitting a payment can then cost more."""
    return finding(
        "BEN-AWARD-EXHAUSTED",
        Severity.WARNING,
        "benefits.award_exhausted",
        {"start": week.start, "end": week.end},
    )


class Context:
    """Parameter look-ups for one check: which set, and whether stale values are allowed."""

    __slots__ = ("allow_stale", "parameters", "stale")

    def __init__(self, parameters: params.ParameterSet, *, allow_stale: bool = False) -> None:
        self.parameters = parameters
        self.allow_stale = allow_stale
        #: Every stale value used, so the check can report each one.
        self.stale: dict[str, ParameterUse] = {}

    def use(self, name: str, day: dt.date) -> ParameterUse:
        """The value of ``name`` in force on ``day`` (the start of the period)."""
        use = self.parameters.use(name, day, allow_stale=self.allow_stale)
        if use.stale:
            self.stale[name] = use
        return use

    def number(self, name: str, day: dt.date) -> tuple[Decimal, ParameterUse]:
        """A numeric parameter as a Decimal, with the record of the value used.

        Remembered per parameter set, name, day and ``allow_stale`` across checks: the
        weekly rules ask for the same figures for every week of every contributor.
        """
        key = (id(self.parameters), name, day, self.allow_stale)
        hit = _NUMBERS.get(key)
        if hit is not None and hit[0] is self.parameters:
            use = hit[2]
            if use.stale:
                self.stale[name] = use
            return hit[1], use
        use = self.use(name, day)
        value = use.value
        if isinstance(value, bool) or not isinstance(value, Decimal | int):
            raise TypeError(f"parameter {name!r} is not a number")
        number = Decimal(value)
        if len(_NUMBERS) >= _RATES_LIMIT:
            _NUMBERS.clear()
        _NUMBERS[key] = (self.parameters, number, use)
        return number, use


_RATES: dict[
    tuple[int, str, dt.date, bool], tuple[params.ParameterSet, object, tuple[ParameterUse, ...]]
]
_RATES = {}
_RATES_LIMIT: Final = 100_000
# The parameter set is kept in the value so that a recycled id() never matches.
_NUMBERS: dict[tuple[int, str, dt.date, bool], tuple[params.ParameterSet, Decimal, ParameterUse]]
_NUMBERS = {}
T = TypeVar("T")


def resolved(
    ctx: Context,
    key: str,
    day: dt.date,
    build: Callable[[Context, dt.date], tuple[T, tuple[ParameterUse, ...]]],
) -> tuple[T, tuple[ParameterUse, ...]]:
    """Parameters for one period, resolved once per parameter set, rule and start day.

    ``build`` reads the parameters and returns ``(rates, uses)``; later calls for the same
    set, ``key`` and ``day`` reuse the result (stale values are still reported).
    """
    cache_key = (id(ctx.parameters), key, day, ctx.allow_stale)
    hit = _RATES.get(cache_key)
    if hit is not None and hit[0] is ctx.parameters:
        uses = hit[2]
        if ctx.allow_stale:
            for use in uses:
                if use.stale:
                    ctx.stale[use.name] = use
        return hit[1], uses  # type: ignore[return-value]
    value, uses = build(ctx, day)
    if len(_RATES) >= _RATES_LIMIT:
        _RATES.clear()
    _RATES[cache_key] = (ctx.parameters, value, uses)
    return value, uses


class WeekIncome:
    """Earnings counted and hours worked in one benefit week, from the payments checked."""

    __slots__ = ("earnings", "hours")

    def __init__(self) -> None:
        self.earnings = ZERO
        self.hours = ZERO


ClaimT = TypeVar("ClaimT")


class WeeklyRule(abc.ABC, Generic[ClaimT]):
    """Base of a weekly benefit rule: earnings counted in the benefit week received."""

    #: The benefit this rule decides.
    benefit: ClassVar[Benefit]
    #: Whether Universal Credit counts this benefit as unearned income (reg. 66(1)(b)).
    counts_for_universal_credit: ClassVar[bool] = False

    @abc.abstractmethod
    def weeks(self, claim: ClaimT) -> BenefitWeekCycle:
        """The claim's benefit weeks."""

    @abc.abstractmethod
    def assess_week(
        self, claim: ClaimT, week: DateRange, income: WeekIncome, ctx: Context
    ) -> PeriodOutcome:
        """The benefit for ``week`` before and after the payments counted in it."""

    def weekly_amount(self, claim: ClaimT, day: dt.date, ctx: Context) -> Decimal:
        """The weekly award before any payment (for UC's unearned income)."""
        raise NotImplementedError

    def outcome(
        self,
        week: DateRange,
        before: Decimal,
        after: Decimal,
        counted: Decimal,
        findings: tuple[Finding, ...],
        *,
        cliff: bool = False,
        benefit: Benefit | None = None,
    ) -> PeriodOutcome:
        """Wrap a week's figures as an explained outcome.

        ``benefit`` names the benefit when one rule serves several (the legacy benefits).
        """
        before_money = gbp(before)
        # Unchanged is the common case: one Money serves both fields.
        after_money = before_money if after is before else gbp(after)
        return period_outcome(
            benefit or self.benefit,
            week,
            before_money,
            after_money,
            gbp(counted),
            cliff,
            findings,
        )
