"""The words around the findings: headings, severity labels, summaries, notices.

Like the engines' messages, the report's own text is a set of English templates (message
keys under ``render.``, in :mod:`participatory.render.words`) that the Welsh catalogue
translates; :func:`word` looks one up in a locale.

>>> word("render.sources", "cy")
'Ffynonellau'
>>> heading(Area.BENEFITS, "cy")
'Budd-daliadau'
>>> severity_label(Severity.WARNING, "en_GB")
'Warning'
>>> summary({Severity.PROBLEM: 2, Severity.WARNING: 1}, "en_GB")
'2 problems, 1 warning'
>>> summary({Severity.PROBLEM: 2, Severity.WARNING: 7}, "cy")
'dwy broblem, 7 o rybuddion'
"""

from __future__ import annotations

from collections.abc import Mapping

from participatory.assessment.report import Area
from participatory.core.explain import Severity
from participatory.render.text import text
from participatory.render.words import SUMMARY_ORDER

__all__ = ["heading", "severity_label", "summary", "word"]


def word(key: str, locale: str, **values: object) -> str:
    """The report text for ``key`` in ``locale``, with ``values`` in its placeholders.

    For a plural template the number among ``values`` picks the form.
    """
    return text(key, locale, values).format_map(values) if values else text(key, locale)


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
            parts.append(word(f"render.count.{severity.value}", locale, count=count))
    return ", ".join(parts) if parts else word("render.nothing", locale)
