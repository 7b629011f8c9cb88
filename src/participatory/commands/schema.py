"""``participatory schema``: the JSON Schema of the project file format, for other systems.

>>> from participatory.cli import main
>>> main(["schema"])  # doctest: +ELLIPSIS
{
  "$defs": {
...
0
"""

from __future__ import annotations

import argparse
from typing import Any

from participatory.commands._edge import print_json, wrapped
from participatory.commands._options import EXIT_STATUSES, HelpFormatter, add_common
from participatory.project.schema import project_schema

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> None:
    """Add the ``schema`` subcommand."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema (draft 2020-12) of a project file",
        description=wrapped(
            "Print the JSON Schema of the project file format (TOML and JSON files "
            "have the same structure), so other systems can write and check project files."
        ),
        epilog="example:\n  participatory schema --output project.schema.json\n\n" + EXIT_STATUSES,
        formatter_class=HelpFormatter,
    )
    add_common(parser, formats=("json",))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``participatory schema``."""
    print_json(project_schema())
    return 0
