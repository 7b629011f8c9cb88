""":mod:`participatory.core.errors`: unit tests."""

import attrs
import pytest

from participatory.core.errors import ValidationError
from participatory.core.privacy import REDACTED, SENSITIVE

SENTINEL = "SENTINEL-7f3a-lived-experience"


@attrs.frozen
class Contributor:
    name: str
    lived_experience: str = attrs.field(repr=REDACTED, metadata=SENSITIVE)

    @lived_experience.validator
    def _check(self, attribute, value):
        if len(value) > 1000:
            raise ValidationError(attribute.name, "is longer than 1,000 characters")


def test_validation_errors_name_the_field_not_the_value():
    with pytest.raises(ValidationError) as caught:
        Contributor("Ana", SENTINEL * 100)
    assert SENTINEL not in str(caught.value)
    assert "lived_experience" in str(caught.value)
