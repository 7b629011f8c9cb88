""":mod:`participatory.core.tomlfile`: hardening: bad input at its boundaries.

Bad input at every boundary that exists: the library's own error with a place, or a result.

Each boundary (a file loader, the command line) gets valid files broken one way at a time
(:mod:`participatory.testing.bad_input`) and random text. Every input must end in a
:class:`~participatory.core.errors.ParticipatoryError` that says where the problem is, or
in a valid result: never another exception, never a hang. The counts are printed at the
end of the run ("hardening: N inputs tried at <boundary>").
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from participatory.core.errors import ParticipatoryError
from participatory.core.params import load_parameter_file
from participatory.ethics.guidance import load_guidance
from participatory.payments.rates import load_rate_card
from participatory.readiness.criteria import load_readiness_criteria

_LOADERS = [
    pytest.param(load_parameter_file, "missing", id="parameters-missing"),
    pytest.param(load_parameter_file, "binary", id="parameters-binary"),
    pytest.param(load_rate_card, "missing", id="rate-card-missing"),
    # Fixed (issue 11): load_rate_card, load_readiness_criteria and load_guidance read
    # through participatory.core.tomlfile.read_file, which names a missing or non-UTF-8 file.
    pytest.param(load_rate_card, "binary", id="rate-card-binary"),
    pytest.param(load_readiness_criteria, "missing", id="readiness-missing"),
    pytest.param(load_readiness_criteria, "binary", id="readiness-binary"),
    pytest.param(load_guidance, "missing", id="ethics-missing"),
    pytest.param(load_guidance, "binary", id="ethics-binary"),
]  # fmt: skip


@pytest.mark.parametrize(("loader", "kind"), _LOADERS)
def test_unreadable_files_are_the_librarys_error(
    tmp_path: Path, loader: Callable[[Path], object], kind: str
) -> None:
    """A file that is not there, or not UTF-8, is named in the library's own error."""
    path = tmp_path / f"{kind}.toml"
    if kind == "binary":
        path.write_bytes(b"\xff\xfe\x00junk")
    with pytest.raises(ParticipatoryError):
        loader(path)
