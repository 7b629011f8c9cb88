r"""``participatory benefits``: one benefits question, JSON in and JSON out.

The input is a JSON object with the ``household`` (the fields of
:class:`~participatory.benefits.Household`: its ``people``, each with their own
circumstances, its ``children`` and its claims) and either ``receipts`` (the benefits
engine's :class:`~participatory.benefits.Receipt`: amount, received_on, kind, hours, person)
or ``payments`` (the payments engine's :class:`~participatory.payments.Payment`, mapped to
receipts as :mod:`participatory.assessment.receipts` describes); ``already`` lists receipts
already paid or due from elsewhere in the same periods. The output is the explained result:
what is paid, each benefit in each period before and after and whose it is, what the household
keeps, and every finding with its sentence and sources.

The answer is about the person whose data was sent, so it is returned whole to the
system that sent it; do not log it.

>>> import io, sys
>>> from participatory.cli import main
>>> sys.stdin = io.StringIO('{"household": {"people": [{"carers_allowance": {}}]}, '
...     '"receipts": [{"amount": "250.00 GBP", "received_on": "2025-06-10"}]}')
>>> main(["benefits"])  # doctest: +ELLIPSIS
{
  "change": "-83.30",
...
0
>>> sys.stdin = sys.__stdin__
"""

from __future__ import annotations

import argparse
from typing import Any

import attrs

from participatory.assessment.receipts import receipt_for, receipts_for
from participatory.benefits.engine import assess_benefits
from participatory.benefits.household import Household, Person
from participatory.benefits.outcomes import BenefitsCheck
from participatory.benefits.receipts import Receipt
from participatory.commands._edge import print_json, read_document, wrapped
from participatory.commands._file_kinds import looks_like
from participatory.commands._options import EXIT_STATUSES, add_common, fail_status
from participatory.core.money import Money
from participatory.core.serialise import unstructure
from participatory.payments.plans import Payment
from participatory.project.convert import project_converter
from participatory.project.errors import ProjectFileError, problems_of
from participatory.render.text import sentence

__all__ = ["add_parser", "answer", "run"]

_EPILOG = (
    """\
input (a file or standard input):
  {"household": {"people": [{"id": "me", "capability": "lcw"}],
                 "universal_credit": {"first_date_of_entitlement": "2025-03-10"}},
   "receipts": [{"amount": "450.00 GBP", "received_on": "2026-06-10",
                 "kind": "involvement_fee", "person": "me"}],
   "already": [{"amount": "100.00 GBP", "received_on": "2026-06-02", "person": "me"}]}

  or "payments": [{"id": "p1", "contributor": "me", "kind": "voucher",
                   "amount": "50.00 GBP", "due_on": "2026-06-10"}]

examples:
  participatory benefits question.json
  echo '{"household": {"people": [{"carers_allowance": {}}]}, "receipts": [...]}' \
    | participatory benefits
  participatory benefits question.json --fail-on warning --output answer.json

The dates are those of the receipts: the question has no date of its own (no --as-at).

"""
    + EXIT_STATUSES
)

_KEYS = frozenset({"household", "receipts", "payments", "already", "allow_stale"})


def add_parser(subparsers: Any) -> None:
    """Add the ``benefits`` subcommand."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "benefits",
        help="what payments do to one contributor's benefits (JSON in, JSON out)",
        description=wrapped(
            "Read a household's benefit circumstances and payments as JSON and print what "
            "each benefit does in each period, whose it is, and what they keep, as JSON."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", default="-", metavar="FILE", help="JSON input, or -")
    add_common(parser, formats=("json",), locale=True, fail_on=True)
    parser.set_defaults(run=run)


def _structure(
    document: dict[str, Any], name: str
) -> tuple[Household, tuple[Receipt, ...], tuple[Receipt, ...]]:
    unknown = set(document) - _KEYS
    problems: list[tuple[str, str]] = []
    if unknown:
        problems.append(("", f"has unknown key(s): {', '.join(sorted(unknown))}"))
    if "household" not in document:
        problems.append(("household", "is missing"))
    if ("receipts" in document) == ("payments" in document):
        problems.append(("", "needs either receipts or payments (one of them)"))
    if problems:
        raise ProjectFileError(name, problems)
    conv = project_converter()
    parts: dict[str, Any] = {}
    wanted = {"household": Household, "receipts": tuple[Receipt, ...],
              "payments": tuple[Payment, ...], "already": tuple[Receipt, ...]}  # fmt: skip
    for key, kind in wanted.items():
        if key in document:
            try:
                parts[key] = conv.structure(document[key], kind)
            except Exception as error:
                problems.extend(problems_of(error, key))
    if problems:
        raise ProjectFileError(name, problems)
    household: Household = parts["household"]
    if "receipts" in parts:
        return household, parts["receipts"], parts.get("already", ())
    payments: tuple[Payment, ...] = parts["payments"]
    paid = [p for p in payments if receipt_for(p) is not None]
    named = {p.contributor for p in paid}
    if [member.id for member in household.people] == [Person().id] and len(named) == 1:
        # A household given without ids is the contributor's own (as in a project file).
        (only,) = named
        household = attrs.evolve(household, people=(attrs.evolve(household.people[0], id=only),))
    members = {member.id for member in household.people}
    for index, payment in enumerate(payments):
        if payment in paid and payment.contributor not in members:
            problems.append((f"payments[{index}].contributor", "is not a member of the household"))
    if problems:
        raise ProjectFileError(name, problems)
    return household, receipts_for(payments), parts.get("already", ())


def _amount(money: Money) -> str:
    # To the penny, so "0" and "0.00" never both appear for the same figure.
    return str(money.quantize().amount)


def answer(result: BenefitsCheck, locale: str) -> dict[str, Any]:
    """The JSON answer for one benefits check (the person's own data included)."""
    return {
        "paid": _amount(result.paid),
        "change": _amount(result.change()),
        "kept": _amount(result.kept),
        "currency": result.paid.currency,
        "outcomes": [
            {
                "benefit": o.benefit.value,
                "person": o.person,
                "period": {"start": o.period.start.isoformat(), "end": o.period.end.isoformat()},
                "before": _amount(o.before),
                "after": _amount(o.after),
                "change": _amount(o.change),
                "counted": _amount(o.counted),
                "cliff": o.cliff,
            }
            for o in result.outcomes
        ],
        "findings": [
            {
                **unstructure(f, include_sensitive=True),
                # Entitled: the answer goes back to the person (or their system) who asked.
                "sentence": sentence(f, locale=locale, include_sensitive=True),
            }
            for f in result.findings
        ],
    }


def run(args: argparse.Namespace) -> int:
    """Run ``participatory benefits``."""
    document, name = read_document(args.file)
    try:
        household, receipts, already = _structure(document, name)
    except ProjectFileError:
        hint = looks_like(document, name, expected="benefits")
        if hint is None:
            raise
        raise ProjectFileError(name, [("", hint)]) from None
    allow_stale = document.get("allow_stale", False) is True
    result = assess_benefits(household, receipts, already=already, allow_stale=allow_stale)
    print_json(answer(result, args.locale))
    return fail_status(args, result.findings)
