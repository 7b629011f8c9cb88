"""Make the names imported under ``if TYPE_CHECKING:`` available to autodoc's type hints.

Modules import some names for annotations only (matplotlib's ``Axes`` in
``participatory.render.plot``, ``Mapping`` in a strategies module). sphinx-autodoc-typehints
runs such a block once per module, but into the globals of the first object it meets; for
an attrs class that is the generated ``__init__``'s own namespace, so the module's
functions never see the names and their annotations stay unresolved. This runs every
guarded block of every ``participatory`` module into the module itself before autodoc
reads anything.

It also evaluates the string annotations of functions whose globals are not their module's
(hypothesis's ``@composite`` returns a wrapper defined in hypothesis), in the module where
they were written, so their types link like every other function's.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import textwrap
import typing
from typing import Any

from sphinx.application import Sphinx

_GUARD = re.compile(r"\nif (?:typing\.)?TYPE_CHECKING:[^\n]*\n((?:[ \t]+[^\n]*\n|\n)+)")


def run_guarded_imports(package: str = "participatory") -> None:
    """Execute each module's ``if TYPE_CHECKING:`` block in that module's namespace."""
    root = importlib.import_module(package)
    for info in pkgutil.walk_packages(root.__path__, f"{package}."):
        module = importlib.import_module(info.name)
        try:
            source = inspect.getsource(module)
        except (OSError, TypeError):
            continue
        for block in _GUARD.findall(source):
            exec(textwrap.dedent(block), vars(module))


def resolve_wrapped_annotations(package: str = "participatory") -> None:
    """Evaluate string annotations of wrapped functions in their own module's namespace."""
    root = importlib.import_module(package)
    for info in pkgutil.walk_packages(root.__path__, f"{package}."):
        module = importlib.import_module(info.name)
        namespace = vars(module)
        for value in list(namespace.values()):
            if not callable(value) or getattr(value, "__module__", None) != module.__name__:
                continue
            if getattr(value, "__globals__", namespace) is namespace:
                continue
            annotations = getattr(value, "__annotations__", {})
            if any(isinstance(hint, str) for hint in annotations.values()):
                # get_type_hints also resolves names nested inside generics.
                annotations.update(typing.get_type_hints(_Annotated(annotations), namespace))


class _Annotated:
    """Something with ``__annotations__``, for :func:`typing.get_type_hints`."""

    def __init__(self, annotations: dict[str, Any]) -> None:
        self.__annotations__ = dict(annotations)


def _prepare(_app: Sphinx) -> None:
    run_guarded_imports()
    resolve_wrapped_annotations()


def setup(app: Sphinx) -> dict[str, Any]:
    """Run the blocks when the builder starts."""
    app.connect("builder-inited", _prepare)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
