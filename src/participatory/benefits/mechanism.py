"""The mechanism every benefit rule shares: rates for a period, income in a period, rounding.

Each benefit is a small module holding only its own rule, and every rule has the same shape:
an ``assess_week`` (or, for Universal Credit, ``assess_period``) that *computes* one period's
numbers from the income in it — amounts before and after, whether it is a cliff — as
:class:`~participatory.benefits.outcomes.PeriodNumbers`, and an ``explain_week`` (or
``explain_period``) that, only when asked, *explains* them as findings. The shared parts live
here:

* :class:`Context` reads a rule's rates for the *start* of a period as a named record, once
  per parameter set and day (UC uses the figures in force on the first day of the assessment
  period; weekly benefits on the first day of the benefit week), and records any stale
  fallback the caller opted into;
* :class:`Income`, the earnings and hours a period holds before and with the payments;
* rounding as the regulations say, and a helper that builds sensitive findings.

Amounts are whole pennies (``int``): exact, fast, and untouched by any decimal context the
caller has set. A ratio (the 55% taper) is a pair of integers.

>>> taper = (11, 20)  # 55%
>>> taper_pennies(1601, taper), taper_pennies(1601, taper, claimants_favour=True)
(881, 880)
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Final, TypeVar

from participatory.core.explain import Citation, Finding, ParameterUse, Severity, as_decimal
from participatory.core.money import Money
from participatory.core.params import BoundedCache, ParameterSet
from participatory.core.pennies import from_pennies, round_down, round_half_up, to_pennies

__all__ = [
    "PENNY",
    "ZERO",
    "Context",
    "Income",
    "NotedRecords",
    "RateReader",
    "RateRecords",
    "add_hours",
    "finding",
    "pounds",
    "ratio",
    "shared_records",
    "taper_pennies",
    "weekly_to_monthly_pennies",
]

PENNY: Final = Decimal("0.01")
ZERO: Final = Decimal(0)

#: A ratio as whole numbers: (numerator, denominator), e.g. 55% is (11, 20).
Ratio = tuple[int, int]


def ratio(value: Decimal) -> Ratio:
    """A ratio parameter as a pair of whole numbers (exact, context-free)."""
    return value.as_integer_ratio()


def taper_pennies(pennies: int, rate: Ratio, *, claimants_favour: bool = False) -> int:
    """``rate`` of ``pennies``, to a whole penny.

    Universal Credit rounds to the nearest penny, a half penny up (UC Regs 2013 reg. 6(1) as
    the library reads it; the regulation's words could not be read, so its citation is not
    verified). The legacy benefits and Housing Benefit round a deduction in the claimant's
    favour (``claimants_favour``): down.
    """
    numerator, denominator = rate
    if claimants_favour:
        return round_down(pennies * numerator, denominator)
    return round_half_up(pennies * numerator, denominator)


def weekly_to_monthly_pennies(pennies: int) -> int:
    """A weekly amount as a monthly one, × 52 ÷ 12 (UC Regs reg. 73), to the nearest penny."""
    return round_half_up(pennies * 52, 12)


def pounds(pennies: int) -> Money:
    """Whole pennies as Money in pounds (for the figures explanations quote)."""
    return Money(from_pennies(pennies), "GBP")


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

    def pennies(self, name: str) -> int:
        """An amount parameter in whole pennies."""
        return to_pennies(as_decimal(self.use(name).value))

    def ratio(self, name: str) -> Ratio:
        """A ratio parameter as a pair of whole numbers."""
        return ratio(as_decimal(self.use(name).value))

    def value(self, name: str) -> object:
        """A parameter's bare value (a flag, a date, a text)."""
        return self.use(name).value

    def covers(self, name: str) -> bool:
        """Whether ``name`` has a value on the day (a rule that began later has none before)."""
        return self.day >= self.parameters[name].covered_from


R = TypeVar("R")


class RateRecords(BoundedCache):
    """Rates records by (builder, day): a missing one is built from the parameters and kept.

    Reading one is a dictionary look-up in C (``records[build, day]``), with no Python frame:
    the rules read their rates once per period of every check. A record keeps the stale values
    it read (its last field, ``stale``), so one set of records serves every check made with
    the same parameter set and the same choice about stale values.

    >>> import datetime as dt
    >>> from participatory.benefits.carers_allowance import rates
    >>> from participatory.core.nations import Nation
    >>> from participatory.core.params import bundled_parameters
    >>> ctx = Context(bundled_parameters())
    >>> rates(ctx, Nation.ENGLAND, dt.date(2025, 6, 9)).limit
    19600
    >>> Context(bundled_parameters()).records is ctx.records
    True
    """

    __slots__ = ("allow_stale", "parameters")

    def __init__(self, parameters: ParameterSet, allow_stale: bool) -> None:
        super().__init__()
        self.parameters = parameters
        self.allow_stale = allow_stale

    def __missing__(self, key: tuple[Callable[[RateReader], Any], dt.date]) -> Any:
        build, day = key
        return self.remember(key, build(RateReader(self.parameters, day, self.allow_stale)))


