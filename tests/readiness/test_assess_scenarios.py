"""Institutional readiness: the University of Bath as the report found it (Jopson 2022)."""

import datetime as dt

from participatory.core.explain import Severity
from participatory.readiness import (
    Evidence,
    Maturity,
    Recommendation,
    University,
    assess_readiness,
)
from participatory.render.text import sentence

#: Interviews ran March to July 2022 and the report is dated July 2022.
BEFORE_ACTING = dt.date(2022, 7, 1)


def bath_2022():
    """What Bath had in place before acting on the report, credited only where a source says so.

    - Central team, emerging: the report was written "for the University of Bath" as "part of
      the ParticipatoryResearch@Bath project", and the project page says the project "will be
      led by the Public Engagement Unit" (https://www.bath.ac.uk/projects/participatoryresearch-bath/,
      read 2026-11-25). Whether that unit is core funded is not said, so only the emerging
      criterion (public-engagement staff) is credited, from the project's start on 1 Feb 2022.
    - Define your terms, emerging: the project launch post of 16 February 2022 gives a working
      definition ("an approach to research where researchers and people outside academia
      co-produce research together",
      https://blogs.bath.ac.uk/publicengagement/2022/02/16/introducing-participatoryresearchbath/).
      The report still recommends "a clear definition of what participatory research means for
      Bath" (2.1), so nothing higher is credited.
    - Training, emerging only from 5 July 2022: the Young Foundation's peer-research session
      for Bath's research community was advertised for that day
      (https://blogs.bath.ac.uk/publicengagement/2022/06/24/are-universities-inhibiting-the-participatory-research-process/),
      after the report's date, so it does not count on 1 July 2022.
    Everything else is what the report *recommends* Bath set up, so none of it is credited.
    """
    return University(
        "University of Bath",
        [
            Evidence(
                "engagement_staff_project_funded",
                "2022-02-01",
                note="Public Engagement Unit leads ParticipatoryResearch@Bath",
            ),
            Evidence("working_definition", "2022-02-16", note="project launch blog post"),
            Evidence("ad_hoc_training", "2022-07-05", note="Young Foundation session"),
        ],
    )


def test_bath_before_acting_is_mostly_absent_with_next_steps():
    """By hand: seven recommendations have no evidence in force on 1 July 2022 (ABSENT, a
    WARNING each); "Define your terms" and the central team have their emerging evidence only
    (EMERGING, ADVICE). The central team's next step is the established criterion, core
    funding (section 5.2, Imperial: "Need to properly fund central PE team"); the definition's
    is an agreed, published definition and guidance on research versus involvement (2.1).
    Training becomes emerging once the 5 July session has happened."""
    profile = assess_readiness(bath_2022(), as_at=BEFORE_ACTING)
    assert profile.count(Maturity.ABSENT) == 7
    assert profile.count(Maturity.EMERGING) == 2
    assert profile.level(Recommendation.CENTRAL_TEAM) is Maturity.EMERGING
    assert profile.level(Recommendation.TRAINING_AND_SUPPORT) is Maturity.ABSENT
    assert len(profile.at_least(Severity.WARNING)) == 7
    [team] = profile.by_rule("READY-CENTRAL-TEAM")
    assert team.severity is Severity.ADVICE
    assert team.actions == ("readiness.step.central_team_core_funded",)
    assert any("5.2" in (c.pinpoint or "") for c in team.citations)
    [terms] = profile.by_rule("READY-DEFINE-TERMS")
    assert terms.actions == (
        "readiness.step.definition_agreed",
        "readiness.step.research_or_involvement_guidance",
    )
    [money] = profile.by_rule("READY-SEED-FUND")
    assert sentence(money, locale="en_GB") == (
        "Fund it (report section 2.3): nothing in place yet. First steps: find money case by "
        "case to pay people for early conversations and for helping develop applications."
    )
    later = assess_readiness(bath_2022(), as_at=dt.date(2022, 7, 5))
    assert later.level(Recommendation.TRAINING_AND_SUPPORT) is Maturity.EMERGING


def test_bath_after_a_seed_fund_and_liaison_officer():
    """Suppose Bath then follows 2.3 and 2.4 (hypothetical dates). A seed fund needs the
    emerging step first (paying for early conversations case by case) to count; a liaison
    officer needs a named engagement contact. With both pairs from 2023, both recommendations
    are ESTABLISHED in 2024, and each next step is the embedded criterion."""
    university = University(
        "University of Bath",
        [
            *bath_2022().evidence,
            Evidence("ad_hoc_early_funding", "2022-10-01"),
            Evidence("seed_fund", "2023-04-01"),
            Evidence("named_engagement_contact", "2022-09-01"),
            Evidence("community_liaison_officers", "2023-09-01"),
        ],
    )
    profile = assess_readiness(university, as_at=dt.date(2024, 1, 1))
    assert profile.level(Recommendation.FUND_IT) is Maturity.ESTABLISHED
    assert profile.level(Recommendation.KEY_PEOPLE) is Maturity.ESTABLISHED
    [people] = profile.by_rule("READY-KEY-PEOPLE")
    assert people.actions == ("readiness.step.liaison_activity_budget",)
    assert profile.count(Maturity.ABSENT) == 4  # terms, training, team emerging
