"""The API reference shows the real defaults of attrs classes, not attrs' generated source."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
from pathlib import Path

import attrs
import pytest

pytest.importorskip("sphinx")  # the docs extra

from sphinx.ext.autodoc.preserve_defaults import update_default_value
from sphinx.util.inspect import stringify_signature

import participatory
from participatory.benefits import Household, Person
from participatory.budget.lines import BudgetLine
from participatory.core.explain import Finding
from participatory.core.money import Money
from participatory.ethics.route_rules import RouteRule
from participatory.payments.rates import RateCard

sys.path.insert(0, str(Path(__file__).parents[2] / "docs" / "_ext"))

from attrs_signatures import _show_real_defaults, attrs_class_of, real_signature


def shown(cls: type) -> str:
    """The signature as the built page shows it: preserved defaults, then this extension."""
    update_default_value(cls.__init__, bound_method=True)  # what autodoc_preserve_defaults does
    _show_real_defaults(None, cls.__init__, True)  # type: ignore[arg-type]
    signature = inspect.signature(cls.__init__)
    parameters = list(signature.parameters.values())[1:]  # without self
    return stringify_signature(signature.replace(parameters=parameters), show_annotation=False)


@pytest.mark.parametrize(
    ("cls", "expected"),
    [
        (Money, 'currency="GBP"'),  # its own __init__: the default as its source writes it
        (Finding, "citations=()"),
        (Finding, "values={}"),  # a factory: the value a new instance gets
        (Finding, "subject=None"),
        (Person, "weekly_earnings=Money('0', 'GBP')"),
        (Person, "unaffected=frozenset()"),
        (Household, "nation=Nation.ENGLAND"),  # an enumeration member by name
        (Household, "people=(Person(),)"),  # an empty model by its constructor
        (RateCard, "rules=RateRules()"),
        (
            RouteRule,
            "nations=frozenset({Nation.ENGLAND, Nation.NORTHERN_IRELAND, Nation.SCOTLAND, "
            "Nation.WALES})",
        ),
    ],
)
def test_a_signature_shows_the_real_default(cls, expected):
    text = shown(cls)
    assert expected in text
    assert "attr_dict" not in text
    assert "NOTHING" not in text


def test_preserved_defaults_alone_show_attrs_source():
    """Why the extension exists: without it, the page shows attrs' generated code."""
    update_default_value(Finding.__init__, bound_method=True)
    text = stringify_signature(inspect.signature(Finding.__init__), show_annotation=False)
    assert "attr_dict['citations'].default" in text
    del Finding.__init__.__signature__


def test_a_default_made_from_the_instance_is_named_by_its_factory():
    assert "approver=<factory: _approver_defaults_to_holder>" in shown(BudgetLine)


def _public_attrs_classes() -> list[type]:
    classes: dict[str, type] = {}
    for info in pkgutil.walk_packages(participatory.__path__, "participatory."):
        if any(part.startswith("_") for part in info.name.split(".")):
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional extra (plots, peers) that is not installed
            continue
        for name, value in vars(module).items():
            if (
                not name.startswith("_")
                and inspect.isclass(value)
                and attrs.has(value)
                and value.__module__ == module.__name__
            ):
                classes[f"{value.__module__}.{value.__qualname__}"] = value
    return list(classes.values())


def test_every_public_attrs_class_shows_a_real_default_for_every_optional_argument():
    classes = _public_attrs_classes()
    assert len(classes) > 100
    checked = 0
    for cls in classes:
        if attrs_class_of(cls.__init__) is not cls:
            continue  # a hand-written __init__ keeps its defaults as written
        text = stringify_signature(real_signature(cls), show_annotation=False)
        assert "attr_dict" not in text, cls
        assert "NOTHING" not in text, cls
        optional = [f for f in attrs.fields(cls) if f.init and f.default is not attrs.NOTHING]
        assert text.count("=") == len(optional), cls
        checked += 1
    assert checked > 100
