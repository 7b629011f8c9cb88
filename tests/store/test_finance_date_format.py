"""A finance mapping's ``date_format``: read by the library, whatever the locale, checked once.

``time.strptime`` reads month names in the process locale (``01 May 2025`` is refused under
``de_DE``) and fails on some formats with a raw ``re.error``. The mapping's format is read by
the library's own parser instead: a format it cannot read is refused when the mapping is read,
and a date is read the same under every locale. ``_strptime`` is made unimportable here, so
any use of the locale-dependent reader fails these tests.
"""

from __future__ import annotations

import datetime as dt
import json
import locale
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.cli import main
from participatory.core.errors import ValidationError
from participatory.store import ColumnMapping, ImportRejected, read_payments

COLUMNS = {"id": "Ref", "person": "Who", "amount": "Net", "received_on": "Paid"}
ENGLISH = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
# Locales whose month names are not English, tried when the machine has them.
OTHER_LOCALES = ("de_DE.UTF-8", "fr_FR.UTF-8", "cy_GB.UTF-8", "es_ES.UTF-8", "tr_TR.UTF-8")


def mapping(date_format: str) -> ColumnMapping:
    return ColumnMapping.from_data(
        {"columns": COLUMNS, "defaults": {"payer": "uni"}, "date_format": date_format}
    )


def read_day(text: str, date_format: str) -> dt.date:
    """The day of a one-row export, read with ``_strptime`` unimportable."""
    rows = f'Ref,Who,Net,Paid\nP1,c-7,150.00,"{text}"\n'  # quoted: "%b %d, %Y" has a comma
    with pytest.MonkeyPatch.context() as patch:
        # ``datetime.strptime`` and ``time.strptime`` import ``_strptime``: make that fail.
        patch.setitem(sys.modules, "_strptime", None)
        (payment,) = read_payments(rows, format="csv", mapping=mapping(date_format))
    return payment.received_on


@pytest.mark.parametrize(
    ("date_format", "named"),
    [
        ("%d%d", "%d"),  # strptime: re.error, redefinition of group name 'd'
        ("%m/%m/%Y", "%m"),
        ("%Y-%m-%d %Y", "%Y"),
        ("%d %b %m %Y", "%b and %m"),
        ("%d/%m/%y %Y", "%y and %Y"),
        ("%d/%m/%Y %H:%M", "%H"),
        ("%e/%m/%Y", "%e"),
        ("%-d/%m/%Y", "%-d"),
        ("%#d/%m/%Y", "%#d"),
        ("%d/%m/%Y %a", "%a"),
        ("%d %b %Y %p", "%p"),
        ("%x", "%x"),
        ("%c", "%c"),
        ("%j %Y", "%j"),
        ("%d/%m/%Y %", "lone %"),
    ],
)
def test_a_format_it_cannot_read_is_refused_when_the_mapping_is_read(
    date_format: str, named: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        mapping(date_format)
    assert raised.value.path == "date_format"
    assert named in str(raised.value)
    assert "%d, %m, %Y, %y, %b, %B" in str(raised.value)  # the hint: what it can read
    # Built directly, not from plain data, the mapping is checked the same way.
    with pytest.raises(ValidationError, match="date_format"):
        ColumnMapping(COLUMNS | {"payer": "Payer"}, date_format=date_format)


@pytest.mark.parametrize(("date_format", "missing"), [("%d/%m", "year"), ("%m %Y", "day"),
                                                      ("", "day or month or year")])  # fmt: skip
def test_a_format_without_a_whole_date_is_refused(date_format: str, missing: str) -> None:
    """strptime fills a missing year with 1900; a payment needs its own."""
    with pytest.raises(ValidationError, match=f"date_format: gives no {missing}"):
        mapping(date_format)


@pytest.mark.parametrize(
    ("text", "date_format", "day"),
    [
        ("01 May 2025", "%d %b %Y", dt.date(2025, 5, 1)),
        ("1 may 2025", "%d %b %Y", dt.date(2025, 5, 1)),
        ("01 SEP 2025", "%d %b %Y", dt.date(2025, 9, 1)),
        ("1 September 2020", "%d %B %Y", dt.date(2020, 9, 1)),
        ("13/01/2026", "%d/%m/%Y", dt.date(2026, 1, 13)),
        ("1/2/2026", "%d/%m/%Y", dt.date(2026, 2, 1)),
        ("2026-01-13", "%Y-%m-%d", dt.date(2026, 1, 13)),
        ("13012026", "%d%m%Y", dt.date(2026, 1, 13)),
        ("13/01/68", "%d/%m/%y", dt.date(2068, 1, 13)),
        ("13/01/69", "%d/%m/%y", dt.date(1969, 1, 13)),
        ("13  Jan   2026", "%d %b %Y", dt.date(2026, 1, 13)),
        ("100% 13/01/2026", "100%% %d/%m/%Y", dt.date(2026, 1, 13)),
        ("paid 13.01.2026", "PAID %d.%m.%Y", dt.date(2026, 1, 13)),
    ],
)
def test_a_date_is_read_without_the_locale_dependent_reader(
    text: str, date_format: str, day: dt.date
) -> None:
    assert read_day(text, date_format) == day


@pytest.mark.parametrize(
    ("text", "date_format"),
    [
        ("01 Mai 2025", "%d %b %Y"),  # German: English names only
        ("31/02/2026", "%d/%m/%Y"),  # no such day
        ("13/13/2026", "%d/%m/%Y"),
        ("13/01/26", "%d/%m/%Y"),  # %Y is four digits
        ("13/01/2026 extra", "%d/%m/%Y"),
        ("01 Sept 2025", "%d %b %Y"),
        ("١٣/٠١/٢٠٢٦", "%d/%m/%Y"),  # Arabic-Indic digits: strptime's \d took them
        ("01 Augu\u017ft 2025", "%d %B %Y"),  # long s: re.IGNORECASE would take it for s
    ],
)
def test_a_bad_value_is_still_a_bad_row(text: str, date_format: str) -> None:
    with pytest.raises(ImportRejected) as raised:
        read_day(text, date_format)
    assert raised.value.lines() == [
        f"row 2: received_on: is not a date (write it as {date_format})"
    ]


@pytest.fixture(params=OTHER_LOCALES)
def other_locale(request: pytest.FixtureRequest) -> Iterator[str]:
    saved = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, request.param)
    except locale.Error:
        pytest.skip(f"no {request.param} locale here (locale -a)")
    try:
        yield request.param
    finally:
        locale.setlocale(locale.LC_ALL, saved)


