import importlib.util
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[2]


def load_generator():
    path = ROOT / "docs" / "_ext" / "make_ladder_figure.py"
    spec = importlib.util.spec_from_file_location("make_ladder_figure", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_ladder_figure_matches_the_generator():
    generator = load_generator()
    committed = (ROOT / "docs" / "concepts" / "ladders.svg").read_text(encoding="utf-8")
    assert committed == generator.figure_text(), (
        "docs/concepts/ladders.svg is out of date: run python docs/_ext/make_ladder_figure.py"
    )


def test_figure_names_every_rung_and_level():
    text = load_generator().figure_text()
    for name in ("Manipulation", "Citizen control", "Inform", "Empower", "partner led"):
        assert name in text


def test_figure_describes_itself_from_the_data():
    """The SVG's <desc> (the page's alt text) names every rung, holding and IAP2 level."""
    generator = load_generator()
    words = generator.alt_text()
    assert f'<desc id="desc">{escape(words)}</desc>' in generator.figure_text()
    assert words.startswith("Diagram of three aligned columns")
    for name in (
        "1 Manipulation",
        "8 Citizen control",
        "jointly, rung 6",
        "Empower, rungs 7 and 8",
    ):
        assert name in words
