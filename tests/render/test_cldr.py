"""The table of the supported locales' formats gives what babel gives from the same CLDR data.

:mod:`participatory.render.cldr` formats money, numbers, shares and long dates from a table
written by ``tools/cldr_table.py``, so a report does not load babel. These tests compare it
with babel value by value, in the library's decimal context (where the library has always
called babel), except where it deliberately differs: a zero has no sign.
"""

from __future__ import annotations

import datetime as dt
import decimal
import doctest
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from babel.core import get_cldr_version
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent
from hypothesis import example, given
from hypothesis import strategies as st

from participatory.core.errors import ValidationError
from participatory.core.exact import own_context
from participatory.core.money import Money
from participatory.core.shares import Share
from participatory.render import cldr, cldr_table
from participatory.render.i18n import SUPPORTED_LOCALES
from participatory.render.text import _FORMATTED, format_value
from tests.tools import load_tool

cldr_tool = load_tool("cldr_table")

locales = st.sampled_from(SUPPORTED_LOCALES)
currencies = st.sampled_from(sorted(cldr_table.CURRENCY_DIGITS))
# Amounts of money as the library holds them: below 10**15, any number of decimals.
amounts = st.decimals(
    min_value=Decimal("-1e15") + 1, max_value=Decimal("1e15") - 1, allow_nan=False, places=None
).filter(lambda d: d.is_finite() and abs(d) < Decimal("1e15") and d.adjusted() > -20)
numbers = amounts | st.integers(min_value=-(10**15), max_value=10**15)
fractions = st.decimals(min_value=-2, max_value=2, allow_nan=False, allow_infinity=False).filter(
    lambda d: d.adjusted() > -20
)


def _no_signed_zero(text: str, magnitude_shown: str) -> str:
    """babel's text with the sign dropped where the rounded value is zero (the table's rule)."""
    return text[1:] if text.startswith("-") and not magnitude_shown.strip("0.,£€US$%") else text


def _babel(call: object, *args: object, **kwargs: object) -> str:
    with own_context():
        return str(call(*args, **kwargs))  # type: ignore[operator]


@given(amounts, currencies, locales)
@example(Decimal("-0.00"), "GBP", "en_GB")
@example(Decimal("-0.004"), "GBP", "cy")
@example(Decimal("0.005"), "GBP", "en_GB")  # half to even: £0.00
@example(Decimal("0.015"), "EUR", "en_GB")  # half to even: €0.02
@example(Decimal("999999999999999.995"), "GBP", "en_GB")
@example(Decimal("1E+3"), "USD", "cy")
def test_money_is_formatted_as_babel_formats_it(
    amount: Decimal, currency: str, locale: str
) -> None:
    ours = cldr.money(amount, currency, locale)
    theirs = _babel(format_currency, amount, currency, locale=locale)
    assert ours == _no_signed_zero(theirs, theirs.lstrip("-"))


@given(numbers, locales)
@example(Decimal("1234.5675"), "en_GB")  # half to even at the third decimal: 1,234.568
@example(Decimal("-0.0004"), "cy")
@example(Decimal("1E+20"), "en_GB")
@example(0, "cy")
def test_numbers_are_formatted_as_babel_formats_them(value: Decimal | int, locale: str) -> None:
    ours = cldr.number(value, locale)
    theirs = _babel(format_decimal, value, locale=locale)
    assert ours == _no_signed_zero(theirs, theirs.lstrip("-"))


@given(fractions, locales)
@example(Decimal("0.004"), "en_GB")  # 0.4%
@example(Decimal("0.00049"), "en_GB")  # 0%
@example(Decimal("-0.0004"), "cy")  # no sign: 0%
@example(Decimal("12.3456"), "cy")  # 1,234.6%
def test_shares_are_formatted_as_babel_formats_them(value: Decimal, locale: str) -> None:
    ours = cldr.share(value, locale)
    theirs = _babel(format_percent, value, format=cldr.SHARE_PATTERN, locale=locale)
    assert ours == _no_signed_zero(theirs, theirs.lstrip("-"))


