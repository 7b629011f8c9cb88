"""Dated, sourced policy parameters: every rate, limit and threshold is data.

Parameters live in TOML files under ``participatory/data/parameters/`` (the format is
described in :doc:`/concepts/parameters`). Each value has the date it takes effect, its
source and whether that source was checked. A rule asks for a parameter *on a date*; a
date before the first value or after the data's ``valid_until`` raises
:class:`~participatory.core.errors.ParametersNotAvailable` rather than silently using a
stale figure. An institution layers its own file over the bundled data.

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
import difflib
import functools
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, Final

import attrs

from participatory.core import tomlfile
from participatory.core.errors import ParameterFileError, ParametersNotAvailable, UnknownParameter
from participatory.core.explain import ParameterUse
from participatory.core.money import Money

__all__ = [
    "UNITS",
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
_PERIODS: Final = frozenset({"hour", "day", "week", "month", "year"})
_PARAMETER_KEYS: Final = frozenset(
    {"description", "unit", "period", "reference", "valid_until", "values"}
)
_VALUE_KEYS: Final = frozenset(
    {"effective_from", "value", "source", "url", "verified", "checked_on", "note"}
)


@attrs.frozen
class ParameterValue:
    """One value of a parameter and the day it takes effect."""

    effective_from: dt.date
    value: object
    source: str
    url: str | None = None
    verified: bool = False
    checked_on: dt.date | None = None
    note: str | None = None


@attrs.frozen
class Parameter:
    """A named policy figure and its values over time."""

    name: str
    description: str
    unit: str
    values: tuple[ParameterValue, ...]
    valid_until: dt.date
    period: str | None = None
    reference: str | None = None
    #: The file it was read from (for error messages and the docs tables).
    file: str = "<memory>"
    _dates: tuple[dt.date, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_dates", tuple(v.effective_from for v in self.values))

    @property
    def covered_from(self) -> dt.date:
        """The first day any value applies."""
        return self.values[0].effective_from

    def value_as_at(self, as_at: dt.date, *, allow_stale: bool = False) -> ParameterValue:
        """The value in force on ``as_at``.

        Past ``valid_until`` this raises unless ``allow_stale`` is true, in which case the
        last value is returned (the caller must report that it did so).
        """
        if as_at < self.values[0].effective_from or (as_at > self.valid_until and not allow_stale):
            raise ParametersNotAvailable(self.name, as_at, self.covered_from, self.valid_until)
        return self.values[bisect.bisect_right(self._dates, as_at) - 1]


class ParameterSet(Mapping[str, Parameter]):
    """An immutable collection of parameters, looked up by name and date."""

    __slots__ = ("_cache", "_parameters")

    def __init__(self, parameters: Mapping[str, Parameter]) -> None:
        self._parameters: dict[str, Parameter] = dict(parameters)
        self._cache: dict[tuple[str, dt.date, bool], ParameterUse] = {}

    def __getitem__(self, name: str) -> Parameter:
        try:
            return self._parameters[name]
        except KeyError:
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
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        parameter = self[name]
        chosen = parameter.value_as_at(as_at, allow_stale=allow_stale)
        use = ParameterUse(
            name=name,
            value=chosen.value,
            effective_from=chosen.effective_from,
            source=chosen.source,
            url=chosen.url,
            verified=chosen.verified,
            stale=as_at > parameter.valid_until,
        )
        self._cache[key] = use
        return use

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
    def valid_until(self) -> dt.date:
        """The earliest ``valid_until`` of all parameters: the whole set is current to here."""
        return min(p.valid_until for p in self._parameters.values())

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
        new_value = ParameterValue(effective_from, value, source, verified=False)
        overlay = attrs.evolve(
            base,
            values=(new_value,),
            valid_until=valid_until or max(base.valid_until, effective_from),
        )
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


def _parse_value(raw: object, unit: str, file: str, path: str) -> ParameterValue:
    if not isinstance(raw, Mapping):
        raise ParameterFileError(file, path, "must be a table")
    unknown = set(raw) - _VALUE_KEYS
    if unknown:
        raise ParameterFileError(file, path, f"unknown key(s) {sorted(unknown)}")
    if "value" not in raw:
        raise ParameterFileError(file, f"{path}.value", "is missing")
    _check_value_type(unit, raw["value"], file, f"{path}.value")
    source = _require(raw, "source", str, file, path)
    if not source.strip():
        raise ParameterFileError(file, f"{path}.source", "must not be empty")
    return ParameterValue(
        effective_from=_require(raw, "effective_from", dt.date, file, path),
        value=raw["value"],
        source=source,
        url=_optional(raw, "url", str, file, path),
        verified=_require(raw, "verified", bool, file, path),
        checked_on=_optional(raw, "checked_on", dt.date, file, path),
        note=_optional(raw, "note", str, file, path),
    )


def _parse_parameter(
    name: str, table: Mapping[str, Any], default_until: dt.date | None, file: str
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
        _parse_value(raw, unit, file, f"{name}.values[{i}]") for i, raw in enumerate(raw_values)
    )
    dates = [v.effective_from for v in values]
    if dates != sorted(set(dates)):
        raise ParameterFileError(
            file, f"{name}.values", "effective_from dates must be unique and in ascending order"
        )
    valid_until = _optional(table, "valid_until", dt.date, file, name) or default_until
    if valid_until is None:
        raise ParameterFileError(
            file, f"{name}.valid_until", "is missing (set it here or in [meta])"
        )
    if valid_until < dates[-1]:
        raise ParameterFileError(
            file, f"{name}.valid_until", "is before the last value's effective_from"
        )
    return Parameter(
        name=name,
        description=_require(table, "description", str, file, name),
        unit=unit,
        values=values,
        valid_until=valid_until,
        period=period,
        reference=_optional(table, "reference", str, file, name),
        file=file,
    )


def _walk(
    table: Mapping[str, Any], prefix: str, default_until: dt.date | None, file: str
) -> Iterator[Parameter]:
    for key, child in table.items():
        name = f"{prefix}.{key}" if prefix else key
        if not isinstance(child, Mapping):
            raise ParameterFileError(file, name, "is neither a parameter nor a namespace table")
        if "values" in child:
            yield _parse_parameter(name, child, default_until, file)
        else:
            yield from _walk(child, name, default_until, file)


def parse_parameters(text: str, file: str = "<string>") -> dict[str, Parameter]:
    r"""Parse and validate one parameter file's text; errors name the file and key.

    >>> parse_parameters('[x]\nunit = "GBP"\nvalues = []', "mine.toml")
    Traceback (most recent call last):
    ...
    participatory.core.errors.ParameterFileError: mine.toml: x.values: must be a non-empty array of tables
    """  # noqa: E501
    document = tomlfile.parse_toml(text, file)
    meta = document.pop("meta", {})
    if not isinstance(meta, Mapping):
        raise ParameterFileError(file, "meta", "must be a table")
    default_until = _optional(meta, "valid_until", dt.date, file, "meta")
    parsed: dict[str, Parameter] = {}
    for parameter in _walk(document, "", default_until, file):
        parsed[parameter.name] = parameter
    return parsed


def load_parameter_file(path: str | Path) -> dict[str, Parameter]:
    """Read and validate one parameter file from disk."""
    return parse_parameters(tomlfile.read_file(path), str(Path(path)))


def _merge_distinct(groups: Iterable[dict[str, Parameter]]) -> dict[str, Parameter]:
    merged: dict[str, Parameter] = {}
    for group in groups:
        for name, parameter in group.items():
            if name in merged:
                raise ParameterFileError(
                    parameter.file, name, f"is also defined in {merged[name].file}"
                )
            merged[name] = parameter
    return merged


@functools.cache
def bundled_parameters() -> ParameterSet:
    """Every parameter shipped with the library (read once, then cached)."""
    root = resources.files("participatory") / "data" / "parameters"
    groups = []
    for folder in sorted(root.iterdir(), key=lambda p: p.name):
        if not folder.is_dir():
            continue
        for item in sorted(folder.iterdir(), key=lambda p: p.name):
            if item.name.endswith(".toml"):
                relative = f"participatory/data/parameters/{folder.name}/{item.name}"
                groups.append(parse_parameters(item.read_text(encoding="utf-8"), relative))
    return ParameterSet(_merge_distinct(groups))


def load_parameters(*paths: str | Path, base: ParameterSet | None = None) -> ParameterSet:
    """The bundled parameters (or ``base``) with the given institution files laid over them.

    Files are applied in order, each over the result of the ones before.
    """
    result = base if base is not None else bundled_parameters()
    for path in paths:
        result = result.layered(load_parameter_file(path))
    return result
