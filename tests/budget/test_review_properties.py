""":mod:`participatory.budget.review`: property tests."""

from hypothesis import given
from hypothesis import strategies as st

from participatory.budget import Budget, assess_budget, distribute
from participatory.testing import budget as bst


@given(bst.budgets(), st.randoms())
def test_reordering_lines_changes_nothing(budget, rnd):
    lines = list(budget.lines)
    rnd.shuffle(lines)
    reordered = Budget(tuple(lines), partner_organisations=budget.partner_organisations)
    assert distribute(reordered) == distribute(budget)
    assert sorted(f.rule_id for f in assess_budget(reordered).findings) == sorted(
        f.rule_id for f in assess_budget(budget).findings
    )
