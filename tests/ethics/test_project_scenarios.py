""":mod:`participatory.ethics.project`: scenarios.

The report's own cases (Jopson 2022, ParticipatoryResearch@Bath), worked by hand.

Only the facts the report gives are set; everything else stays unknown, because the
triage must never assume the convenient answer. Where the report leaves the deciding
fact open, the expected result is a referral that names it.

Scenarios from the guidance the triage implements, each worked by hand.

Sources (all in src/participatory/data/ethics_guidance.toml, verified flags there):
- NRES/INVOLVE joint guidance as summarised by INVOLVE (involve_nres_statement);
- HRA "Is my study research?" tool: research if ANY of its three questions is yes
  (criterion verified in the BHT trust tool and NRES 2008, wording paraphrased);
- Defining Research table rows (question / standard / REC review), via BSUH and HRB;
- Research Involvement and Engagement 2024 and Doria et al. 2018 (focus groups vs
  discussion groups).
"""

import datetime as dt

from participatory.core.explain import Severity
from participatory.core.serialise import unstructure
from participatory.ethics import (
    Action,
    Activity,
    Capacity,
    EthicsProject,
    Fact,
    MissingFact,
    Party,
    Setting,
    Task,
    TriageOutcome,
    assess_activity,
    assess_ethics,
)
from participatory.render.text import sentence

ON = dt.date(2026, 11, 25)


def young_offenders_project(own_experiences_analysed):
    # Report (Jen Wong, Science Gallery London): "They worked with young offenders on a
    # project about drugs policy for the SGL's debut exhibition about addiction, Hooked",
    # with "people who are institutionalised" who could not visit the exhibition.
    makers = Party(
        "young offenders",
        Capacity.PUBLIC_CONTRIBUTOR,
        tasks={Task.CO_DESIGN, Task.PROVIDE_OWN_DATA},
        # Institutionalised: vulnerable. "Young offenders" may be 15 to 21: age unknown.
        facts={"vulnerable": True, "own_data_analysed": own_experiences_analysed},
        people={"yo1", "yo2"},
        notes="SENTINEL-drug-use-history",
    )
    making = Activity("making-the-work", parties=[makers], setting=Setting.SECURE_SETTING)
    visitors = Party(
        "exhibition visitors", Capacity.EVENT_AUDIENCE, tasks={Task.ATTEND_EVENT},
        facts={"own_data_analysed": False, "vulnerable": False, "under_18": False},
    )  # fmt: skip
    exhibition = Activity("hooked-exhibition", parties=[visitors], setting=Setting.MUSEUM_GALLERY)
    return EthicsProject("hooked", activities=[making, exhibition])


def test_young_offenders_exhibition_is_involvement_and_engagement_with_safeguarding():
    """NIHR: engagement is where information about research is provided and disseminated;
    co-designing the work is involvement; Jopson 2022 sec. 2.5: with vulnerable groups,
    consider safeguarding.

    By hand, if their own experiences are NOT analysed: making the work -> INVOLVEMENT, with
    a safeguarding WARNING (vulnerable = yes) marked sensitive; the exhibition -> ENGAGEMENT
    for visitors. Nobody needs review.
    """
    summary = assess_ethics(young_offenders_project(False), as_at=ON)
    making = summary.classification("making-the-work")
    assert making.outcome is TriageOutcome.INVOLVEMENT
    (safeguarding,) = making.by_rule("ETH-SAFEGUARDING")
    assert safeguarding.severity is Severity.WARNING
    assert safeguarding.sensitive
    assert Action.SAFEGUARDING in making.actions
    assert summary.classification("hooked-exhibition").outcome is TriageOutcome.ENGAGEMENT
    assert (
        summary.counts[TriageOutcome.INVOLVEMENT] == summary.counts[TriageOutcome.ENGAGEMENT] == 1
    )
    assert summary.needing_review == summary.referred == ()


def test_young_offenders_own_experiences_analysed_or_unknown_are_referred():
    """By hand: if their own experiences ARE analysed they are participants; the report
    answers none of the HRA questions -> REFER naming them. As reported (not said whether
    analysed) -> REFER naming own_data_analysed, with if-yes = refer (HRA questions still
    open) and if-no = involvement."""
    analysed = assess_ethics(young_offenders_project(True), as_at=ON)
    making = analysed.classification("making-the-work")
    assert making.outcome is TriageOutcome.REFER
    assert Fact.GENERALISABLE in {m.fact for m in making.deciding_facts}
    assert analysed.referred == ("making-the-work",)

    as_reported = assess_activity(young_offenders_project(None).activities[0], as_at=ON)
    assert as_reported.outcome is TriageOutcome.REFER
    assert as_reported.deciding_facts == (MissingFact(Fact.OWN_DATA_ANALYSED, "young offenders"),)
    (refer,) = as_reported.by_rule("ETH-REFER-UNKNOWN-FACT")
    assert refer.values["if_no"] == TriageOutcome.INVOLVEMENT.label
    assert refer.values["if_yes"] == TriageOutcome.REFER.label


