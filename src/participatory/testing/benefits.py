"""Hypothesis strategies for the benefits models, for the library's tests and yours.

Every strategy builds valid values whose dates lie inside the bundled parameter data
(payments from mid-April 2024 to early March 2026, before the first figures the data does not
have). All the weekly benefits of one household share a benefit-week start day, which is how
the engine's knock-on effects between weekly benefits are meant to be read. Households are
single people or couples (ids ``"p1"`` and ``"p2"``); receipts name one of them.

>>> from hypothesis import given
>>> @given(households(), receipt_lists())
... def check_runs(home, rs):
...     from participatory.benefits import assess_benefits
...     assert assess_benefits(home, rs).kept.currency == "GBP"
>>> check_runs()
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from participatory.benefits.claims import (
    CarersAllowanceClaim,
    EmploymentSupportAllowanceClaim,
    HousingBenefitClaim,
    LegacyClaim,
    PensionCreditClaim,
    UniversalCreditClaim,
)
from participatory.benefits.household import (
    CapitalHolding,
    CapitalKind,
    Child,
    ChildDisability,
    Household,
    Person,
    TwoChildLimitException,
)
from participatory.benefits.kinds import (
    AgeBand,
    EarningsDisregard,
    HousingBenefitDisregard,
    LegacyBenefit,
    PermittedWork,
    UnaffectedBenefit,
    WorkCapability,
)
from participatory.benefits.receipts import Receipt, ReceiptKind
from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.testing.strategies import amounts, dates

__all__ = [
    "FIRST_PAYMENT_DAY",
    "LAST_PAYMENT_DAY",
    "carers_allowance_claims",
    "children",
    "esa_claims",
    "households",
    "housing_benefit_claims",
    "legacy_claims",
    "payment_days",
    "pension_credit_claims",
    "people",
    "pounds",
    "receipt_lists",
    "receipts",
    "universal_credit_claims",
]

#: The first and last days a generated payment is received (inside the bundled data: the
#: Scottish and some 2026/27 figures end in April 2026, so generated payments stop before).
FIRST_PAYMENT_DAY = dt.date(2024, 4, 15)
LAST_PAYMENT_DAY = dt.date(2026, 2, 28)


def pounds(min_value: int | str = 0, max_value: int | str = 2000) -> st.SearchStrategy[Money]:
    """Whole-penny amounts in GBP."""
    return amounts(Decimal(min_value), Decimal(max_value)).map(lambda a: Money(a, "GBP"))


def payment_days(
    min_value: dt.date = FIRST_PAYMENT_DAY, max_value: dt.date = LAST_PAYMENT_DAY
) -> st.SearchStrategy[dt.date]:
    """Days a payment may be received."""
    return dates(min_value, max_value)


def _hours() -> st.SearchStrategy[Decimal]:
    return amounts(0, 30, places=1)


def universal_credit_claims() -> st.SearchStrategy[UniversalCreditClaim]:
    """Universal Credit awards, with and without a known award (claims starting any day)."""

    @st.composite
    def build(draw: st.DrawFn) -> UniversalCreditClaim:
        housing = draw(st.booleans())
        return UniversalCreditClaim(
            # Mostly claims begun before any payment; some begun while payments are made (a
            # payment before the first date is in no assessment period).
            first_date_of_entitlement=draw(
                dates(dt.date(2023, 1, 1), FIRST_PAYMENT_DAY)
                | dates(FIRST_PAYMENT_DAY, LAST_PAYMENT_DAY)
            ),
            housing_costs_element=housing,
            # High rents now and then, so the benefit cap bites in some households.
            housing_amount=draw(st.none() | pounds(0, 900) | pounds(900, 2000))
            if housing
            else None,
            other_unearned_income=draw(st.just(Money.zero()) | pounds(0, 300)),
            current_award=draw(st.none() | pounds(0, 1500)),
            # A benefit cap grace period now and then (UC Regs 2013 reg. 82(2)).
            benefit_cap_grace_period_start=draw(
                st.none() | st.none() | st.none() | dates(dt.date(2024, 1, 1), LAST_PAYMENT_DAY)
            ),
        )

    return build()


def carers_allowance_claims(week_start: int = 0) -> st.SearchStrategy[CarersAllowanceClaim]:
    """Carer's Allowance claims, with or without an award from the letter."""
    return st.builds(
        CarersAllowanceClaim,
        benefit_week_start=st.just(week_start),
        weekly_award=st.none() | pounds(50, 90),
    )


