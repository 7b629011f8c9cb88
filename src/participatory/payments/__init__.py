"""Paying contributors correctly, simply and on time.

Rate cards (:mod:`~participatory.payments.rates`), costing an activity
(:mod:`~participatory.payments.costing`), expenses kept apart from fees
(:mod:`~participatory.payments.expenses`), how people are paid
(:mod:`~participatory.payments.methods`), payment plans
(:mod:`~participatory.payments.plans`), paying on time
(:mod:`~participatory.payments.timeliness`) and totals per period
(:mod:`~participatory.payments.totals`).

>>> import datetime as dt
>>> from participatory.payments import ActivityKind, Duration, bundled_rate_card, cost_activity
>>> cost_activity(bundled_rate_card("whitworth"), ActivityKind.ADVISORY_GROUP,
...               Duration.days(1), as_at=dt.date(2022, 7, 20)).fee
Money('180.00', 'GBP')
"""

from participatory.payments.costing import CostedActivity, Duration, FeeLine, cost_activity
from participatory.payments.expenses import (
    Expense,
    ExpenseBasis,
    ExpenseKind,
    Vehicle,
    cost_mileage,
    cost_receipted_expense,
    cost_remote_meeting,
)
from participatory.payments.methods import (
    MethodChoice,
    MethodPolicy,
    PaymentMethod,
    PaymentPreference,
    assess_payment_method,
    consequences,
)
from participatory.payments.plan_file import PlanFile, parse_payment_plan
from participatory.payments.plans import (
    ContributorCost,
    CostSummary,
    KindCost,
    Payment,
    PaymentKind,
    PaymentPlan,
)
from participatory.payments.rates import (
    ActivityKind,
    Rate,
    RateCard,
    RateRules,
    RateUnit,
    RoundingMode,
    bundled_rate_card,
    bundled_rate_cards,
    load_rate_card,
    parse_rate_card,
    rate_table_markdown,
    read_rate_card,
)
from participatory.payments.timeliness import (
    PaymentStatus,
    TimelinessPolicy,
    TimelinessReport,
    WorkingDays,
    assess_timeliness,
)
from participatory.payments.totals import (
    PeriodTotal,
    assessment_period_totals,
    period_totals,
    tax_year_totals,
    weekly_totals,
)

__all__ = [
    "ActivityKind",
    "ContributorCost",
    "CostSummary",
    "CostedActivity",
    "Duration",
    "Expense",
    "ExpenseBasis",
    "ExpenseKind",
    "FeeLine",
    "KindCost",
    "MethodChoice",
    "MethodPolicy",
    "Payment",
    "PaymentKind",
    "PaymentMethod",
    "PaymentPlan",
    "PaymentPreference",
    "PaymentStatus",
    "PeriodTotal",
    "PlanFile",
    "Rate",
    "RateCard",
    "RateRules",
    "RateUnit",
    "RoundingMode",
    "TimelinessPolicy",
    "TimelinessReport",
    "Vehicle",
    "WorkingDays",
    "assess_payment_method",
    "assess_timeliness",
    "assessment_period_totals",
    "bundled_rate_card",
    "bundled_rate_cards",
    "consequences",
    "cost_activity",
    "cost_mileage",
    "cost_receipted_expense",
    "cost_remote_meeting",
    "load_rate_card",
    "parse_payment_plan",
    "parse_rate_card",
    "period_totals",
    "rate_table_markdown",
    "read_rate_card",
    "tax_year_totals",
    "weekly_totals",
]
