"""Hypothesis strategies for :mod:`participatory.power`.

>>> from hypothesis import given
>>> @given(decision_records())
... def check(record):
...     assert len(record.rights) <= 9
>>> check()
"""

from __future__ import annotations

from hypothesis import strategies as st

from participatory.power.decisions import Decision, DecisionRecord, DecisionRight, Holding
from participatory.power.principles import InvolvementEvidence

__all__ = [
    "complete_decision_records",
    "decision_records",
    "decision_rights",
    "decisions",
    "holdings",
    "involvement_evidence",
    "labels",
]


def decisions() -> st.SearchStrategy[Decision]:
    """Any decision."""
    return st.sampled_from(list(Decision))


def holdings() -> st.SearchStrategy[Holding]:
    """Any holding, from the university alone to partner-led."""
    return st.sampled_from(list(Holding))


def decision_rights(decision: Decision | None = None) -> st.SearchStrategy[DecisionRight]:
    """A right for ``decision`` (or any decision), with or without a partner veto."""
    return st.builds(
        DecisionRight,
        st.just(decision) if decision is not None else decisions(),
        holdings(),
        partner_veto=st.booleans(),
    )


@st.composite
def _records(draw: st.DrawFn, complete: bool) -> DecisionRecord:
    chosen = list(Decision) if complete else draw(st.lists(decisions(), unique=True))
    return DecisionRecord(tuple(draw(decision_rights(d)) for d in chosen))


def decision_records() -> st.SearchStrategy[DecisionRecord]:
    """Records naming any subset of the decisions, in any order."""
    return _records(complete=False)


def complete_decision_records() -> st.SearchStrategy[DecisionRecord]:
    """Records naming every decision."""
    return _records(complete=True)


def involvement_evidence() -> st.SearchStrategy[InvolvementEvidence]:
    """Evidence with every field true, false or unknown."""
    flag = st.none() | st.booleans()
    return st.builds(InvolvementEvidence, **dict.fromkeys(InvolvementEvidence.field_names(), flag))


def labels() -> st.SearchStrategy[str]:
    """Labels a project might give itself, known to the library or not."""
    return st.sampled_from(
        [
            "co_production",
            "participatory_research",
            "partnership_working",
            "public_involvement",
            "consultation",
            "engagement",
            "citizen_science",
            "collaborative_research",
            "Co-production",
            "something else",
        ]
    )
