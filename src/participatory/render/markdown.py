r"""A report as Markdown (CommonMark with GitHub tables), every piece of text escaped.

Text from a project file or a finding's values is escaped, so a title such as
``*Our* <river>`` cannot turn into emphasis or raw HTML when the Markdown is shown.

>>> print(escape("*Our* <river> [link](x)"))
\*Our\* \<river\> \[link\](x)
"""

from __future__ import annotations

from participatory.core.text import markdown_text
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


def _section(section: SectionView, view: ReportView) -> list[str]:
    lines = [f"## {escape(section.heading)}", "", f"*{escape(section.summary)}*", ""]
    labels = view.labels
    if section.findings or section.withheld:
        lines += [f"### {escape(labels.findings)}", ""]
        lines += [
            f"- **{escape(f.severity_label)}:** {escape(f.sentence)}{_refs(f.citations)}"
            for f in section.findings
        ]
        lines += [f"- *{escape(withheld)}*" for withheld in section.withheld]
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
    """The report as Markdown: one ``#`` title, a ``##`` section per area."""
    lines = [f"# {escape(view.title)}", "", escape(view.as_at), "", escape(view.summary), ""]
    lines += [f"> {escape(notice)}\n" for notice in view.notices]
    lines += [f"*{escape(view.caveat)}*", ""]
    for section in view.sections:
        lines += _section(section, view)
    if view.sources:
        lines += [f"## {escape(view.labels.sources)}", ""]
        lines += [_entry(source) for source in view.sources]
    return "\n".join(lines).rstrip("\n") + "\n"
