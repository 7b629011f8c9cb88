"""The ledger as JSON-ready data and back: the export format, exact to the penny and the day.

An export is an object with ``format`` (``"participatory-ledger"``), ``version`` (1) and the
lists ``contributors``, ``households``, ``payments`` and ``asks``, each sorted by id, each
entry the model's own fields (money as ``"150.00 GBP"``, dates as ISO strings; money written
``{"amount": "150.00", "currency": "GBP"}`` by earlier versions is read too). Households
carry their circumstances: an export holds special-category data and is as sensitive as the
ledger itself. Reading one back gives an equal ledger.

A problem inside special-category data (a member's benefit circumstances, a contributor's
communities) is counted in the error, never described: its path says whose data it is and
what they claim. The error's ``describe(include_sensitive=True)`` spells it out.

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
from participatory.project.errors import ProjectFileError, join_path, problems_of
from participatory.project.references import is_special_category, top_key

__all__ = [
    "FORMAT",
    "VERSION",
    "is_special_in_export",
    "ledger_from_data",
    "ledger_to_data",
    "structure_part",
]

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


def is_special_in_export(path: str) -> bool:
    """Whether a place in a ledger export lies in special-category data.

    Each part is judged as a list of its model, as restoring it judges a problem there:

    >>> is_special_in_export("households[0].household.people[0].esa")
    True
    >>> is_special_in_export("households[0].id"), is_special_in_export("payments[3].amount")
    (False, False)
    """
    key = top_key(path)
    kind = _PARTS.get(key)
    if kind is None:
        return False
    return is_special_category(path[len(key) :], tuple[kind, ...])  # type: ignore[valid-type]


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


def _refusal(
    name: str, problems: Iterable[tuple[str, str]], kind: object, path: str = ""
) -> ProjectFileError:
    """The error naming ``name``: problems in special-category data counted, not described.

    Each problem's path is in data of type ``kind``, and is reported under ``path``: a part
    of an export is judged as a list of its model, by the rule that reading that model alone
    follows (``ledger add household`` reads a :class:`HouseholdRecord`).
    """
    shown: list[tuple[str, str]] = []
    withheld: list[tuple[str, str]] = []
    for at, problem in problems:
        (withheld if is_special_category(at, kind) else shown).append(
            (join_path(path, at), problem)
        )
    return ProjectFileError(name, shown, withheld)


def structure_part(data: object, kind: type[Any], path: str, name: str = "<data>") -> list[Any]:
    """A list of ``kind`` from plain data; every problem reported with its path.

    ``name`` (the file the data came from) names it in the error. A problem inside
    special-category data is counted, not described, as in :func:`ledger_from_data`.

    >>> from participatory.ledger import HouseholdRecord
    >>> bad = [{"id": "h-1", "household": {"people": [{"id": "c-7", "capability": "x"}]},
    ...         "consents": []}]
    >>> structure_part(bad, HouseholdRecord, "households", "backup.json")
    Traceback (most recent call last):
    ...
    participatory.project.errors.ProjectFileError: backup.json: households: 1 problem in special-category data, withheld (shown with --include-sensitive)
    """  # noqa: E501
    if not isinstance(data, list):
        raise ProjectFileError(name, [(path, "must be a list")])
    try:
        return list(project_converter().structure(data, tuple[kind, ...]))  # type: ignore[valid-type]
    except Exception as error:
        # Paths are taken relative to the part, so that they are judged within its model.
        raise _refusal(name, problems_of(error), tuple[kind, ...], path) from None  # type: ignore[valid-type]


def ledger_from_data(data: Mapping[str, Any], name: str = "<data>") -> Ledger:
    """The ledger an export holds; every problem is reported with its path.

    ``name`` (the file it came from) names the data in errors. A problem inside
    special-category data (``households[0].household.people[1].esa``: the second member of
    the first household gets ESA) is counted, not described;
    ``describe(include_sensitive=True)`` spells it out.

    >>> export = {"format": FORMAT, "version": VERSION, "contributors": [{"id": "c-7"}],
    ...     "households": [{"id": "h-1", "household": {"people": [
    ...         {"id": "c-7", "esa": {"weekly_award": "-1.00 GBP"}}]}, "consents": []}]}
    >>> try:
    ...     ledger_from_data(export, "backup.json")
    ... except ProjectFileError as error:
    ...     print(error)
    ...     print(error.describe(include_sensitive=True))
    backup.json: households: 1 problem in special-category data, withheld (shown with --include-sensitive)
    backup.json: households[0].household.people[0].esa.weekly_award: must not be negative
    """  # noqa: E501
    if not isinstance(data, Mapping):
        raise ProjectFileError(name, [("", "must be a JSON object")])
    problems: list[tuple[str, str]] = []
    withheld: list[tuple[str, str]] = []
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
            parts[key] = structure_part(data.get(key, []), kind, key, name)
        except ProjectFileError as error:
            problems.extend(error.problems)
            withheld.extend(error.sensitive_problems)
    if problems or withheld:
        raise ProjectFileError(name, problems, withheld)
    try:
        return Ledger(**parts)
    except ValidationError as error:
        # The ledger's own rules name an entry of a part (``households[0]``): judged there.
        key = top_key(error.path)
        if key not in _PARTS:
            raise _refusal(name, problems_of(error), Ledger) from None
        at = error.path[len(key) :]
        problem = f"{error.problem} ({error.hint})" if error.hint else error.problem
        raise _refusal(name, [(at, problem)], tuple[_PARTS[key], ...], key) from None  # type: ignore[valid-type]
