""":mod:`participatory.commands.cost`: unit tests.

Issue 11's privacy defaults at the edges: commands, payment notes and file errors.

"No log, error or rendered report (unless the caller opts in)" shows a person's
circumstances. The library-level defaults (serialisation, sentences, the report view) are
tested beside their modules; these are the places a person's data leaves the library.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from participatory.cli import main
from participatory.core.money import parse_money_text
from participatory.testing.bad_input import toml_text

EXAMPLES = Path(__file__).parents[2] / "examples"


def test_cost_text(capsys):
    """Skills for Care, £15 an hour, read only in Difference North East's guide ("Skills for
    Care | £15 per hour |", difference_ne_fair_payment_2024#skills_for_care), so unverified.
    The card pays "other" by the hour and states no preparation rule: a 2-hour meeting with
    1 hour of preparation is 3 h x £15 = £45.00.
    """
    code = main(["cost", "--card", "skills_for_care", "--activity", "meeting", "--hours", "2",
                 "--preparation-hours", "1", "--as-at", "2026-01-15"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    first = "The fee for meeting on the skills-for-care-2024 rate card is £45.00."
    assert out.splitlines()[0] == first
    assert "was not verified at a primary source" in out


def test_cost_json_citations_are_catalogue_keys_with_one_table_of_sources(capsys):
    code = main(["cost", "--card", "skills_for_care", "--activity", "meeting", "--hours", "2",
                 "--as-at", "2026-01-15", "--format", "json"])  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    fee = data["findings"][0]
    assert fee["citations"] == [{
        "source": "difference_ne_fair_payment_2024", "pinpoint": "Examples of payment rates",
        "verified": False,
    }]  # fmt: skip
    rate = fee["parameters"][0]
    assert rate["source"]["source"] == "difference_ne_fair_payment_2024"
    assert (rate["verified"], rate["checked_on"], rate["review_due"]) == (
        False,
        "2026-12-06",
        False,
    )
    assert data["sources"]["difference_ne_fair_payment_2024"]["primary"] is False
    assert "note" not in json.dumps(data["sources"])


def test_the_nihr_card_refuses_with_one_line_saying_it_holds_no_rates(capsys):
    """NIHR's rate table was never read (nihr_payment_guidance_researchers_2024#rate_table)
    and the remembered amounts were removed: costing on the card, with or without a date,
    exits 2 with one line naming the card and how to go on.
    """
    for dated in ([], ["--as-at", "2026-01-15"]):
        assert main(["cost", "--card", "nihr", "--activity", "meeting", "--hours", "2",
                     *dated]) == 2  # fmt: skip
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1
        assert "'nihr' rate card" in err
        assert "holds no rates" in err
        assert "lay your own card" in err


@pytest.mark.parametrize(
    ("card", "activity", "unit"),
    [
        ("blue_heart", "other", "--hours"),
        ("skills_for_care", "other", "--hours"),
        ("tewv", "other", "--sessions"),
        ("whitworth", "advisory_group", "--sessions"),
    ],
)
def test_every_card_in_force_until_superseded_costs_today(capsys, card, activity, unit):
    """Issue 15: `participatory cost` on every bundled card with today's date (no --as-at);
    the NIHR card, which holds no rates, refuses instead (tested above)."""
    assert main(["cost", "--card", card, "--activity", activity, unit, "1"]) == 0
    assert " rate card is £" in capsys.readouterr().out.splitlines()[0]


def test_the_ended_pilot_is_refused_today_with_its_known_end(capsys):
    """The Co-Production Collective's pilot rate ran 25 September 2024 to 31 March 2025."""
    assert main(["cost", "--card", "co_production_collective", "--activity", "other",
                 "--hours", "1"]) == 2  # fmt: skip
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "the data covers 2024-09-25 to 2025-03-31" in err


def test_every_bundled_card_is_tested_today():
    from participatory.payments import bundled_rate_cards

    tested = {"blue_heart", "nihr", "skills_for_care", "tewv", "whitworth"}
    assert set(bundled_rate_cards()) == tested | {"co_production_collective"}


