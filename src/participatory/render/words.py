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

__all__ = ["MESSAGES", "REDACTED_KEY", "SUMMARY_ORDER", "WITHHELD_MANY", "WITHHELD_ONE"]

#: The message key of what a withheld value is shown as.
REDACTED_KEY: Final = "render.redacted"

#: The message keys of a section's line saying that one person's findings are withheld
#: (one finding, or ``{count}`` of them).
WITHHELD_ONE: Final = "render.withheld.one"
WITHHELD_MANY: Final = "render.withheld.many"

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
    Severity.PROBLEM: "Problem",
    Severity.REFER: "Refer for a decision",
}

# Welsh counts with "o" and the plural ("2 o broblemau"), which needs no numeral-specific
# mutation.
# One count phrase per severity, for exactly one and for any other number.
_COUNTS: Final[Mapping[Severity, tuple[str, str]]] = {
    Severity.REFER: ("1 matter to refer for a decision", "{count} matters to refer for a decision"),
    Severity.PROBLEM: ("1 problem", "{count} problems"),
    Severity.WARNING: ("1 warning", "{count} warnings"),
    Severity.ADVICE: ("1 recommendation", "{count} recommendations"),
    Severity.MET: ("1 standard met", "{count} standards met"),
    Severity.INFO: ("1 note", "{count} notes"),
}

#: The order counts are listed in a summary: what needs a person first.
SUMMARY_ORDER: Final = (
    Severity.REFER,
    Severity.PROBLEM,
    Severity.WARNING,
    Severity.ADVICE,
    Severity.MET,
    Severity.INFO,
)

#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = (
    {f"render.area.{area.value}": title for area, title in _HEADINGS.items()}
    | {f"render.severity.{sev.value}": label for sev, label in _SEVERITY_LABELS.items()}
    | {f"render.count.{sev.value}.one": one for sev, (one, _) in _COUNTS.items()}
    | {f"render.count.{sev.value}.many": many for sev, (_, many) in _COUNTS.items()}
    | {REDACTED_KEY: REDACTED_TEXT}
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
        "render.withheld": (
            "Some values are withheld because they are the contributor's own personal information."
        ),
        # A count for the section, not a name: a person's id beside "Benefits" would say
        # they claim one, and a count per person would say how much there is about them.
        WITHHELD_ONE: (
            "1 finding about a person's own circumstances is withheld; it is shown only to "
            "that person or someone entitled to see it (use --include-sensitive)."
        ),
        WITHHELD_MANY: (
            "{count} findings about people's own circumstances are withheld; each is shown "
            "only to the person it is about or someone entitled to see it (use "
            "--include-sensitive)."
        ),
        "render.untranslated": (
            "{count} sentences in this report are not yet available in Welsh, so they are "
            "shown in English."
        ),
    }
)
