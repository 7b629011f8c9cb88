"""The dated figures of income tax and National Insurance for one day, read once.

Every rate, band and threshold is a dated parameter (``data/parameters/tax/*.toml``). The
engine reads the figures it needs for the day a payment is made into small frozen values
(:class:`IncomeTaxSchedule`, :class:`Class1Thresholds`), each carrying the
:class:`~participatory.core.explain.ParameterUse` records a finding cites. The bundled
figures are remembered per day (a bounded cache), so a year of payments reads each figure
once; an institution's own parameter set is read afresh (its look-ups are cached by the set
itself).

A Scottish taxpayer's bands are the Scottish Rate Resolution's; a Welsh taxpayer has the
rest-of-UK bands (the Senedd sets only the rates: Government of Wales Act 2006 s. 116D) and
the Welsh rates.

>>> import datetime as dt
>>> schedule = income_tax_schedule(TaxRegime.SCOTLAND, dt.date(2025, 6, 1))
>>> [(band.name, band.rate, band.upper_limit) for band in schedule.bands][:2]
[('starter', Decimal('0.19'), Decimal('2827')), ('basic', Decimal('0.20'), Decimal('14921'))]
>>> class1_thresholds(EarningsPeriod.WEEK, dt.date(2025, 6, 1)).primary_threshold
Decimal('242')
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Mapping
from decimal import ROUND_CEILING, Decimal
from typing import Final

import attrs

from participatory.core.explain import ParameterUse
from participatory.core.money import Money
from participatory.core.params import ParameterSet, bundled_parameters
from participatory.core.record import Record

__all__ = [
    "Class1Thresholds",
    "EarningsPeriod",
    "IncomeTaxBand",
    "IncomeTaxSchedule",
    "TaxRegime",
    "as_percent",
    "class1_thresholds",
    "class1_thresholds_for_weeks",
    "income_tax_schedule",
    "pence",
]


class TaxRegime(enum.Enum):
    """Whose income tax rates apply: where the taxpayer's main home is.

    PAYE shows it by the code's prefix: ``S`` Scotland, ``C`` Wales, none for England and
    Northern Ireland (HMRC PAYE Manual PAYE11085).
    """

    #: England and Northern Ireland: the UK rates and bands.
    REST_OF_UK = "rest_of_uk"
    #: Wales: the UK bands, the Welsh rates set each year by the Senedd.
    WALES = "wales"
    #: Scotland: the Scottish Parliament's rates and bands.
    SCOTLAND = "scotland"


class EarningsPeriod(enum.Enum):
    """The period whose earnings one National Insurance test covers (NIM08001).

    Regular pay at intervals of a week or more has an earnings period of that interval; pay
    with no regular interval, a week (or longer: SI 2001/1004 reg. 4(a)).
    """

    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@attrs.frozen
class IncomeTaxBand(Record):
    """One rate band: the rate and the annual limit of taxable income it reaches.

    ``upper_limit`` is on income above the Personal Allowance; ``None`` for the top band.
    """

    name: str
    rate: Decimal
    upper_limit: Decimal | None
    rate_use: ParameterUse = attrs.field(eq=False, repr=False)
    limit_use: ParameterUse | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class IncomeTaxSchedule(Record):
    """The bands of one regime for a tax year, lowest first."""

    regime: TaxRegime
    bands: tuple[IncomeTaxBand, ...]

    def band(self, name: str) -> IncomeTaxBand:
        """The band called ``name`` (``"basic"``, ``"higher"`` ...)."""
        for band in self.bands:
            if band.name == name:
                return band
        raise KeyError(name)

    @property
    def uses(self) -> tuple[ParameterUse, ...]:
        """Every parameter the schedule was read from."""
        found: list[ParameterUse] = []
        for band in self.bands:
            found.append(band.rate_use)
            if band.limit_use is not None:
                found.append(band.limit_use)
        return tuple(found)


@attrs.frozen
class Class1Thresholds(Record):
    """The Class 1 limits for one earnings period, and the rates (category A)."""

    period: EarningsPeriod
    lower_earnings_limit: Decimal
    primary_threshold: Decimal
    upper_earnings_limit: Decimal
    secondary_threshold: Decimal
    main_rate: Decimal
    additional_rate: Decimal
    secondary_rate: Decimal
    uses: tuple[ParameterUse, ...] = attrs.field(eq=False, repr=False)
    #: For a fixed earnings period of several weeks (``period`` WEEK): how many weeks.
    weeks: int = 1

    @property
    def label(self) -> str:
        """The earnings period as findings name it (``"week"``; ``"fixed period"`` of weeks)."""
        return self.period.value if self.weeks == 1 else "fixed period"


# Band names in order, per regime, and the parameter prefix their figures live under.
_BANDS: Final[Mapping[TaxRegime, tuple[str, ...]]] = {
    TaxRegime.REST_OF_UK: ("basic", "higher", "additional"),
    TaxRegime.WALES: ("basic", "higher", "additional"),
    TaxRegime.SCOTLAND: ("starter", "basic", "intermediate", "higher", "advanced", "top"),
}
_PREFIX: Final[Mapping[TaxRegime, str]] = {
    TaxRegime.REST_OF_UK: "income_tax.rest_of_uk",
    TaxRegime.WALES: "income_tax.wales",
    TaxRegime.SCOTLAND: "income_tax.scotland",
}
# The Senedd sets rates only; a Welsh taxpayer's band limits are the rest-of-UK ones.
_LIMITS_PREFIX: Final[Mapping[TaxRegime, str]] = {
    TaxRegime.REST_OF_UK: "income_tax.rest_of_uk",
    TaxRegime.WALES: "income_tax.rest_of_uk",
    TaxRegime.SCOTLAND: "income_tax.scotland",
}


def as_percent(rate: Decimal) -> str:
    """A rate as the percentage a finding quotes (``Decimal('0.138')`` -> ``'13.8%'``).

    >>> as_percent(Decimal("0.20")), as_percent(Decimal("0.138"))
    ('20%', '13.8%')
    """
    return f"{format((rate * 100).normalize(), 'f')}%"


_PENNY: Final = Decimal("0.01")


@functools.lru_cache(maxsize=4096)
def pence(amount: Decimal) -> Money:
    """An amount already exact to the penny, as pounds with two decimal places.

    Only the written form changes (``51.600`` becomes ``51.60``): an amount with a
    fraction of a penny is refused, since rounding is a rule step of its own. Thresholds
    and common fees recur on every payment, so recent answers are remembered (bounded).

    >>> pence(Decimal("51.600"))
    Money('51.60', 'GBP')
    """
    exact = amount.quantize(_PENNY)
    if exact != amount:
        raise ValueError(f"{amount} is not a whole number of pence")
    return Money(exact, "GBP")


_CACHE_LIMIT: Final = 4096
_SCHEDULES: dict[tuple[TaxRegime, dt.date], IncomeTaxSchedule] = {}
_THRESHOLDS: dict[tuple[EarningsPeriod, dt.date], Class1Thresholds] = {}


def _number(use: ParameterUse) -> Decimal:
    value = use.value
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"parameter {use.name!r} is not a number")
    return Decimal(value)


def _read_schedule(regime: TaxRegime, as_at: dt.date, params: ParameterSet) -> IncomeTaxSchedule:
    names = _BANDS[regime]
    bands = []
    for index, name in enumerate(names):
        rate_use = params.use(f"{_PREFIX[regime]}.{name}.rate", as_at)
        limit_use = None
        if index < len(names) - 1:
            limit_use = params.use(f"{_LIMITS_PREFIX[regime]}.{name}.upper_limit", as_at)
        bands.append(
            IncomeTaxBand(
                name=name,
                rate=_number(rate_use),
                upper_limit=None if limit_use is None else _number(limit_use),
                rate_use=rate_use,
                limit_use=limit_use,
            )
        )
    return IncomeTaxSchedule(regime, tuple(bands))


def _chosen(parameters: ParameterSet | None) -> tuple[ParameterSet, bool]:
    bundled = bundled_parameters()
    if parameters is None or parameters is bundled:
        return bundled, True
    return parameters, False


def income_tax_schedule(
    regime: TaxRegime, as_at: dt.date, parameters: ParameterSet | None = None
) -> IncomeTaxSchedule:
    """The rate bands of ``regime`` in force on ``as_at`` (taxable-income limits, annual).

    Raises :class:`~participatory.core.errors.ParametersNotAvailable` for a day the data
    does not cover (no rates are charged yet for 2027-28).
    """
    params, remember = _chosen(parameters)
    if not remember:
        return _read_schedule(regime, as_at, params)
    key = (regime, as_at)
    found = _SCHEDULES.get(key)
    if found is None:
        if len(_SCHEDULES) >= _CACHE_LIMIT:
            _SCHEDULES.clear()
        found = _SCHEDULES[key] = _read_schedule(regime, as_at, params)
    return found


def _read_thresholds(
    period: EarningsPeriod, as_at: dt.date, params: ParameterSet
) -> Class1Thresholds:
    base = "national_insurance.class1"
    lel = params.use(f"{base}.lower_earnings_limit.{period.value}", as_at)
    pt = params.use(f"{base}.primary_threshold.{period.value}", as_at)
    uel = params.use(f"{base}.upper_earnings_limit.{period.value}", as_at)
    st = params.use(f"{base}.secondary_threshold.{period.value}", as_at)
    main = params.use(f"{base}.primary.main_rate", as_at)
    additional = params.use(f"{base}.primary.additional_rate", as_at)
    secondary = params.use(f"{base}.secondary.rate", as_at)
    return Class1Thresholds(
        period=period,
        lower_earnings_limit=_number(lel),
        primary_threshold=_number(pt),
        upper_earnings_limit=_number(uel),
        secondary_threshold=_number(st),
        main_rate=_number(main),
        additional_rate=_number(additional),
        secondary_rate=_number(secondary),
        uses=(lel, pt, uel, st, main, additional, secondary),
    )


def _up_to_pound(amount: Decimal) -> Decimal:
    return amount.to_integral_value(rounding=ROUND_CEILING)


def class1_thresholds_for_weeks(
    weeks: int, as_at: dt.date, parameters: ParameterSet | None = None
) -> Class1Thresholds:
    """The Class 1 limits for an earnings period of ``weeks`` weeks (a multiple of a week).

    HMRC's NIM01206 (SI 2001/1004 reg. 11): the primary and secondary thresholds and the
    upper earnings limit are the prescribed *yearly* figures divided by 52, multiplied by
    the number of weeks and rounded up to the next whole pound; the lower earnings limit is
    the weekly limit times the number of weeks.

    >>> t = class1_thresholds_for_weeks(13, dt.date(2025, 9, 30))
    >>> t.lower_earnings_limit, t.primary_threshold, t.secondary_threshold, t.label
    (Decimal('1625'), Decimal('3143'), Decimal('1250'), 'fixed period')
    """
    if isinstance(weeks, bool) or not isinstance(weeks, int) or weeks < 1:
        raise ValueError("weeks must be a whole number of weeks, at least 1")
    week = class1_thresholds(EarningsPeriod.WEEK, as_at, parameters)
    if weeks == 1:
        return week
    year = class1_thresholds(EarningsPeriod.YEAR, as_at, parameters)
    share = Decimal(weeks) / 52
    lel_use = next(u for u in week.uses if ".lower_earnings_limit." in u.name)
    yearly = tuple(u for u in year.uses if ".lower_earnings_limit." not in u.name)
    return Class1Thresholds(
        period=EarningsPeriod.WEEK,
        lower_earnings_limit=week.lower_earnings_limit * weeks,
        primary_threshold=_up_to_pound(year.primary_threshold * share),
        upper_earnings_limit=_up_to_pound(year.upper_earnings_limit * share),
        secondary_threshold=_up_to_pound(year.secondary_threshold * share),
        main_rate=year.main_rate,
        additional_rate=year.additional_rate,
        secondary_rate=year.secondary_rate,
        uses=(lel_use, *yearly),
        weeks=weeks,
    )


def class1_thresholds(
    period: EarningsPeriod, as_at: dt.date, parameters: ParameterSet | None = None
) -> Class1Thresholds:
    """The Class 1 limits and rates for an earnings period of ``period``, on ``as_at``."""
    params, remember = _chosen(parameters)
    if not remember:
        return _read_thresholds(period, as_at, params)
    key = (period, as_at)
    found = _THRESHOLDS.get(key)
    if found is None:
        if len(_THRESHOLDS) >= _CACHE_LIMIT:
            _THRESHOLDS.clear()
        found = _THRESHOLDS[key] = _read_thresholds(period, as_at, params)
    return found
