"""Checks of one person stop at missing figures without saying which benefit they claim."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from participatory.core.errors import FiguresNotAvailable, ParametersNotAvailable


@contextlib.contextmanager
def figures_covering(when: str) -> Iterator[None]:
    """Turn a missing figure met inside the block into :class:`FiguresNotAvailable`.

    ``when`` is the day (or year) the caller asked about, never the day a rule looked up:
    the days a benefit's rules look at (a benefit week, an assessment period) say which
    benefit it is.

    >>> import datetime as dt
    >>> with figures_covering("2027-06-10"):
    ...     raise ParametersNotAvailable("esa.permitted_work.higher_limit",
    ...                                  dt.date(2027, 6, 7), None, None)
    Traceback (most recent call last):
    ...
    participatory.core.errors.FiguresNotAvailable: the benefit figures do not cover 2027-06-10: use a date they cover, or load newer parameter data
    """  # noqa: E501
    try:
        yield
    except ParametersNotAvailable as error:
        # From None: the chained original would print the parameter's name in a traceback.
        # A check already refused as FiguresNotAvailable (by the days of its payments) is
        # named by the day or year the caller asked about.
        raise FiguresNotAvailable(when, error) from None
