"""A payment plan: every payment a project plans to make to each contributor, over time.

Each :class:`Payment` says plainly what it is (:class:`PaymentKind`): a fee, an expense
refund (receipted or flat-rate), a voucher, a contribution to the person's pot, a payment
to their organisation, or a fee they declined. Other engines rely on that: the benefits
engine treats each kind differently, and the budget takes fees and expenses from
:meth:`PaymentPlan.cost_summary` without counting anything twice.

>>> import datetime as dt
>>> plan = PaymentPlan("Threads", (
...     Payment("p1", "amira", PaymentKind.FEE, Money.gbp(270), due_on=dt.date(2026, 5, 22)),
...     Payment("p2", "amira", PaymentKind.EXPENSE_RECEIPTED, Money.gbp("18.60"),
...             due_on=dt.date(2026, 5, 22), expense=ExpenseKind.TAXI),
... ))
>>> summary = plan.cost_summary()
>>> summary.fees, summary.expenses, summary.total
(Money('270', 'GBP'), Money('18.60', 'GBP'), Money('288.60', 'GBP'))
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from decimal import Decimal
from typing import Final

import attrs

from participatory.core import exact
from participatory.core.errors import ValidationError
from participatory.core.fields import member
from participatory.core.money import Money
from participatory.core.periods import to_date
from participatory.core.privacy import REDACTED, SENSITIVE
from participatory.core.record import Record
from participatory.payments.expenses import ExpenseKind

__all__ = [
    "ContributorCost",
    "CostSummary",
    "KindCost",
    "Payment",
    "PaymentKind",
    "PaymentPlan",
]


class PaymentKind(enum.Enum):
    """What a payment is, in the terms tax, benefits and budgets care about."""

    #: Payment for time, in money.
    FEE = "fee"
    #: A refund of an actual cost, shown by a receipt.
    EXPENSE_RECEIPTED = "expense_receipted"
    #: A flat-rate expense (mileage per mile, a set contribution per remote meeting).
    EXPENSE_FLAT_RATE = "expense_flat_rate"
    #: Payment for time in vouchers or gift cards.
    VOUCHER = "voucher"
    #: Payment for time credited to a pot held for the person (it buys what they choose).
    POT_CONTRIBUTION = "pot_contribution"
    #: Payment for the person's time made to their organisation instead of them.
    ORGANISATION_PAYMENT = "organisation_payment"
    #: A fee the contributor declined: its amount is what they gave up; nothing is paid.
    DECLINED = "declined"

    @property
    def is_expense(self) -> bool:
        """Whether the payment refunds a cost (receipted or flat-rate)."""
        return self in (PaymentKind.EXPENSE_RECEIPTED, PaymentKind.EXPENSE_FLAT_RATE)

    @property
    def is_for_time(self) -> bool:
        """Whether the payment pays for time (a fee in any form), not for a cost."""
        return self in _FOR_TIME

    @property
    def costs_money(self) -> bool:
        """Whether the project pays anything out (false only for a declined fee)."""
        return self is not PaymentKind.DECLINED


# Read once: in CPython 3.11 reading a member off its class costs about a short call, and
# every payment made asks whether it is a declined fee.
_DECLINED: Final = PaymentKind.DECLINED

_FOR_TIME = frozenset(
    {
        PaymentKind.FEE,
        PaymentKind.VOUCHER,
        PaymentKind.POT_CONTRIBUTION,
        PaymentKind.ORGANISATION_PAYMENT,
    }
)


def _kind(value: PaymentKind | str) -> PaymentKind:
    return member(PaymentKind, value, "kind")


def _expense_kind(value: ExpenseKind | str | None) -> ExpenseKind | None:
    return None if value is None else member(ExpenseKind, value, "expense")


def _activity_on(value: dt.date | str | None) -> dt.date | None:
    return None if value is None else to_date(value, "activity_on")


def _paid_on(value: dt.date | str | None) -> dt.date | None:
    return None if value is None else to_date(value, "paid_on")


def _due(value: dt.date | str) -> dt.date:
    return to_date(value, "due_on")


def _note(value: str | None) -> str | None:
    if value is None or isinstance(value, str):
        return value
    # Never echo the value: a note about a payment can hold health, care or benefits details.
    raise ValidationError("note", "must be text or absent")


@attrs.frozen
class Payment(Record):
    """One planned or made payment to one contributor.

    ``due_on`` is when the plan says it is paid; ``paid_on`` when it actually was (``None``
    until then); ``activity_on`` the day of the activity it pays for, from which a
    timeliness policy counts working days. ``note`` is free text about the payment to a
    named person (why cash, why late, what an expense was for), which can reveal health,
    care or benefits details, so it is sensitive: ``repr`` and default serialisation
    withhold it.
    """

    id: str
    contributor: str
    kind: PaymentKind = attrs.field(converter=_kind)
    amount: Money
    due_on: dt.date = attrs.field(converter=_due, kw_only=True)
    activity: str | None = attrs.field(default=None, kw_only=True)
    activity_on: dt.date | None = attrs.field(default=None, converter=_activity_on, kw_only=True)
    paid_on: dt.date | None = attrs.field(default=None, converter=_paid_on, kw_only=True)
    #: What an expense paid for (expenses only).
    expense: ExpenseKind | None = attrs.field(default=None, converter=_expense_kind, kw_only=True)
    note: str | None = attrs.field(
        default=None, converter=_note, kw_only=True, repr=REDACTED, metadata=SENSITIVE
    )

    def __attrs_post_init__(self) -> None:
        if not self.id.strip():
            raise ValidationError("id", "must not be empty")
        if not self.contributor.strip():
            raise ValidationError("contributor", "must not be empty")
        if not isinstance(self.amount, Money):
            raise ValidationError("amount", "must be Money")
        if self.amount.is_negative():
            raise ValidationError("amount", "must not be negative")
        if not self.amount.is_whole_minor_units():
            raise ValidationError("amount", "is not a whole number of pennies")
        if self.expense is not None and not self.kind.is_expense:
            raise ValidationError("expense", f"is only for expenses, not a {self.kind.value}")
        if self.kind is _DECLINED and self.paid_on is not None:
            raise ValidationError("paid_on", "must be empty for a declined fee")

    @property
    def received_on(self) -> dt.date:
        """The day the contributor gets the money: when paid, else when due."""
        return self.paid_on if self.paid_on is not None else self.due_on

    def is_paid(self, as_at: dt.date) -> bool:
        """Whether the payment had been made by ``as_at``."""
        return self.paid_on is not None and self.paid_on <= as_at


@attrs.frozen
class KindCost(Record):
    """The total of one kind of payment."""

    kind: PaymentKind
    amount: Money


@attrs.frozen
class ContributorCost(Record):
    """What the project pays one contributor, fees and expenses apart."""

    contributor: str
    fees: Money
    expenses: Money
    declined: Money

    @property
    def total(self) -> Money:
        """Fees plus expenses (declined fees cost nothing)."""
        return self.fees + self.expenses


@attrs.frozen
class CostSummary(Record):
    """A plan's costs as plain data for a budget: fees and expenses, never mixed.

    ``fees`` is every payment for time (fees, vouchers, pot contributions and payments to
    organisations); ``expenses`` every refund of a cost; ``declined`` what contributors
    gave up, which costs nothing and is not in ``total``.
    """

    currency: str
    fees: Money
    expenses: Money
    declined: Money
    by_contributor: tuple[ContributorCost, ...]
    by_kind: tuple[KindCost, ...]

    @property
    def total(self) -> Money:
        """Fees plus expenses."""
        return self.fees + self.expenses


def _payments(value: Iterable[Payment]) -> tuple[Payment, ...]:
    return tuple(value)


@attrs.frozen
class PaymentPlan(Record):
    """A project's payments to its contributors."""

    project: str
    payments: tuple[Payment, ...] = attrs.field(converter=_payments)
    currency: str = "GBP"

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for index, payment in enumerate(self.payments):
            if not isinstance(payment, Payment):
                raise ValidationError(f"payments[{index}]", "must be a Payment")
            if payment.id in seen:
                raise ValidationError(f"payments[{index}].id", f"repeats id {payment.id!r}")
            seen.add(payment.id)
            if payment.amount.currency != self.currency:
                raise ValidationError(
                    f"payments[{index}].amount", f"must be in the plan's currency {self.currency}"
                )

    def contributors(self) -> tuple[str, ...]:
        """Every contributor with a payment, sorted."""
        return tuple(sorted({p.contributor for p in self.payments}))

    def for_contributor(self, contributor: str) -> tuple[Payment, ...]:
        """One contributor's payments by the day they receive them (for the benefits engine)."""
        chosen = (p for p in self.payments if p.contributor == contributor)
        return tuple(sorted(chosen, key=lambda p: (p.received_on, p.id)))

    def total(self) -> Money:
        """Everything the project pays out: fees and expenses, not declined fees."""
        return Money.total((p.amount for p in self.payments if p.kind.costs_money), self.currency)

    def cost_summary(self) -> CostSummary:
        """Fees and expenses in total, per contributor and per kind, for the budget."""
        # The same sums, in the same order, as adding Money payment by payment, added up as
        # amounts and made Money once each at the end: every payment is in the plan's
        # currency (checked when the plan is made), so no sum can mix two, and none is
        # negative, so no partial sum is larger than the total it is part of.
        currency = self.currency
        nothing = Money.zero(currency).amount
        add = exact.add
        per_person: dict[str, list[Decimal]] = {}
        per_kind: dict[PaymentKind, Decimal] = {}
        for payment in self.payments:
            kind = payment.kind
            amount = payment.amount.amount
            row = per_person.get(payment.contributor)
            if row is None:
                row = per_person[payment.contributor] = [nothing, nothing, nothing]
            slot = 0 if kind in _FOR_TIME else 1 if kind.is_expense else 2
            row[slot] = add(row[slot], amount)
            per_kind[kind] = add(per_kind.get(kind, nothing), amount)
        rows = [(name, per_person[name]) for name in sorted(per_person)]
        totals = [nothing, nothing, nothing]
        for _name, row in rows:
            for slot in range(3):
                totals[slot] = add(totals[slot], row[slot])
        fees, expenses, declined = (Money(total, currency) for total in totals)
        return CostSummary(
            currency=currency,
            fees=fees,
            expenses=expenses,
            declined=declined,
            by_contributor=tuple(
                ContributorCost(name, *(Money(amount, currency) for amount in row))
                for name, row in rows
            ),
            by_kind=tuple(
                KindCost(k, Money(per_kind[k], currency)) for k in PaymentKind if k in per_kind
            ),
        )
