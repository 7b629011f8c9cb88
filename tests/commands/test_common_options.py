"""The options every command shares: --as-at, --format, --locale, --output, --fail-on, stdin.

Each command is run as a user would run it (through ``main``); the expected exit statuses for
``--fail-on`` come from severities read off each example's findings by hand:
``examples/mental-health-festival.toml`` on 2026-10-01 has problems but nothing to refer;
``examples/arts-coproduction.toml`` has its only problems in findings withheld as sensitive;
``examples/payment-plan.toml`` on 2026-07-01 has a late payment (problem) and nothing to
refer; a Carer's Allowance claimant paid £250 in a week loses that week's allowance
(a problem, nothing to refer); an advisory group that analyses no one's data is involvement
(advice at most); a payment to a contributor with no recorded circumstances is only
information.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from participatory.cli import build_parser, main

ALL = frozenset({"--as-at", "--format", "--locale", "--output", "--fail-on"})

#: What each command answers with: the shared options it must have (and no others of them).
OPTIONS: dict[tuple[str, ...], frozenset[str]] = {
    ("assess",): ALL,
    ("benefits",): ALL,
    ("ethics",): ALL,
    ("cost",): ALL,
    ("data",): frozenset({"--as-at", "--format", "--output", "--fail-on"}),
    ("schema",): frozenset({"--format", "--output"}),
    ("ledger", "check"): ALL,
    ("ledger", "headroom"): ALL,
    ("ledger", "over-asking"): ALL,
    ("ledger", "statement"): ALL - {"--fail-on"},
    ("ledger", "erase-expired"): frozenset({"--as-at", "--format", "--locale", "--output"}),
}

BENEFITS = {
    "household": {"people": [{"carers_allowance": {}}]},
    "receipts": [{"amount": "250.00 GBP", "received_on": "2025-06-10"}],
}
ETHICS = {
    "activity": {
        "id": "advisory-group",
        "parties": [{"label": "advisers", "capacity": "public_contributor",
                     "tasks": ["advise"], "facts": {"own_data_analysed": False}}],
    }
}  # fmt: skip


def _subparser(path: tuple[str, ...]) -> argparse.ArgumentParser:
    parser = build_parser()
    for name in path:
        actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        parser = actions[0].choices[name]
    return parser


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        code = main(argv)
    finally:
        sys.stdout, sys.stderr = saved
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def argv_for(tmp_path: Path) -> Callable[[tuple[str, ...]], list[str]]:
    """A working command line for each command (a ledger with one contributor)."""
    ledger = str(tmp_path / "office.sqlite3")
    assert _run(["ledger", "init", "--ledger", ledger])[0] == 0
    assert _run(["ledger", "add", "contributor", "c-7", "--ledger", ledger])[0] == 0
    benefits = tmp_path / "question.json"
    benefits.write_text(json.dumps(BENEFITS), encoding="utf-8")
    ethics = tmp_path / "activity.json"
    ethics.write_text(json.dumps(ETHICS), encoding="utf-8")
    lines: dict[tuple[str, ...], list[str]] = {
        ("assess",): ["assess", "examples/river-citizen-science.toml", "--as-at", "2026-10-01"],
        ("benefits",): ["benefits", str(benefits)],
        ("ethics",): ["ethics", str(ethics), "--as-at", "2026-03-02"],
        ("cost",): ["cost", "--card", "whitworth", "--activity", "advisory_group", "--days",
                    "1", "--as-at", "2022-07-20"],
        ("data",): ["data", "--as-at", "2026-12-06", "--only", "rate_card.tewv"],
        ("schema",): ["schema"],
        ("ledger", "check"): ["ledger", "check", "--person", "c-7", "--amount", "150.00",
                              "--received-on", "2026-01-14", "--as-at", "2026-01-10"],
        ("ledger", "headroom"): ["ledger", "headroom", "--person", "c-7", "--day",
                                 "2026-01-15", "--as-at", "2026-01-10"],
        ("ledger", "over-asking"): ["ledger", "over-asking", "--as-at", "2026-12-06"],
        ("ledger", "statement"): ["ledger", "statement", "--person", "c-7", "--tax-year",
                                  "2025", "--as-at", "2026-01-10"],
        ("ledger", "erase-expired"): ["ledger", "erase-expired", "--as-at", "2026-12-06"],
    }  # fmt: skip

    def argv(path: tuple[str, ...]) -> list[str]:
        line = list(lines[path])
        return [*line, "--ledger", ledger] if path[0] == "ledger" else line

    return argv


COMMANDS = sorted(OPTIONS)


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_each_command_has_the_shared_options_it_needs(path: tuple[str, ...]) -> None:
    parser = _subparser(path)
    strings = {s for action in parser._actions for s in action.option_strings}
    assert strings & ALL == OPTIONS[path]
    assert "exit status" in (parser.epilog or "").lower()


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_each_command_works_as_given(path: tuple[str, ...], argv_for) -> None:
    code, out, err = _run(argv_for(path))
    assert (code, err) == (0, "")
    assert out


@pytest.mark.parametrize(
    ("option", "value"),
    [("--format", "xml"), ("--locale", "de"), ("--fail-on", "severe"), ("--as-at", "2026-02-30")],
)
@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_an_unusable_shared_option_is_one_line_naming_it(
    path: tuple[str, ...], option: str, value: str, argv_for, tmp_path: Path
) -> None:
    if option not in OPTIONS[path]:
        pytest.skip(f"{' '.join(path)} has no {option}")
    target = tmp_path / "answer.out"
    code, out, err = _run([*argv_for(path), option, value, "--output", str(target)])
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert option in err
    assert not target.exists()


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_output_writes_exactly_what_would_be_printed(
    path: tuple[str, ...], argv_for, tmp_path: Path
) -> None:
    printed = _run(argv_for(path))[1]
    target = tmp_path / "answer.out"
    code, out, err = _run([*argv_for(path), "--output", str(target)])
    assert (code, out, err) == (0, "", "")
    assert target.read_text(encoding="utf-8") == printed
    assert target.stat().st_mode & 0o077 == 0  # the answer may be a person's: owner only


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_output_on_unusable_input_leaves_no_file_and_keeps_an_old_one(
    path: tuple[str, ...], argv_for, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    fresh, old = folder / "fresh.out", folder / "old.out"
    old.write_text("the last good answer\n", encoding="utf-8")
    if "--as-at" in OPTIONS[path]:
        bad = ["--as-at", "2026-13-01"]
    elif path == ("benefits",):
        bad = []
    else:
        bad = ["--format", "yaml"]
    for target in (fresh, old):
        argv = argv_for(path)
        if path == ("benefits",):
            argv = ["benefits", "examples/arts-coproduction.toml"]  # not a benefits question
        code, out, err = _run([*argv, *bad, "--output", str(target)])
        assert (code, out, err.count("\n")) == (2, "", 1)
    assert sorted(p.name for p in folder.iterdir()) == ["old.out"]  # no partial file
    assert old.read_text(encoding="utf-8") == "the last good answer\n"


def test_output_to_a_folder_that_is_not_there_is_one_line(tmp_path: Path) -> None:
    code, out, err = _run(["schema", "--output", str(tmp_path / "missing" / "schema.json")])
    assert (code, out) == (2, "")
    assert err.startswith("participatory schema: --output: cannot be written")


def test_output_to_the_longest_name_allowed_is_written(tmp_path: Path) -> None:
    """TRY8: the temporary file was '.<name>.<random>', too long for a name near the limit."""
    target = tmp_path / ("s" * 255)  # NAME_MAX on Linux
    assert _run(["schema", "--output", str(target)])[:2] == (0, "")
    assert target.read_text(encoding="utf-8").startswith("{")
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_output_goes_through_a_short_owner_only_file_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from participatory.commands._options import write_whole

    seen: list[tuple[str, int, str]] = []
    replace = os.replace

    def watched(source: str, target: Path) -> None:
        temporary = Path(source)
        seen.append((temporary.name, temporary.stat().st_mode & 0o777, temporary.read_text()))
        replace(source, target)

    monkeypatch.setattr(os, "replace", watched)
    target = tmp_path / ("r" * 250)
    target.write_text("old", encoding="utf-8")
    write_whole(str(target), "new answer")
    [(name, mode, text)] = seen
    assert Path(name).parent == Path(".")
    assert name.startswith(".participatory-")
    assert len(name) < 32
    assert (mode, text) == (0o600, "new answer")
    assert target.read_text(encoding="utf-8") == "new answer"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_output_that_cannot_be_renamed_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from participatory.commands._options import write_whole
    from participatory.core.errors import ValidationError

    def refused(_source: str, _target: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refused)
    target = tmp_path / "answer.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(ValidationError) as raised:
        write_whole(str(target), "new")
    assert str(raised.value) == "--output: cannot be written (Permission denied)"
    assert [p.name for p in tmp_path.iterdir()] == ["answer.json"]
    assert target.read_text(encoding="utf-8") == "old"


def test_output_whose_path_cannot_be_looked_at_is_one_line(tmp_path: Path) -> None:
    """TRY8: Path.exists() raises ENAMETOOLONG (EACCES alike) instead of answering False."""
    code, out, err = _run(["schema", "--output", str(tmp_path / ("n" * 300) / "schema.json")])
    assert (code, out) == (2, "")
    assert err == "participatory schema: --output: cannot be written (File name too long)\n"
    assert list(tmp_path.iterdir()) == []


FAIL_ON = [
    pytest.param(["assess", "examples/mental-health-festival.toml", "--as-at", "2026-10-01"],
                 "problem", "refer", id="assess"),
    pytest.param(["cost", "--plan", "examples/payment-plan.toml", "--as-at", "2026-07-01"],
                 "problem", "refer", id="cost-plan"),
    pytest.param(["benefits", "{benefits}"], "problem", "refer", id="benefits"),
    pytest.param(["ethics", "{ethics}", "--as-at", "2026-03-02"], "advice", "warning",
                 id="ethics"),
    pytest.param(["ledger", "check", "--person", "c-7", "--amount", "150.00", "--received-on",
                  "2026-01-14", "--as-at", "2026-01-10", "--ledger", "{ledger}"],
                 "info", "advice", id="ledger-check"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "present", "absent"), FAIL_ON)
def test_fail_on_exits_1_at_or_above_a_present_severity_and_0_otherwise(
    argv: list[str], present: str, absent: str, argv_for, tmp_path: Path
) -> None:
    argv_for(("ledger", "check"))  # makes the ledger and the JSON inputs in tmp_path
    names = {"benefits": tmp_path / "question.json", "ethics": tmp_path / "activity.json",
             "ledger": tmp_path / "office.sqlite3"}  # fmt: skip
    line = [part.format(**names) for part in argv]
    printed = _run(line)
    assert printed[0] == 0
    target = tmp_path / "answer.out"
    code, out, err = _run([*line, "--fail-on", present, "--output", str(target)])
    assert (code, out, err) == (1, "", "")
    assert target.read_text(encoding="utf-8") == printed[1]  # the answer is still written
    assert _run([*line, "--fail-on", absent]) == printed
    assert _run([*line, "--fail-on", "info"])[0] == 1  # every answer has a finding


def test_fail_on_counts_findings_withheld_as_sensitive() -> None:
    argv = ["assess", "examples/arts-coproduction.toml", "--as-at", "2026-10-01", "--format",
            "json"]  # fmt: skip
    code, out, _ = _run(argv)
    shown = {f["severity"] for s in json.loads(out)["sections"] for f in s["findings"]}
    assert code == 0
    assert "problem" not in shown  # its problems are all about people's own data
    code, again, _ = _run([*argv, "--fail-on", "problem"])
    assert (code, again) == (1, out)  # counted, never printed


def test_cost_reads_a_plan_from_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    argv = ["cost", "--as-at", "2026-07-01", "--format", "json", "--plan"]
    from_file = _run([*argv, "examples/payment-plan.toml"])
    text = Path("examples/payment-plan.toml").read_text(encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    assert _run([*argv, "-"]) == from_file


def test_ledger_import_reads_an_export_from_standard_input(
    argv_for, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv_for(("ledger", "check"))
    ledger, copy = str(tmp_path / "office.sqlite3"), str(tmp_path / "copy.sqlite3")
    code, export, _ = _run(["ledger", "export", "--ledger", ledger])
    assert code == 0
    assert _run(["ledger", "init", "--ledger", copy])[0] == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO(export))
    assert _run(["ledger", "import", "-", "--ledger", copy]) == (0, "Added 1, replaced 0.\n", "")
    assert _run(["ledger", "export", "--ledger", copy])[1] == export


@pytest.mark.parametrize(
    ("argv", "hint"),
    [
        (["assess", "examples/payment-plan.toml"],
         "this looks like a payment plan, not a project file: "
         "use `participatory cost --plan examples/payment-plan.toml`"),
        (["assess", "examples/institution-rate-card.toml"],
         "this looks like a rate card, not a project file: "
         "use `participatory assess PROJECT --rates examples/institution-rate-card.toml`"),
        (["benefits", "examples/arts-coproduction.toml"],
         "this looks like a project file, not a benefits question: "
         "use `participatory assess examples/arts-coproduction.toml`"),
        (["ethics", "examples/payment-plan.toml"],
         "this looks like a payment plan, not an ethics question: "
         "use `participatory cost --plan examples/payment-plan.toml`"),
    ],
)  # fmt: skip
def test_a_file_for_another_command_gets_one_line_naming_the_command(
    argv: list[str], hint: str
) -> None:
    code, out, err = _run(argv)
    assert (code, out) == (2, "")
    assert err == f"participatory {argv[0]}: {argv[1]}: {hint}\n"


def test_a_benefits_question_on_standard_input_to_assess_gets_the_hint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(BENEFITS)))
    code, _, err = _run(["assess", "-"])
    assert code == 2
    assert err.endswith("use `participatory benefits FILE`\n")


def test_a_broken_project_file_keeps_the_loaders_problems(tmp_path: Path) -> None:
    project = tmp_path / "project.toml"
    project.write_text('id = "p"\ntitle = "T"\n[[people]]\nid = 3\n', encoding="utf-8")
    code, _, err = _run(["assess", str(project)])
    assert code == 2
    assert "looks like" not in err
    assert "people[0].id" in err


@pytest.mark.parametrize(
    ("path", "option"),
    [
        (("ledger", "check"), "--received-on"),  # PaymentEntry.received_on
        (("ledger", "headroom"), "--day"),  # assess_headroom(ledger, person, day, as_at=...)
    ],
)
def test_the_payments_date_is_named_as_the_api_names_it(
    path: tuple[str, ...], option: str, argv_for
) -> None:
    argv = argv_for(path)
    assert option in argv
    at = argv.index(option)
    code, out, err = _run([*argv[:at], "--on", *argv[at + 1 :]])  # the old spelling
    assert (code, out) == (2, "")
    # One line: the option now needed (--received-on), or --on refused as unknown (--day
    # is optional), not argparse's usage.
    assert err.count("\n") == 1, err
    assert err.startswith("participatory ledger: "), err
    assert f"required: {option}" in err or "unrecognized arguments: --on " in err, err


@pytest.mark.parametrize(
    ("file", "hint"),
    [
        ("examples/arts-coproduction.toml",
         "this looks like a project file, not a payment plan: "
         "use `participatory assess examples/arts-coproduction.toml`"),
        ("examples/institution-rate-card.toml",
         "this looks like a rate card, not a payment plan: "
         "use `participatory assess PROJECT --rates examples/institution-rate-card.toml`"),
    ],
)  # fmt: skip
def test_a_plan_that_is_another_file_gets_one_line_naming_the_command(file: str, hint: str) -> None:
    code, out, err = _run(["cost", "--plan", file])
    assert (code, out) == (2, "")
    assert err == f"participatory cost: --plan: {file}: {hint}\n"


def test_output_dash_is_standard_output() -> None:
    assert _run(["schema", "--output", "-"]) == _run(["schema"])


@pytest.mark.parametrize("path", [p for p in COMMANDS if "--locale" in OPTIONS[p]], ids=" ".join)
def test_each_command_with_sentences_answers_in_welsh(path: tuple[str, ...], argv_for) -> None:
    code, out, err = _run([*argv_for(path), "--locale", "cy"])
    assert (code, err) == (0, "")
    assert out


@pytest.mark.parametrize("path", [p for p in COMMANDS if "--format" in OPTIONS[p]], ids=" ".join)
def test_each_format_a_command_lists_is_produced(path: tuple[str, ...], argv_for) -> None:
    parser = _subparser(path)
    formats = parser.get_default("format_choices")
    assert formats
    for form in formats:
        code, out, err = _run([*argv_for(path), "--format", form])
        assert (code, err) == (0, ""), form
        if form == "json":
            json.loads(out)


def test_output_through_a_link_replaces_the_file_it_points_to(tmp_path: Path) -> None:
    """``--output answer.json`` where answer.json is a link to reports/answer.json: the
    renamed temporary file replaced the link itself; the link must stay, and the file it
    points to get the answer (written through a temporary file beside that file)."""
    reports = tmp_path / "reports"
    reports.mkdir()
    real = reports / "answer.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "answer.json"
    link.symlink_to(Path("reports") / "answer.json")
    assert _run(["schema", "--output", str(link)])[:2] == (0, "")
    assert link.is_symlink()
    assert link.readlink() == Path("reports") / "answer.json"
    assert real.read_text(encoding="utf-8") == _run(["schema"])[1]
    assert sorted(p.name for p in reports.iterdir()) == ["answer.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answer.json", "reports"]


def test_output_through_a_dangling_link_writes_its_target(tmp_path: Path) -> None:
    """A link to a file not yet there, in a folder that is: the file is written there."""
    link = tmp_path / "answer.json"
    link.symlink_to("written.json")
    assert _run(["schema", "--output", str(link)])[:2] == (0, "")
    assert link.is_symlink()
    assert (tmp_path / "written.json").read_text(encoding="utf-8").startswith("{")


def test_output_through_a_link_to_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    link = tmp_path / "answer.json"
    link.symlink_to(tmp_path / "missing" / "answer.json")
    code, out, err = _run(["schema", "--output", str(link)])
    assert (code, out) == (2, "")
    assert err == "participatory schema: --output: cannot be written (No such file or directory)\n"
    assert link.is_symlink()
    assert [p.name for p in tmp_path.iterdir()] == ["answer.json"]


def test_output_through_a_loop_of_links_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    code, out, err = _run(["schema", "--output", str(tmp_path / "a")])
    assert (code, out) == (2, "")
    assert err.startswith("participatory schema: --output: cannot be written (")
    assert err.count("\n") == 1
    assert (tmp_path / "a").is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]


#: Negative numbers argparse took for options ("expected one argument") unless written
#: --amount=VALUE: an exponent, a comma, a point with no leading digit.
NEGATIVE = ["-1e3", "-1.5e2", "-.5", "-1,000", "-1"]


@pytest.mark.parametrize("value", NEGATIVE)
def test_a_negative_number_after_an_option_is_its_value(value: str, tmp_path: Path) -> None:
    """``--amount -1e3`` reaches the command's own check, as ``--amount=-1e3`` does: one
    line naming --amount, not argparse's "expected one argument"."""
    ledger = str(tmp_path / "none.sqlite3")  # the amount is refused before it is opened
    base = ["ledger", "check", "--person", "c-7", "--received-on", "2026-01-14",
            "--ledger", ledger]  # fmt: skip
    spaced = _run([*base, "--amount", value])
    joined = _run([*base, f"--amount={value}"])
    assert spaced == joined
    code, out, err = spaced
    assert (code, out) == (2, "")
    assert err.startswith("participatory ledger: --amount: ")
    assert "expected one argument" not in err
    assert err.count("\n") == 1


@pytest.mark.parametrize("value", NEGATIVE)
def test_a_negative_number_reaches_an_abbreviated_option(value: str) -> None:
    spaced = _run(["cost", "--card", "whitworth", "--activity", "meeting", "--preparation",
                   value, "--hours", "1", "--as-at", "2022-07-20"])  # fmt: skip
    assert spaced[0] == 2
    assert spaced[2].startswith("participatory cost: --preparation-hours: ")


def test_options_and_help_are_read_as_before_beside_negative_numbers() -> None:
    """Only a value that looks like a negative number is joined: an option after an option
    that wants a value is still refused, -h still prints the help, and a flag is not given
    the number that follows it."""
    code, out, err = _run(["cost", "--card", "whitworth", "--as-at", "--format", "json"])
    assert (code, out) == (2, "")
    assert err == "participatory cost: --as-at: expected one argument\n"
    code, out, _ = _run(["cost", "-h"])
    assert code == 0
    assert out.startswith("usage: participatory cost")
    code, _, err = _run(["ethics", "--include-sensitive", "-1e3"])
    assert code == 2
    assert "--include-sensitive=" not in err
