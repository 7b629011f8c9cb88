"""Shares as people read them: percentages that add up, and the same number everywhere.

A share is a fraction of a whole (a budget, the decisions). A report shows it as a
percentage to one decimal place, and two things must then hold. Shares shown together
that make up the whole (community partners, the university and anyone else) add up to
exactly 100%: rounding each on its own can give 53.3% + 46.6%, so they are rounded
together by the largest-remainder method, as :func:`~participatory.core.money.allocate`
splits pennies. And a share is one number wherever it appears, in a sentence or in a table
of figures: the engine rounds it once, here, and marks it :class:`Share` so every renderer
shows that number as a percentage without rounding it again.

>>> rounded_shares([Decimal("0.5335"), Decimal("0.4665")])
(Share('0.534'), Share('0.466'))
>>> sum(rounded_shares([Decimal(1) / 3] * 3))
Decimal('1.000')
>>> rounded_share(Decimal("0.12345"))
Share('0.123')
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from participatory.core import exact
from participatory.core.errors import ValidationError
from participatory.core.pennies import round_half_up

__all__ = ["SHOWN_PLACES", "Share", "rounded_share", "rounded_shares"]

#: Decimal places a shown share keeps: three, so a percentage has one (46.7%).
SHOWN_PLACES: Final = 3


class Share(Decimal):
    """A share of a whole in [0, 1], already rounded to be shown: render it as a percentage.

    A :class:`~decimal.Decimal` in every other respect (arithmetic on it gives plain
    Decimals, and it serialises as its digits).
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Share('{self}')"


def _units(share: Decimal) -> tuple[int, int]:
    """``share`` × 10^SHOWN_PLACES as an exact fraction ``(numerator, denominator)``."""
    numerator, denominator = share.as_integer_ratio()
    return numerator * 10**SHOWN_PLACES, denominator


def _share(units: int) -> Share:
    return Share(exact.scaleb(units, -SHOWN_PLACES))


def rounded_share(share: Decimal) -> Share:
    """One share on its own, rounded half up to :data:`SHOWN_PLACES` places."""
    if not share.is_finite():
        raise ValidationError("share", "must be a finite number")
    return _share(round_half_up(*_units(share)))


def rounded_shares(parts: Sequence[Decimal]) -> tuple[Share, ...]:
    """Shares that are shown together, rounded so they add up as their exact values do.

    Each share is first rounded down to :data:`SHOWN_PLACES` places; the units left over
    (to reach the exact total, rounded half up) go one each to the shares with the largest
    remainders, ties to the earlier share. So shares of a whole add up to exactly 1 (100%),
    and each differs from its exact value by less than 0.001 (0.1 percentage points).
    """
    if any(not part.is_finite() or part < 0 for part in parts):
        raise ValidationError("shares", "must be finite and not negative")
    fractions = [_units(part) for part in parts]
    floors = [numerator // denominator for numerator, denominator in fractions]
    # The exact total in units, rounded half up: shares of a whole give 10^SHOWN_PLACES.
    common = math.lcm(*(denominator for _, denominator in fractions))
    total = round_half_up(sum(n * (common // d) for n, d in fractions), common)
    remainders = sorted(
        # Minus each remainder, over the common denominator so they can be compared.
        ((floor * denominator - numerator) * (common // denominator), index)
        for index, ((numerator, denominator), floor) in enumerate(
            zip(fractions, floors, strict=True)
        )
    )
    for _, index in remainders[: max(0, total - sum(floors))]:
        floors[index] += 1
    return tuple(_share(units) for units in floors)
