"""Where the library's own files are: its data, and its message catalogues.

The data (parameters, rate cards, the sources catalogue, calendars, guidance) and the
message catalogues ship inside the package as files. An installed wheel is unpacked in a
folder, and ``hatch_build.py`` writes the compiled data bundle into that folder beside the
data. So the files are read from the package's folder. ``importlib.resources`` is used
only where the package is not in a folder (imported from a zip archive). Importing
``importlib.resources`` costs a command-line run about as much as reading all the data
it is used to find.

>>> (package_files() / "data" / "rate_cards").is_dir()
True
>>> package_files().name
'participatory'
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["package_files"]

#: The package's folder: this module is in its ``core`` folder.
_FOLDER = Path(__file__).resolve().parent.parent


@functools.cache
def package_files() -> Traversable:
    """The package's own files, as a folder to read from (``/ "data" / "x.toml"``).

    A :class:`~pathlib.Path` to the package's folder when it is installed in one (always,
    for a wheel or a checkout), or ``importlib.resources.files("participatory")``
    otherwise. Either has ``/``, ``iterdir``, ``is_dir``, ``is_file``, ``open`` and
    ``read_text``.
    """
    if (_FOLDER / "__init__.py").is_file():
        return _FOLDER
    from importlib import resources

    return resources.files("participatory")
