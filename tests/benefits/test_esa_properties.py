""":mod:`participatory.benefits.esa`: property tests.

The engine's fast paths give exactly what the plain, validated paths give.

The benefits engine builds its results without re-running the models' converters, keeps
parameter bundles and assessment periods between checks, and decides the week before a
payment without explaining it. Each shortcut is checked here against the plain path.
"""

from hypothesis import given
from hypothesis import strategies as st

from participatory.benefits.circumstances import PermittedWork
from participatory.benefits.esa import _is_permitted, _limits, permitted_work_test
from participatory.benefits.mechanism import Context
from participatory.core.params import bundled_parameters
from participatory.core.periods import BenefitWeekCycle
from participatory.testing import benefits as bs
from participatory.testing.strategies import amounts


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
