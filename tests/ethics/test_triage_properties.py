""":mod:`participatory.ethics.triage`: property tests.

Invariants of the ethics triage, over activities with every mix of yes / no / unknown.
"""

import datetime as dt

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from participatory.core.errors import ValidationError
from participatory.core.explain import Severity
from participatory.ethics import (
    Activity,
    Answer,
    Fact,
    TriageOutcome,
    assess_activity,
)
from participatory.render.text import sentence
from participatory.testing import ethics as es

ON = dt.date(2026, 11, 25)


def outcome(activity):
    return assess_activity(activity, as_at=ON).outcome


def _facts_of(activity):
    yield from ((None, f) for f in es.ACTIVITY_FACTS)
    for party in activity.parties:
        yield from ((party.label, f) for f in es.PARTY_FACTS)


def _with(activity, where, fact, answer):
    """The activity with one answer changed, or None when the models refuse the answer."""
    try:
        if where is None:
            return activity.with_answer(fact, answer)
        return activity.with_party_answer(where, fact, answer)
    except ValidationError:
        return None


@given(es.involvement_activities(), st.data())
def test_data_analysed_never_lowers_the_need_for_review_of_involvement(activity, data):
    before = outcome(activity)
    label = data.draw(st.sampled_from([p.label for p in activity.parties]))
    changed = _with(activity, label, Fact.OWN_DATA_ANALYSED, Answer.YES)
    assume(changed is not None)
    after = outcome(changed)
    if before in (TriageOutcome.INVOLVEMENT, TriageOutcome.ENGAGEMENT):
        # Once a group's own data is analysed someone is a participant: never no review.
        assert after.review_rank > before.review_rank
    assert after.review_rank >= before.review_rank or before is TriageOutcome.REFER


@given(es.activities(), st.data())
def test_data_analysed_never_lowers_the_need_for_review_unless_it_resolves_a_referral(
    activity, data
):
    label = data.draw(st.sampled_from([p.label for p in activity.parties]))
    before = outcome(activity)
    changed = _with(activity, label, Fact.OWN_DATA_ANALYSED, Answer.YES)
    assume(changed is not None)
    after = outcome(changed)
    # A referral may be resolved by a new answer; nothing else may become less cautious.
    assert after.review_rank >= before.review_rank or before is TriageOutcome.REFER


@given(es.activities(), st.randoms(use_true_random=False))
def test_outcome_and_findings_never_depend_on_the_order_facts_or_groups_are_given(activity, rnd):
    pairs = list(activity.facts.answers + activity.facts.safeguarding)
    rnd.shuffle(pairs)
    parties = []
    for party in activity.parties:
        party_pairs = list(party.facts.answers + party.facts.safeguarding)
        rnd.shuffle(party_pairs)
        # Given as an iterable of pairs, with unknowns spelt out for some facts.
        party_pairs += [(f.value, None) for f in es.PARTY_FACTS if f not in party.facts.facts()]
        rnd.shuffle(party_pairs)
        parties.append(attrs.evolve(party, facts=party_pairs))
    rnd.shuffle(parties)
    nations = list(activity.nations)
    rnd.shuffle(nations)
    reordered = Activity(activity.id, parties=parties, facts=iter(pairs), setting=activity.setting,
                         nations=nations, approval=activity.approval)  # fmt: skip
    original = assess_activity(activity, as_at=ON)
    again = assess_activity(reordered, as_at=ON)
    assert again.outcome is original.outcome
    assert again.findings == original.findings
    assert again.deciding_facts == original.deciding_facts
    assert again.routes == original.routes
    assert again.open_questions == original.open_questions


@given(es.activities(), st.data())
def test_unknown_is_never_less_cautious_than_yes_or_no(activity, data):
    where, fact = data.draw(st.sampled_from(list(_facts_of(activity))))
    changed = {a: _with(activity, where, fact, a) for a in (Answer.YES, Answer.NO, Answer.UNKNOWN)}
    assume(all(c is not None for c in changed.values()))
    results = {a: outcome(c) for a, c in changed.items()}
    unknown = results[Answer.UNKNOWN]
    worst_known = max(results[Answer.YES].review_rank, results[Answer.NO].review_rank)
    assert unknown is TriageOutcome.REFER or unknown.review_rank >= worst_known
    if results[Answer.YES] is not results[Answer.NO]:
        # When the answer matters, an unknown answer is never silently decided.
        assert unknown is TriageOutcome.REFER or unknown in (
            results[Answer.YES],
            results[Answer.NO],
        )


