"""The core every engine stands on: money, periods, explained results, dated parameters.

Everything here is pure: no file, network or clock access except reading the bundled
parameter data, which is read once and cached.
"""

from participatory.core.errors import (
    CurrencyMismatch,
    ParameterFileError,
    ParametersNotAvailable,
    ParticipatoryError,
    UnknownParameter,
    UnsupportedCase,
    ValidationError,
)
from participatory.core.explain import Citation, Explained, Finding, ParameterUse, Severity
from participatory.core.money import Money, allocate
from participatory.core.params import (
    Parameter,
    ParameterSet,
    ParameterValue,
    bundled_parameters,
    load_parameters,
)
from participatory.core.periods import (
    AssessmentPeriodCycle,
    BenefitWeekCycle,
    DateRange,
    TaxYear,
    TaxYearCalendar,
    weekly_to_monthly,
)
from participatory.core.privacy import REDACTED, SENSITIVE

__all__ = [
    "REDACTED",
    "SENSITIVE",
    "AssessmentPeriodCycle",
    "BenefitWeekCycle",
    "Citation",
    "CurrencyMismatch",
    "DateRange",
    "Explained",
    "Finding",
    "Money",
    "Parameter",
    "ParameterFileError",
    "ParameterSet",
    "ParameterUse",
    "ParameterValue",
    "ParametersNotAvailable",
    "ParticipatoryError",
    "Severity",
    "TaxYear",
    "TaxYearCalendar",
    "UnknownParameter",
    "UnsupportedCase",
    "ValidationError",
    "allocate",
    "bundled_parameters",
    "load_parameters",
    "weekly_to_monthly",
]
