""":mod:`participatory.core.package_files`: the library's files, from a folder or a zip."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from participatory.core.package_files import package_files

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "participatory"


def test_an_installed_package_is_read_from_its_folder() -> None:
    files = package_files()
    assert isinstance(files, Path)
    assert (files / "__init__.py").is_file()
    assert (files / "data" / "rate_cards" / "nihr.toml").is_file()


def test_a_package_imported_from_a_zip_archive_reads_its_data_from_the_archive(
    tmp_path: Path,
) -> None:
    """Zipped without its compiled bundle, it reads its TOML data from the archive."""
    archive = tmp_path / "participatory.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted(PACKAGE.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                if path.name in ("bundle.bin", "bundle.json"):
                    continue
                zipped.write(path, Path("participatory") / path.relative_to(PACKAGE))
    script = (
        "from pathlib import Path\n"
        "from participatory.core.package_files import package_files\n"
        "from participatory.payments.rates import bundled_rate_card\n"
        "files = package_files()\n"
        "assert not isinstance(files, Path), type(files)\n"
        "print((files / 'data' / 'rate_cards').is_dir(), bundled_rate_card('nihr').id)\n"
    )
    site = [p for p in sys.path if "site-packages" in p]
    result = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            f"import sys; sys.path[:0] = {[str(archive), *site]!r}\n{script}",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["True", "nihr"]
