"""Rate cards: what an organisation pays public contributors, per activity and unit, over time.

A :class:`RateCard` is dated data, read from TOML (``[meta]``, ``[rules]`` and
``[[rates]]``; see :doc:`/howto/rate-card`). Each :class:`Rate` says which
:class:`ActivityKind` it pays, per which :class:`RateUnit`, from which day, and cites the
catalogue passage its figure was read in (:mod:`participatory.core.sources`); ``verified`` is
true only for a figure read at a primary source (the funder's or institution's own page).

A card ends in one of two ways. A funder's or institution's card is *in force until
superseded*: it carries the day it was last checked (``checked_on``) and is used after it;
costing says "not re-checked since" once that is longer ago than the review interval
(``data.review_interval_days``). A card with a *known end* (``valid_until``: a pilot that
ended) raises :class:`~participatory.core.errors.ParametersNotAvailable` after it, as it
does before its first rate. An institution lays its own card over a bundled one
(:meth:`RateCard.layered`, :func:`load_rate_card`), and may enter its own documents in a
``[sources]`` table in the catalogue's format.

>>> import datetime as dt
>>> card = bundled_rate_card("whitworth")
>>> card.rate(ActivityKind.ADVISORY_GROUP, RateUnit.SESSION, dt.date(2022, 7, 15)).amount
Money('90.00', 'GBP')
>>> sorted(bundled_rate_cards())[:3]
['blue_heart', 'co_production_collective', 'nihr']
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import functools
import os
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from participatory import guidance_data
from participatory.core import _paths, tomlfile
from participatory.core.errors import (
    ParameterFileError,
    ParametersNotAvailable,
    UnsupportedCase,
    ValidationError,
)
from participatory.core.explain import ParameterUse
from participatory.core.fields import set_repr
from participatory.core.money import Money, parse_money_text
from participatory.core.package_files import package_listing
from participatory.core.record import Record
from participatory.core.sources import Citation, SourceCatalogue
from participatory.core.text import markdown_link, markdown_text

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "ActivityKind",
    "Rate",
    "RateCard",
    "RateRules",
    "RateUnit",
    "RoundingMode",
    "bundled_rate_card",
    "bundled_rate_cards",
    "load_rate_card",
    "parse_rate_card",
    "rate_table_markdown",
    "read_rate_card",
]


class ActivityKind(enum.Enum):
    """What a contributor is paid for (the activity column of a rate card)."""

    #: Attending a meeting (in person or online).
    MEETING = "meeting"
    #: Preparation and reading before an activity.
    PREPARATION = "preparation"
    #: A half-day workshop or event.
    HALF_DAY_WORKSHOP = "half_day_workshop"
    #: A full-day workshop or event.
    FULL_DAY_WORKSHOP = "full_day_workshop"
    #: Co-researcher work (interviewing, analysis, writing), usually by the hour.
    CO_RESEARCH = "co_research"
    #: Reviewing documents (protocols, participant information, lay summaries).
    DOCUMENT_REVIEW = "document_review"
    #: Membership of an advisory or steering group.
    ADVISORY_GROUP = "advisory_group"
    #: Attending training.
    TRAINING = "training"
    #: Any involvement the card pays at one general rate.
    OTHER = "other"


class RateUnit(enum.Enum):
    """The unit a rate is paid per."""

    HOUR = "hour"
    SESSION = "session"
    HALF_DAY = "half_day"
    DAY = "day"


class RoundingMode(enum.Enum):
    """How a card rounds time to its rounding block."""

    UP = "up"
    NEAREST = "nearest"
    DOWN = "down"


@attrs.frozen
class Rate(Record):
    """One rate of a card: an amount per unit for an activity, from a day, with its source.

    ``source`` is the catalogue citation of where the figure was read; ``checked_on`` the
    day it was last checked there (the card's, unless the rate gives its own). ``note`` is
    for maintainers and never reaches a report.
    """

    activity: ActivityKind
    unit: RateUnit
    amount: Money
    effective_from: dt.date
    source: Citation
    verified: bool = False
    checked_on: dt.date | None = None
    note: str | None = attrs.field(default=None, eq=False, repr=False)

    def use(self, card_id: str, *, review_due: bool = False) -> ParameterUse:
        """The rate as a parameter read, for a finding's ``parameters``."""
        return ParameterUse(
            name=f"rate_card.{card_id}.{self.activity.value}.{self.unit.value}",
            value=self.amount.amount,
            effective_from=self.effective_from,
            source=self.source,
            verified=self.verified,
            checked_on=self.checked_on,
            review_due=review_due,
        )


@attrs.frozen
class RateRules(Record):
    """A card's rules for turning time into a fee. ``None`` means the card does not say.

    Minutes are whole minutes. ``session_minutes``, ``half_day_minutes`` and
    ``day_minutes`` say how long one unit is, so that a duration in hours can be paid at a
    session or day rate.
    """

    preparation_paid: bool | None = None
    rounding_minutes: int | None = None
    rounding_mode: RoundingMode = RoundingMode.NEAREST
    minimum_minutes: int | None = None
    minimum_payment: Money | None = None
    session_minutes: int | None = None
    half_day_minutes: int | None = None
    day_minutes: int | None = None

    def unit_minutes(self, unit: RateUnit) -> int | None:
        """How many minutes one ``unit`` is on this card (60 for an hour)."""
        return {
            RateUnit.HOUR: 60,
            RateUnit.SESSION: self.session_minutes,
            RateUnit.HALF_DAY: self.half_day_minutes,
            RateUnit.DAY: self.day_minutes,
        }[unit]


_META_KEYS: Final = frozenset(
    {
        "id",
        "title",
        "publisher",
        "currency",
        "valid_until",
        "superseded",
        "checked_on",
        "source",
        "verified",
        "note",
    }
)
_OVERLAY_META_KEYS: Final = _META_KEYS | {"extends"}
_RATE_KEYS: Final = frozenset(
    {"activity", "unit", "amount", "effective_from", "source", "verified", "checked_on", "note"}
)
_TABLES: Final = frozenset({"meta", "rules", "rates", guidance_data.SOURCES_TABLE})
_RULE_KINDS: Final[Mapping[str, type]] = {
    "preparation_paid": bool,
    "rounding_minutes": int,
    "rounding_mode": str,
    "minimum_minutes": int,
    "minimum_payment": Money,
    "session_minutes": int,
    "half_day_minutes": int,
    "day_minutes": int,
}


@attrs.frozen
class RateCard(Record):
    """An organisation's dated rates, the rules for applying them, and their source.

    ``valid_until`` is the card's known end, or ``None`` when it is in force until
    superseded; then ``checked_on`` is the day it was last checked at its source.
    """

    id: str
    title: str
    #: Whose rates these are (the organisation that pays them).
    publisher: str
    currency: str
    valid_until: dt.date | None
    source: Citation
    rates: tuple[Rate, ...]
    rules: RateRules = RateRules()
    verified: bool = False
    checked_on: dt.date | None = None
    note: str | None = attrs.field(default=None, eq=False, repr=False)
    #: The file(s) it was read from, for error messages.
    file: str = "<memory>"
    _index: Mapping[tuple[ActivityKind, RateUnit], tuple[Rate, ...]] = attrs.field(
        init=False, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        index: dict[tuple[ActivityKind, RateUnit], list[Rate]] = {}
        for rate in sorted(self.rates, key=lambda r: r.effective_from):
            index.setdefault((rate.activity, rate.unit), []).append(rate)
        object.__setattr__(self, "_index", {key: tuple(rates) for key, rates in index.items()})

    @property
    def citation(self) -> Citation:
        """The card's source as a citation (used for its rules)."""
        return self.source

    @property
    def superseded(self) -> bool:
        """Whether the card is in force until superseded (it has no known end)."""
        return self.valid_until is None

    def is_latest(self, rate: Rate) -> bool:
        """Whether ``rate`` is the last one the card gives for its activity and unit."""
        history = self._index.get((rate.activity, rate.unit), ())
        return bool(history) and history[-1] == rate

    def review_due(self, rate: Rate, as_at: dt.date, interval_days: int) -> bool:
        """Whether ``rate``, still in force on ``as_at``, was last checked too long ago.

        Only a card in force until superseded is re-checked; a rate a later one replaced,
        or one with no ``checked_on``, is never due (the loader requires ``checked_on``).
        """
        return (
            self.superseded
            and rate.checked_on is not None
            and self.is_latest(rate)
            and (as_at - rate.checked_on).days > interval_days
        )

    def has(self, activity: ActivityKind, unit: RateUnit) -> bool:
        """Whether the card has any rate for ``activity`` per ``unit`` (on any day)."""
        return (activity, unit) in self._index

    def units_for(self, activity: ActivityKind) -> tuple[RateUnit, ...]:
        """The units the card pays ``activity`` in, in :class:`RateUnit` order."""
        return tuple(unit for unit in RateUnit if (activity, unit) in self._index)

    @property
    def covered_from(self) -> dt.date | None:
        """The first day any rate of the card applies (``None`` for a card with no rates)."""
        return min((rate.effective_from for rate in self.rates), default=None)

    def rate(self, activity: ActivityKind, unit: RateUnit, as_at: dt.date) -> Rate:
        """The rate in force on ``as_at``; before the first rate or past a known end this raises.

        >>> pilot = bundled_rate_card("co_production_collective")
        >>> pilot.rate(ActivityKind.OTHER, RateUnit.HOUR, dt.date(2026, 12, 6))
        Traceback (most recent call last):
        ...
        participatory.core.errors.ParametersNotAvailable: parameter 'rate_card.co-production-collective-2024-09.other.hour' is not available on 2026-12-06: the data covers 2024-09-25 to 2025-03-31. Use a date in that range, or load newer parameter data
        """  # noqa: E501
        history = self._index.get((activity, unit))
        name = f"rate_card.{self.id}.{activity.value}.{unit.value}"
        if history is None:
            # A bundled card may hold no amounts at all (the NIHR card: its table was never
            # read at the source), and then says so rather than offering no activities.
            instead = (
                f"use one of its activities ({', '.join(self.activity_names())}) "
                "or lay your own card over it"
                if self.rates
                else "the card holds no rates (no amount was read at its source): lay your "
                "own card, with the figures from its source, over it"
            )
            raise UnsupportedCase(
                f"a {unit.value} rate for {activity.value!r} on the {self.id!r} rate card",
                instead=instead,
            )
        if as_at < history[0].effective_from or (
            self.valid_until is not None and as_at > self.valid_until
        ):
            raise ParametersNotAvailable(name, as_at, history[0].effective_from, self.valid_until)
        dates = [rate.effective_from for rate in history]
        return history[bisect.bisect_right(dates, as_at) - 1]

    def activity_names(self) -> tuple[str, ...]:
        """The activities the card pays, as their data names."""
        return tuple(kind.value for kind in ActivityKind if self.units_for(kind))

    def layered(self, overlay: RateCard) -> RateCard:
        """A new card: ``overlay`` laid over this one.

        The overlay's identity, source and end (``valid_until`` or in force until superseded,
        with its ``checked_on``) apply; its rates replace this card's rates for the same
        activity, unit and ``effective_from`` and add to the rest; each rule it states
        replaces this card's rule.
        """
        if overlay.currency != self.currency:
            raise ParameterFileError(
                overlay.file, "meta.currency", f"differs from the base card's {self.currency!r}"
            )
        by_key = {(r.activity, r.unit, r.effective_from): r for r in self.rates}
        by_key.update({(r.activity, r.unit, r.effective_from): r for r in overlay.rates})
        stated = {
            name: getattr(overlay.rules, name)
            for name in overlay.rule_names_stated
            if name in _RULE_KINDS
        }
        return attrs.evolve(
            overlay,
            rates=tuple(by_key[key] for key in sorted(by_key, key=_rate_sort_key)),
            rules=attrs.evolve(self.rules, **stated),
            file=f"{overlay.file} over {self.file}",
            rule_names_stated=self.rule_names_stated | overlay.rule_names_stated,
        )

    #: The rule names the card's file actually states (layering keeps only these).
    rule_names_stated: frozenset[str] = attrs.field(
        default=frozenset(), kw_only=True, repr=set_repr
    )


def _rate_sort_key(key: tuple[ActivityKind, RateUnit, dt.date]) -> tuple[str, str, dt.date]:
    return (key[0].value, key[1].value, key[2])


def _get(table: Mapping[str, Any], key: str, kind: type, file: str, path: str) -> Any:
    value: Any = tomlfile.require(table, key, kind, file=file, path=path)
    if kind is str and not value.strip():
        raise ParameterFileError(file, f"{path}.{key}", "must not be empty")
    return value


def _money(raw: Mapping[str, Any], name: str, currency: str, file: str, path: str) -> Money:
    """Money in a card, ``"25.00 GBP"`` in the card's currency (``amount``, ``minimum_payment``).

    A bare number (``25.00``), the form cards were written in before, is still read, in
    the card's currency.
    """
    key = f"{path}.{name}" if path else name
    if name not in raw:
        raise ParameterFileError(file, key, "is missing")
    value = raw[name]
    if isinstance(value, str):
        try:
            number, written = parse_money_text(value, key)
        except ValidationError as error:
            raise ParameterFileError(file, key, error.problem) from None
        if written != currency:
            raise ParameterFileError(
                file, key, f"is in {written}, but the card's currency is {currency}"
            )
        return Money(_amount(number, file, key), currency)
    return Money(_amount(value, file, key), currency)


def _amount(value: object, file: str, key: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise ParameterFileError(file, key, 'must be money such as "25.00 GBP"')
    amount = Decimal(value)
    if not amount.is_finite() or amount < 0:
        raise ParameterFileError(file, key, "must be a finite amount, not negative")
    return amount


def _maybe(table: Mapping[str, Any], key: str, kind: type, file: str, path: str) -> Any:
    return _get(table, key, kind, file, path) if key in table else None


def _enum(enum_type: type[enum.Enum], value: object, file: str, path: str) -> Any:
    try:
        return enum_type(value)
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in enum_type)
        raise ParameterFileError(file, path, f"must be one of {allowed}") from None


def _parse_rules(raw: object, currency: str, file: str) -> tuple[RateRules, frozenset[str]]:
    if not isinstance(raw, Mapping):
        raise ParameterFileError(file, "rules", "must be a table")
    unknown = set(raw) - set(_RULE_KINDS)
    if unknown:
        raise ParameterFileError(file, "rules", f"unknown key(s) {sorted(unknown)}")
    values: dict[str, Any] = {}
    for name, kind in _RULE_KINDS.items():
        if kind is Money:
            if name in raw:
                values[name] = _money(raw, name, currency, file, "rules")
            continue
        value = _maybe(raw, name, kind, file, "rules")
        if value is None:
            continue
        if kind is int and value <= 0:
            raise ParameterFileError(file, f"rules.{name}", "must be a whole number above 0")
        if name == "rounding_mode":
            value = _enum(RoundingMode, value, file, "rules.rounding_mode")
        values[name] = value
    return RateRules(**values), frozenset(values)


def _sourced(
    raw: Mapping[str, Any], catalogue: SourceCatalogue, file: str, path: str
) -> tuple[Citation, bool]:
    """A table's ``source`` (a catalogue reference) and ``verified`` flag, checked together.

    Like a parameter value, a figure is verified only when it was read at a primary source:
    ``verified = true`` beside a secondary source is refused.
    """
    citation = guidance_data.cite(
        catalogue, _get(raw, "source", str, file, path), file, f"{path}.source"
    )
    verified = _get(raw, "verified", bool, file, path)
    if verified and not citation.source.primary:
        raise ParameterFileError(
            file,
            f"{path}.verified",
            f"is true but {citation.key!r} is not a primary source: a figure read only in a "
            "secondary source stays usable, marked verified = false",
        )
    return attrs.evolve(citation, verified=verified), verified


def _parse_rate(
    raw: object,
    currency: str,
    catalogue: SourceCatalogue,
    checked_on: dt.date | None,
    file: str,
    path: str,
) -> Rate:
    if not isinstance(raw, Mapping):
        raise ParameterFileError(file, path, "must be a table")
    unknown = set(raw) - _RATE_KEYS
    if unknown:
        raise ParameterFileError(file, path, f"unknown key(s) {sorted(unknown)}")
    source, verified = _sourced(raw, catalogue, file, path)
    own_check = _maybe(raw, "checked_on", dt.date, file, path)
    return Rate(
        activity=_enum(
            ActivityKind, _get(raw, "activity", str, file, path), file, f"{path}.activity"
        ),
        unit=_enum(RateUnit, _get(raw, "unit", str, file, path), file, f"{path}.unit"),
        amount=_money(raw, "amount", currency, file, path),
        effective_from=_get(raw, "effective_from", dt.date, file, path),
        source=source,
        verified=verified,
        checked_on=own_check if own_check is not None else checked_on,
        note=_maybe(raw, "note", str, file, path),
    )


def _end(meta: Mapping[str, Any], file: str) -> tuple[dt.date | None, dt.date | None]:
    """The card's known end or, for a card in force until superseded, the day last checked."""
    valid_until = _maybe(meta, "valid_until", dt.date, file, "meta")
    superseded = tomlfile.flag(meta, "superseded", file=file, path="meta", default=False)
    checked_on = _maybe(meta, "checked_on", dt.date, file, "meta")
    if valid_until is not None and superseded:
        raise ParameterFileError(
            file, "meta", "has both valid_until and superseded = true: choose one kind of end"
        )
    if valid_until is None and not superseded:
        raise ParameterFileError(
            file,
            "meta.valid_until",
            "is missing (give the card's known end, or superseded = true with checked_on)",
        )
    if superseded and checked_on is None:
        raise ParameterFileError(
            file,
            "meta.checked_on",
            "is missing: a card in force until superseded needs the day it was last checked",
        )
    return valid_until, checked_on


def _parse_document(text: str, file: str) -> tuple[RateCard, str | None]:
    document = tomlfile.parse_toml(text, file)
    unknown_tables = set(document) - _TABLES
    if unknown_tables:
        raise ParameterFileError(file, "", f"unknown table(s) {sorted(unknown_tables)}")
    meta = document.get("meta")
    if not isinstance(meta, Mapping):
        raise ParameterFileError(file, "meta", "is missing (every card needs a [meta] table)")
    unknown = set(meta) - _OVERLAY_META_KEYS
    if unknown:
        raise ParameterFileError(file, "meta", f"unknown key(s) {sorted(unknown)}")
    currency = _get(meta, "currency", str, file, "meta")
    try:
        Money.zero(currency)
    except ValueError:
        raise ParameterFileError(file, "meta.currency", "must be an ISO 4217 code") from None
    catalogue = guidance_data.catalogue_for(document, file)
    valid_until, checked_on = _end(meta, file)
    raw_rates = document.get("rates", [])
    if not isinstance(raw_rates, list):
        raise ParameterFileError(file, "rates", "must be an array of tables ([[rates]])")
    rates = tuple(
        _parse_rate(raw, currency, catalogue, checked_on, file, f"rates[{i}]")
        for i, raw in enumerate(raw_rates)
    )
    seen: set[tuple[ActivityKind, RateUnit, dt.date]] = set()
    for index, rate in enumerate(rates):
        key = (rate.activity, rate.unit, rate.effective_from)
        if key in seen:
            raise ParameterFileError(
                file, f"rates[{index}]", "repeats the activity, unit and effective_from of a rate"
            )
        seen.add(key)
    if rates and valid_until is not None and valid_until < max(r.effective_from for r in rates):
        raise ParameterFileError(file, "meta.valid_until", "is before a rate's effective_from")
    rules, stated = _parse_rules(document.get("rules", {}), currency, file)
    source, verified = _sourced(meta, catalogue, file, "meta")
    card = RateCard(
        id=_get(meta, "id", str, file, "meta"),
        title=_get(meta, "title", str, file, "meta"),
        publisher=_get(meta, "publisher", str, file, "meta"),
        currency=currency,
        valid_until=valid_until,
        source=source,
        verified=verified,
        checked_on=checked_on,
        note=_maybe(meta, "note", str, file, "meta"),
        rates=rates,
        rules=rules,
        file=file,
        rule_names_stated=stated,
    )
    return card, _maybe(meta, "extends", str, file, "meta")


def parse_rate_card(text: str, file: str = "<string>") -> RateCard:
    r"""Parse and check one rate card's TOML; every error names the file and the key.

    A card on its own must have at least one rate (a card that ``extends`` another may
    state only rules; use :func:`load_rate_card` for those).

    >>> parse_rate_card('[meta]\nid = "x"', "mine.toml")
    Traceback (most recent call last):
    ...
    participatory.core.errors.ParameterFileError: mine.toml: meta.currency: is missing
    """
    card, _extends = _parse_document(text, file)
    if not card.rates:
        raise ParameterFileError(file, "rates", "must hold at least one [[rates]] table")
    return card


@functools.cache
def _bundled_text(name: str) -> str:
    return tomlfile.bundled_text(f"rate_cards/{name}.toml")


@functools.cache
def _bundled_names() -> dict[str, None]:
    """The bundled cards' names, in order (keys of a dict: a lookup, as the cards' own was)."""
    listing = package_listing("data/rate_cards")
    return dict.fromkeys(sorted(name[:-5] for name, _ in listing if name.endswith(".toml")))


# Bounded: called only with a name from _bundled_names(), one entry per bundled file. A
# caller asking for one card reads that card alone, not all of them.
@functools.cache
def _bundled_card(name: str) -> RateCard:
    return _parse_document(_bundled_text(name), f"participatory/data/rate_cards/{name}.toml")[0]


@functools.cache
def bundled_rate_cards() -> Mapping[str, RateCard]:
    """Every rate card shipped with the library, by file name (read once, then cached).

    Unlike a card of one's own, a bundled card may hold no rates: the NIHR card names its
    source, but no amount was read there, so costing on it refuses until a card is laid
    over it.
    """
    return {name: _bundled_card(name) for name in _bundled_names()}


def bundled_rate_card(name: str) -> RateCard:
    """One bundled card by file name (``"nihr"``, ``"whitworth"`` …).

    Only that card is read; it is the same object :func:`bundled_rate_cards` holds.
    """
    if not isinstance(name, str):
        raise ValidationError("name", f"must be a card's name (text), not {type(name).__name__}")
    names = _bundled_names()
    if name not in names:
        raise UnsupportedCase(
            f"a bundled rate card named {name!r}", instead=f"use one of {', '.join(names)}"
        )
    return _bundled_card(name)


def load_rate_card(path: str | Path, *, base: RateCard | str | None = None) -> RateCard:
    """Read an institution's card from a TOML file, laid over ``base`` if there is one.

    ``base`` is a card or a bundled card's name; without it the file's ``meta.extends``
    names the bundled card to lay it over, and without that the file stands alone.
    """
    text = tomlfile.read_file(path)  # refuses first anything that is not a path
    return read_rate_card(text, _paths.text(os.fspath(path)), base=base)


def read_rate_card(text: str, file: str, *, base: RateCard | str | None = None) -> RateCard:
    """Like :func:`load_rate_card`, for a card's TOML text already read (standard input).

    >>> from participatory.payments.rates import read_rate_card
    >>> text = '''
    ... [meta]
    ... id = "ours"
    ... title = "Our rates"
    ... publisher = "Our university"
    ... extends = "whitworth"
    ... currency = "GBP"
    ... superseded = true
    ... checked_on = 2026-12-06
    ... source = "bath_report_2022#s5_1"
    ... verified = false
    ... '''
    >>> card = read_rate_card(text, "<stdin>")
    >>> card.id, len(card.rates) > 0
    ('ours', True)

    The bundled NIHR card holds no rates, so a card laid over it must bring its own:

    >>> read_rate_card(text.replace('"whitworth"', '"nihr"'), "<stdin>")
    Traceback (most recent call last):
    ...
    participatory.core.errors.ParameterFileError: <stdin>: rates: must hold at least one [[rates]] table ('nihr' holds none)
    """  # noqa: E501
    if base is not None and not isinstance(base, str | RateCard):
        raise ValidationError(
            "base", f"must be a RateCard or a card's name, not {type(base).__name__}"
        )
    card, extends = _parse_document(text, file)
    chosen = base if base is not None else extends
    if chosen is None:
        if not card.rates:
            raise ParameterFileError(file, "rates", "must hold at least one [[rates]] table")
        return card
    if isinstance(chosen, str):
        try:
            chosen = bundled_rate_card(chosen)
        except UnsupportedCase as error:
            raise ParameterFileError(file, "meta.extends", str(error)) from None
    layered = chosen.layered(card)
    if not layered.rates:
        raise ParameterFileError(
            file, "rates", f"must hold at least one [[rates]] table ({chosen.id!r} holds none)"
        )
    return layered


def _cell(text: object) -> str:
    # A table cell that stays text: pipes, markup and control characters escaped.
    return markdown_text(str(text))


def rate_table_markdown(cards: Mapping[str, RateCard] | None = None) -> str:
    """A Markdown table of every bundled rate (for the docs), generated from the data.

    >>> print(rate_table_markdown().splitlines()[0])
    | Card | Activity | Unit | Amount | From | In force | Source | Verified | Last checked |
    """
    chosen = bundled_rate_cards() if cards is None else cards
    lines = [
        "| Card | Activity | Unit | Amount | From | In force | Source | Verified | Last checked |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, card in sorted(chosen.items()):
        end = "until superseded" if card.valid_until is None else f"to {card.valid_until}"
        if not card.rates:
            # A card that names its source but holds no amount read there still gets a row,
            # so the table does not hide that the funder's figures are missing.
            source = markdown_link(card.source.short, card.source.link)
            lines.append(
                f"| `{name}` | — | — | no amount read | — | {end} | {source} | **no** | "
                f"{card.checked_on or '—'} |"
            )
        for rate in card.rates:
            # The card's source URL cannot close the link early or add markup of its own.
            source = markdown_link(rate.source.short, rate.source.link)
            lines.append(
                f"| `{name}` | {rate.activity.value} | {rate.unit.value} | "
                f"{rate.amount.amount} {rate.amount.currency} | {rate.effective_from} | "
                f"{end} | {source} | {'yes' if rate.verified else '**no**'} | "
                f"{rate.checked_on or '—'} |"
            )
    return "\n".join(lines) + "\n"
