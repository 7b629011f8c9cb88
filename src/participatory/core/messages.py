"""The English message catalogue that turns a finding's message key into a sentence.

Engines define their messages next to their rules, as ``str.format`` templates over the
finding's values; the renderer (:mod:`participatory.render`) looks them up and formats the
values for a locale. Keeping the catalogue in the core lets an engine declare what it says
without knowing how it is shown.

>>> define_messages({"example.greeting": "Hello {name}."})
>>> template("example.greeting")
'Hello {name}.'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["define_messages", "message_keys", "template"]

_CATALOGUE: Final[dict[str, str]] = {}


def define_messages(messages: Mapping[str, str]) -> None:
    """Add templates to the catalogue. Redefining a key with different text is an error."""
    for key, text in messages.items():
        existing = _CATALOGUE.get(key)
        if existing is not None and existing != text:
            raise ValueError(f"message key {key!r} is already defined with other text")
        _CATALOGUE[key] = text


def template(key: str) -> str:
    """The English template for ``key``; raises ``KeyError`` for an unknown key."""
    return _CATALOGUE[key]


def message_keys() -> frozenset[str]:
    """Every key defined so far."""
    return frozenset(_CATALOGUE)
