"""The reference for :mod:`participatory.project.convert`'s reader: cattrs' own converter.

The library read project files with a cattrs converter until it had its own reader
(:mod:`participatory.core.reading`). This builds that converter again, with the library's
hooks for values and cattrs' own functions for records (``make_dict_structure_fn``),
lists and tables, so a test can show that the reader answers as it did, problem for
problem. :func:`as_reading_problems` turns cattrs' tree of errors into the reader's, for
:func:`participatory.project.errors.problems_of` to read.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable, Mapping, MutableMapping
from decimal import Decimal
from typing import Any

import attrs
import cattrs
from cattrs.cols import list_structure_factory
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, mapping_structure_factory

from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.core.reading import (
    FieldNote,
    ItemNote,
    ItemProblems,
    RecordProblems,
    UnknownKeys,
)
from participatory.ethics.facts import Facts
from participatory.payments.rates import RateCard
from participatory.project import convert
from participatory.safeguarding.models import SafeguardingProfile


def _sequence_hook(conv: cattrs.Converter) -> Callable[[Any], Callable[[object, object], Any]]:
    def factory(kind: Any) -> Callable[[object, object], Any]:
        origin, item = typing.get_origin(kind), typing.get_args(kind)[0]
        items = list_structure_factory(list[item], conv)  # type: ignore[valid-type]

        def structure(value: object, _type: object) -> Any:
            if isinstance(value, str):
                raise ValidationError("", "must be a list, not one text", hint='write ["…"]')
            if not isinstance(value, list | tuple):
                raise ValidationError("", "must be a list")
            found = items(value, list[item])  # type: ignore[valid-type]
            return found if origin is list else origin(found)

        return structure

    return factory


def _mapping_hook(conv: cattrs.Converter) -> Callable[[Any], Callable[..., Any]]:
    def factory(kind: Any) -> Callable[..., Any]:
        origin = typing.get_origin(kind)
        return mapping_structure_factory(
            kind,
            conv,
            dict if origin in (Mapping, MutableMapping) else origin,
            detailed_validation=True,
        )

    return factory


def cattrs_converter() -> cattrs.Converter:
    """The converter the library read project files with before its own reader."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    make: Any = make_dict_structure_fn
    conv.register_structure_hook_factory(attrs.has, convert._record_hook(conv, make))  # type: ignore[arg-type]
    conv.register_structure_hook_factory(convert._is_sequence, _sequence_hook(conv))
    conv.register_structure_hook_factory(convert._is_mapping, _mapping_hook(conv))
    conv.register_structure_hook_factory(convert._is_optional, convert._optional_hook(conv))  # type: ignore[arg-type]
    conv.register_structure_hook(Money, convert._money)
    conv.register_structure_hook(Decimal, convert._decimal)
    conv.register_structure_hook(dt.date, convert._date)
    conv.register_structure_hook(str, convert._text)
    conv.register_structure_hook(bool, convert._boolean)
    conv.register_structure_hook(int, convert._integer)
    conv.register_structure_hook(Facts, convert._facts)
    conv.register_structure_hook(RateCard, convert._rate_card(conv, make))  # type: ignore[arg-type]
    conv.register_structure_hook(
        SafeguardingProfile,
        convert._safeguarding_profile(conv, make),  # type: ignore[arg-type]
    )
    conv.register_structure_hook_factory(convert._is_enum, convert._enum_hook)
    return conv


def _note(note: object) -> object:
    if isinstance(note, AttributeValidationNote):
        return FieldNote(str(note), note.name, note.type)
    if isinstance(note, IterableValidationNote):
        return ItemNote(str(note), note.index, note.type)
    return note


def as_reading_problems(error: BaseException) -> BaseException:
    """cattrs' tree of errors as the reader's: the same problems, notes and structure."""
    if isinstance(error, ClassValidationError | IterableValidationError):
        inner = [as_reading_problems(sub) for sub in error.exceptions]
        for old, new in zip(error.exceptions, inner, strict=True):
            new.__notes__ = [_note(n) for n in getattr(old, "__notes__", [])]  # type: ignore[misc]
        group = RecordProblems if isinstance(error, ClassValidationError) else ItemProblems
        return group(error.message, inner, error.cl)  # type: ignore[arg-type]
    if isinstance(error, ForbiddenExtraKeysError):
        return UnknownKeys(error.cl, error.extra_fields)
    return error
