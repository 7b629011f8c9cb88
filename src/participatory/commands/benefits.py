r"""``participatory benefits``: a benefits question about one household, JSON in.

Three questions, as the Python API asks them (``--question``):

- ``effect`` (the default, :func:`~participatory.benefits.assess_benefits`): what payments
  do to each benefit in each period, whose it is, and what the household keeps. The input
  has the ``household`` (the fields of :class:`~participatory.benefits.Household`: its
  ``people``, each with their own circumstances, its ``children`` and its claims) and
  either ``receipts`` (:class:`~participatory.benefits.Receipt`: amount, received_on, kind,
  hours, person) or ``payments`` (:class:`~participatory.payments.Payment`, mapped to
  receipts as :mod:`participatory.assessment.receipts` describes); ``already`` lists
  receipts already paid or due from elsewhere in the same periods.
- ``headroom`` (:func:`~participatory.benefits.headroom`): the largest further payment
  on a ``day`` that changes no benefit, per benefit. The input has the ``household`` and
  may give ``day`` (else the ``--as-at`` date, else today), ``person``, ``kind``,
  ``already`` and ``ceiling``.
- ``schedule`` (:func:`~participatory.benefits.plan_instalments`): the payment schedule
  for a ``total`` over the ``days`` it could genuinely be paid that loses least benefit,
  compared with paying it all at once. The input has ``household``, ``total`` and
  ``days``, and may give ``person``, ``kind`` and ``already``.

Every input is read by :func:`participatory.interchange.from_plain`, so the JSON has the
Python API's own names and forms; ``allow_stale`` (true or false) is accepted by each.
A figure past its data's date is refused, as the Python API refuses it, unless the input
says ``"allow_stale": true`` or the command is given ``--on-stale report`` (as
``participatory assess`` takes it); the answer then warns of each stale figure it used.
The answer (``--format json``, the default; or ``text`` or ``markdown``: the sentences)
is about the person whose data was sent, so it is returned whole to the system that sent
it; do not log it.

>>> import io, sys
>>> from participatory.cli import main
>>> saved = sys.stdin
>>> sys.stdin = io.StringIO('{"household": {"people": [{"carers_allowance": {}}]}, '
...     '"receipts": [{"amount": "250.00 GBP", "received_on": "2025-06-10"}]}')
>>> main(["benefits"])  # doctest: +ELLIPSIS
{
  "as_at": null,
  "change": "-83.30 GBP",
...
0
>>> sys.stdin = io.StringIO('{"household": {"people": [{"carers_allowance": {}}]}}')
>>> main(["benefits", "--question", "headroom", "--as-at", "2025-06-10", "--format", "text"])
Information: On 10 June 2025 up to £196.00 more can be paid without changing any benefit; Carer's Allowance is the first to change.
0
>>> sys.stdin = saved
"""  # noqa: E501

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

import attrs

from participatory.assessment.receipts import receipt_for, receipts_for
from participatory.assessment.run import ON_STALE
from participatory.benefits.engine import assess_benefits
from participatory.benefits.headroom import Headroom, headroom
from participatory.benefits.household import Household, Person
from participatory.benefits.outcomes import BenefitsCheck
from participatory.benefits.planning import InstalmentPlan, plan_instalments
from participatory.benefits.receipts import Receipt, ReceiptKind
from participatory.commands._edge import print_json, read_document, today, wrapped
from participatory.commands._file_kinds import looks_like
from participatory.commands._options import EXIT_STATUSES, HelpFormatter, add_common, fail_status
from participatory.core.errors import ValidationError
from participatory.core.explain import Finding
from participatory.core.money import Money
from participatory.core.periods import to_date
from participatory.core.serialise import money_text
from participatory.core.text import markdown_text
from participatory.interchange import PlainDataError, from_plain, to_plain
from participatory.payments.plans import Payment
from participatory.project.errors import ProjectFileError, join_path
from participatory.project.references import is_special_category, top_key
from participatory.render.chrome import severity_label
from participatory.render.text import format_value, sentence

__all__ = [
    "QUESTIONS",
    "add_parser",
    "answer",
    "headroom_answer",
    "run",
    "schedule_answer",
]

#: The questions ``--question`` asks, the first the default.
QUESTIONS: Final = ("effect", "headroom", "schedule")

