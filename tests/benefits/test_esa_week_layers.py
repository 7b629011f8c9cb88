"""An ESA week decides permitted work for each layer of earnings (regular, with the payments
already made, with the payments in question) by comparing with the limit its hours allow; it
must agree with :func:`~participatory.benefits.esa.is_permitted`, the rule as written
(ESA Regs 2008 reg. 45), for every category, amount and number of hours.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from participatory.benefits.claims import EmploymentSupportAllowanceClaim
from participatory.benefits.esa import (
    PermittedWorkLimits,
    _build,
    _EarningsLimits,
    assess_week,
    is_permitted,
    limits,
)
from participatory.benefits.kinds import PermittedWork
from participatory.benefits.mechanism import Context, Income, add_hours
from participatory.core.nations import Nation
from participatory.core.params import bundled_parameters
from participatory.core.periods import BenefitWeekCycle
from participatory.testing.strategies import amounts

#: A week of the 2025/26 figures (lower limit £20, higher £195.50, under 16 hours).
WEEK = BenefitWeekCycle().period_containing(dt.date(2025, 6, 10))

pennies = st.integers(0, 30_000)
hours = amounts(0, 24, places=1)


@given(
    st.sampled_from(PermittedWork),
    pennies,
    hours,
    pennies,
    hours,
    pennies,
    hours,
)
def test_each_layer_of_a_week_is_permitted_as_the_rule_says(
    category, regular, regular_hours, already, hours_already, added, hours_added
):
    ctx = Context(bundled_parameters())
    claim = EmploymentSupportAllowanceClaim(weekly_award="92.05", permitted_work=category)
    income = Income(regular, regular_hours)
    income.already, income.hours_already = already, hours_already
    income.added, income.hours_added = added, hours_added
    row = assess_week(claim, WEEK, income, ctx, "p1", Nation.ENGLAND)
    found = limits(ctx, WEEK.start)
    base_hours = add_hours(regular_hours, hours_already)
    all_hours = add_hours(base_hours, hours_added)
    base_ok = is_permitted(category, regular + already, base_hours, found)
    total_ok = is_permitted(category, regular + already + added, all_hours, found)
    regular_ok = is_permitted(category, regular, regular_hours, found)
    assert row.before == (9205 if base_ok else 0)
    assert row.after == (9205 if base_ok and total_ok else 0)
    assert row.baseline == (9205 if regular_ok else 0)
    assert row.cliff is (base_ok and not total_ok)
    # What the explanation quotes: the week's earnings and hours, and whether the work was
    # already outside permitted work.
    _category, total, hours_before, hours_with, *_rest, outside = row.detail
    assert total == regular + already + added
    assert add_hours(hours_before, hours_with) == all_hours
    assert outside is (not base_ok)


class _Reader:
    """The three limits as a changed parameter set might give them."""

    def __init__(self, lower: int, higher: int, most: Decimal) -> None:
        self.figures = {"lower_limit": lower, "higher_limit": higher}
        self.most = most
        self.stale: list[object] = []

    def pennies(self, name: str) -> int:
        return self.figures[name.rsplit(".", 1)[1]]

    def number(self, name: str) -> Decimal:
        assert name == "esa.permitted_work.max_hours"
        return self.most


class _Context:
    """A context whose records hold the limits a changed parameter set gave."""

    def __init__(self, lower: int, higher: int, most: Decimal) -> None:
        self.records = {
            (_EarningsLimits, WEEK.start): _EarningsLimits(_Reader(lower, higher, most)),
            (_build, WEEK.start): PermittedWorkLimits(lower, higher, most, ()),
        }


@given(st.sampled_from(PermittedWork), pennies, pennies, hours, pennies, hours)
def test_a_week_follows_the_rule_even_with_a_higher_limit_below_the_lower(
    category, lower, higher, most, earnings, worked
):
    """With a higher limit below the lower one (a "what if" set), the week is decided as
    the rule as written decides it: the lower limit is tested first, whatever the category."""
    ctx = _Context(lower, higher, most)
    claim = EmploymentSupportAllowanceClaim(weekly_award="92.05", permitted_work=category)
    income = Income(0, Decimal(0))
    income.added, income.hours_added = earnings, worked
    row = assess_week(claim, WEEK, income, ctx, "p1", Nation.ENGLAND)  # type: ignore[arg-type]
    written = ctx.records[_build, WEEK.start]
    assert row.before == 9205  # nothing earned: permitted whatever the limits
    assert (row.after == 9205) is is_permitted(category, earnings, worked, written)
