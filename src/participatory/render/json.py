"""A report as JSON for other systems: the report's data plus its sentences in a locale.

The data is :func:`participatory.core.serialise.unstructure` of the report (money as
strings, dates ISO, sensitive values withheld unless asked for). Each section also carries
its heading and summary, each finding its sentence, severity label and actions in words,
and each figure its label and formatted value, all in the report's locale. Unless
``include_sensitive`` is true, a sensitive finding keeps only its severity and subject
(``"withheld": true``, no sentence), a sensitive figure only its subject (no label or
value), and each section's ``withheld`` lists the view's per-person lines. Output is
deterministic: keys sorted, no timestamps, nothing read from the environment, so the same
report gives the same bytes anywhere.

>>> import datetime as dt
>>> from participatory.assessment.report import GovernanceReport
>>> from participatory.render.view import build_view
>>> report = GovernanceReport("p", "River watch", dt.date(2026, 11, 25))
>>> data = json.loads(render_json(
...     report, build_view(report, locale="cy", include_sensitive=False), include_sensitive=False))
>>> data["as_at"], data["as_at_text"]
('2026-11-25', 'Aseswyd fel ar 25 Tachwedd 2026.')
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Final

import attrs

from participatory.assessment.report import GovernanceReport
from participatory.core.serialise import unstructure
from participatory.render.chrome import severity_label, word
from participatory.render.text import action_sentence, sentence
from participatory.render.view import ReportView

__all__ = ["FORMAT_VERSION", "render_json"]

#: Bumped when a field is renamed or removed (adding fields keeps the version).
FORMAT_VERSION: Final = 1


def _plain(value: object) -> Any:
    """A last resort for values the converter left as objects: sets sorted, others as text."""
    if isinstance(value, set | frozenset):
        return sorted(str(item) for item in value)
    return str(value)


def render_json(report: GovernanceReport, view: ReportView, *, include_sensitive: bool) -> str:
    """The report as a JSON document (UTF-8 text, keys sorted, ending with a newline)."""
    data: dict[str, Any] = unstructure(report, include_sensitive=include_sensitive)
    locale = view.locale
    for section_data, section, section_view in zip(
        data["sections"], report.sections, view.sections, strict=True
    ):
        section_data["heading"] = section_view.heading
        section_data["summary"] = section_view.summary
        section_data["withheld"] = list(section_view.withheld)
        for finding_data, finding in zip(section_data["findings"], section.findings, strict=True):
            finding_data["severity_label"] = severity_label(finding.severity, locale)
            if finding_data["withheld"]:
                finding_data["sentence"] = None
                finding_data["action_sentences"] = None
                continue
            finding_data["sentence"] = sentence(
                finding, locale=locale, include_sensitive=include_sensitive
            )
            finding_data["action_sentences"] = [
                action_sentence(key, locale=locale) for key in finding.actions
            ]
        shown = iter(section_view.figures)
        for figure_data, figure in zip(section_data["figures"], section.figures, strict=True):
            figure_data["withheld"] = figure.sensitive and not include_sensitive
            if figure_data["withheld"]:
                # Its label ("Change in this contributor's benefits") would say what it is.
                figure_data.update(value=None, label_key=None, label=None, display=None)
                continue
            figure_view = next(shown)
            figure_data["label"] = figure_view.label
            figure_data["display"] = figure_view.value
    data.update(
        {
            "format_version": FORMAT_VERSION,
            "locale": locale,
            "includes_sensitive": include_sensitive,
            "title": view.title,
            "as_at_text": view.as_at,
            "summary": view.summary,
            "caveat": view.caveat,
            "notices": list(view.notices),
            # The words a consumer needs to lay the report out itself in the same locale.
            "labels": {
                **attrs.asdict(view.labels),
                "verified": word("render.verified", locale),
                "not_verified": word("render.not_verified", locale),
            },
        }
    )
    return _dumps(data)


def _dumps(data: Mapping[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2, default=_plain) + "\n"
