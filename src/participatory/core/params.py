"""Dated, sourced policy parameters: every rate, limit and threshold is data.

Parameters live in TOML files under ``participatory/data/parameters/`` (the format is
described in :doc:`/concepts/parameters`). Each value has the date it takes effect, the
catalogue reference of the source it was read in (:mod:`participatory.core.sources`) and
whether the figure was read at a primary source. A parameter's legal ``reference`` is a
catalogue reference too, and travels to every finding that uses it.

A figure ends in one of two ways. One with a *known end* (a benefit rate, until the next
uprating) has a ``valid_until``: a date after it raises
:class:`~participatory.core.errors.ParametersNotAvailable` rather than silently using a stale
figure (unless the caller accepts stale figures explicitly). One *in force until superseded*
(a funder's rate card, HMRC's mileage rates) is used after the day it was last checked, and
its use says "not re-checked since" once that is longer ago than the review interval
(``data.review_interval_days``, which an institution can set). An institution layers its own
file over the bundled data.

>>> import datetime as dt
>>> params = bundled_parameters()
>>> use = params.use("universal_credit.taper_rate", dt.date(2025, 6, 1))
>>> use.value
Decimal('0.55')
>>> custom = params.with_value("universal_credit.taper_rate", Decimal("0.50"),
...                            effective_from=dt.date(2025, 4, 1), source="What if: 50% taper")
>>> custom.number("universal_credit.taper_rate", dt.date(2025, 6, 1))
Decimal('0.50')
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import os
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from participatory.core import _paths, tomlfile
from participatory.core.errors import (
    ParameterFileError,
    ParametersNotAvailable,
    UnknownParameter,
    UnknownSource,
    ValidationError,
)
from participatory.core.explain import ParameterUse
from participatory.core.money import Money
from participatory.core.package_files import package_listing, read_package_text
from participatory.core.record import Record
from participatory.core.sources import (
    Citation,
    Source,
    SourceCatalogue,
    bundled_sources,
    sources_from_tables,
)

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "CACHE_LIMIT",
    "UNITS",
    "BoundedCache",
    "Parameter",
    "ParameterSet",
    "ParameterValue",
    "bundled_parameters",
    "load_parameter_file",
    "load_parameters",
    "parse_parameters",
]

#: The units a parameter may have, and the Python type its values take.
UNITS: Final[Mapping[str, tuple[type, ...]]] = {
    "GBP": (Decimal, int),
    "ratio": (Decimal, int),
    "hours": (Decimal, int),
    "count": (int,),
    "days": (int,),
    "boolean": (bool,),
    "text": (str,),
    "date": (dt.date,),
}
_T = TypeVar("_T")
_PERIODS: Final = frozenset({"hour", "day", "week", "month", "year"})
_PARAMETER_KEYS: Final = frozenset(
    {"description", "unit", "period", "reference", "valid_until", "superseded", "values"}
)
_VALUE_KEYS: Final = frozenset(
    {"effective_from", "value", "source", "verified", "checked_on", "note"}
)
#: The parameter an institution sets to change how old a check may be before it is reported.
REVIEW_INTERVAL: Final = "data.review_interval_days"


@attrs.frozen
class ParameterValue(Record):
    """One value of a parameter, the day it takes effect, and where it was read.

    ``verified`` is true only when the figure itself was read at a primary source (the
    loader refuses it for a secondary one). ``note`` is for maintainers and never reaches a
    report.
    """

    effective_from: dt.date
    value: object
    source: Citation
    verified: bool = False
    checked_on: dt.date | None = None
    note: str | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Parameter(Record):
    """A named policy figure and its values over time."""

    name: str
    description: str
    unit: str
    values: tuple[ParameterValue, ...]
    #: The last day the figures are known to be current; ``None`` when the last value is in
    #: force until superseded.
    valid_until: dt.date | None
    period: str | None = None
    #: The law or guidance the parameter implements (a catalogue citation).
    reference: Citation | None = None
    #: The file it was read from (for error messages and the docs tables).
    file: str = "<memory>"
    _dates: tuple[dt.date, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_dates", tuple(v.effective_from for v in self.values))

    @property
    def covered_from(self) -> dt.date:
        """The first day any value applies."""
        return self.values[0].effective_from

    @property
    def superseded(self) -> bool:
        """Whether the last value is in force until superseded (no known end)."""
        return self.valid_until is None

    @property
    def last_checked(self) -> dt.date | None:
        """The day the value now in force was last checked at its source, if recorded."""
        return self.values[-1].checked_on

    def is_stale_as_at(self, as_at: dt.date) -> bool:
        """Whether ``as_at`` lies past the figures' known end."""
        return self.valid_until is not None and as_at > self.valid_until

    def value_as_at(self, as_at: dt.date, *, allow_stale: bool = False) -> ParameterValue:
        """The value in force on ``as_at``.

        Past a known ``valid_until`` this raises unless ``allow_stale`` is true, in which case
        the last value is returned (the caller must report that it did so).
        """
        if as_at < self.values[0].effective_from or (
            self.valid_until is not None and as_at > self.valid_until and not allow_stale
        ):
            raise ParametersNotAvailable(self.name, as_at, self.covered_from, self.valid_until)
        return self.values[bisect.bisect_right(self._dates, as_at) - 1]


