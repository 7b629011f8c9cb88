""":mod:`participatory.core.params`: hardening: bad input at its boundaries.

Bad input at every boundary that exists: the library's own error with a place, or a result.

Each boundary (a file loader, the command line) gets valid files broken one way at a time
(:mod:`participatory.testing.bad_input`) and random text. Every input must end in a
:class:`~participatory.core.errors.ParticipatoryError` that says where the problem is, or
in a valid result: never another exception, never a hang. The counts are printed at the
end of the run ("hardening: N inputs tried at <boundary>").

Core bugs the hardening sweep found, each fixed and pinned here.

Out-of-date rules: past the last verified figures, an engine refuses or says so.

Benefit and payment figures change every April. Every bundled parameter and rate card has
a ``valid_until``; on the day after it, the engines that exist now must raise
:class:`~participatory.core.errors.ParametersNotAvailable`, or, when the caller passes the
explicit ``allow_stale=True``, answer with a finding that reports the stale figures.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given

from participatory.core.errors import (
    ParameterFileError,
    ParametersNotAvailable,
    ParticipatoryError,
)
from participatory.core.params import (
    Parameter,
    bundled_parameters,
    load_parameter_file,
    parse_parameters,
)
from participatory.testing.bad_input import toml_texts
from tests.fuzzing import (
    FUZZ,
    PARAMETERS,
    outcome,
)


@FUZZ
@given(toml_texts(*PARAMETERS))
def test_parameter_files(tried: Counter[str], text: str) -> None:
    """parse_parameters: a ParameterFileError naming the file and key, or parameters."""
    tried["parse_parameters"] += 1
    result = outcome(lambda: parse_parameters(text, "fuzz.toml"))
    if not isinstance(result, ParticipatoryError):
        assert all(isinstance(p, Parameter) for p in result.values())  # type: ignore[attr-defined]


def test_a_parameter_file_that_is_not_utf8_is_a_parameter_file_error(tmp_path: Path) -> None:
    """Found by the boundary fuzz: load_parameter_file raised UnicodeDecodeError."""
    path = tmp_path / "binary.toml"
    path.write_bytes(b"\xff\xfe\x00junk")
    with pytest.raises(ParameterFileError, match="not UTF-8"):
        load_parameter_file(path)


_ONE_DAY = dt.timedelta(days=1)


@pytest.mark.parametrize("name", sorted(bundled_parameters()))
def test_every_parameter_stops_the_day_after_valid_until(name: str, tried: Counter[str]) -> None:
    """On valid_until a value is given; the day after, an error or an explicit stale use."""
    tried["stale dates (parameters)"] += 1
    params = bundled_parameters()
    until = params[name].valid_until
    assert not params.use(name, until).stale
    with pytest.raises(ParametersNotAvailable) as caught:
        params.use(name, until + _ONE_DAY)
    assert caught.value.covered_until == until
    assert until.isoformat() in str(caught.value)
    stale = params.use(name, until + _ONE_DAY, allow_stale=True)
    assert stale.stale
    assert stale.value == params.use(name, until).value
