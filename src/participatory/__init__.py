"""participatory: the governance of participatory research as typed models and explained rules.

The public names most callers need are importable from here; each engine also has its own
module (``participatory.payments``, ``participatory.benefits``, ``participatory.ethics`` …).

>>> import participatory
>>> participatory.Money.gbp("27.50") * 2
Money('55.00', 'GBP')
"""

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

__all__ = [
    "AssessmentPeriodCycle",
    "BenefitWeekCycle",
    "Citation",
    "CurrencyMismatch",
    "DateRange",
    "Explained",
    "Finding",
    "Money",
    "ParameterFileError",
    "ParameterSet",
    "ParametersNotAvailable",
    "ParticipatoryError",
    "Severity",
    "TaxYear",
    "UnsupportedCase",
    "ValidationError",
    "__version__",
    "allocate",
    "bundled_parameters",
    "load_parameters",
]
