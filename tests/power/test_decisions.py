""":mod:`participatory.power.decisions`: unit tests."""

import pytest

from participatory.core.errors import ValidationError
from participatory.power import (
    Decision,
    DecisionRecord,
    DecisionRight,
    Holding,
)


def test_a_decision_recorded_twice_is_an_error():
    with pytest.raises(ValidationError, match=r"rights\[1\]: records 'methods' a second time"):
        DecisionRecord(
            (
                DecisionRight(Decision.METHODS, Holding.JOINTLY),
                DecisionRight("methods", "partner_led"),
            )
        )


def test_unknown_holdings_and_decisions_are_errors():
    with pytest.raises(ValidationError, match="holding: must be one of"):
        DecisionRight(Decision.METHODS, "whenever")
    with pytest.raises(ValidationError, match="decision: must be one of"):
        DecisionRight("lunch", Holding.JOINTLY)
    with pytest.raises(ValidationError, match="lunch: is not a decision"):
        DecisionRecord.of(lunch=Holding.JOINTLY)


def test_a_veto_counts_as_joint_but_never_lowers_a_holding():
    assert DecisionRight(
        Decision.METHODS, "university_alone", partner_veto=True
    ).effective_holding is (Holding.JOINTLY)
    assert DecisionRight(Decision.METHODS, "partner_led", partner_veto=True).effective_holding is (
        Holding.PARTNER_LED
    )
