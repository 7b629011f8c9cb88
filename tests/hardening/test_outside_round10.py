"""An outside tester's tenth round: whose circumstances errors give away, and promises at the edges.

Each group attacks one promise of ``docs/concepts/hardening.md`` as an outside caller would:
*who* has special-category data (health, lived experience, a group's ages) is never said by an
error on standard error; the same answer whatever the caller set, import time included; the
library's own error for a wrong argument to an engine; plain data that reads back as what
was written; and odd files on the command line as one line with status 2.

Tests marked ``xfail(strict=True)`` state a promise that does not hold on the main branch of
this round; each one's reason says what is wrong.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from participatory.cli import main
from participatory.core.errors import ParticipatoryError
from participatory.interchange import dumps, from_plain, loads, to_plain
from participatory.testing import ledger as testing_ledger
from participatory.testing import roles as testing_roles

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FESTIVAL = EXAMPLES / "mental-health-festival.toml"
DEE_LIVED = 'lived_experience = "SENSITIVE: psychosis, 2019"'


def _festival(tmp_path: Path, old: str, new: str) -> Path:
    """The mental-health festival example with one line changed, beside its rate card."""
    text = FESTIVAL.read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "institution-rate-card.toml").write_bytes(
        (EXAMPLES / "institution-rate-card.toml").read_bytes()
    )
    project = tmp_path / "festival.toml"
    project.write_text(text.replace(old, new), encoding="utf-8")
    return project


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


# ---------------------------------------------------------------------------------------------
# 1. Whose health, lived experience or age an error gives away


@pytest.mark.parametrize(
    "line",
    [
        "health = 5",
        'lived_experience = ["psychosis"]',
        'access_needs = ["step-free access"]',
        'health = "' + "x" * 20_001 + '"',
    ],
    ids=["health-number", "lived-experience-list", "access-needs-list", "health-too-long"],
)
def test_a_bad_value_in_a_persons_health_fields_does_not_say_whose(
    line: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """hardening.md: a person's health, lived experience and access needs are special-category
    data, and *who* has them is too; a problem inside one is counted, not described, as one
    inside ``benefits`` is ("its path would name the person"). Dee is ``people[0]``."""
    project = _festival(tmp_path, DEE_LIVED, line)
    status, out, err = _run(["assess", str(project), "--as-at", "2026-07-15"], capsys)
    assert (status, out, err.count("\n")) == (2, "", 1), err
    for said in ("people[0]", "health", "lived_experience", "access_needs", "psychosis"):
        assert said not in err, err


def test_from_plain_counts_a_problem_in_a_persons_health_without_its_path() -> None:
    data = tomllib.loads(FESTIVAL.read_text(encoding="utf-8"))
    data["people"][0]["health"] = 5
    from participatory.project import Project

    with pytest.raises(ParticipatoryError) as caught:
        from_plain(Project, data, base_directory=EXAMPLES)
    assert "people[0]" not in str(caught.value), str(caught.value)
    assert "health" not in str(caught.value), str(caught.value)


def _ethics_input(facts: dict[str, Any]) -> str:
    party = {
        "label": "young interviewees",
        "capacity": "research_participant",
        "tasks": ["provide_own_data"],
        "facts": {"own_data_analysed": True, **facts},
    }
    return json.dumps({"activity": {"id": "w", "setting": "community", "parties": [party]}})


@pytest.mark.parametrize(
    "facts",
    [{"under_16": True, "under_18": False}, {"aged_16_17": True, "under_18": False}],
    ids=["under-16", "aged-16-17"],
)
def test_contradictory_age_answers_are_refused_without_saying_which_was_yes(
    facts: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ethics --help: findings about a party's safeguarding answers (age, capacity, custody,
    vulnerability) are withheld by default. The only way to contradict "nobody under 18"
    is a yes to under_16 or aged_16_17, so naming the contradiction tells the reader a
    group's age."""
    given_file = tmp_path / "activity.json"
    given_file.write_text(_ethics_input(facts), encoding="utf-8")
    status, out, err = _run(["ethics", str(given_file), "--as-at", "2026-06-10"], capsys)
    assert (status, out, err.count("\n")) == (2, "", 1), err
    for said in ("under_16", "aged_16_17", "under 16", "16 to 17"):
        assert said not in err, err


