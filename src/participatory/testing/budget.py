"""Hypothesis strategies for :mod:`participatory.budget`.

>>> from hypothesis import given
>>> @given(budgets())
... def check(budget):
...     assert not budget.total.is_negative()
>>> check()
"""

from __future__ import annotations

from hypothesis import strategies as st

from participatory.budget.lines import Budget, BudgetLine, Holder, HolderKind, LineKind, Timing
from participatory.testing.strategies import money

__all__ = ["budget_lines", "budgets", "holders", "line_kinds", "partner_holders", "timings"]

_PARTNERS = ("Heart n Soul", "McPin", "Props Bristol", "Whitworth")


def line_kinds() -> st.SearchStrategy[LineKind]:
    """Any kind of budget line."""
    return st.sampled_from(list(LineKind))


def timings() -> st.SearchStrategy[Timing]:
    """Before the application, during or after the project."""
    return st.sampled_from(list(Timing))


def partner_holders() -> st.SearchStrategy[Holder]:
    """Partner organisations and community members."""
    return st.one_of(
        st.sampled_from(_PARTNERS).map(Holder.partner),
        st.sampled_from(["member-1", "member-2"]).map(Holder.member),
    )


def holders() -> st.SearchStrategy[Holder]:
    """Any holder: the university, partners, community members or others."""
    return st.one_of(
        st.just(Holder.university()),
        partner_holders(),
        st.just(Holder(HolderKind.OTHER, "funder")),
    )


def budget_lines(line_id: str | None = None) -> st.SearchStrategy[BudgetLine]:
    """A line with an amount of up to £20,000 in whole pennies."""
    return _budget_lines(line_id)


@st.composite
def _budget_lines(draw: st.DrawFn, line_id: str | None) -> BudgetLine:
    holder = draw(holders())
    return BudgetLine(
        line_id or draw(st.from_regex(r"[a-z]{1,8}", fullmatch=True)),
        draw(line_kinds()),
        draw(money(0, 20_000)),
        holder=holder,
        approver=draw(st.just(holder) | holders()),
        timing=draw(timings()),
    )


def budgets(min_lines: int = 0, max_lines: int = 10) -> st.SearchStrategy[Budget]:
    """Budgets in GBP with distinct line ids."""
    return _budgets(min_lines, max_lines)


@st.composite
def _budgets(draw: st.DrawFn, min_lines: int, max_lines: int) -> Budget:
    count = draw(st.integers(min_lines, max_lines))
    lines = tuple(draw(budget_lines(f"line-{i}")) for i in range(count))
    return Budget(lines, partner_organisations=draw(st.lists(st.sampled_from(_PARTNERS))))
