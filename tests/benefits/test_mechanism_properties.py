""":mod:`participatory.benefits.mechanism`: property tests.

The shortcuts every rule shares give exactly what the plain paths give: a finding built
without ``Finding``'s converters, an outcome built from bare amounts, a rates record read
once per parameter set and day; and the roundings stay within half a penny and a penny.
"""

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import attrs
from hypothesis import given
from hypothesis import strategies as st

from participatory.benefits import Benefit, PeriodOutcome, universal_credit
from participatory.benefits.law import cite_law
from participatory.benefits.mechanism import (
    Context,
    finding,
    ratio,
    taper_pennies,
    weekly_to_monthly_pennies,
)
from participatory.core.explain import Finding, ParameterUse, Severity
from participatory.core.nations import Nation
from participatory.core.params import bundled_parameters
from participatory.core.periods import BenefitWeekCycle
from participatory.testing import benefits as bs

CITATION = cite_law("universal_credit.taper", Nation.ENGLAND)
USE = ParameterUse("universal_credit.taper_rate", "0.55", dt.date(2024, 11, 24), CITATION)
pennies = st.integers(0, 10_000_000)


@given(
    st.text(min_size=1, max_size=12),
    st.sampled_from(Severity),
    st.dictionaries(st.sampled_from(["earnings", "limit", "start"]), st.integers()),
    st.booleans(),
)
def test_a_finding_built_fast_equals_one_built_by_its_class(rule_id, severity, values, sensitive):
    fast = finding(
        rule_id,
        severity,
        "benefits.kept",
        values,
        citations=[CITATION],
        parameters=[USE],
        actions=["benefits.action.report_uc_journal"],
        sensitive=sensitive,
    )
    plain = Finding(
        rule_id,
        severity,
        "benefits.kept",
        values,
        (CITATION,),
        (USE,),
        ("benefits.action.report_uc_journal",),
        sensitive,
    )
    assert fast == plain
    assert repr(fast) == repr(plain)
    assert attrs.asdict(fast, recurse=False) == attrs.asdict(plain, recurse=False)


@given(bs.pounds(), bs.pounds(), bs.pounds(), st.booleans(), bs.payment_days())
def test_an_outcome_built_from_decimals_equals_one_built_from_money(
    before, after, counted, cliff, day
):
    """The engine passes bare amounts (no Money is made); a caller passes Money."""
    week = BenefitWeekCycle().period_containing(day)
    fast = PeriodOutcome(
        Benefit.CARERS_ALLOWANCE, week, before.amount, after.amount, counted.amount, cliff
    )
    plain = PeriodOutcome(Benefit.CARERS_ALLOWANCE, week, before, after, counted, cliff)
    assert fast == plain
    assert fast.change == plain.change == after - before
    assert fast.change_amount == (after - before).amount


@given(pennies, st.sampled_from(["0.55", "0.65", "1", "0.5", "0.333"]))
def test_a_taper_is_within_half_a_penny_or_a_penny_below(amount, rate):
    exact = Fraction(amount) * Fraction(rate)
    taper = ratio(Decimal(rate))
    nearest = taper_pennies(amount, taper)
    down = taper_pennies(amount, taper, claimants_favour=True)
    assert abs(nearest - exact) <= Fraction(1, 2)
    assert exact - 1 < down <= exact
    assert down <= nearest


@given(pennies)
def test_weekly_to_monthly_is_the_nearest_penny_of_52_twelfths(weekly):
    exact = Fraction(weekly * 52, 12)
    assert abs(weekly_to_monthly_pennies(weekly) - exact) <= Fraction(1, 2)


@given(bs.payment_days())
def test_a_remembered_rates_record_is_what_the_parameters_say_on_the_day(day):
    ctx = Context(bundled_parameters())
    first = universal_credit.rates(ctx, day)
    again = universal_credit.rates(Context(bundled_parameters()), day)
    assert first == again
    assert Fraction(*first.taper) == Fraction(
        str(ctx.use("universal_credit.taper_rate", day).value)
    )
    upper = Decimal(str(ctx.use("universal_credit.capital.upper_limit", day).value))
    assert first.capital_upper == upper * 100
