"""Hypothesis strategies for peer comparisons, and the library's side of the UC question.

Requires ``hypothesis`` (the ``test`` extra); never imports a peer model.
:func:`peer_households` and :func:`peer_cases` build households both the library and
PolicyEngine-UK model the same way (see :mod:`participatory.peers.policyengine`):

* claimants aged 18 to 64 (of working age in every tax year covered), each partner with
  their own capability for work, caring and earnings;
* up to four children by date of birth, aged 0 to 19 on the first day of the assessment
  period, some born either side of 6 April 2017, some young people in education, some
  with a disabled child addition (only before 6 April 2026: the library has no lower
  rate after that) or a two-child-limit exception;
* earnings and fees in whole multiples of 20p, so 55% of any of them is a whole number of
  pennies and no model's rounding of a fraction of a penny can decide an answer;
* a housing costs element of at least a penny when there is one.

:func:`participatory_uc_change` answers the same question with the library's engine, for
the differential tests and the peer benchmark, end to end; it is the composition of
:func:`participatory_household` and :func:`participatory_receipt` (the inputs, built once
by a caller that holds them) and :func:`participatory_uc_answer` (the question asked of
them). The benchmark also times the question apart, as :func:`participatory_uc_pennies`
(the same answer in whole pennies, as a caller of many checks reads it).

>>> from hypothesis import given
>>> @given(peer_cases())
... def check(case):
...     household, fee = case
...     assert fee.amount * 100 % 20 == 0
>>> check()
"""

import datetime as dt
from decimal import Decimal
from typing import Final

from hypothesis import strategies as st

from participatory.benefits import (
    AgeBand,
    Benefit,
    Household,
    Person,
    Receipt,
    ReceiptKind,
    UniversalCreditClaim,
    WorkCapability,
    assess_benefits,
)
from participatory.core.money import Money
from participatory.core.pennies import from_pennies
from participatory.peers.households import (
    Capability,
    Child,
    ChildDisability,
    PeerHousehold,
    TwoChildLimitException,
    assessment_period_start,
)

__all__ = [
    "PEER_TAX_YEARS",
    "participatory_household",
    "participatory_receipt",
    "participatory_uc_answer",
    "participatory_uc_change",
    "participatory_uc_pennies",
    "peer_cases",
    "peer_households",
    "twenty_pence_multiples",
]

#: Tax years whose UC figures the library's bundled data covers.
PEER_TAX_YEARS = (2024, 2025, 2026)


def twenty_pence_multiples(max_pounds: int) -> st.SearchStrategy[Money]:
    """Amounts from £0 to ``max_pounds`` in steps of 20p (55% of each is whole pennies)."""
    return st.integers(0, max_pounds * 5).map(lambda steps: Money(Decimal(steps) / 5, "GBP"))


def _pennies(min_pence: int, max_pence: int) -> st.SearchStrategy[Money]:
    return st.integers(min_pence, max_pence).map(lambda p: Money(Decimal(p) / 100, "GBP"))


def _children(draw: st.DrawFn, tax_year: int) -> tuple[Child, ...]:
    """Up to four children, aged 0 to 19 on the first day of the AP, in any order."""
    start = assessment_period_start(tax_year)
    count = draw(st.integers(0, 4))
    children = []
    # The library has no lower disabled child addition after 5 April 2026, and reads both
    # rates together: no disabled child from then.
    disabilities = [ChildDisability.NONE]
    if tax_year < 2026:
        disabilities += [ChildDisability.LOWER, ChildDisability.HIGHER]
    for _ in range(count):
        # Ages are weighted to the edges that matter: born either side of 6 April 2017,
        # under 16 or a young person of 16 to 19 on the first day of the AP.
        born_on = draw(
            st.one_of(
                st.dates(start - dt.timedelta(days=20 * 365), start),
                st.dates(dt.date(2016, 10, 1), dt.date(2017, 10, 1)),
                st.dates(start - dt.timedelta(days=17 * 366), start - dt.timedelta(days=15 * 365)),
            )
        )
        children.append(
            Child(
                born_on=born_on,
                disability=(
                    draw(st.sampled_from(disabilities))
                    if draw(st.integers(0, 4)) == 0
                    else ChildDisability.NONE
                ),
                qualifying_young_person=draw(st.booleans()),
                two_child_limit_exception=(
                    draw(st.sampled_from(list(TwoChildLimitException)[1:]))
                    if draw(st.integers(0, 5)) == 0
                    else TwoChildLimitException.NONE
                ),
            )
        )
    return tuple(children)


