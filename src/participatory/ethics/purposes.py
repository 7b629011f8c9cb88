"""Not research: which column of the HRA's Defining Research table the activity is in.

When every HRA question is answered no, the activity is not research, and the HRA says a
project not managed as research needs neither HRA Approval nor an NHS REC: the clinical
governance or R&D office of the organisation advises on local review. The Defining Research
table then says *which kind* it is: clinical audit (against a predetermined standard),
service evaluation (the current service, no standard) or usual practice / health
surveillance. Exactly one column is that outcome. Anything else — a column not yet said,
two columns at once, or none — is still not research: the outcome is
:attr:`~participatory.ethics.outcomes.TriageOutcome.NOT_RESEARCH`, routed to local
governance with the kind as a question still to settle, never a referral to a research
ethics committee.

>>> from participatory.ethics.facts import Answer, Fact
>>> answers = {Fact.MEASURED_AGAINST_STANDARD: Answer.YES}
>>> kind_of(lambda fact: answers.get(fact, Answer.NO)).outcome
<TriageOutcome.CLINICAL_AUDIT: 'clinical_audit'>
>>> [fact.value for fact in kind_of(lambda fact: answers.get(fact, Answer.UNKNOWN)).open]
['judges_current_service', 'population_health']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import attrs

from participatory.core.explain import Severity
from participatory.core.record import Record
from participatory.ethics.facts import Answer, Fact
from participatory.ethics.findings import FindingLog
from participatory.ethics.outcomes import Action, TriageOutcome

__all__ = ["PURPOSES", "Kind", "explain_kind", "kind_of"]

#: The Defining Research table's non-research columns: fact, outcome, column, rule id.
PURPOSES: Final = (
    (Fact.MEASURED_AGAINST_STANDARD, TriageOutcome.CLINICAL_AUDIT, "clinical_audit", "ETH-AUDIT"),
    (
        Fact.JUDGES_CURRENT_SERVICE,
        TriageOutcome.SERVICE_EVALUATION,
        "service_evaluation",
        "ETH-SERVICE-EVALUATION",
    ),
    (
        Fact.POPULATION_HEALTH,
        TriageOutcome.USUAL_PRACTICE,
        "usual_practice_surveillance",
        "ETH-USUAL-PRACTICE",
    ),
)
_ACTIONS: Final = (Action.LOCAL_GOVERNANCE.value, Action.SETTLE_ACTIVITY_KIND.value)


@attrs.frozen
class Kind(Record):
    """The kind of a non-research activity: the outcome, and the columns still open."""

    outcome: TriageOutcome
    #: The columns answered yes.
    fits: tuple[Fact, ...]
    #: The columns not yet answered.
    open: tuple[Fact, ...]


def kind_of(answer: Callable[[Fact], Answer]) -> Kind:
    """Which column the answers put the activity in (``NOT_RESEARCH`` unless exactly one)."""
    answers = [(purpose, answer(purpose[0])) for purpose in PURPOSES]
    fits = tuple(purpose[0] for purpose, a in answers if a is Answer.YES)
    still_open = tuple(purpose[0] for purpose, a in answers if a is Answer.UNKNOWN)
    if len(fits) == 1 and not still_open:
        outcome = next(p[1] for p in PURPOSES if p[0] is fits[0])
        return Kind(outcome, fits, still_open)
    return Kind(TriageOutcome.NOT_RESEARCH, fits, still_open)


def _label(fact: Fact) -> str:
    return next(p[1].label for p in PURPOSES if p[0] is fact)


def explain_kind(log: FindingLog, kind: Kind) -> None:
    """The finding for a kind that is not settled (a settled one is explained by the caller)."""
    guidance = log.guidance
    citations = (
        guidance.citation("hra_defining_research_table"),
        *log.source("not_research_kind_open"),
    )
    values: dict[str, Any] = {}
    if len(kind.fits) > 1:
        rule_id, key = "ETH-NOT-RESEARCH-SPANS", "not_research_spans"
        values = {"categories": [_label(f) for f in kind.fits]}
    elif kind.open:
        rule_id, key = "ETH-NOT-RESEARCH-KIND-OPEN", "not_research_kind_open"
        values = {"open": [_label(f) for f in kind.open]}
    else:
        rule_id, key = "ETH-NOT-RESEARCH-UNCLASSIFIED", "not_research_unclassified"
    log.add(rule_id, Severity.ADVICE, key, citations, actions=_ACTIONS, **values)
