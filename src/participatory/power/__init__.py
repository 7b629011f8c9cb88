"""Who decides: decision rights, participation ladders, principles and standards.

Record who holds each of a project's decisions, place the project on Arnstein's ladder and
the IAP2 spectrum, compare that with what the project calls itself, and check it against
the NIHR co-production principles and the UK Standards for Public Involvement.

>>> from participatory.power import DecisionRecord, Holding, assess_power
>>> record = DecisionRecord.of(research_questions=Holding.PARTNER_LED,
...                            budget_and_spending=Holding.DELEGATED_TO_PARTNERS,
...                            analysis_and_interpretation=Holding.JOINTLY)
>>> review = assess_power(record, label="co_production")
>>> review.placement.rung.name, review.tokenism
('Partnership', False)
>>> [f.rule_id for f in review.by_rule('POW-LABEL-EXCEPTIONS')]
['POW-LABEL-EXCEPTIONS']
"""

from participatory.power.decisions import Decision, DecisionRecord, DecisionRight, Holding
from participatory.power.frameworks import (
    FrameworkEntry,
    IAP2Level,
    Rung,
    arnstein_ladder,
    coproduction_principles,
    iap2_spectrum,
    uk_standards,
)
from participatory.power.ladders import LadderPlacement, place
from participatory.power.principles import (
    InvolvementEvidence,
    PrincipleOutcome,
    assess_principles,
    assess_standards,
)
from participatory.power.review import PowerReview, assess_power, compare_label, normalise_label
from participatory.power.scale import LabelClaim, PowerScale, power_scale

__all__ = [
    "Decision",
    "DecisionRecord",
    "DecisionRight",
    "FrameworkEntry",
    "Holding",
    "IAP2Level",
    "InvolvementEvidence",
    "LabelClaim",
    "LadderPlacement",
    "PowerReview",
    "PowerScale",
    "PrincipleOutcome",
    "Rung",
    "arnstein_ladder",
    "assess_power",
    "assess_principles",
    "assess_standards",
    "compare_label",
    "coproduction_principles",
    "iap2_spectrum",
    "normalise_label",
    "place",
    "power_scale",
    "uk_standards",
]
