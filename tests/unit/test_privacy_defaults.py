"""Issue 11's privacy defaults at the edges: commands, payment notes and file errors.

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
from participatory.core.errors import ParameterFileError, ValidationError
from participatory.core.money import Money
from participatory.core.serialise import unstructure
from participatory.ethics.guidance import load_guidance, parse_guidance
from participatory.payments.plans import Payment, PaymentKind
from participatory.payments.rates import load_rate_card
from participatory.readiness.criteria import load_readiness_criteria
from participatory.testing.bad_input import toml_text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
DATA = ROOT / "src" / "participatory" / "data"
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


def test_a_payment_note_is_sensitive() -> None:
    """Payment.note is free text about a named person: hidden in repr and default JSON."""
    payment = Payment("p1", "amira", PaymentKind.FEE, Money.gbp(90), due_on="2026-06-10", note=NOTE)
    assert NOTE not in repr(payment)
    assert "note" not in unstructure(payment)
    assert unstructure(payment, include_sensitive=True)["note"] == NOTE
    with pytest.raises(ValidationError) as caught:
        Payment("p1", "amira", PaymentKind.FEE, Money.gbp(90), due_on="2026-06-10", note=[NOTE])  # type: ignore[arg-type]
    assert caught.value.path == "note"
    assert NOTE not in str(caught.value)


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
    status, out, _ = _run(["ethics", "--on", "2026-11-25"], stdin=_SAFEGUARDING)
    assert status == 0
    findings = json.loads(out)["activities"][0]["findings"]
    withheld = [f for f in findings if f["withheld"]]
    assert withheld
    assert all(f["rule_id"] is None and f["sentence"] is None for f in withheld)
    assert "ETH-SAFEGUARDING" not in out
    status, out, _ = _run(
        ["ethics", "--on", "2026-11-25", "--include-sensitive"], stdin=_SAFEGUARDING
    )
    assert status == 0
    shown = json.loads(out)["activities"][0]["findings"]
    assert any(f["rule_id"] == "ETH-SAFEGUARDING" and f["sentence"] for f in shown)


def test_the_default_report_withholds_benefits_findings_per_person() -> None:
    """mental-health-festival: two people's benefits findings, one withheld line each.

    By hand from the example: Dee and Sam have benefits; each of their benefits findings
    is sensitive. The default report names neither benefit and says twice (once per
    person) how many findings it holds back; with --include-sensitive it names them.
    """
    argv = ["assess", str(EXAMPLES / "mental-health-festival.toml"), "--as-at", "2026-07-15"]
    status, out, _ = _run(argv)
    assert status == 0
    benefits = out[out.index("\nBenefits\n") : out.index("\nEthics\n")]
    assert benefits.count("about one person's own circumstances are withheld") == 2
    assert "Carer's Allowance" not in benefits
    assert "Universal Credit" not in benefits
    status, shown, _ = _run([*argv, "--include-sensitive"])
    assert status == 0
    assert "own circumstances are withheld" not in shown
    assert "Carer's Allowance" in shown


def test_a_file_that_is_not_utf8_is_named_with_the_byte(tmp_path: Path) -> None:
    """The error names the file and where decoding failed, never the bytes themselves."""
    path = tmp_path / "card.toml"
    path.write_bytes(b'[meta]\nname = "caf\xe9"\n')
    for loader in (load_rate_card, load_readiness_criteria, load_guidance):
        with pytest.raises(ParameterFileError) as caught:
            loader(path)
        assert caught.value.file == str(path)
        assert "not UTF-8" in caught.value.problem
        # '[meta]\n' is bytes 0-6 and 'name = "caf' bytes 7-17: 0xE9 is at offset 18.
        assert "at byte offset 18" in caught.value.problem


def test_an_ethics_boundary_also_that_is_not_an_array_names_the_key() -> None:
    """``also = 1`` is refused with the key at fault (it was a TypeError)."""
    document = tomllib.loads((DATA / "ethics_guidance.toml").read_text(), parse_float=Decimal)
    document["involvement_boundary"][0]["also"] = Decimal(1)
    with pytest.raises(ParameterFileError) as caught:
        parse_guidance(toml_text(document), file="mine.toml")
    assert caught.value.key == "involvement_boundary[0].also"


@pytest.mark.parametrize("locale", ["de", "xx_YY", ""])
def test_an_unusable_locale_is_one_line_naming_the_option(locale: str) -> None:
    argv = ["cost", "--card", "whitworth", "--activity", "advisory_group", "--days", "1",
            "--on", "2022-07-20", "--locale", locale]  # fmt: skip
    status, out, err = _run(argv)
    assert status == 2
    assert out == ""
    assert err == "participatory cost: --locale: must be one of en_GB, cy\n"
