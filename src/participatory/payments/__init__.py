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

from typing import TYPE_CHECKING

from participatory.core.lazy import lazy_attribute

if TYPE_CHECKING:
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

# Every name loads on first use: a project assessment needs some of the modules, a
# finance system checking one rate card others, and none needs all of them at import.
_LAZY = {
    "CostedActivity": "participatory.payments.costing",
    "Duration": "participatory.payments.costing",
    "FeeLine": "participatory.payments.costing",
    "cost_activity": "participatory.payments.costing",
    "Expense": "participatory.payments.expenses",
    "ExpenseBasis": "participatory.payments.expenses",
    "ExpenseKind": "participatory.payments.expenses",
    "Vehicle": "participatory.payments.expenses",
    "cost_mileage": "participatory.payments.expenses",
    "cost_receipted_expense": "participatory.payments.expenses",
    "cost_remote_meeting": "participatory.payments.expenses",
    "MethodChoice": "participatory.payments.methods",
    "MethodPolicy": "participatory.payments.methods",
    "PaymentMethod": "participatory.payments.methods",
    "PaymentPreference": "participatory.payments.methods",
    "assess_payment_method": "participatory.payments.methods",
    "consequences": "participatory.payments.methods",
    "PlanFile": "participatory.payments.plan_file",
    "parse_payment_plan": "participatory.payments.plan_file",
    "ContributorCost": "participatory.payments.plans",
    "CostSummary": "participatory.payments.plans",
    "KindCost": "participatory.payments.plans",
    "Payment": "participatory.payments.plans",
    "PaymentKind": "participatory.payments.plans",
    "PaymentPlan": "participatory.payments.plans",
    "ActivityKind": "participatory.payments.rates",
    "Rate": "participatory.payments.rates",
    "RateCard": "participatory.payments.rates",
    "RateRules": "participatory.payments.rates",
    "RateUnit": "participatory.payments.rates",
    "RoundingMode": "participatory.payments.rates",
    "bundled_rate_card": "participatory.payments.rates",
    "bundled_rate_cards": "participatory.payments.rates",
    "load_rate_card": "participatory.payments.rates",
    "parse_rate_card": "participatory.payments.rates",
    "rate_table_markdown": "participatory.payments.rates",
    "read_rate_card": "participatory.payments.rates",
    "PaymentStatus": "participatory.payments.timeliness",
    "TimelinessPolicy": "participatory.payments.timeliness",
    "TimelinessReport": "participatory.payments.timeliness",
    "WorkingDays": "participatory.payments.timeliness",
    "assess_timeliness": "participatory.payments.timeliness",
    "PeriodTotal": "participatory.payments.totals",
    "assessment_period_totals": "participatory.payments.totals",
    "period_totals": "participatory.payments.totals",
    "tax_year_totals": "participatory.payments.totals",
    "weekly_totals": "participatory.payments.totals",
}

__getattr__ = lazy_attribute(__name__, _LAZY, globals())


def __dir__() -> list[str]:
    return sorted(__all__)


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
