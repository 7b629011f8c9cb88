""":mod:`participatory.payments.costing`: property tests."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from participatory.core.money import Money, parse_money_text
from participatory.core.serialise import unstructure
from participatory.payments import (
    ActivityKind,
    cost_activity,
)
from participatory.testing import payments as pp

ON = dt.date(2026, 3, 2)


@given(pp.rate_cards(), st.sampled_from(list(ActivityKind)), pp.hour_durations(),
       pp.hour_durations(), pp.hour_durations(max_hours=5))  # fmt: skip
def test_fee_is_monotone_in_duration(card, activity, first, second, preparation):
    shorter, longer = sorted((first, second), key=lambda d: d.amount)
    fee_short = cost_activity(card, activity, shorter, as_at=ON, preparation=preparation).fee
    fee_long = cost_activity(card, activity, longer, as_at=ON, preparation=preparation).fee
    assert fee_short <= fee_long


@given(pp.rate_cards(), pp.hour_durations(), pp.hour_durations(max_hours=5))
def test_preparation_never_lowers_the_fee(card, duration, preparation):
    without = cost_activity(card, ActivityKind.MEETING, duration, as_at=ON).fee
    with_prep = cost_activity(
        card, ActivityKind.MEETING, duration, as_at=ON, preparation=preparation
    )
    assert without <= with_prep.fee
    assert with_prep.fee.is_whole_minor_units()


@given(pp.rate_cards(), pp.hour_durations())
def test_costed_activity_serialises_with_exact_money(card, duration):
    costed = cost_activity(card, ActivityKind.CO_RESEARCH, duration, as_at=ON)
    data = unstructure(costed)
    assert Money(*parse_money_text(data["fee"])) == costed.fee
    assert [f["rule_id"] for f in data["findings"]] == [f.rule_id for f in costed.findings]