#: How many remembered look-ups a parameter set keeps before it forgets the oldest half.
#: Engines ask for the same figures on the same few days over and over; a caller asking for
#: tens of thousands of distinct days (a stale-tolerant batch over decades) must not make the
#: set grow without bound inside a long-running server.
CACHE_LIMIT: Final = 4096


class BoundedCache(dict[Hashable, Any]):
    """A dict that drops its oldest half once it holds ``CACHE_LIMIT`` entries.

    >>> cache = BoundedCache()
    >>> cache.remember("key", 1)
    1
    >>> cache["key"]
    1
    """

    __slots__ = ()

    def remember(self, key: Hashable, value: _T) -> _T:
        """Store ``value`` under ``key`` (dropping the older half when full) and return it."""
        if len(self) >= CACHE_LIMIT:
            # Threads may share a cache (the bundled parameters' look-ups, the rates records):
            # list() copies the keys in one step no other thread interrupts, and an entry
            # another thread evicted meanwhile is simply gone already.
            for old in list(self)[: CACHE_LIMIT // 2]:
                self.pop(old, None)
        self[key] = value
        return value


class ParameterSet(Mapping[str, Parameter]):
    """An immutable collection of parameters, looked up by name and date.

    Look-ups are remembered (a bounded cache per set), so rules may ask for the same figure
    for every period of every contributor at the cost of a dictionary look-up.
    """

    __slots__ = ("_cache", "_memo", "_parameters")

    def __init__(self, parameters: Mapping[str, Parameter]) -> None:
        # Another set's parameters are shared (a set never changes them), and the bundled
        # ones kept as they come, each parsed when first read; any other mapping is copied,
        # so the set cannot change under its caller.
        self._parameters: Mapping[str, Parameter]
        if isinstance(parameters, ParameterSet):
            self._parameters = parameters._parameters
        elif isinstance(parameters, _ParsedOnDemand):
            self._parameters = parameters
        else:
            self._parameters = dict(parameters)
        self._cache = BoundedCache()
        self._memo = BoundedCache()

    def __getitem__(self, name: str) -> Parameter:
        try:
            return self._parameters[name]
        except KeyError:
            # Imported only for a mistake: no correct run of the library needs difflib.
            import difflib

            close = difflib.get_close_matches(name, self._parameters, n=1)
            raise UnknownParameter(name, close[0] if close else None) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._parameters)

    def __len__(self) -> int:
        return len(self._parameters)

    def __repr__(self) -> str:
        return f"<ParameterSet of {len(self)} parameters>"

    def use(self, name: str, as_at: dt.date, *, allow_stale: bool = False) -> ParameterUse:
        """The value of ``name`` in force on ``as_at``, with its source, ready to cite."""
        key = (name, as_at, allow_stale)
        cached: ParameterUse | None = self._cache.get(key)
        if cached is not None:
            return cached
        parameter = self[name]
        chosen = parameter.value_as_at(as_at, allow_stale=allow_stale)
        use = ParameterUse(
            name=name,
            value=chosen.value,
            effective_from=chosen.effective_from,
            source=chosen.source,
            reference=parameter.reference,
            verified=chosen.verified,
            stale=parameter.is_stale_as_at(as_at),
            checked_on=chosen.checked_on,
            review_due=self._review_due(parameter, chosen, as_at),
        )
        return self._cache.remember(key, use)

    def _review_due(self, parameter: Parameter, chosen: ParameterValue, as_at: dt.date) -> bool:
        if not parameter.superseded or chosen is not parameter.values[-1]:
            return False
        if chosen.checked_on is None or parameter.name == REVIEW_INTERVAL:
            return chosen.checked_on is None
        interval = self._parameters.get(REVIEW_INTERVAL)
        if interval is None:
            return False
        days = interval.value_as_at(as_at, allow_stale=True).value
        return isinstance(days, int) and (as_at - chosen.checked_on).days > days

    def memo(self, key: Hashable, build: Callable[..., _T], *arguments: Any) -> _T:
        """``build(*arguments)``, remembered under ``key`` while this set lives (bounded).

        For figures derived from this set's parameters (a rule's rates for one period), so
        that they are derived once per set and day rather than once per contributor.
        """
        try:
            return self._memo[key]  # type: ignore[no-any-return]
        except KeyError:
            return self._memo.remember(key, build(*arguments))

    def value(self, name: str, as_at: dt.date) -> object:
        """The bare value of ``name`` in force on ``as_at``."""
        return self.use(name, as_at).value

    def number(self, name: str, as_at: dt.date) -> Decimal:
        """A numeric parameter as a Decimal."""
        value = self.use(name, as_at).value
        if isinstance(value, bool) or not isinstance(value, Decimal | int):
            raise TypeError(f"parameter {name!r} is not a number")
        return Decimal(value)

    def money(self, name: str, as_at: dt.date, currency: str = "GBP") -> Money:
        """A parameter in a currency unit as :class:`~participatory.core.money.Money`."""
        if self[name].unit != currency:
            raise TypeError(f"parameter {name!r} is in {self[name].unit}, not {currency}")
        return Money(self.number(name, as_at), currency)

    @property
    def valid_until(self) -> dt.date | None:
        """The earliest known end of any parameter: the whole set is current to here."""
        ends = [p.valid_until for p in self._parameters.values() if p.valid_until is not None]
        return min(ends) if ends else None

    def layered(self, overlay: Mapping[str, Parameter]) -> ParameterSet:
        """A new set with ``overlay``'s parameters laid over these.

        A parameter in both keeps every value of this set, except that a value of the
        overlay on the same ``effective_from`` replaces it; the overlay's ``valid_until``
        and description apply. The overlay may add parameters of its own.
        """
        merged = dict(self._parameters)
        for name, top in overlay.items():
            base = merged.get(name)
            if base is None:
                merged[name] = top
                continue
            if base.unit != top.unit:
                raise ParameterFileError(
                    top.file, name, f"unit {top.unit!r} differs from the bundled {base.unit!r}"
                )
            by_date = {v.effective_from: v for v in base.values}
            by_date.update({v.effective_from: v for v in top.values})
            merged[name] = attrs.evolve(top, values=tuple(by_date[d] for d in sorted(by_date)))
        return ParameterSet(merged)

    def with_value(
        self,
        name: str,
        value: object,
        *,
        effective_from: dt.date,
        source: str,
        valid_until: dt.date | None = None,
    ) -> ParameterSet:
        """A "what if" copy in which ``name`` takes ``value`` from ``effective_from``.

        The new value is marked unverified: it is a scenario, not a sourced figure.
        """
        base = self[name]
        _check_value_type(base.unit, value, base.file, name)
        scenario = Source(
            key="what_if",
            title=source,
            short_title=source,
            primary=False,
            read_on=None,
            publisher="the caller (a what-if scenario)",
        )
        new_value = ParameterValue(effective_from, value, Citation(scenario), verified=False)
        end = valid_until
        if end is None and base.valid_until is not None:
            end = max(base.valid_until, effective_from)
        overlay = attrs.evolve(base, values=(new_value,), valid_until=end)
        return self.layered({name: overlay})

    def describe(self) -> list[Parameter]:
        """Every parameter, sorted by name (for documentation tables)."""
        return [self._parameters[name] for name in sorted(self._parameters)]


