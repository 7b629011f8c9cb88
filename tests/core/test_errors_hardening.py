""":mod:`participatory.core.errors`: hardening: every entry point answers wrong arguments with
the library's own error.

Issue 17: ``None`` passed to the main entry points raised ``TypeError`` or
``AttributeError`` (``parse_project(None)``, ``load_project(None)``, ``render(None, …)``)
instead of a :class:`~participatory.core.errors.ParticipatoryError` a calling system can
catch. The general test puts a wrong value in every argument of every main entry point
(:mod:`tests.entry_points`), one at a time: the call must give a result or the library's own
error, never another exception.
"""

from __future__ import annotations

from collections import Counter

import pytest

from participatory.core.errors import ParticipatoryError
from participatory.project import load_project, parse_project
from participatory.render.report import render
from tests.entry_points import entry_points, known_failure

#: What a caller might pass by mistake: nothing, a number, text, bytes, an object, a list,
#: a mapping.
WRONG: tuple[object, ...] = (None, 0, "", b"x", object(), [], {}, float("nan"))


@pytest.mark.parametrize(
    "call",
    [
        lambda: parse_project(None),  # type: ignore[arg-type]
        lambda: parse_project("", None),  # type: ignore[arg-type]
        lambda: load_project(None),  # type: ignore[arg-type]
        lambda: render(None, format="text", locale="en_GB"),  # type: ignore[arg-type]
    ],
    ids=[
        "parse_project(None)",
        "parse_project(text, None)",
        "load_project(None)",
        "render(None)",
    ],
)
def test_none_to_a_main_entry_point_is_the_librarys_error(call: object) -> None:
    """Issue 17: each raised TypeError or AttributeError."""
    with pytest.raises(ParticipatoryError):
        call()  # type: ignore[operator]


@pytest.mark.parametrize(
    "name",
    [pytest.param(e.name, marks=known_failure("wrong argument", e.name)) for e in entry_points()],
)
def test_a_wrong_argument_anywhere_is_the_librarys_error(name: str, tried: Counter[str]) -> None:
    entry = next(e for e in entry_points() if e.name == name)
    for slot, _valid in entry.slots():
        for wrong in WRONG:
            tried["wrong arguments to entry points"] += 1
            message = "a result"
            try:
                entry.call_with(slot, wrong)
            except ParticipatoryError as error:
                message = str(error)
            except Exception as error:
                raise AssertionError(
                    f"{name}({slot}={wrong!r}) raised {type(error).__name__}: {error}"
                ) from error
            assert message, f"{name}({slot}={wrong!r}): an empty message"
