""":mod:`participatory.budget.distribution`: property tests."""

from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from participatory.budget import distribute, split_fund
from participatory.core.money import Money
from participatory.testing import budget as bst
from participatory.testing import strategies as ps

SHARES = (
    "community_held_share",
    "university_share",
    "other_share",
    "community_controlled_share",
    "reaching_members_share",
    "before_application_share",
)


@given(bst.budgets())
def test_every_share_is_a_decimal_in_zero_to_one(budget):
    figures = distribute(budget)
    for name in SHARES:
        value = getattr(figures, name)
        assert isinstance(value, Decimal)
        assert 0 <= value <= 1, name
    for held in figures.by_holder:
        assert 0 <= held.share <= 1


@given(bst.budgets(min_lines=1))
def test_holder_groups_partition_the_budget_exactly(budget):
    assume(not budget.total.is_zero())
    figures = distribute(budget)
    assert figures.community_held_share + figures.university_share + figures.other_share == 1
    assert Money.total(h.amount for h in figures.by_holder) == budget.total
    assert sum(h.share for h in figures.by_holder) <= 1
    assert figures.community_controlled_share <= figures.community_held_share
    exact_university = (
        Money.total(
            h.amount for h in figures.by_holder if h.holder.kind.value == "university"
        ).amount
        / budget.total.amount
    )
    assert 0 <= figures.university_share - exact_university < Decimal("2e-12")


@given(bst.budgets(min_lines=1))
def test_concentration_lies_between_one_over_n_and_one(budget):
    assume(not budget.total.is_zero())
    figures = distribute(budget)
    holders = sum(1 for h in figures.by_holder if not h.amount.is_zero())
    assert Decimal(1) / holders - Decimal("1e-12") <= figures.hhi <= 1


@given(bst.budgets(min_lines=1), st.data())
def test_moving_a_line_to_a_partner_never_lowers_the_devolved_share(budget, data):
    line = data.draw(st.sampled_from(budget.lines))
    partner = data.draw(bst.partner_holders())
    before, after = distribute(budget), distribute(budget.moved_to(line.id, partner))
    assert after.community_held_share >= before.community_held_share
    assert after.community_controlled_share >= before.community_controlled_share
    # The university share is the remainder of the partition, so it carries the rounding of
    # the other two shares: it can move by one unit in the last place, never more.
    assert after.university_share <= before.university_share + Decimal("1e-12")


@given(ps.money(0, 1_000_000), st.integers(1, 8), st.data())
def test_splitting_a_fund_conserves_every_penny(fund, count, data):
    partners = [f"partner-{i}" for i in range(count)]
    weights = data.draw(st.none() | ps.weights(min_size=count, max_size=count))
    parts = split_fund(fund, partners, weights)
    assert [p for p, _ in parts] == partners
    assert Money.total(m for _, m in parts) == fund
    if weights is None:
        amounts = [m.amount for _, m in parts]
        assert max(amounts) - min(amounts) <= Decimal("0.01")
    else:
        total_weight = sum(weights)
        for (_, part), weight in zip(parts, weights, strict=True):
            assert abs(part.amount - fund.amount * weight / total_weight) < Decimal("0.01")
