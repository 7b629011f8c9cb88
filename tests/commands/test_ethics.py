""":mod:`participatory.commands.ethics`: unit tests.

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


def run(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None):
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(argv))
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return code, out, err


def test_ethics_command_classifies_a_list_and_summarises(capsys):
    activities = [
        {"id": "advice", "parties": [{"label": "group", "capacity": "public_contributor",
                                      "tasks": ["advise"], "people": ["p1"],
                                      "facts": {"own_data_analysed": "no"}}]},
        {"id": "survey", "facts": {"generalisable": True},
         "parties": [{"label": "group", "capacity": "public_contributor",
                      "tasks": ["provide_own_data"], "people": ["p1"],
                      "facts": {"own_data_analysed": "yes"}}]},
    ]  # fmt: skip
    code, out, _ = run(capsys, "ethics", "--as-at", "2026-03-02",
                       stdin=json.dumps({"activities": activities}))  # fmt: skip
    result = json.loads(out)
    assert code == 0
    assert result["needing_review"] == ["survey"]
    assert result["contributor_and_participant"] == ["p1"]
    assert result["counts"]["involvement"] == 1


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


_SAFEGUARDING = json.dumps(
    {
        "activity": {
            "id": "sampling",
            "parties": [
                {
                    "label": "young people",
                    "capacity": "co_researcher",
                    "tasks": ["collect_data"],
                    "facts": {"under_18": True, "own_data_analysed": False},
                }
            ],
            "facts": {"data_about_people": False},
        }
    }
)


def test_the_ethics_command_withholds_safeguarding_unless_asked() -> None:
    """ETH-SAFEGUARDING is withheld whole by default; --include-sensitive shows it."""
    status, out, _ = _run(["ethics", "--as-at", "2026-11-25"], stdin=_SAFEGUARDING)
    assert status == 0
    findings = json.loads(out)["activities"][0]["findings"]
    withheld = [f for f in findings if f["withheld"]]
    assert withheld
    assert all(f["rule_id"] is None and f["sentence"] is None for f in withheld)
    assert "ETH-SAFEGUARDING" not in out
    status, out, _ = _run(
        ["ethics", "--as-at", "2026-11-25", "--include-sensitive"], stdin=_SAFEGUARDING
    )
    assert status == 0
    shown = json.loads(out)["activities"][0]["findings"]
    assert any(f["rule_id"] == "ETH-SAFEGUARDING" and f["sentence"] for f in shown)