def test_the_locale_changes_nothing(other_locale: str) -> None:
    before = locale.setlocale(locale.LC_ALL)
    assert read_day("01 May 2025", "%d %b %Y") == dt.date(2025, 5, 1)
    assert read_day("1 september 2020", "%d %B %Y") == dt.date(2020, 9, 1)
    with pytest.raises(ImportRejected):
        read_day("01 Mai 2025", "%d %b %Y")
    assert locale.setlocale(locale.LC_ALL) == before


FORMATS = ("%d/%m/%Y", "%d %b %Y", "%d %B %Y", "%Y-%m-%d", "%d.%m.%y", "%b %d, %Y", "%m%d%Y",
           "%B %d %Y", "%d%%%m%%%Y")  # fmt: skip


def english(day: dt.date, date_format: str) -> str:
    """``day`` written in ``date_format`` with English month names, independent of the code."""
    parts = {"d": f"{day.day:02}", "m": f"{day.month:02}", "Y": f"{day.year:04}",
             "y": f"{day.year % 100:02}", "b": ENGLISH[day.month - 1][:3],
             "B": ENGLISH[day.month - 1], "%": "%"}  # fmt: skip
    out, index = [], 0
    while index < len(date_format):
        if date_format[index] == "%":
            out.append(parts[date_format[index + 1]])
            index += 2
        else:
            out.append(date_format[index])
            index += 1
    return "".join(out)


@given(
    day=st.dates(min_value=dt.date(1000, 1, 1)),
    date_format=st.sampled_from(FORMATS),
    upper=st.booleans(),
)
def test_writing_a_date_in_english_then_reading_it_gives_the_date(
    day: dt.date, date_format: str, upper: bool
) -> None:
    text = english(day, date_format)
    if upper:
        text = text.upper()
    expected = day
    if "%y" in date_format:  # two digits: the century comes from strptime's pivot
        short = day.year % 100
        # Same last two digits: a 29 February stays a leap day (00 is 2000).
        expected = day.replace(year=short + (2000 if short <= 68 else 1900))
    assert read_day(text, date_format) == expected


def test_the_command_line_refuses_the_format_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = tmp_path / "office.sqlite3"
    assert main(["ledger", "init", "--ledger", str(ledger)]) == 0
    mapping_file = tmp_path / "mapping.json"
    mapping_file.write_text(
        json.dumps({"columns": COLUMNS, "defaults": {"payer": "uni"}, "date_format": "%d%d"})
    )
    export = tmp_path / "export.csv"
    export.write_text("Ref,Who,Net,Paid\nP1,c-7,150.00,0101\n")
    capsys.readouterr()
    code = main(["ledger", "import", str(export), "--mapping", str(mapping_file),
                 "--ledger", str(ledger)])  # fmt: skip
    _, err = capsys.readouterr()
    assert code != 0
    assert err.count("\n") == 1, err
    assert "date_format" in err
    assert "%d" in err
    assert "Traceback" not in err
