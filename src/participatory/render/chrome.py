"""The words around the findings: headings, severity labels, summaries, notices.

Like the engines' messages, the report's own text is a set of English templates (message
keys under ``render.``) that the Welsh catalogue translates; :func:`word` looks one up in
a locale.

>>> word("render.sources", "cy")
'Ffynonellau'
>>> heading(Area.BENEFITS, "cy")
'Budd-daliadau'
>>> severity_label(Severity.WARNING, "en_GB")
'Warning'
>>> summary({Severity.PROBLEM: 2, Severity.WARNING: 1}, "en_GB")
'2 problems, 1 warning'
>>> summary({Severity.PROBLEM: 2, Severity.WARNING: 1}, "cy")
'2 o broblemau, un rhybudd'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from participatory.assessment.report import Area
from participatory.core.explain import Severity
from participatory.core.messages import define_messages
from participatory.render.text import text

__all__ = ["WITHHELD_MANY", "WITHHELD_ONE", "heading", "severity_label", "summary", "word"]

#: The message keys of a section's line saying that one person's findings are withheld
#: (one finding, or ``{count}`` of them).
WITHHELD_ONE: Final = "render.withheld.one"
WITHHELD_MANY: Final = "render.withheld.many"

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

_LABELS: Final[Mapping[Severity, str]] = {
    Severity.INFO: "Information",
    Severity.MET: "Met",
    Severity.ADVICE: "Recommendation",
    Severity.WARNING: "Warning",
    Severity.PROBLEM: "Problem",
    Severity.REFER: "Refer for a decision",
}

# One count phrase per severity, for exactly one and for any other number. Welsh counts
# with "o" and the plural ("2 o broblemau"), which needs no numeral-specific mutation.
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

define_messages(
    {f"render.area.{area.value}": title for area, title in _HEADINGS.items()}
    | {f"render.severity.{sev.value}": label for sev, label in _LABELS.items()}
    | {f"render.count.{sev.value}.one": one for sev, (one, _) in _COUNTS.items()}
    | {f"render.count.{sev.value}.many": many for sev, (_, many) in _COUNTS.items()}
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
        "render.dated": "dated {date}",
        "render.not_assessed": "Not assessed: the project gave no information for this area.",
        "render.caveat": (
            "This is an estimate from published rules and guidance, not advice. The bodies "
            "named in each section (DWP, HMRC, the council, an ethics committee) decide, and "
            "their decision can differ."
        ),
        "render.withheld": (
            "Some values are withheld because they are the contributor's own personal information."
        ),
        # "one person's", not a name: a person's id beside "Benefits" would say they claim one.
        WITHHELD_ONE: (
            "1 finding about one person's own circumstances is withheld; it is shown only to "
            "that person or someone entitled to see it (use --include-sensitive)."
        ),
        WITHHELD_MANY: (
            "{count} findings about one person's own circumstances are withheld; they are "
            "shown only to that person or someone entitled to see them (use "
            "--include-sensitive)."
        ),
        "render.untranslated": (
            "{count} sentences in this report are not yet available in Welsh, so they are "
            "shown in English."
        ),
    }
)


def word(key: str, locale: str, **values: object) -> str:
    """The report text for ``key`` in ``locale``, with ``values`` in its placeholders."""
    return text(key, locale).format_map(values) if values else text(key, locale)


def heading(area: Area, locale: str) -> str:
    """The heading of an area's section."""
    return word(f"render.area.{area.value}", locale)


def severity_label(severity: Severity, locale: str) -> str:
    """The word shown beside a finding for its severity (never colour alone)."""
    return word(f"render.severity.{severity.value}", locale)


def summary(counts: Mapping[Severity, int], locale: str) -> str:
    """A one-line count of findings by severity, most serious first ("2 problems, 1 warning")."""
    parts = []
    for severity in SUMMARY_ORDER:
        count = counts.get(severity, 0)
        if count:
            form = "one" if count == 1 else "many"
            parts.append(word(f"render.count.{severity.value}.{form}", locale, count=count))
    return ", ".join(parts) if parts else word("render.nothing", locale)
