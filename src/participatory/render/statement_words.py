"""The words of a contributor statement, as English templates (message keys ``render.statement.``).

Headings, column labels and benefit names for
:func:`participatory.render.statement.render_statement`; the Welsh catalogue translates them
like any finding. The ``joint`` words are a couple's joint claim's, which is the household's
and never counted in what the person kept.

>>> MESSAGES["render.statement.kept"]
'What you kept'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["MESSAGES"]

MESSAGES: Final[Mapping[str, str]] = {
    "render.statement.title": "Your payments and benefits: tax year {year}",
    "render.statement.for": "Statement for {person}, made on {day}.",
    "render.statement.year": "The year",
    "render.statement.received": "Received",
    "render.statement.due": "Still due",
    "render.statement.change": "Change in your benefits",
    "render.statement.kept": "What you kept",
    "render.statement.weeks": "Week by week",
    "render.statement.periods": "Universal Credit, assessment period by assessment period",
    "render.statement.period": "Period",
    "render.statement.benefits": "Your benefits",
    "render.statement.range": "{start} to {end}",
    "render.statement.line": "{benefit}: {before} before, {after} after ({change})",
    "render.statement.line_unchanged": "{benefit}: {before}, unchanged",
    "render.statement.line_cliff": (
        "{benefit}: {before} before, {after} after ({change}; not paid for that period)"
    ),
    "render.statement.change_own": "Change in your own benefits",
    "render.statement.joint_change": (
        "Change in the joint claim you and your partner make together (your household's, "
        "shown the same on your partner's statement, and not counted in what you kept)"
    ),
    "render.statement.joint_column": "Change in your joint claim (your household's)",
    "render.statement.line_joint": (
        "{benefit}, your joint claim with your partner: {before} before, {after} after "
        "({change}, your household's change, shown the same on your partner's statement)"
    ),
    "render.statement.line_joint_unchanged": (
        "{benefit}, your joint claim with your partner: {before}, unchanged (your "
        "household's, shown the same on your partner's statement)"
    ),
    "render.statement.line_joint_cliff": (
        "{benefit}, your joint claim with your partner: {before} before, {after} after "
        "({change}, your household's change, shown the same on your partner's statement; "
        "not paid for that period)"
    ),
    "render.statement.none": "No payments in this tax year.",
    "render.statement.duties": "What to report",
    "render.statement.about": "About this statement",
    "render.statement.welsh_unreviewed": (
        "This Welsh text was translated by machine and has not yet been checked by a Welsh "
        "speaker. If anything is unclear, ask for the English version."
    ),
    "render.statement.benefit.universal_credit": "Universal Credit",
    "render.statement.benefit.carers_allowance": "Carer's Allowance",
    "render.statement.benefit.new_style_esa": "ESA",
    "render.statement.benefit.income_support": "Income Support",
    "render.statement.benefit.income_based_jsa": "Income-based JSA",
    "render.statement.benefit.income_related_esa": "Income-related ESA",
    "render.statement.benefit.new_style_jsa": "New-style JSA",
    "render.statement.benefit.housing_benefit": "Housing Benefit",
    "render.statement.benefit.pension_credit": "Pension Credit",
    "render.statement.benefit.carer_support_payment": "Carer Support Payment",
}
