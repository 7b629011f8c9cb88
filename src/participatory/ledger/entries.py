"""What the ledger records: every payment to a person from any payer, and every ask.

A :class:`PaymentEntry` is one payment made or scheduled to a person by anyone: a project of
the university (through payroll, an invoice, a voucher), another part of the university, or
an organisation outside it ("another organisation paid £X on date D"). Its
:class:`PaymentKind` decides how the benefit rules count it (mapped to the benefits engine's
:class:`~participatory.benefits.ReceiptKind`); its :class:`PaymentStatus` whether it counts
at all: a planned, approved or paid payment counts, a cancelled one never does.

An :class:`Ask` is one request to a person, or to a community, to take part in an activity
of a project: what over-asking counts.

>>> import datetime as dt
>>> fee = PaymentEntry("pay-1", "c-7", "150.00", dt.date(2026, 1, 13), payer="uni",
...                    project="river-watch")
>>> fee.receipt.kind, fee.counts
(<ReceiptKind.INVOLVEMENT_FEE: 'involvement_fee'>, True)
>>> attrs.evolve(fee, status=PaymentStatus.CANCELLED).counts
False
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

import attrs

from participatory.benefits.kinds import exact_hours
from participatory.benefits.receipts import Receipt, ReceiptKind
from participatory.core.errors import ValidationError
from participatory.core.exact import quantize
from participatory.core.fields import iso_date, member
from participatory.core.money import Money, to_decimal
from participatory.core.periods import DateRange
from participatory.core.privacy import REDACTED, SENSITIVE
from participatory.core.record import Record
from participatory.ledger._ids import check_label, id_check, optional_id_check

__all__ = ["Ask", "PaymentEntry", "PaymentKind", "PaymentStatus"]


class PaymentKind(enum.Enum):
    """What a payment is, as the paying organisation records it."""

    #: A fee for involvement (not as an employee).
    FEE = "fee"
    #: Pay through payroll; the amount is the net pay.
    PAYROLL = "payroll"
    #: A self-employed contributor's invoice; the amount is the profit after expenses.
    INVOICE = "invoice"
    #: A voucher or gift card.
    VOUCHER = "voucher"
    #: Expenses reimbursed against receipts.
    RECEIPTED_EXPENSES = "receipted_expenses"
    #: A flat-rate "expenses" sum not matched to actual costs.
    FLAT_RATE_EXPENSES = "flat_rate_expenses"
    #: A gift given for no work done.
    GIFT = "gift"
    #: A pot of money spent on goods for the contributor.
    POT_FOR_GOODS = "pot_for_goods"
    #: A fee offered and declined (the amount is what was offered).
    DECLINED = "declined"

    @property
    def receipt_kind(self) -> ReceiptKind:
        """The benefits engine's kind for this payment."""
        return _RECEIPT_KINDS[self]


_RECEIPT_KINDS: Final = {
    PaymentKind.FEE: ReceiptKind.INVOLVEMENT_FEE,
    PaymentKind.PAYROLL: ReceiptKind.PAYROLL_EARNINGS,
    PaymentKind.INVOICE: ReceiptKind.SELF_EMPLOYED_INVOICE,
    PaymentKind.VOUCHER: ReceiptKind.VOUCHER,
    PaymentKind.RECEIPTED_EXPENSES: ReceiptKind.RECEIPTED_EXPENSES,
    PaymentKind.FLAT_RATE_EXPENSES: ReceiptKind.FLAT_RATE_EXPENSES,
    PaymentKind.GIFT: ReceiptKind.GIFT,
    PaymentKind.POT_FOR_GOODS: ReceiptKind.POT_FOR_GOODS,
    PaymentKind.DECLINED: ReceiptKind.DECLINED_FEE,
}


class PaymentStatus(enum.Enum):
    """Where a payment is in its life; a cancelled payment never counts."""

    PLANNED = "planned"
    APPROVED = "approved"
    PAID = "paid"
    CANCELLED = "cancelled"

    @property
    def counts(self) -> bool:
        """Whether a payment with this status is made or scheduled (everything but cancelled)."""
        return self is not PaymentStatus.CANCELLED


