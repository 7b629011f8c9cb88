""":mod:`participatory.readiness.criteria`: unit tests."""

import pytest

from participatory._citing import parse_guidance
from participatory.core.errors import ParameterFileError
from participatory.readiness import (
    parse_readiness_criteria,
    readiness_criteria,
)


def test_every_recommendation_cites_its_report_section():
    for entry in readiness_criteria().recommendations.values():
        assert any(entry.section in (c.reference or "") for c in entry.citations)


def test_criteria_file_errors_name_the_key():
    with pytest.raises(ParameterFileError, match="levels"):
        parse_readiness_criteria(
            parse_guidance(
                '[sources.s]\ntitle="S"\n[citations.c]\nsource="s"\nreference="r"\nverified=true\n',
                "r.toml",
            ),
            "r.toml",
        )
