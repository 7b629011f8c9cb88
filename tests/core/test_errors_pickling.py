"""Every error the library raises can be pickled and copied, and reads back the same.

A finance or ethics system that checks payments in a pool of worker processes gets a
worker's exception back only pickled: an error that cannot be rebuilt from its pickle
breaks the pool instead of reaching the caller. ``copy.copy`` rebuilds an error the same
way. The library's errors take their parts (a path and a problem, a file and a key), not
the message, so the default rebuild (the class called with the message) failed for most
of them.
"""

from __future__ import annotations

import concurrent.futures
import copy
import datetime as dt
import importlib
import pickle
import pkgutil
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

import participatory
from participatory.core.errors import (
    CurrencyMismatch,
    FiguresNotAvailable,
    ParameterFileError,
    ParametersNotAvailable,
    ParticipatoryError,
    UnknownParameter,
    UnknownSource,
    UnsupportedCase,
    ValidationError,
)
from participatory.interchange import PlainDataError
from participatory.peers.policyengine import PeerNotInstalled
from participatory.project.errors import ProjectFileError
from participatory.project.references import ProjectValidationError
from participatory.render.plot import PlottingNotInstalled
from participatory.store.finance import ImportRejected, RowProblem
from participatory.store.protocol import StoreError
from participatory.store.sqlite import _UnreadableCell

_MISSING = ParametersNotAvailable(
    "carers_allowance.earnings_limit", dt.date(2027, 6, 9), dt.date(2024, 4, 8), dt.date(2027, 4, 5)
)

#: One of each error class the library defines (the test below checks none is missing).
EXAMPLES: tuple[ParticipatoryError, ...] = (
    ValidationError("payments[3].amount", "must not be negative", hint="use a refund"),
    ValidationError("", "is not valid"),
    CurrencyMismatch("GBP", "EUR", "add"),
    _MISSING,
    ParametersNotAvailable("uc.work_allowance", dt.date(1999, 1, 1), None, None),
    FiguresNotAvailable("2027-06-10", _MISSING),
    FiguresNotAvailable("tax year 2027/28", FiguresNotAvailable("2027-06-10", _MISSING)),
    UnknownParameter("uc.taper", "uc.taper_rate"),
    UnknownParameter("uc.taper"),
    ParameterFileError("rates.toml", "rates[0].amount", "must be a number"),
    UnsupportedCase("a claim in two nations", instead="ask an adviser"),
    UnknownSource("no source is named 'x'"),
    PlainDataError([("people[0].id", "is missing"), ("nation", "must be text")]),
    ProjectFileError("project.toml", [("people[0].id", "is missing")]),
    ProjectValidationError([ValidationError("payments[0].contributor", "is unknown")]),
    PeerNotInstalled("policyengine-uk"),
    PlottingNotInstalled("plotting needs matplotlib"),
    ImportRejected("payments.csv", (RowProblem(2, "amount", "must be a number"),)),
    ImportRejected("payments.csv", reason="the file is empty"),
    StoreError("the store is locked"),
    _UnreadableCell("a stored JSON cell cannot be read"),
)


def _subclasses(cls: type) -> Iterator[type]:
    subclasses: list[type] = cls.__subclasses__()
    for sub in subclasses:
        yield sub
        yield from _subclasses(sub)


def _plain(value: object) -> object:
    """``value`` with each error in it as its class, message and attributes.

    Exceptions compare by identity: a read-back error holding others (a project's list of
    problems) holds equal ones, not the same ones.
    """
    if isinstance(value, BaseException):
        return (type(value), str(value), value.args, _plain(vars(value)))
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return type(value)(_plain(item) for item in value)
    return value


def _same(read: BaseException, error: BaseException) -> None:
    assert type(read) is type(error)
    assert _plain(read) == _plain(error)
    if isinstance(error, ParticipatoryError):
        assert isinstance(read, ParticipatoryError)
        assert read.describe(include_sensitive=True) == error.describe(include_sensitive=True)


def test_every_error_class_has_an_example() -> None:
    """A new error class is added to EXAMPLES, so the round trips below cover it."""
    for module in pkgutil.walk_packages(participatory.__path__, "participatory."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    defined = {
        c for c in _subclasses(ParticipatoryError) if c.__module__.startswith("participatory")
    }
    assert defined <= {type(e) for e in EXAMPLES}


@pytest.mark.parametrize("error", EXAMPLES, ids=lambda e: type(e).__name__)
def test_an_error_reads_back_from_its_pickle(error: ParticipatoryError) -> None:
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        _same(pickle.loads(pickle.dumps(error, protocol=protocol)), error)


@pytest.mark.parametrize("error", EXAMPLES, ids=lambda e: type(e).__name__)
def test_an_error_copies(error: ParticipatoryError) -> None:
    _same(copy.copy(error), error)
    _same(copy.deepcopy(error), error)


def test_a_read_back_error_keeps_its_notes() -> None:
    error = ValidationError("amount", "must be a number")
    error.add_note("row 4 of payments.csv")
    assert pickle.loads(pickle.dumps(error)).__notes__ == ["row 4 of payments.csv"]


def test_a_read_back_error_withholds_what_the_original_withholds() -> None:
    """FiguresNotAvailable names the benefit only when asked with include_sensitive."""
    read = pickle.loads(pickle.dumps(FiguresNotAvailable("2027-06-10", _MISSING)))
    assert "carers" not in str(read)
    assert "carers" in read.describe(include_sensitive=True)
    assert isinstance(read, ParametersNotAvailable)
    assert read.covered_until == dt.date(2027, 4, 5)


def _refuse(amount: int) -> None:
    raise ValidationError("amount", "must not be negative", hint=f"{amount} given")


def test_an_error_raised_in_a_worker_process_reaches_the_caller() -> None:
    """The error a worker raised is the caller's, with its path and problem."""
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        future = pool.submit(_refuse, -5)
        with pytest.raises(ValidationError) as caught:
            future.result(timeout=60)
    assert caught.value.path == "amount"
    assert caught.value.problem == "must not be negative"
    assert caught.value.hint == "-5 given"


_TEXT = st.text(max_size=30)


@given(path=_TEXT, problem=_TEXT, hint=st.none() | _TEXT)
def test_any_validation_error_round_trips(path: str, problem: str, hint: str | None) -> None:
    error = ValidationError(path, problem, hint=hint)
    read = pickle.loads(pickle.dumps(error))
    _same(read, error)
    assert (read.path, read.problem, read.hint) == (path, problem, hint)
    assert read.at("payments[1]").path == error.at("payments[1]").path


@given(what=_TEXT, instead=_TEXT, file=_TEXT, key=_TEXT)
def test_any_unsupported_case_and_file_error_round_trip(
    what: str, instead: str, file: str, key: str
) -> None:
    for error in (UnsupportedCase(what, instead=instead), ParameterFileError(file, key, what)):
        _same(pickle.loads(pickle.dumps(error)), error)