def _check_value_type(unit: str, value: object, file: str, key: str) -> None:
    allowed = UNITS[unit]
    if (isinstance(value, bool) and bool not in allowed) or not isinstance(value, allowed):
        raise ParameterFileError(
            file,
            key,
            f"value {value!r} does not fit unit {unit!r} (expected {allowed[0].__name__})",
        )
    if isinstance(value, Decimal) and not value.is_finite():
        raise ParameterFileError(file, key, "value must be a finite number")


def _require(table: Mapping[str, Any], key: str, kind: type, file: str, path: str) -> Any:
    return tomlfile.require(table, key, kind, file=file, path=path)


def _optional(table: Mapping[str, Any], key: str, kind: type, file: str, path: str) -> Any:
    return tomlfile.optional(table, key, kind, file=file, path=path)


def _cite(catalogue: SourceCatalogue, reference: str, file: str, path: str) -> Citation:
    try:
        return catalogue.cite(reference)
    except UnknownSource as problem:
        raise ParameterFileError(file, path, str(problem)) from None


def _parse_value(
    raw: object, unit: str, file: str, path: str, catalogue: SourceCatalogue
) -> ParameterValue:
    if not isinstance(raw, Mapping):
        raise ParameterFileError(file, path, "must be a table")
    unknown = set(raw) - _VALUE_KEYS
    if unknown:
        raise ParameterFileError(file, path, f"unknown key(s) {sorted(unknown)}")
    if "value" not in raw:
        raise ParameterFileError(file, f"{path}.value", "is missing")
    _check_value_type(unit, raw["value"], file, f"{path}.value")
    reference = _require(raw, "source", str, file, path)
    citation = _cite(catalogue, reference, file, f"{path}.source")
    verified = _require(raw, "verified", bool, file, path)
    if verified and not citation.source.primary:
        raise ParameterFileError(
            file,
            f"{path}.verified",
            f"is true but {citation.key!r} is not a primary source: a figure read only in a "
            "secondary source stays usable, marked verified = false",
        )
    return ParameterValue(
        effective_from=_require(raw, "effective_from", dt.date, file, path),
        value=raw["value"],
        # A value's citation is verified exactly when the figure was read at a primary source.
        source=attrs.evolve(citation, verified=verified),
        verified=verified,
        checked_on=_optional(raw, "checked_on", dt.date, file, path),
        note=_optional(raw, "note", str, file, path),
    )


