"""The four nations of the United Kingdom: whose law, whose bodies, whose bank holidays.

Benefits, tax and research-ethics rules differ by nation: Carer Support Payment replaces
Carer's Allowance in Scotland, Scottish taxpayers pay Scottish income tax, Northern Ireland has
its own social security legislation, and each nation has its own bank holidays. A contributor's
nation (or the project's, for its bank holidays) chooses the rules; what the library cannot yet
do for a nation it refuses or flags, never answering with another nation's rules.

>>> Nation("scotland").label
'Scotland'
>>> Nation.NORTHERN_IRELAND.holidays_code
'NIR'
"""

from __future__ import annotations

import enum
from typing import Final

__all__ = ["Nation"]


class Nation(enum.Enum):
    """A nation of the United Kingdom."""

    # Members are singletons, equal only to themselves: hashing by identity spares every set
    # and dict look-up on the hot path a call to Enum's own hash, which runs in Python.
    __hash__ = object.__hash__

    ENGLAND = "england"
    WALES = "wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern_ireland"

    @property
    def label(self) -> str:
        """The nation's name in English."""
        return _LABELS[self]

    @property
    def holidays_code(self) -> str:
        """The nation's subdivision code in the ``holidays`` package (ISO 3166-2:GB)."""
        return _HOLIDAY_CODES[self]

    @property
    def great_britain(self) -> bool:
        """Whether the nation is in Great Britain (DWP's benefits law applies)."""
        return self in _GREAT_BRITAIN


# Looked up in a set: an enum member read off its class (Nation.NORTHERN_IRELAND) costs about
# two thousand instructions in CPython 3.11, and a benefits check asks this on every call.
_GREAT_BRITAIN: Final = frozenset((Nation.ENGLAND, Nation.WALES, Nation.SCOTLAND))

_LABELS: Final = {
    Nation.ENGLAND: "England",
    Nation.WALES: "Wales",
    Nation.SCOTLAND: "Scotland",
    Nation.NORTHERN_IRELAND: "Northern Ireland",
}
_HOLIDAY_CODES: Final = {
    Nation.ENGLAND: "ENG",
    Nation.WALES: "WLS",
    Nation.SCOTLAND: "SCT",
    Nation.NORTHERN_IRELAND: "NIR",
}