@st.composite
def peer_households(draw: st.DrawFn, tax_years: tuple[int, ...] = PEER_TAX_YEARS) -> PeerHousehold:
    """Households claiming UC that the library and PolicyEngine-UK both model.

    Couples are half the draws, and each partner's circumstances are drawn on their own,
    so capability, caring and earnings often sit on different partners.
    """
    tax_year = draw(st.sampled_from(tax_years))
    couple = draw(st.booleans())
    capability = draw(st.sampled_from(Capability))
    partner_capability = draw(st.sampled_from(Capability)) if couple else Capability.NONE
    # Earnings are often nil on UC; weight that case rather than leave it to chance.
    earnings = st.one_of(st.just(Money.zero()), twenty_pence_multiples(1_200))
    return PeerHousehold(
        tax_year=tax_year,
        claimant_age=draw(st.integers(18, 64)),
        partner_age=draw(st.integers(18, 64)) if couple else None,
        capability=capability,
        partner_capability=partner_capability,
        # The lower new-claim LCWRA rate exists only from April 2026.
        lcwra_at_new_claimant_rate=tax_year >= 2026 and draw(st.booleans()),
        # High rents with children bring in the benefit cap; weight them in.
        monthly_rent=draw(st.none() | _pennies(1, 120_000) | _pennies(120_000, 250_000)),
        claimant_monthly_earnings=draw(earnings),
        partner_monthly_earnings=draw(earnings) if couple else Money.zero(),
        carer=draw(st.integers(0, 3)) == 0,
        partner_carer=couple and draw(st.integers(0, 3)) == 0,
        # The library has no lower disabled child addition after 5 April 2026.
        dated_children=_children(draw, tax_year),
    )


def peer_cases(
    tax_years: tuple[int, ...] = PEER_TAX_YEARS, max_fee_pounds: int = 800
) -> st.SearchStrategy[tuple[PeerHousehold, Money]]:
    """A household and an involvement fee (20p or more) received in one assessment period."""
    fees = twenty_pence_multiples(max_fee_pounds).filter(lambda fee: not fee.is_zero())
    return st.tuples(peer_households(tax_years), fees)


def participatory_household(household: PeerHousehold) -> Household:
    """The library's benefits household for a peer case.

    A :class:`~participatory.benefits.household.Household` in which each adult becomes a
    :class:`~participatory.benefits.household.Person` (ids ``"claimant"`` and ``"partner"``)
    with their own age band, capability for work, caring and monthly earnings; the
    children are :attr:`PeerHousehold.child_records
    <participatory.peers.households.PeerHousehold.child_records>`. The household claims
    Universal Credit from 30 days before the assessment period (AP) of
    :func:`~participatory.peers.households.assessment_period_start`, with a housing costs
    element when there is rent, and lives outside Greater London (PolicyEngine-UK is given
    a region outside London, so the benefit cap's lower limit). Every field is validated as
    for any caller's household.

    >>> home = participatory_household(PeerHousehold(
    ...     tax_year=2025, claimant_age=30, partner_age=24, children=1,
    ...     monthly_rent=Money.gbp(400)))
    >>> home.couple, len(home.children), home.universal_credit.housing_amount
    (True, 1, Money('400', 'GBP'))
    """
    people = [
        Person(
            "claimant",
            age_band=_band(household.claimant_age),
            capability=_CAPABILITY[household.capability],
            lcwra_new_claim_rate=household.lcwra_at_new_claimant_rate,
            carer=household.carer,
            monthly_earnings=household.claimant_monthly_earnings,
        )
    ]
    if household.partner_age is not None:
        people.append(
            Person(
                "partner",
                age_band=_band(household.partner_age),
                capability=_CAPABILITY[household.partner_capability],
                lcwra_new_claim_rate=household.lcwra_at_new_claimant_rate,
                carer=household.partner_carer,
                monthly_earnings=household.partner_monthly_earnings,
            )
        )
    claim = UniversalCreditClaim(
        first_date_of_entitlement=assessment_period_start(household.tax_year) - _THIRTY_DAYS,
        housing_costs_element=household.monthly_rent is not None,
        housing_amount=household.monthly_rent,
    )
    return Household(
        people=people,
        children=household.child_records,
        universal_credit=claim,
        greater_london=False,
    )


def participatory_receipt(household: PeerHousehold, fee: Money) -> Receipt:
    """``fee`` as the library's receipt for a peer case.

    A :class:`~participatory.benefits.receipts.Receipt`: an involvement fee paid to the
    claimant and received on 10 October of the tax year, four days into the AP; it counts
    as earnings (UC Regs 2013 reg. 52(a)(iii)).

    >>> household = PeerHousehold(tax_year=2025, claimant_age=30)
    >>> receipt = participatory_receipt(household, Money.gbp(100))
    >>> receipt.received_on, receipt.person
    (datetime.date(2025, 10, 10), 'claimant')
    """
    return Receipt(
        fee,
        assessment_period_start(household.tax_year) + _FOUR_DAYS,
        _INVOLVEMENT_FEE,
        person="claimant",
    )


