"""The reader that turns a project file's plain data into the engines' models.

Field names in a file are the models' own field names, so the file format and the Python
API never drift apart. The hooks below make the conversion strict, because a lenient one
would guess: ``"no"`` is not ``True``, ``5`` is not the text ``"5"``, and ``12.5`` is never
a float. Every value that cannot be read raises an error that names what was expected and
never repeats the value (it may be special-category data).

The forms (also in :doc:`/howto/project-files`):

- **money**: a string with the amount and the ISO 4217 currency, ``"90.00 GBP"`` or
  ``"1,250.00 GBP"`` (:data:`~participatory.core.money.MONEY_GRAMMAR`: commas only between
  groups of three digits, so ``"1,50 GBP"`` is refused rather than read as £150); the
  object ``{"amount": "90.00", "currency": "GBP"}`` that earlier versions of the library's
  JSON output used is read too (never written: the output writes ``"90.00 GBP"``);
- **lists**: an array, ``["Bath"]``; a single text where a list belongs is refused (it is
  not a list of its letters);
- **numbers that are not money** (hours): a string such as ``"2.5"`` in the same grammar,
  an integer, or a TOML or JSON number (read as an exact Decimal, never a float);
- **dates**: TOML dates or ISO strings, ``2026-05-12``;
- **named values** (kinds, holdings, stages): their value, ``"fee"``, ``"jointly"``;
- **a rate card**: a bundled card's name (``"nihr"``) or ``{file = "ours.toml",
  extends = "nihr"}``, the file found relative to the project file;
- **ethics facts**: a table of fact name to ``true``, ``false``, ``"yes"``, ``"no"`` or
  ``"unknown"``;
- **safeguarding**: no ``partners`` of its own: each partner organisation is named once,
  under ``organisations``, with the groups it has ``expertise`` in.
"""

from __future__ import annotations

import builtins
import contextvars
import datetime as dt
import enum
import functools
import inspect
import keyword
import os
import sys
import types
import typing
from collections.abc import Callable, Mapping, MutableMapping
from decimal import Decimal
from typing import Any, Final, TypeVar

import attrs

from participatory.core import _paths
from participatory.core.errors import ValidationError
from participatory.core.fields import iso_date
from participatory.core.money import (
    MONEY_HINT,
    MONEY_PATTERN,
    MONEY_PROBLEM,
    Money,
    parse_money_text,
    parse_number,
    to_decimal,
)
from participatory.core.reading import (
    FieldNote,
    NoHook,
    Reader,
    RecordProblems,
    UnknownKeys,
    items_hook,
    table_hook,
)
from participatory.ethics.facts import Answer, Facts
from participatory.payments.rates import RateCard, bundled_rate_card, load_rate_card
from participatory.safeguarding.models import SafeguardingProfile

__all__ = [
    "BASE_DIRECTORY",
    "MONEY_PATTERN",
    "RecordStructure",
    "build_converter",
    "project_converter",
    "record_structure",
]

_Record = TypeVar("_Record")

#: The folder a rate card file is looked for in (the project file's folder).
BASE_DIRECTORY: contextvars.ContextVar[str | os.PathLike[str] | None] = contextvars.ContextVar(
    "participatory_io_base_directory", default=None
)


def _money(value: object, _type: object) -> Money:
    if isinstance(value, Money):
        return value
    if isinstance(value, str):
        amount, currency = parse_money_text(value)
        return Money(amount, currency)
    if (
        isinstance(value, Mapping)
        and set(value) == {"amount", "currency"}
        and isinstance(value["amount"], str)
    ):
        # The library's own JSON form: the amount as text, in the same grammar.
        return Money(parse_number(value["amount"], "amount"), value["currency"])
    raise ValidationError("", MONEY_PROBLEM, hint=MONEY_HINT)


def _decimal(value: object, _type: object) -> Decimal:
    if isinstance(value, float):
        raise ValidationError("", 'must be an exact number, written as a string such as "2.5"')
    return to_decimal(value, "")


