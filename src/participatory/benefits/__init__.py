"""Benefits-impact checks: whether a payment costs a contributor (or their household) benefits.

Describe the household — one person or a couple on a joint claim, each with their own
circumstances (:class:`Person`), the children (:class:`Child`), the household's claims — and
the payments, each naming who receives it; get back, for every benefit and period, the amount
before and after, whether a change is a cliff edge, whose benefit it is, the knock-on effects
between benefits, what the household keeps, the risks where the rules are uncertain, and the
caveat and reporting duties — each finding with its rule, figures, dated parameters and sources.
Payments already made or scheduled by other projects and payers are given as ``already``.

>>> import datetime as dt
>>> from participatory.core.money import Money
>>> from participatory.benefits import (
...     Benefit, CarersAllowanceClaim, Household, Person, assess_payment)
>>> carer = Household(people=[Person(carers_allowance=CarersAllowanceClaim())])
>>> result = assess_payment(carer, Money.gbp("196.01"), dt.date(2025, 6, 10))
>>> [o.cliff for o in result.outcomes_for(Benefit.CARERS_ALLOWANCE)]
[True]
>>> result.kept
Money('112.71', 'GBP')

One module per benefit holds its rule (:mod:`~participatory.benefits.universal_credit`,
:mod:`~participatory.benefits.carers_allowance`, :mod:`~participatory.benefits.esa`,
:mod:`~participatory.benefits.legacy`, :mod:`~participatory.benefits.housing_benefit`,
:mod:`~participatory.benefits.pension_credit`, :mod:`~participatory.benefits.unaffected`)
over the shared :mod:`~participatory.benefits.mechanism`.
"""

from typing import TYPE_CHECKING

from participatory.benefits.claims import (
    CarersAllowanceClaim,
    EmploymentSupportAllowanceClaim,
    HousingBenefitClaim,
    LegacyClaim,
    PensionCreditClaim,
    UniversalCreditClaim,
)
from participatory.benefits.engine import assess_benefits, assess_payment

# Imported here, not on first use: the function shares its module's name, and importing the
# module (as the command line does) would otherwise leave the module in its place.
from participatory.benefits.headroom import Headroom, headroom
from participatory.benefits.household import (
    CapitalHolding,
    CapitalKind,
    Child,
    ChildDisability,
    Household,
    Person,
    TwoChildLimitException,
)
from participatory.benefits.kinds import (
    AgeBand,
    Benefit,
    EarningsDisregard,
    HousingBenefitDisregard,
    LegacyBenefit,
    PermittedWork,
    UnaffectedBenefit,
    WorkCapability,
)
from participatory.benefits.outcomes import BenefitsCheck, PeriodOutcome
from participatory.benefits.receipts import Receipt, ReceiptKind, Treatment
from participatory.core.lazy import lazy_attribute

if TYPE_CHECKING:
    from participatory.benefits.batch import BatchColumns, BenefitsBatch, assess_many
    from participatory.benefits.payroll import payroll_receipt
    from participatory.benefits.planning import (
        InstalmentPlan,
        SafePayment,
        plan_instalments,
        plan_safe_payment,
    )
    from participatory.benefits.scenarios import ContributorCase, ScenarioComparison, compare

# The batch, the searches and the "what if" comparisons (which read payroll, and so the
# whole tax package) load on first use: a check of one payment, or a project's assessment,
# needs none of them.
_LAZY = {
    "BatchColumns": "participatory.benefits.batch",
    "BenefitsBatch": "participatory.benefits.batch",
    "assess_many": "participatory.benefits.batch",
    "payroll_receipt": "participatory.benefits.payroll",
    "InstalmentPlan": "participatory.benefits.planning",
    "SafePayment": "participatory.benefits.planning",
    "plan_instalments": "participatory.benefits.planning",
    "plan_safe_payment": "participatory.benefits.planning",
    "ContributorCase": "participatory.benefits.scenarios",
    "ScenarioComparison": "participatory.benefits.scenarios",
    "compare": "participatory.benefits.scenarios",
}

__getattr__ = lazy_attribute(__name__, _LAZY, globals())


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "AgeBand",
    "BatchColumns",
    "Benefit",
    "BenefitsBatch",
    "BenefitsCheck",
    "CapitalHolding",
    "CapitalKind",
    "CarersAllowanceClaim",
    "Child",
    "ChildDisability",
    "ContributorCase",
    "EarningsDisregard",
    "EmploymentSupportAllowanceClaim",
    "Headroom",
    "Household",
    "HousingBenefitClaim",
    "HousingBenefitDisregard",
    "InstalmentPlan",
    "LegacyBenefit",
    "LegacyClaim",
    "PensionCreditClaim",
    "PeriodOutcome",
    "PermittedWork",
    "Person",
    "Receipt",
    "ReceiptKind",
    "SafePayment",
    "ScenarioComparison",
    "Treatment",
    "TwoChildLimitException",
    "UnaffectedBenefit",
    "UniversalCreditClaim",
    "WorkCapability",
    "assess_benefits",
    "assess_many",
    "assess_payment",
    "compare",
    "headroom",
    "payroll_receipt",
    "plan_instalments",
    "plan_safe_payment",
]