_PENNY: Final = Decimal("0.01")
_NONE: Final = Decimal(0)
_NO_PENNIES: Final = Decimal("0.00")
_HOURS_IN_WEEK: Final = Decimal(168)


def _amount(value: Money | Decimal | int | str) -> Money:
    money = value if isinstance(value, Money) else Money(to_decimal(value, "amount"), "GBP")
    if money.currency != "GBP":
        raise ValidationError(
            "amount", "must be in pounds sterling (GBP)", hint="the benefit rules are UK rules"
        )
    amount = money.amount
    if amount < _NONE:
        raise ValidationError("amount", "must not be negative", hint="cancel the entry instead")
    # In the library's context: a caller's precision of 3 made this raise InvalidOperation.
    if amount != quantize(amount, _PENNY, ROUND_HALF_UP):
        raise ValidationError("amount", "must be a whole number of pence")
    return money


def _received_on(value: dt.date | str) -> dt.date:
    return iso_date(value, "received_on")


def _worked_on(value: dt.date | str | None) -> dt.date | None:
    return None if value is None else iso_date(value, "worked_on")


# By value, for a dictionary look-up: finance imports name the kind of every row.
_KINDS: Final = {kind.value: kind for kind in PaymentKind}
_STATUSES: Final = {status.value: status for status in PaymentStatus}


def _kind(value: PaymentKind | str) -> PaymentKind:
    found = _KINDS.get(value) if type(value) is str else None
    return found if found is not None else member(PaymentKind, value, "kind")


def _status(value: PaymentStatus | str) -> PaymentStatus:
    found = _STATUSES.get(value) if type(value) is str else None
    return found if found is not None else member(PaymentStatus, value, "status")


def _hours(value: Decimal | int | str) -> Decimal:
    hours = to_decimal(value, "hours")
    if not _NONE <= hours <= _HOURS_IN_WEEK:
        raise ValidationError("hours", "must be between 0 and 168")
    return exact_hours(hours, "hours")


def _payer(value: str | None) -> str:
    return check_label(value, "payer")


def _reference(value: str | None) -> str | None:
    return None if value is None else check_label(value, "reference")


