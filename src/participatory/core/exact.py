"""The library's own decimal context: no result depends on the caller's.

Python's :mod:`decimal` keeps one context per thread, and the program that embeds the
library owns it: a web server may set a precision of 6, round down, or trap ``Inexact``
for its own reasons. Arithmetic on :class:`~decimal.Decimal` values reads that context, so
a library that relied on it would give different fees and findings in different programs,
or raise ``decimal.Inexact`` out of an assessment.

So the library computes in :data:`CONTEXT`, fixed here: 28 significant digits, halves to
even, traps on invalid operations, division by zero and overflow (Python's own default).
:class:`~participatory.core.money.Money` does its arithmetic in it explicitly, and every
public entry point that computes runs under :func:`computes_exactly`, which sets a *copy*
of it for the call and puts the caller's context back afterwards: the caller's precision,
rounding, traps and flags are exactly as they were.

>>> import decimal
>>> with decimal.localcontext() as hostile:
...     hostile.clear_flags()  # a copy of the current context keeps its flags
...     hostile.prec = 6
...     hostile.rounding = decimal.ROUND_DOWN
...     total = add(Decimal("99999.99"), Decimal("0.02"))
...     hostile.flags[decimal.Inexact]
False
>>> total
Decimal('100000.01')
>>> @computes_exactly
... def third(value: Decimal) -> Decimal:
...     return value / 3
>>> with decimal.localcontext() as hostile:
...     hostile.prec = 3
...     third(Decimal(1))
Decimal('0.3333333333333333333333333333')
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Callable
from contextlib import AbstractContextManager
from decimal import Decimal
from typing import Any, Final, TypeVar, cast

__all__ = [
    "CONTEXT",
    "PRECISION",
    "F",
    "add",
    "computes_exactly",
    "divide",
    "minus",
    "multiply",
    "own_context",
    "quantize",
    "scaleb",
    "subtract",
]

#: Significant digits of every Decimal result the library computes (Python's default).
PRECISION: Final = 28

#: The context the library computes in, whatever context the caller has set. Never made
#: current itself (only copies are), so its flags stay clear.
CONTEXT: Final = decimal.Context(
    prec=PRECISION,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    capitals=1,
    clamp=0,
    flags=[],
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)

# The copy Money's own operations run in (their flags are nobody's business).
_ARITHMETIC: Final = CONTEXT.copy()

#: Any function (:func:`computes_exactly` returns one of the same type).
F = TypeVar("F", bound=Callable[..., Any])


def own_context() -> AbstractContextManager[decimal.Context]:
    """A ``with`` block computing in a copy of :data:`CONTEXT`; the caller's comes back after.

    >>> import decimal
    >>> with own_context():
    ...     decimal.getcontext().prec
    28
    """
    return decimal.localcontext(CONTEXT)


def computes_exactly(function: F) -> F:
    """Run ``function`` in a copy of :data:`CONTEXT`, leaving the caller's context alone.

    For public entry points: everything the call computes (engines, babel's formatting of
    amounts) then gives the same result in any program.
    """

    @functools.wraps(function)
    def in_own_context(*args: Any, **kwargs: Any) -> Any:
        with decimal.localcontext(CONTEXT):
            return function(*args, **kwargs)

    return cast("F", in_own_context)


def add(left: Decimal, right: Decimal) -> Decimal:
    """``left + right`` in the library's context (exact for any two amounts of money)."""
    return _ARITHMETIC.add(left, right)


def subtract(left: Decimal, right: Decimal) -> Decimal:
    """``left - right`` in the library's context."""
    return _ARITHMETIC.subtract(left, right)


def multiply(left: Decimal, right: Decimal) -> Decimal:
    """``left × right`` in the library's context."""
    return _ARITHMETIC.multiply(left, right)


def divide(left: Decimal, right: Decimal) -> Decimal:
    """``left ÷ right`` in the library's context (28 significant digits)."""
    return _ARITHMETIC.divide(left, right)


def minus(value: Decimal) -> Decimal:
    """``-value`` in the library's context."""
    return _ARITHMETIC.minus(value)


def scaleb(value: Decimal | int, places: int) -> Decimal:
    """``value × 10^places`` in the library's context (exact: only the exponent moves)."""
    return Decimal(value).scaleb(places, _ARITHMETIC)  # context by position: faster


def quantize(value: Decimal, quantum: Decimal, rounding: str) -> Decimal:
    """``value`` rounded to ``quantum``'s exponent with ``rounding``, in the library's context."""
    return value.quantize(quantum, rounding=rounding, context=_ARITHMETIC)
