"""The payments in question: what a contributor receives, when, and of what kind.

A payment's *kind* decides how the benefit rules count it. An involvement fee is earnings
(UC Regs 2013 reg. 52(a)(iii)); receipted expenses of a service user are disregarded
(reg. 55(3)(b)); a gift is not income; a declined fee is not notional earnings for a
service user (reg. 60(4)(b)). Where the treatment is uncertain (vouchers, pots, flat-rate
expenses) the engine counts the payment as earnings, the cautious reading, and says why.

>>> import datetime as dt
>>> from participatory.core.money import Money
>>> fee = Receipt(Money.gbp("75.00"), dt.date(2025, 6, 10))
>>> fee.kind, fee.treatment
(<ReceiptKind.INVOLVEMENT_FEE: 'involvement_fee'>, <Treatment.EARNINGS: 'earnings'>)
>>> Receipt(Money.gbp("12.40"), "2025-06-10", ReceiptKind.RECEIPTED_EXPENSES).treatment
<Treatment.DISREGARDED: 'disregarded'>
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from decimal import Decimal
from typing import Final

import attrs

from participatory.benefits.kinds import NO_HOURS, exact_hours, whole_pence
from participatory.core.errors import ValidationError
from participatory.core.fields import instances
from participatory.core.money import Money, to_decimal
from participatory.core.pennies import to_pennies
from participatory.core.periods import to_date
from participatory.core.record import Record

__all__ = ["Receipt", "ReceiptKind", "Treatment", "as_receipts", "receipts"]


class Treatment(enum.Enum):
    """How a payment counts in the benefit means tests."""

    # Members are singletons, equal only to themselves: hashing by identity spares every set
    # and dict look-up on the hot path a call to Enum's own hash, which runs in Python.
    __hash__ = object.__hash__

    #: Counted as earnings in the period it is received.
    EARNINGS = "earnings"
    #: Ignored entirely (service-user expenses against receipts).
    DISREGARDED = "disregarded"
    #: Not income; if kept it is capital.
    CAPITAL = "capital"
    #: Nothing was received (a declined fee).
    NOTHING_RECEIVED = "nothing_received"


class ReceiptKind(enum.Enum):
    """What a payment is for, as the paying organisation records it."""

    # Members are singletons, equal only to themselves: hashing by identity spares every set
    # and dict look-up on the hot path a call to Enum's own hash, which runs in Python.
    __hash__ = object.__hash__

    #: A fee for involvement as a service user (not an employee).
    INVOLVEMENT_FEE = "involvement_fee"
    #: Pay through payroll as an employee or office-holder; ``amount`` is the net pay.
    PAYROLL_EARNINGS = "payroll_earnings"
    #: A self-employed invoice; ``amount`` is the profit after allowable expenses.
    SELF_EMPLOYED_INVOICE = "self_employed_invoice"
    #: Expenses reimbursed against receipts for costs of taking part.
    RECEIPTED_EXPENSES = "receipted_expenses"
    #: A flat-rate "expenses" sum not matched to actual costs.
    FLAT_RATE_EXPENSES = "flat_rate_expenses"
    #: A voucher or gift card given for taking part.
    VOUCHER = "voucher"
    #: A gift given for no work done.
    GIFT = "gift"
    #: A pot of money the organisation spends on goods for the contributor.
    POT_FOR_GOODS = "pot_for_goods"
    #: A fee the contributor declined (``amount`` is what was offered).
    DECLINED_FEE = "declined_fee"


_TREATMENT: Final = {
    ReceiptKind.INVOLVEMENT_FEE: Treatment.EARNINGS,
    ReceiptKind.PAYROLL_EARNINGS: Treatment.EARNINGS,
    ReceiptKind.SELF_EMPLOYED_INVOICE: Treatment.EARNINGS,
    ReceiptKind.RECEIPTED_EXPENSES: Treatment.DISREGARDED,
    # Cautious readings: each is reported as a risk with the reasoning on both sides.
    ReceiptKind.FLAT_RATE_EXPENSES: Treatment.EARNINGS,
    ReceiptKind.VOUCHER: Treatment.EARNINGS,
    ReceiptKind.POT_FOR_GOODS: Treatment.EARNINGS,
    ReceiptKind.GIFT: Treatment.CAPITAL,
    ReceiptKind.DECLINED_FEE: Treatment.NOTHING_RECEIVED,
}


# Decimal bounds: comparing two Decimals is cheaper than comparing a Decimal with an int.
_NONE: Final = Decimal(0)
_HOURS_IN_WEEK: Final = Decimal(168)


def _amount(value: Money | Decimal | int | str) -> Money:
    return whole_pence(value, "amount", negative_hint="record a refund separately")


def _kind(value: ReceiptKind | str) -> ReceiptKind:
    if isinstance(value, ReceiptKind):
        return value
    try:
        return ReceiptKind(value)
    except ValueError:
        allowed = ", ".join(repr(k.value) for k in ReceiptKind)
        raise ValidationError("kind", f"must be one of {allowed}") from None


def _hours(value: Decimal | int | str) -> Decimal:
    if value is NO_HOURS:  # the default, checked once where it is defined
        return NO_HOURS
    hours = to_decimal(value, "hours")
    if hours < _NONE or hours > _HOURS_IN_WEEK:
        raise ValidationError("hours", "must be between 0 and 168")
    return exact_hours(hours, "hours")


def _received_on(value: dt.date | str) -> dt.date:
    return to_date(value, "received_on")


def _person(_instance: object, _attribute: object, value: str | None) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ValidationError("person", "must be the id of a member of the household")


def _optional_day(value: dt.date | str | None) -> dt.date | None:
    return None if value is None else to_date(value, "worked_on")


# Enum members named through their class go through EnumType's __getattr__ hook on
# CPython 3.11 (a slow attribute look-up on every use): the numbers path names them here.
_EARNINGS: Final = Treatment.EARNINGS
_NOTHING_RECEIVED: Final = Treatment.NOTHING_RECEIVED


@attrs.frozen
class Receipt(Record):
    """One payment: how much, the day it is received, and what it is for.

    ``hours`` are the hours of work the payment is for, counted (with any regular hours)
    in the benefit week of ``worked_on`` (the day received if not given) for the 16-hour
    rules. Earnings count in the week or assessment period the money is *received*.
    """

    amount: Money = attrs.field(converter=_amount)
    received_on: dt.date = attrs.field(converter=_received_on)
    kind: ReceiptKind = attrs.field(default=ReceiptKind.INVOLVEMENT_FEE, converter=_kind)
    hours: Decimal = attrs.field(default=NO_HOURS, converter=_hours)
    worked_on: dt.date | None = attrs.field(default=None, converter=_optional_day)
    #: The paying system's own reference (never shown in benefit findings).
    reference: str | None = None
    #: The id of the household member who receives it (the first member if not given).
    person: str | None = attrs.field(default=None, kw_only=True, validator=_person)
    #: The amount, and what the means tests count of it, in whole pennies (worked out once:
    #: every check reads them).
    pennies: int = attrs.field(init=False, repr=False, eq=False)
    counted_pennies: int = attrs.field(init=False, repr=False, eq=False)
    #: The hours the 16-hour rules count: none for a declined fee (no work was paid for),
    #: worked out once like the pennies (every check with an hours rule reads them).
    counted_hours: Decimal = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        pennies = to_pennies(self.amount.amount)
        object.__setattr__(self, "pennies", pennies)
        treatment = _TREATMENT[self.kind]
        counted = pennies if treatment is _EARNINGS else 0
        object.__setattr__(self, "counted_pennies", counted)
        hours = NO_HOURS if treatment is _NOTHING_RECEIVED else self.hours
        object.__setattr__(self, "counted_hours", hours)

    @property
    def treatment(self) -> Treatment:
        """How the benefit means tests count this kind of payment."""
        return _TREATMENT[self.kind]

    @property
    def counted(self) -> Decimal:
        """The amount counted as earnings (zero for a kind that is not earnings)."""
        return self.amount.amount if _TREATMENT[self.kind] is Treatment.EARNINGS else Decimal(0)

    @property
    def work_day(self) -> dt.date:
        """The day whose benefit week the hours belong to."""
        return self.worked_on if self.worked_on is not None else self.received_on


def as_receipts(items: Iterable[Receipt]) -> tuple[Receipt, ...]:
    """A tuple of receipts (the typed converter for models that hold receipts)."""
    return receipts(items)


def receipts(items: Iterable[Receipt]) -> tuple[Receipt, ...]:
    """Check every item is a :class:`Receipt`, naming the first that is not by its index.

    One receipt, or anything that is not a list of them, is refused as a whole.
    """
    return instances(Receipt, items, "receipts", what="Receipts")
