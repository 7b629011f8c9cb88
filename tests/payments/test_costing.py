import datetime as dt

import pytest

from participatory.core.errors import ParametersNotAvailable, UnsupportedCase, ValidationError
from participatory.core.money import Money
from participatory.core.serialise import unstructure
from participatory.payments.costing import Duration, cost_activity
from participatory.payments.rates import (
    ActivityKind,
    RateRules,
    RoundingMode,
    bundled_rate_card,
    parse_rate_card,
)
from participatory.render.text import sentence

CARD = """
[meta]
id = "mine"
title = "My card"
publisher = "Me"
currency = "GBP"
valid_until = 2026-12-31
source = "my_policy"
verified = true

[sources.my_policy]
title = "My payment policy"
publisher = "Me"
primary = true
read_on = 2026-01-01

[sources.my_policy.passages.v2]
pinpoint = "version 2"
read_on = 2026-01-01

[rules]
rounding_minutes = 30
rounding_mode = "up"

[[rates]]
activity = "meeting"
unit = "hour"
amount = 22.00
effective_from = 2026-01-01
source = "my_policy#v2"
verified = true

[[rates]]
activity = "other"
unit = "hour"
amount = 15.00
effective_from = 2026-01-01
source = "my_policy#v2"
verified = true
"""


@pytest.fixture
def card():
    return parse_rate_card(CARD, "mine.toml")


def with_rules(card, **rules):
    import attrs

    return attrs.evolve(card, rules=attrs.evolve(card.rules, **rules))


def test_hours_round_up_to_half_hours(card):
    # 70 minutes at 30-minute blocks rounded up = 90 minutes = 1.5 h x £22 = £33.00
    costed = cost_activity(
        card, ActivityKind.MEETING, Duration.hours("1.1666666667"), as_at=dt.date(2026, 2, 1)
    )
    assert costed.fee == Money.gbp("33.00")
    assert costed.has("PAY-ROUND-TIME")


def test_nearest_and_down_rounding(card):
    day = dt.date(2026, 2, 1)
    near = with_rules(card, rounding_mode=RoundingMode.NEAREST)
    down = with_rules(card, rounding_mode=RoundingMode.DOWN)
    # 80 minutes: nearest half hour is 90 (80/30 = 2.67 -> 3 blocks); down is 60.
    hours = Duration.hours("1.3333333333")
    assert cost_activity(near, ActivityKind.MEETING, hours, as_at=day).fee == Money.gbp("33.00")
    assert cost_activity(down, ActivityKind.MEETING, hours, as_at=day).fee == Money.gbp("22.00")


def test_preparation_not_paid_is_left_out_and_said(card):
    costed = cost_activity(
        with_rules(card, preparation_paid=False),
        ActivityKind.MEETING,
        Duration.hours(2),
        as_at=dt.date(2026, 2, 1),
        preparation=Duration.hours(1),
    )
    assert costed.fee == Money.gbp(44)
    assert costed.has("PAY-PREP-NOT-PAID")


def test_preparation_paid_joins_the_activity_time(card):
    costed = cost_activity(
        with_rules(card, preparation_paid=True),
        ActivityKind.MEETING,
        Duration.hours(2),
        as_at=dt.date(2026, 2, 1),
        preparation=Duration.hours("0.5"),
    )
    assert costed.fee == Money.gbp(55)  # 2.5 h x £22
    assert costed.has("PAY-PREP-PAID")
    assert not costed.has("PAY-PREP-UNSTATED")
    assert costed.lines[0].label == "Meeting with preparation"


def test_minimum_time_and_minimum_payment(card):
    day = dt.date(2026, 2, 1)
    minimum = with_rules(card, rounding_minutes=None, minimum_minutes=60)
    # 15 minutes raised to the 60-minute minimum: 1 h x £22 = £22
    assert cost_activity(minimum, ActivityKind.MEETING, Duration.hours("0.25"), as_at=day).fee == (
        Money.gbp(22)
    )
    floor = with_rules(card, rounding_minutes=None, minimum_payment=Money.gbp(30))
    costed = cost_activity(floor, ActivityKind.MEETING, Duration.hours("0.5"), as_at=day)
    assert costed.fee == Money.gbp(30)
    assert costed.has("PAY-MINIMUM-PAYMENT")
    # No time, no fee: minimums apply only to involvement that happened.
    assert cost_activity(floor, ActivityKind.MEETING, Duration.hours(0), as_at=day).fee.is_zero()


def test_penny_rounding_is_a_stated_rule_step(card):
    plain = with_rules(card, rounding_minutes=None)
    # 10 minutes at £22 an hour = £3.666... -> £3.67
    costed = cost_activity(
        plain, ActivityKind.MEETING, Duration.hours("0.1666666667"), as_at=dt.date(2026, 2, 1)
    )
    assert costed.fee == Money.gbp("3.67")
    (step,) = costed.by_rule("PAY-ROUND-PENNY")
    assert step.citations


def test_hours_at_a_session_rate_need_the_session_length():
    whitworth = bundled_rate_card("whitworth")
    with pytest.raises(UnsupportedCase, match="sessions"):
        cost_activity(
            whitworth, ActivityKind.ADVISORY_GROUP, Duration.hours(3), as_at=dt.date(2022, 7, 2)
        )


