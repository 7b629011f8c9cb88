"""The command line imports and builds only the command it runs (issue 18).

Each other command is listed by its one-line summary in :data:`participatory.cli.SUMMARIES`.
These tests hold that the summaries are the commands' own, that a parser built for one
command answers exactly as the parser with every command does (help, errors, parsed
values), and that a run imports nothing of the commands it did not run.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import json
import subprocess
import sys
import textwrap

import pytest

from participatory import cli

NAMES = tuple(cli.SUMMARIES)


def _subcommands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    found = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert len(found) == 1
    return found[0]


def _outcome(parser: argparse.ArgumentParser, argv: list[str]) -> tuple[object, str, str]:
    """What ``parser`` does with ``argv``: the parsed values (or exit code), output, errors."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            parsed: object = sorted(
                (key, repr(value)) for key, value in vars(parser.parse_args(argv)).items()
            )
        except SystemExit as exit_:
            parsed = ("exit", exit_.code)
    return parsed, out.getvalue(), err.getvalue()


def test_the_summaries_are_each_commands_own_help_in_order():
    whole = _subcommands(cli.build_parser())
    listed = [(action.dest, action.help) for action in whole._choices_actions]
    assert listed == list(cli.SUMMARIES.items())
    assert [module.rsplit(".", 1)[1] for module in cli.COMMANDS] == list(cli.SUMMARIES)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(
    "tail",
    [
        ["--help"],
        [],
        ["--no-such-option"],
        ["--as-at", "not-a-date", "x"],
        ["x", "--format", "nonsense"],
    ],
    ids=["help", "nothing", "unknown-option", "bad-date", "bad-format"],
)
def test_a_parser_built_for_one_command_answers_as_the_whole_parser(name, tail):
    argv = [name, *tail]
    whole = _outcome(cli.build_parser(), argv)
    alone = _outcome(cli.build_parser((name,)), argv)
    assert alone == whole


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["-h", "assess"],
        ["--version"],
        [],
        ["no-such-command"],
        ["--no-such-option", "assess"],
        ["--no-such-option", "assess", "x.toml"],
        ["-", "assess"],
        ["--", "schema"],
        ["--", "--help"],
        ["--", "--", "assess"],
        ["--", "assess", "--help"],
        ["-1", "assess", "--help"],
        ["-x y", "assess", "--help"],
        ["assess", "--", "schema"],
    ],
)
def test_the_top_level_answers_the_same_with_the_parser_main_builds(argv):
    whole = _outcome(cli.build_parser(), argv)
    command = cli._command_asked(argv)
    built = cli.build_parser(() if command is None else (command,))
    assert _outcome(built, argv) == whole


@pytest.mark.parametrize("argv", [["--help"], ["--version"], [], ["no-such-command"]])
def test_help_and_unknown_commands_need_no_command_built(argv):
    assert _outcome(cli.build_parser(()), argv) == _outcome(cli.build_parser(), argv)


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["assess", "x.toml"], "assess"),
        (["--version", "schema"], "schema"),
        (["-h", "ledger", "init"], "ledger"),
        (["--", "cost"], "cost"),
        (["--", "--help"], None),
        (["--"], None),
        (["x.toml", "assess"], None),
        (["-", "assess"], None),
        ([], None),
        (["--help"], None),
    ],
)
def test_the_command_asked_for_is_known_only_when_certain(argv, command):
    assert cli._command_asked(argv) == command


_IMPORTED = """
import io, contextlib, json, sys
from participatory.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    status = main(sys.argv[1:])
names = [m for m in sys.modules if m.startswith(("participatory.", "pendulum", "babel.messages"))]
print(json.dumps([status, sorted(names)]))
"""


def _imported_by(*argv: str) -> tuple[int, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _IMPORTED, *argv],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    status, modules = json.loads(done.stdout)
    return status, set(modules)


def test_a_run_imports_only_the_command_it_runs():
    status, modules = _imported_by("schema")
    assert status == 0
    others = {module for module in cli.COMMANDS if module != "participatory.commands.schema"}
    assert not modules & others
    assert "participatory.assessment" not in modules


def test_assessing_a_project_imports_no_ledger_and_no_html_page():
    status, modules = _imported_by(
        "assess", "examples/arts-coproduction.toml", "--as-at", "2026-11-02"
    )
    assert status == 0
    assert "participatory.commands.assess" in modules
    assert not {m for m in modules if m.startswith("participatory.ledger")}
    assert "participatory.render.html" not in modules
    assert "participatory.commands.ledger" not in modules
    assert "pendulum" not in modules  # given --as-at, no clock is read
    assert not {m for m in modules if m.startswith("babel.messages")}  # English: no catalogue


