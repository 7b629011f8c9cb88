"""``participatory ledger``: every action, its output, and what it does on bad input."""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path

import pytest

from participatory.cli import main
from participatory.commands.ledger import DEFAULT_LEDGER, ENVIRONMENT_VARIABLE

HOUSEHOLD = {
    "id": "h-amira",
    "household": {"people": [{"id": "amira", "carers_allowance": {}}]},
    "consents": [{"person": "amira", "agreed_by": "amira", "agreed_on": "2025-04-01",
                  "purpose": "checking payments against benefit rules",
                  "retain_until": "2027-03-31"}],
}  # fmt: skip
MAPPING = {
    "columns": {"id": "Ref", "person": "Contributor", "amount": "Net", "received_on": "Paid",
                "project": "Project"},
    "defaults": {"payer": "University of Bath"},
    "date_format": "%d/%m/%Y",
}  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["ledger", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ledger(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "office.sqlite3"
    household = tmp_path / "amira.json"
    household.write_text(json.dumps(HOUSEHOLD))
    assert run(capsys, "init", "--ledger", str(path))[0] == 0
    assert run(capsys, "add", "contributor", "amira", "--community", "carers-north",
               "--ledger", str(path))[0] == 0  # fmt: skip
    assert run(capsys, "add", "contributor", "ben", "--ledger", str(path))[0] == 0
    assert run(capsys, "add", "household", str(household), "--ledger", str(path))[0] == 0
    assert run(capsys, "add", "payment", "--id", "river-1", "--person", "amira", "--amount",
               "150.00", "--received-on", "2026-01-13", "--payer", "Mind", "--project", "river",
               "--ledger", str(path))[0] == 0  # fmt: skip
    return path


def export(capsys: pytest.CaptureFixture[str], path: Path) -> object:
    code, out, _ = run(capsys, "export", "--ledger", str(path))
    assert code == 0
    return json.loads(out)


def test_init_makes_an_owner_only_file_and_can_run_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "l.sqlite3"
    code, out, _ = run(capsys, "init", "--ledger", str(path))
    assert code == 0
    assert "Created the ledger" in out
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    code, out, _ = run(capsys, "init", "--ledger", str(path))
    assert code == 0
    assert "is ready (schema version 1)" in out


def test_the_ledger_comes_from_the_environment_then_the_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, str(tmp_path / "env.sqlite3"))
    assert run(capsys, "init")[0] == 0
    assert (tmp_path / "env.sqlite3").exists()
    assert not (tmp_path / DEFAULT_LEDGER).exists()
    monkeypatch.delenv(ENVIRONMENT_VARIABLE)
    assert run(capsys, "init")[0] == 0
    assert (tmp_path / DEFAULT_LEDGER).exists()


_TOO_LONG = "n" * 300  # longer than a file name may be (255 bytes on Linux)


def test_a_ledger_path_that_cannot_be_used_is_named_where_it_came_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """TRY8: Path.exists() raises for a name too long; ``init`` let it out as a traceback."""
    long = str(tmp_path / _TOO_LONG)
    assert run(capsys, "init", "--ledger", long) == (
        2, "", "participatory ledger: --ledger: cannot be used (File name too long)\n"
    )  # fmt: skip
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, long)
    assert run(capsys, "init") == (
        2, "", f"participatory ledger: ${ENVIRONMENT_VARIABLE}: cannot be used "
        "(File name too long)\n"
    )  # fmt: skip
    assert list(tmp_path.iterdir()) == []


