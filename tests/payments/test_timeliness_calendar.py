""":mod:`participatory.payments.timeliness`: the bundled UK bank holidays.

Working days in 2000-2040 are counted from ``data/calendars/uk_bank_holidays.json`` so the
normal path never imports the ``holidays`` package (issue 18). The file must say exactly
what the installed package says, for every nation and every bundled year (a new release
that learns of a one-off bank holiday fails here: run ``python tools/bank_holidays.py``),
and counting must give the same answers as before, inside the bundle, outside it and
across its edges.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from importlib import resources

import holidays
import pytest

from participatory.core.errors import ValidationError
from participatory.core.nations import Nation
from participatory.payments import timeliness
from participatory.payments.timeliness import WorkingDays

D = dt.date


def _document() -> dict:
    """The bundled file, read independently of the library's loader."""
    path = resources.files("participatory") / "data" / "calendars" / "uk_bank_holidays.json"
    return json.loads(path.read_text(encoding="utf-8"))


DOCUMENT = _document()
YEARS = range(DOCUMENT["first_year"], DOCUMENT["last_year"] + 1)


def test_the_bundle_covers_2000_to_2040_for_every_nation() -> None:
    assert (YEARS.start, YEARS.stop - 1) == (2000, 2040)
    assert set(DOCUMENT["nations"]) == {nation.holidays_code for nation in Nation}
    for years in DOCUMENT["nations"].values():
        assert list(years) == [str(year) for year in YEARS]
    assert DOCUMENT["source"] == "https://www.gov.uk/bank-holidays"
    assert DOCUMENT["generated_from"].startswith("holidays ")


@pytest.mark.parametrize("nation", list(Nation), ids=lambda n: n.value)
def test_the_bundle_is_what_the_holidays_package_says(nation: Nation) -> None:
    """Every holiday of every bundled year (weekend days and substitute days too), asked one
    year at a time as the library asks the package beyond the bundle."""
    bundled = DOCUMENT["nations"][nation.holidays_code]
    drift = {}
    for year in YEARS:
        package = sorted(
            day.isoformat()
            for day in holidays.country_holidays("GB", subdiv=nation.holidays_code, years=year)
        )
        if bundled[str(year)] != package:
            drift[year] = (bundled[str(year)], package)
    assert drift == {}, "regenerate with: python tools/bank_holidays.py"


@pytest.mark.parametrize("nation", list(Nation), ids=lambda n: n.value)
def test_the_loader_gives_the_packages_weekday_holidays(nation: Nation) -> None:
    """What the counting uses: the weekday holidays, from the bundle inside it, the package
    outside (1999 and 2041 lie just beyond)."""
    for year in [1999, *YEARS, 2041]:
        package = holidays.country_holidays("GB", subdiv=nation.holidays_code, years=year)
        expected = tuple(sorted(day.toordinal() for day in package if day.weekday() < 5))
        assert timeliness._bank_holidays(nation, year) == expected, year


@pytest.mark.parametrize("nation", list(Nation), ids=lambda n: n.value)
def test_one_off_bank_holidays_are_not_working_days(nation: Nation) -> None:
    """The State Funeral of Queen Elizabeth II (Monday 19 September 2022) and the coronation
    of King Charles III (Monday 8 May 2023) were bank holidays in all four nations, so one
    working day after the Friday before each is the Tuesday."""
    calendar = WorkingDays(nation)
    assert not calendar.is_working_day(D(2022, 9, 19))
    assert calendar.add(D(2022, 9, 16), 1) == D(2022, 9, 20)
    assert not calendar.is_working_day(D(2023, 5, 8))
    assert calendar.add(D(2023, 5, 5), 1) == D(2023, 5, 9)


def test_counting_across_the_start_of_the_bundle() -> None:
    """England, after Friday 24 December 1999 to Tuesday 4 January 2000: weekdays 27, 28,
    29, 30, 31 December, 3 and 4 January (7); bank holidays among them: 27 and 28 December
    (Christmas Day and Boxing Day fell on the weekend), 31 December (the Millennium) and
    3 January (New Year's Day was a Saturday). 7 - 4 = 3 working days: 29, 30 December and
    4 January."""
    england = WorkingDays(Nation.ENGLAND)
    assert england.between(D(1999, 12, 24), D(2000, 1, 4)) == 3
    assert england.add(D(1999, 12, 24), 3) == D(2000, 1, 4)


def test_counting_across_the_end_of_the_bundle() -> None:
    """England, 10 working days after Thursday 20 December 2040: Christmas Day and Boxing
    Day are Tuesday and Wednesday, New Year's Day 2041 a Tuesday. Working days: 21, 24, 27,
    28, 31 December, 2, 3, 4, 7 and 8 January, so the answer is Tuesday 8 January 2041."""
    england = WorkingDays(Nation.ENGLAND)
    assert england.add(D(2040, 12, 20), 10) == D(2041, 1, 8)
    assert england.between(D(2040, 12, 20), D(2041, 1, 8)) == 10


def test_the_horizon_and_its_errors_are_the_packages() -> None:
    """Beyond the bundle the package's own coverage still decides (1872 to 2100)."""
    calendar = WorkingDays(Nation.NORTHERN_IRELAND)
    package = holidays.country_holidays("GB", subdiv="NIR")
    assert calendar.horizon == (D(package.start_year, 1, 1), D(package.end_year, 12, 31))
    assert calendar.horizon[0] <= D(YEARS.start, 1, 1)
    assert D(YEARS.stop - 1, 12, 31) <= calendar.horizon[1]
    with pytest.raises(ValidationError, match=r"^day: is outside .* \(1872-01-01 to 2100-12-31\)"):
        calendar.is_working_day(D(1871, 12, 31))
    with pytest.raises(ValidationError, match=r"^working_days: would end after 2100-12-31"):
        calendar.add(D(2040, 6, 1), 20_000)


_NO_IMPORT = """
import datetime as dt
import sys
from participatory.core.nations import Nation
from participatory.payments.timeliness import TimelinessPolicy, WorkingDays
assert WorkingDays(Nation.ENGLAND).add(dt.date(2026, 12, 23), 2) == dt.date(2026, 12, 29)
for nation in Nation:
    calendar = WorkingDays(nation)
    calendar.between(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    calendar.is_working_day(dt.date(2026, 11, 30))
    TimelinessPolicy(10, nation).calendar.add(dt.date(2026, 12, 18), 10)
loaded = sorted(name for name in sys.modules if name.split(".")[0] == "holidays")
assert not loaded, loaded
"""


def test_counting_working_days_in_2026_does_not_import_holidays() -> None:
    """Issue 18: importing ``holidays`` and its first look-up cost about 100 ms, most of
    ``participatory assess``. A fresh interpreter counts 2026 without it."""
    result = subprocess.run(
        [sys.executable, "-c", _NO_IMPORT], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
