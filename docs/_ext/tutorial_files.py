"""The tutorial's project file, taken from the tutorial itself, and the chart drawn from it.

The tutorial asks readers to save a TOML block as ``allotment-stories.toml``. Its doctests
(``docs/conftest.py``), the test of its commands and the chart the page shows all use that
same block, read from ``docs/tutorial.md``, so the page cannot drift from what runs.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

TUTORIAL = Path(__file__).parent.parent / "tutorial.md"
FILE_NAME = "allotment-stories.toml"
CHART_DAY = dt.date(2026, 5, 28)


def project_text(tutorial: Path = TUTORIAL) -> str:
    """The first TOML block of the tutorial: the project file it asks readers to save."""
    found = re.search(r"```toml\n(.*?)```", tutorial.read_text(encoding="utf-8"), re.S)
    if found is None:
        raise LookupError(f"{tutorial}: no ```toml block")
    return found.group(1)


def write_project(folder: Path) -> Path:
    """Save the tutorial's project file in ``folder``, as a reader would."""
    path = folder / FILE_NAME
    path.write_text(project_text(), encoding="utf-8")
    return path


def write_chart(path: Path) -> None:
    """Draw the chart of the tutorial's last step into ``path`` (a PNG).

    What it shows, in words, goes beside it (``<name>.alt.txt``): the page's image takes it
    as its alt text (docs/_ext/figure_alt_text.py).
    """
    from participatory.project import parse_project
    from participatory.render.plot import alt_text, kept_against_payment

    project = parse_project(project_text(), "toml", FILE_NAME)
    figure = kept_against_payment(
        project.benefits["rosa"],
        CHART_DAY,
        up_to=400,
        title="Rosa: what she keeps of a payment on 28 May 2026",
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=100)
    path.with_name(path.name + ".alt.txt").write_text(alt_text(figure), encoding="utf-8")