@given(es.activities())
def test_refer_outcomes_name_the_deciding_facts_and_other_outcomes_none(activity):
    result = assess_activity(activity, as_at=ON)
    referrals = result.by_rule("ETH-REFER-UNKNOWN-FACT")
    if result.outcome is TriageOutcome.REFER:
        assert result.worst is Severity.REFER
        # Only an open question refers a case now: a non-research kind is settled locally.
        assert result.deciding_facts
        assert len(referrals) == len(result.deciding_facts)
        for missing in result.deciding_facts:
            target = activity if missing.party is None else activity.party(missing.party)
            assert target.answer(missing.fact) is Answer.UNKNOWN
        assert not result.routes
    else:
        assert not result.deciding_facts
        # A settled case refers nothing, except a route the guidance read does not settle.
        assert all(f.rule_id.startswith("ETH-ROUTE-") for f in result.at_least(Severity.REFER))


@given(es.activities())
def test_every_finding_renders_and_cites_bundled_guidance(activity):
    from participatory.ethics import bundled_guidance

    guidance = bundled_guidance()
    known = {c.key for cited in guidance.citations.values() for c in cited}
    known |= {c.key for point in guidance.boundary.values() for c in point.citations}
    known |= {row.citation.key for row in guidance.defining_research.values()}
    known |= {c.key for q in guidance.hra_questions for c in q.citations}
    known |= {c.key for c in (*guidance.any_yes_citations, guidance.other_approvals_citation)}
    known |= {c.key for cited in guidance.route_citations.values() for c in cited}
    known |= {c.key for c in guidance.routes_from_citations}
    for finding in assess_activity(activity, as_at=ON).findings:
        assert sentence(finding, locale="en_GB")
        assert finding.citations
        assert {c.key for c in finding.citations} <= known
        assert finding.rule_id.startswith("ETH-")


@given(es.staff_activities(), st.data())
def test_staff_only_activities_are_triaged_and_an_unknown_stays_cautious(activity, data):
    """Issue 20: an audit of records with no public group is triaged, and the same
    caution holds: an unknown answer is never less cautious than yes or no."""
    where, fact = data.draw(st.sampled_from(list(_facts_of(activity))))
    changed = {a: _with(activity, where, fact, a) for a in (Answer.YES, Answer.NO, Answer.UNKNOWN)}
    assume(all(c is not None for c in changed.values()))
    results = {a: outcome(c) for a, c in changed.items()}
    unknown = results[Answer.UNKNOWN]
    worst_known = max(results[Answer.YES].review_rank, results[Answer.NO].review_rank)
    assert unknown is TriageOutcome.REFER or unknown.review_rank >= worst_known
    assert unknown not in (TriageOutcome.INVOLVEMENT, TriageOutcome.ENGAGEMENT)


@given(es.activities(), st.data())
def test_not_applicable_reads_as_no(activity, data):
    """A "not applicable" answer leads where "no" leads, wherever the models accept it."""
    candidates = [(w, f) for w, f in _facts_of(activity) if f.allows_not_applicable]
    where, fact = data.draw(st.sampled_from(candidates))
    not_applicable = _with(activity, where, fact, Answer.NOT_APPLICABLE)
    no = _with(activity, where, fact, Answer.NO)
    assume(not_applicable is not None and no is not None)
    first = assess_activity(not_applicable, as_at=ON)
    second = assess_activity(no, as_at=ON)
    assert first.outcome is second.outcome
    assert first.routes == second.routes


@given(es.activities())
def test_when_every_hra_question_is_no_nothing_goes_to_a_committee(activity):
    """hra_what_approvals#not_research_no_hra: a project not managed as research needs
    neither HRA Approval nor an NHS REC. With every HRA question answered no, no open fact
    about who is studied may send the activity to a research ethics committee: the outcome
    is a non-research kind or nobody studied, and each fact left open is named. Not a
    clinical trial of a medicine either: one is research whatever the HRA questions say
    (ct_regs_2004#reg_12), so an unanswered trial question is referred.
    """
    for fact in (
        Fact.RANDOMISED,
        Fact.CHANGES_USUAL_CARE,
        Fact.GENERALISABLE,
        Fact.CLINICAL_TRIAL_OF_MEDICINE,
    ):
        activity = activity.with_answer(fact, Answer.NO)
    result = assess_activity(activity, as_at=ON)
    assert not result.outcome.needs_committee
    assert result.deciding_facts == ()
    for finding in result.by_rule("ETH-NOT-RESEARCH-EITHER-WAY"):
        assert sentence(finding, locale="en_GB", include_sensitive=True).startswith(
            "Not known whether"
        )
