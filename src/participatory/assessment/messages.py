"""The assessment's own sentences: figure labels and the findings that join engines.

Figure labels are message keys (``assessment.figure.*``) so a renderer can translate
them like any finding. Findings of the assessment itself have rule ids starting
``ASSESS-``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from participatory.assessment.report import Figure
from participatory.ethics.outcomes import TriageOutcome
from participatory.readiness.criteria import Maturity

__all__ = ["FIGURE_LABELS", "ethics_label", "figure", "readiness_label"]

FIGURE_LABELS: Final = {
    "assessment.figure.people": "Public contributors",
    "assessment.figure.organisations": "Partner organisations",
    "assessment.figure.staff": "University staff",
    "assessment.figure.arnstein_rung": "Arnstein ladder rung (1 to 8)",
    "assessment.figure.arnstein_name": "Arnstein ladder rung",
    "assessment.figure.iap2_level": "IAP2 spectrum level",
    "assessment.figure.budget_total": "Involvement budget",
    "assessment.figure.community_held_share": "Share of the budget held by community partners",
    "assessment.figure.reaching_members_share": (
        "Share of the budget reaching community members as fees and expenses"
    ),
    "assessment.figure.before_application_share": (
        "Share of the budget spent before any funding application"
    ),
    "assessment.figure.fees_total": "Fees planned (payments for time, in any form)",
    "assessment.figure.expenses_total": "Expenses planned",
    "assessment.figure.declined_total": "Fees declined by contributors",
    "assessment.figure.payments_total": "Total paid out (fees and expenses)",
    "assessment.figure.card_fees_total": "Fees due at the rate card's rates for the sessions",
    "assessment.figure.benefit_paid": "Paid to this contributor",
    "assessment.figure.benefit_change": "Change in this contributor's benefits",
    "assessment.figure.benefit_kept": "What this contributor is better off by",
    "assessment.figure.ethics_needing_review": "Activities needing an ethics application",
    "assessment.figure.safeguarding_expected": "Safeguarding measures expected",
    "assessment.figure.safeguarding_missing": "Safeguarding measures missing",
    "assessment.figure.pre_application_days": "Days of relationship building before applying",
    "assessment.figure.co_production_multiplier": "Co-produced stages take this many times longer",
    "assessment.figure.realistic_end": "Realistic end of the project",
    "assessment.figure.missing_captures": "Outputs and outcomes the evaluation does not capture",
}

_OUTCOME_WORDS: Final = {
    TriageOutcome.INVOLVEMENT: "Activities that are public involvement",
    TriageOutcome.ENGAGEMENT: "Activities that are public engagement",
    TriageOutcome.SERVICE_EVALUATION: "Activities that are service evaluation",
    TriageOutcome.CLINICAL_AUDIT: "Activities that are clinical audit",
    TriageOutcome.USUAL_PRACTICE: "Activities that are usual practice or health surveillance",
    TriageOutcome.NOT_RESEARCH: "Activities that are not research, of a kind still to settle",
    TriageOutcome.NO_PEOPLE_STUDIED: "Activities of staff that study nobody",
    TriageOutcome.RESEARCH: "Activities that are research with human participants",
    TriageOutcome.REFER: "Activities to refer to the research ethics committee",
}

_MATURITY_WORDS: Final = {
    Maturity.ABSENT: "Recommendations not yet started",
    Maturity.EMERGING: "Recommendations emerging",
    Maturity.ESTABLISHED: "Recommendations established",
    Maturity.EMBEDDED: "Recommendations embedded",
}


def figure(
    key: str,
    value: object,
    *,
    is_share: bool = False,
    sensitive: bool = False,
    subject: str | None = None,
) -> Figure:
    """One of the assessment's figures, labelled by the message key ``assessment.figure.<key>``.

    >>> figure("budget_total", 12000).label_key
    'assessment.figure.budget_total'
    """
    return Figure(
        f"assessment.figure.{key}", value, is_share=is_share, sensitive=sensitive, subject=subject
    )


def ethics_label(outcome: TriageOutcome) -> str:
    """The figure label key for the count of activities with ``outcome``."""
    return f"assessment.figure.ethics_{outcome.value}"


def readiness_label(level: Maturity) -> str:
    """The figure label key for the count of recommendations at ``level``."""
    return f"assessment.figure.readiness_{level.value}"


#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, object]] = (
    FIGURE_LABELS
    | {ethics_label(outcome): words for outcome, words in _OUTCOME_WORDS.items()}
    | {readiness_label(level): words for level, words in _MATURITY_WORDS.items()}
    | {
        "assessment.data_current": (
            "Every dated figure used was current on the dates it was used for."
        ),
        "assessment.data_stale": {
            "by": "count",
            "one": (
                "{count} dated figure was used past the date its data is known to be current "
                "(the data runs to {runs_to}); the last known value was used. Check for a newer "
                "rate before relying on this report. Figures: {names}."
            ),
            "other": (
                "{count} dated figures were used past the date their data is known to be "
                "current (the data runs to {runs_to}); the last known values were used. Check "
                "for newer rates before relying on this report. Figures: {names}."
            ),
        },
        "assessment.data_review_due": {
            "by": "count",
            "one": (
                "{count} figure in force until superseded has not been re-checked at its source "
                "for more than {days} days (not since {oldest}); it was used, but check it "
                "before relying on this report. Figures: {names}."
            ),
            "other": (
                "{count} figures in force until superseded have not been re-checked at their "
                "source for more than {days} days (not since {oldest}); they were used, but "
                "check them before relying on this report. Figures: {names}."
            ),
        },
        "assessment.card_stale": (
            "The {card} rate card is known to be current only to {runs_to}; sessions after "
            "that date were costed at its last rates. Check for a newer card."
        ),
        "assessment.session_costed": (
            "Session {session} ({activity} on {held_on}) is due {fee} per contributor at the "
            "{card} rate card's rates."
        ),
        "assessment.session_not_costed": (
            "Session {session} could not be costed on the {card} rate card: {reason}"
        ),
        "assessment.fees_below_card": (
            "{contributor} is planned to be paid {planned} for their time, less than the "
            "{due} the {card} rate card gives for their sessions."
        ),
        "assessment.fees_match_card": (
            "Every contributor's planned fees are at least what the {card} rate card gives "
            "for their sessions."
        ),
        "assessment.no_rate_card": (
            "Sessions are listed but the project names no rate card, so they were not costed."
        ),
        "assessment.organisation_payment": (
            "{amount} is paid to {contributor}'s organisation instead of them, so it is not "
            "counted as their income."
        ),
        "assessment.benefits_not_checked": (
            "{contributor}'s benefits could not be checked: {reason}"
        ),
        "assessment.benefits_currency": (
            "Benefits were not checked: the project pays in {currency}, and the benefit rules "
            "are for payments in pounds sterling."
        ),
        "assessment.no_payments_for_benefits": (
            "{contributor} has benefit circumstances recorded but no payments in the plan."
        ),
    }
)
