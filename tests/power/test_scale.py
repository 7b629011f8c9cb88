""":mod:`participatory.power.scale`: unit tests."""

import pytest

from participatory.core.errors import ParameterFileError
from participatory.power.scale import parse_power_scale


def test_scale_that_steps_down_the_ladder_is_refused():
    import tomllib
    from importlib import resources

    text = (resources.files("participatory") / "data" / "power_scale.toml").read_text("utf-8")
    document = tomllib.loads(text)
    document["holdings"]["partner_led"]["arnstein_rung"] = 2
    with pytest.raises(ParameterFileError, match="never step down"):
        parse_power_scale(document)
    document = tomllib.loads(text)
    document["criteria"]["nihr"]["reciprocity"] = {"evidence": []}
    with pytest.raises(ParameterFileError, match="neither evidence nor a test"):
        parse_power_scale(document)
