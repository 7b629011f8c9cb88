"""A report as plain text for a terminal: headings underlined, lists indented, lines wrapped.

The report opens with "What to do first" (:mod:`participatory.render.first`): its groups,
each step with what to do and the section to read. Each finding ends with its citations as
short pinpoints and the number of each document; the documents are listed once, at the end of
the report. A brief view (``build_view(..., brief=True)``) prints the block and the figures.

>>> import datetime as dt
>>> from participatory.assessment.report import GovernanceReport
>>> from participatory.render.view import build_view
>>> report = GovernanceReport("p", "River watch", dt.date(2026, 11, 25))
>>> print(render_text(build_view(report, locale="en_GB", include_sensitive=False)))
Governance report: River watch
==============================
Assessed as at 25 November 2026.
Across the whole report: nothing to act on.
<BLANKLINE>
What to do first
----------------
Nothing needs acting on first.
<BLANKLINE>
This is an estimate from published rules and guidance, not advice. ...
"""

from __future__ import annotations

import textwrap
from typing import Final

from participatory.render.first import FirstSteps
from participatory.render.view import (
    CitationView,
    ReportView,
    SectionView,
    SourceView,
    cited_documents,
)

__all__ = ["render_text"]

WIDTH: Final = 88


def _greedy(text: str, indent: str, hanging: str) -> list[str]:
    # What textwrap.wrap gives for words separated by single spaces when no word is broken
    # (checked against it in tests/render/test_plain.py), without its regular
    # expressions: wrapping was a quarter of the time of rendering a large report.
    lines: list[str] = []
    line = indent
    room = WIDTH - len(indent)
    used = -1
    for word in text.split(" "):
        if used >= 0 and used + 1 + len(word) <= room:
            line += " " + word
            used += 1 + len(word)
            continue
        if used >= 0:
            lines.append(line)
            line, room = hanging, WIDTH - len(hanging)
        line += word
        used = len(word)
    lines.append(line)
    return lines


def _wrap(text: str, indent: str = "", hanging: str | None = None) -> list[str]:
    # URLs and hyphenated words stay whole: a broken URL cannot be copied.
    hanging = hanging if hanging is not None else indent
    if text and text.isprintable() and "  " not in text and text.strip(" ") == text:
        return _greedy(text, indent, hanging)
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=hanging,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def _underlined(title: str, mark: str) -> list[str]:
    return [title, mark * len(title)]


def _pinpoint(citation: CitationView) -> str:
    unverified = "" if citation.verified else f" ({citation.verified_label})"
    return f"{citation.pinpoint or ''}{unverified}".strip()


def _document(group: tuple[CitationView, ...]) -> str:
    """One cited document: its number, short title and each pinpoint ("1: Bath report §2.4")."""
    pinpoints = ", ".join(part for part in map(_pinpoint, group) if part)
    return f"{group[0].number}: {group[0].short_title} {pinpoints}".rstrip()


def _refs(citations: tuple[CitationView, ...]) -> str:
    if not citations:
        return ""
    return f" [{'; '.join(_document(group) for group in cited_documents(citations))}]"


def _entry(source: SourceView) -> str:
    parts = [source.details(), source.url or "", f"({source.kind_label})"]
    return f"[{source.number}] " + " ".join(part for part in parts if part)


def _section(section: SectionView, view: ReportView) -> list[str]:
    lines = ["", *_underlined(section.heading, "-"), *_wrap(section.summary)]
    labels = view.labels
    if section.findings or section.withheld:
        lines += ["", labels.findings]
        for f in section.findings:
            lines += _wrap(f"{f.severity_label}: {f.sentence}{_refs(f.citations)}", "  - ", "    ")
        for withheld in section.withheld:
            lines += _wrap(withheld, "  - ", "    ")
    if section.actions:
        lines += ["", labels.actions]
        for action in section.actions:
            lines += _wrap(action, "  - ", "    ")
    if section.figures:
        lines += ["", labels.figures]
        for figure in section.figures:
            lines += _wrap(f"{figure.label}: {figure.value}", "  ", "    ")
    return lines


def _first(block: FirstSteps) -> list[str]:
    lines = _underlined(block.heading, "-")
    if block.nothing:
        lines += _wrap(block.nothing)
    for group in block.groups:
        lines.append(group.heading)
        for step in group.steps:
            lines += _wrap(step.text, "  - ", "    ")
            lines += _wrap(f"{step.do} {step.see}", "    ")
    return [*lines, ""]


def render_text(view: ReportView) -> str:
    """The report as plain text, lines wrapped at 88 characters, ending with a newline."""
    lines = [*_underlined(view.title, "="), view.as_at, *_wrap(view.summary), ""]
    if view.first is not None:
        lines += _first(view.first)
    for notice in view.notices:
        lines += [*_wrap(notice), ""]
    lines += _wrap(view.caveat)
    for section in view.sections:
        lines += _section(section, view)
    if view.sources:
        lines += ["", *_underlined(view.labels.sources, "-")]
        for source in view.sources:
            lines += _wrap(_entry(source), "  ", "      ")
    return "\n".join(lines) + "\n"
