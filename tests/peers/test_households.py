""":mod:`participatory.peers.households`: unit tests.

The PolicyEngine-UK peer adapter, without PolicyEngine: situation building, validation,
the lazy import and the documented list of known modelling differences.
"""

from __future__ import annotations

import pytest

from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.peers.policyengine import (
    Capability,
    PeerHousehold,
    situation,
)


def test_a_household_is_validated_without_showing_health_data() -> None:
    home = PeerHousehold(tax_year=2025, claimant_age=30, capability=Capability.LCWRA)
    assert "Capability" not in repr(home)
    assert "<redacted>" in repr(home)
    with pytest.raises(ValidationError, match="monthly_rent"):
        PeerHousehold(tax_year=2025, claimant_age=30, monthly_rent=Money.zero())
    with pytest.raises(ValidationError, match="partner_capability"):
        PeerHousehold(tax_year=2025, claimant_age=30, partner_capability=Capability.LCW)
    with pytest.raises(ValidationError, match="children_born_before_2017_04_06"):
        PeerHousehold(tax_year=2025, claimant_age=30, children_born_before_2017_04_06=1)
    with pytest.raises(ValidationError, match="tax_year"):
        PeerHousehold(tax_year=2019, claimant_age=30)
    with pytest.raises(ValidationError, match="claimant_age"):
        PeerHousehold(tax_year=2025, claimant_age=12)
    with pytest.raises(ValidationError, match="claimant_monthly_earnings"):
        PeerHousehold(tax_year=2025, claimant_age=30, claimant_monthly_earnings=Money.gbp("0.005"))
    with pytest.raises(ValidationError, match=r"cases\[0\]\.fee"):
        situation([(home, Money.gbp(-1))])
    with pytest.raises(ValidationError, match="cases"):
        situation([])
