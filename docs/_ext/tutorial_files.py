"""The tutorial's project file, taken from the tutorial itself, and the chart drawn from it.

The tutorial asks readers to save a TOML block as ``allotment-stories.toml`` and the next
as ``our-rates.toml`` (the rate card the project names). Its doctests (``docs/conftest.py``),
the test of its commands and the chart the page shows all use those same blocks, read from
``docs/tutorial.md``, so the page cannot drift from what runs.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

TUTORIAL = Path(__file__).parent.parent / "tutorial.md"
FILE_NAME = "allotment-stories.toml"
CARD_NAME = "our-rates.toml"
CHART_DAY = dt.date(2026, 5, 28)


def _toml_block(index: int, tutorial: Path) -> str:
    found = re.findall(r"```toml\n(.*?)```", tutorial.read_text(encoding="utf-8"), re.S)
    if len(found) <= index:
        raise LookupError(f"{tutorial}: no ```toml block number {index + 1}")
    return str(found[index])


def project_text(tutorial: Path = TUTORIAL) -> str:
    """The first TOML block of the tutorial: the project file it asks readers to save."""
    return _toml_block(0, tutorial)


def card_text(tutorial: Path = TUTORIAL) -> str:
    """The second TOML block: the rate card the project names (``our-rates.toml``)."""
    return _toml_block(1, tutorial)


def write_project(folder: Path) -> Path:
    """Save the tutorial's project file and its rate card in ``folder``, as a reader would."""
    (folder / CARD_NAME).write_text(card_text(), encoding="utf-8")
    path = folder / FILE_NAME
    path.write_text(project_text(), encoding="utf-8")
    return path


def write_chart(path: Path) -> None:
    """Draw the chart of the tutorial's last step into ``path`` (a PNG).

    What it shows, in words, goes beside it (``<name>.alt.txt``): the page's image takes it
    as its alt text (docs/_ext/figure_alt_text.py).
    """
    import tempfile

    from participatory.project import load_project
    from participatory.render.plot import alt_text, kept_against_payment

    with tempfile.TemporaryDirectory() as folder:
        project = load_project(write_project(Path(folder)))
    figure = kept_against_payment(
        project.benefits["rosa"],
        CHART_DAY,
        up_to=400,
        title="Rosa: what she keeps of a payment on 28 May 2026",
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=100)
    path.with_name(path.name + ".alt.txt").write_text(alt_text(figure), encoding="utf-8")
