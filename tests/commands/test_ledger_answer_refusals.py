"""The ledger's answers refuse by what the user gave: an option, or the ledger file.

hardening.md: a refused option is named as the user gave it. The engines behind ``ledger
check``, ``headroom`` and ``statement`` name their own arguments (``person``,
``proposed_payment.id``, ``already``, ``receipts``); the command names ``--person``,
``--id``, ``--amount``, or the ledger file when what it holds is at fault. Each refusal is
one line, status 2, and nothing on standard output.

Amounts: an amount of money is below £10^15 (``--amount: is too large (10^15 or more)``).
Two payments of £999,999,999,999,999.99 each add up to £1,999,999,999,999,999.98, past it;
so does £999,999,999,999,999.99 with a recorded £150.00 (£1,000,000,000,000,149.99); £1.00
with £150.00 is £151.00, well within it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from participatory.cli import main

_HUGE = "999999999999999.99"
_TOO_MUCH = "to more than an amount of money can hold"


def _household(tmp_path: Path, *people: str) -> Path:
    consents = [
        {
            "person": person,
            "agreed_by": person,
            "agreed_on": "2025-04-01",
            "purpose": "benefits checks",
            "retain_until": "2027-03-31",
        }
        for person in people
    ]
    home = tmp_path / "home.json"
    home.write_text(
        json.dumps(
            {
                "id": "h-1",
                "household": {
                    "people": [{"id": person} for person in people],
                    "universal_credit": {"first_date_of_entitlement": "2025-03-10"},
                },
                "consents": consents,
            }
        ),
        encoding="utf-8",
    )
    return home


def _ledger(tmp_path: Path, *amounts: str, people: tuple[str, ...] = ("amira",)) -> str:
    """A ledger of ``people`` on one Universal Credit claim; amira paid each of ``amounts``."""
    book = str(tmp_path / "ledger.sqlite3")
    argvs = [["init"], *(["add", "contributor", person] for person in people)]
    argvs.append(["add", "household", str(_household(tmp_path, *people))])
    for index, amount in enumerate(amounts):
        day = f"2026-05-{14 + index}"
        argvs.append(["add", "payment", "--id", f"a{index}", "--person", "amira", "--amount",
                      amount, "--received-on", day, "--payer", "uni"])  # fmt: skip
    for argv in argvs:
        assert main(["ledger", *argv, "--ledger", book]) == 0
    return book


def _refusal(capsys: pytest.CaptureFixture[str], book: str, *argv: str) -> str:
    capsys.readouterr()
    status = main(["ledger", *argv, "--as-at", "2026-05-01", "--ledger", book])
    out, err = capsys.readouterr()
    assert (status, out, err.count("\n")) == (2, "", 1), err
    assert err.startswith("participatory ledger: ")
    return err.removeprefix("participatory ledger: ").rstrip("\n")


def _check(*argv: str) -> list[str]:
    return ["check", "--received-on", "2026-05-20", *argv]


def test_a_proposed_amount_past_what_money_holds_with_the_ledgers_payments_names_amount(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = _ledger(tmp_path, "150.00")
    said = _refusal(capsys, book, *_check("--person", "amira", "--amount", _HUGE))
    assert said.startswith("--amount: ")
    assert _TOO_MUCH in said


def test_a_proposed_amount_alone_is_checked_or_refused_by_its_option_and_prints_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With nothing else in the ledger the amount is below the bound; the check's search for
    the room left after it adds amounts to it, and past the bound the answer is refused by
    ``--amount`` before its first line is printed (it printed that line, then failed)."""
    book = _ledger(tmp_path)
    capsys.readouterr()
    argv = [*_check("--person", "amira", "--amount", _HUGE), "--as-at", "2026-05-01"]
    status = main(["ledger", *argv, "--ledger", book])
    out, err = capsys.readouterr()
    if status == 0:
        assert out.startswith("Proposed payment: "), out
    else:
        assert (status, out, err.count("\n")) == (2, "", 1), err
        assert err.startswith("participatory ledger: --amount: "), err


@pytest.mark.parametrize(
    "argv",
    [
        _check("--person", "amira", "--amount", "1.00"),
        ["headroom", "--person", "amira", "--day", "2026-05-20"],
        ["statement", "--person", "amira", "--tax-year", "2026"],
    ],
    ids=["check", "headroom", "statement"],
)
def test_payments_in_the_ledger_past_what_money_holds_are_the_ledgers_not_an_option(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """£1.00 proposed is not what tips the sum: the ledger's own payments are past it."""
    book = _ledger(tmp_path, _HUGE, _HUGE)
    said = _refusal(capsys, book, *argv)
    assert said.startswith(f"{book}: "), said
    assert _TOO_MUCH in said
    assert "already" not in said
    assert "receipts" not in said
    assert "--amount" not in said


@pytest.mark.parametrize(
    "argv",
    [
        _check("--person", "nobody", "--amount", "1.00"),
        ["headroom", "--person", "nobody"],
        ["statement", "--person", "nobody", "--tax-year", "2026"],
    ],
    ids=["check", "headroom", "statement"],
)
def test_a_person_not_in_the_ledger_is_refused_as_the_option(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = _ledger(tmp_path)
    assert _refusal(capsys, book, *argv) == "--person: is not a contributor in the ledger"


def test_a_check_under_the_id_of_a_partners_payment_is_refused_as_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bilal's payment a0 is in the ledger (a joint claim with Amira): a check of a payment
    to Amira under the same id would leave his out, and is refused by the option."""
    book = _ledger(tmp_path, people=("amira", "bilal"))
    argv = ["add", "payment", "--id", "b0", "--person", "bilal", "--amount", "10.00",
            "--received-on", "2026-05-12", "--payer", "uni", "--ledger", book]  # fmt: skip
    assert main(["ledger", *argv]) == 0
    said = _refusal(capsys, book, *_check("--id", "b0", "--person", "amira", "--amount", "5"))
    assert said.startswith("--id: is the id of a payment to another person"), said


@pytest.mark.parametrize(
    "argv",
    [["headroom"], ["statement", "--tax-year", "2026"]],
    ids=["headroom", "statement"],
)
def test_a_person_that_is_not_utf8_is_refused_as_the_option_not_as_the_ledger(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Python gives a byte that is not UTF-8 as a lone surrogate; the statement blamed the
    ledger file for it ("holds an entry that cannot be read")."""
    book = _ledger(tmp_path)
    said = _refusal(capsys, book, *argv, "--person", "a\udcffb")
    assert said == "--person: must be UTF-8 text (it holds a byte that is not)"
