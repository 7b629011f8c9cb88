""":mod:`participatory.evaluation.plan`: unit tests."""

import pytest

from participatory.core.errors import ValidationError
from participatory.evaluation import (
    EvaluationPlan,
    LegacyPlan,
    PlannedOutput,
    ReturnOfFindings,
)


def test_validation_names_the_field():
    with pytest.raises(ValidationError) as caught:
        EvaluationPlan(captures=["impact_on_researchers", "vibes"])
    assert caught.value.path == "captures[1]"
    with pytest.raises(ValidationError, match="kind"):
        PlannedOutput("podcast-ish", "X")
    with pytest.raises(ValidationError, match="timing"):
        ReturnOfFindings("someday")
    with pytest.raises(ValidationError, match="activities"):
        LegacyPlan([])
    with pytest.raises(ValidationError, match="legacy"):
        EvaluationPlan(legacy="keep in touch")  # type: ignore[arg-type]
