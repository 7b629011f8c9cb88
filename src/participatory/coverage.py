"""What the data covers: every figure's coverage, source, verification and next date.

A research office keeps the figures current. :func:`figure_coverage` lists every dated
parameter and every rate of every rate card, as things stand on a day: the value in force,
the first day any value applies, its end (a known end, or *in force until superseded*), the
short citation of where it was read, whether it was read at a primary source, the day it was
last checked, and its *next date*: the known end, or the day a figure in force until
superseded is due to be re-checked (last checked + the review interval). Sorted by that
date, the list says what needs re-checking first.

>>> import datetime as dt
>>> from participatory.core.params import parse_parameters, ParameterSet
>>> params = ParameterSet(parse_parameters('''
... [data.review_interval_days]
... description = "Review interval."
... unit = "days"
... superseded = true
... [[data.review_interval_days.values]]
... effective_from = 2000-01-01
... value = 365
... source = "participatory_data_policy#review"
... verified = true
... checked_on = 2026-12-06
... ''', "example.toml"))
>>> [row] = figure_coverage(params, {}, as_at=dt.date(2026, 12, 6))
>>> row.name, row.value, row.end_text, row.next_date, row.status.value
('data.review_interval_days', '365 days', 'in force until superseded', datetime.date(2027, 12, 6), 'current')
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.explain import Severity
from participatory.core.params import REVIEW_INTERVAL, Parameter, ParameterSet
from participatory.core.record import Record
from participatory.payments.rates import Rate, RateCard

__all__ = ["SORT_KEYS", "CoverageStatus", "FigureCoverage", "figure_coverage", "sort_coverage"]

#: What the end of a figure in force until superseded is shown as.
SUPERSEDED_TEXT: Final = "in force until superseded"


class CoverageStatus(enum.Enum):
    """Where a figure stands on the day asked about."""

    #: In force, and (if in force until superseded) checked within the review interval.
    CURRENT = "current"
    #: In force until superseded, but last checked longer ago than the review interval.
    RECHECK_DUE = "re-check due"
    #: Past its known end: refused unless stale figures are accepted explicitly.
    ENDED = "past its known end"
    #: The day is before its first value.
    NOT_YET = "not yet in force"


@attrs.frozen
class FigureCoverage(Record):
    """One figure's coverage and provenance, as things stand on a day."""

    #: The parameter's name, or ``rate_card.<card>.<activity>.<unit>`` for a rate.
    name: str
    #: "parameter" or "rate card".
    kind: str
    #: The value in force (or the last value, past a known end), with its unit.
    value: str
    first_day: dt.date
    #: The known end, or ``None`` when the figure is in force until superseded.
    end: dt.date | None
    #: The short citation of where the value was read ("UC Regs 2013 reg. 22").
    source: str
    #: The catalogue key of that document.
    source_key: str
    #: Whether the value was read at a primary source.
    verified: bool
    last_checked: dt.date | None
    #: The known end, or the day a figure in force until superseded is due a re-check.
    next_date: dt.date | None
    status: CoverageStatus
    #: The file the figure was read from.
    file: str

    @property
    def severity(self) -> Severity:
        """How much the figure's standing matters, for ``participatory data --fail-on``.

        Past a known end is a problem (the library refuses the figure); due a re-check is a
        warning; in force but read only at a secondary source is advice; otherwise met (or
        information, before its first value).
        """
        if self.status is CoverageStatus.ENDED:
            return Severity.PROBLEM
        if self.status is CoverageStatus.RECHECK_DUE:
            return Severity.WARNING
        if self.status is CoverageStatus.NOT_YET:
            return Severity.INFO
        return Severity.MET if self.verified else Severity.ADVICE

    @property
    def end_text(self) -> str:
        """The end in words: the date, or "in force until superseded"."""
        return SUPERSEDED_TEXT if self.end is None else self.end.isoformat()

    def as_data(self) -> dict[str, Any]:
        """Plain data for JSON (dates as ISO text)."""

        def day(value: dt.date | None) -> str | None:
            return None if value is None else value.isoformat()

        return {
            "name": self.name,
            "kind": self.kind,
            "value": self.value,
            "first_day": day(self.first_day),
            "end": day(self.end),
            "in_force_until_superseded": self.end is None,
            "source": self.source,
            "source_key": self.source_key,
            "verified": self.verified,
            "last_checked": day(self.last_checked),
            "next_date": day(self.next_date),
            "status": self.status.value,
            "file": self.file,
        }


def _value_text(value: object, unit: str, period: str | None) -> str:
    per = f" per {period}" if period else ""
    if unit in {"text", "date", "boolean", "count"}:
        return f"{value}{per}"
    return f"{value} {unit}{per}"


def _status(
    as_at: dt.date, first: dt.date, end: dt.date | None, next_date: dt.date | None
) -> CoverageStatus:
    if as_at < first:
        return CoverageStatus.NOT_YET
    if end is not None and as_at > end:
        return CoverageStatus.ENDED
    if end is None and next_date is not None and as_at > next_date:
        return CoverageStatus.RECHECK_DUE
    return CoverageStatus.CURRENT


