""":mod:`participatory.cli`: hardening: every crash is the library's own error, in one line.

Issue 17 listed crashes and hangs of the command line, each now the library's own error,
exit status 2 and one line on standard error (fixed at their causes: the readers in
:mod:`participatory.core.limits`, the number grammar, the timeline's day arithmetic):

- non-UTF-8 files or standard input for ``assess``, ``benefits`` and ``ethics``
  (``UnicodeDecodeError``);
- deeply nested JSON or TOML (``RecursionError``), integers of thousands of digits
  (``ValueError``), a lone surrogate in a title (``UnicodeEncodeError`` when printing);
- a timeline stage ending 9999-12-31 or with a huge day count (``OverflowError``);
  ``cost --hours 1e999999`` and huge preparation hours (``decimal.Overflow``);
- reading ``/dev/zero`` without end; duplicate JSON keys accepted;
- ``participatory cost … | head -1`` ending in a ``BrokenPipeError`` traceback.

The general test runs every command that reads input (from a file and from standard input)
on hostile documents and bytes: each run ends with status 0 (a result) or 2 (one line on
standard error, with no control character), never a traceback.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participatory.cli import BROKEN_PIPE, main
from tests.fuzzing import no_hang

EXAMPLES = Path(__file__).parents[1] / "examples"

#: Each command that reads a document, with ``{file}`` where its input goes.
READING_COMMANDS: dict[str, list[str]] = {
    "assess FILE": ["assess", "{file}", "--as-at", "2026-07-15"],
    "benefits FILE": ["benefits", "{file}"],
    "ethics FILE": ["ethics", "{file}", "--as-at", "2026-07-15"],
    "cost --plan FILE": ["cost", "--plan", "{file}", "--as-at", "2026-07-15"],
    "cost --rates FILE": [
        "cost",
        "--rates",
        "{file}",
        "--activity",
        "meeting",
        "--hours",
        "2",
        "--as-at",
        "2026-07-15",
    ],
}
STDIN_COMMANDS: dict[str, list[str]] = {
    "assess -": ["assess", "-", "--as-at", "2026-07-15"],
    "benefits -": ["benefits", "-"],
    "ethics -": ["ethics", "-", "--as-at", "2026-07-15"],
}


def run(argv: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    """Run the command in this process; returns status, standard output and error."""
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8")
    sys.stdout, sys.stderr = out, err
    try:
        with no_hang():
            status = main(argv)
    finally:
        sys.stdin, sys.stdout, sys.stderr = old
    return status, out.getvalue(), err.getvalue()


def _assert_clean_failure(status: int, err: str, what: str) -> None:
    assert status == 2, f"{what}: status {status}: {err}"
    assert err.count("\n") == 1, f"{what}: {err!r}"
    assert err.endswith("\n"), f"{what}: {err!r}"
    assert "Traceback" not in err
    assert err[:-1].isprintable(), f"{what}: a control character on stderr: {err!r}"


# -- regressions ------------------------------------------------------------------------

_NOT_UTF8 = b'{"id": "p\xff\xfe", "title": "t"}'


@pytest.mark.parametrize("command", ["assess", "benefits", "ethics"])
def test_a_file_that_is_not_utf8_is_one_line(command: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(_NOT_UTF8)
    argv = [command, str(path)] + (["--as-at", "2026-07-15"] if command != "benefits" else [])
    status, _out, err = run(argv)
    _assert_clean_failure(status, err, command)
    assert "not UTF-8 text (at byte offset 9)" in err


@pytest.mark.parametrize("command", ["assess", "benefits", "ethics"])
def test_standard_input_that_is_not_utf8_is_one_line(command: str) -> None:
    argv = [command, "-"] + (["--as-at", "2026-07-15"] if command != "benefits" else [])
    status, _out, err = run(argv, stdin=_NOT_UTF8)
    _assert_clean_failure(status, err, command)
    assert "<stdin>: cannot be read: not UTF-8 text" in err


@pytest.mark.parametrize(
    "document",
    [
        b"[" * 50_000 + b"]" * 50_000,
        b'{"id": "p", "title": "t", "n": ' + b"9" * 5000 + b"}",
        b'{"id": "p", "title": "t\\ud800"}',
        b'{"id": "p", "id": "q", "title": "t"}',
    ],
    ids=["deep", "huge int", "lone surrogate", "repeated key"],
)
def test_hostile_json_on_standard_input_is_one_line(document: bytes) -> None:
    status, _out, err = run(["assess", "-", "--as-at", "2026-07-15"], stdin=document)
    _assert_clean_failure(status, err, "assess -")


@pytest.mark.parametrize(
    ("stage", "problem"),
    [
        (
            "start = 2026-01-01, end = 9999-12-31, co_produced = true, conventional_days = 30000",
            "would end after 31 December 9999",
        ),
        (
            "start = 2026-01-01, end = 2026-02-01, co_produced = true, "
            "conventional_days = 999999999",
            "must be at most 36,525 days",
        ),
    ],
    ids=["ending 9999-12-31", "a huge day count"],
)
def test_a_timeline_past_the_calendar_is_one_line(stage: str, problem: str, tmp_path: Path) -> None:
    """Issue 17: OverflowError from the timeline engine."""
    path = tmp_path / "t.toml"
    path.write_text(
        'id = "p"\ntitle = "t"\n[timeline]\nstages = [{ kind = "relationship_building", '
        "start = 2025-01-01, end = 2025-12-31, co_produced = true, conventional_days = 400 }, "
        f'{{ kind = "delivery", {stage} }}]\n',
        encoding="utf-8",
    )
    status, _out, err = run(["assess", str(path), "--as-at", "2026-07-15"])
    _assert_clean_failure(status, err, "assess")
    assert problem in err


@pytest.mark.parametrize(
    "option",
    [
        ["--hours", "1e999999"],
        ["--hours", "1,5"],
        ["--hours", "1", "--preparation-hours", "9" * 40],
    ],
)
def test_cost_with_impossible_hours_is_one_line(option: list[str]) -> None:
    status, _out, err = run(
        ["cost", "--card", "blue_heart", "--activity", "meeting", *option, "--as-at", "2026-12-06"]
    )
    _assert_clean_failure(status, err, "cost")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_reading_dev_zero_ends_with_one_line(tmp_path: Path) -> None:
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    status, _out, err = run(["assess", str(link), "--as-at", "2026-07-15"])
    _assert_clean_failure(status, err, "assess /dev/zero")
    assert "larger than 16,777,216 bytes" in err


def test_a_reader_that_goes_away_ends_the_command_quietly() -> None:
    """Issue 17: ``participatory cost … | head -1`` ended in a BrokenPipeError traceback."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "participatory.cli",
            "assess",
            str(EXAMPLES / "mental-health-festival.toml"),
            "--as-at",
            "2026-07-15",
            "--format",
            "json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()  # the reader goes before the report is written
    err = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=120) == BROKEN_PIPE
    assert err == b""


