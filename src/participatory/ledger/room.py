"""How much more a person can be paid on a day, with everything already paid counted.

:func:`assess_headroom` asks the benefits engine's headroom question of the ledger: given
every payment already made or scheduled to the person and their partner (from every project
and payer) in the weeks and assessment periods around the day, how much more can be paid to
the person that day before each benefit changes. Like every answer about a person's benefits,
it is sensitive, and it never says who paid what.

Worked example (2025/26): the Carer's Allowance earnings limit is £196 a week; £150 has been
paid this week (by any payer), so £46.00 more changes nothing.

>>> import datetime as dt
>>> from participatory.benefits import Benefit, CarersAllowanceClaim, Household, Person
>>> from participatory.ledger import (
...     ConsentRecord, Contributor, HouseholdRecord, Ledger, PaymentEntry)
>>> agreed = ConsentRecord("amira", "amira", "2025-04-01", "benefits checks", "2027-03-31")
>>> book = Ledger(contributors=[Contributor("amira")],
...     households=[HouseholdRecord("h-1", Household(people=[Person("amira",
...                 carers_allowance=CarersAllowanceClaim())]), [agreed])],
...     payments=[PaymentEntry("r-1", "amira", "150.00", "2026-01-13", payer="trust")])
>>> room = assess_headroom(book, "amira", dt.date(2026, 1, 15), as_at=dt.date(2026, 1, 10))
>>> room.for_benefit(Benefit.CARERS_ALLOWANCE)
Money('46.00', 'GBP')

Its ``repr`` (a log line) shows the question only: whether the person's circumstances are
held is itself special-category data.

>>> room
PersonHeadroom(person='amira', day=datetime.date(2026, 1, 15), <redacted>)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import ClassVar, Final

import attrs

from participatory.benefits.headroom import headroom
from participatory.benefits.kinds import Benefit
from participatory.benefits.mechanism import finding
from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.explain import Explained, Finding, Severity
from participatory.core.fields import keyed, member
from participatory.core.money import Money
from participatory.core.params import ParameterSet
from participatory.core.periods import to_date
from participatory.core.privacy import REDACTED, REDACTED_TEXT, SENSITIVE
from participatory.ledger._figures import (
    entry_days,
    figures_covering,
    received_within_money,
    within_money,
)
from participatory.ledger.before_paying import context_window
from participatory.ledger.entries import PaymentKind
from participatory.ledger.model import Ledger, as_at_day

__all__ = ["MESSAGES", "PersonHeadroom", "assess_headroom"]

#: Why a headroom is refused whose recorded payments around the day have no money form.
_PAST: Final = (
    "holds payments around the day asked about that add up to more than an amount of money can hold"
)

MESSAGES: Final[Mapping[str, str]] = {
    "ledger.room.limited": (
        "With everything already paid or scheduled, up to {amount} more can be paid on {day} "
        "without changing {benefit}."
    ),
    "ledger.room.none": (
        "With everything already paid or scheduled, any further payment on {day} changes {benefit}."
    ),
    "ledger.room.unlimited": (
        "No benefit recorded for {person}'s household limits a payment on {day}."
    ),
    # The reasons a check before paying gives too, in words about the room left: a headroom
    # has no payment, so "this payment was not checked" would say something untrue.
    "ledger.room.not_checked": (
        "No benefit circumstances are recorded for {person}, so the room left before their "
        "benefits change was not worked out."
    ),
    "ledger.room.not_usable": (
        "The circumstances recorded for {person}'s household may not be used on {day}: they "
        "are past the day they may be kept until, the agreement was withdrawn, or it was not "
        "yet given. The room left before their benefits change was not worked out. Erase "
        "them, and ask the person again if they want payments checked."
    ),
}


def _by_benefit(value: Mapping[Benefit, Money | None]) -> dict[Benefit, Money | None]:
    return keyed(value, "by_benefit", Benefit, (Money, None))


@attrs.frozen
class PersonHeadroom(Explained):
    """The room left per benefit on a day (``None``: that benefit sets no limit).

    ``checked`` is false when no usable circumstances are recorded; the findings say why.
    """

    person: str
    day: dt.date
    #: Whether the person's circumstances are held and usable: left out of default plain data.
    checked: bool = attrs.field(metadata=SENSITIVE)
    by_benefit: Mapping[Benefit, Money | None] = attrs.field(
        factory=dict, converter=_by_benefit, repr=REDACTED, metadata=SENSITIVE
    )
    #: Default plain data (:func:`participatory.interchange.to_plain`) lists the findings that
    #: are not sensitive and then one withheld marker, never one per withheld finding: their
    #: number differs with whether the person's circumstances are held.
    _withheld_as_one: ClassVar[bool] = True

    def for_benefit(self, benefit: Benefit) -> Money | None:
        """The room for one benefit (``None``: no limit, or not received)."""
        return self.by_benefit.get(benefit)

    @property
    def amount(self) -> Money | None:
        """The smallest room of any benefit (``None`` when no benefit sets a limit)."""
        limited = [m for m in self.by_benefit.values() if m is not None]
        return min(limited, key=lambda m: m.amount) if limited else None

    def __repr__(self) -> str:
        # Whether it was checked, and the findings (withheld, or a plain "not checked"),
        # say whether the person's benefit circumstances are held: only the question shows.
        return f"PersonHeadroom(person={self.person!r}, day={self.day!r}, {REDACTED_TEXT})"


@computes_exactly
def assess_headroom(
    ledger: Ledger,
    person: str,
    day: dt.date | str,
    *,
    as_at: dt.date,
    kind: PaymentKind | str = PaymentKind.FEE,
    parameters: ParameterSet | None = None,
) -> PersonHeadroom:
    """The most that can be paid to ``person`` on ``day`` before each benefit changes.

    A ``ledger`` whose payments around ``day`` add up to more than an amount of money can
    hold is refused.
    """
    if not isinstance(ledger, Ledger):
        raise ValidationError("ledger", "must be a Ledger")
    on = to_date(day, "day")
    as_at = as_at_day(as_at)
    chosen = member(PaymentKind, kind, "kind")
    ledger.contributor(person)
    window = context_window(on)
    # The person's own payments are added up before the household is read: a refusal only
    # when circumstances are held would say that they are.
    mine = ledger.entries_between((person,), window)
    received_within_money(mine, window, "ledger", _PAST)
    record = ledger.household_of(person)
    if record is None or not record.usable_on(as_at):
        # The same reasons, and rule ids, as a check before paying.
        reason = "not_checked" if record is None else "not_usable"
        rule = "LEDGER-NOT-CHECKED" if record is None else "LEDGER-CIRCUMSTANCES-NOT-USABLE"
        return PersonHeadroom(
            person,
            on,
            False,
            findings=(
                finding(
                    rule,
                    Severity.INFO if record is None else Severity.WARNING,
                    f"ledger.room.{reason}",
                    {"person": person, "day": as_at},
                    # Sensitive either way: a plain "not checked" beside the person says their
                    # circumstances are not held, and so a withheld answer says they are.
                    subject=person,
                ),
            ),
        )
    members = record.members
    # A household of one has no payments but the person's, already found.
    entries = mine if members == (person,) else ledger.entries_between(members, window)
    # Each payment's part on the window's days only (as a check's): see receipt_within.
    parts = (entry.receipt_within(window) for entry in entries)
    # A partner's payments added up too (the person's own were, before the household was read).
    already = (
        tuple(part for part in parts if part is not None)
        if entries is mine
        else within_money(parts, "ledger", _PAST)
    )
    asked = [(on, on.isoformat()), *entry_days(entries, window)]
    with figures_covering(on.isoformat(), asked):
        room = headroom(
            record.household,
            on,
            person=person,
            kind=chosen.receipt_kind,
            already=already,
            parameters=parameters,
        )
    found: list[Finding] = []
    for benefit, amount in sorted(room.by_benefit.items(), key=lambda item: item[0].value):
        if amount is None:
            continue
        key = "ledger.room.limited" if amount.amount else "ledger.room.none"
        found.append(
            finding(
                "LEDGER-HEADROOM",
                Severity.INFO,
                key,
                {"amount": amount, "day": on, "benefit": benefit.label},
                subject=person,
            )
        )
    if not found:
        found.append(
            finding(
                "LEDGER-HEADROOM",
                Severity.INFO,
                "ledger.room.unlimited",
                {"person": person, "day": on},
                subject=person,
            )
        )
    return PersonHeadroom(person, on, True, room.by_benefit, findings=found)
