"""Which kind of file a document looks like, for a hint when one is given to the wrong command.

Only the document's top-level keys are looked at, and only after the command's own reader
has refused it: a cheap guess that turns a screenful of problems into the command to use.

>>> looks_like({"plan": {}, "payments": []}, "plan.toml", expected="project")
'this looks like a payment plan, not a project file: use `participatory cost --plan plan.toml`'
>>> looks_like({"id": "p", "title": "T"}, "project.toml", expected="project") is None
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from participatory.store.codec import FORMAT

__all__ = ["looks_like"]

_PROJECT_ONLY: Final = frozenset({"id", "title", "people", "roles", "decisions", "budget"})
_ETHICS_KEYS: Final = frozenset({"activity", "activities", "project_id"})
_BENEFITS_KEYS: Final = frozenset(
    {"household", "receipts", "payments", "already", "allow_stale", "day", "person", "kind"}
    | {"ceiling", "total", "days"}
)


def _plan(keys: frozenset[str], _doc: Mapping[str, Any]) -> bool:
    return "plan" in keys and not keys & _PROJECT_ONLY


def _rate_card(keys: frozenset[str], _doc: Mapping[str, Any]) -> bool:
    return "meta" in keys and bool(keys & {"rates", "rules"})


def _ledger_export(_keys: frozenset[str], doc: Mapping[str, Any]) -> bool:
    return doc.get("format") == FORMAT


def _benefits(keys: frozenset[str], _doc: Mapping[str, Any]) -> bool:
    # Any of the benefits command's questions: effect, headroom or schedule.
    return "household" in keys and keys <= _BENEFITS_KEYS


def _ethics(keys: frozenset[str], _doc: Mapping[str, Any]) -> bool:
    return bool(keys) and keys <= _ETHICS_KEYS and not ("activities" in keys and len(keys) == 1)


def _project(keys: frozenset[str], _doc: Mapping[str, Any]) -> bool:
    return bool(keys & {"id", "title"}) and bool(keys & {"people", "roles", "decisions"})


_Matcher = Callable[[frozenset[str], Mapping[str, Any]], bool]

#: Each kind: how to recognise it, and the command for it ({file} is the file's name).
_KINDS: Final[tuple[tuple[str, _Matcher, str], ...]] = (
    ("plan", _plan, "participatory cost --plan {file}"),
    ("rate_card", _rate_card, "participatory assess PROJECT --rates {file}"),
    ("ledger_export", _ledger_export, "participatory ledger import {file}"),
    ("benefits", _benefits, "participatory benefits {file}"),
    ("ethics", _ethics, "participatory ethics {file}"),
    ("project", _project, "participatory assess {file}"),
)

_NAMES: Final = {
    "plan": "a payment plan",
    "rate_card": "a rate card",
    "ledger_export": "a ledger export",
    "benefits": "a benefits question",
    "ethics": "an ethics question",
    "project": "a project file",
}


def looks_like(document: object, file: str, *, expected: str) -> str | None:
    """A one-line hint when ``document`` looks like a kind of file other than ``expected``.

    ``expected`` is the kind the command reads (``project``, ``plan``, ``benefits`` …);
    ``None`` when the document looks like that kind, or like none the library reads.
    """
    if not isinstance(document, Mapping):
        return None
    keys = frozenset(str(key) for key in document)
    for kind, matches, command in _KINDS:
        if kind != expected and matches(keys, document):
            use = command.format(file="FILE" if file == "<stdin>" else file)
            return f"this looks like {_NAMES[kind]}, not {_NAMES[expected]}: use `{use}`"
    return None
