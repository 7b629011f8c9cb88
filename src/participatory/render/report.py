"""Rendering a whole governance report: one function, four formats, two locales.

:func:`render` turns a :class:`~participatory.assessment.report.GovernanceReport` into
plain text for a terminal, Markdown, a self-contained HTML page, or JSON for other
systems, in British English (``en_GB``) or Welsh (``cy``). The locale is always explicit:
nothing is read from the environment. Every format opens with "What to do first"
(:mod:`participatory.render.first`); ``brief=True`` gives that block and the figures only.
By default a sensitive finding's values and a sensitive figure are withheld;
``include_sensitive=True`` is for a copy that stays with the contributor or a system entitled
to their data.

>>> import datetime as dt
>>> import participatory.payments  # defines the payments messages used below
>>> from participatory.assessment.report import Area, GovernanceReport, ReportSection
>>> from participatory.core.explain import Finding, Severity
>>> from participatory.core.money import Money
>>> late = Finding("PAY-LATE", Severity.WARNING, "payments.late", {
...     "payment": "P1", "contributor": "Sam", "amount": Money.gbp("90"),
...     "paid_on": dt.date(2026, 11, 20), "working_days_late": 3,
...     "deadline": dt.date(2026, 11, 17)})
>>> report = GovernanceReport("river", "River watch", dt.date(2026, 11, 25),
...     sections=[ReportSection(Area.PAYMENTS, findings=[late])])
>>> print(render(report, format="text", locale="cy"))
Adroddiad llywodraethu: River watch
===================================
Aseswyd fel ar 25 Tachwedd 2026.
Ar draws yr adroddiad cyfan: un rhybudd.
<BLANKLINE>
Beth i'w wneud yn gyntaf
------------------------
Rhybuddion
  - Talwyd taliad P1 i Sam (£90.00) ar 20 Tachwedd 2026, ...
    Beth i'w wneud: ... Gweler Taliadau.
...
Taliadau
--------
un rhybudd
<BLANKLINE>
Canfyddiadau
  - Rhybudd: Talwyd taliad P1 i Sam (£90.00) ar 20 Tachwedd 2026, ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from participatory.assessment.report import GovernanceReport
from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly
from participatory.render.i18n import SUPPORTED_LOCALES
from participatory.render.view import build_view

if TYPE_CHECKING:
    from participatory.render.branding import Branding

__all__ = ["FORMATS", "render"]

#: The formats :func:`render` knows.
FORMATS: Final = ("text", "markdown", "html", "json")


@computes_exactly
def render(
    report: GovernanceReport,
    *,
    format: str,
    locale: str,
    include_sensitive: bool = False,
    brief: bool = False,
    branding: Branding | None = None,
) -> str:
    """``report`` as ``format`` (text, markdown, html or json) in ``locale`` (en_GB or cy).

    ``brief`` keeps "What to do first" and each section's heading, summary and figures, and
    leaves out the findings, actions and sources. ``branding`` gives an HTML page the
    institution's name, logo and colours (:class:`~participatory.render.branding.Branding`);
    the other formats have no look of their own and ignore it.

    Raises :class:`~participatory.core.errors.ValidationError` (a ``ValueError``) for an
    unknown format or locale.
    """
    if not isinstance(report, GovernanceReport):
        raise ValidationError("report", "must be a GovernanceReport (from participatory.assess)")
    if not isinstance(include_sensitive, bool):
        raise ValidationError("include_sensitive", "must be true or false")
    if not isinstance(brief, bool):
        raise ValidationError("brief", "must be true or false")
    if not isinstance(format, str) or format not in FORMATS:
        raise ValidationError("", f"format {format!r} is not supported; use one of {FORMATS}")
    if not isinstance(locale, str) or locale not in SUPPORTED_LOCALES:
        raise ValidationError(
            "", f"locale {locale!r} is not supported; use one of {SUPPORTED_LOCALES}"
        )
    view = build_view(report, locale=locale, include_sensitive=include_sensitive, brief=brief)
    # Each format's writer is imported when it is asked for: the HTML page's (its styles,
    # its words, its plots) is a good part of the import time of a text report.
    if format == "text":
        from participatory.render.plain import render_text

        return render_text(view)
    if format == "markdown":
        from participatory.render.markdown import render_markdown

        return render_markdown(view)
    if format == "html":
        from participatory.render.html import render_html

        return render_html(view, branding=branding)
    from participatory.render.json import render_json

    return render_json(report, view, include_sensitive=include_sensitive)
