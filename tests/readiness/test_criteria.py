""":mod:`participatory.readiness.criteria`: unit tests."""

import pytest

from participatory.core.errors import ParameterFileError
from participatory.guidance_data import parse_guidance
from participatory.readiness import (
    parse_readiness_criteria,
    readiness_criteria,
)


def test_every_recommendation_cites_its_report_section():
    for entry in readiness_criteria().recommendations.values():
        assert all(c.key == "bath_report_2022" for c in entry.citations)
        assert any(c.pinpoint == f"§{entry.section}" for c in entry.citations)


def test_criteria_file_errors_name_the_key():
    with pytest.raises(ParameterFileError, match="levels"):
        parse_readiness_criteria(
            parse_guidance(
                '[sources.s]\ntitle="S"\npublisher="Us"\nprimary=true\n',
                "r.toml",
            ),
            "r.toml",
        )
