"""Build hook: compile the message catalogues and the bundled data into the wheel.

The Welsh (and any other) ``.po`` catalogues become ``.mo`` files, and the TOML data under
``participatory/data`` becomes one bundle (``participatory.core.bundle``), which the
library reads instead of parsing each file at run time. An editable install writes the
bundle into the checkout (ignored by git); a data file edited later is read from its TOML,
so a stale bundle costs time, never a different answer.
"""

from __future__ import annotations

import importlib.util
import io
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogues(BuildHookInterface):  # type: ignore[type-arg]
    """Compile every ``.po`` under ``render/locales`` to ``.mo``, and the data bundle."""

    PLUGIN_NAME = "compile-catalogues"

    #: Where the compiled catalogues wait until the wheel is written: not the output
    #: directory, which must hold nothing but distributions (``twine check dist/*``).
    _scratch: Path | None = None

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile catalogues and the data bundle for a wheel build.

        Editable installs compile catalogues in memory, and get the bundle in the checkout.
        """
        if self.target_name != "wheel":
            return
        package = Path(self.root) / "src" / "participatory"
        if version == "editable":
            _write_bundle(package, package / "data")
            return
        self._scratch = Path(tempfile.mkdtemp(prefix="participatory-catalogues-"))
        name = _write_bundle(package, self._scratch)
        build_data["force_include"][str(name)] = f"participatory/data/{name.name}"
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = package / "render" / "locales"
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


def _write_bundle(package: Path, folder: Path) -> Path:
    """Compile the package's TOML data into ``folder``; the bundle's path.

    ``participatory.core.bundle`` is loaded by its path: it needs only the standard
    library, and the package's dependencies are not installed while it is being built.
    """
    source = package / "core" / "bundle.py"
    spec = importlib.util.spec_from_file_location("_participatory_bundle", source)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {source}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    target: Path = folder / module.BUNDLE_FILE
    module.write_bundle(package / "data", target)
    return target
