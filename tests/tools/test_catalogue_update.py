"""``tools/catalogue_update.py``: the catalogue in step, one list of unreviewed Welsh."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from babel.messages.catalog import Catalog

from tests.tools import load_tool

catalogue_update = load_tool("catalogue_update")
REVIEW_LIST = Path(__file__).parents[2] / "docs" / "howto" / "welsh-review.md"


def test_the_welsh_catalogue_is_in_step_with_the_templates_and_data_texts(capsys):
    """Nothing to add and nothing to drop: run ``python tools/catalogue_update.py cy``."""
    assert catalogue_update.main(["cy", "--check"]) == 0
    assert capsys.readouterr().out == ""


def test_the_review_list_is_the_catalogues_unreviewed_entries():
    """Regenerate with ``python tools/catalogue_update.py cy --review-list <file>``."""
    catalogue = catalogue_update.read("cy")
    assert REVIEW_LIST.read_text(encoding="utf-8") == catalogue_update.review_list(catalogue)


def test_the_review_list_names_every_unreviewed_entry_once():
    catalogue = catalogue_update.read("cy")
    marked = [m for m in catalogue if m.id and catalogue_update.UNREVIEWED in m.user_comments]
    listed = catalogue_update.review_list(catalogue)
    assert marked
    assert f"{len(marked)} entries to review." in listed
    assert listed.count("\n| ") == len(marked) + 1  # and the header row


def test_every_entry_is_marked_one_way_only():
    for message in catalogue_update.read("cy"):
        assert not [c for c in message.user_comments if c.startswith("Machine translation")]


def _catalogue(*entries: tuple[object, object, str | None]) -> Catalog:
    catalogue = Catalog(locale="cy")
    for ident, string, context in entries:
        catalogue.add(ident, string, context=context)
    return catalogue


def test_merging_takes_translations_of_known_texts_and_marks_them_unreviewed():
    into = _catalogue(("Findings", "", None), ("methods", "", "data"), ("Gone", "", None))
    pending = _catalogue(
        ("Findings", "Canfyddiadau", None),
        ("methods", "dulliau", "data"),
        ("Never a template", "Byth", None),
        ("Gone", "", None),  # no translation: nothing to take
    )
    taken = catalogue_update.merge(into, pending)
    assert sorted(taken) == ["Findings", "methods"]
    assert into.get("methods", context="data").string == "dulliau"
    assert into.get("Findings").user_comments == [catalogue_update.UNREVIEWED]
    assert into.get("Never a template") is None


def test_a_plural_is_merged_only_into_a_plural():
    into = _catalogue((("{count} note", "{count} notes"), ("",) * 6, None))
    pending = _catalogue(("{count} note", "nodyn", None))
    assert catalogue_update.merge(into, pending) == []


def test_text_from_the_project_file_is_not_taken_for_the_librarys():
    finding = SimpleNamespace(
        message_key="x.y",
        values={
            "person": "sam",
            "setting": "methods, dissemination",
            "label": "Sam P. (lead)",
            "outcome": "partly met",
            "ref": "q3",
        },
    )
    report = SimpleNamespace(sections=(SimpleNamespace(findings=(finding,), figures=()),))
    document = {"people": [{"id": "sam", "name": "Sam P."}], "decisions": ["methods"]}
    found = sorted(catalogue_update.library_values(document, report))
    assert found == [
        ("dissemination", "x.y.setting"),
        ("methods", "x.y.setting"),
        ("partly met", "x.y.outcome"),
    ]