def test_a_project_with_contradictory_age_answers_does_not_say_whose_age(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _festival(
        tmp_path,
        'people = ["dee", "sam", "ash"], facts = { own_data_analysed = false }',
        'people = ["dee", "sam", "ash"], facts = { own_data_analysed = false, '
        "under_16 = true, under_18 = false }",
    )
    status, out, err = _run(["assess", str(project), "--as-at", "2026-07-15"], capsys)
    assert (status, out, err.count("\n")) == (2, "", 1), err
    assert "under_16" not in err, err


def test_with_include_sensitive_the_contradiction_is_spelled_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The person entitled to the answers still learns what to fix."""
    given_file = tmp_path / "activity.json"
    given_file.write_text(_ethics_input({"under_16": True, "under_18": False}), encoding="utf-8")
    status, _, err = _run(
        ["ethics", str(given_file), "--as-at", "2026-06-10", "--include-sensitive"], capsys
    )
    assert status == 2
    assert "under_16" in err, err
    assert "under_18" in err, err


def test_a_bad_fact_answer_is_named_by_the_path_in_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    given_file = tmp_path / "activity.json"
    given_file.write_text(_ethics_input({"own_data_analysed": "maybe"}), encoding="utf-8")
    status, _, err = _run(["ethics", str(given_file), "--as-at", "2026-06-10"], capsys)
    assert status == 2
    assert "activity.parties[0].facts.own_data_analysed:" in err, err


def test_a_personal_safeguarding_note_shows_neither_its_groups_nor_its_words() -> None:
    from participatory.safeguarding import PersonalNote, SafeguardingProfile, assess_safeguarding

    profile = SafeguardingProfile(
        groups=["mental_health_or_trauma"], intensity="high", measures=["signposting"]
    )
    note = PersonalNote("dee", groups=["bereavement", "autism"], note="qqprefers-a-named-contactqq")
    assessment = assess_safeguarding(profile, [note])
    shown = [repr(note), str(note), repr(assessment), dumps(assessment)]
    for text in shown:
        for said in ("bereave", "autis", "qqprefers"):
            assert said not in text.lower(), text


# ---------------------------------------------------------------------------------------------
# 2. The same answer whatever the caller set, import time included


def _python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **env},
        check=False,
    )


_SHARE = (
    "from participatory.budget import share; from participatory.core.money import Money; "
    "print(share(Money.gbp('1'), Money.gbp('3')))"
)


@pytest.mark.parametrize("traps", ["[]", "[decimal.Inexact]"], ids=["quiet", "trapping"])
def test_importing_in_a_callers_small_exponent_context_changes_no_share(traps: str) -> None:
    """A third of a budget, rounded down to SHARE_PLACES = 12 places: 0.333333333333."""
    code = (
        "import decimal\n"
        f"with decimal.localcontext(decimal.Context(prec=4, Emin=-5, Emax=20, traps={traps})):\n"
        "    import participatory.budget\n" + _SHARE
    )
    done = _python(code)
    assert (done.returncode, done.stdout.strip()) == (0, "0.333333333333"), done.stderr[-300:]


def test_the_command_line_answers_alike_with_warnings_as_errors_a_low_stack_and_far_tz(
    tmp_path: Path,
) -> None:
    """hardening.md: the same answer whatever the caller set. Each run is a fresh process, so
    a setting made before import (warnings as errors, a recursion limit of 150, a time zone
    a day ahead of London, a small int-to-text limit) is in force throughout."""
    project = _festival(tmp_path, DEE_LIVED, DEE_LIVED)
    code = (
        "import sys, warnings, io, contextlib\n"
        "setting = sys.argv[1]\n"
        "if setting == 'warnings': warnings.simplefilter('error')\n"
        "if setting == 'stack': sys.setrecursionlimit(150)\n"
        "if setting == 'digits': sys.set_int_max_str_digits(640)\n"
        "from participatory.cli import main\n"
        "for fmt in ('json', 'html'):\n"
        f"    status = main(['assess', {str(project)!r}, '--as-at', '2026-07-15', "
        "'--format', fmt, '--include-sensitive'])\n"
        "    print(status)\n"
    )

    def run(setting: str, **env: str) -> tuple[int, str, str]:
        done = subprocess.run(
            [sys.executable, "-c", code, setting],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, **env},
            check=False,
        )
        return done.returncode, done.stdout, done.stderr

    expected = run("none")
    assert (expected[0], expected[2]) == (0, ""), expected[2][-300:]
    for setting, env in (
        ("warnings", {}),
        ("stack", {}),
        ("digits", {}),
        ("none", {"TZ": "Pacific/Kiritimati"}),
    ):
        assert run(setting, **env) == expected, setting


# ---------------------------------------------------------------------------------------------
# 3. A wrong argument to an engine is the library's own error


def _profile() -> Any:
    from participatory.safeguarding import SafeguardingProfile

    return SafeguardingProfile(groups=["young_people"], intensity="low", measures=["signposting"])


def _note() -> Any:
    from participatory.safeguarding import PersonalNote

    return PersonalNote("dee", groups=["autism"], note="")


def _safeguarding(*args: Any, **kwargs: Any) -> Callable[[], object]:
    def call() -> object:
        from participatory.safeguarding import assess_safeguarding

        return assess_safeguarding(*(a() if callable(a) else a for a in args), **kwargs)

    return call


def _engine(module: str, name: str, *args: Any) -> Callable[[], object]:
    def call() -> object:
        import importlib

        return getattr(importlib.import_module(module), name)(*args)

    return call


@pytest.mark.parametrize(
    "call",
    [
        _safeguarding(None),
        _safeguarding({"groups": ["young_people"]}),
        _safeguarding(_profile, 5),
        _safeguarding(_profile, None),
        _safeguarding(_profile, _note),  # one note, not a list of them
        _safeguarding(_profile, (), guidance="bundled"),
        _engine("participatory.power", "assess_power", "record"),
        _engine("participatory.evaluation", "assess_evaluation", {}),
        _engine("participatory.budget", "distribute", "budget"),
        _engine("participatory.tax", "tax_month", "2025-05-01"),
        _engine("participatory.tax", "tax_month", None),
        _engine("participatory.assessment", "receipt_for", "payment"),
        _engine("participatory.assessment", "receipts_for", ["payment"]),
        _engine("participatory.store", "ledger_to_data", "ledger"),
        _engine("participatory.payments", "consequences", "cash"),
    ],
    ids=[
        "safeguarding-none",
        "safeguarding-dict",
        "safeguarding-notes-int",
        "safeguarding-notes-none",
        "safeguarding-one-note",
        "safeguarding-guidance-text",
        "assess_power-text",
        "assess_evaluation-dict",
        "distribute-text",
        "tax_month-text",
        "tax_month-none",
        "receipt_for-text",
        "receipts_for-text",
        "ledger_to_data-text",
        "consequences-text",
    ],
)
def test_a_wrong_argument_to_an_engine_is_the_librarys_own_error(
    call: Callable[[], object],
) -> None:
    """hardening.md: "Whatever a caller passes (... None or a wrong type to a main entry
    point), the result is a value or a ParticipatoryError"."""
    with pytest.raises(ParticipatoryError):
        call()


