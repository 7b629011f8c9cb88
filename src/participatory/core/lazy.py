"""Names a package exports but loads only when first used (PEP 562).

``participatory``, ``participatory.render`` and ``participatory.assessment`` export names
whose modules pull in every engine, its data or babel. A command or a finance system that
needs none of them should not pay for them at import, so each of those packages hands its
table of names to :func:`lazy_attribute` and uses what it returns as its module-level
``__getattr__``. A name, once loaded, is kept in the package's namespace, so the look-up
runs once.

>>> namespace: dict[str, object] = {}
>>> getattr_ = lazy_attribute("demo", {"sqrt": "math"}, namespace)
>>> getattr_("sqrt")(9.0), "sqrt" in namespace
(3.0, True)
>>> getattr_("cbrt")
Traceback (most recent call last):
...
AttributeError: module 'demo' has no attribute 'cbrt'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping

__all__ = ["lazy_attribute"]


def lazy_attribute(
    package: str, table: Mapping[str, str], namespace: dict[str, object]
) -> Callable[[str], object]:
    """A module ``__getattr__`` that imports ``table[name]`` and returns its ``name``.

    ``package`` is the module's name (for the error), ``table`` maps each lazily exported
    name to the module that defines it, and ``namespace`` is the module's ``globals()``,
    where a loaded name is kept.
    """

    def load(name: str) -> object:
        source = table.get(name)
        if source is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(source), name)
        namespace[name] = value
        return value

    return load
