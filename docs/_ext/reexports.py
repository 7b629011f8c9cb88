"""Resolve cross-references to re-exported names at the page that documents them.

Packages re-export their public names (``participatory.budget.distribute`` is
``participatory.budget.distribution.distribute``), and module docstrings refer to names
relative to their module (``assess`` in ``participatory.assessment``). Autodoc documents
each object once, under the module that defines it, so such references would not be found.
This imports the name, finds the object's defining module and qualified name, and resolves
the reference to that. A name that cannot be imported, or whose object is not documented,
is left alone, so ``nitpicky`` still reports it: this resolves, it never ignores.

Two more cases resolve: a dotted name broken across docstring lines
(``:func:`~participatory.\n benefits.engine.check```), and a member of an enumeration the
docs do not list on its own (``Answer.UNKNOWN``), which resolves to its enumeration.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

ROOT = "participatory"


def _canonical(name: str) -> str | None:
    """The documented name of the object ``name`` refers to, or ``None``."""
    return _lookup(name)[0]


def _lookup(name: str) -> tuple[str | None, Any]:
    """The canonical name (``None`` when it is ``name`` itself) and the object."""
    parts = name.split(".")
    if parts[0] != ROOT:
        return None, None
    obj: Any = None
    index = len(parts)
    while index > 0:
        try:
            obj = importlib.import_module(".".join(parts[:index]))
            break
        except ImportError:
            index -= 1
    if obj is None:
        return None, None
    canonical = obj.__name__
    for part in parts[index:]:
        try:
            obj = getattr(obj, part)
        except AttributeError:
            return None, None
        if inspect.ismodule(obj):
            canonical = obj.__name__
        elif (inspect.isclass(obj) or inspect.isfunction(obj)) and getattr(
            obj, "__module__", ""
        ).startswith(ROOT):
            canonical = f"{obj.__module__}.{obj.__qualname__}"
        else:
            canonical = f"{canonical}.{part}"
    return (canonical if canonical != name else None), obj


def resolve(
    app: Sphinx, env: BuildEnvironment, node: nodes.Element, contnode: nodes.Element
) -> nodes.Element | None:
    """``missing-reference`` handler: retry a Python reference under its canonical name."""
    if node.get("refdomain") != "py":
        return None
    target = re.sub(r"\s+", "", node["reftarget"])
    candidates = [target]
    module = node.get("py:module")
    if module and not target.startswith(ROOT + "."):
        candidates.insert(0, f"{module}.{target}")
        candidates.insert(1, f"{module.rpartition('.')[0]}.{target}")
    domain = env.get_domain("py")
    for name in candidates:
        canonical, obj = _lookup(name)
        targets = [canonical or name]
        if isinstance(obj, enum.Enum):
            enumeration = type(obj)
            targets.append(f"{enumeration.__module__}.{enumeration.__qualname__}")
        for candidate in targets:
            if candidate == node["reftarget"]:  # already tried by Sphinx itself
                continue
            found = domain.resolve_xref(
                env, node["refdoc"], app.builder, "obj", candidate, node, contnode
            )
            if found is not None:
                return found
    return None


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the handler."""
    app.connect("missing-reference", resolve)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
