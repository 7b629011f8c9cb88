"""Safeguarding and wellbeing: the measures a participatory project is expected to have.

"If a project involves sensitive issues or vulnerable groups, partners can help to keep
everyone working on the project ... protected and safe" (Jopson 2022, section 2.5). From
the groups a project works with and the emotional intensity of the work, this engine lists
the measures expected (a partner with expertise, signposting, check-ins, a quiet space, a
person for one-to-one conversation, coordinator training, clear boundaries, transport…)
and explains each missing one with the report's words. See :doc:`/concepts/safeguarding`.

>>> profile = SafeguardingProfile(groups={"learning_disabilities"}, intensity="moderate")
>>> result = assess_safeguarding(profile)
>>> [f.rule_id for f in result.at_least(Severity.WARNING)][:3]
['SAFE-PARTNER-EXPERTISE', 'SAFE-SIGNPOSTING', 'SAFE-CHECK-INS']
"""

from participatory.core.explain import Severity
from participatory.safeguarding.assess import SafeguardingAssessment, assess_safeguarding
from participatory.safeguarding.guidance import (
    Expectation,
    MeasureInfo,
    SafeguardingGuidance,
    safeguarding_guidance,
)
from participatory.safeguarding.models import (
    EmotionalIntensity,
    Measure,
    PersonalNote,
    SafeguardingProfile,
)

__all__ = [
    "EmotionalIntensity",
    "Expectation",
    "Measure",
    "MeasureInfo",
    "PersonalNote",
    "SafeguardingAssessment",
    "SafeguardingGuidance",
    "SafeguardingProfile",
    "Severity",
    "assess_safeguarding",
    "safeguarding_guidance",
]