def _parse_parameter(
    name: str,
    table: Mapping[str, Any],
    default_until: dt.date | None,
    default_superseded: bool,
    file: str,
    catalogue: SourceCatalogue,
) -> Parameter:
    unknown = set(table) - _PARAMETER_KEYS
    if unknown:
        raise ParameterFileError(file, name, f"unknown key(s) {sorted(unknown)}")
    unit = _require(table, "unit", str, file, name)
    if unit not in UNITS:
        raise ParameterFileError(file, f"{name}.unit", f"must be one of {sorted(UNITS)}")
    period = _optional(table, "period", str, file, name)
    if period is not None and period not in _PERIODS:
        raise ParameterFileError(file, f"{name}.period", f"must be one of {sorted(_PERIODS)}")
    raw_values = table["values"]
    if not isinstance(raw_values, list) or not raw_values:
        raise ParameterFileError(file, f"{name}.values", "must be a non-empty array of tables")
    values = tuple(
        _parse_value(raw, unit, file, f"{name}.values[{i}]", catalogue)
        for i, raw in enumerate(raw_values)
    )
    dates = [v.effective_from for v in values]
    if dates != sorted(set(dates)):
        raise ParameterFileError(
            file, f"{name}.values", "effective_from dates must be unique and in ascending order"
        )
    own_until = _optional(table, "valid_until", dt.date, file, name)
    superseded = tomlfile.flag(table, "superseded", file=file, path=name, default=False)
    if own_until is not None and superseded:
        raise ParameterFileError(
            file, name, "has both valid_until and superseded = true: choose one kind of end"
        )
    if own_until is None and not superseded:
        superseded = default_superseded
        own_until = None if superseded else default_until
    if own_until is None and not superseded:
        raise ParameterFileError(
            file,
            f"{name}.valid_until",
            "is missing (give the known end, or superseded = true, here or in [meta])",
        )
    if own_until is not None and own_until < dates[-1]:
        raise ParameterFileError(
            file, f"{name}.valid_until", "is before the last value's effective_from"
        )
    if superseded and values[-1].checked_on is None:
        raise ParameterFileError(
            file,
            f"{name}.values[{len(values) - 1}].checked_on",
            "is missing: a figure in force until superseded needs the day it was last checked",
        )
    raw_reference = _optional(table, "reference", str, file, name)
    reference = (
        None
        if raw_reference is None
        else _cite(catalogue, raw_reference, file, f"{name}.reference")
    )
    return Parameter(
        name=name,
        description=_require(table, "description", str, file, name),
        unit=unit,
        values=values,
        valid_until=own_until,
        period=period,
        reference=reference,
        file=file,
    )


