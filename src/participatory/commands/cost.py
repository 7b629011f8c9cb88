r"""``participatory cost``: cost an activity on a rate card, or check a payment plan.

Cost one activity::

    participatory cost --card blue_heart --activity other --hours 2 --preparation-hours 1 \\
        --as-at 2026-12-06

Check a plan file (totals per contributor and tax year, late and overdue payments)::

    participatory cost --plan examples/payment-plan.toml --as-at 2026-07-01

An option of one form given with the other (``--card`` with ``--plan``, ``--week-start``
without it) is refused in one line rather than ignored.

>>> from participatory.cli import main
>>> main(["cost", "--card", "whitworth", "--activity", "advisory_group", "--days", "1",
...       "--as-at", "2022-07-20"])  # doctest: +ELLIPSIS
The fee for advisory group on the whitworth-2022 rate card is £180.00.
Advisory group: 1 day at £180.00 per day = £180.00 (rate from 1 July 2022).
The whitworth-2022 rate card states no rounding or minimum-payment rule, so the fee is for the exact time.
...
0
"""  # noqa: E501

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from participatory.commands._edge import day_or_today, print_json, read_source, wrapped
from participatory.commands._file_kinds import looks_like
from participatory.commands._options import EXIT_STATUSES, HelpFormatter, add_common, fail_status
from participatory.core.errors import ParticipatoryError, ValidationError
from participatory.core.explain import ExplainedResult
from participatory.core.money import to_decimal
from participatory.core.periods import to_date
from participatory.core.serialise import unstructure
from participatory.payments.costing import Duration, cost_activity
from participatory.payments.plan_file import parse_payment_plan
from participatory.payments.rates import ActivityKind, RateCard, bundled_rate_card, load_rate_card
from participatory.payments.timeliness import assess_timeliness
from participatory.payments.totals import (
    PeriodTotal,
    assessment_period_totals,
    tax_year_totals,
    weekly_totals,
)
from participatory.project.files import parse_document
from participatory.render.i18n import SUPPORTED_LOCALES
from participatory.render.json import documents_data, finding_sources
from participatory.render.text import format_value, sentence

__all__ = ["add_parser", "run"]

