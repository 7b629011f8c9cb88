"""Proving that special-category data never leaks: find every model, plant sentinels, look.

A system that embeds participatory holds contributors' benefits status, health and lived
experience. These helpers let its tests (and the library's own) check that a value in a
field marked sensitive (:mod:`participatory.core.privacy`) never shows in ``repr``,
``str``, error messages or default serialisation.

:func:`plant` rebuilds a model with every sensitive value replaced: text by a unique
sentinel containing :data:`SENTINEL`, numbers, dates, flags and choices by a second value
(for ``variant=1``), and everything inside a sensitive field as sensitive too. Two
plantings of the same model then differ *only* in sensitive data, so any output that
differs between them leaks it, even when the leaked value is a number or a flag.

>>> import attrs
>>> from participatory.core.privacy import REDACTED, SENSITIVE
>>> @attrs.frozen
... class Person:
...     name: str
...     health: str = attrs.field(repr=REDACTED, metadata=SENSITIVE)
...     age: int = attrs.field(default=40, repr=REDACTED, metadata=SENSITIVE)
>>> first, second = plant(Person("Sam", "asthma"), 0), plant(Person("Sam", "asthma"), 1)
>>> first.value.health.startswith(SENTINEL), second.value.age
(True, 41)
>>> public_outputs(first.value) == public_outputs(second.value)
True
>>> leaked(repr(second.value))
False
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import importlib
import json
import pkgutil
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from participatory.core.explain import Finding
from participatory.core.money import Money
from participatory.core.privacy import is_sensitive
from participatory.core.record import Record
from participatory.core.serialise import unstructure

__all__ = [
    "SENTINEL",
    "Planted",
    "Spy",
    "carrier_models",
    "exception_texts",
    "leaked",
    "model_classes",
    "plant",
    "public_outputs",
    "qualified_name",
    "register_planter",
    "sensitive_models",
]

#: Text that appears in every planted sentinel; no real data or message contains it.
SENTINEL: Final = "QXSENTINELQX"

#: A planter for a model whose ``__init__`` is its own (so :func:`attrs.evolve` cannot
#: rebuild it): given the model and the variant, return the model with sensitive data planted.
Planter = Callable[[Any, int], Any]

_PLANTERS: dict[type, Planter] = {}


def register_planter(cls: type, planter: Planter) -> None:
    """Teach :func:`plant` to rebuild ``cls``, whose constructor is not attrs' own."""
    _PLANTERS[cls] = planter


def leaked(text: str) -> bool:
    """Whether ``text`` contains a planted sentinel."""
    return SENTINEL in text


class Spy:
    """A value whose ``repr``, ``str`` and format are a sentinel: any message echoing it leaks.

    >>> f"{Spy()!r}" == str(Spy()) == SENTINEL + "-SPY"
    True
    """

    def __repr__(self) -> str:
        return SENTINEL + "-SPY"

    __str__ = __repr__

    def __format__(self, _spec: str) -> str:
        return repr(self)


def qualified_name(cls: type) -> str:
    """``module.Class`` for a class, the key the hardening tests list models by."""
    return f"{cls.__module__}.{cls.__qualname__}"


@functools.cache
def model_classes(package: str = "participatory") -> tuple[type, ...]:
    """Every attrs class defined in ``package`` and its submodules (all are imported)."""
    root = importlib.import_module(package)
    modules = [root]
    for info in pkgutil.walk_packages(root.__path__, f"{package}."):
        modules.append(importlib.import_module(info.name))
    found: dict[str, type] = {}
    for module in modules:
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and attrs.has(value)
                and value.__module__.startswith(f"{package}.")
            ):
                found[qualified_name(value)] = value
    return tuple(found[name] for name in sorted(found))


def sensitive_models(classes: tuple[type, ...] | None = None) -> tuple[type, ...]:
    """The classes with at least one field marked sensitive."""
    chosen = model_classes() if classes is None else classes
    return tuple(c for c in chosen if any(is_sensitive(f) for f in attrs.fields(c)))


def _field_types(cls: type) -> dict[str, Any]:
    try:
        hints = typing.get_type_hints(cls)
    except Exception:  # names imported only for type checking: fall back to attrs' own
        hints = {}
    return {f.name: hints.get(f.name, f.type) for f in attrs.fields(cls)}


def _classes_in(annotation: object, seen: set[int] | None = None) -> Iterator[type]:
    seen = set() if seen is None else seen
    if id(annotation) in seen:
        return
    seen.add(id(annotation))
    if isinstance(annotation, type) and attrs.has(annotation):
        yield annotation
    value = getattr(annotation, "__value__", None)  # a ``type X = ...`` alias
    if value is not None:
        yield from _classes_in(value, seen)
    for argument in typing.get_args(annotation):
        yield from _classes_in(argument, seen)


def carrier_models(classes: tuple[type, ...] | None = None) -> tuple[type, ...]:
    """Classes that are not sensitive themselves but whose fields can hold a sensitive model.

    Found from the fields' type annotations, transitively (a project holds activities,
    which hold parties, which hold notes).
    """
    chosen = model_classes() if classes is None else classes
    sensitive = set(sensitive_models(chosen))
    reaching = set(sensitive)
    holds = {c: {t for a in _field_types(c).values() for t in _classes_in(a)} for c in chosen}
    changed = True
    while changed:
        changed = False
        for cls, inner in holds.items():
            if cls not in reaching and inner & reaching:
                reaching.add(cls)
                changed = True
    return tuple(c for c in chosen if c in reaching and c not in sensitive)


