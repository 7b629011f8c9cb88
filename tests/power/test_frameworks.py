""":mod:`participatory.power.frameworks`: unit tests."""

import pytest

from participatory.power import (
    arnstein_ladder,
    coproduction_principles,
    iap2_spectrum,
    uk_standards,
)
from participatory.power.frameworks import rung
from participatory.power.scale import power_scale


def test_arnstein_has_eight_rungs_in_three_groupings_from_the_data():
    ladder = arnstein_ladder()
    assert [r.number for r in ladder] == list(range(1, 9))
    assert [r.grouping for r in ladder] == ["Non-participation"] * 2 + ["Tokenism"] * 3 + [
        "Citizen power"
    ] * 3
    # Read in the Open University's long description, a secondary copy: usable, not verified.
    assert all(r.citation().key == "openlearn_arnstein" and r.citation().link for r in ladder)
    assert not any(r.verified for r in ladder)
    with pytest.raises(ValueError, match="rungs 1 to 8"):
        rung(9)


def test_iap2_has_five_levels_each_with_a_promise():
    spectrum = iap2_spectrum()
    assert [level.name for level in spectrum] == [
        "Inform",
        "Consult",
        "Involve",
        "Collaborate",
        "Empower",
    ]
    assert all(level.promise for level in spectrum)
    assert spectrum[0].citation().source.publisher == "IAP2 Canada"
    assert all(level.verified for level in spectrum)


def test_principles_and_standards_come_from_the_data():
    assert [p.key for p in coproduction_principles()] == [
        "sharing_of_power",
        "including_all_perspectives_and_skills",
        "respecting_and_valuing_knowledge",
        "reciprocity",
        "building_and_maintaining_relationships",
    ]
    assert [s.name for s in uk_standards()] == [
        "Inclusive opportunities",
        "Working together",
        "Support and learning",
        "Communications",
        "Impact",
        "Governance",
    ]


def test_every_principle_and_standard_has_criteria():
    criteria = power_scale().criteria
    for entry in coproduction_principles():
        assert ("nihr", entry.key) in criteria
    for entry in uk_standards():
        assert ("uk_standards", entry.key) in criteria
