""":mod:`participatory.benefits.esa`: property tests.

The engine decides permitted work from the numbers (:func:`~participatory.benefits.esa.
is_permitted`) and explains it only when the findings are read
(:func:`~participatory.benefits.esa.permitted_work_findings`): the two must always agree,
and an ESA week is lost exactly when its work is not permitted.
"""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from participatory.benefits import (
    Household,
    PermittedWork,
    Person,
    Receipt,
    assess_benefits,
)
from participatory.benefits.esa import is_permitted, limits, permitted_work_findings
from participatory.benefits.mechanism import Context
from participatory.core.nations import Nation
from participatory.core.params import bundled_parameters
from participatory.core.pennies import to_pennies
from participatory.core.periods import BenefitWeekCycle
from participatory.testing import benefits as bs
from participatory.testing.strategies import amounts

#: The messages that say the week's work is not permitted work.
_BREACH = {"benefits.esa.over_limit", "benefits.esa.sixteen_hours"}


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
    pennies = to_pennies(earnings)
    found = permitted_work_findings(
        "ESA",
        category,
        week,
        pennies,
        hours,
        to_pennies(award),
        ctx,
        nation=Nation.ENGLAND,
        subject="p1",
    )
    explained = not any(f.message_key in _BREACH for f in found)
    assert is_permitted(category, pennies, hours, limits(ctx, week.start)) is explained


def _permitted_by_hand(category, earnings, hours, day):
    """ESA Regs 2008 reg. 45, from the dated limits: any hours up to the lower limit; up to
    the higher limit under 16 hours (higher-limit work) or at any hours (supported work)."""
    params = bundled_parameters()
    lower, higher, most = (
        Decimal(str(params.use(f"esa.permitted_work.{name}", day).value))
        for name in ("lower_limit", "higher_limit", "max_hours")
    )
    if earnings <= lower:
        return True
    if category is PermittedWork.LOWER_LIMIT:
        return False
    if category is PermittedWork.HIGHER_LIMIT and hours >= most:
        return False
    return earnings <= higher


@given(bs.esa_claims(), bs.pounds(0, 400), amounts(0, 30, places=1), bs.payment_days())
def test_a_week_is_lost_exactly_when_the_work_is_not_permitted(claim, fee, hours, day):
    home = Household(people=[Person("p1", esa=claim)])
    result = assess_benefits(home, [Receipt(fee, day, hours=hours)])
    week = claim.weeks.period_containing(day)
    permitted = _permitted_by_hand(claim.permitted_work, fee.amount, hours, week.start)
    if fee.is_zero() and hours == 0:
        assert result.outcomes == ()
        return
    (outcome,) = result.outcomes
    assert outcome.period == week
    assert outcome.cliff is (not permitted)
    assert outcome.change.amount == (0 if permitted else -claim.weekly_award.amount)
    assert outcome.person == "p1"
