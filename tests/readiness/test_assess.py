""":mod:`participatory.readiness.assess`: unit tests."""

import datetime as dt

import pytest

from participatory.core.errors import ParameterFileError, ValidationError
from participatory.core.explain import Severity
from participatory.readiness import (
    Evidence,
    Maturity,
    Recommendation,
    University,
    assess_readiness,
    readiness_criteria,
)
from participatory.render.templates import message_keys
from participatory.render.text import sentence

AS_AT = dt.date(2026, 1, 1)


def every_item_up_to(level):
    return [
        Evidence(c.item, "2024-01-01")
        for r in readiness_criteria().recommendations.values()
        for c in r.criteria
        if c.level.rank <= level.rank
    ]


def test_levels_are_cumulative():
    # The seed fund alone (established) does not make fund_it established without emerging.
    uni = University("U", [Evidence("seed_fund", "2024-01-01")])
    assert assess_readiness(uni, as_at=AS_AT).level(Recommendation.FUND_IT) is Maturity.ABSENT
    uni = University(
        "U", [Evidence("seed_fund", "2024-01-01"), Evidence("ad_hoc_early_funding", "2023-01-01")]
    )
    profile = assess_readiness(uni, as_at=AS_AT)
    assert profile.level(Recommendation.FUND_IT) is Maturity.ESTABLISHED


def test_every_level_up_to_embedded():
    for level in list(Maturity)[1:]:
        profile = assess_readiness(University("U", every_item_up_to(level)), as_at=AS_AT)
        assert set(profile.levels.values()) == {level}
    top = assess_readiness(University("U", every_item_up_to(Maturity.EMBEDDED)), as_at=AS_AT)
    assert top.at_least(Severity.ADVICE) == ()


def test_evidence_after_the_as_at_date_does_not_count():
    uni = University("U", [Evidence("working_definition", "2026-01-02")])
    assert assess_readiness(uni, as_at=AS_AT).level(Recommendation.DEFINE_TERMS) is Maturity.ABSENT
    assert (
        assess_readiness(uni, as_at=dt.date(2026, 1, 2)).level(Recommendation.DEFINE_TERMS)
        is Maturity.EMERGING
    )


def test_unknown_evidence_item_suggests_the_closest():
    uni = University("U", [Evidence("seed_fnd", "2024-01-01")])
    with pytest.raises(ValidationError) as caught:
        assess_readiness(uni, as_at=AS_AT)
    assert caught.value.path == "evidence[0].item"
    assert "seed_fund" in str(caught.value)


def test_model_validation():
    with pytest.raises(ValidationError, match="since"):
        Evidence("seed_fund", "last year")
    with pytest.raises(ValidationError, match="name"):
        University("")
    with pytest.raises(ValidationError, match=r"evidence\[0\]"):
        University("U", ["seed_fund"])  # type: ignore[list-item]


def test_next_steps_are_actions_with_messages():
    profile = assess_readiness(University("U"), as_at=AS_AT)
    [finding] = profile.by_rule("READY-SEED-FUND")
    assert finding.actions == ("readiness.step.ad_hoc_early_funding",)
    assert set(finding.actions) <= message_keys()
    assert sentence(finding, locale="en_GB").startswith(
        "Fund it (report section 2.3): nothing in place yet. First steps: find money case by case"
    )


def test_messages_for_partial_and_embedded_levels_render():
    partial = assess_readiness(University("U", every_item_up_to(Maturity.EMERGING)), as_at=AS_AT)
    text = sentence(partial.by_rule("READY-KEY-PEOPLE")[0], locale="en_GB")
    assert text.startswith(
        "Put key people in place (report section 2.4): emerging. To become "
        "established: recruit university-employed"
    )
    top = assess_readiness(University("U", every_item_up_to(Maturity.EMBEDDED)), as_at=AS_AT)
    assert sentence(top.by_rule("READY-CENTRAL-TEAM")[0], locale="en_GB").endswith("embedded.")


def test_an_institutions_own_criteria_file(tmp_path):
    from importlib import resources

    from participatory.readiness import load_readiness_criteria

    text = (resources.files("participatory") / "data" / "readiness.toml").read_text("utf-8")
    own = tmp_path / "ours.toml"
    own.write_text(text.replace('title = "Fund it"', 'title = "Seed funding"'), encoding="utf-8")
    criteria = load_readiness_criteria(own)
    profile = assess_readiness(University("U"), as_at=AS_AT, criteria=criteria)
    assert sentence(profile.by_rule("READY-SEED-FUND")[0], locale="en_GB").startswith(
        "Seed funding"
    )
    with pytest.raises(ParameterFileError, match="cannot be read"):
        load_readiness_criteria(tmp_path / "missing.toml")
