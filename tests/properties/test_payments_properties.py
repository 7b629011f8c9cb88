import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from participatory.core.money import Money
from participatory.core.serialise import unstructure
from participatory.payments import (
    ActivityKind,
    PaymentPlan,
    TimelinessPolicy,
    check_timeliness,
    choose_method,
    cost_activity,
    period_totals,
    tax_year_totals,
)
from participatory.payments.methods import MethodPolicy, PaymentMethod
from participatory.testing import payments as pp
from participatory.testing import strategies as ps

ON = dt.date(2026, 3, 2)


@given(pp.rate_cards(), st.sampled_from(list(ActivityKind)), pp.hour_durations(),
       pp.hour_durations(), pp.hour_durations(max_hours=5))  # fmt: skip
def test_fee_is_monotone_in_duration(card, activity, first, second, preparation):
    shorter, longer = sorted((first, second), key=lambda d: d.amount)
    fee_short = cost_activity(card, activity, shorter, on=ON, preparation=preparation).fee
    fee_long = cost_activity(card, activity, longer, on=ON, preparation=preparation).fee
    assert fee_short <= fee_long


@given(pp.rate_cards(), pp.hour_durations(), pp.hour_durations(max_hours=5))
def test_preparation_never_lowers_the_fee(card, duration, preparation):
    without = cost_activity(card, ActivityKind.MEETING, duration, on=ON).fee
    with_prep = cost_activity(card, ActivityKind.MEETING, duration, on=ON, preparation=preparation)
    assert without <= with_prep.fee
    assert with_prep.fee.is_whole_minor_units()


@given(pp.payment_plans(), st.sampled_from(["weeks", "periods", "years"]), ps.benefit_week_cycles(),
       ps.assessment_period_cycles())  # fmt: skip
def test_period_totals_add_up_to_the_plan_total_exactly(plan, which, weeks, periods):
    calendar = {"weeks": weeks, "periods": periods, "years": None}[which]
    totals = (
        tax_year_totals(plan.payments)
        if calendar is None
        else period_totals(plan.payments, calendar)
    )
    assert Money.total(t.total for t in totals) == plan.total()
    summary = plan.cost_summary()
    assert Money.total(t.for_time for t in totals) == summary.fees
    assert Money.total(t.expenses for t in totals) == summary.expenses
    assert Money.total(t.declined for t in totals) == summary.declined


@given(pp.payment_plans(), st.randoms(use_true_random=False), ps.benefit_week_cycles())
def test_any_reordering_gives_the_same_totals(plan, rng, weeks):
    shuffled = list(plan.payments)
    rng.shuffle(shuffled)
    other = PaymentPlan(plan.project, tuple(shuffled))
    assert other.cost_summary() == plan.cost_summary()
    assert period_totals(other.payments, weeks) == period_totals(plan.payments, weeks)
    policy = TimelinessPolicy(10)
    as_at = dt.date(2027, 1, 1)
    assert set(check_timeliness(other, policy, as_at=as_at).statuses) == set(
        check_timeliness(plan, policy, as_at=as_at).statuses
    )


@given(pp.payment_plans())
def test_expenses_are_never_counted_as_fees(plan):
    summary = plan.cost_summary()
    expenses = Money.total(p.amount for p in plan.payments if p.kind.is_expense)
    for_time = Money.total(p.amount for p in plan.payments if p.kind.is_for_time)
    assert summary.expenses == expenses
    assert summary.fees == for_time
    assert summary.total == summary.fees + summary.expenses
    for person in summary.by_contributor:
        mine = [p for p in plan.payments if p.contributor == person.contributor]
        assert person.expenses == Money.total(p.amount for p in mine if p.kind.is_expense)


@given(pp.payment_plans(max_payments=8))
def test_plans_round_trip_through_json(plan):
    from participatory.payments.plans import Payment

    # The whole plan, notes included: Payment.note is sensitive, so a round trip opts in.
    data = unstructure(plan, include_sensitive=True)
    assert all("note" not in p for p in unstructure(plan)["payments"])
    rebuilt = PaymentPlan(
        data["project"],
        tuple(
            Payment(
                p["id"], p["contributor"], p["kind"],
                Money(p["amount"]["amount"], p["amount"]["currency"]),
                due_on=p["due_on"], activity_on=p["activity_on"], paid_on=p["paid_on"],
                expense=p["expense"], activity=p["activity"], note=p["note"],
            )
            for p in data["payments"]
        ),
        data["currency"],
    )  # fmt: skip
    assert rebuilt == plan


@given(pp.rate_cards(), pp.hour_durations())
def test_costed_activity_serialises_with_exact_money(card, duration):
    costed = cost_activity(card, ActivityKind.CO_RESEARCH, duration, on=ON)
    data = unstructure(costed)
    assert Money(data["fee"]["amount"]) == costed.fee
    assert [f["rule_id"] for f in data["findings"]] == [f.rule_id for f in costed.findings]


@given(pp.payment_preferences(), st.sets(st.sampled_from(list(PaymentMethod)), min_size=1))
def test_a_chosen_method_is_preferred_and_allowed_or_declined(preference, allowed):
    choice = choose_method(preference, MethodPolicy(allowed))
    if choice.method is not None:
        assert choice.method in preference.preferred
        assert choice.method in allowed or choice.method is PaymentMethod.DECLINED
    else:
        assert not set(preference.preferred) & (allowed | {PaymentMethod.DECLINED})
