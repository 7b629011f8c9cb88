"""Households and ledgers the ledger tests share, with their circumstances' basis recorded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from participatory.benefits import (
    CarersAllowanceClaim,
    Child,
    Household,
    Person,
    UniversalCreditClaim,
)
from participatory.ledger import (
    ConsentRecord,
    Contributor,
    HouseholdRecord,
    Ledger,
    PaymentEntry,
)

AGREED = dt.date(2025, 4, 1)
KEPT_UNTIL = dt.date(2027, 3, 31)


def agreed(person: str, *, until: dt.date = KEPT_UNTIL) -> ConsentRecord:
    """The person's own explicit consent, for checking payments, kept until ``until``."""
    return ConsentRecord(person, person, AGREED, "checking payments against benefit rules", until)


def carer_ledger(payments: Iterable[PaymentEntry] = (), *, nation: str = "england") -> Ledger:
    """Amira, who gets Carer's Allowance (benefit weeks from Monday), and her payments."""
    home = Household(
        people=[Person("amira", carers_allowance=CarersAllowanceClaim())], nation=nation
    )
    return Ledger(
        contributors=[Contributor("amira", communities=["carers-north"], nation=nation)],
        households=[HouseholdRecord("h-amira", home, [agreed("amira")])],
        payments=payments,
    )


def couple_household() -> Household:
    """Ann and Bob: a joint Universal Credit claim with a child and housing costs.

    Assessment periods run from the 1st to the end of each month (first date of entitlement
    1 May 2025); the lower work allowance (with housing costs) applies, one for the couple.
    """
    return Household(
        people=[Person("ann"), Person("bob")],
        children=[Child(born_on=dt.date(2019, 3, 1))],
        universal_credit=UniversalCreditClaim(
            first_date_of_entitlement=dt.date(2025, 5, 1),
            housing_costs_element=True,
            housing_amount="600.00",
        ),
    )


def couple_ledger(payments: Iterable[PaymentEntry] = ()) -> Ledger:
    """Ann and Bob's ledger: both are contributors."""
    return Ledger(
        contributors=[Contributor("ann"), Contributor("bob")],
        households=[
            HouseholdRecord("h-ann-bob", couple_household(), [agreed("ann"), agreed("bob")])
        ],
        payments=payments,
    )


def fee(
    key: str,
    person: str,
    amount: str,
    day: str,
    *,
    project: str | None = None,
    payer: str = "University of Bath",
    **more: object,
) -> PaymentEntry:
    """A paid involvement fee."""
    return PaymentEntry(key, person, amount, day, payer=payer, project=project, **more)  # type: ignore[arg-type]
