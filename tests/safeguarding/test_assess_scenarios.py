"""Safeguarding cases from Jopson (2022), Participatory Research benchmarking report."""

from participatory.core.explain import Severity
from participatory.evaluation import EvaluationPlan, PlannedOutput, assess_evaluation
from participatory.render.text import sentence
from participatory.roles import Group, OrganisationKind, PartnerOrganisation
from participatory.safeguarding import (
    Measure,
    PersonalNote,
    SafeguardingProfile,
    assess_safeguarding,
)

HEART_N_SOUL = PartnerOrganisation(
    "heart-n-soul",
    "Heart n Soul",
    OrganisationKind.ARTS_ORGANISATION,
    expertise={"learning_disabilities", "autism"},
)

#: What section 5.3 says Heart n Soul did: "a check in each morning ... and again at the end of
#: the day"; "someone on hand who could have a quiet conversation in a separate area" (a quiet
#: space and a one-to-one person); "information and other organisations they could signpost
#: to"; taxis, "a surprisingly large part of the budget".
REPORTED_MEASURES = {
    "check_ins",
    "quiet_space",
    "one_to_one_person",
    "signposting",
    "accessible_transport",
}


def test_heart_n_soul_reported_measures_leave_no_reported_measure_missing():
    """Heart n Soul at the Wellcome Collection Hub (report 5.3).

    Groups: people with learning disabilities and autism ("works with people with learning
    disabilities and autism as equal partners"). Intensity HIGH: "the research went to the
    core of participants' experience ... had the potential to be triggering".

    Expected measures, by hand from data/safeguarding.toml: partner (LD, autism), signposting
    (LD; high), check-ins (LD, autism; high), quiet space (LD, autism; high), one-to-one
    (LD; high), reflection (intensity >= moderate), coordinator training (any group), clear
    boundaries (any group), transport (LD), staff peer support (intensity high). Heart n Soul
    itself is the partner with the expertise. The report describes the five measures above, so
    none of those five, nor the partner, is missing. What remains are the measures the report
    recommends in general (2.5 reflection and boundaries, 5.8 coordinator training, 5.5 staff
    peer support) without saying whether Heart n Soul had them.
    """
    profile = SafeguardingProfile(
        groups={"learning_disabilities", "autism"},
        intensity="high",
        measures=REPORTED_MEASURES,
        partners=[HEART_N_SOUL],
    )
    result = assess_safeguarding(profile)
    for rule in (
        "SAFE-CHECK-INS",
        "SAFE-QUIET-SPACE",
        "SAFE-ONE-TO-ONE",
        "SAFE-SIGNPOSTING",
        "SAFE-TRANSPORT",
        "SAFE-PARTNER-EXPERTISE",
    ):
        assert all(f.severity is Severity.MET for f in result.by_rule(rule)), rule
    assert result.missing == {
        Measure.REFLECTION,
        Measure.COORDINATOR_TRAINING,
        Measure.CLEAR_BOUNDARIES,
        Measure.STAFF_PEER_SUPPORT,
    }
    complete = SafeguardingProfile(
        groups=profile.groups,
        intensity=profile.intensity,
        measures=REPORTED_MEASURES
        | {"reflection", "coordinator_training", "clear_boundaries", "staff_peer_support"},
        partners=[HEART_N_SOUL],
    )
    full = assess_safeguarding(complete)
    assert full.missing == frozenset()
    assert full.at_least(Severity.ADVICE) == ()


def test_heart_n_soul_without_taxis_is_told_why_citing_section_5_3():
    """Drop the taxis: the transport expectation for learning disabilities is a WARNING whose
    citation is section 5.3 ("Taxis are less stressful than public transport")."""
    profile = SafeguardingProfile(
        groups={"learning_disabilities"},
        intensity="high",
        measures=REPORTED_MEASURES - {"accessible_transport"},
        partners=[HEART_N_SOUL],
    )
    [finding] = assess_safeguarding(profile).by_rule("SAFE-TRANSPORT")
    assert finding.severity is Severity.WARNING
    assert [c.short for c in finding.citations] == ["Bath report §5.3"]
    assert finding.citations[0].passage is not None
    assert finding.citations[0].passage.quote.startswith("A surprisingly large part")
    assert "taxis" in sentence(finding, locale="en_GB")


