"""How the ethics findings read, in English and Welsh: the sentences an outside checker flagged.

Three faults, each worked by hand below from the template and the label the caller gave:

- a caller's own label (a group, a person) opening a sentence kept its lowercase first
  letter ("ana is a contributor in ...");
- a singular label took a plural verb ("young carers' advisory group include people ...");
  the templates now make the verb agree with a noun they control ('the group "..."
  includes', 'the people in the group "..." take part'), whatever the label's number;
- the local-authority route told a service evaluation that "the local authority's research
  governance applies to research it takes part in", the only thing its one source
  (sheffield_social_care_governance#local_authority: "Local Authorities with social care
  responsibilities are required to have a research governance framework in place for any
  research they are involved with") says; for an activity that is not research the finding
  now says the source speaks of research only, and why the route is still shown.

No decision changes: the same findings, severities and routes (the outside cases check them).
The Welsh sentences are the entries of ``notes/cy-pending/wording.po`` until merged into the
catalogue.
"""

import datetime as dt
import re

from participatory.core.explain import Finding, Severity
from participatory.ethics import (
    Activity,
    Capacity,
    EthicsProject,
    Nation,
    Party,
    Requirement,
    ReviewBody,
    Task,
    TriageOutcome,
    assess_activity,
    assess_ethics,
)
from participatory.ethics.messages import MESSAGES
from participatory.render.text import sentence

ON = dt.date(2026, 12, 6)
E = Nation.ENGLAND
NOT_VULNERABLE = {"vulnerable": False, "under_18": False}
#: Every fact that chooses a route answered no.
ORDINARY = dict.fromkeys(
    ["nhs_patients", "nhs_staff", "adult_social_care_users", "childrens_social_care_users",
     "may_lack_capacity", "in_custody_or_on_probation", "vulnerable", "under_18"],
    False,
)  # fmt: skip


def _both(finding):
    return (
        sentence(finding, locale="en_GB", include_sensitive=True),
        sentence(finding, locale="cy", include_sensitive=True),
    )


# -- a caller's label opening a sentence -------------------------------------------------------


def _overlap_project():
    """Ana advises in one activity and answers a questionnaire analysed as data in another."""
    advice = Activity("advisory-meetings", parties=[
        Party("advisory group", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.ADVISE},
              facts={"own_data_analysed": False, **NOT_VULNERABLE}, people={"ana"}),
    ])  # fmt: skip
    questionnaire = Activity("health-questionnaire", facts={"generalisable": True}, parties=[
        Party("advisory group", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.PROVIDE_OWN_DATA},
              facts={"own_data_analysed": True, **NOT_VULNERABLE}, people={"ana"}),
    ])  # fmt: skip
    return assess_ethics(EthicsProject("study", activities=[advice, questionnaire]), as_at=ON)


def test_a_persons_label_opening_the_english_sentence_starts_with_a_capital():
    """Template "{person} is a contributor in {contributor_in} and a research participant in
    {participant_in}; ..." with person "ana": the sentence opens with the label, so "Ana";
    the activity ids later in the sentence stay as given."""
    (overlap,) = _overlap_project().by_rule("ETH-ROLE-OVERLAP")
    english, welsh = _both(overlap)
    assert english == (
        "Ana is a contributor in advisory-meetings and a research participant in "
        "health-questionnaire; for most research, contributors should not also be "
        "participants in the same study."
    )
    # Welsh opens with the verb ("Mae {person} yn gyfrannwr ..."): the label is mid-sentence
    # there and is shown as given.
    assert welsh.startswith("Mae ana yn gyfrannwr yn advisory-meetings")


def test_only_the_first_character_of_an_opening_label_changes_in_either_language():
    """roles.community.single_voice opens with {party} in English ("{party} is the only
    person ...") and in Welsh ("{party} yw'r unig berson ..."): "dr. ana mcKay" becomes
    "Dr. ana mcKay"; the community's name, mid-sentence, stays lowercase."""
    finding = Finding("ROLE-SINGLE-VOICE", Severity.ADVICE, "roles.community.single_voice",
                      {"party": "dr. ana mcKay", "community": "young carers"})  # fmt: skip
    english, welsh = _both(finding)
    assert english.startswith('Dr. ana mcKay is the only person from the community "young carers"')
    assert welsh.startswith("Dr. ana mcKay yw'r unig berson o'r gymuned \"young carers\"")