def esa_claims(week_start: int = 0) -> st.SearchStrategy[EmploymentSupportAllowanceClaim]:
    """New-style ESA claims in any kind of permitted work."""
    return st.builds(
        EmploymentSupportAllowanceClaim,
        weekly_award=pounds(50, 150),
        permitted_work=st.sampled_from(PermittedWork),
        benefit_week_start=st.just(week_start),
    )


def legacy_claims(
    week_start: int = 0, *, means_tested: bool = True, income_related_esa: bool = False
) -> st.SearchStrategy[LegacyClaim]:
    """IS, income-based JSA or new-style JSA claims (and income-related ESA if asked).

    Income-related ESA is left out by default because the data does not say whether it
    still exists after 31 March 2026.
    """
    kinds = [LegacyBenefit.INCOME_SUPPORT, LegacyBenefit.INCOME_BASED_JSA]
    if income_related_esa:
        kinds.append(LegacyBenefit.INCOME_RELATED_ESA)
    kinds = kinds if means_tested else []
    kinds.append(LegacyBenefit.NEW_STYLE_JSA)
    return st.builds(
        LegacyClaim,
        benefit=st.sampled_from(kinds),
        weekly_award=pounds(20, 150),
        disregard=st.none() | st.sampled_from(EarningsDisregard),
        permitted_work=st.sampled_from(PermittedWork),
        benefit_week_start=st.just(week_start),
    )


def housing_benefit_claims(
    week_start: int = 0, *, supported_or_temporary: bool | None = None
) -> st.SearchStrategy[HousingBenefitClaim]:
    """Housing Benefit claims."""
    flag = st.booleans() if supported_or_temporary is None else st.just(supported_or_temporary)
    return st.builds(
        HousingBenefitClaim,
        weekly_award=pounds(10, 250),
        disregard=st.none() | st.sampled_from(HousingBenefitDisregard),
        pension_age=st.booleans(),
        supported_or_temporary=flag,
        benefit_week_start=st.just(week_start),
    )


def pension_credit_claims(week_start: int = 0) -> st.SearchStrategy[PensionCreditClaim]:
    """Pension Credit (guarantee credit) claims."""
    return st.builds(
        PensionCreditClaim,
        weekly_award=pounds(5, 250),
        disregard=st.none() | st.sampled_from(EarningsDisregard),
        savings_credit=st.booleans(),
        benefit_week_start=st.just(week_start),
    )


def people(person_id: str = "p1", week_start: int = 0) -> st.SearchStrategy[Person]:
    """One adult's own circumstances (their own weekly benefits share ``week_start``)."""
    return st.builds(
        Person,
        id=st.just(person_id),
        age_band=st.sampled_from(AgeBand),
        capability=st.sampled_from(WorkCapability),
        carer=st.booleans(),
        carers_allowance=st.none() | carers_allowance_claims(week_start),
        esa=st.none() | esa_claims(week_start),
        unaffected=st.frozensets(st.sampled_from(UnaffectedBenefit), max_size=2),
        weekly_earnings=st.just(Money.zero()) | pounds(0, 150),
        monthly_earnings=st.just(Money.zero()) | pounds(0, 1200),
        weekly_hours=_hours(),
        overlapping_benefit=st.none() | pounds(0, 120),
    )


def children(max_size: int = 4) -> st.SearchStrategy[list[Child]]:
    """Children born between 2008 and 2024 (so some are 16 or over), a few disabled."""
    return st.lists(
        st.builds(
            Child,
            born_on=dates(dt.date(2008, 1, 1), dt.date(2024, 1, 1)),
            disability=st.sampled_from([ChildDisability.NONE, ChildDisability.HIGHER]),
            qualifying_young_person=st.booleans(),
            two_child_limit_exception=st.sampled_from(TwoChildLimitException),
        ),
        max_size=max_size,
    )


