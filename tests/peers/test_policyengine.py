""":mod:`participatory.peers.policyengine`: unit tests.

The PolicyEngine-UK peer adapter, without PolicyEngine: situation building, validation,
the lazy import and the documented list of known modelling differences.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import participatory.peers.policyengine as peer
from participatory.core.errors import ParticipatoryError, UnsupportedCase
from participatory.core.money import Money
from participatory.peers.policyengine import (
    KNOWN_DIFFERENCES,
    Capability,
    FeeKind,
    PeerHousehold,
    PeerNotInstalled,
    PeerUCAnswer,
    situation,
    universal_credit_for_one_period,
)
from participatory.testing.peers import peer_cases


def test_importing_the_library_and_the_peer_module_never_imports_policyengine() -> None:
    code = (
        "import sys, participatory, participatory.peers.policyengine, "
        "participatory.testing.peers; print('policyengine_uk' in sys.modules)"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert completed.stdout.strip() == "False"


def test_a_missing_policyengine_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "policyengine_uk", None)  # makes the import fail
    household = PeerHousehold(tax_year=2025, claimant_age=30)
    with pytest.raises(PeerNotInstalled, match=r"install participatory\[peers\]") as caught:
        universal_credit_for_one_period(household, Money.gbp(50))
    assert isinstance(caught.value, ImportError)
    assert isinstance(caught.value, UnsupportedCase)
    assert isinstance(caught.value, ParticipatoryError)


def test_every_known_difference_is_documented_in_the_module() -> None:
    assert set(KNOWN_DIFFERENCES) == {
        "self-employment-minimum-income-floor",
        "miscellaneous-income-as-earned",
        "tax-and-ni-on-annualised-earnings",
        "benefit-cap-exception-for-a-young-person-not-counted",
    }
    for name in KNOWN_DIFFERENCES:
        assert f"``{name}``" in (peer.__doc__ or "")


def test_situation_enters_monthly_amounts_times_twelve() -> None:
    home = PeerHousehold(
        tax_year=2026,
        claimant_age=40,
        partner_age=38,
        children=2,
        children_born_before_2017_04_06=1,
        capability=Capability.LCWRA,
        monthly_rent=Money.gbp("512.34"),
        claimant_monthly_earnings=Money.gbp("100.20"),
        partner_monthly_earnings=Money.gbp("250.00"),
    )
    built = situation([(home, Money.gbp("60.40"))])
    people = built["people"]
    # 100.20 x 12 = 1202.40 without the fee; (100.20 + 60.40) x 12 = 1927.20 with it.
    assert people["case0-without-fee-claimant"]["employment_income"] == {2026: 1202.4}
    assert people["case0-with-fee-claimant"]["employment_income"] == {2026: 1927.2}
    assert people["case0-with-fee-partner"]["employment_income"] == {2026: 3000.0}
    assert people["case0-with-fee-claimant"]["uc_limited_capability_for_WRA"] == {2026: True}
    assert people["case0-with-fee-child0"]["uc_is_child_born_before_child_limit"] == {2026: True}
    assert people["case0-with-fee-child1"]["uc_is_child_born_before_child_limit"] == {2026: False}
    assert built["households"]["case0-with-fee"]["rent"] == {2026: 6148.08}
    assert built["households"]["case0-with-fee"]["tenure_type"] == {2026: "RENT_FROM_HA"}


def test_no_housing_costs_element_is_an_owner_with_no_rent() -> None:
    built = situation([(PeerHousehold(tax_year=2024, claimant_age=19), Money.gbp(10))])
    household = built["households"]["case0-without-fee"]
    assert household["tenure_type"] == {2024: "OWNED_OUTRIGHT"}
    assert household["rent"] == {2024: 0.0}


@pytest.mark.parametrize(
    ("kind", "variable"),
    [
        (FeeKind.EMPLOYMENT, "employment_income"),
        (FeeKind.SELF_EMPLOYMENT, "self_employment_income"),
        (FeeKind.MISCELLANEOUS, "taxable_miscellaneous_income"),
    ],
)
def test_the_fee_kind_decides_the_variable(kind: FeeKind, variable: str) -> None:
    built = situation(
        [(PeerHousehold(tax_year=2025, claimant_age=30), Money.gbp(5))], fee_kind=kind
    )
    claimant = built["people"]["case0-with-fee-claimant"]
    assert claimant[variable] == {2025: 60.0}
    others = {"employment_income", "self_employment_income", "taxable_miscellaneous_income"}
    assert all(claimant[name] == {2025: 0.0} for name in others - {variable})


@given(st.lists(peer_cases(), min_size=1, max_size=6))
def test_every_entity_in_a_batch_gets_the_same_inputs_in_every_year(
    cases: list[tuple[PeerHousehold, Money]],
) -> None:
    # The batching pitfall: one household's input would become another's default.
    built = situation(cases)
    years = {household.tax_year for household, _ in cases}
    for group in ("people", "benunits", "households"):
        entities = list(built[group].values())
        keys = {frozenset(entity) for entity in entities}
        assert len(keys) == 1
        for entity in entities:
            for name, values in entity.items():
                if name != "members":
                    assert set(values) == years
    assert len(built["benunits"]) == 2 * len(cases)


def test_the_change_is_with_the_fee_minus_without() -> None:
    answer = PeerUCAnswer(Money.gbp("400.14"), Money.gbp("400.03"), frozenset())
    assert answer.change == Money.gbp("-0.11")
