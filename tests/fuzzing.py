"""What the hardening tests share: fuzzing a boundary until the library's own error or a result.

Each boundary (a file loader, the command line) gets valid files broken one way at a time
(:mod:`participatory.testing.bad_input`) and random text. Every input must end in a
:class:`~participatory.core.errors.ParticipatoryError` that says where the problem is, or
in a valid result: never another exception, never a hang. The seeds are the bundled data
files and the examples; the counts are printed at the end of the run ("hardening: N inputs
tried at <boundary>", see ``tests/conftest.py``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import signal
import tomllib
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings

from participatory.core.errors import ParameterFileError, ParticipatoryError, ValidationError

DATA = resources.files("participatory") / "data"


EXAMPLES = Path(__file__).parents[1] / "examples"


#: Longest any single input may take before it counts as a hang.
HANG_SECONDS = 10


@contextlib.contextmanager
def no_hang(seconds: float = HANG_SECONDS) -> Iterator[None]:
    """Fail (rather than wait for ever) if the block runs longer than ``HANG_SECONDS``."""

    def alarm(_signum: int, _frame: object) -> None:
        raise AssertionError(f"input took longer than {seconds}s: a hang")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def says_where(error: ParticipatoryError) -> bool:
    """Whether the error names the place at fault (a field path or key, or the whole file)."""
    if isinstance(error, ParameterFileError):
        return bool(error.file) and (
            bool(error.key)
            or "TOML" in error.problem
            or "table" in error.problem
            or "read" in error.problem
        )
    if isinstance(error, ValidationError):
        return bool(error.path) or "TOML" in error.problem or "table" in error.problem
    return bool(str(error))


#: Crashes already reported on issue 11 (exception type, the module it escaped from).
#: The fuzz tallies them instead of failing, so it can keep looking for new ones; each has
#: a minimal reproducer below marked xfail(strict), which fails once it is fixed. Empty:
#: every crash reported so far is fixed (their reproducers below now pass).
KNOWN_CRASHES: dict[tuple[str, str], str] = {}


def crash_site(error: BaseException) -> tuple[str, str]:
    frames = [f for f in traceback.extract_tb(error.__traceback__) if "participatory" in f.filename]
    where = frames[-1].filename.replace("\\", "/").split("src/")[-1] if frames else "?"
    return type(error).__name__, where


def outcome(parse: Callable[[], object], tried: Counter[str] | None = None) -> object:
    with no_hang():
        try:
            return parse()
        except ParticipatoryError as error:
            caught: ParticipatoryError = error
        except Exception as error:
            site = crash_site(error)
            if site not in KNOWN_CRASHES or tried is None:
                raise
            tried[f"known crash (reported): {site[0]} from {site[1]}"] += 1
            return error
    assert says_where(caught), f"error does not say where: {caught!r}"
    return caught


def seed(text: str) -> tuple[dict[str, Any], str]:
    return tomllib.loads(text, parse_float=Decimal), text


PARAMETERS = seed((DATA / "parameters" / "benefits" / "carers_allowance.toml").read_text())


# A card holding rates (the NIHR card holds none since its remembered amounts were removed).
RATE_CARD = seed((DATA / "rate_cards" / "whitworth.toml").read_text())


PLAN = seed((EXAMPLES / "payment-plan.toml").read_text())


INSTITUTION_CARD = seed((EXAMPLES / "institution-rate-card.toml").read_text())


ETHICS = seed((DATA / "ethics_guidance.toml").read_text())


READINESS = seed((DATA / "readiness.toml").read_text())


FUZZ = settings(
    max_examples=200,
    deadline=dt.timedelta(seconds=HANG_SECONDS),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


#: Guidance files are large (every example rewrites a few hundred lines): fewer examples.
FUZZ_LARGE = settings(FUZZ, max_examples=60)


VOCABULARY = seed((DATA / "vocabulary.toml").read_text())
