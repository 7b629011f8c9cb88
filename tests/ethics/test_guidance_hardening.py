""":mod:`participatory.ethics.guidance`: hardening: bad input at its boundaries.

Bad input at every boundary that exists: the library's own error with a place, or a result.

Each boundary (a file loader, the command line) gets valid files broken one way at a time
(:mod:`participatory.testing.bad_input`) and random text. Every input must end in a
:class:`~participatory.core.errors.ParticipatoryError` that says where the problem is, or
in a valid result: never another exception, never a hang. The counts are printed at the
end of the run ("hardening: N inputs tried at <boundary>").
"""

from __future__ import annotations

import copy
from collections import Counter
from decimal import Decimal

import pytest
from hypothesis import given

from participatory.core.errors import ParticipatoryError
from participatory.ethics.guidance import EthicsGuidance, parse_guidance
from participatory.testing.bad_input import toml_text, toml_texts
from tests.fuzzing import (
    ETHICS,
    FUZZ_LARGE,
    outcome,
)


@FUZZ_LARGE
@given(toml_texts(*ETHICS))
def test_ethics_guidance(tried: Counter[str], text: str) -> None:
    """parse_guidance (ethics): a ParameterFileError naming the key, or guidance."""
    tried["ethics parse_guidance"] += 1
    result = outcome(lambda: parse_guidance(text, file="fuzz.toml"), tried)
    assert isinstance(result, EthicsGuidance | ParticipatoryError)


def test_ethics_boundary_also_that_is_not_an_array() -> None:
    """``also = 1`` in an involvement-boundary entry is a ParameterFileError naming the key."""
    document = copy.deepcopy(ETHICS[0])
    document["involvement_boundary"][0]["also"] = Decimal(1)
    with pytest.raises(ParticipatoryError):
        parse_guidance(toml_text(document))
