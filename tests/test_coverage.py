""":mod:`participatory.coverage`: unit tests.

What a research office sees: every figure, with its coverage, source, verification, last
check and next date, as things stand on a day.
"""

from __future__ import annotations

import datetime as dt

import pytest

from participatory.core.errors import ValidationError
from participatory.core.explain import Severity
from participatory.core.params import ParameterSet, bundled_parameters, parse_parameters
from participatory.coverage import (
    SORT_KEYS,
    CoverageStatus,
    figure_coverage,
    sort_coverage,
)
from participatory.payments.rates import bundled_rate_cards

TODAY = dt.date(2026, 12, 6)

FIGURES = """
[data.review_interval_days]
description = "Review interval."
unit = "days"
superseded = true
[[data.review_interval_days.values]]
effective_from = 2000-01-01
value = 100
source = "participatory_data_policy#review"
verified = true
checked_on = 2026-01-01

[known.rate]
description = "A rate with a known end."
unit = "GBP"
period = "week"
valid_until = 2027-04-05
[[known.rate.values]]
effective_from = 2025-04-07
value = 196.00
source = "up_rating_regs_2025#reg_4"
verified = true
[[known.rate.values]]
effective_from = 2026-04-06
value = 204.00
source = "brumdaily_ca_2026#headline"
verified = false
"""


@pytest.fixture
def rows():
    params = ParameterSet(parse_parameters(FIGURES, "figures.toml"))
    return {row.name: row for row in figure_coverage(params, {}, as_at=TODAY)}


def test_a_figure_with_a_known_end_shows_it_as_its_next_date(rows):
    """By hand: 204.00 from 6 April 2026 is in force on 6 December 2026, read only in a news
    report (not verified); its data ends on 5 April 2027, which is its next date."""
    row = rows["known.rate"]
    assert row.value == "204.00 GBP per week"
    assert (row.first_day, row.end, row.end_text) == (
        dt.date(2025, 4, 7), dt.date(2027, 4, 5), "2027-04-05"
    )  # fmt: skip
    assert (row.source, row.verified, row.status) == (
        "brumdaily.uk (CA limit 2026) headline", False, CoverageStatus.CURRENT
    )  # fmt: skip
    assert row.next_date == dt.date(2027, 4, 5)


def test_a_value_replaced_on_a_known_day_ends_the_day_before(rows):
    params = ParameterSet(parse_parameters(FIGURES, "figures.toml"))
    (earlier,) = [
        r for r in figure_coverage(params, {}, as_at=dt.date(2025, 6, 1)) if r.name == "known.rate"
    ]
    assert earlier.value == "196.00 GBP per week"
    assert earlier.verified
    assert earlier.next_date == dt.date(2026, 4, 5)


def test_a_figure_in_force_until_superseded_is_due_a_check_after_the_interval(rows):
    """By hand: last checked 1 January 2026, interval 100 days (its own value): due on
    11 April 2026, so on 6 December 2026 it is due for re-checking."""
    row = rows["data.review_interval_days"]
    assert (row.end, row.end_text) == (None, "in force until superseded")
    assert row.last_checked == dt.date(2026, 1, 1)
    assert row.next_date == dt.date(2026, 4, 11)
    assert row.status is CoverageStatus.RECHECK_DUE


def test_past_a_known_end_and_before_the_first_day():
    params = ParameterSet(parse_parameters(FIGURES, "figures.toml"))
    after = {r.name: r for r in figure_coverage(params, {}, as_at=dt.date(2027, 4, 6))}
    assert after["known.rate"].status is CoverageStatus.ENDED
    before = {r.name: r for r in figure_coverage(params, {}, as_at=dt.date(2025, 1, 1))}
    assert before["known.rate"].status is CoverageStatus.NOT_YET


def test_every_bundled_figure_and_rate_is_listed_today():
    rows = figure_coverage(bundled_parameters(), bundled_rate_cards(), as_at=TODAY)
    names = {row.name for row in rows}
    assert set(bundled_parameters()) <= names
    assert "rate_card.tewv.other.session" in names
    by_name = {row.name: row for row in rows}
    tewv = by_name["rate_card.tewv.other.session"]
    assert (tewv.kind, tewv.end, tewv.last_checked, tewv.next_date) == (
        "rate card", None, TODAY, dt.date(2027, 12, 6)
    )  # fmt: skip
    pilot = by_name["rate_card.co-production-collective-2024-09.other.hour"]
    assert pilot.status is CoverageStatus.ENDED
    assert pilot.next_date == dt.date(2025, 3, 31)
    # Every figure in force until superseded is current today (checked within the year).
    assert not [r.name for r in rows if r.end is None and r.status is not CoverageStatus.CURRENT]


def test_sorting_by_next_date_puts_what_needs_attention_first():
    rows = figure_coverage(bundled_parameters(), bundled_rate_cards(), as_at=TODAY)
    ordered = sort_coverage(rows, "next")
    dated = [r.next_date for r in ordered if r.next_date is not None]
    assert dated == sorted(dated)
    assert ordered[0].next_date == min(dated)
    unverified_first = sort_coverage(rows, "verified")
    assert not unverified_first[0].verified
    assert set(SORT_KEYS) == {"next", "name", "checked", "verified", "source", "status"}
    for key in SORT_KEYS:
        assert len(sort_coverage(rows, key)) == len(rows)
    with pytest.raises(ValidationError, match="sort: must be one of"):
        sort_coverage(rows, "colour")


def test_as_data_gives_iso_dates_and_no_note():
    rows = figure_coverage(bundled_parameters(), bundled_rate_cards(), as_at=TODAY)
    data = rows[0].as_data()
    assert set(data) == {
        "name", "kind", "value", "first_day", "end", "in_force_until_superseded", "source",
        "source_key", "verified", "last_checked", "next_date", "status", "file",
    }  # fmt: skip
    assert isinstance(data["first_day"], str)


def test_each_standing_has_a_severity_for_fail_on():
    """A figure past its known end is refused by the engines (a problem); one due a re-check
    may be out of date (a warning); one read only at a secondary source is advice."""
    params = ParameterSet(parse_parameters(FIGURES, "figures.toml"))

    def on(day: dt.date) -> dict[str, Severity]:
        return {r.name: r.severity for r in figure_coverage(params, {}, as_at=day)}

    assert on(TODAY) == {
        "data.review_interval_days": Severity.WARNING,
        "known.rate": Severity.ADVICE,  # 204.00 read in a news report
    }
    assert on(dt.date(2025, 6, 1))["known.rate"] is Severity.MET  # 196.00, verified
    assert on(dt.date(2027, 4, 6))["known.rate"] is Severity.PROBLEM
    assert on(dt.date(2025, 1, 1))["known.rate"] is Severity.INFO
