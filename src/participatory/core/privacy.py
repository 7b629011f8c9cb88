"""Marking special-category personal data so it never leaks by accident.

Benefits status, health, lived experience, access needs and safeguarding notes are
special-category personal data (UK GDPR art. 9). A model marks such a field with
``attrs.field(repr=REDACTED, metadata=SENSITIVE)``; its value then never appears in
``repr`` or ``str``, and :func:`participatory.core.serialise.unstructure` leaves it out
unless the caller opts in.

>>> import attrs
>>> @attrs.frozen
... class Person:
...     name: str
...     health_condition: str = attrs.field(repr=REDACTED, metadata=SENSITIVE)
>>> Person("Sam", "long covid")
Person(name='Sam', health_condition=<redacted>)
>>> [f.name for f in sensitive_fields(Person)]
['health_condition']
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs

__all__ = ["REDACTED", "REDACTED_TEXT", "SENSITIVE", "is_sensitive", "sensitive_fields"]

#: What a sensitive value is replaced by wherever it would otherwise be shown.
REDACTED_TEXT: Final = "<redacted>"

_METADATA_KEY: Final = "participatory.sensitive"

#: Field metadata that marks an attrs field as special-category personal data.
SENSITIVE: Final[Mapping[str, bool]] = MappingProxyType({_METADATA_KEY: True})


def REDACTED(_value: object) -> str:  # noqa: N802 - used like a constant in field definitions
    """``repr`` for a sensitive field: never the value itself."""
    return REDACTED_TEXT


def is_sensitive(field: attrs.Attribute[Any]) -> bool:
    """Whether an attrs field is marked sensitive."""
    return bool(field.metadata.get(_METADATA_KEY, False))


def sensitive_fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    """The fields of an attrs class that are marked sensitive."""
    return tuple(field for field in attrs.fields(cls) if is_sensitive(field))
