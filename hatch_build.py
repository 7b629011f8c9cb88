"""Build hook: compile the Welsh (and any other) message catalogues into the wheel."""

from __future__ import annotations

import io
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogues(BuildHookInterface):  # type: ignore[type-arg]
    """Compile every ``.po`` under ``render/locales`` to ``.mo`` and ship it."""

    PLUGIN_NAME = "compile-catalogues"

    #: Where the compiled catalogues wait until the wheel is written: not the output
    #: directory, which must hold nothing but distributions (``twine check dist/*``).
    _scratch: Path | None = None

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile catalogues for a wheel build (editable installs compile in memory)."""
        if self.target_name != "wheel" or version == "editable":
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path(self.root) / "src" / "participatory" / "render" / "locales"
        self._scratch = Path(tempfile.mkdtemp(prefix="participatory-catalogues-"))
        out = self._scratch
        for po_path in root.glob("*/LC_MESSAGES/*.po"):
            with po_path.open("rb") as handle:
                catalog = read_po(handle, locale=po_path.parts[-3])
            buffer = io.BytesIO()
            write_mo(buffer, catalog)
            target = out / po_path.relative_to(root).with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(buffer.getvalue())
            relative = po_path.relative_to(root.parent.parent.parent).with_suffix(".mo")
            build_data["force_include"][str(target)] = str(relative)

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the compiled catalogues' scratch directory once the wheel holds them."""
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None
