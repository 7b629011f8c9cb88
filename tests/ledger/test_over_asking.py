"""The over-asking defaults: stated in the docs, quoted in the catalogue, read as data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from participatory.core.errors import ValidationError
from participatory.core.params import bundled_parameters
from participatory.core.sources import cite
from participatory.ledger import Ledger, assess_over_asking

PAGE = Path(__file__).parents[2] / "docs" / "concepts" / "person-centred-view.md"


def test_the_default_policy_is_the_sentence_on_the_docs_page() -> None:
    citation = cite("participatory_data_policy#over_asking")
    assert citation.verified
    assert citation.passage is not None
    quote = str(citation.passage.quote)
    assert quote in " ".join(PAGE.read_text(encoding="utf-8").split())
    params = bundled_parameters()
    day = dt.date(2026, 12, 6)
    for name, figure in (("window_days", 90), ("person_activities", 6), ("person_projects", 3),
                         ("community_activities", 12), ("community_projects", 5)):  # fmt: skip
        use = params.use(f"ledger.over_asking.{name}", day)
        assert use.value == figure
        assert str(figure) in quote
        assert params[f"ledger.over_asking.{name}"].superseded
        assert use.source.key == "participatory_data_policy"


def test_an_empty_ledger_is_within_the_limits() -> None:
    result = assess_over_asking(Ledger(), as_at=dt.date(2026, 12, 6))
    assert result.has("LEDGER-ASKING-WITHIN-LIMITS")
    assert not result.people


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValidationError):
        assess_over_asking("ledger", as_at=dt.date(2026, 12, 6))  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        assess_over_asking(Ledger(), as_at="2026-12-06")  # type: ignore[arg-type]
