"""Whole pennies as integers: exact, fast, and independent of any decimal context.

The rules engines compute in integer pennies: integer arithmetic is exact, cannot be changed by
a caller's :mod:`decimal` context (a precision of 6, or ROUND_DOWN, set elsewhere in a web
server), and is several times faster than Decimal arithmetic. These two functions convert at
the edges, exactly, whatever context the caller has set.

>>> to_pennies(Decimal("99999.99"))
9999999
>>> from_pennies(10000001)
Decimal('100000.01')
>>> round_half_up(1761, 100), round_down(1761, 100)
(18, 17)
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Final

__all__ = ["from_pennies", "round_down", "round_half_up", "to_pennies"]

# Exact for every amount the library accepts (Money refuses 10^15 or more): a private context,
# so the caller's precision, rounding and traps never reach these conversions.
_EXACT: Final = decimal.Context(prec=40, rounding=decimal.ROUND_HALF_EVEN, traps=[])


def to_pennies(amount: Decimal) -> int:
    """``amount`` in pounds as a whole number of pennies; a fraction of a penny is an error."""
    numerator, denominator = amount.as_integer_ratio()
    pennies, rest = divmod(numerator * 100, denominator)
    if rest:
        raise ValueError("is not a whole number of pennies")
    return pennies


def from_pennies(pennies: int) -> Decimal:
    """Whole ``pennies`` as pounds, exactly (two decimal places)."""
    # The context given by position: a C method parses keywords far more slowly.
    return Decimal(pennies).scaleb(-2, _EXACT)


def round_half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` to the nearest whole number, a half away from zero."""
    quotient, rest = divmod(abs(numerator), denominator)
    if 2 * rest >= denominator:
        quotient += 1
    return quotient if numerator >= 0 else -quotient


def round_down(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded towards zero."""
    quotient = abs(numerator) // denominator
    return quotient if numerator >= 0 else -quotient
