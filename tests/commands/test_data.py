""":mod:`participatory.commands.data`: unit tests."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from participatory.cli import main

EXAMPLES = Path(__file__).parents[2] / "examples"


def test_data_lists_every_figure_with_its_coverage_today(capsys):
    assert main(["data"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("participatory data as at ")
    assert out[1].startswith("Nearest date: ")
    # The NIHR card holds no amount (its table was never read): said, as it has no row.
    assert out[2] == "Rate cards holding no amount read at their source: nihr."
    header = out[3].split()
    assert header[:3] == ["FIGURE", "VALUE", "FROM"]
    assert "VERIFIED" in header
    assert any(line.startswith("rate_card.skills-for-care-2024.other.hour ") for line in out)
    # The NIHR card holds no amount (its table was never read), so it lists no figure.
    assert not any(line.startswith("rate_card.nihr.") for line in out)
    assert any("in force until superseded" in line for line in out)


def test_data_json_is_sorted_by_next_date_and_names_the_source(capsys):
    assert main(["data", "--as-at", "2026-12-06", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    figures = data["figures"]
    dated = [f["next_date"] for f in figures if f["next_date"]]
    assert dated == sorted(dated)
    # Skills for Care's £15 an hour, read only in Difference North East's guide (secondary).
    rate = next(f for f in figures if f["name"] == "rate_card.skills-for-care-2024.other.hour")
    assert rate["verified"] is False
    assert rate["source_key"] == "difference_ne_fair_payment_2024"
    assert rate["in_force_until_superseded"] is True
    assert rate["last_checked"] == "2026-12-06"
    assert data["cards_without_rates"] == ["nihr"]


def test_a_card_with_no_rates_is_named_only_when_asked_about(capsys):
    assert main(["data", "--only", "rate_card.tewv"]) == 0
    assert "no amount read" not in capsys.readouterr().out
    assert main(["data", "--only", "rate_card.nihr", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["cards_without_rates"] == ["nihr"]


def test_data_lists_an_institutions_own_files_with_the_bundled_ones(capsys, tmp_path):
    ours = tmp_path / "ours.toml"
    ours.write_text(
        '[sources.our_policy]\ntitle = "Our policy"\npublisher = "Us"\nprimary = true\n'
        "[payments.expenses.remote_meeting_contribution]\n"
        'description = "Ours."\nunit = "GBP"\nsuperseded = true\n'
        "[[payments.expenses.remote_meeting_contribution.values]]\n"
        'effective_from = 2026-08-01\nvalue = 7.50\nsource = "our_policy"\n'
        "verified = true\nchecked_on = 2025-01-01\n",
        encoding="utf-8",
    )
    argv = ["data", "--as-at", "2026-12-06", "--parameters", str(ours),
            "--rates", str(EXAMPLES / "institution-rate-card.toml"), "--format", "json",
            "--sort", "status"]  # fmt: skip
    assert main(argv) == 0
    figures = {f["name"]: f for f in json.loads(capsys.readouterr().out)["figures"]}
    remote = figures["payments.expenses.remote_meeting_contribution"]
    assert (remote["value"], remote["source"], remote["status"]) == (
        "7.50 GBP", "Our policy", "re-check due"
    )  # fmt: skip
    assert "rate_card.example-university-2026.training.hour" in figures


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["--as-at", "yesterday"], "--as-at"),
        (["--sort", "colour"], "--sort: must be one of"),
        (["--format", "xml"], "--format: must be one of text, json"),
        (["--parameters", "/nonexistent/figures.toml"], "cannot be read"),
        (["--rates", "/nonexistent/card.toml"], "cannot be read"),
    ],
)
def test_unusable_input_exits_2_with_one_line(capsys, argv, reason):
    assert main(["data", *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("participatory data: ")
    assert reason in captured.err


OURS = (
    '[sources.our_policy]\ntitle = "Our policy"\npublisher = "Us"\nprimary = true\n'
    "[payments.expenses.remote_meeting_contribution]\n"
    'description = "Ours."\nunit = "GBP"\nsuperseded = true\n'
    "[[payments.expenses.remote_meeting_contribution.values]]\n"
    'effective_from = 2026-08-01\nvalue = 7.50\nsource = "our_policy"\n'
    "verified = true\nchecked_on = {checked}\n"
)


@pytest.mark.parametrize(
    ("checked", "fail_on", "status"),
    [
        # Checked 2025-01-01: far past the review interval on 2026-12-06, due a re-check.
        ("2025-01-01", "warning", 1),
        ("2025-01-01", "problem", 0),
        # Checked on the day: current; the bundled cards still hold unverified figures.
        ("2026-12-06", "warning", 0),
        ("2026-12-06", "advice", 1),
    ],
)
def test_fail_on_fails_a_pipeline_on_a_figure_due_a_check(
    capsys, tmp_path, checked, fail_on, status
):
    ours = tmp_path / "ours.toml"
    ours.write_text(OURS.format(checked=checked), encoding="utf-8")
    argv = ["data", "--as-at", "2026-12-06", "--parameters", str(ours),
            "--only", "payments.expenses.remote", "--fail-on", fail_on]  # fmt: skip
    if fail_on == "advice":
        argv.remove("--only")
        argv.remove("payments.expenses.remote")
    assert main(argv) == status
    assert "remote_meeting_contribution" in capsys.readouterr().out


def test_an_institutions_files_can_come_on_standard_input(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(OURS.format(checked="2026-12-06")))
    argv = ["data", "--as-at", "2026-12-06", "--parameters", "-", "--format", "json",
            "--only", "payments.expenses.remote"]  # fmt: skip
    assert main(argv) == 0
    (figure,) = json.loads(capsys.readouterr().out)["figures"]
    assert (figure["value"], figure["file"]) == ("7.50 GBP", "<stdin>")


def test_a_rate_card_on_standard_input_is_laid_over_the_card_it_extends(capsys, monkeypatch):
    card = (EXAMPLES / "institution-rate-card.toml").read_text(encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO(card))
    argv = ["data", "--as-at", "2026-12-06", "--rates", "-", "--format", "json",
            "--only", "rate_card.example-university-2026."]  # fmt: skip
    assert main(argv) == 0
    names = {f["name"] for f in json.loads(capsys.readouterr().out)["figures"]}
    assert "rate_card.example-university-2026.training.hour" in names


def test_standard_input_can_be_read_once(capsys):
    assert main(["data", "--parameters", "-", "--rates", "-"]) == 2
    assert "standard input can be read once" in capsys.readouterr().err
