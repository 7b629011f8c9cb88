"""A project's view of the ledger: what its contributors received from everyone else.

A project's assessment checks its own planned payments against each contributor's benefits.
Given the ledger, it must also count what the contributor (and their partner on a joint
claim) was paid or is due from *other* projects and payers in the same periods, without
counting the project's own payments twice and without listing anyone else's.
:func:`others_for_project` gives the callable the assessment needs: for a household, the
benefits engine's receipts of every counted ledger entry of its members that is not the
project's own.

>>> import datetime as dt
>>> from participatory.benefits import Household, Person
>>> from participatory.ledger import Contributor, Ledger, PaymentEntry
>>> book = Ledger(contributors=[Contributor("c-7")], payments=[
...     PaymentEntry("mine", "c-7", "90.00", "2026-01-13", payer="uni", project="river"),
...     PaymentEntry("theirs", "c-7", "150.00", "2026-01-14", payer="trust")])
>>> already = others_for_project(book, "river")
>>> [str(r.amount) for r in already(Household(people=[Person("c-7")]))]
['150.00 GBP']
"""

from __future__ import annotations

from collections.abc import Callable

from participatory.benefits.household import Household
from participatory.benefits.receipts import Receipt
from participatory.core.errors import ValidationError
from participatory.core.periods import DateRange
from participatory.ledger.model import Ledger

__all__ = ["others_for_project"]

#: Every day a payment can have (the whole ledger) when no window is given.
_ALL_TIME = DateRange("0001-01-01", "9999-12-31")


def others_for_project(
    ledger: Ledger, project: str, *, window: DateRange | None = None
) -> Callable[[Household], tuple[Receipt, ...]]:
    """For a household, its members' counted ledger payments that are not ``project``'s.

    ``window`` limits them to the days that can matter (the project's payment days with a
    margin either side); by default every day counts.
    """
    if not isinstance(ledger, Ledger):
        raise ValidationError("ledger", "must be a Ledger")
    span = window if window is not None else _ALL_TIME

    def already(household: Household) -> tuple[Receipt, ...]:
        members = [person.id for person in household.people]
        return ledger.receipts_between(members, span, exclude_project=project)

    return already
