""":mod:`participatory.benefits.mechanism`: property tests.

The engine's fast paths give exactly what the plain, validated paths give.

The benefits engine builds its results without re-running the models' converters, keeps
parameter bundles and assessment periods between checks, and decides the week before a
payment without explaining it. Each shortcut is checked here against the plain path.
"""

import datetime as dt

import attrs
from hypothesis import given
from hypothesis import strategies as st

from participatory.benefits import Benefit, PeriodOutcome
from participatory.benefits.mechanism import finding, period_outcome
from participatory.core.explain import Citation, Finding, ParameterUse, Severity
from participatory.core.periods import BenefitWeekCycle
from participatory.testing import benefits as bs

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