@given(st.dates(), locales)
@example(dt.date(1, 1, 1), "cy")
@example(dt.date(9999, 12, 31), "en_GB")
@example(dt.date(2028, 2, 29), "cy")
def test_long_dates_are_formatted_as_babel_formats_them(day: dt.date, locale: str) -> None:
    assert cldr.long_date(day, locale) == _babel(format_date, day, format="long", locale=locale)


def test_worked_examples() -> None:
    """Written out by hand from CLDR's en-GB and cy data (group ",", decimal ".", pound
    sign before the amount, minus before the sign; Welsh months Ionawr … Rhagfyr)."""
    assert cldr.money(Decimal("1234567.891"), "GBP", "en_GB") == "£1,234,567.89"
    assert cldr.money(Decimal("-1250"), "GBP", "cy") == "-£1,250.00"
    assert cldr.money(Decimal("12"), "USD", "en_GB") == "US$12.00"
    assert cldr.number(Decimal("1000000"), "en_GB") == "1,000,000"
    assert cldr.number(Decimal("2.50"), "cy") == "2.5"
    assert cldr.share(Decimal("0.125"), "en_GB") == "12.5%"
    assert cldr.share(Decimal("1"), "cy") == "100%"
    assert cldr.long_date(dt.date(2026, 12, 25), "cy") == "25 Rhagfyr 2026"
    assert cldr.long_date(dt.date(2027, 2, 1), "en_GB") == "1 February 2027"


@pytest.mark.parametrize(
    ("call", "args"),
    [
        (cldr.money, (Decimal("1"), "CHF", "en_GB")),
        (cldr.money, (Decimal("1"), "GBP", "fr")),
        (cldr.money, (Decimal("Infinity"), "GBP", "en_GB")),
        (cldr.number, (Decimal("NaN"), "cy")),
        (cldr.number, (Decimal("1"), "de_DE")),
        (cldr.share, (Decimal("-Infinity"), "en_GB")),
        (cldr.long_date, (dt.date(2026, 1, 1), "fr")),
    ],
)
def test_what_the_table_does_not_hold_is_none(call: object, args: tuple[object, ...]) -> None:
    assert call(*args) is None  # type: ignore[operator]


def test_format_value_asks_babel_for_what_the_table_does_not_hold() -> None:
    """Swiss francs are not in the table: babel formats them, the same as before the table."""
    assert format_value(Money(Decimal("1234.5"), "CHF"), "en_GB") == _babel(
        format_currency, Decimal("1234.5"), "CHF", locale="en_GB"
    )
    assert format_value(Money(Decimal("-0.00"), "CHF"), "cy") == format_value(
        Money(Decimal("0.00"), "CHF"), "cy"
    )


@pytest.mark.parametrize("first", ["-0.00", "0.00"])
def test_a_zero_reads_the_same_whichever_sign_was_formatted_first(first: str) -> None:
    """Equal amounts share a remembered text: with a signed zero, one person's -0.00 used to
    make every later £0.00 read -£0.00 in the same process."""
    _FORMATTED.clear()
    other = "0.00" if first == "-0.00" else "-0.00"
    assert format_value(Money.gbp(first), "en_GB") == "£0.00"
    assert format_value(Money.gbp(other), "en_GB") == "£0.00"
    assert format_value(Decimal(first), "cy") == "0"
    assert format_value(Share(Decimal(first)), "en_GB") == "0%"


@given(amounts, locales)
def test_the_callers_decimal_context_changes_nothing(amount: Decimal, locale: str) -> None:
    expected = (cldr.money(amount, "GBP", locale), cldr.number(amount, locale))
    hostile = decimal.Context(prec=3, rounding=decimal.ROUND_DOWN, traps=[decimal.Inexact])
    with decimal.localcontext(hostile):
        assert (cldr.money(amount, "GBP", locale), cldr.number(amount, locale)) == expected


