"""What the ledger's commands say they did, as English templates (keys ``render.ledger.``).

``participatory ledger init``, ``import``, ``add`` and ``export`` answer in one or two
sentences: what was created, added or replaced. They are worded here, and the Welsh
catalogue translates them like any finding, so ``--locale cy`` gives the whole answer in
Welsh. A count of the members left without circumstances is a number only: whose they were
is itself sensitive.

>>> from participatory.render.text import text
>>> text("render.ledger.changes", "en_GB")
'Added {added}, replaced {replaced}.'
>>> text("render.ledger.left_unrecorded", "en_GB", {"count": 2})
'{count} other members of replaced household records now have no circumstances recorded.'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["MESSAGES"]

MESSAGES: Final[Mapping[str, object]] = {
    "render.ledger.created": (
        "Created the ledger {path} (schema version {version}, readable by its owner only)."
    ),
    "render.ledger.ready": "The ledger {path} is ready (schema version {version}).",
    "render.ledger.changes": "Added {added}, replaced {replaced}.",
    "render.ledger.left_unrecorded": {
        "by": "count",
        "one": (
            "{count} other member of a replaced household record now has no circumstances recorded."
        ),
        "other": (
            "{count} other members of replaced household records now have no circumstances "
            "recorded."
        ),
    },
    "render.ledger.exported": "Exported the ledger to {path} (readable by its owner only).",
}