def test_an_error_message_never_carries_control_characters(tmp_path: Path) -> None:
    """A key from the file, quoted in the reason, could drive the terminal."""
    path = tmp_path / "p.toml"
    path.write_text('id = "p"\ntitle = "t"\n"\\u001b[2Jbad\\u0007" = 1\n', encoding="utf-8")
    status, _out, err = run(["assess", str(path)])
    _assert_clean_failure(status, err, "assess")


# -- round 8: argparse's refusals and streams that cannot be written ---------------------


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        ([], "participatory: the following arguments are required: COMMAND"),
        (["nope"], "participatory: COMMAND: invalid choice: 'nope' (choose from 'assess', "
         "'benefits', 'ethics', 'cost', 'ledger', 'data', 'schema')"),
        (["assess"], "participatory assess: the following arguments are required: FILE"),
        (["--bogus", "schema"], "participatory schema: unrecognized arguments: --bogus"),
        (["ledger", "add"], "participatory ledger: the following arguments are required: ENTRY"),
        (["ledger", "add", "contributor", "c-1", "--nation", "mars"],
         "participatory ledger: --nation: invalid choice: 'mars' (choose from 'england', "
         "'wales', 'scotland', 'northern_ireland')"),
        (["ledger", "headroom", "--person", "c-1", "--bogus", "x"],
         "participatory ledger: unrecognized arguments: --bogus x"),
        (["cost", "--hours", "1", "--days", "1"],
         "participatory cost: --days: not allowed with argument --hours"),
    ],
    ids=["nothing", "unknown-command", "missing-file", "unknown-top-level-option",
         "missing-entry", "invalid-choice", "unknown-option-of-an-action", "exclusive"],
)  # fmt: skip
def test_an_argument_the_parser_refuses_is_one_line_naming_the_command(
    argv: list[str], line: str
) -> None:
    """TRY8: argparse printed its usage (up to a dozen lines) before its error."""
    assert run(argv) == (2, "", line + "\n")