@attrs.frozen
class PaymentEntry(Record):
    """One payment made or scheduled to a person, by any payer.

    ``received_on`` is the day the money is received (or due to be, for a planned or approved
    payment): earnings count in the benefit week and assessment period they are received in.
    ``payer`` names who pays (the university, a partner, "another organisation");
    ``project`` the project it is for, if any. ``hours`` are the hours of work it is for,
    counted in the week of ``worked_on`` (the day received if not given) for the hours rules.
    ``reference`` is the finance system's own reference.
    """

    id: str = attrs.field(validator=id_check("id"))
    person: str = attrs.field(validator=id_check("person", person=True))
    amount: Money = attrs.field(converter=_amount)
    received_on: dt.date = attrs.field(converter=_received_on)
    kind: PaymentKind = attrs.field(default=PaymentKind.FEE, converter=_kind)
    status: PaymentStatus = attrs.field(default=PaymentStatus.PAID, converter=_status)
    payer: str = attrs.field(kw_only=True, converter=_payer)
    project: str | None = attrs.field(
        default=None, kw_only=True, validator=optional_id_check("project")
    )
    hours: Decimal = attrs.field(default=_NONE, kw_only=True, converter=_hours)
    worked_on: dt.date | None = attrs.field(default=None, kw_only=True, converter=_worked_on)
    reference: str | None = attrs.field(default=None, kw_only=True, converter=_reference)

    @property
    def counts(self) -> bool:
        """Whether the payment is made or scheduled (not cancelled)."""
        return self.status is not PaymentStatus.CANCELLED

    @property
    def work_day(self) -> dt.date:
        """The day whose benefit week the hours belong to."""
        return self.worked_on if self.worked_on is not None else self.received_on

    @property
    def receipt(self) -> Receipt:
        """The payment as the benefits engine reads it."""
        return Receipt(
            self.amount,
            self.received_on,
            _RECEIPT_KINDS[self.kind],
            hours=self.hours,
            worked_on=self.worked_on,
            person=self.person,
        )

    def receipt_within(self, window: DateRange) -> Receipt | None:
        """The part of the payment that counts on ``window``'s days, as the engine reads it.

        Its earnings count in the week and assessment period it is received in, its hours in
        the week of the work: a payment received within ``window`` for work done outside it
        (or the other way round) brings only the part that falls within. ``None`` if
        neither does. A check of days near the payment then reads no benefit figures for a
        far-away day (a mistyped year) that the check does not depend on.

        >>> late = PaymentEntry("pay-2", "c-7", "80.00", "2026-05-12", payer="uni",
        ...                     hours="3", worked_on="2027-05-11")
        >>> near = late.receipt_within(DateRange("2026-04-01", "2026-06-30"))
        >>> near.amount, near.hours, near.worked_on
        (Money('80.00', 'GBP'), Decimal('0'), None)
        >>> far = late.receipt_within(DateRange("2027-04-06", "2027-06-30"))
        >>> far.amount, far.hours, far.received_on
        (Money('0.00', 'GBP'), Decimal('3'), datetime.date(2027, 5, 11))
        >>> late.receipt_within(("2026-04-01", "2026-06-30"))
        Traceback (most recent call last):
        ...
        participatory.core.errors.ValidationError: window: must be a DateRange of days
        """
        if not isinstance(window, DateRange):
            # A pair of days would be searched as a tuple: the payment would count for nothing.
            raise ValidationError("window", "must be a DateRange of days")
        received = self.received_on in window
        worked = self.work_day in window
        if received and (worked or not self.hours):
            return self.receipt
        kind = _RECEIPT_KINDS[self.kind]
        if received:
            return Receipt(self.amount, self.received_on, kind, person=self.person)
        if worked and self.hours:
            # Only the hours: no money is received on the day of the work.
            return Receipt(
                Money(_NO_PENNIES, self.amount.currency),
                self.work_day,
                kind,
                hours=self.hours,
                worked_on=self.work_day,
                person=self.person,
            )
        return None


def _asked_on(value: dt.date | str) -> dt.date:
    return iso_date(value, "asked_on")


def _activity(value: str) -> str:
    return check_label(value, "activity")


def _community(value: str | None) -> str | None:
    return None if value is None else check_label(value, "community", limit=100)


@attrs.frozen
class Ask(Record):
    """One request, to a person or to a community, to take part in an activity of a project.

    Exactly one of ``person`` and ``community`` is given. An activity is named within its
    project (``"advisory-group-3"``); the same activity asked twice counts once.

    A community may be defined by lived experience or health, so ``community`` is sensitive,
    as a contributor's ``communities`` are: redacted in the ``repr`` and withheld from
    default plain data (:func:`participatory.interchange.to_plain`).

    >>> import datetime as dt
    >>> Ask("ask-1", "river-watch", "advisory-group", dt.date(2026, 11, 2), person="c-7")
    Ask(id='ask-1', project='river-watch', activity='advisory-group', asked_on=datetime.date(2026, 11, 2), person='c-7', community=<redacted>)
    """  # noqa: E501

    id: str = attrs.field(validator=id_check("id"))
    project: str = attrs.field(validator=id_check("project"))
    activity: str = attrs.field(converter=_activity)
    asked_on: dt.date = attrs.field(converter=_asked_on)
    person: str | None = attrs.field(default=None, kw_only=True)
    community: str | None = attrs.field(
        default=None, kw_only=True, converter=_community, repr=REDACTED, metadata=SENSITIVE
    )

    def __attrs_post_init__(self) -> None:
        if (self.person is None) == (self.community is None):
            raise ValidationError("", "an ask is to a person or to a community (exactly one)")
        if self.person is not None:
            id_check("person", person=True)(self, None, self.person)