def _date(value: object, _type: object) -> dt.date:
    return iso_date(value, "")


def _text(value: object, _type: object) -> str:
    if not isinstance(value, str):
        raise ValidationError("", "must be text")
    return value


def _boolean(value: object, _type: object) -> bool:
    if not isinstance(value, bool):
        raise ValidationError("", "must be true or false")
    return value


def _integer(value: object, _type: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise ValidationError("", "must be a whole number")
    if isinstance(value, Decimal):
        if value != value.to_integral_value():
            raise ValidationError("", "must be a whole number")
        return int(value)
    return value


def _enum_hook(kind: type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    allowed = ", ".join(repr(member.value) for member in kind)

    # Looked up here first: the enum's own call (two Python calls) only for what this misses.
    try:
        by_value = {member.value: member for member in kind}
    except TypeError:  # a value that cannot be a key: the enum's own call finds it
        by_value = {}

    def structure(value: object, _type: object) -> enum.Enum:
        if isinstance(value, kind):
            return value
        try:
            return by_value[value]
        except (KeyError, TypeError):
            pass
        try:
            return kind(value)
        except (ValueError, TypeError):
            pass
        # Never echo the value (it may be a benefit or a health condition): raised outside
        # the handler, so the enum's own error, which quotes it, is not even its __context__.
        raise ValidationError("", f"must be one of {allowed}")

    return structure


def _facts(value: object, _type: object) -> Facts:
    if not isinstance(value, Mapping):
        raise ValidationError("", "must be a table of fact names and answers")
    answers: dict[str, object] = {}
    for key, answer in value.items():
        if isinstance(answer, str) and answer.strip().lower() in {a.value for a in Answer}:
            answers[key] = Answer(answer.strip().lower())
        else:
            answers[key] = answer
    return Facts(answers)


#: One field of a record as a file gives it: its key, the keyword its class takes, the hook
#: that reads it (``None``: the value as it is), its type, whether it must be given, and
#: where a problem with it is (the note for the field).
_FieldReader = tuple[str, str, Callable[[Any, Any], Any] | None, Any, bool, str]


def _no_hook(_value: object, kind: Any) -> Any:
    # A field of a type no hook reads, and no converter of its own: a problem only when the
    # field is given (a type the models do not use in files).
    raise NoHook(kind)


def _field_hook(
    field: attrs.Attribute[Any], kind: Any, conv: Reader
) -> Callable[[Any, Any], Any] | None:
    """The hook for one field (``None``: the field's own attrs converter reads the value)."""
    if kind is None:
        return conv.structure
    try:
        return conv.get_structure_hook(kind, cache_result=False)
    except NoHook:
        return _no_hook if field.converter is None else None


#: Each annotation's text, compiled: the records share most of theirs (``str``,
#: ``bool | None``, ``dt.date``), and :func:`typing.get_type_hints` compiles each again
#: for every class (about 92 texts in 198 annotations for a project file's records).
_ANNOTATIONS: dict[str, types.CodeType] = {}


def _evaluated(text: str, own: dict[str, Any], module: dict[str, Any]) -> Any:
    """What ``eval(text, own, module)`` gives: the module's names first, then the class's.

    A name (``str``, ``Money``) or a dotted one (``dt.date``) is looked up as eval looks it
    up, without compiling it; anything else is compiled once (:data:`_ANNOTATIONS`).
    """
    first, _, rest = text.partition(".")
    attributes = rest.split(".") if rest else []
    if text.isascii() and all(
        part.isidentifier() and not keyword.iskeyword(part) for part in (first, *attributes)
    ):
        for names in (module, own, builtins.__dict__):
            if first in names:
                value = names[first]
                break
        else:
            raise NameError(f"name {first!r} is not defined")
        for attribute in attributes:
            value = getattr(value, attribute)
        return value
    code = _ANNOTATIONS.get(text)
    if code is None:
        code = _ANNOTATIONS[text] = compile(text, "<annotation>", "eval")
    return eval(code, own, module)


def _field_types(kind: type[Any]) -> dict[str, Any]:
    """The types of ``kind``'s annotations, as :func:`attrs.resolve_types` resolves them.

    What :func:`typing.get_type_hints` answers with ``include_extras=True`` (as attrs asks
    it): each class of the MRO's own annotations, evaluated in its module's namespace and
    then its own, ``None`` read as ``NoneType``. An annotation that names nothing raises
    :class:`NameError`, as there. The records are not changed (resolve_types sets each
    field's type on the class).

    >>> from participatory.core.periods import DateRange
    >>> _field_types(DateRange) == typing.get_type_hints(DateRange, include_extras=True)
    True
    """
    hints: dict[str, Any] = {}
    for base in reversed(kind.__mro__):
        annotations = inspect.get_annotations(base)
        if not annotations:
            continue
        module = getattr(sys.modules.get(base.__module__), "__dict__", {})
        own = dict(vars(base))
        for name, value in annotations.items():
            if isinstance(value, str):
                # The module's names first, then the class's: get_type_hints' order for a class.
                value = _evaluated(value, own, module)
            hints[name] = type(None) if value is None else value
    return hints


def record_structure(kind: type[Any], conv: Reader) -> Callable[..., Any]:
    """Read a record of type ``kind`` from a table, every problem gathered.

    Each field is read by its type's hook, from a table of the record's fields (not written
    as Python source and compiled for each record class, as cattrs' generated functions
    were: that was about half of reading a project file). A table holding a key the record
    has no field for is a problem too (:class:`~participatory.core.reading.UnknownKeys`).
    Every problem is gathered into one
    :class:`~participatory.core.reading.RecordProblems`, each noted with its field; a test
    compares the answers and problems with those of cattrs' converter on generated
    projects, valid or not.

    >>> from participatory.core.periods import DateRange
    >>> read = record_structure(DateRange, project_converter())
    >>> read({"start": "2026-04-06", "end": "2026-04-12"})
    DateRange(start=datetime.date(2026, 4, 6), end=datetime.date(2026, 4, 12))
    >>> read({"start": "2026-04-06"})
    Traceback (most recent call last):
    ...
    participatory.core.reading.RecordProblems: While structuring DateRange (1 sub-exception)
    """
    record: Any = kind  # an attrs class: the converter's factory is registered for attrs.has
    hints = _field_types(record)
    fields: list[_FieldReader] = []
    for field in attrs.fields(record):
        if not field.init:
            continue
        hint = hints.get(field.name, field.type)
        where = f"Structuring class {kind.__qualname__} @ attribute {field.name}"
        hook = _field_hook(field, hint, conv)
        required = field.default is attrs.NOTHING
        fields.append((field.name, field.alias, hook, hint, required, where))
    allowed = frozenset(field[0] for field in fields)
    context = "While structuring " + kind.__name__

    def structure(value: Mapping[str, Any], _cls: object = kind) -> Any:
        found: dict[str, Any] = {}
        errors: list[Exception] = []
        for key, alias, hook, hint, required, where in fields:
            if required or key in value:
                try:
                    found[alias] = value[key] if hook is None else hook(value[key], hint)
                except Exception as error:  # gathered, each noted at its field
                    error.add_note(FieldNote(where, key, hint))
                    errors.append(error)
        unknown = set(value.keys()) - allowed
        if unknown:
            errors.append(UnknownKeys(kind, unknown))
        if errors:
            raise RecordProblems(context, errors, kind)
        try:
            return kind(**found)
        except Exception as error:
            # The record's own check (a validator): one problem, at the record.
            raise RecordProblems(context, [error], kind)  # noqa: B904

    return structure


#: How a record's structure function is made (:func:`record_structure`).
RecordStructure = Callable[[type[Any], Reader], Callable[..., Any]]


def _built_when_first_used(
    kind: type[_Record], conv: Reader, make: RecordStructure = record_structure
) -> Callable[[object, object], _Record]:
    """The structure function for the record ``kind``, made on its first call.

    Making one looks up its fields' hooks, for the record and (through them) for every
    record it holds: a project file that gives no budget, or a rate card by its name,
    never pays for the budget's or the card's.
    """
    built: list[Callable[..., _Record]] = []

    def structure(value: object, cls: object) -> _Record:
        if not built:
            built.append(make(kind, conv))
        return built[0](value, cls)

    return structure


def _rate_card(conv: Reader, make: RecordStructure) -> Callable[[object, object], RateCard]:
    as_data = _built_when_first_used(RateCard, conv, make)

    def structure(value: object, _type: object) -> RateCard:
        if isinstance(value, RateCard):
            return value
        if isinstance(value, str):
            return bundled_rate_card(value)
        if isinstance(value, Mapping) and "file" in value and set(value) <= {"file", "extends"}:
            file, extends = value["file"], value.get("extends")
            if not isinstance(file, str) or not (extends is None or isinstance(extends, str)):
                raise ValidationError("", "file and extends must be text")
            base = BASE_DIRECTORY.get()
            # As pathlib joins and spells it (examples/./x.toml is examples/x.toml).
            path = _paths.text(file) if base is None else _paths.joined(os.fspath(base), file)
            return load_rate_card(path, base=extends)
        if isinstance(value, Mapping) and "rates" in value:
            # The card itself, as participatory.interchange.to_plain writes it.
            return _verified_only_at_primary(as_data(value, RateCard))
        raise ValidationError(
            "",
            'must name a bundled rate card ("nihr"), be {file = "...", extends = "..."}, or '
            "hold the card itself (id, title, publisher, currency, source, rates)",
        )

    return structure


def _verified_only_at_primary(card: RateCard) -> RateCard:
    # The rule the rate-card files keep (a figure read only at a secondary source stays
    # usable, marked verified = false) holds for a card given as data too.
    problems = [("verified", card.source)] if card.verified else []
    problems += [(f"rates[{i}].verified", r.source) for i, r in enumerate(card.rates) if r.verified]
    for path, citation in problems:
        if not citation.source.primary:
            raise ValidationError(
                path,
                f"is true but {citation.source.key!r} is not a primary source: a figure read "
                "only in a secondary source stays usable, marked verified = false",
            )
    return card


def _safeguarding_profile(
    conv: Reader, make: RecordStructure
) -> Callable[[object, object], SafeguardingProfile]:
    base = _built_when_first_used(SafeguardingProfile, conv, make)

    def structure(value: object, kind: object) -> SafeguardingProfile:
        # A project names each partner once, under organisations: the profile's partners
        # are filled from there (Project.safeguarding_profile), never read a second time.
        if not isinstance(value, Mapping):
            raise ValidationError("", "must be a table")
        if "partners" in value:
            raise ValidationError(
                "partners",
                "is not read from a project file",
                hint="name each partner once, under organisations, with its expertise",
            )
        return base(value, kind)

    return structure


def _record_hook(
    conv: Reader, make: RecordStructure
) -> Callable[[Any], Callable[[object, object], Any]]:
    """A record must be a table: anything else says so by name (not "is not valid here")."""

    def factory(kind: Any) -> Callable[[object, object], Any]:
        # Made on the first record read, as _built_when_first_used makes it, but without a
        # second call per record: a project file's records are mostly its payments.
        built: list[Callable[..., Any]] = []

        def structure(value: object, cls: object) -> Any:
            if isinstance(value, kind):
                return value  # already the model (a Python caller mixing the two)
            # A parser's table is a dict; the Mapping ABC's slower check is for anything else.
            if type(value) is not dict and not isinstance(value, Mapping):
                raise ValidationError("", "must be a table (a JSON object) of its fields")
            if not built:
                built.append(make(kind, conv))
            return built[0](value, cls)

        return structure

    return factory


def _is_enum(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


_SEQUENCES: Final = (tuple, list, frozenset, set)


def _is_sequence(kind: Any) -> bool:
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin not in _SEQUENCES or not args:
        return False
    return origin is not tuple or (len(args) == 2 and args[1] is Ellipsis)


def _sequence_hook(conv: Reader) -> Callable[[Any], Callable[[object, object], Any]]:
    """Lists of a file: an array only, never a text read as its letters (``"Bath"``)."""

    def factory(kind: Any) -> Callable[[object, object], Any]:
        origin, item = typing.get_origin(kind), typing.get_args(kind)[0]
        items = items_hook(conv, item)

        def structure(value: object, _type: object) -> Any:
            if isinstance(value, str):
                raise ValidationError("", "must be a list, not one text", hint='write ["…"]')
            if not isinstance(value, list | tuple):
                raise ValidationError("", "must be a list")
            found = items(value, list[item])  # type: ignore[valid-type]
            return found if origin is list else origin(found)

        return structure

    return factory


def _is_optional(kind: Any) -> bool:
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    return origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args


def _optional_hook(conv: Reader) -> Callable[[Any], Callable[[object, object], Any]]:
    """An optional field (``X | None``): ``None``, or what the hook for ``X`` reads."""

    def factory(kind: Any) -> Callable[[object, object], Any]:
        first, second = typing.get_args(kind)
        inner = first if second is type(None) else second
        hook = conv.get_structure_hook(inner)

        def structure(value: object, _type: object) -> Any:
            return None if value is None else hook(value, inner)

        return structure

    return factory


_MAPPINGS: Final = (dict, Mapping, MutableMapping)


def _is_mapping(kind: Any) -> bool:
    return typing.get_origin(kind) in _MAPPINGS and len(typing.get_args(kind)) == 2


def _mapping_hook(conv: Reader) -> Callable[[Any], Callable[..., Any]]:
    """Tables of values by key (a project's benefits, by person), every problem gathered."""

    def factory(kind: Any) -> Callable[..., Any]:
        key, value = typing.get_args(kind)
        return table_hook(conv, key, value)

    return factory


@functools.cache
def project_converter() -> Reader:
    """The strict reader for project files (built once)."""
    return build_converter(record_structure)


def build_converter(make: RecordStructure = record_structure) -> Reader:
    """A new strict reader whose records are read by structure functions ``make`` makes.

    The library's is :func:`project_converter`.

    >>> from participatory.core.periods import DateRange
    >>> build_converter(record_structure).structure(
    ...     {"start": "2026-04-06", "end": "2026-04-12"}, DateRange
    ... )
    DateRange(start=datetime.date(2026, 4, 6), end=datetime.date(2026, 4, 12))
    """
    conv = Reader()
    # First: hooks made below (the safeguarding profile's) look their fields' hooks up now.
    conv.register_structure_hook_factory(attrs.has, _record_hook(conv, make))
    conv.register_structure_hook_factory(_is_sequence, _sequence_hook(conv))
    conv.register_structure_hook_factory(_is_mapping, _mapping_hook(conv))
    conv.register_structure_hook_factory(_is_optional, _optional_hook(conv))
    conv.register_structure_hook(Money, _money)
    conv.register_structure_hook(Decimal, _decimal)
    conv.register_structure_hook(dt.date, _date)
    conv.register_structure_hook(str, _text)
    conv.register_structure_hook(bool, _boolean)
    conv.register_structure_hook(int, _integer)
    conv.register_structure_hook(Facts, _facts)
    conv.register_structure_hook(RateCard, _rate_card(conv, make))
    conv.register_structure_hook(SafeguardingProfile, _safeguarding_profile(conv, make))
    conv.register_structure_hook_factory(_is_enum, _enum_hook)
    return conv