def test_tax_week_of_a_datetime_is_its_days_week_or_refused() -> None:
    """Tax week 1 runs 6-12 April; Thursday 1 May 2025 is in week 4 (29 April - 5 May)."""
    from participatory.tax import tax_week

    try:
        week = tax_week(dt.datetime(2025, 5, 1, 12))  # type: ignore[arg-type]
    except ParticipatoryError:
        return
    assert week == tax_week(dt.date(2025, 5, 1))


def test_tax_week_of_a_plain_day_is_counted_from_the_sixth_of_april() -> None:
    """ITEPA/PAYE regs: week 1 is 6-12 April; 1 May 2025 is day 26 of the year, week 4."""
    from participatory.tax import tax_week

    assert tax_week(dt.date(2025, 5, 1)) == 4
    assert tax_week(dt.date(2025, 4, 6)) == 1
    assert tax_week(dt.date(2026, 4, 5)) == 53  # the 365th day: the one-day week 53


# ---------------------------------------------------------------------------------------------
# 4. Plain data that reads back as what was written


_FEW = settings(
    max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)


@_FEW
@given(data=testing_roles.projects())
def test_a_roles_project_survives_json(data: Any) -> None:
    from participatory.roles import ProjectRoles

    plain = json.loads(json.dumps(to_plain(data, include_sensitive=True)))
    assert from_plain(ProjectRoles, plain) == data


