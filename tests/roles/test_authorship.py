""":mod:`participatory.roles.authorship`: unit tests."""

import datetime as dt

import pytest

from participatory.core.errors import ValidationError
from participatory.roles import (
    AuthorshipOffer,
    AuthorshipOutcome,
    Contribution,
    OfferResponse,
    assess_authorship,
    credit_taxonomy,
)

DAY = dt.date(2025, 6, 1)


# The 14 CRediT roles as listed in the domain brief (section 3.5).
CREDIT_14 = [
    "Conceptualization", "Data curation", "Formal analysis", "Funding acquisition",
    "Investigation", "Methodology", "Project administration", "Resources", "Software",
    "Supervision", "Validation", "Visualization", "Writing - original draft",
    "Writing - review & editing",
]  # fmt: skip


def test_credit_taxonomy_has_the_14_official_roles_and_a_separate_local_role():
    taxonomy = credit_taxonomy()
    assert [r.name.replace("–", "-") for r in taxonomy.official()] == CREDIT_14
    assert [r.id for r in taxonomy.local()] == ["lived-experience-advice"]
    assert not taxonomy.roles["lived-experience-advice"].official
    assert set(taxonomy.icmje_criteria) == {1, 2, 3, 4}
    assert taxonomy.criterion_1_roles <= {r.id for r in taxonomy.official()}
    assert taxonomy.role("Writing – review & editing").id == "writing-review-editing"


def test_contribution_keeps_local_roles_out_of_the_credit_statement():
    contribution = Contribution("p", ["Lived-experience advice", "Methodology", "methodology"])
    assert contribution.roles == ("lived-experience-advice", "methodology")
    assert contribution.credit_roles() == ("methodology",)
    with pytest.raises(ValidationError, match="neither a CRediT role"):
        Contribution("p", ["Other"])
    with pytest.raises(ValidationError, match="not one string"):
        Contribution("p", "methodology")


@pytest.mark.parametrize(
    ("roles", "offer", "outcome", "criteria", "rule"),
    [
        ([], None, AuthorshipOutcome.NO_CONTRIBUTION, (), None),
        (["resources", "supervision"], None, AuthorshipOutcome.ACKNOWLEDGE, (),
         "ROLE-AUTHORSHIP-ACKNOWLEDGE"),
        (["writing-review-editing"], None, AuthorshipOutcome.ACKNOWLEDGE, (2,),
         "ROLE-AUTHORSHIP-ACKNOWLEDGE"),
        (["conceptualization"], None, AuthorshipOutcome.OFFER_AUTHORSHIP, (1,),
         "ROLE-AUTHORSHIP-NOT-OFFERED"),
        (["methodology"], AuthorshipOffer("p", DAY, OfferResponse.DECLINED),
         AuthorshipOutcome.OFFER_AUTHORSHIP, (1,), "ROLE-AUTHORSHIP-OFFERED"),
        (["methodology", "writing-original-draft"],
         AuthorshipOffer("p", DAY, OfferResponse.ACCEPTED, True, False),
         AuthorshipOutcome.OFFER_AUTHORSHIP, (1, 2, 3), "ROLE-AUTHORSHIP-OFFERED"),
        (["methodology", "writing-original-draft"],
         AuthorshipOffer("p", DAY, OfferResponse.ACCEPTED, True, True),
         AuthorshipOutcome.AUTHOR, (1, 2, 3, 4), "ROLE-AUTHORSHIP-CRITERIA-MET"),
        (["methodology"], AuthorshipOffer("p", DAY, OfferResponse.PENDING, True, True),
         AuthorshipOutcome.OFFER_AUTHORSHIP, (1,), "ROLE-AUTHORSHIP-OFFERED"),
    ],
)  # fmt: skip
def test_icmje_decisions(roles, offer, outcome, criteria, rule):
    """ICMJE: all four criteria for authorship; criterion 1 earns the offer of a chance at
    2 and 3; criteria 3 and 4 count only once the person accepted the offer."""
    decision = assess_authorship(Contribution("p", roles), offer, as_at=DAY)
    assert decision.outcome is outcome
    assert decision.criteria_met == criteria
    assert [f.rule_id for f in decision] == ([rule] if rule else [])
