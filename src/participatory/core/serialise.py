"""Turning models into plain data (dicts, lists, strings) and back, sensitive fields withheld.

:func:`unstructure` is the *default* serialisation: fields marked sensitive (see
:mod:`participatory.core.privacy`) are left out, and a finding marked sensitive is
withheld: it keeps only its ``severity``, ``subject``, ``sensitive`` and ``withheld``
(true); its rule id, message key, citations, parameters, values and actions are ``None``,
since a rule id alone can reveal a person's circumstances. Pass
``include_sensitive=True`` only where the receiving system is entitled to special-category
data.

Money becomes ``{"amount": "12.50", "currency": "GBP"}`` (a string, so no float ever
touches it), dates ISO strings, Decimals strings, enums their values, sets sorted lists
(so the same input gives the same JSON whatever the hash seed).

>>> from participatory.core.money import Money
>>> unstructure(Money.gbp("12.50"))
{'amount': '12.50', 'currency': 'GBP'}
>>> from participatory.core.explain import Finding, Severity
>>> carer = Finding("BEN-CA-EARNINGS-LIMIT", Severity.PROBLEM, "benefits.ca.over_limit",
...                 {"excess": Money.gbp("2.25")}, sensitive=True, subject="rosa")
>>> data = unstructure(carer)
>>> data["rule_id"], data["severity"], data["subject"], data["withheld"]
(None, 'problem', 'rosa', True)
>>> unstructure(carer, include_sensitive=True)["rule_id"]
'BEN-CA-EARNINGS-LIMIT'
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import typing
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from decimal import Decimal
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from participatory.core.explain import Finding
from participatory.core.money import Money
from participatory.core.privacy import is_sensitive

__all__ = ["converter", "unstructure"]


def _money(value: Money) -> dict[str, str]:
    return {"amount": str(value.amount), "currency": value.currency}


def _is_set_type(t: object) -> bool:
    return t in (set, frozenset) or typing.get_origin(t) in (set, frozenset, AbstractSet)


def _set(conv: cattrs.Converter) -> Callable[[AbstractSet[Any]], list[Any]]:
    def unstructure_set(items: AbstractSet[Any]) -> list[Any]:
        # JSON has no sets, and a set's order follows the hash seed: sort, so the same
        # input always gives the same bytes.
        plain = [conv.unstructure(item) for item in items]
        return sorted(plain, key=lambda item: json.dumps(item, sort_keys=True))

    return unstructure_set


def _finding(conv: cattrs.Converter, redact: bool) -> Callable[[Finding], dict[str, Any]]:
    def unstructure_finding(finding: Finding) -> dict[str, Any]:
        if finding.sensitive and redact:
            # The rule, message, citations and parameters alone can say what a person's
            # circumstances are (BEN-CA-EARNINGS-LIMIT: they get Carer's Allowance), so a
            # withheld finding keeps only how serious it is and whom it is about.
            return {
                "rule_id": None,
                "severity": finding.severity.value,
                "message_key": None,
                "subject": finding.subject,
                "sensitive": True,
                "withheld": True,
                "actions": None,
                "citations": None,
                "values": None,
                "parameters": None,
            }
        return {
            "rule_id": finding.rule_id,
            "severity": finding.severity.value,
            "message_key": finding.message_key,
            "subject": finding.subject,
            "sensitive": finding.sensitive,
            "withheld": False,
            "actions": list(finding.actions),
            "citations": conv.unstructure(list(finding.citations)),
            "values": {k: conv.unstructure(v) for k, v in finding.values.items()},
            "parameters": conv.unstructure(list(finding.parameters)),
        }

    return unstructure_finding


@functools.cache
def converter(*, include_sensitive: bool = False) -> cattrs.Converter:
    """The cattrs converter used by :func:`unstructure` (cached, one per mode)."""
    conv = cattrs.Converter()
    conv.register_unstructure_hook(Money, _money)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_unstructure_hook(dt.datetime, dt.datetime.isoformat)
    conv.register_unstructure_hook(Finding, _finding(conv, redact=not include_sensitive))
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda e: e.value
    )
    conv.register_unstructure_hook_func(_is_set_type, _set(conv))
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, Mapping) and not attrs.has(t),
        lambda m: {str(k): conv.unstructure(v) for k, v in m.items()},
    )

    def attrs_hook(cls: type) -> Callable[[Any], dict[str, Any]]:
        overrides = {}
        for field in attrs.fields(cls):
            if (is_sensitive(field) and not include_sensitive) or not field.init:
                overrides[field.name] = override(omit=True)
            elif field.type in (object, Any, "object", "Any"):
                # Declared loosely (a parameter's value): dispatch on the runtime type.
                overrides[field.name] = override(unstruct_hook=conv.unstructure)
        return make_dict_unstructure_fn(cls, conv, **overrides)  # type: ignore[arg-type]

    conv.register_unstructure_hook_factory(attrs.has, attrs_hook)
    return conv


def unstructure(value: object, *, include_sensitive: bool = False) -> Any:
    """Plain data for ``value``; sensitive fields are left out unless asked for."""
    return converter(include_sensitive=include_sensitive).unstructure(value)
