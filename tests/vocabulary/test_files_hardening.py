""":mod:`participatory.vocabulary.files`: hardening: bad input at its boundaries.

Bad input at every boundary that exists: the library's own error with a place, or a result.

Each boundary (a file loader, the command line) gets valid files broken one way at a time
(:mod:`participatory.testing.bad_input`) and random text. Every input must end in a
:class:`~participatory.core.errors.ParticipatoryError` that says where the problem is, or
in a valid result: never another exception, never a hang. The counts are printed at the
end of the run ("hardening: N inputs tried at <boundary>").
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given

from participatory.core.errors import ParameterFileError, ParticipatoryError
from participatory.testing.bad_input import toml_texts
from participatory.vocabulary import Vocabulary, load_vocabulary
from tests.fuzzing import (
    FUZZ_LARGE,
    VOCABULARY,
    outcome,
)


@FUZZ_LARGE
@given(toml_texts(*VOCABULARY, id_keys=("id", "often_confused_with")))
def test_institution_vocabulary_files(tried: Counter[str], text: str) -> None:
    """load_vocabulary: the library's error naming the file and key, or a vocabulary."""
    tried["load_vocabulary"] += 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "terms.toml"
        path.write_text(text, encoding="utf-8")
        result = outcome(lambda: load_vocabulary(path, institution="University of Example"))
    assert isinstance(result, Vocabulary | ParticipatoryError)


def test_missing_and_non_utf8_vocabulary_files_are_the_librarys_error(tmp_path: Path) -> None:
    with pytest.raises(ParameterFileError, match="cannot be read"):
        load_vocabulary(tmp_path / "absent.toml", institution="U")
    bad = tmp_path / "latin1.toml"
    bad.write_bytes('[terms.x]\nterm = "caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(ParameterFileError, match="not UTF-8"):
        load_vocabulary(bad, institution="U")
