"""A report as one self-contained, accessible HTML page.

The page needs nothing else: the style sheet is inline, there are no scripts, images or
fonts to fetch. It is written for people using screen readers and keyboards as much as for
anyone: the ``lang`` attribute names the language, headings go in order, figures are a
table with header cells, and each finding's severity is a word, not only a colour (the
colours all reach WCAG AA contrast on the white page). Every piece of text is escaped.

Each section ends with its own bibliography: every document its findings cite, once, with an
anchor; a finding's short citations ("Bath report §5.3") link to it.

>>> import datetime as dt
>>> from participatory.assessment.report import GovernanceReport
>>> from participatory.render.view import build_view
>>> report = GovernanceReport("p", "<River> & sea", dt.date(2026, 11, 25))
>>> page = render_html(build_view(report, locale="cy", include_sensitive=False))
>>> page.splitlines()[1]
'<html lang="cy">'
>>> "&lt;River&gt; &amp; sea" in page
True
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from types import MappingProxyType
from typing import Final

from participatory.core.explain import Severity
from participatory.render.chrome import word
from participatory.render.view import (
    CitationView,
    ReportView,
    SectionView,
    SourceView,
    cited_documents,
)

__all__ = ["PALETTE", "render_html"]

#: Colours used on the white page; each reaches at least 4.5:1 contrast against white.
PALETTE: Final[Mapping[str, str]] = MappingProxyType(
    {
        "text": "#1b1b1b",
        "muted": "#4a4a4a",
        "link": "#0b4f8a",
        "info": "#4a4a4a",
        "met": "#1d6b35",
        "advice": "#0b4f8a",
        "warning": "#7a4a00",
        "problem": "#a4161a",
        "refer": "#5b2a86",
    }
)


def _style() -> str:
    severities = "\n".join(
        f".sev-{s.value} {{ border-left-color: {PALETTE[s.value]}; }}\n"
        f".sev-{s.value} .sev {{ color: {PALETTE[s.value]}; }}"
        for s in Severity
    )
    return f"""
body {{ font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.5;
  color: {PALETTE["text"]}; background: #ffffff; margin: 0; }}
main {{ max-width: 50rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }}
h1 {{ font-size: 1.75rem; margin-bottom: 0.25rem; }}
h2 {{ font-size: 1.35rem; margin-top: 2.5rem; border-bottom: 2px solid #d0d0d0; }}
h3 {{ font-size: 1.05rem; margin-bottom: 0.25rem; }}
a {{ color: {PALETTE["link"]}; }}
a:focus {{ outline: 3px solid #ffbf47; outline-offset: 1px; }}
.summary {{ font-weight: 600; }}
.notice {{ border: 2px solid {PALETTE["text"]}; padding: 0.5rem 0.75rem; }}
.caveat, .rule, .verified {{ color: {PALETTE["muted"]}; }}
ul.findings {{ list-style: none; padding-left: 0; }}
ul.findings li {{ border-left: 0.4rem solid; padding: 0.25rem 0 0.25rem 0.75rem;
  margin-bottom: 0.6rem; }}
.sev {{ font-weight: 700; }}
ul.findings li.withheld {{ border-left-color: {PALETTE["muted"]}; font-style: italic; }}
.rule {{ font-size: 0.8rem; display: block; }}
table {{ border-collapse: collapse; }}
th, td {{ text-align: left; padding: 0.25rem 1rem 0.25rem 0; border-bottom: 1px solid #d0d0d0; }}
td {{ text-align: right; font-variant-numeric: tabular-nums; }}
{severities}
"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def _source_id(section: SectionView, number: int) -> str:
    return f"src-{section.area.value}-{number}"


def _pinpoint(citation: CitationView) -> str:
    shown = _e(citation.pinpoint or "")
    if not citation.verified:
        shown += f' <span class="verified">({_e(citation.verified_label)})</span>'
    return shown.strip()


def _document(section: SectionView, group: tuple[CitationView, ...]) -> str:
    """One cited document, linked to its entry in the section's sources, with its pinpoints."""
    first = group[0]
    link = f'<a href="#{_source_id(section, first.number)}">{_e(first.short_title)}</a>'
    pinpoints = ", ".join(part for part in map(_pinpoint, group) if part)
    return f"{link} {pinpoints}".rstrip()


def _refs(section: SectionView, citations: tuple[CitationView, ...]) -> str:
    if not citations:
        return ""
    links = "; ".join(_document(section, group) for group in cited_documents(citations))
    return f' <span class="refs">[{links}]</span>'


def _source(section: SectionView, source: SourceView) -> str:
    url = ""
    if source.url:
        shown = _e(source.url)
        is_web = source.url.startswith(("https://", "http://"))
        url = f' <a href="{shown}">{shown}</a>' if is_web else f" {shown}"
    return (
        f'<li id="{_source_id(section, source.number)}" value="{source.number}">'
        f"{_e(source.details())}{url} "
        f'<span class="verified">({_e(source.kind_label)})</span></li>'
    )


def _section(section: SectionView, view: ReportView) -> list[str]:
    area = section.area.value
    labels = view.labels
    out = [
        f'<section aria-labelledby="h-{area}" data-area="{area}">',
        f'<h2 id="h-{area}">{_e(section.heading)}</h2>',
        f'<p class="summary">{_e(section.summary)}</p>',
    ]
    if section.findings or section.withheld:
        out += [f"<h3>{_e(labels.findings)}</h3>", '<ul class="findings">']
        for f in section.findings:
            rule = _e(word("render.rule", view.locale, rule_id=f.rule_id))
            out.append(
                f'<li class="sev-{f.severity.value}" data-rule="{_e(f.rule_id)}" '
                f'data-severity="{f.severity.value}">'
                f'<span class="sev">{_e(f.severity_label)}:</span> {_e(f.sentence)}'
                f'{_refs(section, f.citations)} <small class="rule">{rule}</small></li>'
            )
        out += [f'<li class="withheld">{_e(withheld)}</li>' for withheld in section.withheld]
        out.append("</ul>")
    if section.actions:
        out += [f"<h3>{_e(labels.actions)}</h3>", "<ul>"]
        out += [f"<li>{_e(action)}</li>" for action in section.actions]
        out.append("</ul>")
    if section.figures:
        out += [
            f"<h3>{_e(labels.figures)}</h3>",
            "<table>",
            f"<caption>{_e(section.heading)}: {_e(labels.figures)}</caption>",
            f'<thead><tr><th scope="col">{_e(labels.figure)}</th>'
            f'<th scope="col">{_e(labels.value)}</th></tr></thead>',
            "<tbody>",
        ]
        out += [
            f'<tr><th scope="row">{_e(g.label)}</th><td>{_e(g.value)}</td></tr>'
            for g in section.figures
        ]
        out += ["</tbody>", "</table>"]
    if section.sources:
        out += [f"<h3>{_e(labels.sources)}</h3>", "<ol>"]
        out += [_source(section, source) for source in section.sources]
        out.append("</ol>")
    out.append("</section>")
    return out


def render_html(view: ReportView) -> str:
    """The report as a complete HTML5 document in the view's language."""
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(view.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(view.title)}</title>",
        f"<style>{_style()}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_e(view.title)}</h1>",
        f"<p>{_e(view.as_at)}</p>",
        f'<p class="summary">{_e(view.summary)}</p>',
    ]
    out += [f'<p class="notice" role="note">{_e(notice)}</p>' for notice in view.notices]
    out.append(f'<p class="caveat">{_e(view.caveat)}</p>')
    for section in view.sections:
        out += _section(section, view)
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
