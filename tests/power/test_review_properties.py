""":mod:`participatory.power.review`: property tests."""

from hypothesis import given

from participatory.power import (
    assess_power,
)
from participatory.power.frameworks import coproduction_principles, uk_standards
from participatory.testing import power as pst


@given(pst.decision_records(), pst.labels(), pst.involvement_evidence())
def test_review_has_one_finding_per_principle_and_standard_and_flags_tokenism_exactly(
    record, label, evidence
):
    review = assess_power(record, label=label, evidence=evidence)
    nihr = [f for f in review.findings if f.rule_id.startswith("POW-NIHR-")]
    uks = [f for f in review.findings if f.rule_id.startswith("POW-UKS-")]
    assert len(nihr) == len(coproduction_principles())
    assert len(uks) == len(uk_standards())
    assert {f.values["outcome"] for f in nihr + uks} <= {
        "met",
        "partly met",
        "not met",
        "not known",
        "refer",
    }
    claim = review.label
    expected = (
        claim is not None
        and claim.min_arnstein_rung is not None
        and review.placement.rung.number < claim.min_arnstein_rung
    )
    assert review.tokenism == expected
    for tokenism in review.by_rule("POW-TOKENISM"):
        assert tokenism.values["decision_ids"]
