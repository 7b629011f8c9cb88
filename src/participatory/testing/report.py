"""Hypothesis strategies for governance reports, for testing renderers and report consumers.

:func:`governance_reports` builds reports whose findings use real message keys with every
placeholder filled (money, dates, numbers, text full of markup characters), so any report
it draws can be rendered. Pass ``sentinel`` to put that string in every value of every
sensitive finding and figure: a renderer that withholds sensitive data must then never
print it.

>>> from hypothesis import given
>>> from participatory.render import render
>>> @given(governance_reports(sentinel="ZZSENTINELZZ"))
... def check(report):
...     assert "ZZSENTINELZZ" not in render(report, format="text", locale="cy")
>>> check()
"""

import datetime as dt
import string
from collections.abc import Sequence
from html.parser import HTMLParser
from typing import Any

from hypothesis import strategies as st

from participatory.assessment.report import Area, Figure, GovernanceReport, ReportSection
from participatory.core.explain import Finding
from participatory.render.templates import message_keys, template
from participatory.testing.strategies import amounts, citations, dates, money, severities

__all__ = ["figure_values", "governance_reports", "html_problems", "report_texts"]

# Letters plus everything HTML, Markdown and str.format treat specially; lower case only,
# so an upper-case sentinel can never be drawn by chance.
_ALPHABET = string.ascii_lowercase + " <>&\"'*_[]`{}#|\\/.-£é"


def report_texts(max_size: int = 20) -> st.SearchStrategy[str]:
    """Short texts full of markup characters (never containing an upper-case letter)."""
    return st.text(alphabet=_ALPHABET, max_size=max_size)


def figure_values() -> st.SearchStrategy[object]:
    """What a finding or figure value can be: money, a date, a number or a short text."""
    return st.one_of(
        money(), dates(), amounts(-1000, 1000), st.integers(-10_000, 10_000), report_texts()
    )


def _fields(text: str) -> list[str]:
    return sorted({name for _, name, _, _ in string.Formatter().parse(text) if name})


@st.composite
def _finding(
    draw: st.DrawFn, keys: Sequence[str], plain: Sequence[str], sentinel: str | None
) -> Finding:
    key = draw(st.sampled_from(keys))
    sensitive = draw(st.booleans())
    values: dict[str, Any] = {}
    for name in _fields(template(key)):
        values[name] = sentinel if sensitive and sentinel else draw(figure_values())
    return Finding(
        rule_id=draw(st.from_regex(r"[A-Z]{2,5}(-[A-Z0-9]{1,8}){1,2}", fullmatch=True)),
        severity=draw(severities()),
        message_key=key,
        values=values,
        citations=draw(st.lists(citations(), max_size=2)),
        actions=draw(st.lists(st.sampled_from(plain), max_size=2)) if plain else (),
        sensitive=sensitive,
        subject=draw(st.none() | report_texts(8)),
    )


@st.composite
def _figure(draw: st.DrawFn, plain: Sequence[str], sentinel: str | None) -> Figure:
    sensitive = draw(st.booleans())
    is_share = draw(st.booleans())
    value: object
    if sensitive and sentinel:
        value = sentinel
    elif is_share:
        value = draw(amounts(0, 1, places=4))
    else:
        value = draw(figure_values())
    return Figure(
        label_key=draw(st.sampled_from(plain)),
        value=value,
        is_share=is_share,
        sensitive=sensitive,
        subject=draw(st.none() | report_texts(8)),
    )


@st.composite
def governance_reports(
    draw: st.DrawFn, *, sentinel: str | None = None, keys: Sequence[str] | None = None
) -> GovernanceReport:
    """Reports with up to every area, using ``keys`` (default: every message key defined)."""
    chosen = sorted(keys if keys is not None else message_keys())
    plain = [k for k in chosen if not _fields(template(k))]
    sections = []
    for area in draw(st.sets(st.sampled_from(list(Area)), max_size=4)):
        if draw(st.booleans()) and chosen:
            findings = draw(st.lists(_finding(chosen, plain, sentinel), max_size=4))
            figures = draw(st.lists(_figure(plain, sentinel), max_size=3)) if plain else []
            sections.append(ReportSection(area, findings, figures))
        else:
            sections.append(ReportSection(area, not_assessed=True))
    # The project's people: some of the findings' subjects (others are not listed), in any
    # order, so "contributor 2 of 3" lines and "people not listed" lines both occur.
    subjects = sorted({f.subject for s in sections for f in s.findings if f.subject})
    people = draw(st.lists(st.sampled_from(subjects), unique=True)) if subjects else []
    return GovernanceReport(
        project_id=draw(report_texts(10)),
        project_title=draw(report_texts()),
        as_at=draw(dates(dt.date(2024, 1, 1), dt.date(2030, 12, 31))),
        sections=sections,
        contributors=people,
    )


class _PageChecker(HTMLParser):
    """Collects what makes a page malformed or hard to use with assistive technology."""

    VOID = frozenset({"area", "base", "br", "col", "hr", "img", "input", "link", "meta", "wbr"})
    EXTERNAL = frozenset({"script", "link", "img", "iframe", "object", "embed"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problems: list[str] = []
        self.headings: list[int] = []
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.lang = found.get("lang")
        source = found.get("src")
        # An image carried in the page itself (a logo as a data: URI) loads nothing.
        inside = tag == "img" and source is not None and source.startswith("data:image/")
        if (tag in self.EXTERNAL or "src" in found) and not inside:
            self.problems.append(f"<{tag}> loads or runs something outside the page")
        if tag == "th" and found.get("scope") not in {"col", "row"}:
            self.problems.append("a <th> without scope")
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            level = int(tag[1])
            if level > (self.headings[-1] if self.headings else 0) + 1:
                self.problems.append(f"<{tag}> skips a heading level")
            self.headings.append(level)
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.open:
            self.problems.append(f"</{tag}> closes nothing")
            return
        while (inner := self.open.pop()) != tag:
            self.problems.append(f"<{inner}> is never closed")


def html_problems(page: str, *, lang: str) -> list[str]:
    """What is wrong with an HTML page: unclosed tags, skipped headings, assets, ``lang``.

    An empty list means every tag is closed in order, headings start at one ``<h1>`` and
    never skip a level, every ``<th>`` has a scope, nothing is loaded from outside the
    page, and ``<html lang>`` is ``lang``.

    >>> html_problems('<html lang="cy"><h1>a</h1><h3>b</h3><p>c</html>', lang="cy")
    ['<h3> skips a heading level', '<p> is never closed']
    """
    checker = _PageChecker()
    checker.feed(page)
    checker.close()
    problems = list(checker.problems)
    problems += [f"<{tag}> is never closed" for tag in checker.open]
    if checker.headings.count(1) != 1:
        problems.append("a page needs exactly one <h1>")
    if checker.lang != lang:
        problems.append(f"<html lang> is {checker.lang!r}, not {lang!r}")
    return problems
