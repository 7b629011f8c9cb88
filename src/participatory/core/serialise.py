"""Turning models into plain data (dicts, lists, strings) and back, sensitive fields withheld.

:func:`unstructure` is the *default* serialisation: fields marked sensitive (see
:mod:`participatory.core.privacy`) are left out, and an object flagged sensitive as a
whole (a :class:`~participatory.core.explain.Finding` or a report figure whose
``sensitive`` is true) is withheld whole: it keeps its keys, so every record has the same
shape, but each is ``None`` except ``sensitive`` and ``withheld`` (both true). Its rule
id, severity and subject are withheld too: a rule id alone can reveal a person's
circumstances, and a subject with a severity says whose. A result whose class sets
``_withheld_as_one`` (a person's statement or headroom from the ledger) lists its findings
that are not sensitive and then one withheld record, however many are withheld: their
number would say whether the person's circumstances are held. A class with a ``_default_copy``
method (a governance report) is written, by default, as the copy that method gives: the one
its default rendering shows. Pass ``include_sensitive=True`` only where the receiving
system is entitled to special-category data.

Money becomes one string, the amount and the ISO 4217 currency: ``"12.50 GBP"``, the form
every file the library reads uses (so no float ever touches it; the amount is exact, to
the penny at least, never in exponent form). Dates become ISO strings, Decimals strings,
enums their values, sets sorted lists (so the same input gives the same JSON whatever the
hash seed).

>>> from participatory.core.money import Money
>>> from decimal import ROUND_HALF_UP, Decimal
>>> unstructure(Money.gbp("12.5")), unstructure(Money.gbp(Decimal("1E+3")))
('12.50 GBP', '1000.00 GBP')
>>> from participatory.core.explain import Finding, Severity
>>> carer = Finding("BEN-CA-EARNINGS-LIMIT", Severity.PROBLEM, "benefits.ca.over_limit",
...                 {"excess": Money.gbp("2.25")}, sensitive=True, subject="rosa")
>>> data = unstructure(carer)
>>> data["rule_id"], data["severity"], data["subject"], data["withheld"]
(None, None, None, True)
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
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Final

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from participatory.core import exact
from participatory.core.errors import ValidationError
from participatory.core.explain import Finding, withheld_as_one
from participatory.core.money import Money
from participatory.core.privacy import is_sensitive

__all__ = ["Unstructured", "converter", "make_converter", "money_text", "unstructure"]


@typing.runtime_checkable
class Unstructured(typing.Protocol):
    """A result that is not an attrs class but says how it becomes plain data.

    ``unstructured`` returns the plain data, withholding what is sensitive unless
    ``include_sensitive``; ``unstructure`` turns its parts (money, dates, findings) into plain
    data the same way.
    """

    def unstructured(
        self, include_sensitive: bool, unstructure: Callable[[object], Any]
    ) -> dict[str, Any]:
        """Plain data for this result."""


_PENNY: Final = Decimal("0.01")


def money_text(value: Money) -> str:
    """``value`` in the library's one written form of money: ``"90.00 GBP"``.

    Exact: the amount keeps every digit it has, and gains places up to the penny (so
    ``Money.gbp(90)`` is ``"90.00 GBP"``); never commas, never an exponent, so the text is
    read back by every reader of the library as the same amount.

    >>> money_text(Money.gbp("-86.4")), money_text(Money("1234567.891", "EUR"))
    ('-86.40 GBP', '1234567.891 EUR')
    """
    amount = value.amount
    if amount.is_finite() and amount.as_tuple().exponent > -2:  # type: ignore[operator]
        # In the library's context: the caller's precision of 6 cannot hold 10000.00, and
        # writing an amount must never depend on (or raise from) what the caller set.
        amount = exact.quantize(amount, _PENNY, ROUND_HALF_UP)
    return f"{amount:f} {value.currency}"


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
            # circumstances are (BEN-CA-EARNINGS-LIMIT: they get Carer's Allowance), and a
            # subject with a severity says whose: a withheld finding keeps none of them.
            return {
                "rule_id": None,
                "severity": None,
                "message_key": None,
                "subject": None,
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
    return make_converter(include_sensitive=include_sensitive)


def make_converter(
    *,
    include_sensitive: bool = False,
    forms: Mapping[type, Callable[[Any], Any]] | None = None,
) -> cattrs.Converter:
    """A new converter like :func:`converter`'s, with the plain ``forms`` of some types.

    Each of ``forms`` turns a value of its type into plain data wherever it is met, nested
    records included (:mod:`participatory.interchange` gives ethics facts their input form).
    """
    conv = cattrs.Converter()
    for kind, form in (forms or {}).items():
        conv.register_unstructure_hook(kind, form)
    conv.register_unstructure_hook(Money, money_text)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_unstructure_hook(dt.datetime, dt.datetime.isoformat)
    conv.register_unstructure_hook(Finding, _finding(conv, redact=not include_sensitive))
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda e: e.value
    )
    conv.register_unstructure_hook_func(_is_set_type, _set(conv))
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and not attrs.has(t) and hasattr(t, "unstructured"),
        lambda v: v.unstructured(include_sensitive, conv.unstructure),
    )
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, Mapping) and not attrs.has(t),
        lambda m: {str(k): conv.unstructure(v) for k, v in m.items()},
    )

    def attrs_hook(cls: type) -> Callable[[Any], dict[str, Any]]:
        overrides = {}
        for field in attrs.fields(cls):
            if (
                (is_sensitive(field) and not include_sensitive)
                or not field.init
                or field.metadata.get("maintainers_only")
            ):
                overrides[field.name] = override(omit=True)
            elif field.type in (object, Any, "object", "Any"):
                # Declared loosely (a parameter's value): dispatch on the runtime type.
                overrides[field.name] = override(unstruct_hook=conv.unstructure)
        plain: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
            cls,
            conv,
            **overrides,  # type: ignore[arg-type]
        )
        if not include_sensitive and getattr(cls, "_default_copy", None) is not None:
            whole = plain

            def default_copy(value: Any) -> dict[str, Any]:
                # What differs between the full record and its default copy (a governance
                # report worked out with every safeguarding yes read as no) is itself
                # sensitive: the default plain data is that copy's, as its rendering is.
                return whole(value._default_copy())

            plain = default_copy
        if not include_sensitive and getattr(cls, "_withheld_as_one", False):
            return _one_withheld(conv, plain)
        if include_sensitive or not _flagged(cls):
            return plain
        names = [f.name for f in attrs.fields(cls) if f.name in overrides or f.init]

        def withheld_when_sensitive(value: Any) -> dict[str, Any]:
            # A record flagged sensitive as a whole (a report figure about a person's
            # benefits) keeps its shape and nothing else: not even whom it is about.
            if value.sensitive:
                return {**dict.fromkeys(names), "sensitive": True, "withheld": True}
            return plain(value)

        return withheld_when_sensitive

    conv.register_unstructure_hook_factory(attrs.has, attrs_hook)
    return conv


def _one_withheld(
    conv: cattrs.Converter, plain: Callable[[Any], dict[str, Any]]
) -> Callable[[Any], dict[str, Any]]:
    """Plain data listing the findings that are not sensitive, then one withheld record.

    For a class with a true ``_withheld_as_one`` (a person's statement or headroom from the
    ledger): how many of its findings are sensitive differs with the person's circumstances
    (a week to report each, or a plain "not checked" when none are held), so their number
    would say whether the circumstances are held. The one record is written even when none
    is withheld, for the same reason.
    """

    def findings_as_one(value: Any) -> dict[str, Any]:
        data = plain(value)
        data["findings"] = [conv.unstructure(f, Finding) for f in withheld_as_one(value.findings)]
        return data

    return findings_as_one


def _flagged(cls: type) -> bool:
    """Whether ``cls`` flags each record sensitive or not (a ``sensitive: bool`` field)."""
    return any(f.name == "sensitive" and f.type in (bool, "bool") for f in attrs.fields(cls))


@exact.computes_exactly
def unstructure(value: object, *, include_sensitive: bool = False) -> Any:
    """Plain data for ``value``; sensitive fields are left out unless asked for."""
    if not isinstance(include_sensitive, bool):  # never read "yes" or [] as a wish to see
        raise ValidationError("include_sensitive", "must be true or false")
    return converter(include_sensitive=include_sensitive).unstructure(value)