def test_a_ledger_that_cannot_be_opened_for_the_system_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any OSError opening the file (a folder one may not search) names the option."""
    from participatory.store.sqlite import SqliteLedgerStore

    def refused(*_args: object, **_kwargs: object) -> SqliteLedgerStore:
        raise PermissionError(13, "Permission denied", str(tmp_path / "locked" / "l.sqlite3"))

    monkeypatch.setattr(SqliteLedgerStore, "open", refused)
    for action in (["export"], ["headroom", "--person", "c-1", "--day", "2026-01-15"]):
        assert run(capsys, *action, "--ledger", str(tmp_path / "l.sqlite3")) == (
            2, "", "participatory ledger: --ledger: cannot be used (Permission denied)\n"
        )  # fmt: skip


def test_an_export_to_a_name_too_long_is_one_line(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(tmp_path.iterdir())
    code, out, err = run(capsys, "export", "-o", str(tmp_path / _TOO_LONG), "--ledger",
                         str(ledger))  # fmt: skip
    assert (code, out) == (2, "")
    assert err == "participatory ledger: --output: cannot be written (File name too long)\n"
    assert sorted(tmp_path.iterdir()) == before


def test_a_missing_ledger_is_an_error_and_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "nowhere.sqlite3"
    code, out, err = run(capsys, "over-asking", "--ledger", str(path))
    assert code == 2
    assert not out
    assert err.count("\n") == 1
    assert "ledger init" in err
    assert not path.exists()


def test_check_reports_the_week_lost_without_naming_the_other_payer(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "check", "--person", "amira", "--amount", "150.00",
                         "--received-on", "2026-01-14", "--project", "pillow",
                         "--as-at", "2026-01-10", "--ledger", str(ledger))  # fmt: skip
    assert code == 0
    assert not err
    assert out.startswith("Proposed payment: £150.00 to amira on 14 January 2026 (project pillow).")
    assert "Problem: Carer's Allowance, 19 January 2026 to 25 January 2026" in out
    assert "Other payments to this person" in out
    assert "river" not in out
    assert "Mind" not in out
    code, out, _ = run(capsys, "check", "--person", "amira", "--amount", "150.00", "--received-on",
                       "2026-01-14", "--project", "pillow", "--as-at", "2026-01-10",
                       "--format", "json", "--ledger", str(ledger))  # fmt: skip
    data = json.loads(out)
    assert data["change"] == "-83.30 GBP"
    assert data["others_matter"] is True
    assert data["headroom"] == {"carers_allowance": "0.00 GBP"}
    assert "river" not in out
    assert "Mind" not in out


def test_headroom_and_statement(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Carer's Allowance's limit is £196 a week in 2025/26 and amira has £150 from Mind on
    13 January 2026 (that week, from Monday 12 January): £196 - £150 = £46 more."""
    code, out, _ = run(capsys, "headroom", "--person", "amira", "--day", "2026-01-15",
                       "--as-at", "2026-01-10", "--ledger", str(ledger))  # fmt: skip
    assert code == 0
    assert "up to £46.00 more can be paid on 15 January 2026" in out
    code, out, _ = run(capsys, "statement", "--person", "amira", "--tax-year", "2025",
                       "--as-at", "2026-04-30", "--locale", "cy", "--format", "html",
                       "--ledger", str(ledger))  # fmt: skip
    assert code == 0
    assert '<html lang="cy">' in out
    assert "Lwfans Gofalwr" in out
    code, out, _ = run(capsys, "statement", "--person", "amira", "--tax-year", "2025",
                       "--as-at", "2026-04-30", "--format", "json",
                       "--ledger", str(ledger))  # fmt: skip
    assert json.loads(out)["received"] == "150.00 GBP"


def test_import_a_finance_csv_all_or_nothing(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps(MAPPING))
    bad = tmp_path / "bad.csv"
    bad.write_text("Ref,Contributor,Net,Paid,Project\nA1,amira,10.00,14/01/2026,pillow\n"
                   "A2,nobody,10.00,14/01/2026,pillow\nA3,ben,ten,14/01/2026,\n")  # fmt: skip
    before = export(capsys, ledger)
    code, out, err = run(capsys, "import", str(bad), "--mapping", str(mapping),
                         "--ledger", str(ledger))  # fmt: skip
    assert code == 2
    assert not out
    assert err.count("\n") == 1
    assert "2 bad rows, nothing imported: row 3: person" in err
    assert "row 4: amount" in err
    assert export(capsys, ledger) == before
    good = tmp_path / "good.csv"
    good.write_text("Ref,Contributor,Net,Paid,Project\nA1,amira,10.00,14/01/2026,pillow\n")
    code, out, _ = run(capsys, "import", str(good), "--mapping", str(mapping),
                       "--ledger", str(ledger))  # fmt: skip
    assert code == 0
    assert out == "Added 1, replaced 0.\n"
    code, _, err = run(capsys, "import", str(good), "--ledger", str(ledger))
    assert code == 2
    assert "--mapping" in err


