"""Packages' exported names are the same things whatever was imported first.

A package that loads some names on first use (``participatory``, ``participatory.benefits``,
``participatory.payments``, ``participatory.render``, ``participatory.assessment``) must never
export a name that is also one of its submodules: importing the submodule puts the module in
the package under that name, so the export would be a function or a module depending on
what the caller imported first.
"""

import importlib
import pkgutil
import subprocess
import sys
import types

import pytest

import participatory

PACKAGES = [
    "participatory",
    "participatory.assessment",
    "participatory.benefits",
    "participatory.payments",
    "participatory.render",
]


@pytest.mark.parametrize("name", PACKAGES)
def test_no_name_loaded_on_first_use_is_also_a_submodule(name: str) -> None:
    """(A name imported with the package itself, such as ``benefits.headroom``, is bound
    after its module is, so the function stays.)"""
    package = importlib.import_module(name)
    submodules = {info.name for info in pkgutil.iter_modules(package.__path__)}
    lazy = set(getattr(package, "_LAZY", {}))
    assert lazy <= set(package.__all__)
    assert not lazy & submodules


@pytest.mark.parametrize("name", PACKAGES)
def test_every_exported_name_is_what_it_was_after_every_submodule_is_imported(name: str) -> None:
    """Each name read in a fresh interpreter, after importing every submodule of the library
    first, is the same kind of thing as the name in the documentation: never a module."""
    code = (
        "import importlib, pkgutil, types, participatory\n"
        "for info in pkgutil.walk_packages(participatory.__path__, 'participatory.'):\n"
        "    if '.testing' in info.name or '.peers.policyengine' in info.name:\n"
        "        continue\n"
        "    importlib.import_module(info.name)\n"
        f"package = importlib.import_module({name!r})\n"
        "bad = [n for n in package.__all__ if isinstance(getattr(package, n), types.ModuleType)]\n"
        "print(bad)\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert found.stdout.strip() == "[]"


def test_every_lazily_exported_name_loads() -> None:
    for name in PACKAGES:
        package = importlib.import_module(name)
        for exported in package.__all__:
            assert not isinstance(getattr(package, exported), types.ModuleType), exported
    assert participatory.__all__