def test_out_of_coverage_date_is_an_error_not_stale():
    with pytest.raises(ParametersNotAvailable, match="to 2025-03-31"):
        cost_activity(
            bundled_rate_card("co_production_collective"),
            ActivityKind.OTHER,
            Duration.hours(1),
            as_at=dt.date(2026, 1, 1),
        )
    with pytest.raises(ParametersNotAvailable):
        cost_activity(
            bundled_rate_card("whitworth"),
            ActivityKind.ADVISORY_GROUP,
            Duration.sessions(1),
            as_at=dt.date(2022, 6, 30),
        )


def test_a_card_in_force_until_superseded_costs_today_and_says_when_it_is_due_a_check():
    """The Whitworth's rates as reported in July 2022 are in force until superseded, last
    checked on 6 December 2026: usable today with no note; a year and a day after that check,
    costing 2 sessions at £90 still gives £180.00, with a "not re-checked since" finding."""
    card = bundled_rate_card("whitworth")
    today = cost_activity(
        card, ActivityKind.ADVISORY_GROUP, Duration.sessions(2), as_at=dt.date(2026, 12, 6)
    )
    assert today.fee == Money.gbp("180.00")
    assert not today.has("PAY-RATE-REVIEW-DUE")
    later = cost_activity(
        card, ActivityKind.ADVISORY_GROUP, Duration.sessions(2), as_at=dt.date(2027, 12, 7)
    )
    assert later.fee == Money.gbp("180.00")
    (due,) = later.by_rule("PAY-RATE-REVIEW-DUE")
    assert due.values["checked_on"] == dt.date(2026, 12, 6)
    assert sentence(due, locale="en_GB") == (
        "The whitworth-2022 rate of £90.00 per session for advisory group has not been "
        "re-checked at its source since 6 December 2026 (more than 365 days ago); check it "
        "is still in force before you budget or pay with it."
    )
    assert due.parameters[0].review_due
    assert later.by_rule("PAY-FEE")[0].parameters[0].review_due


def test_bad_durations_are_refused():
    with pytest.raises(ValidationError, match="amount: must not be negative"):
        Duration.hours(-1)
    with pytest.raises(ValidationError):
        Duration.hours(1.5)  # a float
    with pytest.raises(ValidationError, match="preparation"):
        cost_activity(
            bundled_rate_card("blue_heart"), ActivityKind.MEETING, Duration.hours(1),
            as_at=dt.date(2026, 12, 6), preparation=Duration.days(1),
        )  # fmt: skip


def test_every_finding_renders_and_round_trips_to_json(card):
    scenarios = [
        cost_activity(card, ActivityKind.MEETING, Duration.hours("1.1"), as_at=dt.date(2026, 2, 1),
                      preparation=Duration.hours(1)),
        cost_activity(with_rules(card, preparation_paid=False, minimum_minutes=120),
                      ActivityKind.MEETING, Duration.hours("0.2"), as_at=dt.date(2026, 2, 1),
                      preparation=Duration.hours(1)),
        cost_activity(with_rules(card, rounding_minutes=None, minimum_payment=Money.gbp("9.999")),
                      ActivityKind.TRAINING, Duration.hours("0.1"), as_at=dt.date(2026, 2, 1)),
        cost_activity(bundled_rate_card("tewv"), ActivityKind.MEETING, Duration.hours(4),
                      as_at=dt.date(2026, 11, 25)),
        cost_activity(bundled_rate_card("skills_for_care"), ActivityKind.MEETING,
                      Duration.hours(2), as_at=dt.date(2026, 1, 15),
                      preparation=Duration.hours(1)),
    ]  # fmt: skip
    seen = set()
    for costed in scenarios:
        for finding in costed.findings:
            text = sentence(finding, locale="en_GB")
            assert "{" not in text
            seen.add(finding.rule_id)
        data = unstructure(costed)
        assert data["fee"] == f"{costed.fee.amount:f} GBP"
    assert {"PAY-FEE", "PAY-FEE-LINE", "PAY-ROUND-TIME", "PAY-PREP-NOT-PAID", "PAY-MINIMUM-TIME",
            "PAY-MINIMUM-PAYMENT", "PAY-ROUND-PENNY", "PAY-RATE-OTHER", "PAY-PREP-UNSTATED",
            "PAY-RULES-UNSTATED", "PAY-RATE-UNVERIFIED"} <= seen  # fmt: skip


def test_part_sessions_are_paid_pro_rata_and_said():
    import attrs

    tewv = bundled_rate_card("tewv")
    card = attrs.evolve(tewv, rules=RateRules(session_minutes=180))
    costed = cost_activity(
        card, ActivityKind.MEETING, Duration.hours("4.5"), as_at=dt.date(2026, 11, 25)
    )
    assert costed.fee == Money.gbp(30)  # 1.5 sessions x £20
    assert costed.has("PAY-PART-UNIT")
    assert "{" not in sentence(costed.by_rule("PAY-PART-UNIT")[0], locale="en_GB")
