"""The Welsh catalogue against the library's English templates.

Every msgid must be a template some module defines (so a reworded English template can't
leave a stale translation behind silently), every translation must keep the template's
placeholders exactly, and what contributors read about benefits and payments, and the
report's own words, must all be translated.
"""

from __future__ import annotations

import pytest
from babel.messages.catalog import Message
from babel.messages.pofile import read_po

from participatory.render.i18n import untranslated
from participatory.render.templates import PLURALS, template
from tests.tools import load_tool

catalogue_check = load_tool("catalogue_check")
all_templates = catalogue_check.all_templates
check = catalogue_check.check
main = catalogue_check.main
placeholders = catalogue_check.placeholders
mismatched = catalogue_check.mismatched
read_catalogue = catalogue_check.read_catalogue

TEMPLATES = all_templates()


def test_the_catalogue_parses_strictly_with_no_fuzzy_or_duplicate_entries():
    catalogue = read_catalogue("cy")
    assert catalogue.locale is not None
    assert str(catalogue.locale) == "cy"
    entries = [m for m in catalogue if m.id]
    assert entries
    assert not [m.id for m in entries if m.fuzzy]
    folder = "src/participatory/render/locales/cy/LC_MESSAGES/participatory.po"
    with open(folder, "rb") as handle:
        read_po(handle, locale="cy", abort_invalid=True)


def _templates_in(catalogue):
    return [m for m in catalogue if m.id and m.context is None]


def _one(message):
    return message.id[0] if isinstance(message.id, tuple) else message.id


def _forms(message):
    return message.string if isinstance(message.string, tuple) else (message.string,)


def test_every_msgid_is_a_template_that_exists():
    texts = set(TEMPLATES.values())
    stale = [_one(m) for m in _templates_in(read_catalogue("cy")) if _one(m) not in texts]
    assert stale == []


def test_every_entry_has_a_context_the_renderer_knows():
    assert {m.context for m in read_catalogue("cy") if m.id} <= {None, "data"}


def test_every_plural_template_is_a_plural_entry_with_six_welsh_forms():
    catalogue = read_catalogue("cy")
    for key, forms in PLURALS.items():
        entry = catalogue.get(forms.one)
        assert entry is not None, key
        assert entry.id == (forms.one, forms.other), key
        assert len(entry.string) == 6, key


def test_every_translation_keeps_the_placeholders_exactly():
    counted = {p.one: p.by for p in PLURALS.values()}
    wrong = [_one(m) for m in read_catalogue("cy") if m.id and mismatched(m, counted)]
    assert wrong == []


def test_a_plural_form_may_leave_out_only_the_number_it_counts():
    counted = {"{count} of {what}": "count"}
    entry = Message(("{count} of {what}", "{count} of {what}s"), ("un {what}", "{count} {what}"))
    assert not mismatched(entry, counted)
    entry = Message(("{count} of {what}", "{count} of {what}s"), ("un", "{count} {what}"))
    assert mismatched(entry, counted)


def test_every_translation_is_non_empty_and_formats():
    for message in read_catalogue("cy"):
        if message.id:
            values = {name.split("!")[0]: "x" for name in placeholders(_one(message))}
            for form in _forms(message):
                assert form.strip(), message.id
                form.format_map(values)


@pytest.mark.parametrize("prefix", ["benefits.", "payments.", "render."])
def test_what_contributors_read_is_all_translated(prefix):
    keys = [k for k in TEMPLATES if k.startswith(prefix)]
    assert keys
    missing = [k for k in keys if untranslated([template(k)], "cy")]
    assert missing == []


def test_placeholders_are_read_with_their_format_spec():
    assert placeholders("{a} and {b:>3} and {a}") == {"a!:", "b!:>3"}


def test_check_lists_untranslated_templates_and_finds_no_stale_entries():
    report = check("cy")
    assert report.total == len(TEMPLATES)
    assert report.stale == ()
    assert report.placeholder_mismatches == ()
    listed = dict(report.untranslated)
    assert all(untranslated([text], "cy") for text in listed.values())
    assert {k for k, t in TEMPLATES.items() if untranslated([t], "cy")} <= set(listed)
    assert "benefits.ca.over_limit" not in listed


def test_the_command_lists_untranslated_templates(capsys):
    assert main(["cy", "--strict"]) == 0
    out = capsys.readouterr().out
    report = check("cy")
    done = report.total - len(report.untranslated)
    assert out.startswith(f"cy: {done} of {report.total} templates translated.\n")
    assert len(out.splitlines()) == 1 + len(report.untranslated)


def test_english_has_no_catalogue_to_check():
    with pytest.raises(ValueError, match="no catalogue"):
        check("en_GB")


def test_every_template_and_data_text_has_welsh():
    """Anything a Welsh report can show has a translation (tools/catalogue_update.py adds
    new texts; tools/catalogue_check.py cy lists those still to translate)."""
    report = check("cy")
    assert report.untranslated == ()
    assert report.untranslated_data == ()
