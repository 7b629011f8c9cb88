""":mod:`participatory.power.ladders`: property tests."""

from hypothesis import given
from hypothesis import strategies as st

from participatory.power import (
    Decision,
    DecisionRecord,
    place,
    power_scale,
)
from participatory.testing import power as pst


@given(pst.decision_records(), pst.decisions(), pst.holdings())
def test_more_partner_control_over_any_decision_never_lowers_the_rung(record, decision, holding):
    before = place(record)
    current = record.right(decision).holding
    raised = record.with_holding(decision, max(current, holding))
    after = place(raised)
    assert after.rung.number >= before.rung.number
    assert (after.iap2.number if after.iap2 else 0) >= (before.iap2.number if before.iap2 else 0)


@given(pst.complete_decision_records(), pst.decisions())
def test_giving_partners_a_veto_never_lowers_the_rung(record, decision):
    right = record.right(decision)
    vetoed = DecisionRecord(
        (
            *[r for r in record.rights if r.decision is not decision],
            type(right)(decision, right.holding, partner_veto=True),
        )
    )
    assert place(vetoed).rung.number >= place(record).rung.number


@given(pst.decision_records(), st.randoms())
def test_the_order_decisions_are_recorded_in_changes_nothing(record, rnd):
    shuffled = list(record.rights)
    rnd.shuffle(shuffled)
    assert DecisionRecord(tuple(shuffled)) == record
    assert place(DecisionRecord(tuple(shuffled))).rung == place(record).rung


@given(pst.decision_records())
def test_the_level_never_exceeds_what_the_weakest_core_decision_allows_unless_it_is_shared(
    record,
):
    scale = power_scale()
    placed = place(record)
    weakest = min(record.holding(d) for d in scale.core_decisions)
    assert placed.rung.number <= max(scale.placement(weakest).arnstein_rung, 5)
    assert placed.setting_decisions


@given(pst.holdings())
def test_a_record_holding_every_decision_the_same_way_sits_at_that_holdings_level(holding):
    record = DecisionRecord.of(**{d.value: holding for d in Decision})
    placed = place(record)
    assert placed.rung.number == power_scale().placement(holding).arnstein_rung
    assert placed.how == "median"
