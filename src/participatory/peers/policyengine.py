"""Universal Credit for one assessment period from PolicyEngine-UK, the peer model.

PolicyEngine-UK (``policyengine-uk`` on PyPI, the ``peers`` extra:
``pip install participatory[peers]``) is an open-source model of the UK tax and benefit
system. The library asks it the question its own benefits engine answers — how much
Universal Credit (UC) does a household get in one assessment period (AP) without and with
an involvement fee received in that AP — so that differential tests and the peer
benchmark can compare the two. Importing this module never imports PolicyEngine; the
functions that run it import it when called and raise :class:`PeerNotInstalled` (saying
``install participatory[peers]``) when it is missing.

How one AP is asked of a model that works in whole tax years: every monthly input is
multiplied by 12 and every result divided by 12. That is exact for the maximum amount, the
work allowance and the 55% taper, which are all monthly amounts times 12 in PolicyEngine
(``uc_work_allowance`` is ``monthly_allowance * MONTHS_IN_YEAR``). PolicyEngine's year
``2025`` is the tax year from 6 April 2025. PolicyEngine neither rounds (UC Regulations
2013 reg. 6(1) settles fractions of a penny; the library rounds deductions in the
claimant's favour) nor computes exactly (32-bit floats); its results are rounded here to
the nearest penny, half up. Where the exact answer has a fraction of a penny the two can
differ by a penny; earnings and fees in multiples of 20p (55% of which is whole pennies)
avoid that, and the differential tests use only those. Both models' benefit caps count
the Child Benefit each works out for the household.

Which AP: the one starting on 6 October of the tax year
(:func:`~participatory.peers.households.assessment_period_start`). PolicyEngine reads a
person's ``age`` on 6 October, the middle of its year, so each child is entered with
their age on that day and their ``date_of_birth``, and is a child (under 16) or a
qualifying young person for both models alike.

Variables used (names read from the installed ``policyengine_uk/variables`` tree,
2.162.10): person inputs ``age``, ``date_of_birth`` (a child's, in the case's own tax
year; 0, PolicyEngine's "not given", otherwise), ``employment_income``,
``self_employment_income``, ``taxable_miscellaneous_income``,
``uc_limited_capability_for_work`` and ``uc_limited_capability_for_WRA`` (each adult's
own), ``is_carer_for_benefits`` (each adult's own: the carer element),
``uc_is_child_born_before_child_limit``, ``is_claimant_or_partner`` (else PolicyEngine
presumes a partner 20 years younger, or 16 years younger and under 20, to be the
claimant's child), ``is_disabled_for_benefits`` (a child's DLA or PIP: the lower disabled
child addition) and ``is_blind`` (the higher addition's certified-blind limb, the one
PolicyEngine takes from a plain input rather than from DLA and PIP amounts),
``is_in_non_advanced_education``,
``age_started_or_accepted_current_education_or_training`` (16 for a young person in
education) and ``is_before_universal_credit_qualifying_young_person_terminal_date``
(together, a qualifying young person), ``child_limit_multiple_birth_exception`` (the
library's one two-child-limit exception, which keeps the child's place in the order as
the multiple-birth exception does); benefit-unit inputs ``would_claim_uc``,
``uc_deduction_rate`` (set to 0: PolicyEngine otherwise draws debt deductions at random),
``would_claim_child_benefit`` (true: both models count Child Benefit towards the cap),
``uc_receives_new_claimant_health_element`` (one flag for the benefit unit, so the
household has one), ``partners_care_for_same_severely_disabled_person`` (false: two
carers care for two people, each with a carer element); household inputs ``rent``,
``tenure_type`` (``RENT_FROM_HA`` with rent, so the housing costs element is the rent
with no Local Housing Allowance cap; ``OWNED_OUTRIGHT`` without), ``region``
(``NORTH_WEST``: outside London for the benefit cap). Outputs: ``universal_credit``; for
flagging and reporting, ``uc_benefit_cap_reduction_after_floor``, ``uc_deductions``,
``uc_income_tax_on_earnings`` and ``uc_national_insurance_on_earnings``.

The batching pitfall: where any household in one simulation is given a variable as an
input, every other household gets that variable's default instead of its formula. So
:func:`situation` gives every person, benefit unit and household in a batch exactly the
same set of inputs, for every tax year in the batch.

Known modelling differences (:data:`KNOWN_DIFFERENCES`). A case that touches one is
flagged in :attr:`PeerUCAnswer.known_differences`, never dropped; a comparison must
report flagged cases separately rather than require agreement on them:

``self-employment-minimum-income-floor``
    PolicyEngine reads any ``self_employment_income`` as gainful self-employment and
    applies the Minimum Income Floor (UC Regs reg. 62), so one small invoiced fee can wipe
    out UC. An occasional fee does not make someone gainfully self-employed (reg. 64).
``miscellaneous-income-as-earned``
    PolicyEngine counts ``taxable_miscellaneous_income`` as earned income (its issue
    #1961). Only fees entered as ``employment_income`` (a service-user fee is earnings,
    reg. 52(a)(iii)) are compared.
``tax-and-ni-on-annualised-earnings``
    PolicyEngine deducts income tax and National Insurance worked out on a year of 12
    identical APs. UC deducts what is actually paid in the AP (reg. 55(5)), which for a
    one-off fee depends on how it is paid.
``benefit-cap-exception-for-a-young-person-not-counted``
    A disabled young person aged 16 to 19 who is no longer a child or qualifying young
    person of the claim (past the 1 September after their 16th birthday, not in
    non-advanced education) still receives DLA or PIP, and PolicyEngine lifts the benefit
    cap for it. The exception is only for a claimant, or a child or qualifying young person
    for whom a claimant is responsible (UC Regs 2013 reg. 83(1)(f), (g)): the library
    applies the cap. Flagged where PolicyEngine excepts the household for a benefit someone
    receives (``is_uc_benefit_cap_exempt_specified_benefit``).

The benefit cap (UC Regs 2013 regs. 78-83) is not a known difference: both models apply it,
outside Greater London (``region``), counting the same Child Benefit
(``would_claim_child_benefit``), and a disabled child's DLA, which lifts it (reg. 83(1)),
is given to PolicyEngine as ``dla_m`` (a token amount: its exception asks only whether DLA
is received). :attr:`PeerUCAnswer.capped_without_fee` and
:attr:`~PeerUCAnswer.capped_with_fee` say where PolicyEngine's cap reduced the award, so a
comparison can report how many capped cases agree. Neither side here applies the grace
period or Northern Ireland's cap.

Not modelled by either side here, so never given: childcare costs, Carer's Allowance
(unearned income for UC; the carer element is given), capital, non-dependants, unearned
income, pension contributions, debt deductions, surplus earnings carried forward, the
adoption and kinship exceptions to the two-child limit (which take a child out of the
order: the library's one exception flag keeps the child in it).

Building the situation needs no PolicyEngine:

>>> home = PeerHousehold(tax_year=2025, claimant_age=30, children=1,
...                      monthly_rent=Money.gbp(400))
>>> built = situation([(home, Money.gbp(100))])
>>> sorted(built["benunits"])
['case0-with-fee', 'case0-without-fee']
>>> built["people"]["case0-with-fee-claimant"]["employment_income"]
{2025: 1200.0}
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import warnings
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType
from typing import Any, Final

import attrs

from participatory.core.errors import UnsupportedCase, ValidationError
from participatory.core.money import Money
from participatory.core.record import Record
from participatory.peers.households import (
    Capability,
    Child,
    ChildDisability,
    PeerHousehold,
    TwoChildLimitException,
    assessment_period_start,
    check_amount,
)

__all__ = [
    "KNOWN_DIFFERENCES",
    "Capability",
    "Child",
    "ChildDisability",
    "FeeKind",
    "PeerHousehold",
    "PeerNotInstalled",
    "PeerUCAnswer",
    "TwoChildLimitException",
    "policyengine_version",
    "situation",
    "universal_credit_for_one_period",
    "universal_credit_for_one_period_batch",
]

#: Every way PolicyEngine-UK is known to model a case differently from the library, by a
#: stable id, with the reason. Comparisons flag these cases; they never drop them silently.
KNOWN_DIFFERENCES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "self-employment-minimum-income-floor": (
            "PolicyEngine applies the Minimum Income Floor to any self-employment income"
        ),
        "miscellaneous-income-as-earned": (
            "PolicyEngine counts taxable miscellaneous income as earned income"
        ),
        "tax-and-ni-on-annualised-earnings": (
            "PolicyEngine deducts income tax and National Insurance on 12 identical periods"
        ),
        "benefit-cap-exception-for-a-young-person-not-counted": (
            "PolicyEngine lifts the benefit cap for the DLA or PIP of a young person the "
            "claim no longer counts"
        ),
    }
)

_MONTHS: Final = 12
#: A token yearly DLA (mobility) amount: PolicyEngine's benefit cap exception asks only
#: whether DLA is received.
_DLA_RECEIVED: Final = 1.0
_LIMIT_DAY: Final = dt.date(2017, 4, 6)
_PENNY: Final = Decimal("0.01")
# PolicyEngine reports float32 amounts; anything smaller than this is a rounding residue.
_NOISE: Final = 0.005
_INSTALL: Final = "install participatory[peers] (pip install 'participatory[peers]')"


class PeerNotInstalled(UnsupportedCase, ImportError):
    """The peer model is not installed; says how to install it."""

    def __init__(self, package: str) -> None:
        super().__init__(f"comparing with {package}", instead=_INSTALL)


class FeeKind(enum.Enum):
    """How the involvement fee is entered into PolicyEngine."""

    #: ``employment_income``: earnings, as DWP treats a service-user fee. Compared.
    EMPLOYMENT = "employment"
    #: ``self_employment_income``: brings in PolicyEngine's Minimum Income Floor.
    SELF_EMPLOYMENT = "self_employment"
    #: ``taxable_miscellaneous_income``: PolicyEngine counts it as earned income.
    MISCELLANEOUS = "miscellaneous"


_FEE_VARIABLE: Final = {
    FeeKind.EMPLOYMENT: "employment_income",
    FeeKind.SELF_EMPLOYMENT: "self_employment_income",
    FeeKind.MISCELLANEOUS: "taxable_miscellaneous_income",
}
_FEE_DIFFERENCE: Final = {
    FeeKind.SELF_EMPLOYMENT: "self-employment-minimum-income-floor",
    FeeKind.MISCELLANEOUS: "miscellaneous-income-as-earned",
}


@attrs.frozen
class PeerUCAnswer(Record):
    """PolicyEngine's UC for one AP without and with the fee, and any known differences.

    >>> answer = PeerUCAnswer(Money.gbp("900.00"), Money.gbp("845.00"), frozenset())
    >>> answer.change
    Money('-55.00', 'GBP')
    """

    without_fee: Money
    with_fee: Money
    #: Ids from :data:`KNOWN_DIFFERENCES` that this case touches.
    known_differences: frozenset[str]
    #: Whether PolicyEngine's benefit cap reduced the award without the fee.
    capped_without_fee: bool = False
    #: Whether PolicyEngine's benefit cap reduced the award with the fee.
    capped_with_fee: bool = False

    @property
    def change(self) -> Money:
        """UC with the fee minus UC without it: negative when the fee costs UC."""
        return self.with_fee - self.without_fee


def _annual(amount: Money) -> float:
    return float(amount.amount * _MONTHS)


def _yyyymmdd(day: dt.date) -> int:
    return day.year * 10_000 + day.month * 100 + day.day


def _adult(
    age: int, years: Sequence[int], *, earnings: float, fee: float, fee_variable: str,
    capability: Capability, carer: bool,
) -> dict[str, Any]:  # fmt: skip
    values = _every_year(years, _person_values(
        earnings=earnings, fee=fee, fee_variable=fee_variable, capability=capability,
        carer=carer, child=None,
    ))  # fmt: skip
    values["age"] = dict.fromkeys(years, age)
    values["date_of_birth"] = dict.fromkeys(years, 0)
    return values


def _child(child: Child, tax_year: int, years: Sequence[int], fee_variable: str) -> dict[str, Any]:
    start = assessment_period_start(tax_year)
    values = _every_year(years, _person_values(
        earnings=0.0, fee=0.0, fee_variable=fee_variable, capability=Capability.NONE,
        carer=False, child=child,
        young_person=child.counts_on(start) and child.age_on(start) >= 16,
    ))  # fmt: skip
    age = child.age_on(start)
    # The date of birth only in the case's own year: PolicyEngine refuses one that does
    # not give the age on 6 October, and 0 is its "not given".
    values["age"] = dict.fromkeys(years, age)
    values["date_of_birth"] = {
        year: _yyyymmdd(child.born_on) if year == tax_year else 0 for year in years
    }
    return values


def _every_year(years: Sequence[int], values: Mapping[str, Any]) -> dict[str, Any]:
    return {name: dict.fromkeys(years, value) for name, value in values.items()}


def _person_values(
    *, earnings: float, fee: float, fee_variable: str, capability: Capability, carer: bool,
    child: Child | None, young_person: bool = False,
) -> dict[str, Any]:  # fmt: skip
    """Every input but age and date of birth, the same for every year.

    ``young_person``: a qualifying young person on the first day of the assessment period,
    as the library reckons it (UC Regs 2013 reg. 5: to the 1 September after the 16th
    birthday, or after the 19th in non-advanced education). PolicyEngine-UK reads that
    status from education and terminal-date inputs, so they are set to give it.
    """
    incomes = dict.fromkeys(_FEE_VARIABLE.values(), 0.0)
    incomes["employment_income"] += earnings
    incomes[fee_variable] += fee
    disability = ChildDisability.NONE if child is None else child.disability
    values: dict[str, Any] = {
        **incomes,
        "uc_limited_capability_for_work": capability is not Capability.NONE,
        "uc_limited_capability_for_WRA": capability is Capability.LCWRA,
        "is_carer_for_benefits": carer,
        "uc_is_child_born_before_child_limit": child is not None and child.born_on < _LIMIT_DAY,
        # Without it PolicyEngine presumes an adult 16+ years younger (and under 20), or
        # 20+ years younger, to be the claimant's child rather than their partner.
        "is_claimant_or_partner": child is None,
        # The disabled child additions: DLA or PIP (lower), certified severely sight
        # impaired or blind (higher, the limb PolicyEngine reads from a plain input).
        "is_disabled_for_benefits": disability is not ChildDisability.NONE,
        "is_blind": disability is ChildDisability.HIGHER,
        # The child receives DLA, which lifts the benefit cap (UC Regs 2013 reg. 83(1)):
        # PolicyEngine's exception reads whether DLA is received, so a token amount says
        # so (the additions above come from the flags, and UC counts no DLA as income).
        "dla_m": _DLA_RECEIVED if disability is not ChildDisability.NONE else 0.0,
        # A qualifying young person: in non-advanced education begun before 19, and
        # before the terminal date.
        "is_in_non_advanced_education": young_person,
        "age_started_or_accepted_current_education_or_training": 16.0 if young_person else 1000.0,
        "is_before_universal_credit_qualifying_young_person_terminal_date": young_person,
        # Exceptions that keep the child's place in the order, and those that leave the
        # child out of it (adoption, non-parental care: reg. 24B(2A)).
        "child_limit_multiple_birth_exception": child is not None
        and child.two_child_limit_exception
        in (
            TwoChildLimitException.MULTIPLE_BIRTH,
            TwoChildLimitException.NON_CONSENSUAL_CONCEPTION,
        ),
        "child_limit_adoption_exception": child is not None
        and child.two_child_limit_exception.outside_the_order,
    }
    return values


def _case_ids(index: int) -> tuple[str, str]:
    return f"case{index}-without-fee", f"case{index}-with-fee"


def _fee_kinds(fee_kind: FeeKind | Sequence[FeeKind], count: int) -> tuple[FeeKind, ...]:
    if isinstance(fee_kind, FeeKind):
        return (fee_kind,) * count
    kinds = tuple(fee_kind)
    if len(kinds) != count or not all(isinstance(kind, FeeKind) for kind in kinds):
        raise ValidationError("fee_kind", "must be one FeeKind, or one for each case")
    return kinds


def situation(
    cases: Sequence[tuple[PeerHousehold, Money]],
    *,
    fee_kind: FeeKind | Sequence[FeeKind] = FeeKind.EMPLOYMENT,
) -> dict[str, Any]:
    """PolicyEngine's situation for ``cases``: each (household, fee) twice, without and with.

    ``fee_kind`` is one kind for every case, or one per case. Every person, benefit unit
    and household gets the same set of input variables, for every tax year any case is in
    (the batching pitfall). A case's answer is read only in its own tax year.
    """
    if not cases:
        raise ValidationError("cases", "must hold at least one household")
    kinds = _fee_kinds(fee_kind, len(cases))
    years = sorted({household.tax_year for household, _ in cases})
    people: dict[str, Any] = {}
    benunits: dict[str, Any] = {}
    households: dict[str, Any] = {}
    for index, (household, fee) in enumerate(cases):
        check_amount(f"cases[{index}].fee", fee)
        fee_variable = _FEE_VARIABLE[kinds[index]]
        for entity_id, fee_paid in zip(_case_ids(index), (0.0, _annual(fee)), strict=True):
            members = {
                f"{entity_id}-claimant": _adult(
                    household.claimant_age, years,
                    earnings=_annual(household.claimant_monthly_earnings), fee=fee_paid,
                    fee_variable=fee_variable, capability=household.capability,
                    carer=household.carer,
                )
            }  # fmt: skip
            if household.partner_age is not None:
                members[f"{entity_id}-partner"] = _adult(
                    household.partner_age, years,
                    earnings=_annual(household.partner_monthly_earnings), fee=0.0,
                    fee_variable=fee_variable, capability=household.partner_capability,
                    carer=household.partner_carer,
                )  # fmt: skip
            for number, child in enumerate(household.child_records):
                members[f"{entity_id}-child{number}"] = _child(
                    child, household.tax_year, years, fee_variable
                )
            people.update(members)
            rent = household.monthly_rent
            benunits[entity_id] = {
                "members": list(members),
                "would_claim_uc": dict.fromkeys(years, True),
                # Both models count the same Child Benefit towards the benefit cap.
                "would_claim_child_benefit": dict.fromkeys(years, True),
                "uc_deduction_rate": dict.fromkeys(years, 0.0),
                # Two carers care for two people (each gets the carer element).
                "partners_care_for_same_severely_disabled_person": dict.fromkeys(years, False),
                "uc_receives_new_claimant_health_element": dict.fromkeys(
                    years, household.lcwra_at_new_claimant_rate
                ),
            }
            households[entity_id] = {
                "members": list(members),
                "rent": dict.fromkeys(years, 0.0 if rent is None else _annual(rent)),
                "tenure_type": dict.fromkeys(
                    years, "OWNED_OUTRIGHT" if rent is None else "RENT_FROM_HA"
                ),
                "region": dict.fromkeys(years, "NORTH_WEST"),
            }
    return {"people": people, "benunits": benunits, "households": households}


def _policyengine() -> Any:
    try:
        with warnings.catch_warnings():
            # A peer's own deprecation noise is not ours to fix.
            warnings.simplefilter("ignore")
            return importlib.import_module("policyengine_uk")
    except ImportError:
        raise PeerNotInstalled("PolicyEngine-UK (policyengine-uk)") from None


def policyengine_version() -> str:
    """The installed policyengine-uk version; :class:`PeerNotInstalled` if there is none."""
    from importlib import metadata

    try:
        return metadata.version("policyengine-uk")
    except metadata.PackageNotFoundError:
        raise PeerNotInstalled("PolicyEngine-UK (policyengine-uk)") from None


def _monthly(annual: float) -> Money:
    return Money((Decimal(repr(annual)) / _MONTHS).quantize(_PENNY, ROUND_HALF_UP), "GBP")


def universal_credit_for_one_period_batch(
    cases: Sequence[tuple[PeerHousehold, Money]],
    *,
    fee_kind: FeeKind | Sequence[FeeKind] = FeeKind.EMPLOYMENT,
) -> tuple[PeerUCAnswer, ...]:
    """PolicyEngine's UC without and with each fee, all cases in ONE simulation.

    A simulation costs seconds to build and milliseconds per household, so ask for many
    households at once. ``fee_kind`` is one kind for every case, or one per case. Answers
    come back in the order of ``cases``.
    """
    built = situation(cases, fee_kind=fee_kind)
    kinds = _fee_kinds(fee_kind, len(cases))
    policyengine = _policyengine()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        simulation = policyengine.Simulation(situation=built)
        ids = simulation.populations["benunit"].ids
        order = {str(entity_id): row for row, entity_id in enumerate(ids)}
        outputs: dict[int, dict[str, Any]] = {}
        for year in sorted({household.tax_year for household, _ in cases}):
            outputs[year] = {
                name: simulation.calculate(name, year, map_to="benunit")
                for name in (
                    "universal_credit",
                    "uc_benefit_cap_reduction_after_floor",
                    "uc_deductions",
                    "uc_income_tax_on_earnings",
                    "uc_national_insurance_on_earnings",
                    "is_uc_benefit_cap_exempt_specified_benefit",
                )
            }
    answers = []
    for index, (household, fee) in enumerate(cases):
        found = outputs[household.tax_year]
        rows = [order[entity_id] for entity_id in _case_ids(index)]
        if any(float(found["uc_deductions"][row]) > _NOISE for row in rows):
            raise UnsupportedCase(
                "PolicyEngine applying UC debt deductions with uc_deduction_rate 0",
                instead="update participatory.peers.policyengine for this PolicyEngine version",
            )
        differences = set()
        if kinds[index] in _FEE_DIFFERENCE and not fee.is_zero():
            differences.add(_FEE_DIFFERENCE[kinds[index]])
        # Both models apply the benefit cap: reported, never flagged.
        cap = [float(found["uc_benefit_cap_reduction_after_floor"][row]) > _NOISE for row in rows]
        tax_and_ni = ("uc_income_tax_on_earnings", "uc_national_insurance_on_earnings")
        if any(float(found[name][row]) > _NOISE for name in tax_and_ni for row in rows):
            differences.add("tax-and-ni-on-annualised-earnings")
        # Only where PolicyEngine made its exception for a benefit can the young person's
        # DLA or PIP have made a difference.
        excepted = any(
            bool(found["is_uc_benefit_cap_exempt_specified_benefit"][row]) for row in rows
        )
        if excepted and _disabled_and_not_counted(household):
            differences.add("benefit-cap-exception-for-a-young-person-not-counted")
        without, with_fee = (_monthly(float(found["universal_credit"][row])) for row in rows)
        answers.append(PeerUCAnswer(without, with_fee, frozenset(differences), cap[0], cap[1]))
    return tuple(answers)


def _disabled_and_not_counted(household: PeerHousehold) -> bool:
    """Whether a disabled young person of the household is no child or young person of the claim.

    The 2025/26 assessment period starts on 6 October 2025. Born on 15 May 2009, a young
    person is past the 1 September after their 16th birthday and, not in education, is no
    longer counted; born on 15 May 2010, they are a child of 15.

    >>> def household(born: dt.date) -> PeerHousehold:
    ...     young = Child(born_on=born, disability=ChildDisability.LOWER)
    ...     return PeerHousehold(tax_year=2025, claimant_age=43, dated_children=(young,))
    >>> _disabled_and_not_counted(household(dt.date(2009, 5, 15)))
    True
    >>> _disabled_and_not_counted(household(dt.date(2010, 5, 15)))
    False
    """
    start = assessment_period_start(household.tax_year)
    return any(
        child.disability is not ChildDisability.NONE and not child.counts_on(start)
        for child in household.child_records
    )


def universal_credit_for_one_period(
    household: PeerHousehold, fee: Money, *, fee_kind: FeeKind = FeeKind.EMPLOYMENT
) -> PeerUCAnswer:
    """PolicyEngine's UC for one AP without and with ``fee`` (one simulation: seconds)."""
    return universal_credit_for_one_period_batch([(household, fee)], fee_kind=fee_kind)[0]