def test_export_then_import_into_a_new_ledger(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "backup.json"
    code, out, _ = run(capsys, "export", "-o", str(backup), "--ledger", str(ledger))
    assert code == 0
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    code, _, err = run(capsys, "export", "-o", str(tmp_path / "no" / "b.json"), "--ledger",
                       str(ledger))  # fmt: skip
    assert code == 2
    assert "cannot be written" in err
    code, _, err = run(capsys, "export", "-o", str(backup), "--ledger", str(ledger))
    assert code == 2
    assert "already there" in err
    copy = tmp_path / "copy.sqlite3"
    run(capsys, "init", "--ledger", str(copy))
    code, out, _ = run(capsys, "import", str(backup), "--ledger", str(copy))
    assert code == 0
    assert out == "Added 4, replaced 0.\n"
    assert export(capsys, copy) == export(capsys, ledger)


def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = export(capsys, ledger)
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({**HOUSEHOLD, "consents": []}))
    attempts = [
        ("add", "payment", "--id", "x", "--person", "nobody", "--amount", "1.00", "--received-on",
         "2026-01-01", "--payer", "uni"),
        ("add", "payment", "--id", "x", "--person", "amira", "--amount", "-1", "--received-on",
         "2026-01-01", "--payer", "uni"),
        ("add", "payment", "--id", "x", "--person", "amira", "--amount", "1.00", "--received-on",
         "1 Jan", "--payer", "uni"),
        ("add", "ask", "--id", "k", "--project", "p", "--activity", "a", "--asked-on", "2026-01-01",
         "--person", "nobody"),
        ("add", "household", str(broken)),
        ("add", "household", str(tmp_path / "missing.json")),
        ("check", "--person", "nobody", "--amount", "1.00", "--received-on", "2026-01-01"),
        ("statement", "--person", "amira", "--tax-year", "20250"),
        ("headroom", "--person", "amira", "--day", "2026-02-30"),
    ]  # fmt: skip
    for argv in attempts:
        code, _, err = run(capsys, *argv, "--ledger", str(ledger))
        assert code == 2, argv
        assert err.startswith("participatory ledger: "), (argv, err)
        assert err.count("\n") == 1, (argv, err)
    assert export(capsys, ledger) == before


def test_over_asking_withholds_communities_unless_asked(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for index in range(13):
        run(capsys, "add", "ask", "--id", f"k{index}", "--project", f"p{index % 6}",
            "--activity", f"a{index}", "--asked-on", "2026-11-20", "--community", "carers-north",
            "--ledger", str(ledger))  # fmt: skip
    code, out, _ = run(capsys, "over-asking", "--as-at", "2026-12-06", "--ledger", str(ledger))
    assert code == 0
    assert "carers-north" not in out
    assert "1 finding about communities withheld" in out
    code, out, _ = run(capsys, "over-asking", "--as-at", "2026-12-06", "--include-sensitive",
                       "--ledger", str(ledger))  # fmt: skip
    assert "Community carers-north: activities 13, projects 6" in out
    code, out, _ = run(capsys, "over-asking", "--as-at", "2026-12-06", "--format", "json",
                       "--ledger", str(ledger))  # fmt: skip
    data = json.loads(out)
    assert "communities" not in data
    assert data["findings"][0]["withheld"] is True
    assert "carers-north" not in out


def test_erase_expired_reports_counts(
    ledger: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("participatory.commands._edge.today", lambda: dt.date(2027, 4, 2))
    code, out, _ = run(capsys, "erase-expired", "--as-at", "2027-04-01", "--format", "json",
                       "--ledger", str(ledger))  # fmt: skip
    assert code == 0
    assert json.loads(out) == {"as_at": "2027-04-01", "households": 1, "people": 1, "consents": 1}
    code, out, _ = run(capsys, "erase-expired", "--as-at", "2027-04-01", "--ledger", str(ledger))
    assert out.startswith("No circumstances were past their basis")


def test_erase_expired_refuses_a_day_after_today(
    ledger: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Erasing cannot be undone: as at 1 April 2027, on 6 December 2026, it would erase the
    household whose consent runs to 31 March 2027 while its basis still holds."""
    monkeypatch.setattr("participatory.commands._edge.today", lambda: dt.date(2026, 12, 6))
    code, out, err = run(capsys, "erase-expired", "--as-at", "2027-04-01", "--ledger", str(ledger))
    assert (code, out) == (2, "")
    assert err == (
        "participatory ledger: --as-at: is after today (2026-12-06): circumstances are erased "
        "only once their basis has ended, as at today or a day already past\n"
    )
    monkeypatch.setattr("participatory.commands._edge.today", lambda: dt.date(2027, 4, 2))
    code, out, _ = run(capsys, "erase-expired", "--as-at", "2027-04-01", "--format", "json",
                       "--ledger", str(ledger))  # fmt: skip
    assert json.loads(out)["households"] == 1  # nothing was erased by the refused run
