"""Every English message template, by message key: one registry, gathered explicitly.

Each module whose findings say something defines its templates as a constant ``MESSAGES``
next to its rules (keys prefixed by the engine's name: ``benefits.*``, ``payments.*`` …).
This module imports every such module by name and merges their ``MESSAGES``: nothing is
registered by the side effect of an import, and a key two modules define is an error here,
when the registry is built, not a silent overwrite. The whole registry is built when it is
first read whole (:data:`TEMPLATES`, :data:`PLURALS`, :func:`message_keys`); until then
:func:`template` and :func:`plural` read a key from the one module that defines it, found in
the index :data:`~participatory.render.template_owners.OWNERS` (a test keeps it equal to the
registry), so a report imports no engine for its words that it did not run. The renderer
(:mod:`participatory.render.text`) looks templates up here and translates them
(:mod:`participatory.render.i18n`).

A module that adds messages is added to :data:`SOURCES`; a test walks the package and
fails for any module with ``MESSAGES`` that is not listed there.

A message that counts something is a *plural* template: instead of a string, a mapping
naming the placeholder that holds the count (``by``) and the English forms for exactly one
(``one``) and for any other number (``other``). The renderer chooses the form through
gettext's plural forms, so Welsh gets all six of its forms (zero, one, two, few, many,
other) and no template says "payment(s)". Both forms carry the same placeholders::

    "payments.on_time": {
        "by": "count",
        "one": "{count} payment was made on time.",
        "other": "{count} payments were made on time.",
    },

:data:`TEMPLATES` holds a plural's ``one`` form (its gettext message id) and
:data:`PLURALS` holds the whole of it.

>>> template("render.sources")
'Sources'
>>> "benefits.caveat" in message_keys()
True
>>> plural("payments.on_time")
Plural(by='count', one='{count} payment was made on time.', other='{count} payments were made on time.')
>>> plural("render.sources") is None
True
"""  # noqa: E501

from __future__ import annotations

import importlib
import string
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs

from participatory.core.record import Record
from participatory.render.template_owners import OWNERS

__all__ = [
    "PLURALS",
    "SOURCES",
    "TEMPLATES",
    "Plural",
    "merge",
    "message_keys",
    "plural",
    "template",
    "templates_starting",
]