def test_a_brand_with_a_logo_survives_json() -> None:
    from participatory.render.branding import Branding, Logo

    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 8
    brand = Branding("University of Bath", logo=Logo(png))
    assert loads(Branding, dumps(brand, include_sensitive=True)) == brand


@_FEW
@given(data=testing_ledger.ledgers())
def test_a_ledgers_default_plain_data_shows_no_circumstances_or_consent(data: Any) -> None:
    """person-centred-view.md: circumstances and consents are special-category; only an export
    made for a backup (include_sensitive) holds them."""
    plain = to_plain(data)
    # Since round 11 the households are withheld whole (who shares a claim is sensitive).
    for record in plain.get("households", {}).values():
        assert set(record) <= {"id", "recorded_on"}, record
    for contributor in plain["contributors"].values():
        assert "communities" not in contributor


# ---------------------------------------------------------------------------------------------
# 5. Odd figures in a household's question: an answer or one line and status 2


def _question(receipt: dict[str, Any], **household: Any) -> str:
    people = household.pop("people", [{"id": "me", "carers_allowance": {}}])
    return json.dumps(
        {"household": {"people": people, **household}, "receipts": [receipt]},
        ensure_ascii=False,
    )


@pytest.mark.parametrize(
    "text",
    [
        _question({"amount": "\uff11\uff10.00 GBP", "received_on": "2026-06-10"}),
        _question({"amount": "\u0661\u0660.00 GBP", "received_on": "2026-06-10"}),
        _question({"amount": "10.00 GBP", "received_on": "\uff12\uff10\uff12\uff16-06-10"}),
        _question({"amount": "10.00 GBP", "received_on": "2025-02-29"}),
        _question({"amount": "1E+999999 GBP", "received_on": "2026-06-10"}),
        _question({"amount": "Infinity GBP", "received_on": "2026-06-10"}),
        _question({"amount": "10.00 GBP", "received_on": "2026-06-10", "hours": 1e308}),
        _question(
            {"amount": "10.00 GBP", "received_on": "9999-12-31"},
            people=[{"id": "me"}],
            universal_credit={"first_date_of_entitlement": "9999-12-31"},
        ),
    ],
    ids=[
        "fullwidth-digits",
        "arabic-indic-digits",
        "fullwidth-date",
        "feb-29-common-year",
        "huge-exponent",
        "infinity",
        "hours-1e308",
        "uc-from-9999-12-31",
    ],
)
def test_an_odd_figure_in_a_question_is_one_line_and_status_two(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    question = tmp_path / "question.json"
    question.write_text(text, encoding="utf-8")
    status, out, err = _run(["benefits", str(question), "--as-at", "2026-06-10"], capsys)
    assert (status, out, err.count("\n")) == (2, "", 1), err
    assert err.startswith("participatory benefits: ")


def test_a_household_file_of_negative_zero_figures_reads_as_nil(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """carers_allowance.toml 2026/27: a payment of -0.00 is no payment; it changes nothing."""
    question = tmp_path / "question.json"
    question.write_text(
        _question({"amount": "-0.00 GBP", "received_on": "2026-06-10"}), encoding="utf-8"
    )
    status, out, err = _run(["benefits", str(question), "--as-at", "2026-06-10"], capsys)
    if status == 2:
        assert err.count("\n") == 1, err
        return
    assert status == 0, err
    answer = json.loads(out)
    assert answer["change"] == "0.00 GBP", answer["change"]
    assert "-0" not in answer["change"]


# ---------------------------------------------------------------------------------------------
# 6. The ledger's options read as the documented grammar


def _ledger_with_amira(tmp_path: Path) -> str:
    from tests.hardening.records import HOUSEHOLD

    book = str(tmp_path / "ledger.sqlite3")
    (tmp_path / "home.json").write_text(json.dumps(HOUSEHOLD), encoding="utf-8")
    for argv in (
        ["ledger", "init"],
        ["ledger", "add", "contributor", "amira"],
        ["ledger", "add", "household", str(tmp_path / "home.json")],
    ):
        assert main([*argv, "--ledger", book]) == 0
    return book


@pytest.mark.parametrize("year", ["2_025", "\u0662\u0660\u0662\u0665", "\uff12\uff10\uff12\uff15"])
def test_a_tax_year_in_another_grammar_is_refused(
    year: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = _ledger_with_amira(tmp_path)
    argv = ["ledger", "statement", "--person", "amira", "--tax-year", year, "--ledger", book]
    status, out, err = _run([*argv, "--as-at", "2026-12-01"], capsys)
    assert (status, out, err.count("\n")) == (2, "", 1), out[:200]


def test_a_proposed_payment_of_minus_nothing_is_refused_or_shown_as_nothing(
    tmp_path: Path,
) -> None:
    """In a fresh process: what an earlier answer formatted must not decide (see below)."""
    book = _ledger_with_amira(tmp_path)
    argv = ["ledger", "check", "--person", "amira", "--amount", "-0.00"]
    argv += ["--received-on", "2026-01-14", "--ledger", book]
    done = _python(f"import sys; from participatory.cli import main; sys.exit(main({argv!r}))")
    if done.returncode == 2:
        assert done.stderr.count("\n") == 1, done.stderr
        return
    assert done.returncode == 0, done.stderr[-300:]
    assert "-£" not in done.stdout, done.stdout[:200]
    assert "Proposed payment: £0.00 to amira" in done.stdout, done.stdout[:200]


def test_nothing_is_written_alike_whatever_was_formatted_before_in_the_process() -> None:
    """hardening.md: safe to call from many threads, the same answer whatever the caller did.
    A server that once formats a -0.00 (one person's odd input) must not write every later
    report's £0.00 as -£0.00."""
    code = (
        "import sys\n"
        "from participatory.core.money import Money\n"
        "from participatory.render.text import format_value\n"
        "if sys.argv[1] == 'after': format_value(Money.gbp('-0.00'), 'en_GB')\n"
        "print(format_value(Money.gbp('0.00'), 'en_GB'))\n"
    )
    said = {}
    for order in ("alone", "after"):
        done = subprocess.run(
            [sys.executable, "-c", code, order],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        said[order] = (done.returncode, done.stdout)
    assert said["alone"] == (0, "£0.00\n")
    assert said["after"] == said["alone"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("esa", {"weekly_award": "-93.71 GBP"}), ("capability", "sometimes")],
    ids=["esa-award", "capability"],
)
def test_a_bad_household_file_does_not_say_what_its_members_claim(
    field: str, value: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """hardening.md: logs and error trackers are "everyone else", and a problem inside
    special-category data is counted, not described, as assess does for a project's
    ``benefits``. The file is named for its household, as in the ledger's --help."""
    import copy

    from tests.hardening.records import HOUSEHOLD

    book = _ledger_with_amira(tmp_path)
    record = copy.deepcopy(HOUSEHOLD)
    record["id"] = "h-b"
    record["household"]["people"][0][field] = value  # type: ignore[index]
    home = tmp_path / "amira-household.json"
    home.write_text(json.dumps(record), encoding="utf-8")
    status, out, err = _run(["ledger", "add", "household", str(home), "--ledger", book], capsys)
    assert (status, out, err.count("\n")) == (2, "", 1), err
    for said in ("esa", "capability", "people[0]", "93.71", "sometimes"):
        assert said not in err, err
