import json
from decimal import Decimal
from pathlib import Path

import pytest

from participatory.cli import main

EXAMPLES = Path(__file__).parents[2] / "examples"


def test_cost_text(capsys):
    code = main(["cost", "--card", "nihr", "--activity", "meeting", "--hours", "2",
                 "--preparation-hours", "1", "--on", "2026-01-15"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines()[0] == "The fee for meeting on the nihr rate card is £82.50."
    assert "not checked against its source" in out


def test_cost_json(capsys):
    code = main(["cost", "--card", "whitworth", "--activity", "advisory_group", "--sessions", "3",
                 "--on", "2022-07-20", "--format", "json"])  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["fee"] == {"amount": "270.00", "currency": "GBP"}
    assert data["findings"][0]["rule_id"] == "PAY-FEE"


def test_cost_with_institution_rates(capsys):
    card = str(EXAMPLES / "institution-rate-card.toml")
    code = main(["cost", "--rates", card, "--activity", "full_day_workshop", "--days", "1",
                 "--on", "2026-09-01"])  # fmt: skip
    assert code == 0
    assert "is £180.00." in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["--card", "whitworth", "--activity", "advisory_group", "--days", "1",
          "--on", "2026-01-01"], "not available on 2026-01-01"),
        (["--card", "nope", "--activity", "meeting", "--hours", "1", "--on", "2026-01-01"], "nope"),
        (["--card", "nihr", "--activity", "meeting", "--hours", "-1", "--on", "2026-01-01"],
         "must not be negative"),
        (["--card", "nihr", "--activity", "meeting", "--on", "2026-01-01"], "--hours"),
        (["--plan", "/nonexistent/plan.toml"], "cannot read"),
        (["--rates", "/nonexistent/card.toml", "--activity", "meeting", "--hours", "1"],
         "cannot be read"),
    ],
)  # fmt: skip
def test_unusable_input_exits_2_with_one_line(capsys, argv, reason):
    assert main(["cost", *argv]) == 2
    err = capsys.readouterr().err
    assert reason in err
    assert len(err.strip().splitlines()) == 1


def test_unknown_activity_is_an_argparse_error(capsys):
    assert main(["cost", "--card", "nihr", "--activity", "dancing", "--hours", "1"]) == 2


def test_plan_text(capsys):
    code = main(["cost", "--plan", str(EXAMPLES / "payment-plan.toml"), "--as-at", "2026-07-01",
                 "--week-start", "monday"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert "Total £1,609.00: fees £1,350.00, expenses £259.00; declined fees £450.00." in out
    assert "  amira 2026-04-06..2027-04-05: fees £450.00, expenses £5.40" in out
    assert "Per benefit week:" in out
    assert "ben-pot-s2 to ben (£90.00) is overdue" in out
    assert "amira-s2 to amira (£90.00) was paid on 30 June 2026, 5 working day(s)" in out


def test_plan_json(capsys):
    code = main(["cost", "--plan", str(EXAMPLES / "payment-plan.toml"), "--as-at", "2026-07-01",
                 "--assessment-period-from", "2026-01-20", "--format", "json"])  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["cost_summary"]["fees"] == {"amount": "1350.00", "currency": "GBP"}
    assert sum(Decimal(t["for_time"]["amount"]) for t in data["assessment_periods"]) == 1350
    overdue = [f for f in data["timeliness"]["findings"] if f["rule_id"] == "PAY-OVERDUE"]
    assert [f["values"]["payment"] for f in overdue] == ["ben-pot-s2"]
