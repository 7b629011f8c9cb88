"""The ledger as JSON-ready data and back: the export format, exact to the penny and the day.

An export is an object with ``format`` (``"participatory-ledger"``), ``version`` (1) and the
lists ``contributors``, ``households``, ``payments`` and ``asks``, each sorted by id, each
entry the model's own fields (money as ``"150.00 GBP"``, dates as ISO strings; money written
``{"amount": "150.00", "currency": "GBP"}`` by earlier versions is read too). Households
carry their circumstances: an export holds special-category data and is as sensitive as the
ledger itself. Reading one back gives an equal ledger.

>>> from participatory.ledger import Contributor, Ledger, PaymentEntry
>>> book = Ledger(contributors=[Contributor("c-7")],
...               payments=[PaymentEntry("p-1", "c-7", "150.00", "2026-01-13", payer="uni")])
>>> data = ledger_to_data(book)
>>> data["payments"][0]["amount"]
'150.00 GBP'
>>> ledger_from_data(data) == book
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from participatory.core.errors import ValidationError
from participatory.core.serialise import unstructure
from participatory.ledger.consent import HouseholdRecord
from participatory.ledger.contributors import Contributor
from participatory.ledger.entries import Ask, PaymentEntry
from participatory.ledger.model import Ledger
from participatory.project.convert import project_converter
from participatory.project.errors import ProjectFileError, problems_of

__all__ = ["FORMAT", "VERSION", "ledger_from_data", "ledger_to_data", "structure_part"]

#: The ``format`` of an export.
FORMAT: Final = "participatory-ledger"
#: The export format's version.
VERSION: Final = 1

_PARTS: Final = {
    "contributors": Contributor,
    "households": HouseholdRecord,
    "payments": PaymentEntry,
    "asks": Ask,
}


def _sorted(items: Iterable[Any]) -> list[Any]:
    return [unstructure(item, include_sensitive=True) for item in sorted(items, key=lambda i: i.id)]


def ledger_to_data(ledger: Ledger) -> dict[str, Any]:
    """The export of ``ledger`` (special-category data included)."""
    if not isinstance(ledger, Ledger):
        raise ValidationError("ledger", "must be a Ledger")
    return {
        "format": FORMAT,
        "version": VERSION,
        "contributors": _sorted(ledger.contributors.values()),
        "households": _sorted(ledger.households.values()),
        "payments": _sorted(ledger.payments.values()),
        "asks": _sorted(ledger.asks.values()),
    }


def structure_part(data: object, kind: type[Any], path: str) -> list[Any]:
    """A list of ``kind`` from plain data; every problem reported with its path."""
    if not isinstance(data, list):
        raise ProjectFileError("<data>", [(path, "must be a list")])
    try:
        return list(project_converter().structure(data, tuple[kind, ...]))  # type: ignore[valid-type]
    except Exception as error:
        problems = list(problems_of(error, path))
        raise ProjectFileError("<data>", problems) from None


def ledger_from_data(data: Mapping[str, Any], name: str = "<data>") -> Ledger:
    """The ledger an export holds; every problem is reported with its path.

    ``name`` (the file it came from) names the data in errors.
    """
    if not isinstance(data, Mapping):
        raise ProjectFileError(name, [("", "must be a JSON object")])
    problems: list[tuple[str, str]] = []
    if data.get("format") != FORMAT:
        problems.append(("format", f"must be {FORMAT!r} (is this a ledger export?)"))
    elif data.get("version") != VERSION:
        problems.append(("version", f"must be {VERSION}: this library reads version {VERSION}"))
    if problems:
        raise ProjectFileError(name, problems)
    unknown = set(data) - {"format", "version", *_PARTS}
    if unknown:
        problems.append(("", f"has unknown key(s): {', '.join(sorted(unknown))}"))
    parts: dict[str, list[Any]] = {}
    for key, kind in _PARTS.items():
        try:
            parts[key] = structure_part(data.get(key, []), kind, key)
        except ProjectFileError as error:
            problems.extend(error.problems)
    if problems:
        raise ProjectFileError(name, problems)
    try:
        return Ledger(**parts)
    except ValidationError as error:
        raise ProjectFileError(name, [(error.path, error.problem)]) from None
