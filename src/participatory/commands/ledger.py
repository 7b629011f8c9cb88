r"""``participatory ledger``: the contributors' ledger from the command line.

One SQLite file holds every contributor, their household's circumstances (with the basis for
holding them), every payment made or scheduled to them by any project or payer, and every ask.
The file is ``--ledger PATH``, else the path in the environment variable
``PARTICIPATORY_LEDGER``, else ``./participatory-ledger.sqlite3``. The date of the question is
``--as-at`` (today in London when left out).

Bad input exits with status 2 and one line on standard error, and writes nothing. ``check``,
``headroom`` and ``statement`` answer about one person's benefits, for the office that holds
their circumstances: their output is that person's special-category data, so do not log it.
``over-asking`` withholds what it knows about communities unless ``--include-sensitive``.

>>> import os, tempfile
>>> from participatory.cli import main
>>> path = os.path.join(tempfile.mkdtemp(), "ledger.sqlite3")
>>> main(["ledger", "init", "--ledger", path])
Created the ledger ... (schema version 1, readable by its owner only).
0
>>> main(["ledger", "add", "contributor", "c-7", "--ledger", path])
Added 1, replaced 0.
0
>>> main(["ledger", "check", "--person", "c-7", "--amount", "150.00",
...       "--received-on", "2026-01-14",
...       "--ledger", path, "--as-at", "2026-01-10"])
Proposed payment: £150.00 to c-7 on 14 January 2026.
Information: No benefit circumstances are recorded for c-7, so this payment was not checked against benefits.
0
"""  # noqa: E501

from __future__ import annotations

import argparse
import contextlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Final, Literal

import attrs

from participatory.commands import _edge
from participatory.commands._edge import (
    day_or_today,
    print_json,
    read_document,
    read_input,
    wrapped,
)
from participatory.commands._options import (
    EXIT_STATUSES,
    HelpFormatter,
    add_common,
    fail_status,
    unwritable,
)
from participatory.core.errors import ValidationError, os_reason
from participatory.core.explain import Finding
from participatory.core.limits import Limits, parse_json
from participatory.core.money import Money, to_decimal
from participatory.core.params import ParameterSet, load_parameters
from participatory.core.periods import to_date
from participatory.core.serialise import money_text, unstructure
from participatory.interchange import PlainDataError, from_plain
from participatory.ledger.before_paying import BeforePaying, assess_before_paying
from participatory.ledger.consent import HouseholdRecord
from participatory.ledger.contributors import Contributor
from participatory.ledger.entries import Ask, PaymentEntry, PaymentKind, PaymentStatus
from participatory.ledger.model import Ledger
from participatory.ledger.over_asking import assess_over_asking
from participatory.ledger.room import PersonHeadroom, assess_headroom
from participatory.ledger.statement import STATEMENT_YEARS, contributor_statement, statement_year
from participatory.project.errors import ProjectFileError
from participatory.project.references import is_special_category
from participatory.render.chrome import severity_label, word
from participatory.render.statement import render_statement
from participatory.render.text import format_value, sentence, text
from participatory.store.codec import FORMAT, is_special_in_export
from participatory.store.finance import ColumnMapping, read_payments
from participatory.store.protocol import Changes, StoreError
from participatory.store.sqlite import SqliteLedgerStore

__all__ = ["DEFAULT_LEDGER", "ENVIRONMENT_VARIABLE", "add_parser", "ledger_path"]

#: The environment variable naming the ledger file when ``--ledger`` is not given.
ENVIRONMENT_VARIABLE: Final = "PARTICIPATORY_LEDGER"
#: The ledger file used when neither ``--ledger`` nor the environment names one.
DEFAULT_LEDGER: Final = "participatory-ledger.sqlite3"

