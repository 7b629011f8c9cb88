"""The report's own cases (Jopson 2022, ParticipatoryResearch@Bath), worked by hand.

Only the facts the report gives are set; everything else stays unknown, because the
triage must never assume the convenient answer. Where the report leaves the deciding
fact open, the expected result is a referral that names it.
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
    Outcome,
    Party,
    PartyStatus,
    Setting,
    Task,
    classify_activity,
    summarise_project,
)
from participatory.render.text import sentence

ON = dt.date(2026, 11, 25)


def classify(activity):
    result = classify_activity(activity, on=ON)
    for finding in result.findings:
        assert sentence(finding, locale="en_GB")
    return result


def smart_pillow(**workshop_facts):
    # Report (Imperial examples): "A series of public workshops to design and build a smart
    # pillow ... The workshops will address new research questions and will be used to
    # support future EPSRC grant applications." New research questions -> generalisable.
    members = Party(
        "workshop members", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.CO_DESIGN},
        facts=workshop_facts,
    )  # fmt: skip
    return Activity(
        "smart-pillow-workshops",
        parties=[members],
        facts={"generalisable": True},
        setting=Setting.UNIVERSITY,
    )


def test_smart_pillow_workshops_as_reported_are_referred_on_the_data_question():
    """The report does not say whether what members say or make in the workshops is
    recorded and analysed as data. Cambridge BRC: it depends on "what you do with the
    findings"; RIE 2024: collecting people's views as data is research.

    By hand: members' own data = unknown -> they may be participants. If yes: participants +
    generalisable -> research. If no: co-designers -> involvement. The answers differ, so
    REFER, naming own_data_analysed for "workshop members", with both branches stated.
    """
    result = classify(smart_pillow())
    assert result.outcome is Outcome.REFER
    assert result.deciding_facts == (MissingFact(Fact.OWN_DATA_ANALYSED, "workshop members"),)
    (refer,) = result.by_rule("ETH-REFER-UNKNOWN-FACT")
    assert refer.severity is Severity.REFER
    assert refer.values["if_yes"] == Outcome.RESEARCH.label
    assert refer.values["if_no"] == Outcome.INVOLVEMENT.label
    assert "workshop members" in sentence(refer, locale="en_GB")
    assert result.status_of("workshop members") is PartyStatus.POSSIBLE_PARTICIPANT
    assert result.actions[0] is Action.REFER_TO_COMMITTEE
    # Age and vulnerability are not in the report either: asked, not assumed.
    assert result.has("ETH-SAFEGUARDING-UNKNOWN")


def test_smart_pillow_workshops_once_the_data_question_is_answered():
    """By hand: answered no -> co-design involvement (ETH-INVOLVEMENT-ADVISORY); answered
    yes -> participants in a generalisable study -> research (ETH-DATA-ANALYSED,
    ETH-HRA-GENERALISABLE)."""
    assert classify(smart_pillow(own_data_analysed=False)).outcome is Outcome.INVOLVEMENT
    analysed = classify(smart_pillow(own_data_analysed=True))
    assert analysed.outcome is Outcome.RESEARCH
    assert analysed.has("ETH-DATA-ANALYSED")
    assert analysed.has("ETH-HRA-GENERALISABLE")


def test_river_sampling_citizen_scientists_are_involved_without_human_participant_review():
    """Report: citizen scientists "monitor British freshwater rivers for chemical
    contaminants"; the project builds "a network of citizen scientists who can continue
    ongoing sampling". The samples are water, not people; the volunteers' own data is not
    the subject.

    By hand: co-researchers collect and analyse data; data about people = no; their own data
    not analysed -> nobody is a human participant -> INVOLVEMENT (citizen science), no
    ethics application for the sampling; co-researcher training/support, role description,
    involvement log and payment actions. The co-research rule is only partly verified in
    the data (ARC KSS, Oxford MSD), so its citation says unverified.
    """
    scientists = Party(
        "citizen scientists",
        Capacity.CO_RESEARCHER,
        tasks={Task.COLLECT_DATA, Task.ANALYSE_DATA},
        facts={"own_data_analysed": False},
    )
    sampling = Activity(
        "river-sampling",
        parties=[scientists],
        facts={"data_about_people": False},
        setting=Setting.COMMUNITY,
    )
    result = classify(sampling)
    assert result.outcome is Outcome.INVOLVEMENT
    assert result.has("ETH-CO-RESEARCH-NON-HUMAN-DATA")
    assert result.has("ETH-INVOLVEMENT-CO-RESEARCH")
    assert Action.ETHICS_APPLICATION not in result.actions
    assert Action.CO_RESEARCHER_SUPPORT in result.actions
    (co_research,) = result.by_rule("ETH-INVOLVEMENT-CO-RESEARCH")
    assert [c.verified for c in co_research.citations] == [True, False, True]


def test_river_sampling_without_saying_what_is_sampled_is_referred():
    """By hand: the same activity with "data about people" unknown -> if yes the sampled
    people are participants (the HRA questions would then be unanswered -> refer); if no
    -> involvement. REFER naming data_about_people."""
    scientists = Party(
        "citizen scientists", Capacity.CO_RESEARCHER, tasks={Task.COLLECT_DATA},
        facts={"own_data_analysed": False},
    )  # fmt: skip
    result = classify(Activity("river-sampling", parties=[scientists]))
    assert result.outcome is Outcome.REFER
    assert result.deciding_facts == (MissingFact(Fact.DATA_ABOUT_PEOPLE),)


def kcl_interviews(**activity_facts):
    # Report (Virginia Elgar, KCL): young people "trained as co-researchers ... get trained
    # in research methods, write up findings, analyse data". The people they interview
    # give their own experiences, which are analysed.
    co_researchers = Party(
        "young co-researchers",
        Capacity.CO_RESEARCHER,
        tasks={Task.COLLECT_DATA, Task.ANALYSE_DATA, Task.DISSEMINATE},
        facts={"own_data_analysed": False},
        people={"yp1", "yp2"},
    )
    interviewees = Party(
        "interviewees",
        Capacity.RESEARCH_PARTICIPANT,
        tasks={Task.PROVIDE_OWN_DATA},
        facts={"own_data_analysed": True},
    )
    return Activity(
        "peer-interviews",
        parties=[co_researchers, interviewees],
        facts={"data_about_people": True, **activity_facts},
        setting=Setting.COMMUNITY,
    )


def test_kcl_co_researchers_are_involved_and_their_interviewees_are_participants():
    """Joint guidance (domain brief, partly verified via ARC KSS and Oxford MSD): when the
    public help conduct research, the study is reviewed because of its participants.

    By hand, with the report's facts only: co-researchers -> INVOLVED (own data not
    analysed); interviewees -> PARTICIPANT. Participants exist, so the HRA questions
    decide, and the report answers none of them -> REFER naming randomised, changes usual
    care and generalisable. Training/support for co-researchers is asked for either way.
    """
    result = classify(kcl_interviews())
    assert result.status_of("young co-researchers") is PartyStatus.INVOLVED
    assert result.status_of("interviewees") is PartyStatus.PARTICIPANT
    assert result.outcome is Outcome.REFER
    assert {m.fact for m in result.deciding_facts} == {
        Fact.RANDOMISED,
        Fact.CHANGES_USUAL_CARE,
        Fact.GENERALISABLE,
    }
    assert result.has("ETH-INVOLVEMENT-CO-RESEARCH")
    assert result.has("ETH-CO-RESEARCH-PARTICIPANTS")
    assert Action.CO_RESEARCHER_SUPPORT in result.actions


def test_kcl_interviews_designed_to_be_transferable_are_research():
    """By hand: the same, with findings meant to be transferable (written up for others)
    -> HRA question 3 yes -> RESEARCH: ethics application for the interviews, consent for
    the interviewees, and the co-researchers still involved, not participants."""
    result = classify(kcl_interviews(generalisable=True))
    assert result.outcome is Outcome.RESEARCH
    assert result.status_of("young co-researchers") is PartyStatus.INVOLVED
    assert {Action.ETHICS_APPLICATION, Action.CONSENT_AND_INFORMATION,
            Action.CO_RESEARCHER_SUPPORT} <= set(result.actions)  # fmt: skip


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
    summary = summarise_project(young_offenders_project(False), on=ON)
    making = summary.classification("making-the-work")
    assert making.outcome is Outcome.INVOLVEMENT
    (safeguarding,) = making.by_rule("ETH-SAFEGUARDING")
    assert safeguarding.severity is Severity.WARNING
    assert safeguarding.sensitive
    assert Action.SAFEGUARDING in making.actions
    assert summary.classification("hooked-exhibition").outcome is Outcome.ENGAGEMENT
    assert summary.counts[Outcome.INVOLVEMENT] == summary.counts[Outcome.ENGAGEMENT] == 1
    assert summary.needing_review == summary.referred == ()


def test_young_offenders_own_experiences_analysed_or_unknown_are_referred():
    """By hand: if their own experiences ARE analysed they are participants; the report
    answers none of the HRA questions -> REFER naming them. As reported (not said whether
    analysed) -> REFER naming own_data_analysed, with if-yes = refer (HRA questions still
    open) and if-no = involvement."""
    analysed = summarise_project(young_offenders_project(True), on=ON)
    making = analysed.classification("making-the-work")
    assert making.outcome is Outcome.REFER
    assert Fact.GENERALISABLE in {m.fact for m in making.deciding_facts}
    assert analysed.referred == ("making-the-work",)

    as_reported = classify_activity(young_offenders_project(None).activities[0], on=ON)
    assert as_reported.outcome is Outcome.REFER
    assert as_reported.deciding_facts == (MissingFact(Fact.OWN_DATA_ANALYSED, "young offenders"),)
    (refer,) = as_reported.by_rule("ETH-REFER-UNKNOWN-FACT")
    assert refer.values["if_no"] == Outcome.INVOLVEMENT.label
    assert refer.values["if_yes"] == Outcome.REFER.label


def test_safeguarding_facts_and_notes_never_leak():
    """Safeguarding answers and notes are special-category: not in repr, errors or default
    serialisation; the safeguarding finding's values are withheld by default."""
    project = young_offenders_project(False)
    party = project.activities[0].parties[0]
    for text in (repr(party), str(party), repr(project), str(unstructure(project))):
        assert "SENTINEL" not in text
        assert "vulnerable" not in text
    summary = summarise_project(project, on=ON)
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
    summary = summarise_project(
        EthicsProject("partners", activities=[design, interview_p1, interview_p2]), on=ON
    )
    assert summary.needing_review == ("interview-p1",)
    assert summary.referred == ("interview-p2",)
    assert summary.contributor_and_participant == ("p1",)
    assert summary.possibly_contributor_and_participant == ("p2",)
    (overlap,) = summary.by_rule("ETH-ROLE-OVERLAP")
    assert overlap.actions == (Action.SEPARATE_ROLES.value,)
    assert summary.by_rule("ETH-POSSIBLE-ROLE-OVERLAP")[0].subject == "p2"
