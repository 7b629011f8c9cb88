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
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(argv))
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return code, out, err


def test_benefits_command_answers_one_question(capsys):
    """£250 in one week is over the £204 Carer's Allowance limit: the week's £86.45 is lost."""
    question = {
        "circumstances": {"carers_allowance": {"benefit_week_start": 0}},
        "payments": [{"id": "p1", "contributor": "me", "kind": "fee", "amount": "250.00 GBP",
                      "due_on": "2026-06-10"}],
    }  # fmt: skip
    code, out, _ = run(capsys, "benefits", stdin=json.dumps(question))
    answer = json.loads(out)
    assert code == 0
    assert (answer["paid"], answer["change"], answer["kept"]) == ("250.00", "-86.45", "163.55")
    assert answer["outcomes"][0]["cliff"] is True
    assert any("cliff edge" in f["sentence"] for f in answer["findings"])


def test_benefits_command_refuses_bad_input_without_echoing_it(capsys):
    question = {"circumstances": {"esa": {"weekly_award": SENTINEL}}, "receipts": []}
    code, _, err = run(capsys, "benefits", stdin=json.dumps(question))
    assert code == 2
    assert "circumstances.esa.weekly_award" in err
    assert SENTINEL not in err


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
            "circumstances": {"carers_allowance": {}},
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
