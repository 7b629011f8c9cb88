"""Expenses: what it cost a contributor to take part, kept apart from any fee.

Tax and benefits treat a fee (payment for time) and an expense (a cost refunded)
differently, so the library never adds one to the other. An expense is either
**receipted** (the actual cost, shown by a receipt) or **flat-rate** (a set amount such as
a mileage rate per mile or a contribution per remote meeting, read from the dated
parameters in ``payments/expenses.toml``).

>>> import datetime as dt
>>> trip = cost_mileage(Vehicle.CAR, 12, as_at=dt.date(2025, 6, 2))
>>> trip.amount, trip.basis
(Money('5.40', 'GBP'), <ExpenseBasis.FLAT_RATE: 'flat_rate'>)
>>> cost_receipted_expense(ExpenseKind.TAXI, "18.60").amount
Money('18.60', 'GBP')
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from decimal import Decimal
from typing import Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.explain import Explained, Finding, ParameterUse, Severity
from participatory.core.fields import member
from participatory.core.money import Money, to_decimal
from participatory.core.params import ParameterSet, bundled_parameters
from participatory.core.periods import to_date
from participatory.core.sources import cite
from participatory.payments.costing import penny_rounding

__all__ = [
    "Expense",
    "ExpenseBasis",
    "ExpenseKind",
    "Vehicle",
    "cost_mileage",
    "cost_receipted_expense",
    "cost_remote_meeting",
]


class ExpenseKind(enum.Enum):
    """What an expense paid for."""

    #: Public transport, parking, tolls.
    TRAVEL = "travel"
    #: A taxi (usually agreed in advance).
    TAXI = "taxi"
    #: Driving or cycling, paid per mile.
    MILEAGE = "mileage"
    #: A replacement carer or personal assistant while the contributor takes part.
    CARER = "carer"
    #: A support worker or personal facilitator who comes with the contributor.
    SUPPORT_WORKER = "support_worker"
    CHILDCARE = "childcare"
    #: Meals and drinks while taking part.
    SUBSISTENCE = "subsistence"
    #: An overnight stay.
    ACCOMMODATION = "accommodation"
    #: Phone, internet, paper and printing for taking part from home.
    REMOTE_WORKING = "remote_working"
    OTHER = "other"


class ExpenseBasis(enum.Enum):
    """Whether an expense refunds an actual, receipted cost or pays a set rate."""

    RECEIPTED = "receipted"
    FLAT_RATE = "flat_rate"


class Vehicle(enum.Enum):
    """How a contributor travelled, for mileage rates."""

    CAR = "car"
    MOTORCYCLE = "motorcycle"
    BICYCLE = "bicycle"


#: The dated number of business miles in a tax year at the higher car rate (10,000 since 2002).
CAR_THRESHOLD: Final = "payments.expenses.mileage.car_threshold_miles"

#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, object]] = {
    "payments.expense_receipted": (
        "{kind} expense of {amount}, refunded against a receipt and kept apart from the fee."
    ),
    "payments.expense_flat_rate": (
        "{kind} expense of {amount} at a flat rate, kept apart from the fee. A flat-rate "
        "amount is not a receipted cost: if it is more than the actual cost, the excess "
        "may count as income for tax or benefits."
    ),
    "payments.expense_mileage": ("{miles} miles at {rate} a mile ({vehicle}) = {amount}."),
    "payments.expense_passengers": {
        "by": "passengers",
        "one": "{passengers} passenger for {miles} miles at {rate} a mile = {amount}.",
        "other": "{passengers} passengers for {miles} miles at {rate} a mile = {amount}.",
    },
    "payments.expense_remote": {
        "by": "meetings",
        "one": "{meetings} remote meeting at {rate} each = {amount}.",
        "other": "{meetings} remote meetings at {rate} each = {amount}.",
    },
    "payments.expense_taxi": (
        "Agree taxis with the contributor and the involvement lead before the journey."
    ),
    "payments.expense_rounded": "The expense of {exact} was rounded to the penny: {amount}.",
}


def _kind(value: ExpenseKind | str) -> ExpenseKind:
    return member(ExpenseKind, value, "kind", problem="is not a kind of expense")


@attrs.frozen
class Expense(Explained):
    """A costed expense: what it was for, how it is paid, the amount and why."""

    kind: ExpenseKind = attrs.field(converter=_kind)
    basis: ExpenseBasis
    amount: Money
    description: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.amount.is_negative():
            raise ValidationError("amount", "must not be negative")
        if not self.amount.is_whole_minor_units():
            raise ValidationError("amount", "is not a whole number of pennies")


def _label(kind: ExpenseKind) -> str:
    return kind.value.replace("_", " ").capitalize()


def _basis_finding(kind: ExpenseKind, basis: ExpenseBasis, amount: Money) -> Finding:
    if basis is ExpenseBasis.RECEIPTED:
        return Finding(
            "PAY-EXPENSE-RECEIPTED",
            Severity.INFO,
            "payments.expense_receipted",
            {"kind": _label(kind), "amount": amount},
            citations=(cite("nihr_public_guide_status_tax_2024#expenses"),),
        )
    return Finding(
        "PAY-EXPENSE-FLAT-RATE",
        Severity.ADVICE,
        "payments.expense_flat_rate",
        {"kind": _label(kind), "amount": amount},
        citations=(
            cite("nihr_public_guide_status_tax_2024#income"),
            cite("nihr_public_guide_status_tax_2024#expenses"),
        ),
    )


def _taxi_findings(kind: ExpenseKind) -> tuple[Finding, ...]:
    if kind is not ExpenseKind.TAXI:
        return ()
    return (
        Finding(
            "PAY-EXPENSE-TAXI-AGREE",
            Severity.ADVICE,
            "payments.expense_taxi",
            citations=(
                cite("tewv_involvement_opportunities#taxis"),
                cite("ace_centre_expenses#taxis"),
            ),
        ),
    )


@computes_exactly
def cost_receipted_expense(
    kind: ExpenseKind | str, amount: Money | Decimal | int | str, *, description: str | None = None
) -> Expense:
    """An expense refunded at its actual cost, against a receipt."""
    chosen = _kind(kind)
    money = amount if isinstance(amount, Money) else Money(to_decimal(amount, "amount"))
    findings = (_basis_finding(chosen, ExpenseBasis.RECEIPTED, money), *_taxi_findings(chosen))
    return Expense(chosen, ExpenseBasis.RECEIPTED, money, description, findings=findings)


def _rounded(exact: Money, findings: list[Finding]) -> Money:
    amount = exact.quantize()
    if amount != exact:
        findings.append(
            Finding(
                "PAY-ROUND-PENNY",
                Severity.INFO,
                "payments.expense_rounded",
                {"exact": exact, "amount": amount},
                citations=(penny_rounding(),),
            )
        )
    return amount


def _count(value: object, path: str) -> Decimal:
    number = to_decimal(value, path)
    if number < 0:
        raise ValidationError(path, "must not be negative")
    return number


@computes_exactly
def cost_mileage(
    vehicle: Vehicle,
    miles: Decimal | int | str,
    *,
    as_at: dt.date,
    passengers: int = 0,
    miles_already_this_tax_year: Decimal | int | str = 0,
    parameters: ParameterSet | None = None,
) -> Expense:
    """Mileage at the dated flat rates per mile (a car's rate falls after a threshold).

    ``miles_already_this_tax_year`` is the contributor's business miles already paid in the
    same tax year, so a car's miles past the threshold (the dated parameter
    ``payments.expenses.mileage.car_threshold_miles``: 10,000 miles) get the lower rate.
    """
    vehicle = member(Vehicle, vehicle, "vehicle")
    as_at = to_date(as_at, "as_at")
    params = bundled_parameters() if parameters is None else parameters
    distance = _count(miles, "miles")
    before = _count(miles_already_this_tax_year, "miles_already_this_tax_year")
    if isinstance(passengers, bool) or not isinstance(passengers, int) or passengers < 0:
        raise ValidationError("passengers", "must be a whole number, 0 or more")
    base = "payments.expenses.mileage"
    bands: list[tuple[Decimal, ParameterUse]]
    threshold: ParameterUse | None = None
    if vehicle is Vehicle.CAR:
        threshold = params.use(CAR_THRESHOLD, as_at)
        low = max(Decimal(0), min(distance, Decimal(str(threshold.value)) - before))
        bands = [(low, params.use(f"{base}.car_first_10000_miles", as_at))]
        if distance - low > 0:
            bands.append((distance - low, params.use(f"{base}.car_over_10000_miles", as_at)))
    else:
        bands = [(distance, params.use(f"{base}.{vehicle.value}", as_at))]
    findings: list[Finding] = []
    exact = Money.zero()
    for band_miles, use in bands:
        rate = Money(Decimal(str(use.value)))
        part = rate * band_miles
        exact = exact + part
        findings.append(
            Finding(
                "PAY-EXPENSE-MILEAGE",
                Severity.INFO,
                "payments.expense_mileage",
                {"miles": band_miles, "rate": rate, "vehicle": vehicle.value, "amount": part},
                parameters=(use,) if threshold is None else (use, threshold),
            )
        )
    if passengers:
        use = params.use(f"{base}.passenger", as_at)
        rate = Money(Decimal(str(use.value)))
        part = rate * distance * passengers
        exact = exact + part
        findings.append(
            Finding(
                "PAY-EXPENSE-PASSENGERS",
                Severity.INFO,
                "payments.expense_passengers",
                {"passengers": passengers, "miles": distance, "rate": rate, "amount": part},
                parameters=(use,),
            )
        )
    amount = _rounded(exact, findings)
    findings.append(_basis_finding(ExpenseKind.MILEAGE, ExpenseBasis.FLAT_RATE, amount))
    return Expense(
        ExpenseKind.MILEAGE, ExpenseBasis.FLAT_RATE, amount, vehicle.value, findings=findings
    )


@computes_exactly
def cost_remote_meeting(
    *, as_at: dt.date, meetings: int = 1, parameters: ParameterSet | None = None
) -> Expense:
    """The flat contribution per remote meeting towards phone, internet and printing."""
    if isinstance(meetings, bool) or not isinstance(meetings, int) or meetings < 0:
        raise ValidationError("meetings", "must be a whole number, 0 or more")
    params = bundled_parameters() if parameters is None else parameters
    use = params.use("payments.expenses.remote_meeting_contribution", as_at)
    rate = Money(Decimal(str(use.value)))
    amount = rate * meetings
    findings = [
        Finding(
            "PAY-EXPENSE-REMOTE",
            Severity.INFO,
            "payments.expense_remote",
            {"meetings": meetings, "rate": rate, "amount": amount},
            parameters=(use,),
        ),
        _basis_finding(ExpenseKind.REMOTE_WORKING, ExpenseBasis.FLAT_RATE, amount),
    ]
    return Expense(ExpenseKind.REMOTE_WORKING, ExpenseBasis.FLAT_RATE, amount, findings=findings)
