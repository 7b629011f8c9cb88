"""The mechanism every benefit rule shares: rates for a period, income in a period, rounding.

Each benefit is a small module holding only its own rule (like python-holidays' one module per
country over a common base). Every rule has the same shape (:class:`Rule`): it names its
benefit and its periods, *computes* a period's numbers from the income in it — amounts before
and after, whether it is a cliff — and, only when asked, *explains* them as findings. The
shared parts live here:

* :class:`Context` reads a rule's rates for the *start* of a period as a named record, once
  per parameter set and day (UC uses the figures in force on the first day of the assessment
  period; weekly benefits on the first day of the benefit week), and records any stale
  fallback the caller opted into;
* :class:`Income`, the earnings and hours a period holds before and with the payments;
* rounding as the regulations say, and a helper that builds sensitive findings.

>>> from decimal import Decimal
>>> nearest_penny(Decimal("8.8055"))
Decimal('8.81')
>>> round_in_claimants_favour(Decimal("8.8055"))
Decimal('8.80')
"""

from __future__ import annotations

import abc
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any, ClassVar, Final, Generic, TypeVar

from participatory.benefits.kinds import Benefit
from participatory.core.explain import Citation, Finding, ParameterUse, Severity, as_decimal
from participatory.core.params import ParameterSet
from participatory.core.periods import DateRange

__all__ = [
    "PENNY",
    "ZERO",
    "Context",
    "Income",
    "RateReader",
    "Rule",
    "finding",
    "nearest_penny",
    "round_in_claimants_favour",
]

PENNY: Final = Decimal("0.01")
ZERO: Final = Decimal(0)


def nearest_penny(amount: Decimal) -> Decimal:
    """Round to the nearest penny, a half penny up.

    Universal Credit: a fraction of a penny is disregarded if less than half a penny and
    otherwise treated as a penny (the reading of UC Regs 2013 reg. 6(1) the library applies;
    the regulation's own words could not be read, so the citation is marked not verified).
    """
    return amount.quantize(PENNY, rounding=ROUND_HALF_UP)


def round_in_claimants_favour(deduction: Decimal) -> Decimal:
    """Round a *deduction* down to the penny, so any fraction goes the claimant's way.

    The legacy benefits and Housing Benefit treat a fraction of a penny as a penny if that is
    to the claimant's advantage and otherwise disregard it; applied to amounts taken off.
    """
    return deduction.quantize(PENNY, rounding=ROUND_DOWN)


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
    subject: str | None = None,
) -> Finding:
    """A finding about a person's benefits: sensitive unless said otherwise."""
    return Finding(
        rule_id,
        severity,
        message_key,
        values or {},
        citations,
        parameters,
        actions,
        sensitive,
        subject,
    )


class RateReader:
    """Reads one day's parameters for a rates record, noting any stale value it used."""

    __slots__ = ("allow_stale", "day", "parameters", "stale")

    def __init__(self, parameters: ParameterSet, day: dt.date, allow_stale: bool) -> None:
        self.parameters = parameters
        self.day = day
        self.allow_stale = allow_stale
        self.stale: list[ParameterUse] = []

    def use(self, name: str) -> ParameterUse:
        """The value of ``name`` on the day, with its source."""
        use = self.parameters.use(name, self.day, allow_stale=self.allow_stale)
        if use.stale:
            self.stale.append(use)
        return use

    def number(self, name: str) -> Decimal:
        """A numeric parameter as a Decimal."""
        return as_decimal(self.use(name).value)

    def value(self, name: str) -> object:
        """A parameter's bare value (a flag, a date, a text)."""
        return self.use(name).value

    def covers(self, name: str) -> bool:
        """Whether ``name`` has a value on the day (a rule that began later has none before)."""
        return self.day >= self.parameters[name].covered_from


R = TypeVar("R")


class Context:
    """The parameters one check reads, whether stale values are allowed, and which were used."""

    __slots__ = ("allow_stale", "parameters", "stale")

    def __init__(self, parameters: ParameterSet, *, allow_stale: bool = False) -> None:
        self.parameters = parameters
        self.allow_stale = allow_stale
        #: Every stale value used, so the check can report each one.
        self.stale: dict[str, ParameterUse] = {}

    def rates(self, build: Callable[[RateReader], R], day: dt.date) -> R:
        """The rates record ``build`` makes for ``day``: made once per parameter set and day.

        A record keeps the stale values it read in its last field, ``stale``.
        """
        record = self.parameters.memo((build, day, self.allow_stale), self._build, build, day)
        stale = record.stale  # type: ignore[attr-defined]
        if stale:
            for use in stale:
                self.stale[use.name] = use
        return record

    def _build(self, build: Callable[[RateReader], R], day: dt.date) -> R:
        return build(RateReader(self.parameters, day, self.allow_stale))

    def use(self, name: str, day: dt.date) -> ParameterUse:
        """The value of ``name`` in force on ``day``, with its source (for explanations)."""
        use = self.parameters.use(name, day, allow_stale=self.allow_stale)
        if use.stale:
            self.stale[name] = use
        return use


class Income:
    """Earnings and hours in one period, in three layers.

    ``regular`` is what the person earns anyway (their job: an award on a statement already
    allows for it); ``already`` is what other payments already made or scheduled bring into the
    period (the person's ledger); ``added`` is what the payments in question add.
    """

    __slots__ = ("added", "already", "hours_added", "hours_already", "hours_regular", "regular")

    def __init__(self, regular: Decimal = ZERO, hours_regular: Decimal = ZERO) -> None:
        self.regular = regular
        self.already = ZERO
        self.added = ZERO
        self.hours_regular = hours_regular
        self.hours_already = ZERO
        self.hours_added = ZERO

    @property
    def base(self) -> Decimal:
        """Earnings without the payments in question."""
        return self.regular + self.already

    @property
    def total(self) -> Decimal:
        """Earnings with the payments."""
        return self.regular + self.already + self.added

    @property
    def hours_base(self) -> Decimal:
        """Hours without the payments' work."""
        return self.hours_regular + self.hours_already

    @property
    def hours(self) -> Decimal:
        """Hours with the payments' work."""
        return self.hours_regular + self.hours_already + self.hours_added


ClaimT = TypeVar("ClaimT")


class Rule(abc.ABC, Generic[ClaimT]):
    """The shape of every benefit rule: its benefit, its periods, its numbers, its reasons.

    :meth:`compute` works out one period's figures and returns a
    :class:`~participatory.benefits.outcomes.PeriodOutcome` whose findings are built by
    :meth:`explain` the first time they are read.
    """

    #: The benefit this rule decides.
    benefit: ClassVar[Benefit]
    #: Whether Universal Credit counts this benefit as unearned income (reg. 66(1)(b)).
    counts_for_universal_credit: ClassVar[bool] = False

    @abc.abstractmethod
    def period_containing(self, claim: ClaimT, day: dt.date) -> DateRange:
        """The claim's period (benefit week or assessment period) that holds ``day``."""
