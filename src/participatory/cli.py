"""The ``participatory`` command: a thin edge over the engines, where I/O and the clock live.

Each subcommand lives in its own module under :mod:`participatory.commands` and is listed
in :data:`COMMANDS`; a module provides ``add_parser(subparsers)``, which adds its parser
and sets ``run`` (a function of the parsed arguments returning an exit code). A run
imports and builds only the command it is asked for (each command's engines take a good
part of a second to import all together): the others appear in ``--help`` by the one-line
summary in :data:`SUMMARIES`, which a test keeps equal to each command's own. Unusable
input, any :class:`~participatory.core.errors.ParticipatoryError`, exits with status 2
and a one-line reason on standard error (printable: no line breaks or control characters
from the input), and ``--output FILE`` writes nothing. So does an argument the parser
refuses (an unknown option, a value of the wrong type: one line, not the usage, which
``--help`` prints) and standard output that cannot be written (a full disk). A command
given ``--fail-on SEVERITY`` exits with status 1 when a finding is at or above that severity.
A reader that goes away (``… | head -1``) ends the command quietly with
status :data:`BROKEN_PIPE`.

>>> main(["cost", "--card", "whitworth", "--activity", "advisory_group", "--sessions", "3",
...       "--as-at", "2022-07-20"])
The fee for advisory group on the whitworth-2022 rate card is £270.00.
...
0
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import os
import re
import sys
from collections.abc import Callable, Collection, Sequence
from typing import Final, NoReturn

from participatory.__about__ import __version__
from participatory.commands._options import (
    EXIT_STATUSES,
    FAIL_ON_STATUS,
    HelpFormatter,
    check_common,
    write_whole,
)
from participatory.core.errors import ParticipatoryError, os_reason

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


class _OneLineParser(argparse.ArgumentParser):
    """An argument parser that refuses an argument in one line, as every other refusal is.

    argparse prints the usage (up to a dozen lines) before its error; the usage stays in
    ``--help``. Each command's parser is of this class too: ``add_subparsers`` makes its
    parsers of the class of the parser it is called on.
    """

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """Parse as argparse does, a negative number given to an option read as its value.

        argparse takes ``--amount -1e3`` for two options (only ``-1`` and ``-.5`` look like
        numbers to it), and refuses with "expected one argument"; ``--amount=-1e3``, its
        documented form for a value starting with ``-``, reaches the command's own check.
        Each command's parser comes here too (its subparsers action calls this method).
        """
        given = sys.argv[1:] if args is None else args  # as argparse reads None
        return super().parse_known_args(_joined_negative_values(self, given), namespace)

    def error(self, message: str) -> NoReturn:
        """Print ``participatory <command>: <problem>`` on standard error; exit with status 2."""
        # A command's prog is "participatory <command> [<action>…]"; the top level's has no
        # command. argparse says "argument --amount: …": the option alone, as elsewhere.
        words = self.prog.split()
        _reason(words[1] if len(words) > 1 else None, message.removeprefix("argument "))
        self.exit(2)


#: What a negative number looks like on the command line (``-1e3``, ``-1.5e2``, ``-.5``,
#: ``-1,000``): a minus and a digit, or a minus, a point and a digit. No option of ours is
#: spelt so.
_NEGATIVE_NUMBER: Final = re.compile(r"-\.?[0-9]")


def _joined_negative_values(parser: argparse.ArgumentParser, args: Sequence[str]) -> Sequence[str]:
    """``args`` with each ``--option -1e3`` written ``--option=-1e3`` (for one taking a value).

    Only an option of ``parser`` that takes one value is joined with what follows it, and only
    when that looks like a negative number; ``--`` ends the options, as argparse reads it.
    Anything else is left for argparse to read (or refuse) as before.
    """
    joined: list[str] = []
    index = 0
    while index < len(args):
        argument = args[index]
        if argument == "--" or not isinstance(argument, str):
            joined.extend(args[index:])
            break
        following = args[index + 1] if index + 1 < len(args) else None
        if (
            isinstance(following, str)
            and _NEGATIVE_NUMBER.match(following)
            and _takes_one_value(parser, argument)
        ):
            joined.append(f"{argument}={following}")
            index += 2
            continue
        joined.append(argument)
        index += 1
    return joined


def _takes_one_value(parser: argparse.ArgumentParser, argument: str) -> bool:
    """Whether ``argument`` is one of ``parser``'s options that takes exactly one value.

    The spelling in full, or a prefix of exactly one long option, as argparse accepts it.
    """
    if not argument.startswith("-") or "=" in argument:
        return False
    # argparse has no public view of a parser's options: each action is looked at through
    # its own public fields (option_strings, nargs), found in the parser's action list.
    actions = [a for a in parser._actions if a.option_strings]
    exact = [a for a in actions if argument in a.option_strings]
    if not exact and argument.startswith("--") and parser.allow_abbrev:
        exact = [a for a in actions if any(o.startswith(argument) for o in a.option_strings)]
    return len(exact) == 1 and exact[0].nargs in (None, 1)


def build_parser(only: Collection[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand.

    With ``only``, just the commands named there are imported and built whole; every other
    command is listed by its summary (so ``--help`` and an unknown command's error read the
    same) and cannot parse arguments of its own. An argument it refuses is one line on
    standard error and ``SystemExit(2)``.
    """
    parser = _OneLineParser(
        prog="participatory",
        description="Explained rules for the governance of participatory research.",
        epilog=EXIT_STATUSES,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"participatory {__version__}")
    # The commands' prog, as argparse would work it out from the usage of the options before
    # them (there are none); given, argparse does not format that usage to find it.
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, prog=parser.prog
    )
    for module, (name, summary) in zip(COMMANDS, SUMMARIES.items(), strict=True):
        if only is None or name in only:
            importlib.import_module(module).add_parser(subparsers)
        else:
            subparsers.add_parser(name, help=summary, formatter_class=HelpFormatter)
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
        args, unknown = parser.parse_known_args(arguments)
    except SystemExit as exit_:  # argparse exits on --help and on bad arguments
        if exit_.code is None or isinstance(exit_.code, int):
            return exit_.code or 0
        return 2
    if unknown:
        # What parse_args refuses, named with the command: the top-level parser reaches the
        # arguments left over only after the command's parser has run, and cannot name it.
        _reason(args.command, f"unrecognized arguments: {' '.join(unknown)}")
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
        if sys.stdout is not None:  # closed, with the answer written to --output FILE
            sys.stdout.flush()  # inside the try: a reader that went away shows up here too
    except ParticipatoryError as error:
        detail = error.describe(include_sensitive=getattr(args, "include_sensitive", False))
        _reason(args.command, detail)
        return 2
    except BrokenPipeError:
        _quiet_stdout()
        return BROKEN_PIPE
    except UnicodeEncodeError as error:
        if error.reason == "surrogates not allowed":
            # A byte that is not UTF-8 in an argument (Python gives it as a lone surrogate)
            # that no command refused at its option: no encoding of the terminal writes it.
            _reason(args.command, "a value given holds a byte that is not UTF-8 text")
            return 2
        _reason(args.command, "the output cannot be written in this terminal's encoding; "
                "set PYTHONIOENCODING=utf-8")  # fmt: skip
        return 2
    except OSError as error:
        if error.filename is None:
            # Writing a stream names no file: standard output could not take the answer (a
            # full disk behind "> file"). What it still holds would fail again at exit.
            _quiet_stdout()
        _reason(args.command, _unusable(error))
        return 2
    return status


def _unusable(error: OSError) -> str:
    """The reason for an OSError no command turned into a refusal of its own."""
    reason = os_reason(error)
    if error.filename is None:
        return f"standard output cannot be written ({reason})"
    return f"{error.filename}: cannot be used ({reason})"


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


def _reason(command: str | None, detail: str) -> None:
    """The one-line reason on standard error: no line breaks, no control characters.

    ``command`` is the command's name, or ``None`` for the top level. With standard error
    closed nothing is printed: ``print(file=None)`` would write the reason to standard
    output, among the answer.
    """
    from participatory.render.text import printable

    if sys.stderr is None:
        return
    where = "participatory" if command is None else f"participatory {command}"
    print(f"{where}: {printable(detail)}", file=sys.stderr)


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