def _capital() -> st.SearchStrategy[list[CapitalHolding] | None]:
    holding = st.builds(CapitalHolding, kind=st.sampled_from(CapitalKind), amount=pounds(0, 12_000))
    return st.none() | st.lists(holding, max_size=2)


def households(first: str = "p1", partner: str = "p2") -> st.SearchStrategy[Household]:
    """Any valid household: single or couple, UC-based, legacy-based or pension-age.

    ``first`` and ``partner`` are the members' ids (a couple's second member is ``partner``).
    """
    return _households(first, partner)


def _household(**fields: Any) -> Household:
    """A household; a stated earnings disregard it cannot have is left to the household.

    A couple's claim never has the single claimant's disregard, nor a single claimant's the
    couple's (HB Regs 2006 Sch. 4; IS Regs 1987 Sch. 8; SPC Regs 2002 Sch. VI): the claims
    are drawn without knowing the household, so a refused one states none instead.
    """
    while True:
        try:
            return Household(**fields)
        except ValidationError as error:
            claim = error.path.removesuffix(".disregard")
            if claim == error.path or fields.get(claim) is None:
                raise
            fields[claim] = attrs.evolve(fields[claim], disregard=None)


@st.composite
def _households(draw: st.DrawFn, first: str, partner: str) -> Household:
    week_start = draw(st.integers(0, 6))
    members = [draw(people(first, week_start))]
    if draw(st.booleans()):
        members.append(draw(people(partner, week_start)))
    family = draw(st.sampled_from(["universal_credit", "legacy", "pension", "none"]))
    if family == "universal_credit":
        return _household(
            people=members,
            children=draw(children()),
            universal_credit=draw(universal_credit_claims()),
            legacy=draw(st.none() | legacy_claims(week_start, means_tested=False)),
            housing_benefit=draw(
                st.none() | housing_benefit_claims(week_start, supported_or_temporary=True)
            ),
            capital=draw(_capital()),
            greater_london=draw(st.sampled_from([None, False, True])),
            child_benefit=draw(st.booleans()),
        )
    if family == "legacy":
        return _household(
            people=members,
            legacy=draw(legacy_claims(week_start)),
            housing_benefit=draw(st.none() | housing_benefit_claims(week_start)),
        )
    if family == "pension":
        return _household(
            people=members,
            pension_credit=draw(st.none() | pension_credit_claims(week_start)),
            housing_benefit=draw(st.none() | housing_benefit_claims(week_start)),
        )
    return Household(people=members)


def receipts(
    kinds: st.SearchStrategy[ReceiptKind] | None = None,
    days: st.SearchStrategy[dt.date] | None = None,
    max_amount: int = 1500,
    people: tuple[str, ...] = ("p1",),
) -> st.SearchStrategy[Receipt]:
    """Single payments of any kind on a day inside the data, to one of ``people``.

    The hours are sometimes for work done on another day (``worked_on``).
    """
    on = days if days is not None else payment_days()
    return st.builds(
        Receipt,
        amount=pounds(0, max_amount),
        received_on=on,
        kind=kinds if kinds is not None else st.sampled_from(ReceiptKind),
        hours=amounts(0, 12, places=1),
        worked_on=st.none() | on,
        person=st.sampled_from(people),
    )


def receipt_lists(
    max_size: int = 6, days: st.SearchStrategy[dt.date] | None = None
) -> st.SearchStrategy[list[Receipt]]:
    """A few payments to ``"p1"``, close enough in time to share weeks and assessment periods."""

    @st.composite
    def build(draw: st.DrawFn) -> list[Receipt]:
        latest = LAST_PAYMENT_DAY - dt.timedelta(days=40)
        start = draw(days if days is not None else payment_days(max_value=latest))
        window = st.integers(0, 40).map(lambda n: start + dt.timedelta(days=n))
        return draw(st.lists(receipts(days=window), max_size=max_size))

    return build()