class NotedRecords(BoundedCache):
    """One check's view of shared :class:`RateRecords` that allow stale values.

    The first time the check reads a record, the record's stale values are noted in the
    check's ``stale`` (so the check reports each one, even when another check built the
    record); later reads are a dictionary look-up in C, as with the shared records.

    >>> import datetime as dt
    >>> from participatory.benefits.carers_allowance import rates
    >>> from participatory.core.nations import Nation
    >>> from participatory.core.params import bundled_parameters
    >>> parameters = bundled_parameters()
    >>> week = dt.date(2029, 6, 18)  # past the data's known end: the figures are stale
    >>> first = Context(parameters, allow_stale=True)
    >>> rates(first, Nation.ENGLAND, week).limit
    20400
    >>> second = Context(parameters, allow_stale=True)  # reads the record first built
    >>> rates(second, Nation.ENGLAND, week).limit, sorted(second.stale)
    (20400, ['carers_allowance.earnings_limit', 'carers_allowance.weekly_rate'])
    >>> second.records.shared is first.records.shared is shared_records(parameters, True)
    True
    """

    __slots__ = ("shared", "stale")

    def __init__(self, shared: RateRecords, stale: dict[str, ParameterUse]) -> None:
        super().__init__()
        self.shared = shared
        self.stale = stale

    def __missing__(self, key: tuple[Callable[[RateReader], Any], dt.date]) -> Any:
        record = self.shared[key]
        for use in record.stale:
            self.stale[use.name] = use
        return self.remember(key, record)


def shared_records(parameters: ParameterSet, allow_stale: bool) -> RateRecords:
    """The rates records every check with ``parameters`` shares (one set per stale choice)."""
    return parameters.memo((RateRecords, allow_stale), RateRecords, parameters, allow_stale)


class Context:
    """The parameters one check reads, whether stale values are allowed, and which were used.

    Rates records (one per rule and day) are built once per parameter set and stale choice
    and shared (:func:`shared_records`). A context that allows no stale values only reads,
    so one serves every check made with the same parameter set; one that allows them is
    made for each check and notes, in ``stale``, every stale value of every record it reads
    (:class:`NotedRecords`).
    """

    __slots__ = ("allow_stale", "parameters", "records", "stale")

    def __init__(self, parameters: ParameterSet, *, allow_stale: bool = False) -> None:
        self.parameters = parameters
        self.allow_stale = allow_stale
        #: Every stale value used, so the check can report each one.
        self.stale: dict[str, ParameterUse] = {}
        shared = shared_records(parameters, allow_stale)
        # The noted records hold the stale dict, not the context: no reference cycle.
        self.records: RateRecords | NotedRecords = (
            NotedRecords(shared, self.stale) if allow_stale else shared
        )

    def rates(self, build: Callable[[RateReader], R], day: dt.date) -> R:
        """The rates record ``build`` makes for ``day``, made once per parameter set and day.

        A record keeps the stale values it read in its last field, ``stale``. A rule reading
        rates for every period reads ``records[build, day]`` directly (the same record,
        without this call's frame).
        """
        return self.records[build, day]  # type: ignore[no-any-return]

    def use(self, name: str, day: dt.date) -> ParameterUse:
        """The value of ``name`` in force on ``day``, with its source (for explanations)."""
        use = self.parameters.use(name, day, allow_stale=self.allow_stale)
        if use.stale:
            self.stale[name] = use
        return use


class Income:
    """Earnings (whole pennies) and hours in one period, in three layers.

    ``regular`` is what the person earns anyway (their job: an award on a statement already
    allows for it); ``already`` is what other payments already made or scheduled bring into the
    period (the person's ledger); ``added`` is what the payments in question add.
    """

    __slots__ = ("added", "already", "hours_added", "hours_already", "hours_regular", "regular")

    def __init__(self, regular: int = 0, hours_regular: Decimal = ZERO) -> None:
        self.regular = regular
        self.already = 0
        self.added = 0
        self.hours_regular = hours_regular
        self.hours_already = ZERO
        self.hours_added = ZERO

    @property
    def base(self) -> int:
        """Earnings without the payments in question."""
        return self.regular + self.already

    @property
    def total(self) -> int:
        """Earnings with the payments."""
        return self.regular + self.already + self.added

    @property
    def hours_base(self) -> Decimal:
        """Hours without the payments' work."""
        return add_hours(self.hours_regular, self.hours_already)

    @property
    def hours(self) -> Decimal:
        """Hours with the payments' work."""
        return add_hours(add_hours(self.hours_regular, self.hours_already), self.hours_added)


# Hours are exact decimals; their sums use a context of the library's own.
_HOURS: Final = decimal.Context(prec=28, traps=[decimal.Inexact, decimal.InvalidOperation])


#: ``add_hours(a, b)``: ``a + b`` hours, exactly, whatever decimal context the caller has
#: set (the context's own ``add``: every week with hours adds them, so no Python-level call).
add_hours: Final[Callable[[Decimal, Decimal], Decimal]] = _HOURS.add
