""":mod:`participatory.safeguarding.guidance`: unit tests."""

import pytest

from participatory.core import tomlfile
from participatory.core.errors import ParameterFileError
from participatory.guidance_data import parse_guidance
from participatory.roles import Group
from participatory.safeguarding import (
    Measure,
    safeguarding_guidance,
)
from participatory.safeguarding.guidance import parse_safeguarding_guidance

BROKEN = """
[sources.s]
title = "S"
publisher = "Us"
primary = true
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
        keys = {c.key for c in expectation.citations}
        if expectation.measure is Measure.DBS_CHECKS:
            assert keys == {"dbs_children_charity"}
        else:
            assert keys == {"bath_report_2022"}
            assert all(c.pinpoint and c.pinpoint.startswith("§") for c in expectation.citations)
        # Every passage cited was read in the document, a primary source.
        assert all(c.verified for c in expectation.citations)


def test_broken_guidance_names_the_file_and_key():
    with pytest.raises(ParameterFileError, match=r"mine\.toml: measures"):
        parse_safeguarding_guidance(parse_guidance(BROKEN, "mine.toml"), "mine.toml")


def test_an_unknown_catalogue_reference_names_where_it_was_cited():
    bundled = _bundled()
    text = bundled.replace('"bath_report_2022#partners_sensitive"', '"bath_report_2022#nowhere"', 1)
    assert text != bundled
    with pytest.raises(ParameterFileError, match=r"expectations\[0\]\.citations\[0\]: no passage"):
        parse_safeguarding_guidance(parse_guidance(text, "mine.toml"), "mine.toml")


def test_an_institution_file_may_cite_its_own_documents():
    text = _bundled().replace('"bath_report_2022#partners_sensitive"', '"our_policy#s3"', 1) + (
        '\n[sources.our_policy]\ntitle = "Our safeguarding policy"\npublisher = "Us"\n'
        'primary = true\n[sources.our_policy.passages.s3]\npinpoint = "section 3"\n'
    )
    guide = parse_safeguarding_guidance(parse_guidance(text, "ours.toml"), "ours.toml")
    first = guide.expectations[0].citations[0]
    assert (first.key, first.short, first.verified) == (
        "our_policy",
        "Our safeguarding policy section 3",
        False,
    )


def _bundled() -> str:
    return tomlfile.bundled_text("safeguarding.toml")