def test_the_table_is_the_tools_output_for_the_installed_cldr() -> None:
    """The table holds what the installed babel reads from the CLDR release the table names.
    A newer babel with a newer CLDR may differ: then the table is written again by
    ``python tools/cldr_table.py``, and these tests say what changed."""
    if get_cldr_version() != cldr_table.CLDR_VERSION:
        pytest.skip(
            f"babel reads CLDR {get_cldr_version()}, the table CLDR {cldr_table.CLDR_VERSION}"
        )
    fresh = cldr_tool.tables()
    assert fresh["symbols"] == cldr_table.SYMBOLS
    assert fresh["number_patterns"] == cldr_table.NUMBER_PATTERNS
    assert fresh["currency_symbols"] == cldr_table.CURRENCY_SYMBOLS
    assert fresh["currency_digits"] == cldr_table.CURRENCY_DIGITS
    assert fresh["long_dates"] == cldr_table.LONG_DATES
    assert fresh["months"] == cldr_table.MONTHS
    assert cldr_tool.SHARE_PATTERN == cldr_table.SHARE_PATTERN


def test_the_tools_examples_and_its_check(tmp_path: Path) -> None:
    failed, tried = doctest.testmod(cldr_tool)
    assert (failed, tried) == (0, 3)
    stale = tmp_path / "cldr_table.py"
    stale.write_text("MONTHS = {}\n", encoding="utf-8")
    assert cldr_tool.main(["--check", "--output", str(stale)]) == 1
    assert cldr_tool.main(["--output", str(stale)]) == 0
    assert cldr_tool.main(["--check", "--output", str(stale)]) == 0


def test_an_english_report_loads_no_babel(tmp_path: Path) -> None:
    """The point of the table: rendering a report imports none of babel's formatting or
    locale data (a Welsh one reads its message catalogue through babel's readers)."""
    script = (
        "import sys\n"
        "from participatory.cli import main\n"
        "main(['assess', 'examples/arts-coproduction.toml', '--output', sys.argv[1]])\n"
        "print(sorted(m for m in sys.modules if m == 'babel' or m.startswith('babel.')))\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "report.txt")],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert "£" in (tmp_path / "report.txt").read_text(encoding="utf-8")


def test_importing_in_a_callers_narrow_context_changes_nothing() -> None:
    """The table's quanta are worked out when the module is imported: in the library's own
    context, not in a caller's whose exponents stop at 1E-5 (and traps inexact results)."""
    script = (
        "import decimal\n"
        "ctx = decimal.Context(prec=4, Emin=-5, traps=[decimal.Inexact, decimal.Subnormal])\n"
        "with decimal.localcontext(ctx):\n"
        "    from participatory.render import cldr\n"
        "print([str(q) for q in cldr._QUANTA])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    expected = [str(Decimal(1).scaleb(-places)) for places in range(10)]
    assert done.stdout.strip() == str(expected)


@given(st.integers(min_value=-(10**60), max_value=10**60))
def test_a_whole_number_of_any_length_is_written_out_whole(value: int) -> None:
    """Past the library's 28 digits of precision a count is still written digit for digit:
    in English, grouped by threes with commas (what Python's own ``,`` format does)."""
    assert cldr.number(value, "en_GB") == f"{value:,}"


def test_a_long_value_is_rounded_once() -> None:
    """0.0014999999999999999999999999999999 (34 digits) to a number's three decimals is
    0.001, and as a share (0.14999…%, to one decimal) 0.1%. Rounded first to 28 digits it
    would read 0.0015000…, which half to even makes 0.002 and 0.2%: rounding twice."""
    assert cldr.number(Decimal("0.0014999999999999999999999999999999"), "en_GB") == "0.001"
    assert cldr.share(Decimal("0.0014999999999999999999999999999999"), "en_GB") == "0.1%"


@pytest.mark.parametrize("value", [Decimal("1E+500"), 10**500])
def test_a_number_too_long_to_write_out_is_the_librarys_own_error(value: object) -> None:
    with pytest.raises(ValidationError, match="too many digits"):
        format_value(value, "en_GB")


def test_a_signalling_nan_is_shown_as_not_a_number() -> None:
    assert format_value(Decimal("sNaN"), "en_GB") == format_value(Decimal("NaN"), "en_GB")
