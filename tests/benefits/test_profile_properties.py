"""The household profile, worked out in one pass, equals the plain field-by-field reading.

``Household`` works its :class:`~participatory.benefits.household.Profile` out once, in a
single loop over the members (issue 18: a batch constructs a household per case). The
reference below reads each field on its own, as the rules state it; the two must agree on
every generated household.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

from participatory.benefits import Household, Person
from participatory.benefits.household import (
    AgeBand,
    ChildDisability,
    ChildTerm,
    Profile,
    TwoChildLimitException,
)
from participatory.benefits.kinds import UnaffectedBenefit, WorkCapability
from participatory.core.pennies import to_pennies
from participatory.testing.benefits import children, households, people


def _carer_elements(members: Sequence[Person]) -> tuple[int, bool]:
    """One carer element per carer, less one when every member with LCWRA cares (reg. 29(4))."""
    carers = [p for p in members if p.is_carer]
    with_lcwra = [p for p in members if p.capability is WorkCapability.LCWRA]
    if with_lcwra and all(p.is_carer for p in with_lcwra):
        return len(carers) - 1, True
    return len(carers), False


def _cap_exempt(members: Sequence[Person], carers: int, carer_and_lcwra: bool) -> str:
    if any(p.capability is WorkCapability.LCWRA for p in members):
        return "lcwra"
    if carers or carer_and_lcwra:
        return "carer"
    if any(p.receives_disability_benefit for p in members):
        return "disability_benefit"
    return ""


def reference_profile(household: Household) -> Profile:
    """Each field read on its own (the engine's profile before issue 18's single pass).

    Each child's term is :meth:`ChildTerm.of` the child, in the children's order;
    ``test_child_term_properties`` holds the terms to :meth:`Child.counts_on`.
    """
    members = household.people
    carers, carer_and_lcwra = _carer_elements(members)
    ordered = tuple(
        sorted(
            household.children,
            key=lambda c: (
                c.born_on,
                c.two_child_limit_exception is not TwoChildLimitException.NONE,
            ),
        )
    )
    return Profile(
        ids=frozenset(p.id for p in members),
        first_id=members[0].id,
        couple=len(members) == 2,
        any_25_or_over=any(p.age_band is AgeBand.AGE_25_OR_OVER for p in members),
        any_capability=any(p.capability is not WorkCapability.NONE for p in members),
        lcwra=tuple(
            p.lcwra_new_claim_rate for p in members if p.capability is WorkCapability.LCWRA
        ),
        carers=carers,
        carer_and_lcwra=carer_and_lcwra,
        children=ordered,
        monthly_earnings=sum(to_pennies(p.monthly_earnings.amount) for p in members),
        weekly_pennies={p.id: to_pennies(p.weekly_earnings.amount) for p in members},
        monthly_pennies={p.id: to_pennies(p.monthly_earnings.amount) for p in members},
        weekly_hours={p.id: p.weekly_hours for p in members},
        weekly=any(p.carers_allowance is not None or p.esa is not None for p in members)
        or household.legacy is not None
        or household.housing_benefit is not None
        or household.pension_credit is not None,
        cap_exempt=_cap_exempt(members, carers, carer_and_lcwra),
        disabled_children=any(c.disability is not ChildDisability.NONE for c in household.children),
        child_terms=tuple(ChildTerm.of(child) for child in ordered),
    )


@given(households())
def test_profile_equals_the_field_by_field_reading(household: Household) -> None:
    assert household.profile == reference_profile(household)


_ANY_UNAFFECTED = st.frozensets(st.sampled_from(list(UnaffectedBenefit)), max_size=3)


@st.composite
def _varied_households(draw: st.DrawFn) -> Household:
    """Capability, caring and disability benefits mixed freely over one or two members."""
    count = draw(st.integers(1, 2))
    members = []
    for index in range(count):
        person = draw(people(f"p{index + 1}"))
        members.append(
            Person(
                person.id,
                age_band=draw(st.sampled_from(list(AgeBand))),
                capability=draw(st.sampled_from(list(WorkCapability))),
                lcwra_new_claim_rate=draw(st.booleans()),
                carer=draw(st.booleans()),
                carers_allowance=person.carers_allowance,
                esa=person.esa,
                unaffected=draw(_ANY_UNAFFECTED),
                weekly_earnings=person.weekly_earnings,
                monthly_earnings=person.monthly_earnings,
                weekly_hours=person.weekly_hours,
            )
        )
    return Household(people=members, children=draw(children()))


@given(_varied_households())
def test_profile_equals_the_reference_for_every_mix_of_members(household: Household) -> None:
    assert household.profile == reference_profile(household)