def test_cost_json(capsys):
    code = main(["cost", "--card", "whitworth", "--activity", "advisory_group", "--sessions", "3",
                 "--as-at", "2022-07-20", "--format", "json"])  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["fee"] == "270.00 GBP"
    assert data["findings"][0]["rule_id"] == "PAY-FEE"


def test_cost_with_institution_rates(capsys):
    card = str(EXAMPLES / "institution-rate-card.toml")
    code = main(["cost", "--rates", card, "--activity", "full_day_workshop", "--days", "1",
                 "--as-at", "2026-09-01"])  # fmt: skip
    assert code == 0
    assert "is £180.00." in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["--card", "whitworth", "--activity", "advisory_group", "--days", "1",
          "--as-at", "2022-06-30"], "not available on 2022-06-30"),
        (["--card", "co_production_collective", "--activity", "other", "--hours", "1",
          "--as-at", "2026-01-01"], "not available on 2026-01-01"),
        (["--card", "nope", "--activity", "meeting", "--hours", "1", "--as-at", "2026-01-01"],
         "nope"),
        (["--card", "blue_heart", "--activity", "meeting", "--hours", "-1",
          "--as-at", "2026-12-06"], "must not be negative"),
        (["--card", "blue_heart", "--activity", "meeting", "--as-at", "2026-12-06"], "--hours"),
        (["--plan", "/nonexistent/plan.toml"], "cannot be read"),
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
    assert main(["cost", "--card", "blue_heart", "--activity", "dancing", "--hours", "1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("participatory cost: --activity: invalid choice: 'dancing'"), err
    assert err.count("\n") == 1  # one line, not argparse's usage


_COSTING = [["--card", "whitworth"], ["--rates", "card.toml"], ["--activity", "meeting"],
            ["--hours", "3"], ["--sessions", "1"], ["--half-days", "1"], ["--days", "1"],
            ["--preparation-hours", "0"]]  # fmt: skip


@pytest.mark.parametrize("option", _COSTING, ids=lambda option: option[0])
def test_an_option_for_costing_an_activity_is_refused_with_a_plan(capsys, option):
    """TRY8: ``cost --plan`` ignored the costing options: the answer was the plan's alone.

    Even --preparation-hours 0, which changes no cost, was asked for and cannot be honoured.
    """
    plan = str(EXAMPLES / "payment-plan.toml")
    assert main(["cost", "--plan", plan, *option, "--as-at", "2026-07-01"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"participatory cost: {option[0]}: is for costing an activity: leave it out with --plan\n"
    )


@pytest.mark.parametrize(
    "option", [["--week-start", "monday"], ["--assessment-period-from", "2026-01-20"]]
)
def test_an_option_for_checking_a_plan_is_refused_without_one(capsys, option):
    argv = ["cost", "--card", "whitworth", "--activity", "advisory_group", "--sessions", "1"]
    assert main([*argv, *option, "--as-at", "2026-07-01"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"participatory cost: {option[0]}: is for checking a payment plan: give --plan FILE\n"
    )


def test_preparation_left_out_is_no_preparation(capsys):
    """--preparation-hours has no default value any more (so --plan can tell it was given):
    left out it is still 0 hours. Whitworth 2022 pays an advisory group £90 a session, so one
    session is £90.00 either way.
    """
    argv = ["cost", "--card", "whitworth", "--activity", "advisory_group", "--sessions", "1",
            "--as-at", "2022-07-20"]  # fmt: skip
    assert main(argv) == 0
    left_out = capsys.readouterr().out
    assert main([*argv, "--preparation-hours", "0"]) == 0
    assert capsys.readouterr().out == left_out
    assert "£90.00" in left_out.splitlines()[0]


def test_plan_text(capsys):
    code = main(["cost", "--plan", str(EXAMPLES / "payment-plan.toml"), "--as-at", "2026-07-01",
                 "--week-start", "monday"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert "Total £1,609.00: fees £1,350.00, expenses £259.00; declined fees £450.00." in out
    assert "  amira 2026-04-06..2027-04-05: fees £450.00, expenses £5.40" in out
    assert "Per benefit week:" in out
    assert "ben-pot-s2 to ben (£90.00) is overdue" in out
    assert "amira-s2 to amira (£90.00) was paid on 30 June 2026, 5 working days" in out


def test_plan_json(capsys):
    code = main(["cost", "--plan", str(EXAMPLES / "payment-plan.toml"), "--as-at", "2026-07-01",
                 "--assessment-period-from", "2026-01-20", "--format", "json"])  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["cost_summary"]["fees"] == "1350.00 GBP"
    assert sum(parse_money_text(t["for_time"])[0] for t in data["assessment_periods"]) == 1350
    overdue = [f for f in data["timeliness"]["findings"] if f["rule_id"] == "PAY-OVERDUE"]
    assert [f["values"]["payment"] for f in overdue] == ["ben-pot-s2"]


NOTE = "NOTE-SENTINEL-taxi because of a mobility impairment"


def _run(argv: list[str], stdin: str | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.ExitStack() as stack:
        stack.enter_context(contextlib.redirect_stdout(out))
        stack.enter_context(contextlib.redirect_stderr(err))
        if stdin is not None:
            import sys

            old = sys.stdin
            sys.stdin = io.StringIO(stdin)
            stack.callback(setattr, sys, "stdin", old)
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_cost_never_prints_a_payment_note(tmp_path: Path, fmt: str) -> None:
    """``participatory cost --plan`` shows totals and lateness, never a payment's note."""
    text = (EXAMPLES / "payment-plan.toml").read_text(encoding="utf-8")
    document = tomllib.loads(text, parse_float=Decimal)
    changed = copy.deepcopy(document)
    for payment in changed["payments"]:
        payment["note"] = NOTE
    plan = tmp_path / "plan.toml"
    plan.write_text(toml_text(changed), encoding="utf-8")
    status, out, err = _run(["cost", "--plan", str(plan), "--as-at", "2026-07-01", "--format", fmt])
    assert status == 0, err
    assert "NOTE-SENTINEL" not in out + err


@pytest.mark.parametrize("locale", ["de", "xx_YY", ""])
def test_an_unusable_locale_is_one_line_naming_the_option(locale: str) -> None:
    argv = ["cost", "--card", "whitworth", "--activity", "advisory_group", "--days", "1",
            "--as-at", "2022-07-20", "--locale", locale]  # fmt: skip
    status, out, err = _run(argv)
    assert status == 2
    assert out == ""
    assert err == "participatory cost: --locale: must be one of en_GB, cy\n"


def test_cost_json_keys_are_sorted_like_every_other_command(capsys):
    """The shared edge helpers print JSON with sorted keys: the same input, the same bytes."""
    assert main(["cost", "--card", "whitworth", "--activity", "advisory_group", "--days", "1",
                 "--as-at", "2022-07-20", "--format", "json"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert out == json.dumps(json.loads(out), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    assert json.loads(out)["as_at"] == "2022-07-20"


@pytest.mark.parametrize(
    "option", ["--hours", "--sessions", "--half-days", "--days", "--preparation-hours"]
)
@pytest.mark.parametrize("value", ["-1", "-0.5", "-1,000"])
def test_a_negative_length_of_time_is_refused_naming_its_option(option: str, value: str) -> None:
    """``--hours -1`` was refused as "amount: must not be negative": the duration's own
    field, no option of the command. Each option is named as it was typed."""
    length = ["--hours", "1"] if option == "--preparation-hours" else []
    status, out, err = _run(["cost", "--card", "blue_heart", "--activity", "other", option,
                             value, *length, "--as-at", "2026-12-06"])  # fmt: skip
    assert (status, out) == (2, "")
    assert err == f"participatory cost: {option}: must not be negative\n"


def test_a_negative_number_of_hours_in_the_ledger_names_the_option(tmp_path: Path) -> None:
    """``ledger check --hours -1``: the entry says "hours: must be between 0 and 168"; the
    user typed --hours."""
    status, out, err = _run(["ledger", "check", "--person", "c-7", "--amount", "150.00",
                             "--received-on", "2026-01-14", "--hours", "-1",
                             "--ledger", str(tmp_path / "none.sqlite3")])  # fmt: skip
    assert (status, out) == (2, "")
    assert err == "participatory ledger: --hours: must be between 0 and 168\n"
