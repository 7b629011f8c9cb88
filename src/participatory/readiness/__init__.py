"""Institutional readiness: how far a university has gone with the Bath report's advice.

The report's recommendations to the University of Bath (Jopson 2022, sections 2.1 to 2.8:
define your terms, take time, fund it, put key people in place, work with partners, value
contributions, consider venues, provide training and support) and the funded central
public-engagement team Imperial asked for (section 5.2) each get a :class:`Maturity`
(absent, emerging, established, embedded) from dated evidence, and a finding naming the
next steps. The criteria per level are data (``data/readiness.toml``). See
:doc:`/howto/institutional-readiness`.

>>> import datetime as dt
>>> profile = assess_readiness(University("Anywhere"), as_at=dt.date(2022, 7, 1))
>>> profile.count(Maturity.ABSENT)
9
"""

from participatory.readiness.assess import (
    Evidence,
    ReadinessProfile,
    University,
    assess_readiness,
)
from participatory.readiness.criteria import (
    Maturity,
    MaturityCriterion,
    ReadinessCriteria,
    Recommendation,
    RecommendationCriteria,
    load_readiness_criteria,
    parse_readiness_criteria,
    readiness_criteria,
)

__all__ = [
    "Evidence",
    "Maturity",
    "MaturityCriterion",
    "ReadinessCriteria",
    "ReadinessProfile",
    "Recommendation",
    "RecommendationCriteria",
    "University",
    "assess_readiness",
    "load_readiness_criteria",
    "parse_readiness_criteria",
    "readiness_criteria",
]