_EPILOG = (
    """\
examples:
  participatory ledger init --ledger office.sqlite3
  participatory ledger add contributor c-0042 --community carers-north --nation wales
  participatory ledger add household amira-household.json
  participatory ledger import finance-export.csv --mapping finance-mapping.json
  participatory ledger check --person c-0042 --amount 150.00 --received-on 2026-01-14 \\
      --project pillow --fail-on warning
  participatory ledger headroom --person c-0042 --day 2026-01-15
  participatory ledger statement --person c-0042 --tax-year 2025 --format html --locale cy
  participatory ledger over-asking --as-at 2026-12-06
  participatory ledger export -o backup.json
  participatory ledger erase-expired

The ledger file is --ledger PATH, else $PARTICIPATORY_LEDGER, else
./participatory-ledger.sqlite3. Unusable input changes nothing in the ledger.

"""
    + EXIT_STATUSES
)


def ledger_path(value: str | None) -> Path:
    """The ledger file: the option, else the environment variable, else the default name."""
    if value:
        return Path(value)
    return Path(os.environ.get(ENVIRONMENT_VARIABLE) or DEFAULT_LEDGER)


def _common(
    *,
    as_at: bool = False,
    formats: tuple[str, ...] = (),
    locale: bool = False,
    fail_on: bool = False,
) -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--ledger", metavar="PATH", help=f"the ledger file (default: ${ENVIRONMENT_VARIABLE}, "
        f"else ./{DEFAULT_LEDGER})"
    )  # fmt: skip
    # An action that answers a question (it has a format) can write its answer to a file.
    add_common(
        parent,
        as_at="the date of the question" if as_at else None,
        formats=formats,
        locale=locale,
        output=bool(formats),
        fail_on=fail_on,
    )
    return parent


_ANSWER: Final = ("text", "json")

#: The id of a proposal checked without ``--id``, unless a recorded payment has it.
_PROPOSED: Final = "proposed"


def _payment_options(parser: argparse.ArgumentParser, *, proposal: bool) -> None:
    parser.add_argument(
        "--id",
        required=not proposal,
        help="the payment's id"
        + (
            f" (default: {_PROPOSED}, or {_PROPOSED}-2, {_PROPOSED}-3, ... if the ledger holds "
            "a payment with that id; give the id of a recorded payment to check it again)"
            if proposal
            else ""
        ),
    )
    parser.add_argument("--person", required=True, help="the contributor's id")
    parser.add_argument("--amount", required=True, help="the amount in pounds, e.g. 150.00")
    parser.add_argument(
        "--received-on",
        required=True,
        metavar="DATE",
        help="the day the money is received (or due)",
    )
    parser.add_argument("--kind", choices=[k.value for k in PaymentKind], default="fee")
    parser.add_argument(
        "--status",
        choices=[s.value for s in PaymentStatus],
        default="planned" if proposal else "paid",
    )
    parser.add_argument(
        "--payer",
        default="university" if proposal else None,
        required=not proposal,
        help="who pays",
    )
    parser.add_argument("--project", help="the project it is for")
    parser.add_argument("--hours", default="0", help="hours of work it is for")
    parser.add_argument("--worked-on", metavar="DATE", help="the day the work was done")
    parser.add_argument("--reference", help="the finance system's reference")  # fmt: skip


