"""The ``participatory`` command: a thin edge over the engines, where I/O and the clock live.

Each subcommand lives in its own module under :mod:`participatory.commands` and is listed
in :data:`COMMANDS`; a module provides ``add_parser(subparsers)``, which adds its parser
and sets ``run`` (a function of the parsed arguments returning an exit code). A run
imports and builds only the command it is asked for (each command's engines take a good
part of a second to import all together): the others appear in ``--help`` by the one-line
summary in :data:`SUMMARIES`, which a test keeps equal to each command's own. Unusable
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
from collections.abc import Callable, Collection, Sequence
from typing import Final

from participatory.__about__ import __version__
from participatory.commands._options import EXIT_STATUSES, FAIL_ON_STATUS, check_common, write_whole
from participatory.core.errors import ParticipatoryError

__all__ = ["BROKEN_PIPE", "COMMANDS", "SUMMARIES", "build_parser", "main"]

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


#: Each command's name and its one-line help, in the order of :data:`COMMANDS`: what
#: ``--help`` lists for a command that was not asked for, without importing it.
SUMMARIES: Final[dict[str, str]] = {
    "assess": "run every engine over a project file and print its governance report",
    "benefits": "what payments do to one household's benefits, the headroom, the best schedule",
    "ethics": "classify activities as involvement, research, engagement … (JSON in, JSON out)",
    "cost": "cost an activity on a rate card, or check a payment plan",
    "ledger": "the contributors' ledger: payments from every payer, checks, statements",
    "data": "list every figure with its coverage, source, verification and next date",
    "schema": "print the JSON Schema (draft 2020-12) of a project file",
}


def build_parser(only: Collection[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand.

    With ``only``, just the commands named there are imported and built whole; every other
    command is listed by its summary (so ``--help`` and an unknown command's error read the
    same) and cannot parse arguments of its own.
    """
    parser = argparse.ArgumentParser(
        prog="participatory",
        description="Explained rules for the governance of participatory research.",
        epilog=EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"participatory {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module, (name, summary) in zip(COMMANDS, SUMMARIES.items(), strict=True):
        if only is None or name in only:
            importlib.import_module(module).add_parser(subparsers)
        else:
            subparsers.add_parser(name, help=summary)
    return parser


def _command_asked(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs, when it names one; otherwise ``None``.

    The top-level parser's own options take no value, so its first positional argument is
    the command (``--`` ends the options). With ``None`` no command's parser is reached:
    the top-level parser answers (its help, its version, an unknown command's error)
    before any command would parse, so none is built.
    """
    for index, argument in enumerate(argv):
        if not isinstance(argument, str):
            return None  # argparse's own error, whichever commands are built
        if argument == "--":
            following = argv[index + 1 : index + 2]
            return following[0] if following and following[0] in SUMMARIES else None
        if argument.startswith("-") and argument != "-":
            continue
        return argument if argument in SUMMARIES else None
    return None


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
    arguments = sys.argv[1:] if argv is None else list(argv)
    command = _command_asked(arguments)
    parser = build_parser(() if command is None else (command,))
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exit_:  # argparse exits on --help and on bad arguments
        if exit_.code is None or isinstance(exit_.code, int):
            return exit_.code or 0
        return 2
    run: Callable[[argparse.Namespace], int] = args.run
    target = getattr(args, "output_file", None)
    if sys.stdout is None and target in (None, "-"):
        # Started with standard output closed (a daemon, ">&-"): the answer has nowhere to go.
        _reason(args.command, "standard output is closed: write the answer with --output FILE")
        return 2
    try:
        check_common(args)
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
    from participatory.render.text import printable

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
