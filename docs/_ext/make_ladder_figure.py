"""Draw docs/concepts/ladders.svg from the bundled framework data (no plotting library).

Three aligned columns: Arnstein's rungs (from frameworks.toml, coloured by grouping), how a
decision is held (from power_scale.toml, placed on the row of the rung it maps to), and the
IAP2 levels (from frameworks.toml, on the rows of the rungs that map to them).

Run from the repository root after changing either data file:

    python docs/_ext/make_ladder_figure.py

tests/docs/test_ladder_figure.py fails when the committed SVG differs from this output.

The figure describes itself: :func:`description` writes, from the same data, what it shows
in words. The SVG carries it as its ``<desc>``, and the docs build gives it to the page's
image as its alt text (docs/_ext/figure_alt_text.py).
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "participatory" / "data"
OUTPUT = ROOT / "docs" / "concepts" / "ladders.svg"

ROW = 40
TOP = 56
COLUMNS = {"arnstein": (20, 250), "holding": (300, 230), "iap2": (580, 200)}
COLOURS = {"Non-participation": "#f3d4d4", "Tokenism": "#f6ebc4", "Citizen power": "#d3ead5"}
FALLBACK_COLOUR = "#e6e6e6"


def _row_y(rung: int, rungs: int) -> int:
    return TOP + (rungs - rung) * ROW


def _box(x: int, y: int, width: int, height: int, fill: str, dashed: bool = False) -> str:
    dash = ' stroke-dasharray="4 3"' if dashed else ""
    return (
        f'<rect x="{x}" y="{y}" width="{width}" height="{height}" rx="4" fill="{fill}" '
        f'stroke="#555555"{dash}/>'
    )


def _text(
    x: int, y: int, text: str, *, size: int = 13, anchor: str = "start", bold: bool = False
) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}"{weight}>'
        f"{escape(text)}</text>"
    )


def _placements(scale: Mapping[str, Any]) -> list[tuple[str, int, int]]:
    """Each way of holding a decision: its label, its Arnstein rung and its IAP2 level."""
    placements = [
        (name.replace("_", " "), table["arnstein_rung"], table["iap2_level"])
        for name, table in scale["holdings"].items()
    ]
    placation = scale["placation"]
    placements.append(
        ("core decision kept (placation)", placation["arnstein_rung"], placation["iap2_level"])
    )
    return placements


def _rungs_text(numbers: list[int]) -> str:
    numbers = sorted(numbers)
    if len(numbers) == 1:
        return f"rung {numbers[0]}"
    return "rungs " + ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"


def description(frameworks: Mapping[str, Any], scale: Mapping[str, Any]) -> str:
    """What the figure shows, in words, from the same data: its alt text."""
    rungs = sorted(frameworks["arnstein"], key=lambda r: r["rung"])
    levels = {level["level"]: level["name"] for level in frameworks["iap2"]}
    groups: dict[str, list[str]] = {}
    for rung in rungs:
        groups.setdefault(rung["grouping"], []).append(f"{rung['rung']} {rung['name']}")
    ladder = "; ".join(f"{', '.join(names)} ({grouping})" for grouping, names in groups.items())
    placements = _placements(scale)
    held = "; ".join(f"{label}, rung {rung}" for label, rung, _ in placements)
    rows_for_level: dict[int, list[int]] = {}
    for _, rung, level in placements:
        rows_for_level.setdefault(level, []).append(rung)
    spectrum = "; ".join(
        f"{levels.get(level, 'below the spectrum')}, {_rungs_text(rows)}"
        for level, rows in sorted(rows_for_level.items())
    )
    return (
        f"Diagram of three aligned columns, one row per rung. Arnstein's ladder of "
        f"{len(rungs)} rungs, from the bottom: {ladder}. How a decision is held, on the row "
        f"of the rung it maps to: {held}. The IAP2 levels on the same rows: {spectrum}."
    )


def render_svg(frameworks: Mapping[str, Any], scale: Mapping[str, Any]) -> str:
    """The figure as SVG text (deterministic: the same data gives the same bytes)."""
    rungs = sorted(frameworks["arnstein"], key=lambda r: r["rung"])
    levels = {level["level"]: level for level in frameworks["iap2"]}
    count = len(rungs)
    height = TOP + count * ROW + 60
    width = 800
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" role="img" '
        'aria-labelledby="title" aria-describedby="desc">',
        '<title id="title">Arnstein\'s ladder, how a decision is held, and the IAP2 '
        "spectrum, aligned row by row</title>",
        f'<desc id="desc">{escape(description(frameworks, scale))}</desc>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    headings = {
        "arnstein": "Arnstein's ladder (1969)",
        "holding": "Who holds a decision",
        "iap2": "IAP2 Spectrum (levels)",
    }
    for key, (x, w) in COLUMNS.items():
        parts.append(_text(x + w // 2, 30, headings[key], size=15, anchor="middle", bold=True))

    ax, aw = COLUMNS["arnstein"]
    for rung in rungs:
        y = _row_y(rung["rung"], count)
        parts.append(_box(ax, y + 3, aw, ROW - 6, COLOURS.get(rung["grouping"], FALLBACK_COLOUR)))
        parts.append(_text(ax + 10, y + ROW // 2 + 5, f"{rung['rung']}  {rung['name']}"))
        parts.append(_text(ax + aw - 8, y + ROW // 2 + 5, rung["grouping"], size=10, anchor="end"))

    rows_for_level: dict[int, list[int]] = {}
    hx, hw = COLUMNS["holding"]
    for label, rung_number, level in _placements(scale):
        y = _row_y(rung_number, count)
        parts.append(_box(hx, y + 6, hw, ROW - 12, "#eef2f8"))
        parts.append(_text(hx + hw // 2, y + ROW // 2 + 5, label, size=12, anchor="middle"))
        parts.append(
            f'<line x1="{ax + aw}" y1="{y + ROW // 2}" x2="{hx}" y2="{y + ROW // 2}" '
            'stroke="#555555"/>'
        )
        rows_for_level.setdefault(level, []).append(rung_number)

    ix, iw = COLUMNS["iap2"]
    for level, rows in sorted(rows_for_level.items()):
        low, high = min(rows), max(rows)
        top = _row_y(high, count)
        box_height = (high - low + 1) * ROW
        y_mid = top + box_height // 2
        if level == 0:
            parts.append(_box(ix, top + 6, iw, box_height - 12, "#ffffff", dashed=True))
            parts.append(
                _text(ix + iw // 2, y_mid + 5, "below the spectrum", size=12, anchor="middle")
            )
        else:
            name = levels[level]["name"]
            parts.append(_box(ix, top + 6, iw, box_height - 12, "#e4ecf7"))
            parts.append(_text(ix + iw // 2, y_mid + 5, f"{level}  {name}", anchor="middle"))
        for row in rows:
            y = _row_y(row, count) + ROW // 2
            parts.append(f'<line x1="{hx + hw}" y1="{y}" x2="{ix}" y2="{y}" stroke="#555555"/>')

    legend_y = TOP + count * ROW + 30
    x = 20
    for grouping, colour in COLOURS.items():
        parts.append(_box(x, legend_y - 12, 16, 16, colour))
        parts.append(_text(x + 22, legend_y + 1, grouping, size=12))
        x += 170
    parts.append(
        _text(
            width - 20,
            legend_y + 1,
            "Names from frameworks.toml; mapping from power_scale.toml",
            size=10,
            anchor="end",
        )
    )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _data() -> tuple[dict[str, Any], dict[str, Any]]:
    with (DATA / "frameworks.toml").open("rb") as handle:
        frameworks = tomllib.load(handle)
    with (DATA / "power_scale.toml").open("rb") as handle:
        scale = tomllib.load(handle)
    return frameworks, scale


def figure_text() -> str:
    """The SVG for the bundled data."""
    return render_svg(*_data())


def alt_text() -> str:
    """What the figure for the bundled data shows, in words."""
    return description(*_data())


def main() -> int:
    """Write the figure next to the page that shows it."""
    OUTPUT.write_text(figure_text(), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
