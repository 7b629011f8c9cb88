"""A file's name as :mod:`pathlib` spells it, worked out without importing pathlib.

A command-line run names its project file once; importing :mod:`pathlib` to spell that name
(pathlib imports :mod:`urllib.parse` and :mod:`ipaddress`) cost the run about 1.5%. On a
POSIX system pathlib's rules for a name are lexical and short, and are followed here;
anywhere else (Windows: drives, two separators) pathlib itself answers.

>>> text("./examples//arts.toml"), folder("examples/arts.toml"), suffix("examples/arts.TOML")
('examples/arts.toml', 'examples', '.TOML')
>>> from pathlib import Path
>>> names = ["a.toml", "/a.toml", "//a/b.toml", "///a.toml", "a/./b/", "", ".", "..toml", "x."]
>>> [text(name) for name in names] == [str(Path(name)) for name in names]
True
>>> [folder(text(name)) for name in names] == [str(Path(name).parent) for name in names]
True
>>> [suffix(text(name)) for name in names] == [Path(name).suffix for name in names]
True
>>> [joined("a", name) for name in names] == [str(Path("a") / name) for name in names]
True
"""

from __future__ import annotations

import os
from typing import Final

__all__ = ["folder", "joined", "suffix", "text"]

#: Whether names are POSIX names (one separator, no drives): the rules below are for them.
_POSIX: Final = os.sep == "/" and os.altsep is None


def text(name: str) -> str:
    """``str(pathlib.Path(name))``: empty parts and ``.`` left out, ``.`` for nothing."""
    if not _POSIX:  # pragma: no cover - Windows
        from pathlib import Path

        return str(Path(name))
    root = ""
    if name.startswith("/"):
        # Two slashes at the start are a root of their own in POSIX; one, or three or more, "/".
        root = "//" if name.startswith("//") and not name.startswith("///") else "/"
    kept = "/".join(part for part in name.split("/") if part and part != ".")
    return (root + kept) or "."


def joined(folder: str, name: str) -> str:
    """``str(pathlib.Path(folder) / name)``: ``name`` in ``folder``, unless it is absolute."""
    if not _POSIX:  # pragma: no cover - Windows
        from pathlib import Path

        return str(Path(folder) / name)
    if name.startswith("/"):
        return text(name)
    base, rest = text(folder), text(name)
    if rest == ".":
        return base
    if base == ".":
        return rest
    return base + rest if base.endswith("/") else f"{base}/{rest}"


def folder(name: str) -> str:
    """``str(pathlib.Path(name).parent)`` for a ``name`` as :func:`text` spells it."""
    if not _POSIX:  # pragma: no cover - Windows
        from pathlib import Path

        return str(Path(name).parent)
    head, _, last = name.rpartition("/")
    if not last or last == ".":  # a root, or "." (its own parent)
        return name
    if not head:
        return "/" if name.startswith("/") else "."
    return head if head.strip("/") else name[: len(name) - len(last)]


def suffix(name: str) -> str:
    """``pathlib.Path(name).suffix`` for a ``name`` as :func:`text` spells it (``""``: none)."""
    if not _POSIX:  # pragma: no cover - Windows
        from pathlib import Path

        return Path(name).suffix
    last = name.rpartition("/")[2]
    point = last.rfind(".")
    return last[point:] if 0 < point < len(last) - 1 else ""
