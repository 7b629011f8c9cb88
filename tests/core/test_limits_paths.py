"""Naming a file: every reader refuses a value that is not a path before touching anything.

``open()`` takes an int as a file descriptor: ``load_parameters(fd)`` read the caller's
descriptor, closed it, then failed with ``TypeError``. ``None``, bytes and a list failed
with ``TypeError`` deep inside, and a name holding a NUL character with ``ValueError``.
:func:`participatory.core.limits.path_name` is the one check, run by
:func:`~participatory.core.limits.read_bytes` (so by every reader of a caller's file) and
by :class:`~participatory.store.SqliteLedgerStore`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from participatory.core import limits, tomlfile
from participatory.core.errors import ParameterFileError, ParticipatoryError, ValidationError
from participatory.core.params import ParameterSet, load_parameters
from participatory.core.periods import TaxYear
from participatory.project import load_project
from participatory.project.errors import ProjectFileError

NOT_PATHS = [None, 3, b"card.toml", ["card.toml"], 2.5]


class _BytesPath:
    """An ``os.PathLike`` whose path is bytes: the library names files by text."""

    def __fspath__(self) -> bytes:
        return b"card.toml"


@pytest.fixture
def descriptor() -> Iterator[int]:
    """The read end of a pipe holding a little TOML, closed by the test if still open."""
    read_end, write_end = os.pipe()
    os.write(write_end, b"x = 1\n")
    os.close(write_end)
    yield read_end
    with contextlib.suppress(OSError):
        os.close(read_end)


@pytest.mark.parametrize("value", [*NOT_PATHS, _BytesPath()])
def test_what_is_not_a_path_is_the_readers_own_error(value: object) -> None:
    with pytest.raises(ParameterFileError) as caught:
        limits.path_name(value)
    assert str(caught.value) == "<path>: the file must be named by a path"


def test_a_name_with_a_nul_character_is_refused_without_repeating_it() -> None:
    with pytest.raises(ParameterFileError) as caught:
        limits.read_bytes("card\x00.toml")
    assert str(caught.value) == (
        "<path>: the file's name holds a NUL character, which no file's can"
    )


@pytest.mark.parametrize("path", ["card.toml", Path("folder/card.toml")])
def test_a_path_is_its_text(path: str | Path) -> None:
    assert limits.path_name(path) == os.fspath(path)


def test_a_file_descriptor_is_never_read_or_closed(descriptor: int) -> None:
    for read in (limits.read_bytes, limits.read_text, tomlfile.read_file, load_parameters):
        with pytest.raises(ParameterFileError, match="named by a path"):
            read(descriptor)  # type: ignore[arg-type]
        os.fstat(descriptor)  # still open: still the caller's
    assert os.read(descriptor, 100) == b"x = 1\n"  # and nothing read from it


def _loaders() -> list[Callable[..., object]]:
    from participatory.core.sources import load_sources
    from participatory.ethics.guidance import load_guidance
    from participatory.payments.rates import load_rate_card
    from participatory.readiness.criteria import load_readiness_criteria
    from participatory.render.branding import load_branding
    from participatory.vocabulary.files import load_vocabulary

    return [
        load_parameters,
        load_rate_card,
        load_project,
        load_sources,
        load_guidance,
        load_readiness_criteria,
        load_branding,
        lambda path: load_vocabulary(path, institution="Bath"),
    ]


@pytest.mark.parametrize("value", [*NOT_PATHS, "card\x00.toml"])
def test_every_loader_of_a_callers_file_refuses_what_is_not_a_path(value: object) -> None:
    for load in _loaders():
        with pytest.raises(ParticipatoryError, match=r"named by a path|NUL character"):
            load(value)


def test_no_loader_reads_or_closes_a_file_descriptor(descriptor: int) -> None:
    for load in _loaders():
        with pytest.raises(ParticipatoryError, match="named by a path"):
            load(descriptor)
        os.fstat(descriptor)
    assert os.read(descriptor, 100) == b"x = 1\n"


def test_load_project_refuses_a_nul_in_its_own_error() -> None:
    """load_project refused a non-path already; a NUL character was a ValueError."""
    with pytest.raises(ProjectFileError, match="NUL character"):
        load_project("river\x00.toml")


@pytest.mark.parametrize("text", [None, b"x = 1", 1])
def test_a_document_must_be_given_as_text(text: object) -> None:
    for parse in (tomlfile.parse_toml, limits.parse_toml, limits.parse_json):
        with pytest.raises(ParameterFileError) as caught:
            parse(text, "given.toml")  # type: ignore[arg-type]
        assert str(caught.value) == "given.toml: must be given as text (a str)"


def test_load_parameters_refuses_a_base_that_is_not_a_parameter_set() -> None:
    with pytest.raises(ValidationError, match=r"^base: must be a ParameterSet, not dict$"):
        load_parameters(base={})  # type: ignore[arg-type]
    assert isinstance(load_parameters(), ParameterSet)


@pytest.mark.parametrize("day", ["2026-12-06", None, 20261206])
def test_a_tax_year_is_found_for_a_date_only(day: object) -> None:
    """A text date is refused, not read: the tax year of a payroll date is never guessed."""
    with pytest.raises(ValidationError, match=r"^day: must be a date, not "):
        TaxYear.containing(day)  # type: ignore[arg-type]
