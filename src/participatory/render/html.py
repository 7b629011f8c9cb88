"""A report as one self-contained, accessible HTML page, in an institution's own look.

The page needs nothing else: the style sheet is inline, there are no scripts or fonts, and
a logo is embedded in the page; its content security policy forbids fetching anything
or running anything, so no copy of a report can call out. It is written for people using
screen readers and keyboards as much as for anyone: the ``lang`` attribute names the
language, a skip link leads past the contents to the report, the page has header,
navigation, main and footer landmarks, headings go in order, figures are a table with
header cells, and each finding's severity is a word, not only a colour (the colours all
reach WCAG AA contrast on the white page). Every piece of text is escaped. Printed, it
leaves out the contents and keeps each finding whole on one page
(see the style sheet in ``_page_style``).

The reader's text never shows a rule id or a command-line option: a finding's rule is
in its ``data-rule`` attribute and in the notes for developers at the foot of the page,
folded in a ``<details>`` element.

Each section ends with its own bibliography: every document its findings cite, once, with an
anchor; a finding's short citations ("Bath report §5.3") link to it.

Blocks the view adds before the sections (such as "What to do first") are laid out from
their shape: a block with a ``heading`` gets a heading, an anchor and a line in the
contents; each entry shows its severity as a word, its texts, and links to the sections it
names.

>>> import datetime as dt
>>> from participatory.assessment.report import GovernanceReport
>>> from participatory.render.branding import Branding
>>> from participatory.render.view import build_view
>>> report = GovernanceReport("p", "<River> & sea", dt.date(2026, 11, 25))
>>> page = render_html(build_view(report, locale="cy", include_sensitive=False),
...                    branding=Branding("Prifysgol <Aber>"))
>>> page.splitlines()[1]
'<html lang="cy">'
>>> "&lt;River&gt; &amp; sea" in page, "Prifysgol &lt;Aber&gt;" in page
(True, True)
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from typing import Any, Final

import attrs

from participatory.core.errors import ValidationError
from participatory.render._page_style import PALETTE, style_sheet
from participatory.render.branding import Branding
from participatory.render.chrome import word
from participatory.render.view import (
    CitationView,
    ReportView,
    SectionView,
    SourceView,
    cited_documents,
)

__all__ = ["CONTENT_SECURITY_POLICY", "PALETTE", "render_html"]

#: The page's content security policy: its own inline style and embedded images, and
#: nothing else (no scripts, no fetches, no forms, no frames).
CONTENT_SECURITY_POLICY: Final = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)

# The fields of a report view this module lays out by name; any other field holding a
# block with a heading is laid out from its shape, before the sections.
_KNOWN_FIELDS: Final = frozenset(
    {
        "locale", "language", "title", "as_at", "summary", "caveat", "notices",
        "labels", "sections", "sources",
    }
)  # fmt: skip
# Fields of a block or entry that are for machines, never shown as text.
_MACHINE_FIELDS: Final = frozenset({"anchor", "heading", "rule_id", "severity_label", "key"})


def _e(text: str) -> str:
    return escape(text, quote=True)


def _source_id(section: SectionView, number: int) -> str:
    return f"src-{section.area.value}-{number}"


def _finding_id(section: SectionView, number: int) -> str:
    return f"f-{section.area.value}-{number}"


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
        url = f' <a class="url" href="{shown}">{shown}</a>' if is_web else f" {shown}"
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
    if section.findings:
        out += [f"<h3>{_e(labels.findings)}</h3>", '<ul class="findings">']
        for number, f in enumerate(section.findings, start=1):
            out.append(
                f'<li id="{_finding_id(section, number)}" class="sev-{f.severity.value}" '
                f'data-rule="{_e(f.rule_id)}" data-severity="{f.severity.value}">'
                f'<span class="sev">{_e(f.severity_label)}:</span> {_e(f.sentence)}'
                f"{_refs(section, f.citations)}</li>"
            )
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


# --- Blocks laid out from their shape ("What to do first" and any block like it) ---


def _fields(value: object) -> list[str]:
    """The names of an attrs instance's fields, in order."""
    kind: Any = type(value)
    return [field.name for field in attrs.fields(kind)]


def _is_block(value: object) -> bool:
    return attrs.has(type(value)) and isinstance(getattr(value, "heading", None), str)


def _is_link(value: object) -> bool:
    return attrs.has(type(value)) and all(
        isinstance(getattr(value, name, None), str) for name in ("anchor", "heading")
    )


def _link(target: object) -> str:
    anchor, heading = getattr(target, "anchor"), getattr(target, "heading")  # noqa: B009
    return f'<a href="#{_e(anchor)}">{_e(heading)}</a>'


def _linked(text: str, links: list[object]) -> str | None:
    """``text`` escaped, each link's heading in it (in order) a link; None if one is missing."""
    out, position = [], 0
    for target in links:
        heading = getattr(target, "heading")  # noqa: B009
        found = text.find(heading, position) if heading else -1
        if found < 0:
            return None
        out += [_e(text[position:found]), _link(target)]
        position = found + len(heading)
    return "".join(out) + _e(text[position:])


