"""The generated parameter tables: one row per parameter, its history folded away."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from participatory.core.params import bundled_parameters

DOCS = Path(__file__).parents[2] / "docs"
sys.path.insert(0, str(DOCS / "_ext"))

from parameter_tables import (  # noqa: E402
    LONGEST_CITATION,
    abbreviate,
    parameter_row,
    write_parameter_tables,
)


def _rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("| <code>")]


def _cells(row: str) -> list[str]:
    # Pipes inside the cells' text are written as &#124;, so a bare pipe separates cells.
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def _name(row: str) -> str:
    code = re.match(r"\| <code>(.*?)</code>", row)
    assert code is not None
    return code.group(1).replace("<wbr>", "")


def test_each_parameter_is_one_row_in_its_groups_table(tmp_path):
    write_parameter_tables(tmp_path, page=DOCS / "concepts" / "parameters.md")
    names = Counter(
        _name(row)
        for table in tmp_path.glob("parameters-*.md")
        for row in _rows(table.read_text(encoding="utf-8"))
    )
    bundled = {p.name for p in bundled_parameters().describe()}
    assert set(names) == bundled
    assert max(names.values()) == 1


def test_every_row_has_four_cells_and_the_table_a_fitting_class(tmp_path):
    write_parameter_tables(tmp_path)
    text = (tmp_path / "parameters-benefits.md").read_text(encoding="utf-8")
    assert text.startswith("```{table}\n:class: parameter-table\n")
    for row in _rows(text):
        assert len(_cells(row)) == 4, row


def test_the_row_shows_the_latest_value_and_folds_the_history():
    """Carer's Allowance earnings limit: £139 (2023), £151 (2024), £196 (2025), £204 (2026).

    The row shows £204.00 from 2026-04-06; the four values, newest first, are inside a
    details element whose summary counts them.
    """
    limit = bundled_parameters()["carers_allowance.earnings_limit"]
    assert len(limit.values) >= 2
    row = parameter_row(limit)
    name, value, source, history = _cells(row)
    latest = max(limit.values, key=lambda v: v.effective_from)
    earliest = min(limit.values, key=lambda v: v.effective_from)
    assert f"<strong>£{latest.value} per week</strong>" in value
    assert f'from <span class="date">{latest.effective_from}</span>' in value
    assert str(earliest.value) not in value
    assert history.startswith("<details><summary>")
    since = f'{len(limit.values)} values since <span class="date">{earliest.effective_from}</span>'
    assert since in history
    listed = re.findall(r'<li><span class="date">(\d{4}-\d\d-\d\d)</span>:', history)
    assert listed == sorted((str(v.effective_from) for v in limit.values), reverse=True)
    assert "details" not in name + value + source


def test_a_parameter_with_one_short_sourced_value_has_no_history():
    params = bundled_parameters().describe()
    single = next(
        p
        for p in params
        if len(p.values) == 1 and len(p.values[0].source.short) <= LONGEST_CITATION
    )
    assert _cells(parameter_row(single))[3] == "—"


def test_a_long_citation_is_abbreviated_in_the_row_and_given_in_full_in_the_history():
    params = bundled_parameters().describe()
    long_cited = next(
        p
        for p in params
        if len(max(p.values, key=lambda v: v.effective_from).source.short) > LONGEST_CITATION
    )
    citation = max(long_cited.values, key=lambda v: v.effective_from).source
    _, _, source, history = _cells(parameter_row(long_cited))
    assert "…" in source
    assert "<details>" in history
    full = citation.short.replace("&", "&amp;").replace("'", "&#x27;").replace('"', "&quot;")
    assert full.replace("|", "&#124;") in history


def test_abbreviate_cuts_at_a_word_boundary():
    assert abbreviate("short") == "short"
    text = "HB Regs 2006 Sch. 4 para. 17(1) (texts as at 2015-04-01 and 2023-11-19)"
    cut = abbreviate(text, 40)
    assert len(cut) <= 40
    assert cut.endswith("…")
    assert text.startswith(cut[:-1])
    assert cut[:-1] in {text[:i] for i, ch in enumerate(text) if ch == " "} | {
        text[:i].rstrip(" ,;:(") for i, ch in enumerate(text) if ch == " "
    }


def test_a_value_note_never_reaches_the_table(tmp_path):
    write_parameter_tables(tmp_path)
    text = "".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("*.md"))
    for parameter in bundled_parameters().describe():
        for value in parameter.values:
            if value.note and len(value.note) > 30:
                assert value.note not in text
