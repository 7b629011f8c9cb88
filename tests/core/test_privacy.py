""":mod:`participatory.core.privacy`: unit tests."""

import json
import logging

import attrs

from participatory.core.errors import ValidationError
from participatory.core.privacy import REDACTED, SENSITIVE, sensitive_fields
from participatory.core.serialise import unstructure

SENTINEL = "SENTINEL-7f3a-lived-experience"


@attrs.frozen
class Contributor:
    name: str
    lived_experience: str = attrs.field(repr=REDACTED, metadata=SENSITIVE)

    @lived_experience.validator
    def _check(self, attribute, value):
        if len(value) > 1000:
            raise ValidationError(attribute.name, "is longer than 1,000 characters")


def test_sensitive_value_never_in_repr_str_or_default_serialisation(caplog):
    person = Contributor("Ana", SENTINEL)
    assert SENTINEL not in repr(person)
    assert SENTINEL not in str(person)
    assert SENTINEL not in json.dumps(unstructure(person))
    logging.getLogger("t").warning("person %s %r", person, person)
    assert SENTINEL not in caplog.text
    assert unstructure(person, include_sensitive=True)["lived_experience"] == SENTINEL
    assert [f.name for f in sensitive_fields(Contributor)] == ["lived_experience"]
