"""Money, numbers, shares and long dates in the supported locales, from a table of CLDR's formats.

Reports show amounts and dates in English and Welsh as the Unicode CLDR data says
(grouping, decimal symbol, currency symbol, month names). babel holds that data, but
loading it and babel's formatting modules cost about a tenth of a whole ``participatory
assess`` run, for two locales whose formats fit in a few lines. So the formats of the
supported locales are a table (:mod:`participatory.render.cldr_table`), written from babel
by ``tools/cldr_table.py``, and read here. Tests check the table against the installed
babel and this module's formatting against babel's, value by value.

A zero is shown without a sign, however it was reached (babel writes ``-£0.00`` for
``-0.00`` or ``-0.001``). Each function answers ``None`` for what the table does not hold
(another locale or currency, an infinite or not-a-number value): the caller then asks
babel (:func:`participatory.render.text.format_value` does). The arithmetic runs in the
library's own decimal context whatever the caller's.

>>> from decimal import Context, Decimal
>>> money(Decimal("-1234.5"), "GBP", "en_GB")
'-£1,234.50'
>>> number(Decimal("1234.56789"), "cy")
'1,234.568'
>>> share(Decimal("0.125"), "en_GB")
'12.5%'
>>> import datetime as dt
>>> long_date(dt.date(2026, 4, 6), "cy")
'6 Ebrill 2026'
>>> money(Decimal("-0.004"), "GBP", "en_GB")
'£0.00'
>>> money(Decimal("5"), "CHF", "en_GB") is None
True
"""

from __future__ import annotations

import datetime as dt
from decimal import Context, Decimal
from typing import Final

from participatory.core.errors import ValidationError
from participatory.core.exact import CONTEXT
from participatory.render.cldr_table import (
    CURRENCY_DIGITS,
    CURRENCY_SYMBOLS,
    LONG_DATES,
    MONTHS,
    NUMBER_PATTERNS,
    SHARE_PATTERN,
    SYMBOLS,
)

__all__ = ["SHARE_PATTERN", "long_date", "money", "number", "share"]

# Its flags are nobody's business; its traps are the library's (an amount too long for
# the library's precision is refused, as everywhere else).
_CONTEXT: Final = CONTEXT.copy()
_QUANTA: Final = tuple(Decimal(1).scaleb(-places, _CONTEXT) for places in range(10))


def money(amount: Decimal, currency: str, locale: str) -> str | None:
    """``amount`` of ``currency`` as ``locale`` shows it, to the currency's minor unit."""
    symbol = CURRENCY_SYMBOLS.get((locale, currency))
    if symbol is None:
        return None
    places = CURRENCY_DIGITS[currency]
    return _apply(amount, locale, "currency", (places, places), symbol)


def number(value: Decimal | int, locale: str) -> str | None:
    """``value`` as ``locale`` shows a number (at most three decimal places)."""
    return _apply(value, locale, "number", None, "")


def share(value: Decimal | int, locale: str) -> str | None:
    """``value`` (a fraction: 0.125) as ``locale`` shows a percentage.

    By the pattern :data:`~participatory.render.cldr_table.SHARE_PATTERN`.
    """
    return _apply(value, locale, "share", None, "")


def long_date(day: dt.date, locale: str) -> str | None:
    """``day`` written out as ``locale`` writes a date in full (6 April 2026)."""
    pieces = LONG_DATES.get(locale)
    if pieces is None:
        return None
    fields = {"%d": str(day.day), "%MMMM": MONTHS[locale][day.month - 1], "%y": str(day.year)}
    return "".join(fields.get(piece, piece) for piece in pieces)


def _apply(
    value: Decimal | int,
    locale: str,
    kind: str,
    places: tuple[int, int] | None,
    symbol: str,
) -> str | None:
    pattern = NUMBER_PATTERNS.get((locale, kind))
    if pattern is None:
        return None
    (
        plus_prefix,
        minus_prefix,
        plus_suffix,
        minus_suffix,
        primary,
        secondary,
        fewest_whole,
        fewest_places,
        most_places,
        scale,
    ) = pattern
    amount = Decimal(value)
    if not amount.is_finite():
        return None
    if places is not None:
        fewest_places, most_places = places
    # Rounded once, to the pattern's decimals half to even, as CLDR's formatting does: in a
    # context with the digits the value needs, so that neither a long value nor a large one
    # is rounded twice or refused.
    context = _exact_for(amount, scale, most_places)
    magnitude = amount.scaleb(scale, context).copy_abs().normalize(context)
    rounded = magnitude.quantize(_quantum(most_places), context=context)
    # Unlike babel, a zero has no sign: "-£0.00" (from -0.00, or -0.001 rounded) reads as a
    # debt, and would differ from "£0.00" for amounts that are equal.
    negative = amount.is_signed() and not rounded.is_zero()
    whole, _, decimals = f"{rounded:f}".partition(".")
    whole = whole.rjust(fewest_whole, "0")
    grouped = _grouped(whole, primary, secondary, SYMBOLS[locale][0])
    decimals = decimals.ljust(fewest_places, "0")
    if most_places == 0 or (fewest_places == 0 and not decimals.strip("0")):
        decimals = ""
    else:
        decimals = SYMBOLS[locale][1] + _trimmed(decimals, fewest_places)
    if negative:
        text = minus_prefix + grouped + decimals + minus_suffix
    else:
        text = plus_prefix + grouped + decimals + plus_suffix
    return text.replace("¤", symbol) if symbol else text


#: The most digits a number is written out with (a count or amount in a report has a few
#: dozen at most): a value needing more is refused, not written out.
_MOST_DIGITS: Final = 400


def _exact_for(amount: Decimal, scale: int, places: int) -> Context:
    """A context in which scaling ``amount`` and rounding it to ``places`` are exact."""
    _sign, digits, exponent = amount.as_tuple()
    assert isinstance(exponent, int)  # a finite value
    needed = max(len(digits), len(digits) + exponent + scale + places) + 2
    if needed <= _CONTEXT.prec:
        return _CONTEXT
    if needed > _MOST_DIGITS:
        raise ValidationError("value", f"has too many digits to show (more than {_MOST_DIGITS})")
    wider = _CONTEXT.copy()  # a context of its own: the library's is shared
    wider.prec = needed
    return wider


def _quantum(places: int) -> Decimal:
    return _QUANTA[places] if places < len(_QUANTA) else Decimal(1).scaleb(-places, _CONTEXT)


def _grouped(whole: str, primary: int, secondary: int, separator: str) -> str:
    if len(whole) <= primary:
        return whole
    groups = [whole[-primary:]]
    rest = whole[:-primary]
    while len(rest) > secondary:
        groups.append(rest[-secondary:])
        rest = rest[:-secondary]
    groups.append(rest)
    return separator.join(reversed(groups))


def _trimmed(decimals: str, fewest: int) -> str:
    # Trailing zeros beyond the fewest decimals the pattern asks for are not shown.
    kept = decimals.rstrip("0")
    return kept if len(kept) >= fewest else decimals[:fewest]
