""":mod:`participatory.render.view`: scenarios over every example project.

Issue 15: one bibliography per report, and research notes never reach a user's report. Each
example project is assessed today and on the day its README example uses, rendered in every
format and both languages, with the sensitive findings shown (the fullest copy): no
maintainer's note from the catalogue, the parameters, the rate cards or the guidance files
appears, each document is listed once, and no access date is shown as a publication date.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import tomllib
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from participatory.assessment import assess
from participatory.core.params import bundled_parameters
from participatory.core.sources import bundled_sources
from participatory.payments.rates import bundled_rate_cards
from participatory.project import load_project
from participatory.render import FORMATS, render
from participatory.render.view import build_view

EXAMPLES = Path(__file__).parents[2] / "examples"
PROJECTS = sorted(
    path
    for path in EXAMPLES.glob("*.toml")
    if path.name not in {"institution-rate-card.toml", "payment-plan.toml"}
)
LOCALES = ("en_GB", "cy")
DAYS = (dt.date(2026, 12, 6), dt.date(2026, 10, 1))
#: Words that only a research note uses (issue 15 found these in users' reports).
RESEARCH_WORDS = ("per earlier research", "during this task", "from memory", "as recalled")


def _notes_in(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for key, child in value.items():
            if key in {"note", "research_notes"} and isinstance(child, str):
                yield child
            else:
                yield from _notes_in(child)
    elif isinstance(value, list):
        for item in value:
            yield from _notes_in(item)


@functools.cache
def maintainers_notes() -> tuple[str, ...]:
    """Every note the data holds, long enough that finding it in a report means it leaked."""
    notes: set[str] = set()
    catalogue = bundled_sources()
    for key, source in catalogue.items():
        notes.add(source.note or "")
        notes.update(p.note or "" for p in catalogue.passages(key).values())
    for parameter in bundled_parameters().values():
        notes.update(value.note or "" for value in parameter.values)
    for card in bundled_rate_cards().values():
        notes.add(card.note or "")
        notes.update(rate.note or "" for rate in card.rates)
    data = resources.files("participatory") / "data"
    for item in data.iterdir():
        if item.name.endswith(".toml"):
            notes.update(_notes_in(tomllib.loads(item.read_text(encoding="utf-8"))))
    # Judged by a distinctive stretch of each note (its first 60 characters, whitespace as one).
    return tuple(sorted({" ".join(n.split())[:60] for n in notes if len(n.strip()) >= 40}))


@functools.cache
def report(path: Path, day: dt.date):
    return assess(load_project(path), as_at=day)


def _flat(text: str) -> str:
    return " ".join(text.replace("\\", "").split())


@pytest.mark.parametrize("day", DAYS, ids=str)
@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", PROJECTS, ids=lambda p: p.stem)
def test_no_research_note_reaches_a_rendered_report(path, fmt, locale, day):
    out = render(report(path, day), format=fmt, locale=locale, include_sensitive=True)
    flat = _flat(json.dumps(json.loads(out), ensure_ascii=False) if fmt == "json" else out)
    notes = maintainers_notes()
    assert len(notes) > 200
    assert [note for note in notes if _flat(note) in flat] == []
    lowered = flat.lower()
    assert [word for word in RESEARCH_WORDS if word in lowered] == []
    # A document's date is "published"; the day it was read is "read on": never "dated".
    assert not re.search(r"(dated|dyddiedig) \d", lowered)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("path", PROJECTS, ids=lambda p: p.stem)
def test_each_document_is_listed_once_in_the_bibliography(path, locale):
    """By hand: the text report's bibliography has one line per document ("[n] ..."), its
    numbers 1, 2, 3 … in order, and every number a finding cites is in it."""
    view = build_view(report(path, DAYS[0]), locale=locale, include_sensitive=True)
    keys = [source.key for source in view.sources]
    assert keys
    assert len(keys) == len(set(keys))
    assert [source.number for source in view.sources] == list(range(1, len(keys) + 1))
    cited = {c.number for s in view.sections for f in s.findings for c in f.citations}
    assert cited == set(range(1, len(keys) + 1))
    text = render(report(path, DAYS[0]), format="text", locale=locale, include_sensitive=True)
    bibliography = text[text.rindex(view.labels.sources) :]
    entries = re.findall(r"^  \[(\d+)\] ", bibliography, flags=re.MULTILINE)
    assert entries == [str(n) for n in range(1, len(keys) + 1)]
    # The Bath report, cited by most findings, is listed once in the whole report.
    assert text.count("Participatory Research benchmarking report") <= 1


@pytest.mark.parametrize("path", PROJECTS, ids=lambda p: p.stem)
def test_html_lists_each_sections_documents_once_with_anchors(path):
    page = render(report(path, DAYS[0]), format="html", locale="en_GB", include_sensitive=True)
    anchors = re.findall(r'<li id="(src-[a-z_]+-\d+)"', page)
    assert anchors
    assert len(anchors) == len(set(anchors))
    links = set(re.findall(r'<a href="#(src-[a-z_]+-\d+)"', page))
    assert links == set(anchors)


def test_json_sources_table_is_keyed_by_catalogue_key():
    path = EXAMPLES / "arts-coproduction.toml"
    data = json.loads(render(report(path, DAYS[0]), format="json", locale="en_GB"))
    sources = data["sources"]
    assert "bath_report_2022" in sources
    bath = sources["bath_report_2022"]
    assert (bath["short_title"], bath["primary"], bath["published"]) == ("Bath report", True, None)
    assert bath["read_on"] == "2026-12-06"
    for section in data["sections"]:
        for finding in section["findings"]:
            for citation in finding["citations"] or ():
                assert set(citation) == {"source", "pinpoint", "verified"}
                assert citation["source"] in sources
