"""Number and date formats of the reports' locales: ``tools/cldr_table.py`` writes it.

From CLDR through babel (versions below). :mod:`participatory.render.cldr` reads it. Do not
edit by hand: run the tool (a test fails when this table differs from the installed babel's
data for the same CLDR version).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, TypeAlias

__all__ = [
    "BABEL_VERSION",
    "CLDR_VERSION",
    "CURRENCY_DIGITS",
    "CURRENCY_SYMBOLS",
    "LONG_DATES",
    "MONTHS",
    "NUMBER_PATTERNS",
    "SHARE_PATTERN",
    "SYMBOLS",
    "Pattern",
]

#: The CLDR release the table was read from.
CLDR_VERSION: Final = "49"
#: The babel release that read it.
BABEL_VERSION: Final = "2.19.0"
#: How a report shows a share (of a budget, of decisions), as a CLDR number pattern.
SHARE_PATTERN: Final = "#,##0.#%"

#: A number pattern: positive and negative prefix, positive and negative suffix,
#: primary and secondary grouping, fewest whole digits, fewest and most decimals, and
#: the power of ten the number is scaled by.
Pattern: TypeAlias = tuple[str, str, str, str, int, int, int, int, int, int]

#: Each locale's group and decimal symbols (Latin digits).
SYMBOLS: Final[Mapping[str, tuple[str, str]]] = {
    "en_GB": (",", "."),
    "cy": (",", "."),
}

#: (locale, kind) -> the kind's pattern (kind: number, currency or share).
NUMBER_PATTERNS: Final[Mapping[tuple[str, str], Pattern]] = {
    ("en_GB", "number"): ("", "-", "", "", 3, 3, 1, 0, 3, 0),
    ("en_GB", "currency"): ("¤", "-¤", "", "", 3, 3, 1, 2, 2, 0),
    ("en_GB", "share"): ("", "-", "%", "%", 3, 3, 1, 0, 1, 2),
    ("cy", "number"): ("", "-", "", "", 3, 3, 1, 0, 3, 0),
    ("cy", "currency"): ("¤", "-¤", "", "", 3, 3, 1, 2, 2, 0),
    ("cy", "share"): ("", "-", "%", "%", 3, 3, 1, 0, 1, 2),
}

#: (locale, currency) -> the currency's symbol in that locale.
CURRENCY_SYMBOLS: Final[Mapping[tuple[str, str], str]] = {
    ("en_GB", "GBP"): "£",
    ("en_GB", "EUR"): "€",
    ("en_GB", "USD"): "US$",
    ("cy", "GBP"): "£",
    ("cy", "EUR"): "€",
    ("cy", "USD"): "US$",
}

#: Each currency's decimal places.
CURRENCY_DIGITS: Final[Mapping[str, int]] = {
    "GBP": 2,
    "EUR": 2,
    "USD": 2,
}

#: Each locale's long date: fields (%d day, %MMMM month's name, %y year) and the text
#: between them, in order.
LONG_DATES: Final[Mapping[str, tuple[str, ...]]] = {
    "en_GB": ("%d", " ", "%MMMM", " ", "%y"),
    "cy": ("%d", " ", "%MMMM", " ", "%y"),
}

#: Each locale's months' full names, January first, as a date shows them.
MONTHS: Final[Mapping[str, tuple[str, ...]]] = {
    "en_GB": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "cy": (
        "Ionawr",
        "Chwefror",
        "Mawrth",
        "Ebrill",
        "Mai",
        "Mehefin",
        "Gorffennaf",
        "Awst",
        "Medi",
        "Hydref",
        "Tachwedd",
        "Rhagfyr",
    ),
}
