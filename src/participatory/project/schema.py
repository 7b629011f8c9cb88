"""A JSON Schema (draft 2020-12) of the project file format, generated from the models.

Each attrs class the :class:`~participatory.project.Project` is made of becomes an object
schema (its fields, which are required, no other keys), each enumeration the list of its
values, each list or set an array, each mapping an object. Four shapes are written by hand
here, because their models do not say how a file spells them (they are the
:mod:`participatory.project.convert` hooks): money (a string ``"90.00 GBP"`` or
``{amount, currency}``), exact numbers, a rate card (a bundled name or ``{file,
extends}``), and ethics facts (fact name to yes / no / unknown). Money and numbers written
as text use the loader's own grammar (:data:`~participatory.core.money.MONEY_PATTERN`,
:data:`~participatory.core.money.NUMBER_PATTERN`), so the schema and the loader accept
exactly the same strings. The schema checks shape
only: rules between fields (an id used but not defined, a date range backwards) are the
models' own and are reported when the file is loaded.

>>> schema = project_schema()
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> sorted(schema["required"])
['id', 'title']
>>> schema["$defs"]["Payment"]["properties"]["kind"]["enum"][:2]
['fee', 'expense_receipted']
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from participatory.core.money import MONEY_PATTERN, NUMBER_PATTERN, Money, json_schema_pattern
from participatory.ethics.facts import Answer, Fact, Facts
from participatory.payments.rates import RateCard, bundled_rate_cards
from participatory.project.model import Project

__all__ = ["SCHEMA_ID", "project_schema"]

#: The schema's identifier.
SCHEMA_ID: Final = "https://participatory.readthedocs.io/schema/project.json"

_NUMBER: Final = {
    "anyOf": [
        {"type": "string", "pattern": NUMBER_PATTERN},
        {"type": "number"},
    ],
    "description": 'An exact number: a string such as "2.5", or a number read as a Decimal.',
}


def _money() -> dict[str, Any]:
    return {
        "description": 'Money: "90.00 GBP", or {"amount": "90.00", "currency": "GBP"}.',
        "anyOf": [
            {"type": "string", "pattern": MONEY_PATTERN},
            {
                "type": "object",
                "properties": {
                    "amount": {"type": "string", "pattern": NUMBER_PATTERN},
                    "currency": {"type": "string", "pattern": json_schema_pattern("[A-Z]{3}")},
                },
                "required": ["amount", "currency"],
                "additionalProperties": False,
            },
        ],
    }


def _rate_card() -> dict[str, Any]:
    return {
        "description": "A bundled rate card by name, or a card file laid over one.",
        "anyOf": [
            {"enum": sorted(bundled_rate_cards())},
            {
                "type": "object",
                "properties": {"file": {"type": "string"}, "extends": {"type": "string"}},
                "required": ["file"],
                "additionalProperties": False,
            },
        ],
    }


def _facts() -> dict[str, Any]:
    answer = {"anyOf": [{"type": "boolean"}, {"type": "null"}, {"enum": [a.value for a in Answer]}]}
    return {
        "type": "object",
        "propertyNames": {"enum": [f.value for f in Fact]},
        "additionalProperties": answer,
        "description": "Facts about the activity or group: yes, no or unknown.",
    }


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def of(self, kind: Any) -> dict[str, Any]:
        origin = typing.get_origin(kind)
        args = typing.get_args(kind)
        if origin in (typing.Union, types.UnionType):
            chosen = [a for a in args if a is not type(None)]
            if len(chosen) == 1:
                return self.of(chosen[0])
            return {"anyOf": [self.of(a) for a in chosen]}
        if origin in (tuple, frozenset, set, list):
            return {"type": "array", "items": self.of(args[0])}
        if origin is not None and isinstance(origin, type) and issubclass(origin, Mapping):
            return {"type": "object", "additionalProperties": self.of(args[1])}
        return self._simple(kind)

    def _simple(self, kind: Any) -> dict[str, Any]:
        special: dict[Any, Any] = {
            Money: _money,
            RateCard: _rate_card,
            Facts: _facts,
            Decimal: lambda: dict(_NUMBER),
        }
        if kind in special:
            return dict(special[kind]())
        if kind is str:
            return {"type": "string"}
        if kind is bool:
            return {"type": "boolean"}
        if kind is int:
            return {"type": "integer"}
        if kind is dt.date:
            return {"type": "string", "format": "date"}
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return {"enum": [member.value for member in kind]}
        if isinstance(kind, type) and attrs.has(kind):
            return self._class(kind)
        raise TypeError(f"no schema for {kind!r}")  # pragma: no cover - a new model type

    def _class(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        module_name = f"{cls.__module__.split('.')[1]}.{cls.__name__}"
        if name in self.defs and self.defs[name].get("x-model") != module_name:
            name = module_name.replace(".", "_")
        reference = {"$ref": f"#/$defs/{name}"}
        if name in self.defs:
            return reference
        self.defs[name] = {"x-model": module_name}  # placeholder: breaks cycles
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if not field.init or (cls.__name__, field.name) in _NOT_IN_FILES:
                continue
            schema = self.of(hints[field.name])
            doc = _field_doc(cls, field.name)
            if doc:
                schema = {**schema, "description": doc}
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        entry: dict[str, Any] = {
            "type": "object",
            "title": cls.__name__,
            "x-model": module_name,
            "properties": properties,
            "additionalProperties": False,
        }
        summary = (cls.__doc__ or "").strip().splitlines()
        if summary:
            entry["description"] = summary[0]
        if required:
            entry["required"] = required
        self.defs[name] = entry
        return reference


#: Fields a project file does not spell: the safeguarding partners are the project's
#: organisations (each partner named once, with its expertise).
_NOT_IN_FILES: Final = frozenset({("SafeguardingProfile", "partners")})


def _field_doc(cls: type, name: str) -> str | None:
    # attrs keeps no per-field docs; the hand-maintained notes below cover the file's keys
    # whose meaning is not obvious from their name.
    return _FIELD_NOTES.get((cls.__name__, name))


_FIELD_NOTES: Final = {
    ("Project", "label"): "What the project calls itself (a vocabulary term id).",
    ("Project", "benefits"): "Person id to that contributor's benefit circumstances "
    "(special-category data).",
    ("Project", "rate_card"): "The rate card fees are costed on.",
    ("Project", "sessions"): "Involvement to cost on the rate card, per contributor.",
    ("Project", "university"): "The institution, for a readiness profile.",
}


@functools.cache
def _schema() -> dict[str, Any]:
    builder = _Builder()
    root = builder.of(Project)
    name = root["$ref"].rsplit("/", 1)[1]
    top = dict(builder.defs.pop(name))
    top.pop("x-model", None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **top,
        "title": "participatory project file",
        "$defs": builder.defs,
    }


def project_schema() -> dict[str, Any]:
    """The JSON Schema of a project file (a fresh copy each call, safe to change)."""
    import copy

    return copy.deepcopy(_schema())
