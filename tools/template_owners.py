"""Writing the index of which module defines each message template.

A maintainer's tool, not part of the library. :mod:`participatory.render.templates` reads a
template from the one module that defines it, found in
``participatory/render/template_owners.py``, so rendering a report imports no engine it did
not run; this tool writes that index from the registry's modules (``SOURCES``). A test
fails when the index is out of date. Run, with participatory installed::

    python tools/template_owners.py            # rewrite the index
    python tools/template_owners.py --check    # exit status 1 if it is out of date

>>> owners = owners_of(["participatory.render.words"])
>>> "render.sources" in owners["participatory.render.words"]
True
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from participatory.render.templates import SOURCES

__all__ = ["INDEX_FILE", "main", "owners_of", "render"]

#: The index in the source tree.
INDEX_FILE = (
    Path(__file__).resolve().parent.parent
    / "src"
    / "participatory"
    / "render"
    / "template_owners.py"
)

_HEADER = '''"""Which module defines each message template: written by ``tools/template_owners.py``.

:mod:`participatory.render.templates` reads a template from the module named here, so
rendering imports only the modules whose words it uses. Do not edit by hand: run the tool
(a test fails when this index differs from the modules' ``MESSAGES``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["OWNERS"]

#: Each module in ``SOURCES`` and the message keys its ``MESSAGES`` defines, in its order.
OWNERS: Final[Mapping[str, tuple[str, ...]]] = {
'''


def owners_of(modules: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Each module's message keys, in the order its ``MESSAGES`` defines them."""
    return {name: tuple(importlib.import_module(name).MESSAGES) for name in modules}


def render(owners: Mapping[str, Sequence[str]]) -> str:
    """The index module's text for ``owners``."""
    lines = [_HEADER.rstrip("\n")]
    for module, keys in owners.items():
        if len(keys) == 1:  # as ruff formats it: a one-item tuple's comma is not "magic"
            lines.append(f'    "{module}": ("{keys[0]}",),')
            continue
        lines.append(f'    "{module}": (')
        lines.extend(f'        "{key}",' for key in keys)
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Rewrite the index (or, with ``--check``, say whether it is current); exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--output", type=Path, default=INDEX_FILE, help="file to write")
    options = parser.parse_args(argv)
    fresh = render(owners_of(SOURCES))
    if options.check:
        current = options.output.read_text(encoding="utf-8") if options.output.exists() else ""
        if current != fresh:
            print(f"{options.output} is out of date: run python tools/template_owners.py")
            return 1
        print(f"{options.output} is current")
        return 0
    options.output.write_text(fresh, encoding="utf-8")
    print(f"wrote {options.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
