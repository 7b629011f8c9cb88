"""Reading one template from its own module gives what the whole registry gives (issue 18).

:mod:`participatory.render.templates` reads a key from the module the index
:data:`~participatory.render.template_owners.OWNERS` names until the whole registry is built.
The index must name, for every key, the one module whose ``MESSAGES`` defines it; and a
lookup through it must equal the registry's, plain or plural. The lookups run in a fresh
interpreter, where the registry is not yet built (this test process has long since built it).
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

from participatory.render import templates
from participatory.render.template_owners import OWNERS


def test_the_index_names_every_key_of_every_module_in_the_registry():
    assert tuple(OWNERS) == templates.SOURCES
    for module, keys in OWNERS.items():
        assert keys == tuple(importlib.import_module(module).MESSAGES)
    assert {key for keys in OWNERS.values() for key in keys} == templates.message_keys()


_LOOKUPS = """
import json, sys
from participatory.render import templates
found = {key: templates.template(key) for key in templates._OWNER_OF}
print(json.dumps({"found": found, "built_before": bool(templates._WHOLE)}))
"""

_SINGLE = """
import json, sys
from participatory.render.templates import template, _WHOLE
text = template(sys.argv[1])
print(json.dumps({"text": text, "built": bool(_WHOLE),
                  "modules": sorted(m for m in sys.modules if m.startswith("participatory."))}))
"""


def test_every_lookup_before_the_registry_is_built_equals_the_registry():
    done = subprocess.run(
        [sys.executable, "-c", _LOOKUPS], capture_output=True, text=True, check=True, timeout=120
    )
    answer = json.loads(done.stdout)
    assert answer["built_before"] is False
    assert set(answer["found"]) == set(templates.TEMPLATES)
    assert answer["found"] == dict(templates.TEMPLATES)


def test_plural_lookups_in_a_fresh_process_equal_the_registry():
    probe = (
        "import json\nfrom participatory.render import templates\n"
        "print(json.dumps({k: None if (p := templates.plural(k)) is None else "
        "[p.by, p.one, p.other] for k in templates._OWNER_OF}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    fresh = json.loads(done.stdout)
    expected = {
        key: None
        if (forms := templates.plural(key)) is None
        else [forms.by, forms.one, forms.other]
        for key in templates.TEMPLATES
    }
    assert fresh == expected


def test_one_template_imports_only_its_own_module():
    key = OWNERS["participatory.render.words"][0]
    done = subprocess.run(
        [sys.executable, "-c", _SINGLE, key], capture_output=True, text=True, check=True, timeout=60
    )
    answer = json.loads(done.stdout)
    assert answer["text"] == templates.template(key)
    assert answer["built"] is False
    assert not {
        m for m in answer["modules"] if m.startswith(("participatory.tax", "participatory.ledger"))
    }


def test_an_unknown_key_is_a_key_error_as_before():
    probe = (
        "from participatory.render import templates\n"
        "try:\n    templates.template('no.such.key')\nexcept KeyError as e:\n    print(repr(e))\n"
        "print(templates.plural('no.such.key'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split("\n")[:2] == ["KeyError('no.such.key')", "None"]


def test_templates_added_to_the_registry_are_found(extra_templates):
    extra_templates({"test_owners.added": "Added {thing}"})
    assert templates.template("test_owners.added") == "Added {thing}"
    assert templates.plural("test_owners.added") is None


def test_templates_by_prefix_before_the_registry_is_built_equal_the_registry():
    probe = (
        "import json\nfrom participatory.render import templates\n"
        "print(json.dumps([templates.templates_starting(('ethics.body.', 'render.')), "
        "bool(templates._WHOLE)]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    fresh, built = json.loads(done.stdout)
    assert built is False
    expected = {
        key: text
        for key, text in templates.TEMPLATES.items()
        if key.startswith(("ethics.body.", "render."))
    }
    assert fresh == expected
    assert fresh
    assert templates.templates_starting(("ethics.body.",)) == {
        k: t for k, t in templates.TEMPLATES.items() if k.startswith("ethics.body.")
    }
