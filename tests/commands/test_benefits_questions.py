"""``participatory benefits --question headroom|schedule``, and the CLI agreeing with the API.

Hand-worked figures (2025/26): Carer's Allowance is £83.30 a week, lost in full for a
benefit week whose earnings are over £196 (ICA Regs 1976 reg. 8; the 2025 up-rating).
Benefit weeks start on Monday (``benefit_week_start`` 0): 9-15 June 2025 is one week.

- Headroom on Tuesday 10 June 2025: £196.00 can be received that week without losing the
  allowance; with £150 already received on Monday 9 June, £196 - £150 = £46.00.
- A schedule for £400 on 10, 17 and 24 June (three weeks): £196 + £196 + £8 keeps every
  week's allowance (loss £0.00); all £400 on 10 June loses that week's £83.30.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.commands.running import run_cli

CARER = {"people": [{"id": "me", "carers_allowance": {"benefit_week_start": 0}}]}


_run = run_cli


def test_headroom_on_the_as_at_day() -> None:
    code, out, err = _run(
        ["benefits", "--question", "headroom", "--as-at", "2025-06-10"],
        json.dumps({"household": CARER, "person": "me"}),
    )
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["day"] == data["as_at"] == "2025-06-10"
    assert data["amount"] == "196.00 GBP"
    assert data["first_to_change"] == "carers_allowance"
    assert data["by_benefit"] == {"carers_allowance": "196.00 GBP"}


def test_headroom_counts_what_is_already_paid_and_takes_the_day_from_the_input() -> None:
    question = {
        "household": CARER,
        "day": "2025-06-10",
        "already": [{"amount": "150.00 GBP", "received_on": "2025-06-09", "person": "me"}],
    }
    code, out, _ = _run(["benefits", "--question", "headroom"], json.dumps(question))
    assert code == 0
    assert json.loads(out)["amount"] == "46.00 GBP"


def test_headroom_refuses_two_different_days() -> None:
    code, out, err = _run(
        ["benefits", "--question", "headroom", "--as-at", "2025-06-11"],
        json.dumps({"household": CARER, "day": "2025-06-10"}),
    )
    assert (code, out) == (2, "")
    assert "--as-at" in err


def test_the_best_schedule_spreads_a_total_over_the_weeks() -> None:
    question = {
        "household": CARER,
        "person": "me",
        "total": "400.00 GBP",
        "days": ["2025-06-10", "2025-06-17", "2025-06-24"],
    }
    code, out, _ = _run(["benefits", "--question", "schedule"], json.dumps(question))
    assert code == 0
    data = json.loads(out)
    assert [(i["received_on"], i["amount"]) for i in data["instalments"]] == [
        ("2025-06-10", "196.00 GBP"),
        ("2025-06-17", "196.00 GBP"),
        ("2025-06-24", "8.00 GBP"),
    ]
    assert (data["loss"], data["loss_if_paid_at_once"]) == ("0.00 GBP", "83.30 GBP")
    assert {f["rule_id"] for f in data["findings"]} >= {"BEN-PLAN-SCHEDULE", "BEN-PLAN-HONESTY"}


def test_the_schedule_in_words_lists_each_instalment() -> None:
    question = {"household": CARER, "total": "400.00 GBP",
                "days": ["2025-06-10", "2025-06-17", "2025-06-24"]}  # fmt: skip
    code, out, _ = _run(
        ["benefits", "--question", "schedule", "--format", "text"], json.dumps(question)
    )
    assert code == 0
    assert out.splitlines()[:3] == ["10 June 2025: £196.00", "17 June 2025: £196.00",
                                    "24 June 2025: £8.00"]  # fmt: skip
    code, md, _ = _run(
        ["benefits", "--question", "schedule", "--format", "markdown"], json.dumps(question)
    )
    assert md.splitlines()[0] == "- 10 June 2025: £196.00"


@pytest.mark.parametrize(
    ("argv", "question", "named"),
    [
        (["--question", "cliff"], {"household": CARER}, "--question"),
        (["--question", "schedule"], {"household": CARER}, "total: is missing"),
        (["--question", "schedule"], {"household": CARER, "total": "4 GBP", "days": "2025-06-10"},
         "days: must be a list"),
        (["--question", "headroom"], {"household": CARER, "receipts": []},
         "unknown key(s): receipts"),
        (["--question", "headroom"], {"household": CARER, "allow_stale": "yes"}, "allow_stale"),
    ],
)  # fmt: skip
def test_an_unusable_question_is_one_line(argv: list[str], question: Any, named: str) -> None:
    code, out, err = _run(["benefits", *argv], json.dumps(question))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert named in err


def test_a_headroom_question_given_to_assess_gets_the_hint() -> None:
    code, _, err = _run(["assess", "-"], json.dumps({"household": CARER, "day": "2025-06-10"}))
    assert code == 2
    assert "participatory benefits" in err


def test_the_effect_question_records_the_date_it_was_asked() -> None:
    """The effect is dated by the receipts (£250 on 10 June 2025: the next carer week's
    £83.30 is lost whatever the date asked); --as-at is recorded, as every command takes it."""
    question = {"household": CARER,
                "receipts": [{"amount": "250.00 GBP", "received_on": "2025-06-10"}]}  # fmt: skip
    code, out, _ = _run(["benefits", "--as-at", "2026-12-06"], json.dumps(question))
    assert code == 0
    data = json.loads(out)
    assert (data["as_at"], data["change"]) == ("2026-12-06", "-83.30 GBP")
    code, out, err = _run(["benefits", "--as-at", "6/12/2026"], json.dumps(question))
    assert (code, out) == (2, "")
    assert "--as-at" in err


#: A day past the bundled Carer's Allowance figures (known current to 5 April 2027).
PAST_THE_DATA = "2029-06-11"


def test_a_figure_past_its_data_is_refused_unless_on_stale_report() -> None:
    """On 11 June 2029 the last known earnings limit (£204 a week from 6 April 2026) is
    stale: refused by default, as the Python API refuses it; with ``--on-stale report`` the
    headroom is that £204.00, with a warning for each stale figure used (the earnings limit
    and the weekly rate)."""
    question = json.dumps({"household": CARER})
    refused = _run(["benefits", "--question", "headroom", "--as-at", PAST_THE_DATA], question)
    assert refused[:2] == (2, "")
    # Which figure stopped it says what the household claims: named only when asked.
    assert "2029-06-11" in refused[2]
    assert "carers_allowance" not in refused[2]
    assert refused[2].count("\n") == 1
    argv = ["benefits", "--question", "headroom", "--as-at", PAST_THE_DATA]
    refused = _run([*argv, "--include-sensitive"], question)
    assert refused[:2] == (2, "")
    assert "carers_allowance.earnings_limit" in refused[2]
    code, out, err = _run(
        ["benefits", "--question", "headroom", "--as-at", PAST_THE_DATA, "--on-stale", "report"],
        question,
    )
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["amount"] == "204.00 GBP"
    stale = [f for f in data["findings"] if f["rule_id"] == "BEN-STALE-PARAMETERS"]
    assert sorted(p["name"] for f in stale for p in f["parameters"]) == [
        "carers_allowance.earnings_limit",
        "carers_allowance.weekly_rate",
    ]


@pytest.mark.parametrize(
    ("option", "allow_stale", "code"),
    [("report", True, 0), ("refuse", False, 2), ("report", False, 2), ("refuse", True, 2)],
)
def test_on_stale_and_the_inputs_allow_stale_must_agree(
    option: str, allow_stale: bool, code: int
) -> None:
    question = json.dumps({"household": CARER, "allow_stale": allow_stale})
    argv = ["benefits", "--question", "headroom", "--as-at", PAST_THE_DATA, "--on-stale", option]
    got, out, err = _run(argv, question)
    assert got == code
    if option == "report" and allow_stale:
        assert json.loads(out)["amount"] == "204.00 GBP"
    elif (option == "report") is not allow_stale:
        assert out == ""
        assert err == (
            f"participatory benefits: --on-stale: is {option}, but the input says "
            f"allow_stale is {str(allow_stale).lower()}\n"
        )
    else:  # both refuse: the stale figure is refused, as without the option
        assert "the benefit figures do not cover 2029-06-11" in err
