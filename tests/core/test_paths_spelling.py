"""``participatory.core._paths`` spells a file's name exactly as :mod:`pathlib` does.

The command line names files as pathlib would (``./examples//arts.toml`` is
``examples/arts.toml`` in every message), without importing pathlib for it. Generated names
of slashes, dots and letters, compared with pathlib's own answers.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.core import _paths

_NAMES = st.lists(
    st.sampled_from(["/", ".", "..", "a", "b.toml", ".c", "d.", "é", " "]), max_size=8
).map("".join)


@settings(max_examples=1000)
@given(_NAMES)
def test_a_name_is_spelled_as_pathlib_spells_it(name: str) -> None:
    assert _paths.text(name) == str(Path(name))


@settings(max_examples=1000)
@given(_NAMES)
def test_a_names_folder_and_suffix_are_pathlibs(name: str) -> None:
    spelled = _paths.text(name)
    assert _paths.folder(spelled) == str(Path(name).parent)
    assert _paths.suffix(spelled) == Path(name).suffix


@settings(max_examples=1000)
@given(_NAMES, _NAMES)
def test_a_name_in_a_folder_is_pathlibs(folder: str, name: str) -> None:
    assert _paths.joined(folder, name) == str(Path(folder) / name)


def test_a_name_in_no_folder_is_the_name() -> None:
    """``Path("") / name`` is ``name``: an empty folder is the current one, not the root."""
    assert _paths.joined("", "a.toml") == "a.toml"
    assert _paths.joined("", "") == "."
