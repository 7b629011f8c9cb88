""":mod:`participatory.commands.benefits`: unit tests.

The assessment: sections, stale data, the payments-to-benefits join, the commands.

Issue 11's privacy defaults at the edges: commands, payment notes and file errors.

"No log, error or rendered report (unless the caller opts in)" shows a person's
circumstances. The library-level defaults (serialisation, sentences, the report view) are
tested beside their modules; these are the places a person's data leaves the library.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys

import pytest

from participatory.cli import main

SENTINEL = "SENTINEL-91c2"


def run(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None):
    saved = sys.stdin  # put back as it was: the real stdin could block a later read
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(argv))
    finally:
        sys.stdin = saved
    out, err = capsys.readouterr()
    return code, out, err


def test_benefits_command_answers_one_question(capsys):
    """£250 received on Wednesday 10 June 2026 (week 8-14 June) is over the £204 Carer's
    Allowance limit: the next week's £86.45 (15-21 June) is lost, and it is "me"'s own."""
    question = {
        "household": {"people": [{"id": "me", "carers_allowance": {"benefit_week_start": 0}}]},
        "payments": [{"id": "p1", "contributor": "me", "kind": "fee", "amount": "250.00 GBP",
                      "due_on": "2026-06-10"}],
    }  # fmt: skip
    code, out, _ = run(capsys, "benefits", stdin=json.dumps(question))
    answer = json.loads(out)
    assert code == 0
    assert (answer["paid"], answer["change"], answer["kept"]) == (
        "250.00 GBP",
        "-86.45 GBP",
        "163.55 GBP",
    )
    (outcome,) = answer["outcomes"]
    assert outcome["cliff"] is True
    assert outcome["person"] == "me"
    assert outcome["period"] == {"start": "2026-06-15", "end": "2026-06-21"}
    assert any("cliff edge" in f["sentence"] for f in answer["findings"])


def test_benefits_command_counts_what_is_already_paid(capsys):
    """£150 already on Tuesday 9 June 2026 and £100 more on the 10th: £250 in the week, over
    £204, so the next week's £86.45 is lost; of the £100 asked about, £13.55 is kept."""
    question = {
        "household": {"people": [{"id": "me", "carers_allowance": {}}]},
        "receipts": [{"amount": "100.00 GBP", "received_on": "2026-06-10", "person": "me"}],
        "already": [{"amount": "150.00 GBP", "received_on": "2026-06-09", "person": "me"}],
    }
    code, out, _ = run(capsys, "benefits", stdin=json.dumps(question))
    answer = json.loads(out)
    assert code == 0
    assert (answer["paid"], answer["change"], answer["kept"]) == (
        "100.00 GBP",
        "-86.45 GBP",
        "13.55 GBP",
    )


def test_benefits_command_answers_for_a_couple(capsys):
    """A joint UC claim from 1 May 2025 (a child born 2019, housing costs: one £411 work
    allowance). Each partner £300 in the AP 1-31 July 2025: £600 is £189 over, 55% = 103.95."""
    question = {
        "household": {
            "people": [{"id": "ann"}, {"id": "bo"}],
            "children": [{"born_on": "2019-03-01"}],
            "universal_credit": {"first_date_of_entitlement": "2025-05-01",
                                 "housing_costs_element": True, "housing_amount": "500.00 GBP"},
        },
        "receipts": [{"amount": "300.00 GBP", "received_on": "2025-07-10", "person": "ann"},
                     {"amount": "300.00 GBP", "received_on": "2025-07-20", "person": "bo"}],
    }  # fmt: skip
    code, out, _ = run(capsys, "benefits", stdin=json.dumps(question))
    answer = json.loads(out)
    assert code == 0
    assert answer["change"] == "-103.95 GBP"
    assert [o["person"] for o in answer["outcomes"]] == [None]


def test_benefits_command_refuses_bad_input_without_echoing_it(capsys):
    question = {"household": {"people": [{"esa": {"weekly_award": SENTINEL}}]}, "receipts": []}
    code, _, err = run(capsys, "benefits", stdin=json.dumps(question))
    assert code == 2
    # Where the problem is says what a member claims: counted by default (hardening.md) ...
    assert "household: 1 problem in special-category data, withheld" in err
    assert "weekly_award" not in err
    assert SENTINEL not in err
    # ... and described for the person entitled to it, the value still not echoed.
    code, _, err = run(capsys, "benefits", "--include-sensitive", stdin=json.dumps(question))
    assert code == 2
    assert "household.people[0].esa.weekly_award" in err
    assert SENTINEL not in err


def test_benefits_command_refuses_the_old_circumstances_key(capsys):
    question = {"circumstances": {"carers_allowance": {}}, "receipts": []}
    code, _, err = run(capsys, "benefits", stdin=json.dumps(question))
    assert code == 2
    assert "circumstances" in err
    assert "household" in err


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


def test_the_benefits_command_answers_the_person_with_their_own_figures() -> None:
    """The person asked about themselves: the sentences carry their figures (entitled)."""
    question = json.dumps(
        {
            "household": {"people": [{"carers_allowance": {}}]},
            "receipts": [{"amount": "250.00 GBP", "received_on": "2026-06-10"}],
        }
    )
    status, out, _ = _run(["benefits"], stdin=question)
    assert status == 0
    sentences = [f["sentence"] for f in json.loads(out)["findings"]]
    over = [s for s in sentences if "weekly limit" in s]
    assert over
    assert "£250.00" in over[0]
    assert "<redacted>" not in " ".join(sentences)


def test_a_payment_to_someone_outside_the_household_names_the_payment(capsys):
    question = {
        "household": {"people": [{"id": "me", "carers_allowance": {}}]},
        "payments": [{"id": "p1", "contributor": "someone", "kind": "fee",
                      "amount": "250.00 GBP", "due_on": "2026-06-10"}],
    }  # fmt: skip
    code, _, err = run(capsys, "benefits", stdin=json.dumps(question))
    assert code == 2
    assert "payments[0]" in err


def test_payments_to_a_household_given_without_ids_are_the_contributors_own(capsys):
    """As in a project file: a household without ids is the paid contributor's. £250 on
    Wednesday 10 June 2026 (the 2026/27 limit is £204) loses the carer week of 15-21 June."""
    question = {
        "household": {"people": [{"carers_allowance": {}}]},
        "payments": [{"id": "p1", "contributor": "c7", "kind": "fee",
                      "amount": "250.00 GBP", "due_on": "2026-06-10"}],
    }  # fmt: skip
    code, out, _ = run(capsys, "benefits", stdin=json.dumps(question))
    assert code == 0
    answer = json.loads(out)
    (week,) = [o for o in answer["outcomes"] if o["benefit"] == "carers_allowance"]
    assert (week["person"], week["period"]["start"], week["cliff"]) == ("c7", "2026-06-15", True)
