""":mod:`participatory.power.ladders`: scenarios.

Scenarios from the Bath benchmarking report (Jopson 2022), worked by hand.

The placement rule (participatory.power.ladders): core decisions (research questions,
budget and spending, analysis and interpretation) count three times, the other six once,
15 votes in all; the overall holding is the 8th of the 15 sorted votes (the lower median);
the least-shared core decision caps the level, and "partners share most decisions but the
university keeps a core one" is Arnstein's Placation / IAP2 Involve.
"""

from participatory.power import (
    Decision,
    DecisionRecord,
    DecisionRight,
    Holding,
    assess_power,
    place,
    power_scale,
)
from participatory.power.frameworks import rung

EVERY = tuple(Decision)


def test_kcl_festival_money_given_to_partners_is_delegated_power_for_that_decision():
    """KCL's ESRC Centre for Society and Mental Health "gave money to their partners to use
    as they wanted, and offered support" for its Partnering for Change festival (sec. 5.5).

    The budget decision for that money is delegated to partners: on its own that decision
    sits at Arnstein rung 7, Delegated power, and IAP2 Empower (5). Research questions and
    analysis stay joint in this illustration (the report does not say), so the weakest core
    decision is "jointly" (rung 6); votes: 3 x delegated, 6 x jointly (core) and 6 x jointly
    -> the 8th of 15 is "jointly": the project as a whole is at Partnership.
    """
    record = DecisionRecord.of(
        **{d.value: Holding.JOINTLY for d in EVERY},
    ).with_holding(Decision.BUDGET_AND_SPENDING, Holding.DELEGATED_TO_PARTNERS)
    budget_level = power_scale().placement(record.holding(Decision.BUDGET_AND_SPENDING))
    assert rung(budget_level.arnstein_rung).name == "Delegated power"
    assert budget_level.iap2_level == 5
    placed = place(record)
    assert (placed.rung.name, placed.iap2.name) == ("Partnership", "Collaborate")
    review = assess_power(record, label="partnership_working")
    assert not review.tokenism
    assert review.has("POW-LABEL-CONSISTENT")


def test_a_partner_veto_over_the_budget_lifts_the_placation():
    """Same project, but partners hold a veto over the budget: a veto counts as at least a
    joint decision, so every decision is now joint and the project is at Partnership."""
    record = DecisionRecord(
        tuple(
            DecisionRight(d, Holding.AFTER_CONSULTING, partner_veto=True)
            if d is Decision.BUDGET_AND_SPENDING
            else DecisionRight(d, Holding.JOINTLY)
            for d in EVERY
        )
    )
    assert place(record).rung.name == "Partnership"
