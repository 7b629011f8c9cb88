""":mod:`participatory.commands.data`: unit tests."""

from __future__ import annotations

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
    header = out[2].split()
    assert header[:3] == ["FIGURE", "VALUE", "FROM"]
    assert "VERIFIED" in header
    assert any(line.startswith("rate_card.nihr.meeting.hour ") for line in out)
    assert any("in force until superseded" in line for line in out)


def test_data_json_is_sorted_by_next_date_and_names_the_source(capsys):
    assert main(["data", "--as-at", "2026-12-06", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    figures = data["figures"]
    dated = [f["next_date"] for f in figures if f["next_date"]]
    assert dated == sorted(dated)
    nihr = next(f for f in figures if f["name"] == "rate_card.nihr.meeting.hour")
    assert nihr["verified"] is False
    assert nihr["source_key"] == "thecareruk_nihr_uplift_2025"
    assert nihr["in_force_until_superseded"] is True
    assert nihr["last_checked"] == "2026-12-06"


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
