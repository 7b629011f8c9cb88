"""The ``participatory`` command: a thin edge over the engines, where I/O and the clock live.

Each subcommand lives in its own module under :mod:`participatory.commands` and is listed
in :data:`COMMANDS`; a module provides ``add_parser(subparsers)``, which adds its parser
and sets ``run`` (a function of the parsed arguments returning an exit code). Unusable
input, any :class:`~participatory.core.errors.ParticipatoryError`, exits with status 2
and a one-line reason on standard error.

>>> main(["cost", "--card", "whitworth", "--activity", "advisory_group", "--sessions", "3",
...       "--as-at", "2022-07-20"])
The fee for advisory_group on the whitworth-2022 rate card is £270.00.
...
0
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import Final

from participatory.__about__ import __version__
from participatory.core.errors import ParticipatoryError

__all__ = ["COMMANDS", "build_parser", "main"]

#: The modules that provide subcommands, in the order ``--help`` lists them.
COMMANDS: Final[tuple[str, ...]] = (
    "participatory.commands.assess",
    "participatory.commands.benefits",
    "participatory.commands.ethics",
    "participatory.commands.cost",
    "participatory.commands.schema",
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="participatory",
        description="Explained rules for the governance of participatory research.",
    )
    parser.add_argument("--version", action="version", version=f"participatory {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(name).add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 success, 2 unusable input)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits on --help and on bad arguments
        return int(exit_.code or 0)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except ParticipatoryError as error:
        print(f"participatory {args.command}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
