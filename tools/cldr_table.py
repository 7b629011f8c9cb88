"""Writing the table of number and date formats the reports use, from CLDR through babel.

A maintainer's tool, not part of the library. :mod:`participatory.render.cldr` formats
money, numbers, shares and long dates for the supported locales from
``participatory/render/cldr_table.py``, so a report does not load babel and its locale
data (about a tenth of a whole ``participatory assess`` run). This tool writes that table
from the babel installed, and records the CLDR version it came from. Tests fail when the
table differs from what the installed babel gives for the same CLDR version, and compare
the library's formatting with babel's for generated values. Run, with participatory
installed::

    python tools/cldr_table.py            # rewrite the table
    python tools/cldr_table.py --check    # exit status 1 if it is out of date

>>> table = tables()
>>> table["months"]["cy"][3]
'Ebrill'
>>> table["number_patterns"]["en_GB", "currency"][:2]
('¤', '-¤')
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import babel
from babel import Locale
from babel.core import get_cldr_version
from babel.numbers import NumberPattern, get_currency_precision, parse_pattern

from participatory.render.i18n import SUPPORTED_LOCALES

__all__ = ["CURRENCIES", "SHARE_PATTERN", "TABLE_FILE", "main", "render", "tables"]

#: The table in the source tree.
TABLE_FILE = (
    Path(__file__).resolve().parent.parent / "src" / "participatory" / "render" / "cldr_table.py"
)

#: How a report shows a share (of a budget, of decisions), as a CLDR number pattern: one
#: decimal place is enough, and never shows "0%" for a small but real share such as 0.4%.
SHARE_PATTERN = "#,##0.#%"

#: The currencies the table holds; money in any other is formatted by babel itself.
CURRENCIES = ("GBP", "EUR", "USD")

# The fields of a long date the table can hold: day, the month's full name, the year.
_DATE_FIELD = re.compile(r"%\((d|MMMM|y)\)s")
_ANY_FIELD = re.compile(r"%\(([^)]*)\)s")
# The longest line ruff's format keeps (pyproject.toml), so the table needs no reformatting.
_LINE_LENGTH = 100

_HEADER = '''"""Number and date formats of the reports' locales: ``tools/cldr_table.py`` writes it.

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
'''


def _pattern(pattern: NumberPattern) -> tuple[Any, ...]:
    texts = (*pattern.prefix, *pattern.suffix)
    if any("'" in t for t in texts) or pattern.exp_prec or "@" in pattern.pattern:
        # Quoted text, exponents and significant digits need babel's whole algorithm.
        raise SystemExit(f"pattern {pattern.pattern!r} is beyond what the table can hold")
    return (
        pattern.prefix[0],
        pattern.prefix[1],
        pattern.suffix[0],
        pattern.suffix[1],
        pattern.grouping[0],
        pattern.grouping[1],
        pattern.int_prec[0],
        pattern.frac_prec[0],
        pattern.frac_prec[1],
        pattern.scale,
    )


def _long_date(locale: Locale) -> tuple[str, ...]:
    template = locale.date_formats["long"].format
    unknown = [f for f in _ANY_FIELD.findall(template) if not _DATE_FIELD.fullmatch(f"%({f})s")]
    if unknown or "%" in _ANY_FIELD.sub("", template):
        raise SystemExit(f"long date {template!r} of {locale} is beyond what the table holds")
    # Fields and the literal text between them, in order; a field is marked by a leading %.
    pieces: list[str] = []
    at = 0
    for found in _DATE_FIELD.finditer(template):
        if found.start() > at:
            pieces.append(template[at : found.start()])
        pieces.append("%" + found.group(1))
        at = found.end()
    if at < len(template):
        pieces.append(template[at:])
    return tuple(pieces)


def tables() -> dict[str, Any]:
    """The table's contents from the installed babel, by the name each has in the table."""
    symbols: dict[str, tuple[str, str]] = {}
    patterns: dict[tuple[str, str], tuple[Any, ...]] = {}
    currency_symbols: dict[tuple[str, str], str] = {}
    long_dates: dict[str, tuple[str, ...]] = {}
    months: dict[str, tuple[str, ...]] = {}
    for name in SUPPORTED_LOCALES:
        locale = Locale.parse(name)
        latin = locale.number_symbols["latn"]
        symbols[name] = (latin["group"], latin["decimal"])
        patterns[name, "number"] = _pattern(locale.decimal_formats[None])
        patterns[name, "currency"] = _pattern(locale.currency_formats["standard"])
        patterns[name, "share"] = _pattern(parse_pattern(SHARE_PATTERN))
        for code in CURRENCIES:
            currency_symbols[name, code] = locale.currency_symbols.get(code, code)
        long_dates[name] = _long_date(locale)
        wide = locale.months["format"]["wide"]
        months[name] = tuple(wide[number] for number in range(1, 13))
    return {
        "symbols": symbols,
        "number_patterns": patterns,
        "currency_symbols": currency_symbols,
        "currency_digits": {code: get_currency_precision(code) for code in CURRENCIES},
        "long_dates": long_dates,
        "months": months,
    }


def render(table: dict[str, Any], *, cldr: str, babel_version: str) -> str:
    """The table module's text for ``table`` (from :func:`tables`)."""
    lines = [_HEADER]
    lines.append("#: The CLDR release the table was read from.")
    lines.append(f"CLDR_VERSION: Final = {_literal(cldr)}")
    lines.append("#: The babel release that read it.")
    lines.append(f"BABEL_VERSION: Final = {_literal(babel_version)}")
    lines.append(
        "#: How a report shows a share (of a budget, of decisions), as a CLDR number pattern.\n"
        f"SHARE_PATTERN: Final = {_literal(SHARE_PATTERN)}\n"
    )
    lines.append(
        "#: A number pattern: positive and negative prefix, positive and negative suffix,\n"
        "#: primary and secondary grouping, fewest whole digits, fewest and most decimals, and\n"
        "#: the power of ten the number is scaled by.\n"
        "Pattern: TypeAlias = tuple[str, str, str, str, int, int, int, int, int, int]\n"
    )
    lines.append("#: Each locale's group and decimal symbols (Latin digits).")
    lines.append(_mapping("SYMBOLS", "Mapping[str, tuple[str, str]]", table["symbols"]))
    lines.append("#: (locale, kind) -> the kind's pattern (kind: number, currency or share).")
    lines.append(
        _mapping(
            "NUMBER_PATTERNS",
            "Mapping[tuple[str, str], Pattern]",
            table["number_patterns"],
        )
    )
    lines.append("#: (locale, currency) -> the currency's symbol in that locale.")
    lines.append(
        _mapping("CURRENCY_SYMBOLS", "Mapping[tuple[str, str], str]", table["currency_symbols"])
    )
    lines.append("#: Each currency's decimal places.")
    lines.append(_mapping("CURRENCY_DIGITS", "Mapping[str, int]", table["currency_digits"]))
    lines.append(
        "#: Each locale's long date: fields (%d day, %MMMM month's name, %y year) and the text\n"
        "#: between them, in order."
    )
    lines.append(_mapping("LONG_DATES", "Mapping[str, tuple[str, ...]]", table["long_dates"]))
    lines.append("#: Each locale's months' full names, January first, as a date shows them.")
    lines.append(_mapping("MONTHS", "Mapping[str, tuple[str, ...]]", table["months"]))
    return "\n".join(lines)


def _mapping(name: str, kind: str, values: dict[Any, Any]) -> str:
    lines = [f"{name}: Final[{kind}] = {{"]
    for key, value in values.items():
        line = f"    {_literal(key)}: {_literal(value)},"
        if len(line) <= _LINE_LENGTH:
            lines.append(line)
            continue
        # One item a line, closed by a comma, as ruff formats a literal too long for one.
        lines.append(f"    {_literal(key)}: (")
        lines.extend(f"        {_literal(item)}," for item in value)
        lines.append("    ),")
    lines.append("}\n")
    return "\n".join(lines)


def _literal(value: object) -> str:
    """``value`` as Python source in ruff's style (double quotes)."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple):
        return "(" + ", ".join(_literal(item) for item in value) + ")"
    return repr(value)


def main(argv: Sequence[str] | None = None) -> int:
    """Rewrite the table (or, with ``--check``, say whether it is current); exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--output", type=Path, default=TABLE_FILE, help="file to write")
    options = parser.parse_args(argv)
    fresh = render(tables(), cldr=get_cldr_version(), babel_version=babel.__version__)
    if options.check:
        current = options.output.read_text(encoding="utf-8") if options.output.exists() else ""
        if current != fresh:
            print(f"{options.output} is out of date: run python tools/cldr_table.py")
            return 1
        print(f"{options.output} is current")
        return 0
    options.output.write_text(fresh, encoding="utf-8")
    print(f"wrote {options.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
