"""The engine's fast paths give exactly what the plain, validated paths give.

The benefits engine builds its results without re-running the models' converters, keeps
parameter bundles and assessment periods between checks, and decides the week before a
payment without explaining it. Each shortcut is checked here against the plain path.
"""

import datetime as dt

import attrs
from hypothesis import given
from hypothesis import strategies as st

from participatory.benefits import Benefit, BenefitsCheck, PeriodOutcome, check
from participatory.benefits.circumstances import PermittedWork
from participatory.benefits.engine import _assessment_period
from participatory.benefits.esa import _is_permitted, _limits, permitted_work_test
from participatory.benefits.mechanism import Context, finding, gbp, period_outcome
from participatory.core.explain import Citation, Finding, ParameterUse, Severity
from participatory.core.params import bundled_parameters
from participatory.core.periods import AssessmentPeriodCycle, BenefitWeekCycle
from participatory.testing import benefits as bs
from participatory.testing.strategies import amounts, dates

CITATION = Citation("The Universal Credit Regulations 2013", reference="SI 2013/376, reg. 22")
USE = ParameterUse("universal_credit.taper_rate", "0.55", dt.date(2024, 11, 24), "SI 2024/1227")


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
def test_an_outcome_built_fast_equals_one_built_by_its_class(before, after, counted, cliff, day):
    week = BenefitWeekCycle().period_containing(day)
    fast = period_outcome(Benefit.CARERS_ALLOWANCE, week, before, after, counted, cliff, ())
    plain = PeriodOutcome(Benefit.CARERS_ALLOWANCE, week, before, after, counted, cliff)
    assert fast == plain
    assert fast.change == plain.change


@given(bs.circumstances(), bs.receipt_lists())
def test_a_check_equals_the_result_rebuilt_through_its_validators(circumstances, receipts):
    result = check(circumstances, receipts)
    rebuilt = BenefitsCheck(result.outcomes, result.paid, findings=result.findings)
    assert rebuilt == result
    assert gbp(result.paid.amount) == result.paid


@given(dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)), bs.payment_days())
def test_assessment_periods_are_shared_only_by_the_day_of_the_month(first, day):
    # The remembered period of another claim that began on the same day of the month
    # must be this claim's period too.
    other = dt.date(2019, 1, first.day)
    expected = AssessmentPeriodCycle(first).period_containing(day)
    assert _assessment_period(other, day) == expected
    assert _assessment_period(first, day) == expected


@given(
    st.sampled_from(PermittedWork),
    amounts(0, 400),
    amounts(0, 30, places=1),
    amounts(0, 120),
    bs.payment_days(),
)
def test_the_unexplained_permitted_work_decision_is_the_explained_one(
    category, earnings, hours, award, day
):
    ctx = Context(bundled_parameters())
    week = BenefitWeekCycle().period_containing(day)
    limits, _uses = _limits(ctx, week.start)
    explained, _findings = permitted_work_test("ESA", category, week, earnings, hours, award, ctx)
    assert _is_permitted(category, earnings, hours, limits) is explained