_EPILOG = (
    """\
examples:
  participatory cost --card blue_heart --activity other --hours 2 --as-at 2026-12-06
  participatory cost --plan examples/payment-plan.toml --as-at 2026-07-01 --fail-on warning
  cat plan.toml | participatory cost --plan - --format json --output plan.json

"""
    + EXIT_STATUSES
)

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def add_parser(subparsers: Any) -> None:
    """Add the ``cost`` subcommand to the command line."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "cost",
        help="cost an activity on a rate card, or check a payment plan",
        description=wrapped(
            "Cost an activity on a rate card (--card/--rates), or check a payment "
            "plan file (--plan): totals per contributor and period, late and overdue payments."
        ),
        epilog=_EPILOG,
        formatter_class=HelpFormatter,
    )
    card = parser.add_argument_group("costing an activity")
    card.add_argument("--card", help="a bundled rate card (blue_heart, whitworth, tewv, …)")
    card.add_argument("--rates", type=Path, help="your institution's rate card (TOML)")
    card.add_argument(
        "--activity", choices=[kind.value for kind in ActivityKind], help="what is paid for"
    )
    amount = card.add_mutually_exclusive_group()
    amount.add_argument("--hours", help="hours of the activity")
    amount.add_argument("--sessions", help="sessions of the activity")
    amount.add_argument("--half-days", help="half days of the activity")
    amount.add_argument("--days", help="days of the activity")
    # No default: None is "not given", so that --plan can refuse it (costing reads it as 0).
    card.add_argument("--preparation-hours", help="hours of preparation")
    plan = parser.add_argument_group("checking a payment plan")
    plan.add_argument("--plan", metavar="FILE", help="a payment plan file (TOML), or -")
    plan.add_argument(
        "--week-start", choices=_WEEKDAYS, help="also total per benefit week starting on this day"
    )
    plan.add_argument(
        "--assessment-period-from",
        help="also total per UC assessment period of a claim starting on this day",
    )
    add_common(
        parser,
        as_at="the day whose rates cost the activity, or the day to check the plan on",
        formats=("text", "json"),
        locale=True,
        fail_on=True,
    )
    parser.set_defaults(run=run)


#: Each form's own options, as ``--help`` groups them, by their ``args`` attribute.
_COSTING_OPTIONS: Final = {
    "card": "--card", "rates": "--rates", "activity": "--activity", "hours": "--hours",
    "sessions": "--sessions", "half_days": "--half-days", "days": "--days",
    "preparation_hours": "--preparation-hours",
}  # fmt: skip
_PLAN_OPTIONS: Final = {
    "week_start": "--week-start",
    "assessment_period_from": "--assessment-period-from",
}


def _refuse_the_other_form(args: argparse.Namespace) -> None:
    """Refuse an option of the form not asked for, rather than answer without it.

    With ``--plan`` the answer is the plan's alone: a rate card or an activity given too
    would be ignored without a word, and the reader would take the answer for theirs.
    """
    if args.plan is not None:
        other, problem = _COSTING_OPTIONS, "is for costing an activity: leave it out with --plan"
    else:
        other, problem = _PLAN_OPTIONS, "is for checking a payment plan: give --plan FILE"
    for name, option in other.items():
        if getattr(args, name) is not None:
            raise ValidationError(option, problem)


def _card(args: argparse.Namespace) -> RateCard:
    if args.rates is not None:
        return load_rate_card(args.rates, base=args.card)
    if args.card is None:
        raise ValidationError("--card", "is needed (or --rates, or --plan)")
    return bundled_rate_card(args.card)


def _length(value: str, option: str) -> Decimal:
    """An option's length of time: a number in the library's one grammar, not negative.

    Checked here, named as it was typed: :class:`Duration` would name its own field
    ("amount"), which is no option of this command.
    """
    length = to_decimal(value, option)
    if length < 0:
        raise ValidationError(option, "must not be negative")
    return length


def _duration(args: argparse.Namespace) -> Duration:
    # Each option is read in the library's one number grammar, named as it was typed: "1,5"
    # is refused (not read as 15), "1e999999" too.
    if args.sessions is not None:
        return Duration.sessions(_length(args.sessions, "--sessions"))
    if args.half_days is not None:
        return Duration.half_days(_length(args.half_days, "--half-days"))
    if args.days is not None:
        return Duration.days(_length(args.days, "--days"))
    if args.hours is not None:
        return Duration.hours(_length(args.hours, "--hours"))
    raise ValidationError("--hours", "is needed (or --sessions, --half-days or --days)")


def run(args: argparse.Namespace) -> int:
    """Run ``participatory cost``."""
    if args.locale not in SUPPORTED_LOCALES:
        # Checked before any output: babel would otherwise fail on the first amount.
        raise ValidationError("--locale", f"must be one of {', '.join(SUPPORTED_LOCALES)}")
    _refuse_the_other_form(args)
    if args.plan is not None:
        return _run_plan(args)
    if args.activity is None:
        raise ValidationError("--activity", "is needed to cost an activity")
    costed = cost_activity(
        _card(args),
        ActivityKind(args.activity),
        _duration(args),
        as_at=day_or_today(args.as_at, "--as-at"),
        preparation=Duration.hours(
            _length(
                "0" if args.preparation_hours is None else args.preparation_hours,
                "--preparation-hours",
            )
        ),
    )
    if args.format == "json":
        print_json(_explained(costed))
    else:
        # Costing is about a rate card, not a person: nothing sensitive, so the default
        # (sensitive values hidden) is kept rather than opted out of.
        for finding in costed.findings:
            print(sentence(finding, locale=args.locale))
    return fail_status(args, costed.findings)


def _explained(result: ExplainedResult) -> dict[str, Any]:
    """A result as JSON data, its citations compact and its documents listed once."""
    data: dict[str, Any] = unstructure(result)
    for finding_data, finding in zip(data["findings"], result.findings, strict=True):
        if not finding_data["withheld"]:
            finding_sources(finding, finding_data)
    data["sources"] = documents_data(result.findings)
    return data


def _totals_lines(title: str, totals: tuple[PeriodTotal, ...], locale: str) -> list[str]:
    lines = [title]
    for total in totals:
        lines.append(
            f"  {total.contributor} {total.period}: "
            f"fees {format_value(total.for_time, locale)}, "
            f"expenses {format_value(total.expenses, locale)}"
        )
    return lines


def _plan_error(file: str, _key: str, problem: str) -> ValidationError:
    return ValidationError("--plan", f"{file} {problem}")


def _hint(text: str, name: str) -> str | None:
    """What a plan that is not a plan looks like (parsed again, only after it was refused)."""
    try:
        document = parse_document(text, "toml", name)
    except ParticipatoryError:
        return None  # not even TOML: the plan reader's own reason stands
    return looks_like(document, name, expected="plan")


def _run_plan(args: argparse.Namespace) -> int:
    text, name = read_source(args.plan, error=_plan_error)
    try:
        parsed = parse_payment_plan(text, name)
    except ValidationError:
        hint = _hint(text, name)
        if hint is None:
            raise
        raise ValidationError("--plan", f"{name}: {hint}") from None
    plan = parsed.plan
    as_at = day_or_today(args.as_at, "--as-at")
    summary = plan.cost_summary()
    periods: dict[str, tuple[PeriodTotal, ...]] = {
        "tax_years": tax_year_totals(plan.payments, currency=plan.currency)
    }
    if args.week_start is not None:
        periods["benefit_weeks"] = weekly_totals(
            plan.payments, _WEEKDAYS.index(args.week_start), currency=plan.currency
        )
    if args.assessment_period_from is not None:
        start = to_date(args.assessment_period_from, "--assessment-period-from")
        periods["assessment_periods"] = assessment_period_totals(
            plan.payments, start, currency=plan.currency
        )
    report = None
    if parsed.timeliness is not None:
        report = assess_timeliness(plan, parsed.timeliness, as_at=as_at)
    if args.format == "json":
        print_json(
            {
                "project": plan.project,
                "as_at": as_at.isoformat(),
                "cost_summary": unstructure(summary),
                **{name: unstructure(totals) for name, totals in periods.items()},
                "timeliness": None if report is None else _explained(report),
            }
        )
        return fail_status(args, () if report is None else report.findings)

    def money(value: object) -> str:
        return format_value(value, args.locale)

    print(f"Payment plan: {plan.project} (as at {format_value(as_at, args.locale)})")
    print(
        f"Total {money(summary.total)}: fees {money(summary.fees)}, "
        f"expenses {money(summary.expenses)}; declined fees {money(summary.declined)}."
    )
    for person in summary.by_contributor:
        print(
            f"  {person.contributor}: fees {money(person.fees)}, expenses {money(person.expenses)}"
        )
    titles = {
        "tax_years": "Per tax year:",
        "benefit_weeks": "Per benefit week:",
        "assessment_periods": "Per assessment period:",
    }
    for name, totals in periods.items():
        print("\n".join(_totals_lines(titles[name], totals, args.locale)))
    if report is None:
        print("The plan states no timeliness policy, so late payments were not checked.")
    else:
        # Timeliness findings name a payment and its contributor, nothing sensitive; the
        # default (sensitive values hidden) stands, as payment notes are never printed.
        for finding in report.findings:
            print(sentence(finding, locale=args.locale))
    return fail_status(args, () if report is None else report.findings)