def test_a_label_after_a_full_stop_opens_a_sentence_too():
    """evaluation.capture_missing: "The evaluation does not capture {capture}. {reason}";
    Welsh "Nid yw'r gwerthusiad yn cofnodi {capture}. {reason}". A reason the caller wrote
    in lowercase opens the second sentence; the capture, mid-sentence, stays as given."""
    finding = Finding("EVAL-CAPTURE", Severity.ADVICE, "evaluation.capture_missing",
                      {"capture": "reach", "reason": "nobody asked the groups."})  # fmt: skip
    english, welsh = _both(finding)
    assert english == "The evaluation does not capture reach. Nobody asked the groups."
    assert welsh == "Nid yw'r gwerthusiad yn cofnodi reach. Nobody asked the groups."


def test_a_value_right_after_another_value_does_not_open_a_sentence():
    """payments.fee_line: "{label}: {units} {unit} at {rate} per {unit_one} = ..." (Welsh
    "{label}: {units} {unit} ar {rate} am bob {unit_one} = ..."). The label opens the
    sentence; the unit, after the number and a space, is mid-sentence: "2 hours", never
    "2 Hours". (The units are the library's own words, in Welsh "awr".)"""
    finding = Finding("PAY-FEE-LINE", Severity.INFO, "payments.fee_line",
                      {"label": "workshop", "units": "2", "unit": "hours", "rate": "£25.00",
                       "unit_one": "hour", "amount": "£50.00",
                       "effective_from": "1 July 2022"})  # fmt: skip
    english, welsh = _both(finding)
    assert english == "Workshop: 2 hours at £25.00 per hour = £50.00 (rate from 1 July 2022)."
    assert welsh.startswith("Workshop: 2 awr ar £25.00 am bob awr = £50.00")


def test_a_first_letter_without_a_single_capital_is_left_as_it_is():
    """German "ß" has no one-letter capital ("SS"): the label is shown as given rather than
    lengthened, and a withheld value keeps its marker."""
    finding = Finding("ROLE-SINGLE-VOICE", Severity.ADVICE, "roles.community.single_voice",
                      {"party": "ßabine", "community": "c"})  # fmt: skip
    assert sentence(finding, locale="en_GB").startswith("ßabine is the only person")
    hidden = Finding("ROLE-SINGLE-VOICE", Severity.ADVICE, "roles.community.single_voice",
                     {"party": "sam", "community": "c"}, sensitive=True)  # fmt: skip
    assert sentence(hidden, locale="en_GB").startswith("<redacted> is the only person")


# -- a singular label: the verb agrees with a noun the template controls -----------------------


def _young_carers():
    """A young carers' advisory group (one group, a singular label) that plans the research;
    some members are under 18 and in vulnerable circumstances."""
    group = Party("young carers' advisory group", Capacity.PUBLIC_CONTRIBUTOR,
                  tasks={Task.ADVISE}, facts={"own_data_analysed": False, "vulnerable": True,
                                              "under_18": True})  # fmt: skip
    return assess_activity(Activity("study-design", parties=[group]), as_at=ON)


def test_a_singular_groups_label_takes_a_verb_that_agrees_in_english():
    """Before: "young carers' advisory group plan or advise ..." and "young carers' advisory
    group include people ...". The subject is now "the people in the group" (plural) or "the
    group" (singular), whatever the label's own number."""
    result = _young_carers()
    assert result.outcome is TriageOutcome.INVOLVEMENT
    (advisory,) = result.by_rule("ETH-INVOLVEMENT-ADVISORY")
    (safeguarding,) = result.by_rule("ETH-SAFEGUARDING")
    assert _both(advisory)[0] == (
        'The people in the group "young carers\' advisory group" plan or advise on the '
        "research as specialist advisers: this is public involvement, which needs no ethics "
        "approval itself."
    )
    assert _both(safeguarding)[0] == (
        'The group "young carers\' advisory group" includes people in vulnerable '
        "circumstances or under 18: plan safeguarding, support and clear boundaries."
    )
    for finding in result.findings:
        text = sentence(finding, locale="en_GB", include_sensitive=True)
        # The bare label as the subject of a plural verb, as before.
        assert not re.search(r"advisory group (include|plan|are|take|help)\b", text), text


