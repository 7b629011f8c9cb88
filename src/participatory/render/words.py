"""The words around the findings, as English templates (message keys under ``render.``).

Section headings, severity labels, counts, notices and what a withheld value is shown as:
the report's own text, which the Welsh catalogue translates like any finding. The functions
that look them up in a locale are in :mod:`participatory.render.chrome`.

>>> MESSAGES["render.area.benefits"]
'Benefits'
>>> MESSAGES["render.severity.warning"]
'Warning'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from participatory.assessment.report import Area
from participatory.core.explain import Severity
from participatory.core.privacy import REDACTED_TEXT

__all__ = [
    "FIRST_ORDER",
    "MESSAGES",
    "REDACTED_KEY",
    "SUMMARY_ORDER",
]

#: The message key of what a withheld value is shown as.
REDACTED_KEY: Final = "render.redacted"

# Each area's section heading.
_HEADINGS: Final[Mapping[Area, str]] = {
    Area.DATA: "About the figures",
    Area.ROLES: "Roles and partners",
    Area.POWER: "Power and decisions",
    Area.BUDGET: "Budget",
    Area.PAYMENTS: "Payments",
    Area.BENEFITS: "Benefits",
    Area.ETHICS: "Ethics",
    Area.SAFEGUARDING: "Safeguarding and wellbeing",
    Area.TIMELINE: "Time and planning",
    Area.EVALUATION: "Evaluation and legacy",
    Area.READINESS: "Institutional readiness",
}

# The word shown beside a finding for its severity.
_SEVERITY_LABELS: Final[Mapping[Severity, str]] = {
    Severity.INFO: "Information",
    Severity.MET: "Met",
    Severity.ADVICE: "Recommendation",
    Severity.WARNING: "Warning",
    Severity.QUESTION: "Question to answer",
    Severity.PROBLEM: "Problem",
    Severity.REFER: "Refer for a decision",
}

# "What to do first": the heading of each group, and what to do about a finding that says
# nothing itself.
_FIRST_HEADINGS: Final[Mapping[Severity, str]] = {
    Severity.PROBLEM: "Problems",
    Severity.REFER: "Matters to refer for a decision",
    Severity.QUESTION: "Questions to answer",
    Severity.WARNING: "Warnings",
}
_FIRST_ACTIONS: Final[Mapping[Severity, str]] = {
    Severity.PROBLEM: "Put it right before the work goes on.",
    Severity.REFER: "Refer it to the body named, and follow its decision.",
    Severity.QUESTION: "Find out the answer and record it in the project file.",
    Severity.WARNING: "Decide what to do about it, and record the decision.",
}

# One count phrase per severity, a plural template (participatory.render.templates): the
# English form for one and for any other number; Welsh has six forms ("dwy broblem", "tri
# rhybudd", "7 o rybuddion").
_COUNTS: Final[Mapping[Severity, tuple[str, str]]] = {
    Severity.REFER: (
        "{count} matter to refer for a decision",
        "{count} matters to refer for a decision",
    ),
    Severity.PROBLEM: ("{count} problem", "{count} problems"),
    Severity.QUESTION: ("{count} question to answer", "{count} questions to answer"),
    Severity.WARNING: ("{count} warning", "{count} warnings"),
    Severity.ADVICE: ("{count} recommendation", "{count} recommendations"),
    Severity.MET: ("{count} standard met", "{count} standards met"),
    Severity.INFO: ("{count} note", "{count} notes"),
}

#: The severities "What to do first" lists, in its order: what is wrong, what another body
#: must decide, what nobody has said yet, then the risks.
FIRST_ORDER: Final = (Severity.PROBLEM, Severity.REFER, Severity.QUESTION, Severity.WARNING)

#: The order counts are listed in a summary: the order of "What to do first", then the rest.
SUMMARY_ORDER: Final = (
    *FIRST_ORDER,
    Severity.ADVICE,
    Severity.MET,
    Severity.INFO,
)

#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, object]] = (
    {f"render.area.{area.value}": title for area, title in _HEADINGS.items()}
    | {f"render.severity.{sev.value}": label for sev, label in _SEVERITY_LABELS.items()}
    | {
        f"render.count.{sev.value}": {"by": "count", "one": one, "other": other}
        for sev, (one, other) in _COUNTS.items()
    }
    | {REDACTED_KEY: REDACTED_TEXT}
    | {f"render.first.{sev.value}": heading for sev, heading in _FIRST_HEADINGS.items()}
    | {f"render.first.do.{sev.value}": action for sev, action in _FIRST_ACTIONS.items()}
    | {
        "render.title": "Governance report: {title}",
        "render.as_at": "Assessed as at {date}.",
        "render.overall": "Across the whole report: {summary}.",
        "render.nothing": "nothing to act on",
        "render.findings": "Findings",
        "render.actions": "Actions",
        "render.figures": "Figures",
        "render.figure": "Figure",
        "render.value": "Value",
        "render.sources": "Sources",
        "render.rule": "Rule {rule_id}",
        "render.verified": "verified",
        "render.not_verified": "not verified",
        "render.published": "published {date}",
        "render.read_on": "read on {date}",
        "render.primary": "primary source",
        "render.secondary": "secondary source",
        "render.not_assessed": "Not assessed: the project gave no information for this area.",
        "render.caveat": (
            "This is an estimate from published rules and guidance, not advice. The bodies "
            "named in each section (DWP, HMRC, the council, an ethics committee) decide, and "
            "their decision can differ."
        ),
        # Said once for the report, never per section: a count beside "Benefits" or
        # "Safeguarding" would say what someone's circumstances are about.
        "render.withheld": (
            "This copy of the report withholds findings and values about people's own "
            "circumstances. The sections neither show nor count them; the count at the top and "
            '"What to do first" include the withheld findings, without saying whose they are '
            "or what they are about."
        ),
        # A section that shows nothing in a copy that withholds findings: "nothing to act on"
        # could be false there, and saying which section withholds would say what about.
        "render.nothing.shown": "nothing to act on among the findings shown",
        "render.first": "What to do first",
        "render.first.none": "Nothing needs acting on first.",
        "render.first.do": "What to do: {action}",
        "render.first.see": "See {sections}.",
        # One line for every withheld finding the block lists, whoever it is about: no
        # contributor number, no count of people and no section, since each would tell a
        # reader of this copy whose circumstances, or what about (docs: concepts/reports).
        "render.first.withheld": (
            "Withheld from this report: {counts} about people's own circumstances."
        ),
        "render.first.do.withheld": (
            "Produce a copy of the report that includes people's own values, go through "
            "each person's findings with them in private, and share that copy with no one else."
        ),
        "render.untranslated": {
            "by": "count",
            "one": (
                "{count} sentence in this report is not yet available in Welsh, so it is "
                "shown in English."
            ),
            "other": (
                "{count} sentences in this report are not yet available in Welsh, so they are "
                "shown in English."
            ),
        },
    }
)
