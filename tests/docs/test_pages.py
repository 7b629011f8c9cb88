"""The documentation's structure: complete API reference, indexed pages, runnable tutorial."""

from __future__ import annotations

import importlib.util
import pkgutil
import re
import shlex
import sys
from pathlib import Path

import pytest

import participatory
from participatory.cli import main

DOCS = Path(__file__).parents[2] / "docs"
sys.path.insert(0, str(DOCS / "_ext"))

from tutorial_files import FILE_NAME, write_project  # noqa: E402


def _public_modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(participatory.__path__, "participatory.")]
    return [n for n in names if not any(part.startswith("_") for part in n.split("."))]


def test_every_public_module_has_an_api_page():
    text = "\n".join(p.read_text(encoding="utf-8") for p in (DOCS / "api").glob("*.rst"))
    documented = set(re.findall(r"automodule:: (\S+)", text))
    missing = [name for name in _public_modules() if name not in documented]
    assert missing == [], f"add an automodule for each of these to a page in docs/api: {missing}"


def test_every_api_page_is_in_the_reference_index():
    index = (DOCS / "api" / "index.rst").read_text(encoding="utf-8")
    for page in (DOCS / "api").glob("*.rst"):
        if page.stem != "index":
            assert re.search(rf"^   {page.stem}$", index, re.M), page.name
            assert f":doc:`{page.stem}`" in index, f"describe {page.stem} in api/index.rst"


@pytest.mark.parametrize("folder", ["concepts", "howto", "notebooks"])
def test_every_page_is_listed_in_its_index_with_a_description(folder):
    index = (DOCS / folder / "index.md").read_text(encoding="utf-8")
    toctree = re.search(r"```\{toctree\}\n(.*?)```", index, re.S)
    assert toctree is not None
    entries = {line.strip() for line in toctree.group(1).splitlines() if line.strip()}
    for page in (DOCS / folder).glob("*.md"):
        if page.stem == "index":
            continue
        assert page.stem in entries, f"{folder}/{page.name} is not in {folder}/index.md"
        described = re.search(rf"^- \{{doc\}}`{re.escape(page.stem)}`: \S", index, re.M)
        assert described, f"give {folder}/{page.name} a one-line description in the index"


def test_the_front_page_orders_the_sections():
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    captions = re.findall(r"^:caption: (.+)$", index, re.M)
    assert captions == ["Tutorial", "How-to guides", "Concepts", "Notebooks", "Reference"]


def test_notebooks_are_mystnb_text_notebooks_on_the_python3_kernel():
    for page in (DOCS / "notebooks").glob("*.md"):
        if page.stem == "index":
            continue
        text = page.read_text(encoding="utf-8")
        assert text.startswith("---\nfile_format: mystnb\n"), page.name
        assert "kernelspec:\n  name: python3\n" in text, page.name
        assert "```{code-cell} ipython3" in text, page.name


def _console_commands(text: str) -> list[tuple[str, list[str]]]:
    """Each ``$ participatory ...`` line of the console blocks, with the output shown."""
    commands: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                commands.append((line[2:], []))
            elif commands:
                commands[-1][1].append(line)
    return [(c, shown) for c, shown in commands if c.startswith("participatory ")]


def test_the_tutorials_commands_run_and_print_what_it_shows(tmp_path, monkeypatch, capsys):
    """Every ``participatory`` command of the tutorial, run beside its project file."""
    write_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    commands = _console_commands((DOCS / "tutorial.md").read_text(encoding="utf-8"))
    assert len(commands) >= 4
    for command, shown in commands:
        words = shlex.split(command)
        target = None
        if ">" in words:
            target = words[words.index(">") + 1]
            words = words[: words.index(">")]
        status = main(words[1:])
        out = capsys.readouterr().out
        assert status == 0, command
        if target:
            (tmp_path / target).write_text(out, encoding="utf-8")
            assert out.strip(), command
        expected = shown[: shown.index("...")] if "..." in shown else shown
        assert out.splitlines()[: len(expected)] == expected, command
    assert (tmp_path / FILE_NAME).exists()
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_year_of_payments_csv_is_what_its_script_writes():
    script = DOCS / "notebooks" / "data" / "make_year_of_payments.py"
    spec = importlib.util.spec_from_file_location("make_year_of_payments", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (DOCS / "notebooks" / "data" / "year-of-payments.csv").read_text(encoding="utf-8")
    assert committed == module.csv_text(), "run the script again and commit the CSV"