def _entry(item: object) -> str:
    """One entry of a block: its severity as a word, its texts, links to what it names."""
    names = _fields(item)
    texts = [
        value
        for name in names
        if name not in _MACHINE_FIELDS and isinstance(value := getattr(item, name), str) and value
    ]
    # A text another text already says ("Put it right." inside "What to do: Put it right.").
    texts = [t for t in texts if not any(t != other and t in other for other in texts)]
    links = [
        value
        for name in names
        for value in (getattr(item, name) if isinstance(getattr(item, name), tuple) else ())
        if _is_link(value)
    ]
    shown = [_e(text) for text in texts]
    # The links go in the last text naming every one of them ("See Benefits, Ethics.").
    for index in reversed(range(len(texts)) if links else ()):
        linked = _linked(texts[index], links)
        if linked is not None:
            shown[index] = linked
            break
    else:
        if links:
            shown.append(", ".join(_link(target) for target in links))
    body = " ".join(shown)
    label = getattr(item, "severity_label", None)
    if isinstance(label, str):
        body = f'<span class="sev">{_e(label)}:</span> {body}'
    severity = getattr(getattr(item, "severity", None), "value", None)
    rule = getattr(item, "rule_id", None)
    extra = f' data-rule="{_e(rule)}"' if isinstance(rule, str) else ""
    classes = f' class="sev-{_e(severity)}"' if isinstance(severity, str) else ""
    return f"<li{classes}{extra}>{body}</li>"


def _anchor(name: str, block: object) -> str:
    """The id of a block's heading: its own ``anchor``, or one made from its name."""
    anchor = getattr(block, "anchor", None)
    return anchor if isinstance(anchor, str) else f"b-{name}"


def _block(block: object, name: str, level: int) -> list[str]:
    """A block with a heading: the heading (with an anchor), then its texts and entries."""
    heading = _e(getattr(block, "heading"))  # noqa: B009
    out = [f'<h{level} id="{_e(_anchor(name, block))}">{heading}</h{level}>']
    for name_of_field in _fields(block):
        if name_of_field in _MACHINE_FIELDS:
            continue
        value = getattr(block, name_of_field)
        if isinstance(value, str) and value:
            out.append(f"<p>{_e(value)}</p>")
        elif isinstance(value, tuple) and value and all(attrs.has(type(v)) for v in value):
            for number, part in enumerate(value, start=1):
                if _is_block(part):
                    out += _block(part, f"{name}-{number}", min(level + 1, 6))
            entries = [part for part in value if not _is_block(part)]
            if entries:
                out += ['<ul class="findings">', *map(_entry, entries), "</ul>"]
    return out


def _blocks(view: ReportView) -> Iterator[tuple[str, object]]:
    """The view's blocks beyond the ones laid out by name, with their field names."""
    for field in attrs.fields(type(view)):
        if field.name not in _KNOWN_FIELDS and _is_block(getattr(view, field.name)):
            yield field.name, getattr(view, field.name)


# --- The page ---


def _header(view: ReportView, branding: Branding | None) -> list[str]:
    out = ["<header>"]
    if branding is not None:
        logo = ""
        if branding.logo is not None:
            # Decorative: the institution's name is beside it, in words.
            logo = f'<img src="{branding.logo.data_uri()}" alt="">'
        out.append(f'<p class="institution">{logo}<span>{_e(branding.institution)}</span></p>')
    out += [f"<h1>{_e(view.title)}</h1>", f"<p>{_e(view.as_at)}</p>", "</header>"]
    return out


def _contents(view: ReportView) -> list[str]:
    title = _e(word("render.page.contents", view.locale))
    out = [
        '<nav aria-labelledby="contents">',
        f'<h2 id="contents">{title}</h2>',
        "<ol>",
    ]
    for name, block in _blocks(view):
        heading = _e(getattr(block, "heading"))  # noqa: B009
        out.append(f'<li><a href="#{_e(_anchor(name, block))}">{heading}</a></li>')
    for section in view.sections:
        out.append(
            f'<li><a href="#h-{section.area.value}">{_e(section.heading)}</a> '
            f'<span class="count">({_e(section.summary)})</span></li>'
        )
    out += ["</ol>", "</nav>"]
    return out


def _developers(view: ReportView) -> list[str]:
    """The rule behind each finding, folded away: for developers, never the reader's text."""
    rules = [
        f'<li><a href="#{_finding_id(section, number)}">{_e(section.heading)}</a>: '
        f"<code>{_e(word('render.rule', view.locale, rule_id=finding.rule_id))}</code></li>"
        for section in view.sections
        for number, finding in enumerate(section.findings, start=1)
    ]
    if not rules:
        return []
    summary = _e(word("render.page.developers", view.locale))
    return ['<details class="developers">', f"<summary>{summary}</summary>", "<ol>", *rules]


def render_html(view: ReportView, *, branding: Branding | None = None) -> str:
    """The report as a complete HTML5 document in the view's language.

    ``branding`` gives the page the institution's name, logo and colours; without it the
    page has the library's neutral look.
    """
    if branding is not None and not isinstance(branding, Branding):
        raise ValidationError("branding", "must be a Branding (or None for the neutral look)")
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(view.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(view.title)}</title>",
        f"<style>{style_sheet(branding)}</style>",
        "</head>",
        "<body>",
        f'<a class="skip" href="#main">{_e(word("render.page.skip", view.locale))}</a>',
        *_header(view, branding),
        *_contents(view),
        '<main id="main" tabindex="-1">',
        f'<p class="summary">{_e(view.summary)}</p>',
    ]
    out += [f'<p class="notice" role="note">{_e(notice)}</p>' for notice in view.notices]
    out.append(f'<p class="caveat">{_e(view.caveat)}</p>')
    for name, block in _blocks(view):
        out += [
            f'<section aria-labelledby="{_e(_anchor(name, block))}" data-block="{_e(name)}">',
            *_block(block, name, 2),
            "</section>",
        ]
    for section in view.sections:
        out += _section(section, view)
    out.append("</main>")
    developers = _developers(view)
    if developers:
        out += ["<footer>", *developers, "</ol>", "</details>", "</footer>"]
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
