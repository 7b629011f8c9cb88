"""Checks of one person stop at missing figures without saying which benefit they claim."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Final

from participatory.benefits.receipts import Receipt
from participatory.core.errors import FiguresNotAvailable, ParametersNotAvailable, ValidationError
from participatory.core.money import PENNIES_LIMIT
from participatory.core.pennies import to_pennies
from participatory.core.periods import DateRange
from participatory.ledger.entries import PaymentEntry

#: A day a check depends on, and how a refusal names it ("2027-05-11", or with the payment
#: whose day it is: "2026-06-20 (payment e-7)").
NamedDay = tuple[dt.date, str]


@contextlib.contextmanager
def figures_covering(when: str, days: Iterable[NamedDay] = ()) -> Iterator[None]:
    """Turn a missing figure met inside the block into :class:`FiguresNotAvailable`.

    ``when`` is the day (or year) the caller asked about, never the day a rule looked up:
    the days a benefit's rules look at (a benefit week, an assessment period) say which
    benefit it is. ``days`` are the caller's own days the check depends on (the payment's
    day received and day of work, then the other payments'), each with its name: the first
    of them the missing figure's data does not cover is named instead of ``when``, so that
    a covered day is never blamed for a day typed wrong elsewhere.

    >>> import datetime as dt
    >>> with figures_covering("2027-06-10"):
    ...     raise ParametersNotAvailable("esa.permitted_work.higher_limit",
    ...                                  dt.date(2027, 6, 7), None, None)
    Traceback (most recent call last):
    ...
    participatory.core.errors.FiguresNotAvailable: the benefit figures do not cover 2027-06-10: use a date they cover, or load newer parameter data
    >>> asked = [(dt.date(2026, 5, 12), "2026-05-12"), (dt.date(2027, 5, 11), "2027-05-11")]
    >>> with figures_covering("2026-05-12", asked):
    ...     raise ParametersNotAvailable("esa.permitted_work.higher_limit",
    ...                                  dt.date(2027, 5, 10), dt.date(2024, 4, 8),
    ...                                  dt.date(2027, 4, 5))
    Traceback (most recent call last):
    ...
    participatory.core.errors.FiguresNotAvailable: the benefit figures do not cover 2027-05-11: use a date they cover, or load newer parameter data
    """  # noqa: E501
    try:
        yield
    except ParametersNotAvailable as error:
        # From None: the chained original would print the parameter's name in a traceback.
        # A check already refused as FiguresNotAvailable (by the days of its payments) is
        # named by the day the caller can act on, or the day or year they asked about.
        raise FiguresNotAvailable(_uncovered(days, error) or when, error) from None


def _uncovered(days: Iterable[NamedDay], error: ParametersNotAvailable) -> str | None:
    """The name of the first of ``days`` outside the data of the figure that stopped a check.

    Only the caller's own days are named, never the figure's day: which of them lies
    outside is all a refusal says.
    """
    start, end = error.covered_from, error.covered_until
    if start is None:
        return None  # no values at all: no day of the caller's is more to blame than another
    for day, name in days:
        if day < start or (end is not None and day > end):
            return name
    return None


#: How a refusal to a project (a check, the room left) names another payment's day: a
#: project never learns when, or from whom, the person was paid by anyone else.
OTHER_PAYMENT: Final = "a day of another payment recorded for this person"


def entry_days(
    entries: Iterable[PaymentEntry], window: DateRange, *, own: bool = False
) -> list[NamedDay]:
    """The days of ``entries`` within ``window`` (received, worked on), each with its name.

    ``own``: the answer is the person's own (their statement), so each day is named with
    its entry, which the office can find and correct ("2026-06-20 (payment e-7)"; a payment
    id says nothing about anyone's benefits). Otherwise the answer goes to a project, and
    every such day is :data:`OTHER_PAYMENT`: the day or the id of another project's payment
    would say when, and by whom, the person was paid.
    """
    return [
        (day, f"{day.isoformat()} (payment {entry.id})" if own else OTHER_PAYMENT)
        for entry in entries
        for day in (entry.received_on, entry.worked_on)
        if day is not None and day in window
    ]


def within_money(
    receipts: Iterable[Receipt | None], path: str, problem: str
) -> tuple[Receipt, ...]:
    """``receipts`` (``None`` left out), refused under ``path`` if they add up past money.

    The benefits engine refuses payments that together have no
    :class:`~participatory.core.money.Money` form under its own argument's name
    (``already``), which a ledger's caller never passed: the ledger refuses first, naming
    what its caller gave. A declined fee counts by what was offered, as the engine's
    headroom search counts it.

    >>> within_money([None], "ledger", "holds too much")
    ()
    """
    found = tuple(receipt for receipt in receipts if receipt is not None)
    if sum(receipt.pennies for receipt in found) >= PENNIES_LIMIT:
        raise ValidationError(path, problem)
    return found


def received_within_money(
    entries: Iterable[PaymentEntry],
    window: DateRange,
    path: str,
    problem: str,
    *,
    more: Decimal = Decimal(0),
) -> None:
    """Refuse under ``path`` what ``entries`` received in ``window``, and ``more``, add up to.

    Refused when it has no money form: what :func:`within_money` adds up of their parts on
    the window's days (only a payment received there brings its amount), from the amounts
    alone. A check makes this one before it reads the household, and no receipt need be
    made for it.

    >>> received_within_money([], DateRange("2026-01-01", "2026-01-31"), "ledger", "too much")
    """
    start, end = window.start, window.end
    total = sum((e.amount.amount for e in entries if start <= e.received_on <= end), more)
    if to_pennies(total) >= PENNIES_LIMIT:
        raise ValidationError(path, problem)
