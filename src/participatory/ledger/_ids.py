"""The shapes of the ledger's identifiers, checked without ever repeating the value given."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

from participatory.core.errors import ValidationError
from participatory.core.text import NOT_UTF8, has_lone_surrogate

__all__ = ["PERSON_ID", "RECORD_ID", "Validator", "check_label", "id_check", "optional_id_check"]

#: An attrs validator (typed loosely so that attrs infers the field's own type).
Validator = Callable[[Any, Any, Any], None]

#: A person's pseudonymous id: the same shape as :class:`~participatory.benefits.Person` ids.
PERSON_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}\Z")
#: A record's id (a payment, an ask, a project, a household): finance references may hold
#: '/' and '#', and are longer.
RECORD_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/#-]{0,127}\Z")

_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f]")
_PERSON_RULE: Final = "1 to 64 letters, digits, '.', '_', ':' or '-'"
_RECORD_RULE: Final = "1 to 128 letters, digits, '.', '_', ':', '/', '#' or '-'"


def id_check(path: str, *, person: bool = False) -> Validator:
    """An attrs validator for an id at ``path`` (a person's, or any record's)."""
    pattern, rule = (PERSON_ID, _PERSON_RULE) if person else (RECORD_ID, _RECORD_RULE)

    def check(_instance: object, _attribute: object, value: object) -> None:
        if type(value) is not str or not pattern.match(value):
            raise ValidationError(path, f"must be an id: {rule}")

    return check


def optional_id_check(path: str) -> Validator:
    """:func:`id_check` for a record id that may be left out."""
    inner = id_check(path)

    def check(instance: object, attribute: object, value: object) -> None:
        if value is not None:
            inner(instance, attribute, value)

    return check


def check_label(value: object, path: str, *, limit: int = 200) -> str:
    """Text a person reads (a payer's or a community's name): non-empty, one line, bounded."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(path, "must be non-empty text")
    if len(value) > limit:
        raise ValidationError(path, f"must be at most {limit} characters")
    if _CONTROL.search(value):
        raise ValidationError(path, "must be one line of text, without control characters")
    if has_lone_surrogate(value):
        raise ValidationError(path, NOT_UTF8)
    return value
