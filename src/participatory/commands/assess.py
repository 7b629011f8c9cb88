"""``participatory assess``: one project file in, one governance report out.

>>> from participatory.cli import main
>>> main(["assess", "examples/river-citizen-science.toml", "--as-at", "2026-10-01",
...       "--format", "json"])  # doctest: +ELLIPSIS
{
...
0
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from participatory.assessment.run import ON_STALE, assess
from participatory.commands._edge import day_or_today, read_document, wrapped
from participatory.payments.rates import load_rate_card
from participatory.project.files import load_project, structure_project

__all__ = ["add_parser", "run"]

_EPILOG = """\
examples:
  participatory assess examples/arts-coproduction.toml
  participatory assess examples/mental-health-festival.toml --format html > report.html
  participatory assess examples/river-citizen-science.toml --locale cy --as-at 2026-10-01
  participatory assess project.json --format json --rates our-rates.toml
  cat project.json | participatory assess - --format json

Exit status: 0 when a report was produced (whatever it found), 2 when the input cannot be
used, with a one-line reason on standard error naming the file and the field at fault.
Sensitive values (benefits, health, safeguarding notes) are withheld unless
--include-sensitive is given.
"""


def add_parser(subparsers: Any) -> None:
    """Add the ``assess`` subcommand."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "assess",
        help="run every engine over a project file and print its governance report",
        description=wrapped(
            "Read a project file (TOML or JSON; see 'participatory schema') and "
            "report on roles, power, budget, payments, benefits, ethics, safeguarding, time, "
            "evaluation and readiness, each finding explained with its sources."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help="the project file (.toml or .json), or -")
    parser.add_argument(
        "--format",
        choices=("text", "markdown", "html", "json"),
        default="text",
        help="how to print the report (default: text)",
    )
    parser.add_argument(
        "--locale", choices=("en_GB", "cy"), default="en_GB", help="language (default: en_GB)"
    )
    parser.add_argument(
        "--as-at", metavar="DATE", help="the day to assess on, YYYY-MM-DD (default: today, UK)"
    )
    parser.add_argument(
        "--rates", metavar="FILE", type=Path, help="your institution's rate card (TOML)"
    )
    parser.add_argument(
        "--on-stale",
        choices=ON_STALE,
        default="report",
        help="figures past their data's date: report them and use the last known value "
        "(default), or refuse to assess",
    )
    parser.add_argument(
        "--include-sensitive",
        action="store_true",
        help="show contributors' own benefit figures and other special-category values",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``participatory assess``."""
    if args.file == "-":
        document, name = read_document("-", "json")
        project = structure_project(document, name)
    else:
        project = load_project(args.file)
    card = load_rate_card(args.rates) if args.rates is not None else None
    report = assess(
        project, as_at=day_or_today(args.as_at, "--as-at"), rate_card=card, on_stale=args.on_stale
    )
    from participatory.render.report import render

    output = render(
        report, format=args.format, locale=args.locale, include_sensitive=args.include_sensitive
    )
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 0