def test_a_welsh_report_reads_its_catalogue():
    status, modules = _imported_by(
        "assess", "examples/arts-coproduction.toml", "--as-at", "2026-11-02", "--locale", "cy"
    )
    assert status == 0
    assert "babel.messages.mofile" in modules or "babel.messages.pofile" in modules


def test_a_run_that_reads_the_clock_does_not_import_pendulum():
    status, modules = _imported_by("data")
    assert status == 0
    assert "pendulum" not in modules  # the standard library's zoneinfo reads the clock


def test_today_is_the_calendar_day_in_london():
    import datetime as dt

    import pendulum

    from participatory.commands._edge import today

    before = pendulum.now("Europe/London").date()
    day = today()
    after = pendulum.now("Europe/London").date()
    assert type(day) is dt.date
    assert day in {before, after}


def test_top_level_help_imports_no_command():
    status, modules = _imported_by("--help")
    assert status == 0
    assert not modules & set(cli.COMMANDS)


@pytest.mark.parametrize("module", cli.COMMANDS)
def test_every_command_module_still_adds_its_parser(module):
    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers()
    importlib.import_module(module).add_parser(subparsers)
    assert module.rsplit(".", 1)[1] in subparsers.choices


class _Standard(argparse.RawDescriptionHelpFormatter):
    """argparse's own formatter, given each command's paragraph wrapped as textwrap wraps it
    (the library's wraps a :class:`~participatory.commands._options.HelpParagraph` itself)."""

    def add_text(self, text: str | None) -> None:
        from participatory.commands import _options

        if isinstance(text, _options.HelpParagraph):
            text = textwrap.fill(str(text), 79)
        super().add_text(text)


def _standard_help(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[object, str, str]:
    """What ``argv`` prints with argparse's own formatter in place of the library's."""
    from participatory.commands import _options

    monkeypatch.setattr(_options, "HelpFormatter", _Standard)
    for module in (cli, *(importlib.import_module(m) for m in cli.COMMANDS)):
        if hasattr(module, "HelpFormatter"):
            monkeypatch.setattr(module, "HelpFormatter", _Standard)
    return _outcome(cli.build_parser(), argv)


@pytest.mark.parametrize("columns", ["40", "80", "132"])
@pytest.mark.parametrize(
    "argv",
    [["--help"], *([name, "--help"] for name in NAMES), ["assess"], ["ledger", "check", "--help"]],
    ids=lambda argv: "-".join(argv) if isinstance(argv, list) else argv,
)
def test_help_reads_the_terminal_width_as_argparse_does(
    argv: list[str], columns: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The help and usage (an error's too) are those argparse's own formatter lays out for
    the same width: the library's reads the width only when it lays out help."""
    monkeypatch.setenv("COLUMNS", columns)
    ours = _outcome(cli.build_parser(), argv)
    with monkeypatch.context() as patched:
        standard = _standard_help(argv, patched)
    assert ours == standard
    assert ours[1] or ours[2]  # something was laid out


def test_a_report_run_does_not_import_shutil():
    """argparse's formatter imports shutil (with zlib, bz2 and lzma) for every option added,
    to read the terminal's width; a report printed to standard output needs none of them."""
    status, modules = _imported_by(
        "assess", "examples/arts-coproduction.toml", "--as-at", "2026-11-02"
    )
    assert status == 0
    assert not modules & {"shutil", "bz2", "lzma"}


_STANDARD_MODULES = """
import io, contextlib, sys
from participatory.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    status = main(sys.argv[1:])
print(status, *sorted(m for m in ("json", "pickle", "textwrap") if m in sys.modules))
"""


@pytest.mark.parametrize(("format", "needed"), [("text", "textwrap"), ("markdown", "")])
def test_a_report_run_imports_no_json_and_no_pickle_module(format: str, needed: str) -> None:
    """The data bundle's index and the bank holidays are read from the bundle by the C
    unpickler alone, and a command's description is wrapped only for its help: a report
    needs json, pickle and textwrap only to write JSON, never, and to wrap a text report."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _STANDARD_MODULES,
            "assess",
            "examples/arts-coproduction.toml",
            "--as-at",
            "2026-11-02",
            "--format",
            format,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert done.stdout.split() == ["0", *needed.split()]