_EPILOG = (
    """\
input (a file or standard input), --question effect (the default):
  {"household": {"people": [{"id": "me", "capability": "lcw"}],
                 "universal_credit": {"first_date_of_entitlement": "2025-03-10"}},
   "receipts": [{"amount": "450.00 GBP", "received_on": "2026-06-10",
                 "kind": "involvement_fee", "person": "me"}],
   "already": [{"amount": "100.00 GBP", "received_on": "2026-06-02", "person": "me"}]}

  or "payments": [{"id": "p1", "contributor": "me", "kind": "voucher",
                   "amount": "50.00 GBP", "due_on": "2026-06-10"}]

--question headroom: {"household": ..., "day": "2026-06-10", "person": "me",
                      "kind": "involvement_fee", "already": [...]}
--question schedule: {"household": ..., "total": "600.00 GBP",
                      "days": ["2026-06-10", "2026-06-24"], "person": "me"}

examples:
  participatory benefits question.json
  echo '{"household": {"people": [{"carers_allowance": {}}]}, "receipts": [...]}' \\
    | participatory benefits
  participatory benefits circumstances.json --question headroom --as-at 2026-06-10
  participatory benefits question.json --fail-on warning --output answer.json

--as-at is the date of the question: the day of the payment headroom is asked about
(unless the input gives "day"). The effect and schedule questions are dated by their
receipts and days; their answer records --as-at as "as_at".

A figure past its data's date is refused unless --on-stale report is given (or the input
says "allow_stale": true): the answer then uses the last known value and warns of it.

"""
    + EXIT_STATUSES
)

_COMMON: Final = frozenset({"household", "already", "allow_stale"})
_KEYS: Final = {
    "effect": _COMMON | {"receipts", "payments"},
    "headroom": _COMMON | {"day", "person", "kind", "ceiling"},
    "schedule": _COMMON | {"total", "days", "person", "kind"},
}
#: The type each input key is read as (the Python API's argument of that name).
_TYPES: Final[Mapping[str, Any]] = {
    "household": Household,
    "receipts": tuple[Receipt, ...],
    "payments": tuple[Payment, ...],
    "already": tuple[Receipt, ...],
    "allow_stale": bool,
    "day": dt.date,
    "person": str,
    "kind": ReceiptKind,
    "ceiling": Money,
    "total": Money,
    "days": tuple[dt.date, ...],
}
_REQUIRED: Final = {
    "effect": ("household",),
    "headroom": ("household",),
    "schedule": ("household", "total", "days"),
}


