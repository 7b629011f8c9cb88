"""The API reference is grouped by task, with the functions to start with first."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

INDEX = Path(__file__).parents[2] / "docs" / "api" / "index.rst"


def _groups() -> dict[str, str]:
    text = INDEX.read_text(encoding="utf-8")
    parts = re.split(r"^(.+)\n-+\n", text, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


def test_the_groups_are_tasks_with_the_main_entry_points_first():
    assert list(_groups())[:5] == [
        "Assess a project",
        "Check a payment against benefits",
        "Pay and cost",
        "Ethics triage",
        "Keep a ledger",
    ]
    assert list(_groups())[-2:] == ["Models and core", "Testing your integration"]


def test_each_task_group_names_the_functions_to_start_with_before_its_pages():
    for name, body in _groups().items():
        if name in {"Models and core", "Testing your integration"}:
            continue
        start = body.index("Start with")
        assert re.search(r":(func|class):`", body[start:]), name
        assert start < body.index(".. list-table::"), name


def test_every_page_is_in_exactly_one_group():
    pages = Counter(
        page for body in _groups().values() for page in re.findall(r"\* - :doc:`(\w+)`", body)
    )
    on_disk = {p.stem for p in INDEX.parent.glob("*.rst")} - {"index"}
    assert set(pages) == on_disk
    assert max(pages.values()) == 1
