import datetime as dt

import attrs
from hypothesis import given
from hypothesis import strategies as st

from participatory.readiness import assess_readiness
from participatory.render.text import sentence
from participatory.testing import readiness as rd

AS_AT = dt.date(2026, 1, 1)


@given(rd.universities(), st.lists(rd.evidence(), max_size=10))
def test_more_evidence_never_lowers_a_level(university, extra):
    more = attrs.evolve(university, evidence=(*university.evidence, *extra))
    before = assess_readiness(university, as_at=AS_AT)
    after = assess_readiness(more, as_at=AS_AT)
    for recommendation, level in before.levels.items():
        assert after.level(recommendation).rank >= level.rank


@given(
    rd.universities(), st.dates(dt.date(2018, 1, 1), dt.date(2030, 12, 31)), st.integers(0, 2000)
)
def test_a_later_date_never_lowers_a_level(university, day, later):
    before = assess_readiness(university, as_at=day)
    after = assess_readiness(university, as_at=day + dt.timedelta(days=later))
    for recommendation, level in before.levels.items():
        assert after.level(recommendation).rank >= level.rank


@given(rd.universities())
def test_one_cited_finding_per_recommendation(university):
    profile = assess_readiness(university, as_at=AS_AT)
    assert len(profile.findings) == 9 == len({f.rule_id for f in profile})
    for finding in profile:
        assert finding.citations
        assert sentence(finding, locale="en_GB")