#: Every module whose ``MESSAGES`` the registry holds, imported by name below.
SOURCES: Final = (
    "participatory.assessment.alignment",
    "participatory.assessment.messages",
    "participatory.benefits.advice",
    "participatory.benefits.carers_allowance",
    "participatory.benefits.disability_disregard",
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
    "participatory.render._page_words",
    "participatory.render.ledger_words",
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


def _fields(text: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


@attrs.frozen
class Plural(Record):
    """A template that counts something: the forms for one and for any other number.

    ``by`` names the placeholder whose value picks the form; both forms have the same
    placeholders, ``by`` among them.

    >>> Plural("count", "{count} problem", "{count} problems").other
    '{count} problems'
    >>> Plural("count", "{count} problem", "problems")
    Traceback (most recent call last):
    ...
    ValueError: plural forms '{count} problem' and 'problems' must have the same placeholders, 'count' among them
    """  # noqa: E501

    #: The placeholder holding the number that chooses the form.
    by: str
    #: The English form for exactly one (the gettext message id).
    one: str
    #: The English form for any other number (the gettext plural id).
    other: str

    def __attrs_post_init__(self) -> None:
        fields = _fields(self.one)
        if fields != _fields(self.other) or self.by not in fields:
            raise ValueError(
                f"plural forms {self.one!r} and {self.other!r} must have the same "
                f"placeholders, {self.by!r} among them"
            )


def _plural(key: str, spec: object) -> Plural:
    if not isinstance(spec, Mapping) or set(spec) != {"by", "one", "other"}:
        raise ValueError(f"message {key!r} must be a string or a mapping of by, one and other")
    return Plural(by=str(spec["by"]), one=str(spec["one"]), other=str(spec["other"]))


def merge(modules: Iterable[object]) -> dict[str, str | Plural]:
    """The ``MESSAGES`` of ``modules`` in one mapping; a key defined twice is an error.

    A plural template (a mapping of ``by``, ``one`` and ``other``) becomes a
    :class:`Plural`.

    >>> import types
    >>> one = types.SimpleNamespace(__name__="one", MESSAGES={"x.a": "A"})
    >>> two = types.SimpleNamespace(__name__="two", MESSAGES={"x.a": "B"})
    >>> merge([one, two])
    Traceback (most recent call last):
    ...
    ValueError: message key 'x.a' is defined in both one and two
    """
    merged: dict[str, str | Plural] = {}
    owners: dict[str, str] = {}
    for module in modules:
        name: str = getattr(module, "__name__")  # noqa: B009 - any object with a name
        messages: Mapping[str, object] = getattr(module, "MESSAGES")  # noqa: B009
        for key, text in messages.items():
            if key in owners:
                raise ValueError(f"message key {key!r} is defined in both {owners[key]} and {name}")
            merged[key] = text if isinstance(text, str) else _plural(key, text)
            owners[key] = name
    # gettext knows a message by its English text: a plural's "one" form may not also be
    # a plain template, or the two would share one catalogue entry.
    plain = {text for text in merged.values() if isinstance(text, str)}
    for key, text in merged.items():
        if isinstance(text, Plural) and text.one in plain:
            raise ValueError(f"plural message {key!r} has the text of a plain message")
    return merged


@attrs.frozen
class _Registry(Record):
    """Every module's templates merged and checked (:func:`merge`), with their views."""

    merged: dict[str, str | Plural]
    templates: dict[str, str]
    view: Mapping[str, str]
    plurals: Mapping[str, Plural]
    keys: frozenset[str]


#: The whole registry, once it is built (it holds at most one).
_WHOLE: Final[list[_Registry]] = []


def _registry() -> _Registry:
    # Importing every module in SOURCES imports nearly every engine: built only when the
    # registry is read whole (TEMPLATES, PLURALS, message_keys) or for a key the index of
    # owners does not know.
    if not _WHOLE:
        merged = merge(importlib.import_module(name) for name in SOURCES)
        templates = {k: t.one if isinstance(t, Plural) else t for k, t in merged.items()}
        plurals = MappingProxyType({k: t for k, t in merged.items() if isinstance(t, Plural)})
        _WHOLE.append(
            _Registry(merged, templates, MappingProxyType(templates), plurals, frozenset(templates))
        )
    return _WHOLE[0]


#: The module that defines each key (the index :mod:`~participatory.render.template_owners`
#: holds, turned round), so one template is read by importing only its own module.
_OWNER_OF: Final = {key: module for module, keys in OWNERS.items() for key in keys}
#: Templates read from their own module so far; at most one per key of the index.
_READ: Final[dict[str, str | Plural]] = {}


def _lookup(key: str) -> str | Plural:
    """The template of ``key`` (a plain text or a :class:`Plural`); ``KeyError`` if none.

    Read from the one module the index names while the whole registry is not built; from
    the registry once it is, or when the index does not know the key (the registry is
    what a key's template is, and the index only a faster way to it: a test keeps the two
    equal).
    """
    if _WHOLE:
        return _WHOLE[0].merged[key]
    found = _READ.get(key)
    if found is not None:
        return found
    owner = _OWNER_OF.get(key)
    messages = None if owner is None else getattr(importlib.import_module(owner), "MESSAGES", None)
    if not isinstance(messages, Mapping) or key not in messages:
        return _registry().merged[key]
    text = messages[key]
    found = text if isinstance(text, str) else _plural(key, text)
    _READ[key] = found
    return found


if TYPE_CHECKING:
    #: Every message key and its English template (read-only); a plural's ``one`` form.
    TEMPLATES: Mapping[str, str]
    #: The plural templates, by message key (read-only).
    PLURALS: Mapping[str, Plural]
    _TEMPLATES: dict[str, str]


def __getattr__(name: str) -> object:
    # TEMPLATES and PLURALS are the whole registry: built on first use (see _registry).
    if name == "TEMPLATES":
        return _registry().view
    if name == "PLURALS":
        return _registry().plurals
    if name == "_TEMPLATES":  # the registry's own dict, which tests add templates to
        return _registry().templates
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def template(key: str) -> str:
    """The English template for ``key``; raises ``KeyError`` for an unknown key."""
    if _WHOLE:
        return _WHOLE[0].templates[key]
    found = _lookup(key)
    return found.one if isinstance(found, Plural) else found


def plural(key: str) -> Plural | None:
    """The plural forms of ``key``, or ``None`` when its template counts nothing."""
    if _WHOLE or key not in _OWNER_OF:
        return _registry().plurals.get(key)
    found = _lookup(key)
    return found if isinstance(found, Plural) else None


def templates_starting(prefixes: tuple[str, ...]) -> dict[str, str]:
    """The English templates whose keys start with one of ``prefixes``, by key.

    Read from the modules that define them while the whole registry is not built.

    >>> templates_starting(("render.sources",))
    {'render.sources': 'Sources'}
    """
    if _WHOLE:
        return {k: t for k, t in _WHOLE[0].templates.items() if k.startswith(prefixes)}
    return {key: template(key) for key in _OWNER_OF if key.startswith(prefixes)}


def message_keys() -> frozenset[str]:
    """Every message key the library defines."""
    return _registry().keys