def add_parser(subparsers: Any) -> None:
    """Add the ``benefits`` subcommand."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "benefits",
        help="what payments do to one household's benefits, the headroom, the best schedule",
        description=wrapped(
            "Read a household's benefit circumstances as JSON and answer one question: what "
            "payments do to each benefit in each period (effect), the largest payment on a "
            "day that changes no benefit (headroom), or the schedule for a total that loses "
            "least (schedule)."
        ),
        epilog=_EPILOG,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("file", nargs="?", default="-", metavar="FILE", help="JSON input, or -")
    parser.add_argument(
        "--question",
        default=QUESTIONS[0],
        metavar="{" + ",".join(QUESTIONS) + "}",
        help=f"what to ask (default: {QUESTIONS[0]})",
    )
    add_common(
        parser,
        as_at="the date of the question (for headroom, the day of the payment)",
        formats=("json", "text", "markdown"),
        locale=True,
        fail_on=True,
    )
    parser.add_argument(
        "--on-stale",
        choices=ON_STALE,
        default=None,
        help="figures past their data's date: refuse to answer (the default, unless the "
        "input says allow_stale), or report them and use the last known value",
    )
    parser.add_argument(
        "--include-sensitive",
        action="store_true",
        help="describe a problem inside the household's circumstances (by default counted: "
        "its place and words say what a member claims)",
    )
    parser.set_defaults(run=run)


def _read(document: dict[str, Any], question: str, name: str) -> dict[str, Any]:
    """The question's inputs, each read as the Python API's argument of the same name."""
    problems: list[tuple[str, str]] = []
    unknown = set(document) - _KEYS[question]
    if unknown:
        problems.append(("", f"has unknown key(s): {', '.join(sorted(unknown))}"))
    problems.extend((key, "is missing") for key in _REQUIRED[question] if key not in document)
    if question == "effect" and ("receipts" in document) == ("payments" in document):
        problems.append(("", "needs either receipts or payments (one of them)"))
    if problems:
        raise ProjectFileError(name, problems)
    parts: dict[str, Any] = {}
    for key, value in document.items():
        try:
            parts[key] = from_plain(_TYPES[key], value)
        except PlainDataError as error:
            problems.extend((join_path(key, path), text) for path, text in error.problems)
    if problems:
        raise _file_error(name, problems)
    return parts


def _file_error(
    name: str,
    problems: Iterable[tuple[str, str]],
    withheld_already: Iterable[tuple[str, str]] = (),
) -> ProjectFileError:
    """The input's problems, those inside the household's circumstances withheld.

    A problem there (household.people[0].esa.weekly_award) says what a member claims:
    counted, as ``ledger add household`` counts it, and described with --include-sensitive.
    """
    shown: list[tuple[str, str]] = []
    withheld = list(withheld_already)
    for path, problem in problems:
        key = top_key(path)
        inside = key in _TYPES and is_special_category(path[len(key) :].lstrip("."), _TYPES[key])
        (withheld if inside else shown).append((path, problem))
    return ProjectFileError(name, shown, withheld)


def _paid(household: Household, payments: tuple[Payment, ...], name: str) -> Household:
    """The household, its one member named after the contributor paid when given no id."""
    paid = [p for p in payments if receipt_for(p) is not None]
    named = {p.contributor for p in paid}
    if [member.id for member in household.people] == [Person().id] and len(named) == 1:
        # A household given without ids is the contributor's own (as in a project file).
        (only,) = named
        household = attrs.evolve(household, people=(attrs.evolve(household.people[0], id=only),))
    members = {member.id for member in household.people}
    problems = [
        (f"payments[{index}].contributor", "is not a member of the household")
        for index, payment in enumerate(payments)
        if payment in paid and payment.contributor not in members
    ]
    if problems:
        raise ProjectFileError(name, problems)
    return household


def _findings(findings: Iterable[Finding], locale: str) -> list[dict[str, Any]]:
    return [
        {
            **to_plain(f, include_sensitive=True),
            # Entitled: the answer goes back to the person (or their system) who asked.
            "sentence": sentence(f, locale=locale, include_sensitive=True),
        }
        for f in findings
    ]


def _outcomes(result: BenefitsCheck) -> list[dict[str, Any]]:
    return [
        {
            "benefit": o.benefit.value,
            "person": o.person,
            "period": {"start": o.period.start.isoformat(), "end": o.period.end.isoformat()},
            "before": _money(o.before),
            "after": _money(o.after),
            "change": _money(o.change),
            "counted": _money(o.counted),
            "cliff": o.cliff,
        }
        for o in result.outcomes
    ]


def _money(money: Money) -> str:
    # To the penny, so "0" and "0.00" never both appear for the same figure.
    return money_text(money.quantize())


def _day(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def answer(result: BenefitsCheck, locale: str, as_at: dt.date | None = None) -> dict[str, Any]:
    """The JSON answer to ``--question effect`` (the person's own data included)."""
    return {
        "as_at": _day(as_at),
        "paid": _money(result.paid),
        "change": _money(result.change()),
        "kept": _money(result.kept),
        "outcomes": _outcomes(result),
        "findings": _findings(result.findings, locale),
    }


def headroom_answer(room: Headroom, locale: str, person: str | None = None) -> dict[str, Any]:
    """The JSON answer to ``--question headroom``: per benefit, ``null`` where no limit."""
    amount = room.amount
    first = [b for b, m in sorted(room.by_benefit.items(), key=lambda i: i[0].value) if m == amount]
    return {
        "as_at": room.day.isoformat(),
        "day": room.day.isoformat(),
        "person": person,
        "amount": None if amount is None else _money(amount),
        "first_to_change": first[0].value if amount is not None and first else None,
        "by_benefit": {
            b.value: None if m is None else _money(m)
            for b, m in sorted(room.by_benefit.items(), key=lambda i: i[0].value)
        },
        "findings": _findings(room.findings, locale),
    }


def schedule_answer(
    plan: InstalmentPlan, locale: str, as_at: dt.date | None = None
) -> dict[str, Any]:
    """The JSON answer to ``--question schedule``: the instalments, and the loss each way."""
    return {
        "as_at": _day(as_at),
        "instalments": to_plain(plan.instalments, include_sensitive=True),
        "loss": _money(plan.loss),
        "loss_if_paid_at_once": _money(plan.loss_if_paid_at_once),
        "kept": _money(plan.kept),
        "outcomes": _outcomes(plan.result),
        "findings": _findings(plan.findings, locale),
    }


def _the_day(parts: Mapping[str, Any], as_at: dt.date | None) -> dt.date:
    given: dt.date | None = parts.get("day")
    if given is not None and as_at is not None and given != as_at:
        raise ValidationError("--as-at", "differs from the input's day: give one of them")
    return given or as_at or today()


def _ask(
    question: str, parts: dict[str, Any], as_at: dt.date | None, name: str
) -> tuple[Any, Callable[[str], dict[str, Any]]]:
    """The API's answer and its JSON, for the question and its inputs."""
    household: Household = parts["household"]
    common = {
        "already": parts.get("already", ()),
        "allow_stale": parts.get("allow_stale", False),
    }
    if question == "headroom":
        person = parts.get("person")
        room = headroom(
            household, _the_day(parts, as_at), person=person,
            kind=parts.get("kind", ReceiptKind.INVOLVEMENT_FEE),
            **({"ceiling": parts["ceiling"]} if "ceiling" in parts else {}), **common,
        )  # fmt: skip
        return room, lambda locale: headroom_answer(room, locale, person)
    if question == "schedule":
        plan = plan_instalments(
            household, parts["total"], parts["days"], person=parts.get("person"),
            kind=parts.get("kind", ReceiptKind.INVOLVEMENT_FEE), **common,
        )  # fmt: skip
        return plan, lambda locale: schedule_answer(plan, locale, as_at)
    if "payments" in parts:
        household = _paid(household, parts["payments"], name)
        receipts = receipts_for(parts["payments"])
    else:
        receipts = parts["receipts"]
    result = assess_benefits(household, receipts, **common)
    return result, lambda locale: answer(result, locale, as_at)


def _lines(result: Any, locale: str) -> list[str]:
    lines = []
    if isinstance(result, InstalmentPlan):
        # The schedule itself: a day and an amount need no words of their own.
        lines = [
            f"{format_value(r.received_on, locale)}: {format_value(r.amount, locale)}"
            for r in result.instalments
        ]
    return lines + [
        f"{severity_label(f.severity, locale)}: "
        f"{sentence(f, locale=locale, include_sensitive=True)}"
        for f in result.findings
    ]


def _stale_choice(parts: dict[str, Any], on_stale: str | None) -> None:
    """Set ``allow_stale`` from ``--on-stale``; the input and the option must not disagree."""
    if on_stale is None:
        return
    wanted = on_stale == "report"
    given = parts.setdefault("allow_stale", wanted)
    if given is not wanted:
        raise ValidationError(
            "--on-stale",
            f"is {on_stale}, but the input says allow_stale is {'true' if given else 'false'}",
        )


def run(args: argparse.Namespace) -> int:
    """Run ``participatory benefits``."""
    if args.question not in QUESTIONS:
        raise ValidationError("--question", f"must be one of {', '.join(QUESTIONS)}")
    as_at = None if args.as_at is None else to_date(args.as_at, "--as-at")
    try:
        document, name = read_document(args.file)
    except ProjectFileError as error:
        # A problem found in reading (a key given twice in a member's claim) is withheld
        # where one found in the values would be.
        raise _file_error(error.file, error.problems, error.sensitive_problems) from None
    if not isinstance(document, dict):
        raise ProjectFileError(name, [("", "must be a JSON object")])
    try:
        parts = _read(document, args.question, name)
    except ProjectFileError:
        hint = looks_like(document, name, expected="benefits")
        if hint is None:
            raise
        raise ProjectFileError(name, [("", hint)]) from None
    _stale_choice(parts, args.on_stale)
    result, data = _ask(args.question, parts, as_at, name)
    if args.format == "json":
        print_json(data(args.locale))
    elif args.format == "markdown":
        print("\n".join(f"- {markdown_text(line)}" for line in _lines(result, args.locale)))
    else:
        print("\n".join(_lines(result, args.locale)))
    return fail_status(args, result.findings)
