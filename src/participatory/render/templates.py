"""Every English message template, by message key: one registry, gathered explicitly.

Each module whose findings say something defines its templates as a constant ``MESSAGES``
next to its rules (keys prefixed by the engine's name: ``benefits.*``, ``payments.*`` …).
This module imports every such module by name and merges their ``MESSAGES``: nothing is
registered by the side effect of an import, and a key two modules define is an error here,
when the registry is built, not a silent overwrite. The renderer
(:mod:`participatory.render.text`) looks templates up here and translates them
(:mod:`participatory.render.i18n`).

A module that adds messages is added to :data:`SOURCES`; a test walks the package and
fails for any module with ``MESSAGES`` that is not listed there.

>>> template("render.sources")
'Sources'
>>> "benefits.caveat" in message_keys()
True
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

__all__ = ["SOURCES", "TEMPLATES", "merge", "message_keys", "template"]

#: Every module whose ``MESSAGES`` the registry holds, imported by name below.
SOURCES: Final = (
    "participatory.assessment.alignment",
    "participatory.assessment.messages",
    "participatory.benefits.advice",
    "participatory.benefits.carers_allowance",
    "participatory.benefits.engine",
    "participatory.benefits.esa",
    "participatory.benefits.headroom",
    "participatory.benefits.housing_benefit",
    "participatory.benefits.legacy",
    "participatory.benefits.pension_credit",
    "participatory.benefits.planning",
    "participatory.benefits.scenarios",
    "participatory.benefits.treatments",
    "participatory.benefits.unaffected",
    "participatory.benefits.universal_credit",
    "participatory.budget.review",
    "participatory.budget.seed_fund",
    "participatory.ethics.messages",
    "participatory.ethics.route_messages",
    "participatory.evaluation.assess",
    "participatory.ledger.before_paying",
    "participatory.ledger.over_asking",
    "participatory.ledger.retention",
    "participatory.ledger.room",
    "participatory.ledger.statement",
    "participatory.payments.costing",
    "participatory.payments.expenses",
    "participatory.payments.methods",
    "participatory.payments.timeliness",
    "participatory.power.ladders",
    "participatory.power.principles",
    "participatory.power.review",
    "participatory.readiness.assess",
    "participatory.render.statement_words",
    "participatory.render.words",
    "participatory.roles.messages",
    "participatory.safeguarding.assess",
    "participatory.tax.annual",
    "participatory.tax.national_insurance",
    "participatory.tax.payslip",
    "participatory.tax.starters",
    "participatory.tax.summary",
    "participatory.tax.trading",
    "participatory.tax.vouchers",
    "participatory.timeline.assess",
)


def merge(modules: Iterable[object]) -> dict[str, str]:
    """The ``MESSAGES`` of ``modules`` in one mapping; a key defined twice is an error.

    >>> import types
    >>> one = types.SimpleNamespace(__name__="one", MESSAGES={"x.a": "A"})
    >>> two = types.SimpleNamespace(__name__="two", MESSAGES={"x.a": "B"})
    >>> merge([one, two])
    Traceback (most recent call last):
    ...
    ValueError: message key 'x.a' is defined in both one and two
    """
    merged: dict[str, str] = {}
    owners: dict[str, str] = {}
    for module in modules:
        name: str = getattr(module, "__name__")  # noqa: B009 - any object with a name
        messages: Mapping[str, str] = getattr(module, "MESSAGES")  # noqa: B009
        for key, text in messages.items():
            if key in owners:
                raise ValueError(f"message key {key!r} is defined in both {owners[key]} and {name}")
            merged[key] = text
            owners[key] = name
    return merged


_TEMPLATES: Final = merge(importlib.import_module(name) for name in SOURCES)

#: Every message key and its English template (read-only).
TEMPLATES: Final[Mapping[str, str]] = MappingProxyType(_TEMPLATES)
_KEYS: Final = frozenset(_TEMPLATES)


def template(key: str) -> str:
    """The English template for ``key``; raises ``KeyError`` for an unknown key."""
    return _TEMPLATES[key]


def message_keys() -> frozenset[str]:
    """Every message key the library defines."""
    return _KEYS
