""":mod:`participatory.readiness.criteria`: hardening: bad input at its boundaries.

Bad input at every boundary that exists: the library's own error with a place, or a result.

Each boundary (a file loader, the command line) gets valid files broken one way at a time
(:mod:`participatory.testing.bad_input`) and random text. Every input must end in a
:class:`~participatory.core.errors.ParticipatoryError` that says where the problem is, or
in a valid result: never another exception, never a hang. The counts are printed at the
end of the run ("hardening: N inputs tried at <boundary>").
"""

from __future__ import annotations

import copy
import tempfile
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given

from participatory.core.errors import ParticipatoryError
from participatory.readiness.criteria import ReadinessCriteria, load_readiness_criteria
from participatory.testing.bad_input import toml_text, toml_texts
from tests.fuzzing import (
    FUZZ_LARGE,
    READINESS,
    outcome,
)


@FUZZ_LARGE
@given(toml_texts(*READINESS))
def test_readiness_criteria(tried: Counter[str], text: str) -> None:
    """load_readiness_criteria: a ParameterFileError naming the key, or criteria."""
    tried["load_readiness_criteria"] += 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "readiness.toml"
        path.write_text(text, encoding="utf-8")
        result = outcome(lambda: load_readiness_criteria(path), tried)
    assert isinstance(result, ReadinessCriteria | ParticipatoryError)


@pytest.mark.parametrize("part", ["levels", "recommendations"])
def test_readiness_entry_that_is_not_a_table(tmp_path: Path, part: str) -> None:
    """A level or recommendation that is a number, not a table, is a ParameterFileError."""
    document = copy.deepcopy(READINESS[0])
    first = next(iter(document[part]))
    document[part][first] = Decimal(1)
    path = tmp_path / "readiness.toml"
    path.write_text(toml_text(document), encoding="utf-8")
    with pytest.raises(ParticipatoryError):
        load_readiness_criteria(path)
