""":mod:`participatory.render.templates`: unit tests."""

import importlib
import pkgutil
import string
import types

import pytest

import participatory
from participatory.render.templates import SOURCES, TEMPLATES, merge, message_keys, template


def test_message_keys_cannot_be_silently_redefined():
    one = types.SimpleNamespace(__name__="one", MESSAGES={"test.once": "One"})
    again = types.SimpleNamespace(__name__="again", MESSAGES={"test.once": "One"})
    other = types.SimpleNamespace(__name__="other", MESSAGES={"test.twice": "Two"})
    assert merge([one, other]) == {"test.once": "One", "test.twice": "Two"}
    with pytest.raises(ValueError, match="defined in both one and again"):
        merge([one, again])


def test_every_module_that_defines_messages_is_in_the_registry():
    """A module's ``MESSAGES`` count only through SOURCES: none may be left out."""
    defining = []
    for info in pkgutil.walk_packages(participatory.__path__, "participatory."):
        if hasattr(importlib.import_module(info.name), "MESSAGES"):
            defining.append(info.name)
    assert sorted(defining) == sorted(SOURCES)


def test_every_key_is_one_modules_and_every_template_formats():
    assert len(TEMPLATES) == sum(len(importlib.import_module(n).MESSAGES) for n in SOURCES)
    for key, text in TEMPLATES.items():
        assert key == key.strip()
        assert text.strip(), key
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        text.format_map(dict.fromkeys(names, "x"))
    assert message_keys() == frozenset(TEMPLATES)
    assert template("render.sources") == TEMPLATES["render.sources"]


def test_the_registry_cannot_be_changed_by_its_readers():
    with pytest.raises(TypeError):
        TEMPLATES["render.sources"] = "Something else"  # type: ignore[index]
