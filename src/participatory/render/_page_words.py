"""The words only the HTML page needs: its skip link, its contents and its notes for developers.

English templates like every other (message keys under ``render.page.``), translated by the
Welsh catalogue.

>>> MESSAGES["render.page.contents"]
'Contents'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["MESSAGES"]

#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = {
    "render.page.skip": "Skip to the report",
    "render.page.contents": "Contents",
    "render.page.developers": "For developers: the rule behind each finding",
}
