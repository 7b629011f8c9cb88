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
from typing import Any

from participatory.assessment.run import ON_STALE, assess
from participatory.commands._edge import day_or_today, read_document, wrapped
from participatory.commands._options import EXIT_STATUSES, HelpFormatter, add_common, fail_status
from participatory.core import _paths
from participatory.core.errors import ParticipatoryError
from participatory.payments.rates import load_rate_card
from participatory.project.errors import ProjectFileError
from participatory.project.files import load_project, structure_project

__all__ = ["add_parser", "run"]

_EPILOG = (
    """\
examples:
  participatory assess examples/arts-coproduction.toml
  participatory assess examples/arts-coproduction.toml --brief
  participatory assess examples/mental-health-festival.toml --format html > report.html
  participatory assess examples/river-citizen-science.toml --locale cy --as-at 2026-10-01
  participatory assess project.json --format json --rates our-rates.toml
  cat project.json | participatory assess - --format json
  participatory assess project.toml --fail-on problem --output report.txt
  participatory assess project.toml --format html --brand our-brand.toml > report.html

Sensitive values (benefits, health, safeguarding notes) are withheld unless
--include-sensitive is given. A report is produced whatever it finds; the reason for
unusable input names the file and the field at fault.

"""
    + EXIT_STATUSES
)


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
        formatter_class=HelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help="the project file (.toml or .json), or -")
    add_common(
        parser,
        as_at="the day to assess on",
        formats=("text", "markdown", "html", "json"),
        locale=True,
        fail_on=True,
    )
    parser.add_argument(
        "--rates",
        metavar="FILE",
        # The name as pathlib spells it (errors name ./x.toml as x.toml), without pathlib.
        type=_paths.text,
        help="your institution's rate card (TOML)",
    )
    parser.add_argument(
        "--on-stale",
        choices=ON_STALE,
        default="report",
        help="figures past their data's date: report them and use the last known value "
        "(default), or refuse to assess",
    )
    parser.add_argument(
        "--brief",
        action="store_true",
        help="print only 'What to do first' and the figures, not every finding",
    )
    parser.add_argument(
        "--brand",
        metavar="FILE",
        type=_paths.text,
        help="your institution's name, logo and colours for the HTML report (TOML or JSON; "
        "see the how-to 'Brand the report')",
    )
    parser.add_argument(
        "--include-sensitive",
        action="store_true",
        help="show contributors' own benefit figures and other special-category values",
    )
    parser.set_defaults(run=run)


def _hint(file: str, document: object) -> str | None:
    """What the file looks like when it is not a project file (read again, only on failure)."""
    from participatory.commands._file_kinds import looks_like

    if document is None:
        try:
            document, _ = read_document(file)
        except ParticipatoryError:
            return None  # not even a document: the loader's own reason stands
    return looks_like(document, "<stdin>" if file == "-" else file, expected="project")


def run(args: argparse.Namespace) -> int:
    """Run ``participatory assess``."""
    document: object = None
    try:
        if args.file == "-":
            document, name = read_document("-", "json")
            project = structure_project(document, name)
        else:
            project = load_project(args.file)
    except ProjectFileError as error:
        hint = _hint(args.file, document)
        if hint is None:
            raise
        raise ProjectFileError(error.file, [("", hint)]) from None
    card = load_rate_card(args.rates) if args.rates is not None else None
    branding = None
    if args.brand is not None:
        from participatory.render.branding import load_branding

        branding = load_branding(args.brand)
    report = assess(
        project, as_at=day_or_today(args.as_at, "--as-at"), rate_card=card, on_stale=args.on_stale
    )
    from participatory.render.report import render

    output = render(
        report,
        format=args.format,
        locale=args.locale,
        include_sensitive=args.include_sensitive,
        brief=args.brief,
        branding=branding,
    )
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return fail_status(args, report.findings)