def participatory_uc_pennies(home: Household, receipt: Receipt) -> tuple[int, int]:
    """The library's UC for the AP ``receipt`` is received in, without and with it, in pennies.

    Asks the public entry point, :func:`participatory.benefits.engine.assess_benefits`,
    about the one receipt and reads UC's amounts alone
    (:meth:`~participatory.benefits.outcomes.BenefitsCheck.amounts_pennies`: no explanation,
    per-period record or amount object is built), what a batch caller holding its households
    and receipts reads. One receipt received in the claim touches one AP, so the amounts are
    that AP's. The award is worked out from the circumstances (``home`` has no
    ``current_award``). The peer benchmark times this.

    >>> household = PeerHousehold(tax_year=2025, claimant_age=30, children=1,
    ...                           monthly_rent=Money.gbp(400),
    ...                           claimant_monthly_earnings=Money.gbp(500))
    >>> home = participatory_household(household)
    >>> participatory_uc_pennies(home, participatory_receipt(household, Money.gbp(100)))
    (104400, 98900)
    """
    return assess_benefits(home, (receipt,)).amounts_pennies(_UNIVERSAL_CREDIT)


def participatory_uc_answer(home: Household, receipt: Receipt) -> tuple[Money, Money]:
    """:func:`participatory_uc_pennies` as amounts of money, to compare with a peer's answer.

    >>> household = PeerHousehold(tax_year=2025, claimant_age=30, children=1,
    ...                           monthly_rent=Money.gbp(400),
    ...                           claimant_monthly_earnings=Money.gbp(500))
    >>> home = participatory_household(household)
    >>> participatory_uc_answer(home, participatory_receipt(household, Money.gbp(100)))
    (Money('1044.00', 'GBP'), Money('989.00', 'GBP'))
    """
    before, after = participatory_uc_pennies(home, receipt)
    return Money(from_pennies(before), "GBP"), Money(from_pennies(after), "GBP")


def participatory_uc_change(household: PeerHousehold, fee: Money) -> tuple[Money, Money]:
    """The library's UC for one assessment period (AP) without and with ``fee`` (> £0).

    The claim starts on 6 September of the tax year and the fee is received on 10 October,
    so the AP is 6 October to 5 November
    (:func:`~participatory.peers.households.assessment_period_start`): after every
    uprating day of the year, and starting on the day PolicyEngine-UK reads ages on. The
    award is worked out from the circumstances (no ``current_award``); the fee is an
    involvement fee paid to the claimant, counted as earnings (UC Regs 2013
    reg. 52(a)(iii)). End to end: builds the household
    (:func:`participatory_household`) and the receipt (:func:`participatory_receipt`),
    then asks the question (:func:`participatory_uc_answer`).

    >>> household = PeerHousehold(tax_year=2025, claimant_age=30, children=1,
    ...                           monthly_rent=Money.gbp(400),
    ...                           claimant_monthly_earnings=Money.gbp(500))
    >>> participatory_uc_change(household, Money.gbp(100))
    (Money('1044.00', 'GBP'), Money('989.00', 'GBP'))

    By hand: maximum 400.14 + 292.81 (child) + 400 (housing) = 1,092.95; without the fee
    (500 − 411) × 55% = 48.95 comes off, leaving 1,044.00; the fee takes 55.00 more.
    """
    return participatory_uc_answer(
        participatory_household(household), participatory_receipt(household, fee)
    )


# Named once: the functions run once per case of the peer benchmark, and an enum member named
# through its class costs a slow attribute look-up on CPython 3.11.
_CAPABILITY: Final = {
    Capability.NONE: WorkCapability.NONE,
    Capability.LCW: WorkCapability.LCW,
    Capability.LCWRA: WorkCapability.LCWRA,
}
_UNIVERSAL_CREDIT: Final = Benefit.UNIVERSAL_CREDIT
_INVOLVEMENT_FEE: Final = ReceiptKind.INVOLVEMENT_FEE
_AGE_25_OR_OVER: Final = AgeBand.AGE_25_OR_OVER
_UNDER_25: Final = AgeBand.UNDER_25
_FOUR_DAYS: Final = dt.timedelta(days=4)
_THIRTY_DAYS: Final = dt.timedelta(days=30)


def _band(age: int) -> AgeBand:
    return _AGE_25_OR_OVER if age >= 25 else _UNDER_25
