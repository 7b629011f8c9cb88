"""``ledger check`` without ``--id``: the proposal never takes a recorded payment's id.

A proposal with a recorded payment's id is that payment checked again: the recorded one is
left out of what else is counted. The default id (``proposed``) was once taken even when a
recorded payment had it, so the proposal silently replaced that payment in the check.

Figures (Carer's Allowance, 2025/26): lost for the next week when a week's earnings are over
£196; £83.30 a week. Amira's benefit week runs from Monday; £150 is recorded on Tuesday
13 January 2026 and £150 more proposed on Wednesday 14th: £300 in the week of 12 January,
over £196, so the week of 19 January is lost (-£83.30). The recorded £150 checked again on
its own is £150, under £196: no change.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from participatory.cli import main

HOUSEHOLD = {
    "id": "h-amira",
    "household": {"people": [{"id": "amira", "carers_allowance": {}}]},
    "consents": [{"person": "amira", "agreed_by": "amira", "agreed_on": "2025-04-01",
                  "purpose": "checking payments against benefit rules",
                  "retain_until": "2027-03-31"}],
}  # fmt: skip


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["ledger", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _ledger(tmp_path: Path, capsys: pytest.CaptureFixture[str], *ids: str) -> str:
    """Amira's ledger, with £150.00 paid on 13 January 2026 under each of ``ids``' first,
    and £1.00 on 1 December 2025 (far from the check's weeks) under each other id."""
    book = str(tmp_path / "office.sqlite3")
    home = tmp_path / "amira.json"
    home.write_text(json.dumps(HOUSEHOLD), encoding="utf-8")
    argvs = [["init"], ["add", "contributor", "amira"], ["add", "household", str(home)]]
    for index, key in enumerate(ids):
        amount, day = ("150.00", "2026-01-13") if index == 0 else ("1.00", "2025-12-01")
        argvs.append(["add", "payment", "--id", key, "--person", "amira", "--amount", amount,
                      "--received-on", day, "--payer", "Mind"])  # fmt: skip
    for argv in argvs:
        assert _run(capsys, *argv, "--ledger", book)[0] == 0
    return book


def _check(capsys: pytest.CaptureFixture[str], book: str, *more: str) -> dict[str, object]:
    code, out, err = _run(capsys, "check", "--person", "amira", "--amount", "150.00",
                          "--received-on", "2026-01-14", "--as-at", "2026-01-10",
                          "--format", "json", "--ledger", book, *more)  # fmt: skip
    assert (code, err) == (0, ""), err
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def _payment_id(data: dict[str, object]) -> object:
    payment = data["payment"]
    assert isinstance(payment, dict)
    return payment["id"]


def test_a_recorded_payment_with_the_default_id_is_counted_not_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = _ledger(tmp_path, capsys, "proposed")
    data = _check(capsys, book)
    assert data["change"] == "-83.30 GBP"
    assert data["others_matter"] is True
    assert _payment_id(data) == "proposed-2"
    # The check writes nothing: the recorded payment is there as it was.
    code, out, _ = _run(capsys, "export", "--ledger", book)
    assert code == 0
    (recorded,) = [p for p in json.loads(out)["payments"] if p["id"] == "proposed"]
    assert recorded["amount"].startswith("150.00")


def test_the_next_free_default_id_is_taken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = _ledger(tmp_path, capsys, "proposed", "proposed-2", "proposed-3")
    data = _check(capsys, book)
    assert data["change"] == "-83.30 GBP"
    assert _payment_id(data) == "proposed-4"


def test_without_a_clash_the_default_id_is_proposed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = _ledger(tmp_path, capsys, "river-1")
    data = _check(capsys, book)
    assert data["change"] == "-83.30 GBP"
    assert _payment_id(data) == "proposed"


def test_the_recorded_payments_id_given_checks_it_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--id proposed`` asks about the recorded payment itself: £150 alone, no change."""
    book = _ledger(tmp_path, capsys, "proposed")
    data = _check(capsys, book, "--id", "proposed")
    assert data["change"] == "0.00 GBP"
    assert data["others_matter"] is False
