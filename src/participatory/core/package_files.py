"""Where the library's own files are: its data, and its message catalogues.

The data (parameters, rate cards, the sources catalogue, calendars, guidance) and the
message catalogues ship inside the package as files. An installed wheel is unpacked in a
folder, and ``hatch_build.py`` writes the compiled data bundle into that folder beside the
data. So the files are read from the package's folder. ``importlib.resources`` is used
only where the package is not in a folder (imported from a zip archive). Importing
``importlib.resources`` costs a command-line run about as much as reading all the data
it is used to find. A run reads its files by name (:func:`read_package_text`,
:func:`read_package_bytes`, :func:`package_listing`) through ``os``: importing
``pathlib`` for them (with ``urllib.parse`` and ``ipaddress``, which it imports)
cost a command-line run about 1.5%.

>>> (package_files() / "data" / "rate_cards").is_dir()
True
>>> package_files().name
'participatory'
>>> ("nihr.toml", False) in package_listing("data/rate_cards")
True
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["package_files", "package_listing", "read_package_bytes", "read_package_text"]

#: The package's folder: this module is in its ``core`` folder.
_FOLDER: Final = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


@functools.cache
def _in_folder() -> bool:
    """Whether the package is installed in a folder (always, for a wheel or a checkout)."""
    return os.path.isfile(os.path.join(_FOLDER, "__init__.py"))


def _traversable(name: str) -> Traversable:
    files = package_files()
    for part in name.split("/"):
        files = files / part
    return files


def read_package_text(name: str) -> str:
    """The text (UTF-8) of one of the package's own files, ``name`` relative to the package.

    ``name`` is separated by ``/`` on every system (``"data/rate_cards/nihr.toml"``). A file
    that is not there raises :class:`OSError` (:class:`FileNotFoundError`, say).
    """
    if _in_folder():
        with open(os.path.join(_FOLDER, *name.split("/")), encoding="utf-8") as handle:
            return handle.read()
    return _traversable(name).read_text(encoding="utf-8")


def read_package_bytes(name: str) -> bytes:
    """The bytes of one of the package's own files (``name`` as :func:`read_package_text`)."""
    if _in_folder():
        with open(os.path.join(_FOLDER, *name.split("/")), "rb") as handle:
            return handle.read()
    return _traversable(name).read_bytes()


def package_listing(folder: str) -> list[tuple[str, bool]]:
    """What one of the package's own folders holds: each name, and whether it is a folder.

    Sorted by name; ``folder`` as a name for :func:`read_package_text`.
    """
    if _in_folder():
        with os.scandir(os.path.join(_FOLDER, *folder.split("/"))) as found:
            return sorted((entry.name, entry.is_dir()) for entry in found)
    return sorted((item.name, item.is_dir()) for item in _traversable(folder).iterdir())


@functools.cache
def package_files() -> Traversable:
    """The package's own files, as a folder to read from (``/ "data" / "x.toml"``).

    A :class:`~pathlib.Path` to the package's folder when it is installed in one (always,
    for a wheel or a checkout), or ``importlib.resources.files("participatory")``
    otherwise. Either has ``/``, ``iterdir``, ``is_dir``, ``is_file``, ``open`` and
    ``read_text``.
    """
    if _in_folder():
        from pathlib import Path

        return Path(_FOLDER)
    from importlib import resources

    return resources.files("participatory")
