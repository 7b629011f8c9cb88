import datetime as dt
from decimal import Decimal

import attrs
from hypothesis import given
from hypothesis import strategies as st

from participatory.core.explain import Severity
from participatory.core.params import bundled_parameters
from participatory.render.text import sentence
from participatory.testing import timeline as tl
from participatory.timeline import MULTIPLIER, ResearchStage, Timeline, assess_timeline

WARNINGS = ("TIME-NO-RELATIONSHIP-TIME",)


def no_relationship_time(result):
    return any(
        f.rule_id == "TIME-NO-RELATIONSHIP-TIME" and f.severity is not Severity.MET for f in result
    )


def with_multiplier(value):
    return bundled_parameters().with_value(
        MULTIPLIER, value, effective_from=dt.date(2022, 7, 1), source="What if"
    )


@given(tl.timelines(), tl.AS_AT_DATES, st.integers(min_value=1, max_value=400))
def test_lengthening_pre_application_time_never_creates_a_no_relationship_finding(
    plan, as_at, extra
):
    building = plan.stage(ResearchStage.RELATIONSHIP_BUILDING)
    if building is None:
        return
    earlier = attrs.evolve(building, start=building.start - dt.timedelta(days=extra))
    longer = Timeline([earlier if s is building else s for s in plan.stages], plan.deadlines)
    before, after = assess_timeline(plan, as_at=as_at), assess_timeline(longer, as_at=as_at)
    assert after.pre_application_days >= before.pre_application_days
    assert no_relationship_time(after) <= no_relationship_time(before)


@given(tl.timelines(), tl.AS_AT_DATES)
def test_realistic_schedule_is_never_earlier_or_shorter_than_planned(plan, as_at):
    result = assess_timeline(plan, as_at=as_at)
    for planned in result.schedule:
        stage = planned.stage
        assert planned.realistic.start >= stage.start
        assert planned.realistic.end >= stage.end
        assert planned.realistic.days >= max(stage.days, planned.needed_days)
    for finding in result:
        assert sentence(finding, locale="en_GB")


@given(tl.timelines(), st.integers(1, 8), st.integers(0, 4))
def test_a_larger_multiplier_never_meets_a_deadline_a_smaller_one_misses(plan, low, more):
    as_at = dt.date(2026, 1, 1)
    small = assess_timeline(plan, as_at=as_at, parameters=with_multiplier(Decimal(low)))
    large = assess_timeline(plan, as_at=as_at, parameters=with_multiplier(Decimal(low + more)))
    assert large.realistic_end >= small.realistic_end

    def missed(result):
        return {
            f.subject
            for f in result.by_rule("TIME-DEADLINE-UNREACHABLE")
            if f.severity is not Severity.MET
        }

    assert missed(small) <= missed(large)
