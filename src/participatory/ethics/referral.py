"""Referring a case the facts do not decide: each open question, and what each answer leads to.

A finding about an open question says what a yes and a no would each lead to. It calls the
question *deciding* only when both answers settle the case; when one answer leaves it open
(another question still matters) or both do, it says so instead, because "if yes, grey
area; if no, grey area: the answer decides the case" helps nobody.

>>> from participatory.ethics.outcomes import TriageOutcome as T
>>> referral_key(T.RESEARCH, T.INVOLVEMENT), referral_key(T.RESEARCH, T.REFER)
('refer_unknown', 'refer_unknown_if_yes')
>>> referral_key(T.REFER, T.INVOLVEMENT), referral_key(T.REFER, T.REFER)
('refer_unknown_if_no', 'refer_unknown_open')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from participatory.core.explain import Citation, Severity
from participatory.ethics.activity import Activity
from participatory.ethics.facts import Answer
from participatory.ethics.findings import FindingLog
from participatory.ethics.outcomes import Action, MissingFact, TriageOutcome

__all__ = ["explain_referral", "referral_key"]

#: The outcome a triage would reach with one missing fact answered.
WhatIf = Callable[[MissingFact, Answer], TriageOutcome]


def referral_key(if_yes: TriageOutcome, if_no: TriageOutcome) -> str:
    """The message key that says honestly what the two answers lead to."""
    yes_open = if_yes is TriageOutcome.REFER
    no_open = if_no is TriageOutcome.REFER
    if yes_open and no_open:
        return "refer_unknown_open"
    if yes_open:
        return "refer_unknown_if_no"
    if no_open:
        return "refer_unknown_if_yes"
    return "refer_unknown"


def explain_referral(
    log: FindingLog,
    activity: Activity,
    missing: Iterable[MissingFact],
    what_if: WhatIf,
    citations: tuple[Citation, ...],
) -> list[MissingFact]:
    """One finding per open fact that matters; returns those facts (others are dropped).

    A fact whose yes and no lead to the same settled outcome does not matter and is not
    asked.
    """
    kept = []
    for item in missing:
        if_yes, if_no = what_if(item, Answer.YES), what_if(item, Answer.NO)
        if if_yes is if_no and if_yes is not TriageOutcome.REFER:
            continue
        kept.append(item)
        party = activity.party(item.party) if item.party else None
        log.add(
            "ETH-REFER-UNKNOWN-FACT",
            Severity.REFER,
            referral_key(if_yes, if_no),
            citations,
            party=party,
            actions=(Action.REFER_TO_COMMITTEE.value,),
            fact=item.fact.question,
            if_yes=if_yes.label,
            if_no=if_no.label,
            party_text=None if party else "the activity",
        )
    return kept
