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
from participatory.core.messages import define_messages
from participatory.core.money import Money
from participatory.core.periods import BenefitWeekCycle, DateRange

__all__ = [
    "Context",
    "WeekIncome",
    "WeeklyRule",
    "exhausted_finding",
    "finding",
    "gbp",
    "resolved",
    "round_in_claimants_favour",
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
_set = object.__setattr__
# Money's slot descriptors set a frozen instance's fields without a look-up by name.
_set_amount = Money.__dict__["amount"].__set__
_set_currency = Money.__dict__["currency"].__set__


def gbp(amount: Decimal) -> Money:
    """Pounds from an exact Decimal (the engine works in Decimals and wraps at the end).

    The amount is already an exact Decimal computed from validated inputs, so the hot
    path skips :class:`Money`'s converters (a benchmarked cost, not a shortcut in rules).
    """
    money: Money = _new(Money)
    _set_amount(money, amount)
    _set_currency(money, "GBP")
    return money


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
    if not _FINDING_FAST:
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
    _set(made, "rule_id", rule_id)
    _set(made, "severity", severity)
    _set(made, "message_key", message_key)
    _set(made, "values", MappingProxyType(dict(values) if values else {}))
    _set(made, "citations", tuple(citations))
    _set(made, "parameters", tuple(parameters))
    _set(made, "actions", tuple(actions))
    _set(made, "sensitive", sensitive)
    _set(made, "subject", None)
    return made


_FINDING_FAST: Final = tuple(field.name for field in attrs.fields(Finding)) == (
    "rule_id",
    "severity",
    "message_key",
    "values",
    "citations",
    "parameters",
    "actions",
    "sensitive",
    "subject",
)


define_messages(
    {
        "benefits.award_exhausted": (
            "The earnings in the week {start} to {end} take the whole award for that week. "
            "Spreading a payment over several weeks can then lose more in total than paying "
            "it at once, because each week's loss is limited to that week's award."
        ),
    }
)


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
    ) -> PeriodOutcome:
        """Wrap a week's figures as an explained outcome."""
        return PeriodOutcome(
            self.benefit,
            week,
            gbp(before),
            gbp(after),
            gbp(counted),
            cliff,
            findings=findings,
        )