@attrs.frozen
class Planted(Record):
    """A model after :func:`plant`: the new value and what could not be planted."""

    value: Any
    #: How many sensitive values were replaced.
    changed: int
    #: ``(Class.field, error)`` for replacements the model refused.
    refused: tuple[tuple[str, BaseException], ...]


class _Planting:
    def __init__(self, variant: int) -> None:
        self.variant = variant
        self.changed = 0
        self.refused: list[tuple[str, BaseException]] = []

    def sentinel(self) -> str:
        self.changed += 1
        return f"{SENTINEL}-{self.variant}-{self.changed}"

    def scalar(self, value: object) -> object:
        """A tainted leaf: a sentinel for text, a second value for variant 1."""
        if isinstance(value, str):
            return self.sentinel()
        if self.variant == 0:
            return value
        if isinstance(value, bool):
            result: object = not value
        elif isinstance(value, enum.Enum):
            members = list(type(value))
            result = members[(members.index(value) + 1) % len(members)]
        elif isinstance(value, int | Decimal):
            result = value + 1
        elif isinstance(value, Money):
            result = Money(value.amount + value.quantum, value.currency)
        elif isinstance(value, dt.date):
            result = value + dt.timedelta(days=1)
        else:
            return value
        self.changed += 1
        return result

    def value(self, value: object, tainted: bool, annotation: object = None) -> object:
        if value is None:
            return self.sentinel() if tainted and _allows_str(annotation) else None
        if isinstance(value, Finding):
            return self.finding(value, tainted)
        if attrs.has(type(value)) and not isinstance(value, Money):
            return self.model(value, tainted)
        if isinstance(value, tuple | list | frozenset | set):
            return type(value)(self.value(item, tainted) for item in value)
        if isinstance(value, Mapping):
            return {key: self.value(item, tainted) for key, item in value.items()}
        return self.scalar(value) if tainted else value

    def finding(self, finding: Finding, tainted: bool) -> Finding:
        # A sensitive finding's values are special-category data (what the rule found
        # about the contributor); its parameters are public figures.
        if not (tainted or finding.sensitive):
            return finding
        values = {key: self.value(item, True) for key, item in finding.values.items()}
        return attrs.evolve(finding, values=values)

    def model(self, model: Any, tainted: bool) -> Any:
        cls = type(model)
        planter = _PLANTERS.get(cls)
        if planter is not None:
            planted = planter(model, self.variant)
            self.changed += planted != model
            return planted
        annotations = _field_types(cls)
        changes: dict[str, object] = {}
        for field in attrs.fields(cls):
            if not field.init:
                continue
            old = getattr(model, field.name)
            new = self.value(old, tainted or is_sensitive(field), annotations.get(field.name))
            if new is not old:
                changes[field.alias or field.name] = new
        if not changes:
            return model
        try:
            return attrs.evolve(model, **changes)
        except Exception:  # fall back to one field at a time, recording refusals
            pass
        for name, new in changes.items():
            try:
                model = attrs.evolve(model, **{name: new})
            except Exception as error:  # the caller inspects every refusal
                self.refused.append((f"{cls.__qualname__}.{name}", error))
        return model


def _allows_str(annotation: object) -> bool:
    if annotation is str or annotation == "str" or annotation == "str | None":
        return True
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        return str in typing.get_args(annotation)
    return False


def plant(value: object, variant: int = 0) -> Planted:
    """``value`` rebuilt with sentinels in every sensitive field, however deeply nested.

    ``variant`` 0 replaces text only; ``variant`` 1 also changes every other sensitive
    value (numbers up by one, dates a day later, flags flipped, the next enum member).
    """
    planting = _Planting(variant)
    result = planting.value(value, tainted=False)
    return Planted(result, planting.changed, tuple(planting.refused))


def public_outputs(value: object) -> dict[str, str]:
    """Everything a careless system might show or store: ``repr``, ``str``, default JSON."""
    return {
        "repr": repr(value),
        "str": str(value),
        "json": json.dumps(unstructure(value), sort_keys=True),
    }


def exception_texts(error: BaseException) -> list[str]:
    """Every text an exception carries, through its whole chain: what a log could keep.

    The message and ``repr`` of each exception, its ``args``, notes and the library's own
    attributes (``path``, ``problem``, ``hint``, ``key``, ``file``, ``problems``), then the
    same for its ``__cause__``, its ``__context__`` *even when* ``raise … from None``
    suppressed it (the object is still there for any handler, debugger or error tracker
    that walks it), and every exception of a group.

    >>> try:
    ...     try:
    ...         int("QXSENTINELQX")
    ...     except ValueError:
    ...         raise KeyError("no value") from None
    ... except KeyError as error:
    ...     any(leaked(text) for text in exception_texts(error))
    True
    """
    texts: list[str] = []
    seen: set[int] = set()
    waiting: list[BaseException] = [error]
    while waiting:
        current = waiting.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        texts += [str(current), repr(current), repr(current.args)]
        texts += [str(note) for note in getattr(current, "__notes__", ())]
        for name in ("path", "problem", "hint", "key", "file", "problems"):
            if hasattr(current, name):
                texts.append(repr(getattr(current, name)))
        waiting += [e for e in (current.__cause__, current.__context__) if e is not None]
        waiting += list(getattr(current, "exceptions", ()))
    return texts
