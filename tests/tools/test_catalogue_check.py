"""The Welsh catalogue against the library's English templates.

Every msgid must be a template some module defines (so a reworded English template can't
leave a stale translation behind silently), every translation must keep the template's
placeholders exactly, and what contributors read about benefits and payments, and the
report's own words, must all be translated.
"""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from participatory.render.i18n import untranslated
from participatory.render.templates import template
from tests.tools import load_tool

catalogue_check = load_tool("catalogue_check")
all_templates = catalogue_check.all_templates
check = catalogue_check.check
main = catalogue_check.main
placeholders = catalogue_check.placeholders
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


def test_every_msgid_is_a_template_that_exists():
    texts = set(TEMPLATES.values())
    stale = [m.id for m in read_catalogue("cy") if m.id and m.id not in texts]
    assert stale == []


def test_every_translation_keeps_the_placeholders_exactly():
    wrong = [
        (m.id, placeholders(m.id) ^ placeholders(m.string))
        for m in read_catalogue("cy")
        if m.id and m.string and placeholders(m.id) != placeholders(m.string)
    ]
    assert wrong == []


def test_every_translation_is_non_empty_and_formats():
    for message in read_catalogue("cy"):
        if message.id:
            assert message.string.strip(), message.id
            values = {name.split("!")[0]: "x" for name in placeholders(message.id)}
            message.string.format_map(values)


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
