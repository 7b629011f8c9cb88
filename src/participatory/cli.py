"""The ``participatory`` command: a thin edge over the engines, where I/O and the clock live.

Each subcommand lives in its own module under :mod:`participatory.commands` and is listed
in :data:`COMMANDS`; a module provides ``add_parser(subparsers)``, which adds its parser
and sets ``run`` (a function of the parsed arguments returning an exit code). Unusable
input, any :class:`~participatory.core.errors.ParticipatoryError`, exits with status 2
and a one-line reason on standard error (printable: no line breaks or control characters
from the input), and ``--output FILE`` writes nothing. A command given ``--fail-on
SEVERITY`` exits with status 1 when a finding is at or above that severity.
A reader that goes away (``… | head -1``) ends the command quietly with
status :data:`BROKEN_PIPE`.

>>> main(["cost", "--card", "whitworth", "--activity", "advisory_group", "--sessions", "3",
...       "--as-at", "2022-07-20"])
The fee for advisory_group on the whitworth-2022 rate card is £270.00.
...
0
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import Final

from participatory.__about__ import __version__
from participatory.commands._options import EXIT_STATUSES, FAIL_ON_STATUS, check_common, write_whole
from participatory.core.errors import ParticipatoryError
from participatory.render.text import printable

__all__ = ["BROKEN_PIPE", "COMMANDS", "build_parser", "main"]

#: The modules that provide subcommands, in the order ``--help`` lists them.
COMMANDS: Final[tuple[str, ...]] = (
    "participatory.commands.assess",
    "participatory.commands.benefits",
    "participatory.commands.ethics",
    "participatory.commands.cost",
    "participatory.commands.ledger",
    "participatory.commands.data",
    "participatory.commands.schema",
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="participatory",
        description="Explained rules for the governance of participatory research.",
        epilog=EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"participatory {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(name).add_parser(subparsers)
    return parser


#: The exit status when the reader of standard output goes away (``… | head -1``): that of
#: a command ended by SIGPIPE, so a shell treats it the same way.
BROKEN_PIPE: Final = 128 + 13


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    0 with an answer, 1 when ``--fail-on`` is met, 2 on unusable input, :data:`BROKEN_PIPE`
    when the reader went away (listed in each command's ``--help``).

    Unusable input is one line on standard error, never a traceback. When the reader of the
    output goes away (``participatory cost … | head -1``) the command stops quietly.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits on --help and on bad arguments
        if exit_.code is None or isinstance(exit_.code, int):
            return exit_.code or 0
        return 2
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        check_common(args)
        target = getattr(args, "output_file", None)
        status = run(args) if target in (None, "-") else _run_to_file(run, args, target)
        sys.stdout.flush()  # inside the try: a reader that went away shows up here too
    except ParticipatoryError as error:
        detail = error.describe(include_sensitive=getattr(args, "include_sensitive", False))
        _reason(args.command, detail)
        return 2
    except BrokenPipeError:
        _quiet_stdout()
        return BROKEN_PIPE
    except UnicodeEncodeError:
        _reason(args.command, "the output cannot be written in this terminal's encoding; "
                "set PYTHONIOENCODING=utf-8")  # fmt: skip
        return 2
    return status


def _run_to_file(
    run: Callable[[argparse.Namespace], int], args: argparse.Namespace, target: str
) -> int:
    # The answer is gathered whole and written only once the command has one: on unusable
    # input (an exception) nothing is written and no partial file is left.
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured):
        status = run(args)
    if status in (0, FAIL_ON_STATUS):
        write_whole(target, captured.getvalue())
    return status


def _reason(command: str, detail: str) -> None:
    """The one-line reason on standard error: no line breaks, no control characters."""
    print(f"participatory {command}: {printable(detail)}", file=sys.stderr)


def _quiet_stdout() -> None:
    # The reader has gone: point standard output at nothing, so the interpreter's own flush
    # at exit does not raise BrokenPipeError again and print a traceback.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass  # standard output is not a real file (a test's buffer): nothing to quiet


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
