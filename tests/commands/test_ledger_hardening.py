"""No sensitive value in the ledger command's default output or its errors.

The ledger holds a person's community (``SENTINEL``, special-category: it can reveal health or
ethnicity) and a household whose partner is not a contributor (``PARTNER``: who has a benefit
is itself sensitive). Every action but ``export`` (a full backup, by design) runs with its
default options; then bad input carrying the sentinels is refused without echoing it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from participatory.cli import main

SENTINEL = "SENTINEL-c0ffee"
PARTNER = "SENTINEL-partner"
#: Text that must never be shown. (``check``, ``headroom`` and ``statement`` answer about the
#: person's own benefits for the office holding them, so their figures are shown: the
#: household's £91.23 a week of Income Support may be; the partner's id never is.)
SECRETS = (SENTINEL, PARTNER)

HOUSEHOLD = {
    "id": "h-amira",
    "household": {
        "people": [{"id": "amira", "carers_allowance": {}}, {"id": PARTNER}],
        "legacy": {"benefit": "income_support", "weekly_award": "91.23 GBP",
                   "claimant": PARTNER},
    },
    "consents": [
        {"person": p, "agreed_by": p, "agreed_on": "2025-04-01", "purpose": "benefits checks",
         "retain_until": "2027-03-31"} for p in ("amira", PARTNER)
    ],
}  # fmt: skip


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["ledger", *argv])
    out, err = capsys.readouterr()
    return code, out + err


@pytest.fixture
def ledger(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "l.sqlite3"
    home = tmp_path / "home.json"
    home.write_text(json.dumps(HOUSEHOLD))
    steps = [
        ("init",),
        ("add", "contributor", "amira", "--community", SENTINEL),
        ("add", "household", str(home)),
        ("add", "payment", "--id", "r", "--person", "amira", "--amount", "150.00", "--received-on",
         "2026-01-13", "--payer", "uni"),
    ] + [
        ("add", "ask", "--id", f"k{i}", "--project", f"p{i}", "--activity", "a", "--asked-on",
         "2026-11-20", "--person", "amira")
        for i in range(14)
    ]  # fmt: skip
    for step in steps:
        code, text = _run(capsys, *step, "--ledger", str(path))
        assert code == 0, text
        assert not any(s in text for s in SECRETS), text
    return path


def test_default_outputs_never_show_a_sensitive_value(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    actions = [
        ("check", "--person", "amira", "--amount", "150.00", "--received-on", "2026-01-14",
         "--as-at", "2026-01-10"),
        ("check", "--person", "amira", "--amount", "150.00", "--received-on", "2026-01-14",
         "--as-at", "2026-01-10", "--format", "json"),
        ("headroom", "--person", "amira", "--day", "2026-01-15", "--as-at", "2026-01-10"),
        ("headroom", "--person", "amira", "--day", "2026-01-15", "--as-at", "2026-01-10",
         "--format", "json"),
        ("statement", "--person", "amira", "--tax-year", "2025", "--as-at", "2026-04-30"),
        ("statement", "--person", "amira", "--tax-year", "2025", "--as-at", "2026-04-30",
         "--format", "html", "--locale", "cy"),
        ("statement", "--person", "amira", "--tax-year", "2025", "--as-at", "2026-04-30",
         "--format", "json"),
        ("over-asking", "--as-at", "2026-12-06"),
        ("over-asking", "--as-at", "2026-12-06", "--format", "json"),
        ("erase-expired", "--as-at", "2026-12-06"),
    ]  # fmt: skip
    for argv in actions:
        code, text = _run(capsys, *argv, "--ledger", str(ledger))
        assert code == 0, (argv, text)
        for secret in SECRETS:
            assert secret not in text, (argv, secret)
    # Not vacuous: the opted-in over-asking report names the community, the export holds all.
    assert SENTINEL in _run(capsys, "over-asking", "--as-at", "2026-12-06",
                            "--include-sensitive", "--ledger", str(ledger))[1]  # fmt: skip
    exported = _run(capsys, "export", "--ledger", str(ledger))[1]
    assert SENTINEL in exported
    assert PARTNER in exported


def test_bad_input_is_refused_without_echoing_it(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad_home = tmp_path / "bad-home.json"
    bad_home.write_text(json.dumps({**HOUSEHOLD, "household": {
        "people": [{"id": "amira", "capability": SENTINEL}, {"id": PARTNER, "carer": SENTINEL}],
        "universal_credit": {"first_date_of_entitlement": SENTINEL}}}))  # fmt: skip
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"id": "a", "person": "b", "amount": "c", "received_on": "d",
                                   "payer": "e", "kind": "f"}))  # fmt: skip
    rows = tmp_path / "rows.csv"
    rows.write_text(f"a,b,c,d,e,f\nx,{PARTNER},{SENTINEL},{SENTINEL},{SENTINEL},{SENTINEL}\n")
    attempts = [
        ("add", "contributor", "c-2", "--community", SENTINEL + "\x07"),
        ("add", "contributor", PARTNER + " "),
        ("add", "household", str(bad_home)),
        ("add", "payment", "--id", "x", "--person", "amira", "--amount", SENTINEL, "--received-on",
         "2026-01-01", "--payer", "uni"),
        ("add", "payment", "--id", "x", "--person", PARTNER, "--amount", "1.00", "--received-on",
         "2026-01-01", "--payer", "uni"),
        ("add", "ask", "--id", "k", "--project", "p", "--activity", "a", "--asked-on", SENTINEL,
         "--community", SENTINEL),
        ("import", str(rows), "--mapping", str(mapping)),
        ("check", "--person", "amira", "--amount", "1.00", "--received-on", SENTINEL),
        ("check", "--person", PARTNER, "--amount", "1.00", "--received-on", "2026-01-14"),
        ("headroom", "--person", PARTNER),
        ("statement", "--person", PARTNER, "--tax-year", "2025"),
    ]  # fmt: skip
    for argv in attempts:
        code, text = _run(capsys, *argv, "--ledger", str(ledger))
        assert code == 2, (argv, text)
        for secret in SECRETS:
            assert secret not in text, (argv, secret, text)
