""":mod:`participatory.commands.assess`: hardening: bad input at its boundaries.

Bad project files, bad JSON documents and bad command lines at the assessment boundary.

The four bundled example projects are broken one to three ways at a time (a value
replaced by a wrong type, NaN, a float, a huge number or a naive datetime; a key deleted
or added; an entry duplicated; an id pointed at nobody) and written out as TOML, and as
JSON (which, unlike TOML, can carry floats). Every document must end in a
:class:`~participatory.project.ProjectFileError` (or another of the library's errors) that says
where the problem is, or in a project that then assesses without an exception. The same
documents go through ``participatory assess`` on the command line, which must exit 0
(a report) or 2 (a one-line reason), never with a traceback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import tempfile
import tomllib
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participatory.cli import main
from participatory.testing.bad_input import broken_texts, mutated_documents, toml_text
from tests.fuzzing import no_hang

_EXAMPLES = Path(__file__).parents[2] / "examples"


_PROJECTS = sorted(
    p
    for p in _EXAMPLES.glob("*.toml")
    if p.name not in ("payment-plan.toml", "institution-rate-card.toml")
)


_ID_KEYS = ("id", "party", "contributor", "person_id", "person", "holder", "activity")


_FUZZ = settings(
    max_examples=120,
    deadline=dt.timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _seed(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    return tomllib.loads(text, parse_float=Decimal), text


_SEEDS = [_seed(path) for path in _PROJECTS]


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        # JSON floats are what another system would send; the loader must refuse them for
        # money and accept nothing it cannot hold exactly. (A signalling NaN has no float.)
        return float("nan") if value.is_snan() else float(value)
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    return str(value)


@st.composite
def _broken_projects(draw: st.DrawFn) -> tuple[str, str]:
    document, text = draw(st.sampled_from(_SEEDS))
    kind = draw(st.sampled_from(["toml", "toml-text", "json"]))
    if kind == "toml-text":
        return "toml", draw(broken_texts(text))
    broken = draw(mutated_documents(document, _ID_KEYS))
    if kind == "json":
        return "json", json.dumps(broken, default=_json_default)
    return "toml", toml_text(broken)


@_FUZZ
@given(
    _broken_projects(),
    st.sampled_from(["text", "markdown", "html", "json"]),
    st.sampled_from(["en_GB", "cy"]),
    st.sampled_from(["2026-11-02", "2026-04-06", "2099-01-01", "1900-01-01", "not a date"]),
)
def test_assess_command(
    tried: Counter[str], case: tuple[str, str], fmt: str, locale: str, as_at: str
) -> None:
    """``participatory assess``: exit 0 with a report or exit 2 with one line, never a crash."""
    format, text = case
    tried["participatory assess (command line)"] += 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"project.{format}"
        path.write_text(text, encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        with no_hang(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(
                ["assess", str(path), "--format", fmt, "--locale", locale, "--as-at", as_at]
            )
    assert code in (0, 2)
    if code == 2:
        message = err.getvalue().strip()
        assert message, "an unusable input gets a reason"
        assert "Traceback" not in message
