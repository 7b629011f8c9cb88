""":mod:`participatory.core.tomlfile`: unit tests.

Issue 11's privacy defaults at the edges: commands, payment notes and file errors.

"No log, error or rendered report (unless the caller opts in)" shows a person's
circumstances. The library-level defaults (serialisation, sentences, the report view) are
tested beside their modules; these are the places a person's data leaves the library.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from participatory.core.errors import ParameterFileError
from participatory.ethics.guidance import load_guidance
from participatory.payments.rates import load_rate_card
from participatory.readiness.criteria import load_readiness_criteria


def test_a_file_that_is_not_utf8_is_named_with_the_byte(tmp_path: Path) -> None:
    """The error names the file and where decoding failed, never the bytes themselves."""
    path = tmp_path / "card.toml"
    path.write_bytes(b'[meta]\nname = "caf\xe9"\n')
    for loader in (load_rate_card, load_readiness_criteria, load_guidance):
        with pytest.raises(ParameterFileError) as caught:
            loader(path)
        assert caught.value.file == str(path)
        assert "not UTF-8" in caught.value.problem
        # '[meta]\n' is bytes 0-6 and 'name = "caf' bytes 7-17: 0xE9 is at offset 18.
        assert "at byte offset 18" in caught.value.problem
