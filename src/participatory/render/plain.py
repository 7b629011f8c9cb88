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
    # expressions: wrapping was a quarter of the time of rendering a large report. Each
    # line is cut at the last space that leaves it within the width (one search per line,
    # not a step per word); a word longer than a line has a line of its own.
    lines: list[str] = []
    prefix = indent
    start = 0
    end = len(text)
    while end - start > WIDTH - len(prefix):
        # Never a search end before start: a negative end would count from the text's end.
        cut = text.rfind(" ", start, max(start, start + WIDTH - len(prefix) + 1))
        if cut < 0:
            cut = text.find(" ", start)
            if cut < 0:
                break
        lines.append(prefix + text[start:cut])
        prefix = hanging
        start = cut + 1
    lines.append(prefix + text[start:])
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


def _section(section: SectionView, view: ReportView, refs: dict[tuple[int, ...], str]) -> list[str]:
    lines = ["", *_underlined(section.heading, "-"), *_wrap(section.summary)]
    labels = view.labels
    if section.findings:
        lines += ["", labels.findings]
        for f in section.findings:
            # Findings of one rule cite the same passages: the view holds one CitationView
            # per passage for the whole report, so their identities name the list, and each
            # list is put in words once per report.
            key = tuple(map(id, f.citations))
            shown = refs.get(key)
            if shown is None:
                shown = refs[key] = _refs(f.citations)
            lines += _wrap(f"{f.severity_label}: {f.sentence}{shown}", "  - ", "    ")
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
            lines += _wrap(f"{step.do} {step.see}" if step.see else step.do, "    ")
    return [*lines, ""]


def render_text(view: ReportView) -> str:
    """The report as plain text, lines wrapped at 88 characters, ending with a newline."""
    lines = [*_underlined(view.title, "="), view.as_at, *_wrap(view.summary), ""]
    if view.first is not None:
        lines += _first(view.first)
    for notice in view.notices:
        lines += [*_wrap(notice), ""]
    lines += _wrap(view.caveat)
    # Lives as long as this call, while the view keeps every CitationView (and so each id)
    # alive: at most one entry per distinct list of citations in the report.
    refs: dict[tuple[int, ...], str] = {}
    for section in view.sections:
        lines += _section(section, view, refs)
    if view.sources:
        lines += ["", *_underlined(view.labels.sources, "-")]
        for source in view.sources:
            lines += _wrap(_entry(source), "  ", "      ")
    return "\n".join(lines) + "\n"
