"""Welsh reports carry no English of the library's own: data texts go through the catalogue.

A template's placeholders take two kinds of text: the project's own words (names, titles),
shown as written, and the library's (a standard's name, an outcome, a question, a
recommendation), which the catalogue translates under the message context ``data``. The
checks here run every bundled example: each text of the library's own that a finding or
figure carries must be found in the Welsh catalogue (a look-up that hits, not a guess from
the output), and no such English text may appear in the Welsh report as rendered.
"""

from __future__ import annotations

import gettext
import io
import re

import pytest
from babel.messages.mofile import read_mo, write_mo

from participatory.render import render
from participatory.render.i18n import data_translation, translate_data
from participatory.render.text import sentence
from tests.tools import load_tool

catalogue_update = load_tool("catalogue_update")

REPORTS = list(catalogue_update.example_reports())


def test_the_examples_are_all_checked():
    names = {path.name for path, _, _ in REPORTS}
    assert names >= {
        "arts-coproduction.toml",
        "mental-health-festival.toml",
        "river-citizen-science.toml",
        "smart-pillow-workshops.toml",
    }


@pytest.mark.parametrize("example", REPORTS, ids=lambda e: e[0].stem)
def test_every_text_of_the_librarys_own_in_an_example_has_welsh(example):
    _, document, report = example
    texts = list(catalogue_update.library_values(document, report))
    assert texts  # the examples do show standards, outcomes, questions …
    missing = sorted(
        {(where, text) for text, where in texts if data_translation(text, "cy") is None}
    )
    assert missing == []


@pytest.mark.parametrize("example", REPORTS, ids=lambda e: e[0].stem)
def test_no_english_data_text_is_left_in_a_welsh_sentence(example):
    """The sentences as rendered, as a second check on the look-ups above.

    Sources keep their documents' own (English) titles, so the check is of the findings'
    sentences, less those naming a document (where a definition comes from).
    """
    _, document, report = example
    english = {
        text
        for text, _ in catalogue_update.library_values(document, report)
        if len(text) >= 12 and translate_data(text, "cy") != text
    }
    assert english
    left = set()
    for section in report.sections:
        for finding in section.findings:
            if finding.sensitive or "provenance" in finding.values:
                continue
            welsh = sentence(finding, locale="cy")
            left |= {text for text in english if text in welsh}
    assert sorted(left) == []


@pytest.mark.parametrize("example", REPORTS, ids=lambda e: e[0].stem)
def test_every_text_an_engine_composed_is_translated_part_by_part(example):
    """The ethics routes by nation, what an answer leads to, a definition's provenance."""
    missing = sorted(
        {
            (where, text)
            for text, where in catalogue_update.composed_values(example[2])
            if data_translation(text, "cy") is None
        }
    )
    assert missing == []


def test_a_phrase_is_translated_when_every_part_is_known():
    routes = (
        "no further review body; possibly the university's research ethics committee "
        "(if the university's policy says so) (depending on the other open questions)"
    )
    assert translate_data(routes, "cy") == (
        "dim corff adolygu pellach; o bosibl pwyllgor moeseg ymchwil y brifysgol (os yw "
        "polisi'r brifysgol yn dweud hynny) (yn dibynnu ar y cwestiynau agored eraill)"
    )
    assert translate_data(f"Wales: {routes}; England: no further review body", "cy") == (
        f"Cymru: {translate_data(routes, 'cy')}; Lloegr: dim corff adolygu pellach"
    )
    # A part the catalogue does not know leaves the whole text as written.
    unknown = (
        "no further review body; possibly Sam's committee (depending on the other open questions)"
    )
    assert data_translation(unknown, "cy") is None
    # A document's title is kept as it is.
    assert translate_data("bundled definition, from Mind glossary", "cy") == (
        "diffiniad a ddaw gyda'r llyfrgell, o Mind glossary"
    )


def test_a_list_the_engine_joined_is_translated_item_by_item():
    assert translate_data("methods, dissemination", "cy") == "dulliau, lledaenu"
    # One item the catalogue does not know (a name from the project): the list stays as it is.
    assert data_translation("methods, Sam's workshop", "cy") is None
    assert translate_data("methods, Sam's workshop", "cy") == "methods, Sam's workshop"


def test_english_and_unknown_texts_are_shown_as_written():
    assert translate_data("Sharing of power", "en_GB") == "Sharing of power"
    assert translate_data("Sharing of power", "cy") == "Rhannu pŵer"
    assert translate_data("The Riverside Allotment Society", "cy") == (
        "The Riverside Allotment Society"
    )


def test_data_texts_and_templates_do_not_share_entries():
    # "Impact" is a standard's name (data) and could one day be a heading (a template):
    # the message context keeps the two translations apart.
    assert data_translation("Impact", "cy") == "Effaith"
    assert data_translation("Findings", "cy") is None


def test_the_compiled_catalogue_a_wheel_carries_keeps_plurals_and_data_texts():
    """hatch_build.py compiles the .po with babel's write_mo; read back, nothing is lost."""
    catalogue = catalogue_update.read("cy")
    buffer = io.BytesIO()
    write_mo(buffer, catalogue)
    compiled = read_mo(io.BytesIO(buffer.getvalue()))
    assert compiled.get("methods", context="data").string == "dulliau"
    translations = gettext.GNUTranslations(io.BytesIO(buffer.getvalue()))
    one, other = "{count} payment was made on time.", "{count} payments were made on time."
    assert translations.ngettext(one, other, 6) == "Gwnaed chwe thaliad mewn pryd."
    assert translations.pgettext("data", "Sharing of power") == "Rhannu pŵer"


@pytest.mark.parametrize("example", REPORTS, ids=lambda e: e[0].stem)
def test_no_example_report_says_s_in_brackets(example):
    report = example[2]
    for locale in ("en_GB", "cy"):
        text = render(report, format="text", locale=locale, include_sensitive=True)
        assert re.search(r"\w\((?:s|es|ies)\)", text) is None, locale
