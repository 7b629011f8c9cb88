""":mod:`participatory.safeguarding.guidance`: unit tests."""

import pytest

from participatory._citing import parse_guidance
from participatory.core.errors import ParameterFileError
from participatory.roles import Group
from participatory.safeguarding import (
    Measure,
    safeguarding_guidance,
)
from participatory.safeguarding.guidance import parse_safeguarding_guidance

BROKEN = """
[sources.s]
title = "S"
[citations.c]
source = "s"
reference = "r"
verified = true
[groups.learning_disabilities]
label = "x"
"""


def test_guidance_covers_every_measure_and_group():
    guide = safeguarding_guidance()
    assert set(guide.measures) == set(Measure)
    assert set(guide.group_labels) == set(Group)
    assert guide.measure(Measure.DBS_CHECKS).basis == "advice"
    assert all(guide.measure(m).basis == "report" for m in Measure if m is not Measure.DBS_CHECKS)


def test_every_expectation_cites_the_report_except_the_dbs_advice():
    for expectation in safeguarding_guidance().expectations:
        titles = {c.title for c in expectation.citations}
        if expectation.measure is Measure.DBS_CHECKS:
            assert all("DBS" in t for t in titles)
        else:
            assert all("benchmarking report" in t for t in titles)
            assert all(c.reference and "section" in c.reference for c in expectation.citations)


def test_broken_guidance_names_the_file_and_key():
    with pytest.raises(ParameterFileError, match=r"mine\.toml: measures"):
        parse_safeguarding_guidance(parse_guidance(BROKEN, "mine.toml"), "mine.toml")
    bad_cite = BROKEN.replace('source = "s"', 'source = "nowhere"')
    with pytest.raises(ParameterFileError, match=r"citations\.c\.source"):
        parse_safeguarding_guidance(parse_guidance(bad_cite, "mine.toml"), "mine.toml")
