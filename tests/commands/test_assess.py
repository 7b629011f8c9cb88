""":mod:`participatory.commands.assess`: unit tests.

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
from pathlib import Path

import pytest

from participatory.cli import main

EXAMPLES = Path(__file__).parents[2] / "examples"


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


def test_unusable_input_exits_2_with_one_line(capsys, tmp_path):
    bad = tmp_path / "bad.toml"
    household = f'people = [{{ id = "zed", unaffected = ["{SENTINEL}"] }}]'
    bad.write_text(f'id = "x"\ntitle = "X"\n[benefits.zed]\n{household}\n')
    code, out, err = run(capsys, "assess", str(bad))
    assert code == 2
    assert not out
    assert err.count("\n") == 1
    assert "bad.toml" in err
    # Issue 17: a problem inside a person's benefits is counted, not described (its path
    # named the person and what they claim); --include-sensitive spells it out.
    assert "benefits: 1 problem in special-category data, withheld" in err
    assert "zed" not in err
    code, _, shown = run(capsys, "assess", str(bad), "--include-sensitive")
    assert code == 2
    assert shown.count("\n") == 1
    assert "benefits.zed" in shown
    assert SENTINEL not in err


def test_assess_reads_a_json_project_from_standard_input(capsys):
    code, out, _ = run(capsys, "assess", "-", "--as-at", "2026-06-01", "--format", "json",
                       stdin='{"id": "x", "title": "X", "label": "co_production"}')  # fmt: skip
    assert code == 0
    assert json.loads(out)["project_id"] == "x"


def test_assess_with_an_institution_rate_card(capsys):
    code, out, _ = run(
        capsys, "assess", str(EXAMPLES / "river-citizen-science.toml"), "--as-at", "2026-10-01",
        "--format", "json", "--rates", str(EXAMPLES / "institution-rate-card.toml"),
    )  # fmt: skip
    assert code == 0
    assert "example-university-2026" in out


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


def test_the_default_report_withholds_benefits_findings_with_one_count() -> None:
    """mental-health-festival: two people's benefits findings, one withheld line in all.

    By hand from the example: Dee and Sam have benefits; each of their benefits findings
    is sensitive. The default report names neither benefit nor person, and the Benefits
    section neither shows nor counts them (a count beside "Benefits" said someone claims
    one; issue 17: a line per person said how many people had benefits); "What to do
    first" counts every withheld finding on one line; with --include-sensitive it names them.
    """
    argv = ["assess", str(EXAMPLES / "mental-health-festival.toml"), "--as-at", "2026-07-15"]
    status, out, _ = _run(argv)
    assert status == 0
    benefits = out[out.index("\nBenefits\n") : out.index("\nEthics\n")]
    assert "withheld" not in benefits
    assert " ".join(out.split()).count("Withheld from this report:") == 1
    assert "Dee" not in benefits
    assert "Sam" not in benefits
    assert "Carer's Allowance" not in benefits
    assert "Universal Credit" not in benefits
    status, shown, _ = _run([*argv, "--include-sensitive"])
    assert status == 0
    assert "Withheld from this report" not in shown
    assert "Carer's Allowance" in shown
