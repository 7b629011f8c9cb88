r"""A report as Markdown (CommonMark with GitHub tables), every piece of text escaped.

Text from a project file or a finding's values is escaped, so a title such as
``*Our* <river>`` cannot turn into emphasis or raw HTML when the Markdown is shown.

>>> print(escape("*Our* <river> [link](x)"))
\*Our\* \<river\> \[link\](x)
"""

from __future__ import annotations

from participatory.core.text import markdown_text
from participatory.render.first import FirstSteps, SectionLink
from participatory.render.view import (
    CitationView,
    ReportView,
    SectionView,
    SourceView,
    cited_documents,
)

__all__ = ["escape", "render_markdown"]


def escape(text: str) -> str:
    """``text`` with every Markdown-significant character backslash-escaped.

    Newlines become spaces, so a value never starts a line of its own (where "1." or "-"
    would begin a list) nor ends a list item or table cell early
    (:func:`participatory.core.text.markdown_text`).
    """
    return markdown_text(text)


def _pinpoint(citation: CitationView) -> str:
    unverified = "" if citation.verified else f" ({citation.verified_label})"
    return escape(f"{citation.pinpoint or ''}{unverified}".strip())


def _document(group: tuple[CitationView, ...]) -> str:
    pinpoints = ", ".join(part for part in map(_pinpoint, group) if part)
    return f"{group[0].number}: {escape(group[0].short_title)} {pinpoints}".rstrip()


def _refs(citations: tuple[CitationView, ...]) -> str:
    if not citations:
        return ""
    return f" \\[{'; '.join(_document(group) for group in cited_documents(citations))}\\]"


def _entry(source: SourceView) -> str:
    url = f" <{source.url}>" if source.url and _is_web(source.url) else ""
    return f"{source.number}. {escape(source.details())}{url} ({escape(source.kind_label)})"


def _anchor(anchor: str) -> str:
    # An explicit target: a heading's own id depends on the renderer and the language.
    return f'<a id="{anchor}"></a>'


def _link(link: SectionLink) -> str:
    return f"[{escape(link.heading)}](#{link.anchor})"


def _first(block: FirstSteps) -> list[str]:
    lines = [_anchor(block.anchor), "", f"## {escape(block.heading)}", ""]
    if block.nothing:
        lines += [escape(block.nothing), ""]
    for group in block.groups:
        lines += [f"### {escape(group.heading)}", ""]
        for step in group.steps:
            line = f"- {escape(step.text)} {escape(step.do)}"
            if step.sections:
                line += f" ({', '.join(_link(link) for link in step.sections)})"
            lines.append(line)
        lines.append("")
    return lines


def _section(section: SectionView, view: ReportView) -> list[str]:
    lines = [_anchor(section.anchor), "", f"## {escape(section.heading)}", ""]
    lines += [f"*{escape(section.summary)}*", ""]
    labels = view.labels
    if section.findings:
        lines += [f"### {escape(labels.findings)}", ""]
        lines += [
            f"- **{escape(f.severity_label)}:** {escape(f.sentence)}{_refs(f.citations)}"
            for f in section.findings
        ]
        lines.append("")
    if section.actions:
        lines += [f"### {escape(labels.actions)}", ""]
        lines += [f"- {escape(action)}" for action in section.actions]
        lines.append("")
    if section.figures:
        lines += [f"### {escape(labels.figures)}", ""]
        lines += [f"| {escape(labels.figure)} | {escape(labels.value)} |", "| --- | ---: |"]
        lines += [f"| {escape(g.label)} | {escape(g.value)} |" for g in section.figures]
        lines.append("")
    return lines


def _is_web(url: str) -> bool:
    return url.startswith(("https://", "http://")) and not any(c in url for c in "<> \n")


def render_markdown(view: ReportView) -> str:
    """The report as Markdown: one ``#`` title, "What to do first", a ``##`` section per area.

    Each section has an explicit anchor (``<a id="h-payments"></a>``) that the block's
    links point to.
    """
    lines = [f"# {escape(view.title)}", "", escape(view.as_at), "", escape(view.summary), ""]
    if view.first is not None:
        lines += _first(view.first)
    lines += [f"> {escape(notice)}\n" for notice in view.notices]
    lines += [f"*{escape(view.caveat)}*", ""]
    for section in view.sections:
        lines += _section(section, view)
    if view.sources:
        lines += [f"## {escape(view.labels.sources)}", ""]
        lines += [_entry(source) for source in view.sources]
    return "\n".join(lines).rstrip("\n") + "\n"
