""":mod:`participatory.budget.distribution`: unit tests."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.budget import (
    Budget,
    BudgetLine,
    Holder,
    LineKind,
    distribute,
    split_fund,
)
from participatory.core.errors import ValidationError
from participatory.core.money import Money

UNI = Holder.university()


def test_split_fund_checks_its_inputs():
    with pytest.raises(ValidationError, match="partners: must name"):
        split_fund(Money.gbp(10), [])
    with pytest.raises(ValidationError, match="names a partner twice"):
        split_fund(Money.gbp(10), ["A", "A"])
    with pytest.raises(ValidationError, match="one weight per partner"):
        split_fund(Money.gbp(10), ["A", "B"], [1])


def test_devolved_share_reads_holder_not_approver():
    held = BudgetLine("x", LineKind.VENUE, Money.gbp(100), holder=Holder.partner("P"),
                      approver=UNI)  # fmt: skip
    figures = distribute(Budget((held,)))
    assert figures.community_held_share == 1
    assert figures.community_controlled_share == 0


# Partners who are one holder, or none (TRY14-4).


@pytest.mark.parametrize(
    ("partners", "place", "problem"),
    [
        (["McPin", "McPin "], "partners[1]", "names a partner twice"),
        ([" McPin", "Partner B", "McPin\t"], "partners[2]", "names a partner twice"),
        (["McPin", ""], "partners[1]", "must name a partner"),
        (["   ", "McPin"], "partners[0]", "must name a partner"),
    ],
    ids=["trailing-space", "both-padded", "empty", "only-spaces"],
)
def test_split_fund_refuses_partners_one_holder_would_hold(partners, place, problem):
    """Each part goes to ``Holder.partner(name)``, which strips the name and refuses an empty
    one: "McPin " pasted from a spreadsheet is McPin, so £9,000 "split" between "McPin" and
    "McPin " would be one holder's £9,000 (HHI 1, where two partners were meant), and ""
    would be £4,500 for no one. Refused at the name's place, before anything is split."""
    with pytest.raises(ValidationError) as raised:
        split_fund(Money.gbp("9000.00"), partners)
    assert raised.value.path == place
    assert raised.value.problem.startswith(problem)


def test_names_with_spaces_around_them_split_as_given_between_two_holders():
    """Names padded differently but distinct once stripped are two partners: £9,000 halves
    into £4,500 each (names returned as given); as two partners' lines their HHI is
    (4500² + 4500²) / 9000² = 0.5, two effective holders."""
    parts = split_fund(Money.gbp("9000.00"), [" McPin", "Partner B "])
    assert parts == ((" McPin", Money.gbp("4500.00")), ("Partner B ", Money.gbp("4500.00")))
    lines = tuple(
        BudgetLine(f"part-{i}", LineKind.COMMUNITY_ACTIVITIES, amount, holder=Holder.partner(name))
        for i, (name, amount) in enumerate(parts)
    )
    figures = distribute(Budget(lines))
    assert (figures.hhi, figures.effective_holders) == (Decimal("0.5"), Decimal(2))


_NAME = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=10).filter(
    str.strip
)
_SPACE = st.text(" \t\n\u00a0\u3000", max_size=3)


@given(
    st.lists(_NAME, min_size=1, max_size=6, unique_by=str.strip),
    st.data(),
)
def test_a_partner_named_again_with_other_spaces_is_always_refused(names, data):
    """For any partners a holder tells apart, naming one of them again with any spaces
    around it is refused at the new name's place; the list without it splits into as many
    holders as names."""
    again = data.draw(st.sampled_from(names))
    padded = data.draw(_SPACE) + again.strip() + data.draw(_SPACE)
    where = data.draw(st.integers(0, len(names)))
    partners = [*names[:where], padded, *names[where:]]
    with pytest.raises(ValidationError, match=r"names a partner twice") as raised:
        split_fund(Money.gbp("100.00"), partners)
    second = max(i for i, name in enumerate(partners) if name.strip() == again.strip())
    assert raised.value.path == f"partners[{second}]"
    parts = split_fund(Money.gbp("100.00"), names)
    assert len({Holder.partner(name) for name, _ in parts}) == len(names)


@pytest.mark.parametrize("unordered", [{"McPin", "Mind"}, frozenset({"McPin", "Mind"})])
def test_partners_given_as_a_set_are_refused(unordered: object) -> None:
    """A set has no order the next run keeps: £0.01 split between two partners would go to
    whichever came first that run (an outside tester's round 14b)."""
    with pytest.raises(ValidationError, match="not a set"):
        split_fund(Money.gbp("0.01"), unordered)  # type: ignore[arg-type]