def test_help_still_prints_the_whole_usage() -> None:
    status, out, err = run(["ledger", "check", "--help"])
    assert (status, err) == (0, "")
    assert out.startswith("usage: participatory ledger check [-h] [--ledger PATH]")
    assert "exit status:" in out


def test_the_parser_alone_refuses_in_one_line_and_exits_2() -> None:
    from participatory.cli import build_parser

    parser, err = build_parser(("ledger",)), io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as exited:
        parser.parse_args(["ledger", "statement", "--tax-year", "2025"])
    assert exited.value.code == 2
    assert err.getvalue() == (
        "participatory ledger: the following arguments are required: --person\n"
    )


class _Full(io.StringIO):
    """Standard output on a full disk: every write fails as the system says."""

    def write(self, text: str) -> int:
        raise OSError(28, "No space left on device")


def test_standard_output_that_cannot_be_written_is_one_line() -> None:
    err = io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Full(), err
    try:
        status = main(["schema"])
    finally:
        sys.stdout, sys.stderr = old
    assert status == 2
    assert err.getvalue() == (
        "participatory schema: standard output cannot be written (No space left on device)\n"
    )


def test_a_file_the_system_refuses_deep_in_a_command_is_one_line_naming_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Any OSError no command turned into its own refusal: still one line, not a traceback."""
    import participatory.commands.schema as schema

    def refused() -> object:
        raise PermissionError(13, "Permission denied", "/somewhere/cache\x1b[2J")

    monkeypatch.setattr(schema, "project_schema", refused)
    status, out, err = run(["schema"])
    _assert_clean_failure(status, err, "schema")
    assert out == ""
    assert err.startswith("participatory schema: /somewhere/cache")
    assert err.endswith(": cannot be used (Permission denied)\n")


def test_nothing_is_printed_for_a_refusal_when_standard_error_is_closed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["assess", "--bogus", str(EXAMPLES / "arts-coproduction.toml")]) == 2
    assert main(["cost", "--hours"]) == 2  # argparse's own refusal: --hours needs a value
    assert main(["assess", str(EXAMPLES / "no-such-project.toml")]) == 2
    assert capsys.readouterr().out == ""


# -- general ----------------------------------------------------------------------------

_HOSTILE_BYTES = st.one_of(
    st.binary(max_size=64),
    st.integers(1, 3000).map(lambda n: b"[" * n + b"]" * n),
    st.integers(1, 3000).map(lambda n: b"a = " + b"[" * n + b"]" * n),
    st.integers(60, 5000).map(lambda n: b'{"household": {}, "n": ' + b"7" * n + b"}"),
    st.sampled_from(
        [
            b'{"household": {"people": [{"id": "\\ud800"}]}, "receipts": []}',
            b'{"household": {}, "household": {}}',
            b'{"id": "p", "title": NaN}',
            b'{"id": "p", "title": "t", "activities": "Bath"}',
            b'id = "p"\ntitle = "\\u001b[31m"\n',
            b"\xef\xbb\xbf{}",
            b"\x00\x00\x00",
        ]
    ),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=_HOSTILE_BYTES, suffix=st.sampled_from([".json", ".toml"]))
@pytest.mark.parametrize("command", sorted(READING_COMMANDS))
def test_every_reading_command_ends_cleanly_on_hostile_files(
    command: str, data: bytes, suffix: str, tmp_path: Path, tried: Counter[str]
) -> None:
    tried[f"participatory {command} (hostile files)"] += 1
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    argv = [str(path) if part == "{file}" else part for part in READING_COMMANDS[command]]
    status, _out, err = run(argv)
    if status != 0:
        _assert_clean_failure(status, err, command)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_HOSTILE_BYTES)
@pytest.mark.parametrize("command", sorted(STDIN_COMMANDS))
def test_every_reading_command_ends_cleanly_on_hostile_standard_input(
    command: str, data: bytes, tried: Counter[str]
) -> None:
    tried[f"participatory {command} (hostile standard input)"] += 1
    status, _out, err = run(STDIN_COMMANDS[command], stdin=data)
    if status != 0:
        _assert_clean_failure(status, err, command)