def test_safeguarding_facts_and_notes_never_leak():
    """Safeguarding answers and notes are special-category: not in repr, errors or default
    serialisation; the safeguarding finding's values are withheld by default."""
    project = young_offenders_project(False)
    party = project.activities[0].parties[0]
    for text in (repr(party), str(party), repr(project), str(unstructure(project))):
        assert "SENTINEL" not in text
        assert "vulnerable" not in text
    summary = assess_ethics(project, as_at=ON)
    (finding,) = summary.by_rule("ETH-SAFEGUARDING")
    assert unstructure(finding)["values"] is None
    assert "young offenders" not in sentence(finding, locale="en_GB", include_sensitive=False)


def test_jo_stubbs_grey_area_partners_used_as_interviewees():
    """Report sec. 5.8 (Jo Stubbs): "are you actually using your partners as
    interviewees/research subjects ... (and therefore should obtain ethics approval for
    their involvement)? This is a grey area". Oxford MSD: contributors should not usually
    also be participants.

    By hand: partner p1 co-designs (involved) and is interviewed with answers analysed in a
    study designed to give transferable findings -> the interviews are RESEARCH; p1 is both a
    contributor and a participant -> ETH-ROLE-OVERLAP warning with the separate-roles action.
    Partner p2 is interviewed but nobody has said whether the answers are analysed -> p2 may
    be both -> ETH-POSSIBLE-ROLE-OVERLAP, and that interview is referred.
    """
    design = Activity(
        "co-design",
        parties=[
            Party("partners", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.CO_DESIGN},
                  facts={"own_data_analysed": False}, people={"p1", "p2"})
        ],
    )  # fmt: skip
    interview_p1 = Activity(
        "interview-p1",
        parties=[
            Party("partner interviewee", Capacity.PUBLIC_CONTRIBUTOR,
                  tasks={Task.PROVIDE_OWN_DATA}, facts={"own_data_analysed": True},
                  people={"p1"})
        ],
        facts={"generalisable": True},
    )  # fmt: skip
    interview_p2 = Activity(
        "interview-p2",
        parties=[
            Party("partner interviewee", Capacity.PUBLIC_CONTRIBUTOR,
                  tasks={Task.PROVIDE_OWN_DATA}, people={"p2"})
        ],
        facts={"generalisable": True},
    )  # fmt: skip
    summary = assess_ethics(
        EthicsProject("partners", activities=[design, interview_p1, interview_p2]), as_at=ON
    )
    assert summary.needing_review == ("interview-p1",)
    assert summary.referred == ("interview-p2",)
    assert summary.contributor_and_participant == ("p1",)
    assert summary.possibly_contributor_and_participant == ("p2",)
    (overlap,) = summary.by_rule("ETH-ROLE-OVERLAP")
    assert overlap.actions == (Action.SEPARATE_ROLES.value,)
    assert summary.by_rule("ETH-POSSIBLE-ROLE-OVERLAP")[0].subject == "p2"


NOT_VULNERABLE = {"vulnerable": False, "under_18": False}


def test_advisory_group_asked_to_complete_a_health_questionnaire():
    """Oxford MSD (verified): for most research PPI contributors should not also be
    participants. Domain brief example: an advisory group asked to complete a questionnaire
    about their own health. By hand: activity 1 (advise, not analysed) -> INVOLVEMENT;
    activity 2 (their own health data analysed, study generalisable) -> RESEARCH; the three
    people are contributors AND participants -> three ETH-ROLE-OVERLAP warnings.
    """
    people = {"ana", "ben", "cai"}
    advice = Activity(
        "advisory-meetings",
        parties=[
            Party(
                "advisory group",
                Capacity.PUBLIC_CONTRIBUTOR,
                tasks={Task.ADVISE},
                facts={"own_data_analysed": False, **NOT_VULNERABLE},
                people=people,
            )
        ],
    )
    questionnaire = Activity(
        "health-questionnaire",
        parties=[
            Party(
                "advisory group",
                Capacity.PUBLIC_CONTRIBUTOR,
                tasks={Task.PROVIDE_OWN_DATA},
                facts={"own_data_analysed": True, **NOT_VULNERABLE},
                people=people,
            )
        ],
        facts={"generalisable": True},
    )
    summary = assess_ethics(EthicsProject("study", activities=[advice, questionnaire]), as_at=ON)
    assert summary.classification("advisory-meetings").outcome is TriageOutcome.INVOLVEMENT
    assert summary.classification("health-questionnaire").outcome is TriageOutcome.RESEARCH
    assert summary.counts[TriageOutcome.INVOLVEMENT] == 1
    assert summary.counts[TriageOutcome.RESEARCH] == 1
    assert summary.needing_review == ("health-questionnaire",)
    assert summary.contributor_and_participant == ("ana", "ben", "cai")
    overlap = summary.by_rule("ETH-ROLE-OVERLAP")
    assert len(overlap) == 3
    assert sentence(overlap[0], locale="en_GB") == (
        # The person's label opens the sentence, so it starts with a capital letter.
        "Ana is a contributor in advisory-meetings and a research participant in "
        "health-questionnaire; for most research, contributors should not also be "
        "participants in the same study."
    )