def _in_force(starts: list[dt.date], as_at: dt.date) -> int:
    """The index of the value in force on ``as_at`` (the first before any, the last after)."""
    index = 0
    for position, day in enumerate(starts):
        if day <= as_at:
            index = position
    return index


def _dates(
    starts: list[dt.date],
    index: int,
    end: dt.date | None,
    checked: dt.date | None,
    interval: int,
    as_at: dt.date,
) -> tuple[dt.date | None, CoverageStatus]:
    """The next date of the value at ``index``, and where the figure stands.

    A value a later one replaces ends the day before it; the last value ends at the known
    end, or (in force until superseded) is due a re-check ``interval`` days after it was
    last checked.
    """
    if index + 1 < len(starts) and starts[index] <= as_at:
        return starts[index + 1] - dt.timedelta(days=1), CoverageStatus.CURRENT
    if end is not None:
        next_date: dt.date | None = end
    else:
        next_date = None if checked is None else checked + dt.timedelta(days=interval)
    return next_date, _status(as_at, starts[0], end, next_date)


def _parameter_row(parameter: Parameter, as_at: dt.date, interval: int) -> FigureCoverage:
    starts = [v.effective_from for v in parameter.values]
    index = _in_force(starts, as_at)
    value = parameter.values[index]
    next_date, status = _dates(
        starts, index, parameter.valid_until, value.checked_on, interval, as_at
    )
    return FigureCoverage(
        name=parameter.name,
        kind="parameter",
        value=_value_text(value.value, parameter.unit, parameter.period),
        first_day=parameter.covered_from,
        end=parameter.valid_until,
        source=value.source.short,
        source_key=value.source.key,
        verified=value.verified,
        last_checked=value.checked_on,
        next_date=next_date,
        status=status,
        file=parameter.file,
    )


def _rate_rows(card: RateCard, as_at: dt.date, interval: int) -> list[FigureCoverage]:
    histories: dict[tuple[str, str], list[Rate]] = {}
    for rate in sorted(card.rates, key=lambda r: r.effective_from):
        histories.setdefault((rate.activity.value, rate.unit.value), []).append(rate)
    rows = []
    for (activity, unit), history in histories.items():
        starts = [r.effective_from for r in history]
        index = _in_force(starts, as_at)
        rate = history[index]
        next_date, status = _dates(
            starts, index, card.valid_until, rate.checked_on, interval, as_at
        )
        rows.append(
            FigureCoverage(
                name=f"rate_card.{card.id}.{activity}.{unit}",
                kind="rate card",
                value=f"{rate.amount.amount} {rate.amount.currency} per {unit.replace('_', ' ')}",
                first_day=starts[0],
                end=card.valid_until,
                source=rate.source.short,
                source_key=rate.source.key,
                verified=rate.verified,
                last_checked=rate.checked_on,
                next_date=next_date,
                status=status,
                file=card.file,
            )
        )
    return rows


def figure_coverage(
    parameters: ParameterSet, cards: Mapping[str, RateCard], *, as_at: dt.date
) -> list[FigureCoverage]:
    """Every parameter and every rate of ``cards``, as things stand on ``as_at``, by name.

    The review interval is the parameters' own ``data.review_interval_days`` (365 days when
    the set has none).
    """
    interval = 365
    if REVIEW_INTERVAL in parameters:
        days = parameters.use(REVIEW_INTERVAL, as_at, allow_stale=True).value
        interval = days if isinstance(days, int) and not isinstance(days, bool) else interval
    rows = [_parameter_row(parameters[name], as_at, interval) for name in parameters]
    for card in cards.values():
        rows.extend(_rate_rows(card, as_at, interval))
    return sorted(rows, key=lambda row: row.name)


def _by_next_date(row: FigureCoverage) -> tuple[object, ...]:
    return (row.next_date is None, row.next_date or dt.date.max, row.name)


_STATUS_ORDER: Final = (
    CoverageStatus.ENDED,
    CoverageStatus.RECHECK_DUE,
    CoverageStatus.NOT_YET,
    CoverageStatus.CURRENT,
)

#: The orders a listing can be sorted in, each a key function.
SORT_KEYS: Final[Mapping[str, Callable[[FigureCoverage], tuple[object, ...]]]] = {
    # What needs attention first: the nearest known end or re-check date.
    "next": _by_next_date,
    "name": lambda row: (row.name,),
    # The least recently checked first (never checked before everything).
    "checked": lambda row: (
        row.last_checked is not None,
        row.last_checked or dt.date.min,
        row.name,
    ),
    # Unverified figures first.
    "verified": lambda row: (row.verified, row.name),
    "source": lambda row: (row.source, row.name),
    "status": lambda row: (_STATUS_ORDER.index(row.status), *_by_next_date(row)),
}


def sort_coverage(rows: Iterable[FigureCoverage], by: str) -> list[FigureCoverage]:
    """``rows`` in one of the orders of :data:`SORT_KEYS`."""
    if by not in SORT_KEYS:
        raise ValidationError("sort", f"must be one of {', '.join(SORT_KEYS)}")
    return sorted(rows, key=SORT_KEYS[by])