class _Unparsed:
    """One parameter's table as its file gives it, with what parsing it needs from the file."""

    # A plain class: an attrs one would compile its generated methods at every import.
    __slots__ = ("catalogue", "default_superseded", "default_until", "file", "name", "table")

    def __init__(
        self,
        name: str,
        table: Mapping[str, Any],
        default_until: dt.date | None,
        default_superseded: bool,
        file: str,
        catalogue: SourceCatalogue,
    ) -> None:
        self.name = name
        self.table = table
        self.default_until = default_until
        self.default_superseded = default_superseded
        self.file = file
        self.catalogue = catalogue

    def parse(self) -> Parameter:
        """The parameter, validated as :func:`parse_parameters` validates it."""
        return _parse_parameter(
            self.name,
            self.table,
            self.default_until,
            self.default_superseded,
            self.file,
            self.catalogue,
        )


def _walk(
    table: Mapping[str, Any],
    prefix: str,
    default_until: dt.date | None,
    default_superseded: bool,
    file: str,
    catalogue: SourceCatalogue,
) -> Iterator[_Unparsed]:
    # The file's shape (every name a parameter or a table of them) is checked here, for
    # every parameter, whether or not it is parsed now.
    for key, child in table.items():
        name = f"{prefix}.{key}" if prefix else key
        if not isinstance(child, Mapping):
            raise ParameterFileError(file, name, "is neither a parameter nor a namespace table")
        if "values" in child:
            yield _Unparsed(name, child, default_until, default_superseded, file, catalogue)
        else:
            yield from _walk(child, name, default_until, default_superseded, file, catalogue)


class _ParsedOnDemand(Mapping[str, Parameter]):
    r"""Parameters by name, each parsed and validated the first time it is read.

    What :func:`bundled_parameters` holds: a run reads a handful of the bundled figures,
    and parsing every one (with the catalogue entries of the documents it cites) cost a
    command-line run more than its assessment. The names, and the shape of each file, are
    known at once; a parameter is parsed exactly as :func:`parse_parameters` parses it, once,
    and kept. The bundled data is tested to parse whole, so a problem in it is a failing
    test, not a first reading that raises. Bounded by the parameters it was given.

    >>> parameters = _ParsedOnDemand(
    ...     _unparsed('[pay.rate]\ndescription = "A rate"\nunit = "GBP"\n'
    ...               'valid_until = 2026-03-31\n[[pay.rate.values]]\n'
    ...               'effective_from = 2025-04-01\nvalue = 12.21\n'
    ...               'source = "govuk_nmw_rates"\nverified = false\n', "pay.toml"))
    >>> list(parameters), parameters.parsed
    (['pay.rate'], 0)
    >>> parameters["pay.rate"].values[0].value, parameters.parsed
    (Decimal('12.21'), 1)
    """

    __slots__ = ("_parsed", "_unparsed")

    def __init__(self, unparsed: Iterable[_Unparsed]) -> None:
        self._unparsed: dict[str, _Unparsed] = {}
        for item in unparsed:
            self._unparsed[item.name] = item
        self._parsed: dict[str, Parameter] = {}

    def __getitem__(self, name: str) -> Parameter:
        try:
            return self._parsed[name]
        except KeyError:
            parameter = self._unparsed[name].parse()
            # Two threads may both parse a parameter: they make equal ones, and the first
            # kept is the one every later reading gets.
            return self._parsed.setdefault(name, parameter)

    def __contains__(self, name: object) -> bool:
        return name in self._unparsed

    def __iter__(self) -> Iterator[str]:
        return iter(self._unparsed)

    def __len__(self) -> int:
        return len(self._unparsed)

    @property
    def parsed(self) -> int:
        """How many of the parameters have been parsed so far."""
        return len(self._parsed)