def test_whitworth_baby_loss_with_sands_has_the_partner_it_needs():
    """The Whitworth's work with parents who have experienced baby loss (report 5.1).

    "It's important to bring in third parties who can support with any sensitive issues ...
    E.g. they worked with the charity Sands on a project about baby loss." Bereavement needs a
    partner with expertise (WARNING if missing); Sands has it, so the partner finding is MET
    and no group is without a partner. Without Sands the same rule is a WARNING whose
    citations include section 5.1.
    """
    sands = PartnerOrganisation(
        "sands", "Sands", OrganisationKind.CHARITY, expertise={"bereavement"}
    )
    with_sands = assess_safeguarding(
        SafeguardingProfile(groups={"bereavement"}, intensity="high", partners=[sands])
    )
    [met] = with_sands.by_rule("SAFE-PARTNER-EXPERTISE")
    assert met.severity is Severity.MET
    assert met.values["partners"] == ("Sands",)
    assert with_sands.groups_without_partner == frozenset()

    alone = assess_safeguarding(SafeguardingProfile(groups={"bereavement"}, intensity="high"))
    [missing] = alone.by_rule("SAFE-PARTNER-EXPERTISE")
    assert missing.severity is Severity.WARNING
    assert any("5.1" in (c.pinpoint or "") for c in missing.citations)
    assert alone.groups_without_partner == {Group.BEREAVEMENT}


def test_whitworth_older_men_project_with_a_bereaved_parent_is_a_sensitive_finding():
    """A project with men over 75 (report 5.1) learns one participant is recently bereaved.

    The project profile lists older people only; the person's note (sensitive) adds
    bereavement, which calls for a partner with that expertise, signposting and a one-to-one
    person. The finding about the person is sensitive: its values never leave by default.
    """
    profile = SafeguardingProfile(
        groups={"older_people"},
        intensity="low",
        measures={"accessible_transport", "coordinator_training", "clear_boundaries"},
        partners=[
            PartnerOrganisation(
                "age-friendly-partner",
                "Age-friendly partner",
                OrganisationKind.CHARITY,
                expertise={"older_people"},
            )
        ],
    )
    result = assess_safeguarding(profile, [PersonalNote("w-12", groups={"bereavement"})])
    [person] = result.by_rule("SAFE-PERSON-NEEDS")
    assert person.sensitive
    assert person.subject == "w-12"
    assert person.values["measures"] == (
        "partner organisation with expertise in working with the group",
        "signposting information (other information and organisations who can support)",
        "person on hand for a one-to-one conversation",
    )


def test_science_gallery_young_offenders():
    """Science Gallery London's work with young offenders on drugs policy for *Hooked* (5.4).

    Safeguarding: groups young people and people in institutions, intensity moderate
    (addiction). By hand: partner for people in institutions (WARNING) and for young people
    (ADVICE), a DBS check decision for work with under-18s (WARNING, marked as advice outside
    the report and cited to the DBS), coordinator training and boundaries (any group),
    signposting and reflection (moderate).

    Evaluation: "they couldn't visit the resulting exhibition and see their work in a public
    context, which the SGL team felt uneasy about" - an exhibition not reachable by all
    contributors, with no other way in planned, is a WARNING citing 5.4.
    """
    result = assess_safeguarding(
        SafeguardingProfile(groups={"young_people", "people_in_institutions"}, intensity="moderate")
    )
    severities = {f.subject: f.severity for f in result.by_rule("SAFE-PARTNER-EXPERTISE")}
    assert severities == {
        "young_people": Severity.ADVICE,
        "people_in_institutions": Severity.WARNING,
    }
    assert result.missing == {
        Measure.PARTNER_WITH_EXPERTISE,
        Measure.DBS_CHECKS,
        Measure.COORDINATOR_TRAINING,
        Measure.CLEAR_BOUNDARIES,
        Measure.SIGNPOSTING,
        Measure.REFLECTION,
    }
    [dbs] = result.by_rule("SAFE-DBS")
    assert dbs.citations[0].key == "dbs_children_charity"

    hooked = PlannedOutput("exhibition", "Hooked", reachable_by_all_contributors=False)
    [out_of_reach] = assess_evaluation(EvaluationPlan(outputs=[hooked])).by_rule(
        "EVAL-OUTPUT-OUT-OF-REACH"
    )
    assert out_of_reach.severity is Severity.WARNING
    assert any("5.4" in (c.pinpoint or "") for c in out_of_reach.citations)
    brought_in = PlannedOutput(
        "exhibition",
        "Hooked",
        reachable_by_all_contributors=False,
        alternative_access="a private showing inside the institution",
    )
    [met] = assess_evaluation(EvaluationPlan(outputs=[brought_in])).by_rule(
        "EVAL-OUTPUT-OUT-OF-REACH"
    )
    assert met.severity is Severity.MET
