"""Costing an activity: the fee for a duration of one kind of involvement, on a rate card.

:func:`cost_activity` turns time (hours, or sessions, half days or days) plus any
preparation time into a fee, applying the card's rules in a fixed order, each one stated as
a finding: the rate in force on the day; preparation (own rate, the activity's rate, or
unpaid); rounding time to the card's block; a minimum time; the rate × units; a minimum
payment; and finally rounding to the penny (half up), which is a rule step of its own.
Expenses are never part of a fee (see :mod:`participatory.payments.expenses`).

>>> import datetime as dt
>>> from participatory.payments.rates import ActivityKind, bundled_rate_card
>>> whitworth = bundled_rate_card("whitworth")
>>> costed = cost_activity(whitworth, ActivityKind.ADVISORY_GROUP, Duration.sessions(3),
...                        as_at=dt.date(2022, 7, 20))
>>> costed.fee
Money('270.00', 'GBP')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Final

import attrs

from participatory.core.errors import UnsupportedCase, ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.explain import Citation, Explained, Finding, ParameterUse, Severity
from participatory.core.fields import member
from participatory.core.money import Money, Unrounded, to_decimal
from participatory.core.params import REVIEW_INTERVAL, ParameterSet, bundled_parameters
from participatory.core.periods import to_date
from participatory.core.record import Record
from participatory.core.sources import cite
from participatory.payments.rates import ActivityKind, Rate, RateCard, RateUnit, RoundingMode

__all__ = [
    "CostedActivity",
    "Duration",
    "FeeLine",
    "activity_name",
    "cost_activity",
    "penny_rounding",
]

# Resolved on first use, not at import: reading the sources catalogue is the slowest thing
# the library does, and importing a module must not do it.
_PENNY_ROUNDING: Final = "participatory_conventions#penny_rounding"


def penny_rounding() -> Citation:
    """The citation for rounding a fee to the penny: the library's convention (halves up).

    >>> penny_rounding().key
    'participatory_conventions'
    """
    return cite(_PENNY_ROUNDING)


def __getattr__(name: str) -> Citation:
    # ``PENNY_ROUNDING`` was a constant resolved at import; it still works, resolved on use.
    if name == "PENNY_ROUNDING":
        return penny_rounding()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, object]] = {
    "payments.fee": "The fee for {activity} on the {card} rate card is {fee}.",
    "payments.fee_line": (
        "{label}: {units} {unit} at {rate} per {unit_one} = {amount} (rate from {effective_from})."
    ),
    "payments.rate_unverified": (
        "The {card} rate of {rate} per {unit} for {activity} was not verified at a primary "
        "source (the payer's own publication); check it before you budget or pay with it."
    ),
    "payments.rate_review_due": (
        "The {card} rate of {rate} per {unit} for {activity} has not been re-checked at its "
        "source since {checked_on} (more than {days} days ago); check it is still in force "
        "before you budget or pay with it."
    ),
    "payments.rate_other": (
        "The {card} rate card has no rate for {activity}, so its general rate for other "
        "involvement was used."
    ),
    "payments.preparation_own_rate": "Preparation is paid at the card's preparation rate.",
    "payments.preparation_paid": (
        "The {card} rate card pays preparation time at the activity's rate."
    ),
    "payments.preparation_unstated": {
        "by": "preparation_hours",
        "one": (
            "The {card} rate card does not say whether preparation time is paid; "
            "{preparation_hours} hour of preparation was costed at the activity's rate. "
            "Agree this with the contributor in advance."
        ),
        "other": (
            "The {card} rate card does not say whether preparation time is paid; "
            "{preparation_hours} hours of preparation were costed at the activity's rate. "
            "Agree this with the contributor in advance."
        ),
    },
    "payments.preparation_not_paid": {
        "by": "preparation_hours",
        "one": (
            "The {card} rate card does not pay preparation time, so {preparation_hours} "
            "hour of preparation was left out of the fee."
        ),
        "other": (
            "The {card} rate card does not pay preparation time, so {preparation_hours} "
            "hours of preparation were left out of the fee."
        ),
    },
    "payments.rounded_time": (
        "Time is paid in blocks of {block_minutes} minutes, rounded {mode}: the minutes "
        "worked ({minutes}) count as {paid_minutes}."
    ),
    "payments.minimum_time": (
        "The {card} rate card pays at least {minimum_minutes} minutes for any involvement, "
        "so {minutes} minutes count as {minimum_minutes}."
    ),
    "payments.minimum_payment": (
        "The {card} rate card pays at least {minimum}; the fee of {fee} was raised to it."
    ),
    "payments.rules_unstated": (
        "The {card} rate card states no rounding or minimum-payment rule, so the fee is "
        "for the exact time."
    ),
    "payments.part_unit": (
        "{units} {unit} were paid pro rata: the {card} rate card does not say how part "
        "of a {unit_one} is paid."
    ),
    "payments.rounded_penny": "The fee of {exact} was rounded to the penny: {fee}.",
}


def _non_negative(value: Decimal | int | str) -> Decimal:
    amount = to_decimal(value, "amount")
    if amount < 0:
        raise ValidationError("amount", "must not be negative")
    return amount


@attrs.frozen
class Duration(Record):
    """An amount of time in one :class:`~participatory.payments.rates.RateUnit`.

    >>> Duration.hours("2.5")
    Duration(amount=Decimal('2.5'), unit=<RateUnit.HOUR: 'hour'>)
    """

    amount: Decimal = attrs.field(converter=_non_negative)
    unit: RateUnit = RateUnit.HOUR

    @classmethod
    def hours(cls, amount: Decimal | int | str) -> Duration:
        """A number of hours."""
        return cls(to_decimal(amount, "hours"), RateUnit.HOUR)

    @classmethod
    def sessions(cls, amount: Decimal | int | str) -> Duration:
        """A number of sessions (as long as the card's session)."""
        return cls(to_decimal(amount, "sessions"), RateUnit.SESSION)

    @classmethod
    def half_days(cls, amount: Decimal | int | str) -> Duration:
        """A number of half days."""
        return cls(to_decimal(amount, "half_days"), RateUnit.HALF_DAY)

    @classmethod
    def days(cls, amount: Decimal | int | str) -> Duration:
        """A number of days."""
        return cls(to_decimal(amount, "days"), RateUnit.DAY)

    @property
    def minutes(self) -> Decimal:
        """The duration in minutes (only for hours)."""
        if self.unit is not RateUnit.HOUR:
            raise UnsupportedCase(f"minutes of a {self.unit.value}", instead="use hours")
        return self.amount * 60


@attrs.frozen
class FeeLine(Record):
    """One line of a costed fee: time or units of one activity at one rate."""

    label: str
    activity: ActivityKind
    rate: Rate
    #: Rate units paid (hours, sessions …), after rounding and minimums.
    units: Decimal
    #: The exact amount, before the fee is rounded to the penny.
    amount: Money
    #: Minutes asked for and minutes paid, when the line was costed from time.
    minutes: Decimal | None = None
    paid_minutes: Decimal | None = None


@attrs.frozen
class CostedActivity(Explained):
    """The fee for one activity, its lines and the findings that explain it."""

    card_id: str
    activity: ActivityKind
    as_at: dt.date
    lines: tuple[FeeLine, ...]
    #: The fee, rounded to the penny.
    fee: Money


def _finding(
    rule_id: str,
    key: str,
    card: RateCard,
    severity: Severity = Severity.INFO,
    *,
    citations: tuple[Citation, ...] | None = None,
    parameters: tuple[ParameterUse, ...] = (),
    **values: object,
) -> Finding:
    return Finding(
        rule_id=rule_id,
        severity=severity,
        message_key=key,
        values={"card": card.id, **values},
        citations=(card.citation,) if citations is None else citations,
        parameters=parameters,
        subject=card.id,
    )


def _review_interval(parameters: ParameterSet | None, as_at: dt.date) -> int:
    """Days a figure in force until superseded may go unchecked (an institution sets it)."""
    params = bundled_parameters() if parameters is None else parameters
    days = params.use(REVIEW_INTERVAL, as_at, allow_stale=True).value
    if isinstance(days, bool) or not isinstance(days, int):  # pragma: no cover - unit "days"
        raise TypeError(f"{REVIEW_INTERVAL} is not a whole number of days")
    return days


def _find_rate(
    card: RateCard, activity: ActivityKind, units: tuple[RateUnit, ...], as_at: dt.date
) -> tuple[Rate, ActivityKind] | None:
    """The first rate the card has for ``activity`` (or, failing that, OTHER) in ``units``."""
    for kind in (activity, ActivityKind.OTHER):
        for unit in units:
            if card.has(kind, unit) and (
                unit is RateUnit.HOUR
                or card.rules.unit_minutes(unit) is not None
                or len(units) == 1
            ):
                return card.rate(kind, unit, as_at), kind
    return None


def _round_minutes(card: RateCard, minutes: Decimal, findings: list[Finding]) -> Decimal:
    rules = card.rules
    paid = minutes
    if rules.rounding_minutes is not None and minutes > 0:
        block = Decimal(rules.rounding_minutes)
        mode = {
            RoundingMode.UP: ROUND_CEILING,
            RoundingMode.DOWN: ROUND_FLOOR,
            RoundingMode.NEAREST: ROUND_HALF_UP,
        }[rules.rounding_mode]
        paid = (minutes / block).quantize(Decimal(1), rounding=mode) * block
        if paid != minutes:
            findings.append(
                _finding(
                    "PAY-ROUND-TIME",
                    "payments.rounded_time",
                    card,
                    block_minutes=rules.rounding_minutes,
                    mode=_MODE_WORDS[rules.rounding_mode],
                    minutes=_plain(minutes),
                    paid_minutes=_plain(paid),
                )
            )
    if rules.minimum_minutes is not None and 0 < paid < rules.minimum_minutes:
        findings.append(
            _finding(
                "PAY-MINIMUM-TIME",
                "payments.minimum_time",
                card,
                minimum_minutes=rules.minimum_minutes,
                minutes=_plain(paid),
            )
        )
        paid = Decimal(rules.minimum_minutes)
    return paid


def _line_from_minutes(
    card: RateCard,
    label: str,
    kind: ActivityKind,
    rate: Rate,
    minutes: Decimal,
    findings: list[Finding],
) -> FeeLine:
    paid = _round_minutes(card, minutes, findings)
    unit_minutes = card.rules.unit_minutes(rate.unit)
    if unit_minutes is None:  # pragma: no cover - _find_rate only picks convertible units
        raise UnsupportedCase("time at a rate with no stated length", instead="give units")
    units = paid / unit_minutes
    if rate.unit is not RateUnit.HOUR and units != units.to_integral_value():
        findings.append(
            _finding(
                "PAY-PART-UNIT",
                "payments.part_unit",
                card,
                Severity.ADVICE,
                units=_plain(units),
                unit=_plural(rate.unit),
                unit_one=_one(rate.unit),
            )
        )
    return FeeLine(label, kind, rate, units, rate.amount * units, minutes, paid)


def _plain(number: Decimal) -> Decimal:
    """A number without trailing zeros or an exponent, for people and JSON."""
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


#: What each activity is called in a sentence (the catalogue's data texts translate them).
_NAMES: Final[Mapping[ActivityKind, str]] = {
    ActivityKind.MEETING: "meeting",
    ActivityKind.PREPARATION: "preparation",
    ActivityKind.HALF_DAY_WORKSHOP: "half-day workshop",
    ActivityKind.FULL_DAY_WORKSHOP: "full-day workshop",
    ActivityKind.CO_RESEARCH: "co-research",
    ActivityKind.DOCUMENT_REVIEW: "document review",
    ActivityKind.ADVISORY_GROUP: "advisory group",
    ActivityKind.TRAINING: "training",
    ActivityKind.OTHER: "other involvement",
}

#: How time is rounded to a card's block, as "rounded {mode}" says it (data texts too).
_MODE_WORDS: Final[Mapping[RoundingMode, str]] = {
    RoundingMode.UP: "up",
    RoundingMode.DOWN: "down",
    RoundingMode.NEAREST: "to the nearest block",
}


def activity_name(activity: ActivityKind) -> str:
    """What a sentence calls ``activity``: words, lower case (the catalogue translates them).

    >>> activity_name(ActivityKind.ADVISORY_GROUP)
    'advisory group'
    """
    return _NAMES[activity]


def _unrounded(amount: Money) -> Unrounded:
    """``amount`` as a sentence quotes it before the fee is rounded: all its digits."""
    return Unrounded(amount.amount, amount.currency)


def _plural(unit: RateUnit) -> str:
    return {"hour": "hours", "session": "sessions", "half_day": "half days", "day": "days"}[
        unit.value
    ]


def _one(unit: RateUnit) -> str:
    return unit.value.replace("_", " ")


def _no_rate(card: RateCard, activity: ActivityKind, unit: RateUnit) -> UnsupportedCase:
    what = f"costing {activity.value!r} in {_plural(unit)} on the {card.id!r} rate card"
    if not card.rates:
        # A bundled card whose source was named but whose amounts were never read (NIHR).
        return UnsupportedCase(
            what,
            instead="the card holds no rates (no amount was read at its source): lay your "
            "own card, with the figures from its source, over it",
        )
    units = card.units_for(activity) or card.units_for(ActivityKind.OTHER)
    if not units:
        return UnsupportedCase(
            what,
            instead=f"the card pays only {', '.join(card.activity_names())}; choose one of "
            "those or lay your own card over it",
        )
    offered = ", ".join(_plural(u) for u in units)
    return UnsupportedCase(
        what,
        instead=f"the card pays it in {offered}; give the duration in one of those units "
        "(a session or day rate needs the card to say how long a session or day is)",
    )


@computes_exactly
def cost_activity(
    card: RateCard,
    activity: ActivityKind,
    duration: Duration,
    *,
    as_at: dt.date,
    preparation: Duration | None = None,
    parameters: ParameterSet | None = None,
) -> CostedActivity:
    """The fee for ``duration`` of ``activity`` at the rates in force on ``as_at``.

    ``preparation`` is hours of preparation, paid as the card says. ``parameters`` (the
    bundled ones by default) give the review interval: a rate of a card in force until
    superseded that was last checked longer ago than ``data.review_interval_days`` is
    used, with a ``PAY-RATE-REVIEW-DUE`` finding saying when it was last checked.

    A duration in hours is paid at the card's hourly rate for the activity, or at a
    session, half-day or day rate when the card says how long those are. A duration in
    sessions or days is paid at that unit's rate. Preparation is paid at the card's
    preparation rate if it has one, otherwise at the activity's rate (and the fee says
    whether the card states that), or not at all if the card says so.
    """
    if not isinstance(card, RateCard):
        raise ValidationError("card", "must be a RateCard")
    activity = member(ActivityKind, activity, "activity")
    if not isinstance(duration, Duration):
        raise ValidationError("duration", "must be a Duration")
    if preparation is not None and not isinstance(preparation, Duration):
        raise ValidationError("preparation", "must be a Duration of hours")
    as_at = to_date(as_at, "as_at")
    if preparation is not None and preparation.unit is not RateUnit.HOUR:
        raise ValidationError("preparation", "must be a number of hours")
    findings: list[Finding] = []
    order = tuple(RateUnit) if duration.unit is RateUnit.HOUR else (duration.unit,)
    found = _find_rate(card, activity, order, as_at)
    if found is None:
        raise _no_rate(card, activity, duration.unit)
    rate, kind = found
    if kind is not activity:
        findings.append(
            _finding(
                "PAY-RATE-OTHER", "payments.rate_other", card, activity=activity_name(activity)
            )
        )
    prep_minutes = preparation.minutes if preparation is not None else Decimal(0)
    prep_line: tuple[str, ActivityKind, Rate] | None = None
    main_minutes = duration.minutes if duration.unit is RateUnit.HOUR else None
    merged = False
    if prep_minutes > 0:
        prep_hours = _plain(preparation.amount) if preparation is not None else Decimal(0)
        if card.rules.preparation_paid is False:
            findings.append(
                _finding(
                    "PAY-PREP-NOT-PAID",
                    "payments.preparation_not_paid",
                    card,
                    preparation_hours=prep_hours,
                )
            )
            prep_minutes = Decimal(0)
        elif card.has(ActivityKind.PREPARATION, RateUnit.HOUR):
            prep_rate = card.rate(ActivityKind.PREPARATION, RateUnit.HOUR, as_at)
            prep_line = ("Preparation", ActivityKind.PREPARATION, prep_rate)
            findings.append(_finding("PAY-PREP-OWN-RATE", "payments.preparation_own_rate", card))
        else:
            if card.rules.preparation_paid:
                findings.append(_finding("PAY-PREP-PAID", "payments.preparation_paid", card))
            else:
                findings.append(
                    _finding(
                        "PAY-PREP-UNSTATED",
                        "payments.preparation_unstated",
                        card,
                        Severity.ADVICE,
                        preparation_hours=prep_hours,
                    )
                )
            if main_minutes is not None:
                main_minutes += prep_minutes
                prep_minutes = Decimal(0)
                merged = True
            else:
                hourly = _find_rate(card, activity, (RateUnit.HOUR,), as_at)
                if hourly is None:
                    raise _no_rate(card, activity, RateUnit.HOUR)
                prep_line = ("Preparation", hourly[1], hourly[0])
    lines: list[FeeLine] = []
    label = activity_name(activity)
    if merged:
        label += " with preparation"
    label = label[:1].upper() + label[1:]
    if main_minutes is not None:
        lines.append(_line_from_minutes(card, label, kind, rate, main_minutes, findings))
    else:
        lines.append(FeeLine(label, kind, rate, duration.amount, rate.amount * duration.amount))
    if prep_line is not None and prep_minutes > 0:
        lines.append(_line_from_minutes(card, *prep_line, prep_minutes, findings))
    rules = card.rules
    if (
        rules.rounding_minutes is None
        and rules.minimum_minutes is None
        and (rules.minimum_payment is None)
    ):
        findings.append(
            _finding("PAY-RULES-UNSTATED", "payments.rules_unstated", card, Severity.INFO)
        )
    exact = Money.total((line.amount for line in lines), card.currency)
    if rules.minimum_payment is not None and not exact.is_zero() and exact < rules.minimum_payment:
        findings.append(
            _finding(
                "PAY-MINIMUM-PAYMENT",
                "payments.minimum_payment",
                card,
                minimum=rules.minimum_payment,
                fee=_unrounded(exact),
            )
        )
        exact = rules.minimum_payment
    fee = exact.quantize()
    if fee != exact:
        findings.append(
            _finding(
                "PAY-ROUND-PENNY",
                "payments.rounded_penny",
                card,
                citations=(penny_rounding(),),
                exact=_unrounded(exact),
                fee=fee,
            )
        )
    used = tuple(dict.fromkeys(line.rate for line in lines))
    interval = _review_interval(parameters, as_at) if card.superseded else 0
    due = {rate for rate in used if card.review_due(rate, as_at, interval)}
    uses = {rate: rate.use(card.id, review_due=rate in due) for rate in used}
    head = [
        _finding(
            "PAY-FEE",
            "payments.fee",
            card,
            parameters=tuple(uses[rate] for rate in used),
            activity=activity_name(activity),
            fee=fee,
        )
    ]
    head.extend(
        _finding(
            "PAY-FEE-LINE",
            "payments.fee_line",
            card,
            parameters=(uses[line.rate],),
            # In the form the catalogue translates (a name, lower case): the sentence
            # capitalises it where it opens one, in each language.
            label=line.label[:1].lower() + line.label[1:],
            units=_plain(line.units),
            unit=_one(line.rate.unit) if line.units == 1 else _plural(line.rate.unit),
            unit_one=_one(line.rate.unit),
            rate=line.rate.amount,
            amount=_unrounded(line.amount),
            effective_from=line.rate.effective_from,
        )
        for line in lines
    )
    findings = head + findings
    for used_rate in used:
        if not used_rate.verified:
            findings.append(
                _finding(
                    "PAY-RATE-UNVERIFIED",
                    "payments.rate_unverified",
                    card,
                    Severity.WARNING,
                    parameters=(uses[used_rate],),
                    rate=used_rate.amount,
                    unit=_one(used_rate.unit),
                    activity=activity_name(used_rate.activity),
                )
            )
        if used_rate in due:
            findings.append(
                _finding(
                    "PAY-RATE-REVIEW-DUE",
                    "payments.rate_review_due",
                    card,
                    Severity.ADVICE,
                    parameters=(uses[used_rate],),
                    rate=used_rate.amount,
                    unit=_one(used_rate.unit),
                    activity=activity_name(used_rate.activity),
                    checked_on=used_rate.checked_on,
                    days=interval,
                )
            )
    return CostedActivity(
        card_id=card.id,
        activity=activity,
        as_at=as_at,
        lines=tuple(lines),
        fee=fee,
        findings=tuple(findings),
    )
