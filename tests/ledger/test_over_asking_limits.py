"""An institution's over-asking figures out of range: a clear refusal, never a raw error.

A window of a million days reached before the calendar begins (``OverflowError``); a negative
threshold ("at most -1") was accepted and reported everyone. The window is now at most ten
years (3,660 days), and a threshold is zero (report any ask) or more.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from participatory.cli import main
from participatory.core.errors import ValidationError
from participatory.core.params import ParameterSet, bundled_parameters, parse_parameters
from participatory.ledger import Ask, AskCount, Contributor, Ledger, assess_over_asking

AS_AT = dt.date(2026, 12, 6)
THRESHOLDS = ("person_activities", "person_projects", "community_activities",
              "community_projects")  # fmt: skip


def policy(*figures: tuple[str, int], since: str = "2026-10-01") -> str:
    """An institution's parameter file: ``ledger.over_asking.<name> = value`` for each."""
    text = """
[sources.our_policy]
title = "Public involvement policy"
publisher = "University of Example"
primary = true
read_on = 2026-10-01
[sources.our_policy.passages.asks]
pinpoint = "s. 4"
quote = "Our figures."
read_on = 2026-10-01
"""
    for name, value in figures:
        text += f"""
[ledger.over_asking.{name}]
description = "Our figure"
unit = "{"days" if name == "window_days" else "count"}"
superseded = true
[[ledger.over_asking.{name}.values]]
effective_from = {since}
value = {value}
source = "our_policy#asks"
verified = true
checked_on = 2026-10-01
"""
    return text


def ours(name: str, value: int) -> ParameterSet:
    return bundled_parameters().layered(parse_parameters(policy((name, value)), "ours.toml"))


def ledger(*days_ago: int) -> Ledger:
    return Ledger(
        contributors=[Contributor("c-1", communities=["carers-north"])],
        asks=[Ask(f"a{i}", "river", f"s-{i}", AS_AT - dt.timedelta(days=d), person="c-1")
              for i, d in enumerate(days_ago)],
    )  # fmt: skip


@pytest.mark.parametrize("days", [1_000_000, 3_661, 2**40])
def test_a_window_longer_than_ten_years_is_refused(days: int) -> None:
    with pytest.raises(ValidationError) as raised:
        assess_over_asking(ledger(), as_at=AS_AT, parameters=ours("window_days", days))
    assert raised.value.path == "ledger.over_asking.window_days"
    assert "3,660" in str(raised.value)
    # Ten years is allowed, and counts an ask made on its first day.
    result = assess_over_asking(
        ledger(3_659, 3_660), as_at=AS_AT, parameters=ours("window_days", 3_660)
    )
    assert result.people["c-1"] == AskCount(1, 1)
    assert result.window.start == AS_AT - dt.timedelta(days=3_659)


def test_a_window_reaching_before_the_calendar_starts_at_its_first_day() -> None:
    early = dt.date(1, 1, 5)
    figures = [("window_days", 90), *((name, 6) for name in THRESHOLDS)]
    since_year_one = bundled_parameters().layered(
        parse_parameters(policy(*figures, since="0001-01-01"), "ours.toml")
    )
    result = assess_over_asking(Ledger(), as_at=early, parameters=since_year_one)
    assert result.window.start == dt.date.min
    assert result.window.end == early


@pytest.mark.parametrize("name", THRESHOLDS)
def test_a_negative_threshold_is_refused_and_zero_reports_any_ask(name: str) -> None:
    with pytest.raises(ValidationError) as raised:
        assess_over_asking(ledger(1), as_at=AS_AT, parameters=ours(name, -1))
    assert raised.value.path == f"ledger.over_asking.{name}"
    assert "zero or more" in str(raised.value)
    result = assess_over_asking(ledger(1), as_at=AS_AT, parameters=ours(name, 0))
    rule = "LEDGER-OVER-ASKED-" + ("PERSON" if name.startswith("person") else "COMMUNITY")
    assert result.has(rule)


def test_the_command_line_refuses_a_huge_window_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "office.sqlite3"
    assert main(["ledger", "init", "--ledger", str(store)]) == 0
    params = tmp_path / "ours.toml"
    params.write_text(policy(("window_days", 1_000_000)))
    capsys.readouterr()
    code = main(["ledger", "over-asking", "--as-at", "2026-12-06", "--parameters", str(params),
                 "--ledger", str(store)])  # fmt: skip
    _, err = capsys.readouterr()
    assert code != 0
    assert err.count("\n") == 1, err
    assert "window_days" in err
    assert "Traceback" not in err