def _unparsed(
    text: str, file: str = "<string>", catalogue: SourceCatalogue | None = None
) -> Iterator[_Unparsed]:
    """One parameter file's parameters, not yet parsed, in the file's order.

    The file's ``[meta]`` and ``[sources]`` are read now; each parameter's place is checked
    as it is reached, so a caller parsing as it goes meets the file's problems in order.
    """
    document = tomlfile.parse_toml(text, file)
    meta = document.pop("meta", {})
    if not isinstance(meta, Mapping):
        raise ParameterFileError(file, "meta", "must be a table")
    own_sources = document.pop("sources", None)
    known = catalogue if catalogue is not None else bundled_sources()
    if own_sources is not None:
        # An institution's file may enter its own documents (its policy, its rate card).
        if not isinstance(own_sources, Mapping):
            raise ParameterFileError(file, "sources", "must be a table of documents")
        try:
            known = known.layered(sources_from_tables(own_sources, f"{file} [sources]"))
        except UnknownSource as problem:
            raise ParameterFileError(file, "sources", str(problem)) from None
    default_until = _optional(meta, "valid_until", dt.date, file, "meta")
    default_superseded = tomlfile.flag(meta, "superseded", file=file, path="meta", default=False)
    return _walk(document, "", default_until, default_superseded, file, known)


def parse_parameters(
    text: str, file: str = "<string>", catalogue: SourceCatalogue | None = None
) -> dict[str, Parameter]:
    r"""Parse and validate one parameter file's text; errors name the file and key.

    >>> parse_parameters('[x]\nunit = "GBP"\nvalues = []', "mine.toml")
    Traceback (most recent call last):
    ...
    participatory.core.errors.ParameterFileError: mine.toml: x.values: must be a non-empty array of tables
    """  # noqa: E501
    return {item.name: item.parse() for item in _unparsed(text, file, catalogue)}


def load_parameter_file(path: str | Path) -> dict[str, Parameter]:
    """Read and validate one parameter file from disk."""
    text = tomlfile.read_file(path)  # refuses first anything that is not a path
    return parse_parameters(text, _paths.text(os.fspath(path)))


def _merge_distinct(groups: Iterable[Iterable[_Unparsed]]) -> dict[str, _Unparsed]:
    merged: dict[str, _Unparsed] = {}
    for group in groups:
        for item in group:
            if item.name in merged:
                raise ParameterFileError(
                    item.file, item.name, f"is also defined in {merged[item.name].file}"
                )
            merged[item.name] = item
    return merged


def _bundled_files() -> Iterator[tuple[str, str]]:
    """The text and name of every bundled parameter file, in a fixed order."""
    for folder, is_folder in package_listing("data/parameters"):
        if not is_folder:
            continue
        for name, _ in package_listing(f"data/parameters/{folder}"):
            if name.endswith(".toml"):
                relative = f"data/parameters/{folder}/{name}"
                yield read_package_text(relative), f"participatory/{relative}"


@functools.cache
def bundled_parameters() -> ParameterSet:
    """Every parameter shipped with the library (read once, then cached).

    The files are read, and their names checked, at once; each parameter is parsed the
    first time it is read, with the same checks as :func:`parse_parameters` (the library's
    tests parse every one, so a problem in the bundled data fails a test, not a reading).
    """
    groups = [list(_unparsed(text, file)) for text, file in _bundled_files()]
    return ParameterSet(_ParsedOnDemand(_merge_distinct(groups).values()))


def load_parameters(*paths: str | Path, base: ParameterSet | None = None) -> ParameterSet:
    """The bundled parameters (or ``base``) with the given institution files laid over them.

    Files are applied in order, each over the result of the ones before.
    """
    if base is not None and not isinstance(base, ParameterSet):
        raise ValidationError("base", f"must be a ParameterSet, not {type(base).__name__}")
    result = base if base is not None else bundled_parameters()
    for path in paths:
        result = result.layered(load_parameter_file(path))
    return result
