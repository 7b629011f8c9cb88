""":mod:`participatory.commands.cost`: hardening: bad input at its boundaries.

Bad input at every boundary that exists: the library's own error with a place, or a result.

Each boundary (a file loader, the command line) gets valid files broken one way at a time
(:mod:`participatory.testing.bad_input`) and random text. Every input must end in a
:class:`~participatory.core.errors.ParticipatoryError` that says where the problem is, or
in a valid result: never another exception, never a hang. The counts are printed at the
end of the run ("hardening: N inputs tried at <boundary>").
"""

from __future__ import annotations

import contextlib
import io
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.cli import main
from participatory.payments.rates import ActivityKind
from participatory.testing.bad_input import toml_texts
from tests.fuzzing import (
    EXAMPLES,
    FUZZ,
    INSTITUTION_CARD,
    PLAN,
    no_hang,
)

_EXTREME_PLAN = """
[plan]
project = "Edge"
[timeliness]
working_days = 10
[[payments]]
id = "p1"
contributor = "amira"
kind = "fee"
amount = 90.00
activity_on = {day}
due_on = {day}
"""


_NUMBERS = st.sampled_from(
    ["1", "2.5", "0", "-1", "nan", "inf", "-inf", "1e999999", "1_000", "0x10", "", "½", "1e-9",
     "99999999999999999999", "1,000.5", " 3 ", "3..5"]
)  # fmt: skip


_DAYS = st.sampled_from(
    ["2022-07-20", "2026-04-06", "0001-01-01", "9999-12-31", "2026-02-30", "2026-01-01T10:00",
     "tomorrow", "", "2031-01-01", "1999-12-31"]
)  # fmt: skip


_CARDS = st.sampled_from(["nihr", "whitworth", "tewv", "blue_heart", "nobody", "", "../nihr"])


@st.composite
def cost_arguments(draw: st.DrawFn, plan: str, card: str) -> list[str]:
    """Arguments for ``participatory cost``: an activity on a card, or a plan file."""
    argv = ["cost"]
    if draw(st.booleans()):
        argv += ["--plan", plan]
        for option, values in (
            ("--as-at", _DAYS),
            ("--week-start", st.sampled_from(["monday", "sunday", "funday"])),
            ("--assessment-period-from", _DAYS),
        ):
            if draw(st.booleans()):
                argv += [option, draw(values)]
    else:
        if draw(st.booleans()):
            argv += ["--card", draw(_CARDS)]
        if draw(st.integers(0, 4)) == 0:
            argv += ["--rates", card]
        if draw(st.integers(0, 5)):
            kinds = [k.value for k in ActivityKind]
            argv += ["--activity", draw(st.sampled_from([*kinds, "juggling"]))]
        unit = draw(st.sampled_from(["--hours", "--sessions", "--half-days", "--days", None]))
        if unit is not None:
            argv += [unit, draw(_NUMBERS)]
        if draw(st.booleans()):
            argv += ["--preparation-hours", draw(_NUMBERS)]
        argv += ["--as-at", draw(_DAYS)]  # never the clock: the same input, the same answer
    if draw(st.booleans()):
        argv += ["--format", draw(st.sampled_from(["json", "text", "xml"]))]
    if draw(st.integers(0, 3)) == 0:
        argv += ["--locale", draw(st.sampled_from(["cy", "en_GB", "de", "xx_YY", ""]))]
    return argv


@pytest.mark.parametrize(
    "options",
    [
        pytest.param(["--week-start", "monday"], id="weeks"),
        pytest.param(["--assessment-period-from", "2025-01-31"], id="assessment-periods"),
        pytest.param([], id="tax-years"),
    ],
)  # fmt: skip
def test_cost_plan_paid_at_the_end_of_the_calendar(tmp_path: Path, options: list[str]) -> None:
    """A plan paid on 9999-12-31 is refused with exit status 2, not a traceback."""
    plan = tmp_path / "plan.toml"
    plan.write_text(_EXTREME_PLAN.format(day="9999-12-31"), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["cost", "--plan", str(plan), "--as-at", "2026-01-01", *options])
    assert status == 2
    assert "date" in err.getvalue()


@pytest.mark.parametrize(
    "locale",
    [
        pytest.param("cy", id="welsh"),
        pytest.param("xx_YY", id="unknown"),
        pytest.param("", id="empty"),
        pytest.param("de", id="unsupported"),
    ],
)  # fmt: skip
def test_cost_with_a_bad_locale(locale: str) -> None:
    """An unusable --locale is exit status 2 with a reason, like any other bad option."""
    argv = ["cost", "--card", "whitworth", "--activity", "advisory_group", "--days", "1",
            "--as-at", "2022-07-20", "--locale", locale]  # fmt: skip
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        assert main(argv) in ((0,) if locale == "cy" else (2,))
    if locale != "cy":
        assert err.getvalue().count("\n") == 1
        assert "--locale" in err.getvalue()


def test_as_at_far_in_the_future() -> None:
    """Checking a plan as at a far-off date answers promptly (or refuses the date)."""
    quiet = contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO())
    with quiet[0], quiet[1], no_hang(1.5):
        main(["cost", "--plan", str(EXAMPLES / "payment-plan.toml"), "--as-at", "9999-12-31"])


def test_cost_plan_from_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    """A plan file that is not UTF-8 is exit status 2 with a reason (fixed on issue 11)."""
    plan = tmp_path / "plan.toml"
    plan.write_bytes(b"\xff\xfe")
    with contextlib.redirect_stderr(io.StringIO()):
        status = main(["cost", "--plan", str(plan)])
    assert status == 2


@settings(FUZZ, max_examples=150)
@given(
    st.data(),
    toml_texts(*PLAN, id_keys=("id", "contributor")),
    toml_texts(*INSTITUTION_CARD),
)
def test_cost_command(tried: Counter[str], data: st.DataObject, plan: str, card: str) -> None:
    """``participatory cost`` exits 0 or 2 with a reason; it never shows a traceback."""
    tried["participatory cost (CLI)"] += 1
    with tempfile.TemporaryDirectory() as folder:
        plan_path, card_path = Path(folder) / "plan.toml", Path(folder) / "card.toml"
        plan_path.write_text(plan, encoding="utf-8")
        card_path.write_text(card, encoding="utf-8")
        argv = data.draw(cost_arguments(str(plan_path), str(card_path)))
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), no_hang():
            status = main(argv)
    assert status in (0, 2), (argv, status, err.getvalue())
    if status == 2:
        assert err.getvalue().strip(), f"exit 2 with no reason: {argv}"