def add_parser(subparsers: Any) -> None:
    """Add the ``ledger`` subcommand group."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "ledger",
        help="the contributors' ledger: payments from every payer, checks, statements",
        description=wrapped(
            "Keep one ledger of everything each contributor is paid or asked, across projects "
            "and payers, and check payments against their household's benefits with all of "
            "it counted."
        ),
        epilog=_EPILOG,
        formatter_class=HelpFormatter,
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    init = actions.add_parser("init", parents=[_common(locale=True)], help="create the ledger file")
    init.set_defaults(run=_init)

    imported = actions.add_parser(
        "import",
        parents=[_common(locale=True)],
        help="import payments (CSV/JSON) or a ledger export",
    )
    imported.add_argument("file", metavar="FILE", help="a CSV or JSON file, or - (then --format)")
    imported.add_argument("--mapping", metavar="MAP", help="JSON or TOML column mapping")
    imported.add_argument("--format", choices=("csv", "json"), help="default: from the suffix")
    imported.add_argument(
        "--include-sensitive",
        action="store_true",
        help="describe a problem inside an export's circumstances, consents or communities "
        "(by default counted: its place and words say what a member claims)",
    )
    imported.set_defaults(run=_import)

    add = actions.add_parser("add", help="add or replace one entry")
    kinds = add.add_subparsers(dest="entry", metavar="ENTRY", required=True)
    contributor = kinds.add_parser("contributor", parents=[_common(locale=True)],
                                   help="a contributor")  # fmt: skip
    contributor.add_argument("id", help="the contributor's pseudonymous id")
    contributor.add_argument("--community", action="append", default=[],
                             help="a community they belong to (repeat for more)")  # fmt: skip
    nations = ("england", "wales", "scotland", "northern_ireland")
    contributor.add_argument("--nation", default="england", choices=nations)
    contributor.set_defaults(run=_add_contributor)
    payment = kinds.add_parser("payment", parents=[_common(locale=True)],
                               help="a payment, from any payer")  # fmt: skip
    _payment_options(payment, proposal=False)
    payment.set_defaults(run=_add_payment)
    ask = kinds.add_parser("ask", parents=[_common(locale=True)],
                           help="an ask to a person or a community")  # fmt: skip
    ask.add_argument("--id", required=True)
    ask.add_argument("--project", required=True)
    ask.add_argument("--activity", required=True)
    ask.add_argument("--asked-on", required=True, metavar="DATE", help="the day asked")
    who = ask.add_mutually_exclusive_group(required=True)
    who.add_argument("--person")
    who.add_argument("--community")
    ask.set_defaults(run=_add_ask)
    household = kinds.add_parser(
        "household",
        parents=[_common(locale=True)],
        help="a household's circumstances, with consents",
    )
    household.add_argument("file", metavar="FILE", help="JSON or TOML: id, household, consents")
    household.add_argument(
        "--include-sensitive",
        action="store_true",
        help="describe a problem inside the circumstances or consents (by default counted: "
        "its place and words say what a member claims)",
    )
    household.set_defaults(run=_add_household)

    check = actions.add_parser(
        "check",
        parents=[_common(as_at=True, formats=_ANSWER, locale=True, fail_on=True)],
        help="check a proposed payment",
    )
    _payment_options(check, proposal=True)
    check.set_defaults(run=_check)

    room = actions.add_parser(
        "headroom", parents=[_common(as_at=True, formats=_ANSWER, locale=True, fail_on=True)],
        help="how much more can be paid on a day",
    )  # fmt: skip
    room.add_argument("--person", required=True)
    room.add_argument(
        "--day", metavar="DATE", help="the day of the payment (default: the --as-at date)"
    )
    room.add_argument("--kind", choices=[k.value for k in PaymentKind], default="fee")
    room.set_defaults(run=_headroom)

    statement = actions.add_parser(
        "statement",
        parents=[_common(as_at=True, formats=("text", "html", "json"), locale=True)],
        help="a contributor's year, for them",
    )
    statement.add_argument("--person", required=True)
    # Read in _statement, in the library's one number grammar: int() would take "2_025" and
    # other scripts' digits, which every other number the library reads refuses.
    statement.add_argument("--tax-year", required=True, metavar="YEAR",
                           help="the year it starts in: 2025 for 2025/26")  # fmt: skip
    statement.set_defaults(run=_statement)

    asking = actions.add_parser(
        "over-asking", parents=[_common(as_at=True, formats=_ANSWER, locale=True, fail_on=True)],
        help="who was asked too often, against the institution's thresholds",
    )  # fmt: skip
    asking.add_argument("--parameters", action="append", default=[], metavar="FILE",
                        help="the institution's parameter file (repeat to layer)")  # fmt: skip
    asking.add_argument(
        "--include-sensitive",
        action="store_true",
        help="show the communities (people's memberships are sensitive)",
    )
    asking.set_defaults(run=_over_asking)

    export = actions.add_parser("export", parents=[_common(locale=True)],
                                help="the whole ledger as JSON")  # fmt: skip
    export.add_argument("-o", "--output", metavar="FILE", help="write to a new file (0600)")
    export.set_defaults(run=_export)

    erase = actions.add_parser(
        "erase-expired", parents=[_common(as_at=True, formats=_ANSWER, locale=True)],
        help="erase circumstances past their basis (reports counts only)",
    )  # fmt: skip
    erase.set_defaults(run=_erase)

    for answering in (check, room, statement, asking, erase):
        answering.epilog = EXIT_STATUSES
        answering.formatter_class = HelpFormatter


# --- helpers ---------------------------------------------------------------------------


def _ledger_option(args: argparse.Namespace) -> str:
    """What named the ledger file, for a refusal: the option, the variable or the default."""
    if args.ledger:
        return "--ledger"
    return f"${ENVIRONMENT_VARIABLE}" if os.environ.get(ENVIRONMENT_VARIABLE) else DEFAULT_LEDGER


def _unusable(option: str, error: OSError) -> ValidationError:
    # Python 3.11's Path.exists() and is_file() raise for a name too long or a folder one
    # may not search: a path that cannot be used, refused in one line naming where it came from.
    return ValidationError(option, f"cannot be used ({os_reason(error)})")


def _open(args: argparse.Namespace, *, migrate: bool = False) -> SqliteLedgerStore:
    try:
        return SqliteLedgerStore.open(ledger_path(args.ledger), migrate=migrate)
    except OSError as error:
        raise _unusable(_ledger_option(args), error) from None


def _changes(changes: Changes, locale: str) -> None:
    print(_words("render.ledger.changes", locale, added=changes.added, replaced=changes.replaced))
    # Counted, never named: whose circumstances were held is itself sensitive.
    if left := changes.left_unrecorded:
        print(_words("render.ledger.left_unrecorded", locale, count=left))


#: Each field of a payment entry by the option that gives it: the entry names its field in a
#: refusal ("hours: must be between 0 and 168"), the user typed the option.
_PAYMENT_OPTIONS: Final = {
    "id": "--id", "person": "--person", "amount": "--amount", "received_on": "--received-on",
    "kind": "--kind", "status": "--status", "payer": "--payer", "project": "--project",
    "hours": "--hours", "worked_on": "--worked-on", "reference": "--reference",
}  # fmt: skip


def _utf8(value: object, option: str) -> None:
    r"""Refuse an option whose text holds a byte that is not UTF-8, naming the option.

    Python gives such a byte of an argument (``$'a\xffb'`` in bash) as a lone surrogate,
    which the ledger cannot store: refused here, before anything is written, rather than
    blamed on the terminal later. The value itself is not shown (it is not text).
    """
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValidationError(
                option, "must be UTF-8 text (it holds a byte that is not)"
            ) from None


def _payment(args: argparse.Namespace) -> PaymentEntry:
    for name, given in _PAYMENT_OPTIONS.items():
        _utf8(getattr(args, name), given)
    try:
        return _entry(args)
    except ValidationError as error:
        option = _PAYMENT_OPTIONS.get(error.path)
        if option is None:
            raise
        raise ValidationError(option, error.problem, hint=error.hint) from None


def _entry(args: argparse.Namespace) -> PaymentEntry:
    return PaymentEntry(
        _PROPOSED if args.id is None else args.id,
        args.person,
        Money(to_decimal(args.amount, "--amount"), "GBP"),
        to_date(args.received_on, "--received-on"),
        args.kind,
        args.status,
        payer=args.payer,
        project=args.project,
        hours=to_decimal(args.hours, "--hours"),
        worked_on=None if args.worked_on is None else to_date(args.worked_on, "--worked-on"),
        reference=args.reference,
    )


#: What an import reads: a ledger export of a large institution (a million payments) is far
#: bigger than a project file, but no file, list or nesting is without end.
_IMPORT_LIMITS: Final = Limits(file_bytes=512 * 1024 * 1024, list_length=5_000_000)


def _file_error(file: str, key: str, problem: str) -> StoreError:
    return StoreError(f"{file}: {key + ': ' if key else ''}{problem}")


def _lines(findings: Iterable[Finding], locale: str, include_sensitive: bool) -> list[str]:
    return [
        f"{severity_label(f.severity, locale)}: "
        f"{sentence(f, locale=locale, include_sensitive=include_sensitive)}"
        for f in findings
    ]


def _finding_data(findings: Iterable[Finding], locale: str, include_sensitive: bool) -> list[Any]:
    data = []
    for f in findings:
        item = unstructure(f, include_sensitive=include_sensitive)
        if include_sensitive or not f.sensitive:
            item["sentence"] = sentence(f, locale=locale, include_sensitive=include_sensitive)
        data.append(item)
    return data


def _sources(findings: Iterable[Finding]) -> list[str]:
    seen: dict[str, str] = {}
    for f in findings:
        for citation in f.all_citations():
            label = citation.short + (f" <{citation.link}>" if citation.link else "")
            seen.setdefault(label, label)
    return [f"  [{number}] {label}" for number, label in enumerate(seen, start=1)]


def _amount(money: Money | None) -> str | None:
    return None if money is None else money_text(money.quantize())


#: What the ledger's engines name in a refusal, by the option the user gave it as: an engine
#: names its argument ("person: is not a contributor in the ledger"), the user typed --person.
_ANSWER_OPTIONS: Final = {"person": "--person", "proposed_payment.id": "--id"}

#: The names a refusal of a sum past what an amount of money can hold is made under: the
#: benefits engine's (the payments checked, those already made or scheduled) and the
#: ledger's own (the proposed payment with those around it; the ledger's payments alone).
#: Nothing the command passes is refused otherwise under these names.
_SUMS: Final = frozenset({"receipts", "already", "proposed_payment", "ledger"})


@contextlib.contextmanager
def _as_given(
    args: argparse.Namespace, amount_at_fault: Callable[[], bool] | None = None
) -> Iterator[None]:
    """Refusals of the engines, inside, named by what the user gave: an option or the ledger.

    A sum too large is the proposed ``--amount``'s when ``amount_at_fault`` says so (with
    the ledger's payments, or with the amounts a search for the room left adds to it), else
    the ledger's: its payments alone add up to it.
    """
    try:
        yield
    except ValidationError as error:
        option = _ANSWER_OPTIONS.get(error.path)
        if option is not None:
            raise ValidationError(option, error.problem, hint=error.hint) from None
        if error.path not in _SUMS:
            raise
        if amount_at_fault is not None and amount_at_fault():
            raise ValidationError(
                "--amount",
                "is too large to check: with the payments counted alongside it, it comes to "
                "more than an amount of money can hold",
            ) from None
        raise StoreError(
            f"{ledger_path(args.ledger)}: holds payments that add up to more than an amount "
            "of money can hold"
        ) from None


# --- writing ---------------------------------------------------------------------------


def _init(args: argparse.Namespace) -> int:
    path = ledger_path(args.ledger)
    try:
        there = path.exists()
    except OSError as error:
        raise _unusable(_ledger_option(args), error) from None
    if there:
        with _open(args, migrate=True) as store:
            print(_words("render.ledger.ready", args.locale, path=str(path),
                         version=store.schema_version))  # fmt: skip
        return 0
    try:
        created = SqliteLedgerStore.create(path)
    except OSError as error:
        raise _unusable(_ledger_option(args), error) from None
    with created as store:
        print(_words("render.ledger.created", args.locale, path=str(path),
                     version=store.schema_version))  # fmt: skip
    return 0


def _import(args: argparse.Namespace) -> int:
    data, _name = read_input(args.file, bounds=_IMPORT_LIMITS, error=_file_error)
    chosen: Literal["csv", "json"] = args.format or (
        "csv" if args.file.lower().endswith(".csv") else "json"
    )
    with _open(args) as store:
        if args.mapping is None:
            if chosen != "json":
                raise ValidationError("--mapping", "is needed to import a CSV file")
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise ValidationError(args.file, "is not JSON") from None
            # Strict and bounded: no depth, number or length of list can end in a traceback.
            document = parse_json(
                text, args.file, _IMPORT_LIMITS, error=_file_error, redact=is_special_in_export
            )
            if not isinstance(document, dict) or document.get("format") != FORMAT:
                raise ValidationError("--mapping", "is needed unless the file is a ledger export")
            _changes(store.restore(document, name=args.file), args.locale)
            return 0
        raw, name = read_document(args.mapping)
        try:
            mapping = ColumnMapping.from_data(raw)
        except ValidationError as error:
            raise ProjectFileError(name, [(error.path, error.problem)]) from None
        known = set(store.load(payments=False).contributors)
        payments = read_payments(
            data, format=chosen, mapping=mapping, known_people=known, name=args.file
        )
        _changes(store.import_payments(payments), args.locale)
    return 0


def _add_contributor(args: argparse.Namespace) -> int:
    _utf8(args.id, "id")
    for community in args.community:
        _utf8(community, "--community")
    entry = Contributor(args.id, communities=args.community, nation=args.nation)
    with _open(args) as store:
        _changes(store.add(contributors=[entry]), args.locale)
    return 0


def _add_payment(args: argparse.Namespace) -> int:
    entry = _payment(args)
    with _open(args) as store:
        _changes(store.add(payments=[entry]), args.locale)
    return 0


def _add_ask(args: argparse.Namespace) -> int:
    for name in ("id", "project", "activity", "person", "community"):
        _utf8(getattr(args, name), f"--{name}")
    entry = Ask(args.id, args.project, args.activity, to_date(args.asked_on, "--asked-on"),
                person=args.person, community=args.community)  # fmt: skip
    with _open(args) as store:
        _changes(store.add(asks=[entry]), args.locale)
    return 0


def _add_household(args: argparse.Namespace) -> int:
    document, name = read_document(args.file, within=HouseholdRecord)
    try:
        record = from_plain(HouseholdRecord, document)
    except PlainDataError as error:
        # A problem inside the circumstances (household.people[0].esa.weekly_award) says
        # what a member claims, and one in the consents whose they are: counted, as assess
        # counts those in a project's benefits, and described with --include-sensitive.
        withheld = [p for p in error.problems if is_special_category(p[0], HouseholdRecord)]
        shown = [p for p in error.problems if p not in withheld]
        raise ProjectFileError(name, shown, withheld) from None
    with _open(args) as store:
        _changes(store.add(households=[record]), args.locale)
    return 0


def _export(args: argparse.Namespace) -> int:
    with _open(args) as store:
        text = json.dumps(store.export(), indent=2, ensure_ascii=False, sort_keys=True)
    if args.output is None:
        print(text)
        return 0
    target = Path(args.output)
    try:
        there = target.exists()
    except OSError as error:  # a name too long: refused as write_whole refuses it
        raise unwritable(error) from None
    if there:
        raise StoreError(f"{target}: a file is already there; choose a new name")
    # The export holds special-category data: owner-only, and never half-written.
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".export-")
    except OSError as error:
        raise StoreError(f"{target}: cannot be written ({error.strerror})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text + "\n")
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise StoreError(f"{target}: cannot be written ({error.strerror})") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    print(_words("render.ledger.exported", args.locale, path=str(target)))
    return 0


def _erase(args: argparse.Namespace) -> int:
    today = _edge.today()
    as_at = today if args.as_at is None else to_date(args.as_at, "--as-at")
    if as_at > today:
        # Erasing cannot be undone: as at a day to come it would erase circumstances whose
        # lawful basis still holds.
        raise ValidationError(
            "--as-at",
            f"is after today ({today.isoformat()}): circumstances are erased only once "
            "their basis has ended, as at today or a day already past",
        )
    with _open(args) as store:
        erased = store.erase_expired(as_at)
    if args.format == "json":
        print_json({"as_at": as_at.isoformat(), "households": erased.households,
                    "people": erased.people, "consents": erased.consents})  # fmt: skip
    else:
        print(sentence(erased.findings[0], locale=args.locale))
    return 0


# --- answering -------------------------------------------------------------------------


def _check(args: argparse.Namespace) -> int:
    as_at = day_or_today(args.as_at, "--as-at")
    proposal = _payment(args)
    with _open(args) as store:
        ledger = store.load(people=[proposal.person])
    if args.id is None:
        # A proposal with a recorded payment's id is that payment checked again, left out of
        # what else is counted (or, another person's, refused): one given no id must not be.
        proposal = attrs.evolve(proposal, id=_unused_id(ledger))

    def amount_at_fault() -> bool:
        # The sum past what Money holds is the proposal's only if the ledger's payments
        # around it, and the room left after them, are worked out without it.
        nothing = attrs.evolve(proposal, amount=Money.gbp("0.00"))
        try:
            assess_before_paying(ledger, nothing, as_at=as_at).findings  # noqa: B018
        except ValidationError as error:
            return error.path not in _SUMS
        return True

    locale = args.locale
    with _as_given(args, amount_at_fault):
        result = assess_before_paying(ledger, proposal, as_at=as_at)
        if args.format == "json":
            print_json(_check_data(result, locale))
            return fail_status(args, result.findings)
        # Worked out before the first line is printed: a refusal leaves the output empty.
        lines = _lines(result.findings, locale, include_sensitive=True)
    values: dict[str, object] = {
        "amount": proposal.amount, "person": proposal.person, "day": proposal.received_on
    }  # fmt: skip
    if proposal.project:
        values["project"] = proposal.project
    key = "proposed_for_project" if proposal.project else "proposed"
    print(_words(f"ledger.before.report.{key}", locale, **values))
    for line in lines:
        print(line)
    sources = _sources(result.findings)
    if sources:
        print(f"{word('render.sources', locale)}:")
        print("\n".join(sources))
    return fail_status(args, result.findings)


def _unused_id(ledger: Ledger) -> str:
    """``proposed``, or the first of ``proposed-2``, ``proposed-3``, ... no payment has."""
    taken = ledger.payments
    found, number = _PROPOSED, 1
    while found in taken:
        number += 1
        found = f"{_PROPOSED}-{number}"
    return found


def _check_data(result: BeforePaying, locale: str) -> dict[str, Any]:
    payment = result.payment
    room = result.headroom
    return {
        "payment": {"id": payment.id, "person": payment.person,
                    "amount": _amount(payment.amount), "received_on":
                    payment.received_on.isoformat(), "project": payment.project},
        "as_at": result.as_at.isoformat(),
        "checked": result.checked,
        "changes_nothing": result.changes_nothing,
        "change": _amount(result.change()),
        "others_matter": result.others_matter,
        "outcomes": [
            {"benefit": o.benefit.value, "person": o.person,
             "start": o.period.start.isoformat(), "end": o.period.end.isoformat(),
             "before": _amount(o.before), "after": _amount(o.after),
             "change": _amount(o.change), "cliff": o.cliff}
            for o in result.outcomes
        ],
        "headroom": {} if room is None else {
            b.value: _amount(m) for b, m in sorted(room.by_benefit.items(),
                                                   key=lambda i: i[0].value)},
        # The office holding the circumstances asked: the answer is theirs, whole.
        "findings": _finding_data(result.findings, locale, include_sensitive=True),
    }  # fmt: skip


def _headroom(args: argparse.Namespace) -> int:
    as_at = day_or_today(args.as_at, "--as-at")
    day = as_at if args.day is None else to_date(args.day, "--day")
    _utf8(args.person, "--person")
    with _open(args) as store:
        ledger = store.load(people=[args.person])
    with _as_given(args):
        room: PersonHeadroom = assess_headroom(
            ledger, args.person, day, as_at=as_at, kind=PaymentKind(args.kind)
        )
    if args.format == "json":
        print_json({
            "person": room.person, "day": room.day.isoformat(), "checked": room.checked,
            "headroom": {b.value: _amount(m) for b, m in sorted(
                room.by_benefit.items(), key=lambda i: i[0].value)},
            "findings": _finding_data(room.findings, args.locale, include_sensitive=True),
        })  # fmt: skip
        return fail_status(args, room.findings)
    for line in _lines(room.findings, args.locale, include_sensitive=True):
        print(line)
    return fail_status(args, room.findings)


def _statement(args: argparse.Namespace) -> int:
    as_at = day_or_today(args.as_at, "--as-at")
    given = args.tax_year
    if not (len(given) == 4 and given.isascii() and given.isdigit()):
        raise ValidationError(
            "--tax-year", "must be a year in four digits", hint="2025 for 2025/26"
        )
    try:
        # The library's own rule for the years a statement is made for, checked before the
        # file is read.
        year = statement_year(int(given))
    except ValidationError:
        raise ValidationError(
            "--tax-year",
            f"must be a year from {STATEMENT_YEARS[0]} to {STATEMENT_YEARS[-1]}",
            hint="2025 for 2025/26",
        ) from None
    _utf8(args.person, "--person")
    with _open(args) as store:
        ledger = store.load(people=[args.person])
    with _as_given(args):
        statement = contributor_statement(ledger, args.person, year, as_at=as_at)
        page = render_statement(statement, format=args.format, locale=args.locale)
    print(page)
    return 0


def _parameters(files: list[str]) -> ParameterSet | None:
    return load_parameters(*files) if files else None


def _over_asking(args: argparse.Namespace) -> int:
    as_at = day_or_today(args.as_at, "--as-at")
    parameters = _parameters(args.parameters)
    with _open(args) as store:
        ledger = store.load(payments=False)
    result = assess_over_asking(ledger, as_at=as_at, parameters=parameters)
    show = args.include_sensitive
    if args.format == "json":
        data: dict[str, Any] = {
            "as_at": as_at.isoformat(),
            "window": {"start": result.window.start.isoformat(),
                       "end": result.window.end.isoformat()},
            "people": {p: {"activities": c.activities, "projects": c.projects}
                       for p, c in result.people.items()},
            "findings": _finding_data(result.findings, args.locale, include_sensitive=show),
        }  # fmt: skip
        if show:
            data["communities"] = {
                name: {"activities": c.activities, "projects": c.projects}
                for name, c in result.communities.items()
            }
        print_json(data)
        return fail_status(args, result.findings)
    locale = args.locale
    print(_asking_words("heading", locale, start=result.window.start, end=result.window.end))
    for person, count in result.people.items():
        print(
            "  "
            + _asking_words(
                "person",
                locale,
                person=person,
                activities=count.activities,
                projects=count.projects,
            )
        )
    if show:
        for name, count in result.communities.items():
            print(
                "  "
                + _asking_words(
                    "community",
                    locale,
                    community=name,
                    activities=count.activities,
                    projects=count.projects,
                )
            )
    elif result.communities:
        print("  " + _asking_words("communities_withheld", locale, count=len(result.communities)))
    for line in _lines(
        (f for f in result.findings if show or not f.sensitive), locale, include_sensitive=show
    ):
        print(line)
    withheld = sum(1 for f in result.findings if f.sensitive and not show)
    if withheld:
        print(_asking_words("findings_withheld", locale, count=withheld))
    return fail_status(args, result.findings)


def _asking_words(key: str, locale: str, **values: object) -> str:
    """The over-asking report's own words in ``locale``, from the catalogue as findings are."""
    return _words(f"ledger.over_asking.report.{key}", locale, **values)


def _words(key: str, locale: str, **values: object) -> str:
    """A text answer's own words (message ``key``) in ``locale``, values formatted for it."""
    template = text(key, locale, values)
    return template.format_map({k: format_value(v, locale) for k, v in values.items()})
