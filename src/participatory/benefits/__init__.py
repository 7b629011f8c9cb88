"""Benefits-impact checks: will a payment cost the contributor their benefits, and how much.

Give the contributor's circumstances and the payments; get back, for every benefit and
period, the amount before and after, whether a change is a cliff edge, the knock-on
effects between benefits, what the contributor keeps, the risks where the rules are
uncertain, and the caveat and reporting duties — each finding with its rule, figures,
dated parameters and sources.

>>> import datetime as dt
>>> from participatory.core.money import Money
>>> from participatory.benefits import (
...     Benefit, CarersAllowanceClaim, Circumstances, assess_payment)
>>> carer = Circumstances(carers_allowance=CarersAllowanceClaim())
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

from participatory.benefits.advice import CAVEAT, SIGNPOST
from participatory.benefits.circumstances import (
    AgeBand,
    Benefit,
    CarersAllowanceClaim,
    Circumstances,
    EarningsDisregard,
    EmploymentSupportAllowanceClaim,
    HousingBenefitClaim,
    HousingBenefitDisregard,
    LegacyBenefit,
    LegacyClaim,
    PensionCreditClaim,
    PermittedWork,
    UnaffectedBenefit,
    UniversalCreditClaim,
    WorkCapability,
)
from participatory.benefits.engine import assess_benefits, assess_many, assess_payment
from participatory.benefits.outcomes import BenefitsCheck, PeriodOutcome
from participatory.benefits.planning import (
    InstalmentPlan,
    SafePayment,
    plan_instalments,
    plan_safe_payment,
)
from participatory.benefits.receipts import Receipt, ReceiptKind, Treatment
from participatory.benefits.scenarios import ContributorCase, ScenarioComparison, compare

__all__ = [
    "CAVEAT",
    "SIGNPOST",
    "AgeBand",
    "Benefit",
    "BenefitsCheck",
    "CarersAllowanceClaim",
    "Circumstances",
    "ContributorCase",
    "EarningsDisregard",
    "EmploymentSupportAllowanceClaim",
    "HousingBenefitClaim",
    "HousingBenefitDisregard",
    "InstalmentPlan",
    "LegacyBenefit",
    "LegacyClaim",
    "PensionCreditClaim",
    "PeriodOutcome",
    "PermittedWork",
    "Receipt",
    "ReceiptKind",
    "SafePayment",
    "ScenarioComparison",
    "Treatment",
    "UnaffectedBenefit",
    "UniversalCreditClaim",
    "WorkCapability",
    "assess_benefits",
    "assess_many",
    "assess_payment",
    "compare",
    "plan_instalments",
    "plan_safe_payment",
]
