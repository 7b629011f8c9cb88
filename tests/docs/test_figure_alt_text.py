"""Figures the docs draw from data carry alt text written from the same data."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

DOCS = Path(__file__).parents[2] / "docs"
sys.path.insert(0, str(DOCS / "_ext"))

pytest.importorskip("sphinx")

from figure_alt_text import described_alt  # noqa: E402
from make_ladder_figure import alt_text as ladder_alt_text  # noqa: E402
from notebook_downloads import download_name, executed_notebook  # noqa: E402


def test_the_ladder_svg_gives_its_description_as_alt_text():
    assert described_alt(DOCS / "concepts" / "ladders.svg") == ladder_alt_text()


def test_the_tutorial_chart_is_written_with_its_alt_text(tmp_path):
    """Rosa (tutorial): Carer's Allowance 2026/27, earnings limit £204, award £86.45."""
    pytest.importorskip("matplotlib")
    from tutorial_files import write_chart

    chart = tmp_path / "rosa.png"
    write_chart(chart)
    alt = described_alt(chart)
    assert alt is not None
    assert alt.startswith("Line chart of what the contributor keeps")
    assert "Up to £204.00, the largest payment that changes nothing" in alt
    assert "(a cliff edge)" in alt


def test_an_image_without_a_description_keeps_its_own_alt(tmp_path):
    image = tmp_path / "photo.png"
    image.write_bytes(b"")
    assert described_alt(image) is None
    assert described_alt(tmp_path / "plain.svg") is None


def test_a_notebook_page_links_its_executed_notebook_by_the_pages_name(tmp_path):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "year-of-payments.ipynb").write_text("{}", encoding="utf-8")
    app = SimpleNamespace(
        env=SimpleNamespace(mystnb_config=SimpleNamespace(output_folder=tmp_path))
    )
    assert executed_notebook(app, "notebooks/year-of-payments") == (
        tmp_path / "notebooks" / "year-of-payments.ipynb"
    )
    assert executed_notebook(app, "notebooks/index") is None
    assert download_name("notebooks/year-of-payments") == "year-of-payments.ipynb"
