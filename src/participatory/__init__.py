"""participatory: the governance of participatory research as typed models and explained rules.

The public names most callers need are importable from here; each engine also has its own
module (``participatory.payments``, ``participatory.benefits``, ``participatory.ethics`` …).

>>> import participatory
>>> participatory.Money.gbp("27.50") * 2
Money('55.00', 'GBP')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from participatory.__about__ import __version__
from participatory.core import (
    AssessmentPeriodCycle,
    BenefitWeekCycle,
    Citation,
    CurrencyMismatch,
    DateRange,
    Explained,
    Finding,
    Money,
    ParameterFileError,
    ParameterSet,
    ParametersNotAvailable,
    ParticipatoryError,
    Severity,
    TaxYear,
    UnsupportedCase,
    ValidationError,
    allocate,
    bundled_parameters,
    load_parameters,
)
from participatory.core.lazy import lazy_attribute

if TYPE_CHECKING:
    from participatory.assessment import Area, GovernanceReport, assess
    from participatory.project import Project, ProjectFileError, load_project, parse_project

# The whole-project names pull in every engine, its data and babel. They load on first use,
# so `import participatory` stays cheap for a finance system that only needs the core.
_LAZY = {
    "Area": "participatory.assessment",
    "GovernanceReport": "participatory.assessment",
    "assess": "participatory.assessment",
    "ProjectFileError": "participatory.project",
    "load_project": "participatory.project",
    "parse_project": "participatory.project",
    "Project": "participatory.project",
}


__getattr__ = lazy_attribute(__name__, _LAZY, globals())


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "Area",
    "AssessmentPeriodCycle",
    "BenefitWeekCycle",
    "Citation",
    "CurrencyMismatch",
    "DateRange",
    "Explained",
    "Finding",
    "GovernanceReport",
    "Money",
    "ParameterFileError",
    "ParameterSet",
    "ParametersNotAvailable",
    "ParticipatoryError",
    "Project",
    "ProjectFileError",
    "Severity",
    "TaxYear",
    "UnsupportedCase",
    "ValidationError",
    "__version__",
    "allocate",
    "assess",
    "bundled_parameters",
    "load_parameters",
    "load_project",
    "parse_project",
]