def test_a_singular_groups_label_reads_correctly_in_welsh():
    """Welsh names the group the same way: 'y grŵp "..."' ("Mae'r grŵp ... yn cynnwys"), and
    "y bobl yn y grŵp" where the sentence is about its members."""
    result = _young_carers()
    (advisory,) = result.by_rule("ETH-INVOLVEMENT-ADVISORY")
    (safeguarding,) = result.by_rule("ETH-SAFEGUARDING")
    assert _both(advisory)[1] == (
        "Mae'r bobl yn y grŵp \"young carers' advisory group\" yn cynllunio'r ymchwil neu'n "
        "rhoi cyngor arni fel cynghorwyr arbenigol: cynnwys y cyhoedd yw hyn, ac nid oes angen "
        "cymeradwyaeth foesegol arno ynddo'i hun."
    )
    assert _both(safeguarding)[1] == (
        "Mae'r grŵp \"young carers' advisory group\" yn cynnwys pobl mewn amgylchiadau bregus "
        "neu o dan 18 oed: cynlluniwch ddiogelu, cymorth a ffiniau clir."
    )


def test_no_ethics_template_makes_a_callers_label_the_subject_of_its_verb():
    """Every ethics template names a group through a noun it controls: 'the group "{party}"'
    or a bracketed label after the question it belongs to ("({party})")."""
    for key, template in MESSAGES.items():
        for match in re.finditer(r"\{party\}", template):
            before = template[: match.start()]
            after = template[match.end() :]
            quoted = before.endswith('group "') and after.startswith('"')
            bracketed = before.endswith("(") and after.startswith(")")
            assert quoted or bracketed, key


# -- the local-authority route for an activity that is not research ---------------------------


def _home_care(**facts):
    users = Party("home care users", Capacity.SERVICE_USER, tasks={Task.PROVIDE_OWN_DATA},
                  facts={"own_data_analysed": True, "consent_planned": True,
                         **ORDINARY, "adult_social_care_users": True})  # fmt: skip
    return assess_activity(
        Activity("home-care", parties=[users], nations={E}, facts={
            "identifiable_patient_data": False, "prison_or_probation_setting": False,
            "approved_study_participants": False, "personal_data": True,
            "large_scale_special_category": False, **facts}),
        as_at=ON,
    )  # fmt: skip


#: A council judging its own home care service: no standard, nothing generalisable.
EVALUATION = {"randomised": False, "changes_usual_care": False, "generalisable": False,
              "judges_current_service": True, "measured_against_standard": False,
              "population_health": False}  # fmt: skip


def test_the_local_authority_route_tells_an_evaluation_its_source_speaks_of_research():
    """Service evaluation of home care in England (outside case 20e). The route and its
    severity stand (the local authority's governance, as advice, England); the sentence no
    longer says its research governance "applies to research it takes part in" as if that
    settled an evaluation."""
    result = _home_care(**EVALUATION)
    assert result.outcome is TriageOutcome.SERVICE_EVALUATION
    assert (ReviewBody.LOCAL_AUTHORITY, Requirement.ADVICE, (E,)) in {
        (r.body, r.requirement, r.nations) for r in result.routes
    }
    (finding,) = result.by_rule("ETH-ROUTE-LOCAL-AUTHORITY")
    assert finding.severity is Severity.ADVICE
    english, welsh = _both(finding)
    assert english == (
        "The activity is not research, but the people it looks at are identified through "
        "social care in England. The source this rests on (a university's guidance, not a "
        "primary source) says a local authority with social care responsibilities must have a "
        "research governance framework for any research it is involved with; it does not speak "
        "of audits or evaluations. So this is shown as advice: ask the local authority whether "
        "its governance covers this activity."
    )
    assert welsh.startswith("Nid yw'r gweithgaredd yn ymchwil, ond nodir y bobl")
    assert "nid yw'n sôn am archwiliadau na gwerthusiadau" in welsh


def test_the_local_authority_route_for_research_keeps_its_research_wording():
    """The same people interviewed for a generalisable study (outside case 19): research,
    so the source's words fit and the sentence is the one it was."""
    result = _home_care(generalisable=True, health_related=False)
    assert result.outcome is TriageOutcome.RESEARCH
    (finding,) = result.by_rule("ETH-ROUTE-LOCAL-AUTHORITY")
    assert finding.severity is Severity.ADVICE
    english, welsh = _both(finding)
    assert english == (
        "The people studied are identified through social care in England: the local "
        "authority's research governance applies to research it takes part in (read in a "
        "university's guidance, not at a primary source)."
    )
    assert welsh.startswith("Nodir y bobl a astudir drwy ofal cymdeithasol yn Lloegr")
