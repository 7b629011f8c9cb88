r"""A report as Markdown (CommonMark with GitHub tables), every piece of text escaped.

Text from a project file or a finding's values is escaped, so a title such as
``*Our* <river>`` cannot turn into emphasis or raw HTML when the Markdown is shown.

>>> print(escape("*Our* <river> [link](x)"))
\*Our\* \<river\> \[link\](x)
"""

from __future__ import annotations

import re
from typing import Final

from participatory.render.view import ReportView, SectionView

__all__ = ["escape", "render_markdown"]

# Characters that could start emphasis, code, links, raw HTML, tables or strike-through.
_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>|~#])")


def escape(text: str) -> str:
    """``text`` with every Markdown-significant character backslash-escaped."""
    # Newlines become spaces, so a value never starts a line of its own (where "1." or
    # "-" would begin a list) nor ends a list item or table cell early.
    return " ".join(_SPECIAL.sub(r"\\\1", text).splitlines())


def _refs(numbers: tuple[int, ...]) -> str:
    return f" \\[{', '.join(str(n) for n in numbers)}\\]" if numbers else ""


def _section(section: SectionView, view: ReportView) -> list[str]:
    lines = [f"## {escape(section.heading)}", "", f"*{escape(section.summary)}*", ""]
    labels = view.labels
    if section.findings or section.withheld:
        lines += [f"### {escape(labels.findings)}", ""]
        lines += [
            f"- **{escape(f.severity_label)}:** {escape(f.sentence)}{_refs(f.sources)}"
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
    if section.sources:
        lines += [f"### {escape(labels.sources)}", ""]
        for source in section.sources:
            url = f" <{source.url}>" if source.url and _is_web(source.url) else ""
            lines.append(
                f"{source.number}. {escape(source.details())}{url} "
                f"({escape(source.verified_label)})"
            )
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
    return "\n".join(lines).rstrip("\n") + "\n"
