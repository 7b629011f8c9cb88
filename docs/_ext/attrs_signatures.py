"""Show the real defaults in the signatures of ``attrs`` classes.

``autodoc_preserve_defaults`` shows a default as it is written in the source, which is what
a reader wants for a function (``as_at=None``). The ``__init__`` of an attrs class is
generated, and its source says ``findings=attr_dict['findings'].default``, or ``NOTHING``
for a default made by a factory. This reads the defaults from ``attrs.fields()`` instead:

- a plain default is shown by its repr (``currency='GBP'``, ``findings=()``), an enumeration
  member by its name (``severity=Severity.INFO``);
- a factory is shown as the value a new instance gets (``values={}``,
  ``tags=frozenset()``), or ``<factory: name>`` when calling it is not possible (a factory
  that takes the instance) or its value has no short repr.

The handler runs on ``autodoc-before-process-signature``, after ``autodoc_preserve_defaults``
has written its signature, and replaces that signature only for an attrs-generated
``__init__``; every other callable keeps its defaults as written.
"""

from __future__ import annotations

import enum
import importlib
import inspect
from typing import Any

import attrs
from sphinx.application import Sphinx

#: A default whose repr is longer than this is shown by its factory's name or type.
LONGEST_REPR = 100


class ShownDefault:
    """A default value as the signature shows it: its repr is the text given."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _name_of(value: Any) -> str:
    return str(getattr(value, "__name__", None) or type(value).__name__)


def _short(value: Any) -> str | None:
    """``value`` as it would be written in code, or ``None`` when that is not short."""
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if attrs.has(type(value)):
        # A model's default is usually its own empty instance: ``RateRules()``, not every
        # field of it (some of which a repr redacts).
        try:
            empty = type(value)()
        except Exception:
            empty = None
        if empty is not None and empty == value:
            return f"{type(value).__name__}()"
    if isinstance(value, (tuple, list, set, frozenset)):
        items = [_short(item) for item in value]
        if any(item is None for item in items):
            return None
        shown = [str(item) for item in items]
        if isinstance(value, (set, frozenset)):
            shown.sort()
            inner = "{" + ", ".join(shown) + "}" if shown else ""
            return f"{type(value).__name__}({inner})"
        if isinstance(value, list):
            return "[" + ", ".join(shown) + "]"
        return "(" + ", ".join(shown) + ("," if len(shown) == 1 else "") + ")"
    try:
        text = repr(value)
    except Exception:
        return None
    if text.startswith("<") or "<redacted>" in text:
        return None
    return text


def _value_text(value: Any) -> str | None:
    """The text a signature shows for ``value``, or ``None`` when it has no short one."""
    text = _short(value)
    if text is None or len(text) > LONGEST_REPR:
        return None
    return text


def default_text(field: attrs.Attribute[Any]) -> str | None:
    """What the signature shows as ``field``'s default; ``None`` for a required field."""
    default = field.default
    if default is attrs.NOTHING:
        return None
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        factory = default.factory
        if not default.takes_self:
            try:
                shown = _value_text(factory())
            except Exception:
                shown = None
            if shown is not None:
                return shown
        return f"<factory: {_name_of(factory)}>"
    return _value_text(default) or f"<{type(default).__name__}>"


def attrs_class_of(function: Any) -> type | None:
    """The attrs class whose generated ``__init__`` is ``function``, or ``None``."""
    code = getattr(function, "__code__", None)
    if code is None or not code.co_filename.startswith("<attrs generated"):
        return None
    qualname = getattr(function, "__qualname__", "")
    if not qualname.endswith(".__init__"):
        return None
    try:
        owner: Any = importlib.import_module(function.__module__)
    except ImportError:
        return None
    for part in qualname.split(".")[:-1]:
        owner = getattr(owner, part, None)
        if owner is None:
            return None
    if not (inspect.isclass(owner) and attrs.has(owner)):
        return None
    return owner


def real_signature(cls: type) -> inspect.Signature:
    """The signature of ``cls.__init__`` with the defaults of its attrs fields."""
    function = cls.__init__
    signature = inspect.signature(function)
    shown = {field.alias: default_text(field) for field in attrs.fields(cls) if field.init}
    parameters = []
    for parameter in signature.parameters.values():
        text = shown.get(parameter.name)
        if text is not None and parameter.default is not inspect.Parameter.empty:
            parameter = parameter.replace(default=ShownDefault(text))
        parameters.append(parameter)
    return signature.replace(parameters=parameters)


def _show_real_defaults(app: Sphinx, obj: Any, bound_method: bool) -> None:
    """``autodoc-before-process-signature``: real defaults for an attrs ``__init__``."""
    function = getattr(obj, "__func__", obj)
    cls = attrs_class_of(function)
    if cls is not None:
        function.__signature__ = real_signature(cls)


def setup(app: Sphinx) -> dict[str, Any]:
    # A priority above the default (500) runs after autodoc's own handlers.
    app.connect("autodoc-before-process-signature", _show_real_defaults, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
