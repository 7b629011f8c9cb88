""":mod:`participatory.guidance_data`: unit tests, and the catalogue as the code and data use it.

Issue 15: one catalogue of sources. Every citation the code and the data make is a catalogue
reference that resolves; every parameter and rate cites the catalogue; a figure marked
verified rests on a primary source; no guidance file describes a source in its own words.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from participatory import guidance_data
from participatory.core.errors import ParameterFileError
from participatory.core.params import bundled_parameters
from participatory.core.sources import SourceCatalogue, bundled_sources
from participatory.payments.rates import bundled_rate_cards, load_rate_card

PACKAGE = Path(guidance_data.__file__).parent
DATA = resources.files("participatory") / "data"
EXAMPLES = Path(__file__).parents[1] / "examples"
#: A string literal passed to ``cite(...)`` (or a helper ending in ``cite``) in the code.
CITED_IN_CODE = re.compile(r"""cite\(\s*["']([^"'{}]+)["']""")
#: The keys whose values are catalogue references in the guidance and framework files.
REFERENCE_KEYS = frozenset(
    {"source", "reference", "citations", "also", "corroboration", "rule_source"}
)
GUIDANCE_FILES = (
    "timeline.toml",
    "evaluation.toml",
    "readiness.toml",
    "safeguarding.toml",
    "ethics_guidance.toml",
    "frameworks.toml",
    "power_scale.toml",
    "vocabulary.toml",
)


def _references(value: object, key: str | None = None) -> Iterator[str]:
    """Every string under a reference key (or a ``[references]`` table), anywhere in ``value``."""
    if isinstance(value, dict):
        for child_key, child in value.items():
            if key == "references" or child_key in REFERENCE_KEYS:
                yield from _strings(child)
            elif child_key != "sources":
                yield from _references(child, child_key)
    elif isinstance(value, list):
        for item in value:
            yield from _references(item, key)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _strings_anywhere(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for child in value.values():
            yield from _strings_anywhere(child)
    else:
        yield from _strings(value)


def _load(name: str) -> dict[str, Any]:
    return tomllib.loads((DATA / name).read_text(encoding="utf-8"), parse_float=Decimal)


def _resolves(catalogue: SourceCatalogue, reference: str) -> bool:
    try:
        catalogue.resolve(reference)
    except KeyError:
        return False
    return True


# --- the module ---------------------------------------------------------------------------


def test_a_files_own_sources_are_added_to_the_catalogue_and_cited_like_any_other():
    document = guidance_data.parse_guidance(
        """
[sources.our_policy]
title = "Our policy"
publisher = "Us"
primary = true
read_on = 2026-12-01
[sources.our_policy.passages.s1]
pinpoint = "section 1"
read_on = 2026-12-01
[rules.X-ONE]
severity = "warning"
citations = ["our_policy#s1", "bath_report_2022#take_time"]
""",
        "ours.toml",
    )
    catalogue = guidance_data.catalogue_for(document, "ours.toml")
    severity, cited = guidance_data.rules(document, catalogue, "ours.toml")["X-ONE"]
    assert severity.value == "warning"
    assert [(c.short, c.verified) for c in cited] == [
        ("Our policy section 1", True),
        ("Bath report §2.2", True),
    ]
    assert "our_policy" not in bundled_sources()  # the bundled catalogue is unchanged


def test_a_file_may_not_replace_a_bundled_document():
    document = {
        "sources": {"bath_report_2022": {"title": "Mine", "publisher": "Me", "primary": True}}
    }
    with pytest.raises(
        ParameterFileError, match=r"ours\.toml: sources: .*already in the catalogue"
    ):
        guidance_data.catalogue_for(document, "ours.toml")


@pytest.mark.parametrize(
    ("references", "problem"),
    [
        ([], "non-empty list"),
        ("bath_report_2022", "non-empty list"),
        ([1], "catalogue reference"),
        (["bath_report_2022#nope"], "no passage 'nope'"),
        (["nowhere"], "no source 'nowhere'"),
    ],
)
def test_bad_references_name_the_file_and_key(references, problem):
    with pytest.raises(ParameterFileError, match=problem) as caught:
        guidance_data.cited(references, bundled_sources(), "ours.toml", "rules.X.citations")
    assert caught.value.file == "ours.toml"
    assert caught.value.key.startswith("rules.X.citations")


def test_a_source_may_be_one_reference_or_a_list():
    catalogue = bundled_sources()
    one = guidance_data.references("bath_report_2022#s5_3", catalogue, "f", "x.source")
    two = guidance_data.references(
        ["bath_report_2022#s5_3", "bath_report_2022#s2_1"], catalogue, "f", "x.source"
    )
    assert [c.short for c in one] == ["Bath report §5.3"]
    assert [c.short for c in two] == ["Bath report §5.3", "Bath report §2.1"]


def test_an_institution_policy_named_in_its_own_words_is_its_own_unverified_document():
    first = guidance_data.policy_citation("Example University payment policy, section 4")
    second = guidance_data.policy_citation("Another policy")
    assert first.key != second.key
    assert first.source.primary
    assert not first.verified
    assert first.short == "Example University payment policy, section 4"


# --- the package and its data --------------------------------------------------------------


def test_every_catalogue_reference_in_the_code_resolves():
    catalogue = bundled_sources()
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        # Doctest lines run (and resolve, or show a refusal on purpose) as doctests.
        code = "\n".join(
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith((">>>", "..."))
        )
        for reference in CITED_IN_CODE.findall(code):
            found.setdefault(reference, str(path.relative_to(PACKAGE)))
    assert len(found) > 40
    unresolved = {ref: where for ref, where in found.items() if not _resolves(catalogue, ref)}
    assert unresolved == {}


@pytest.mark.parametrize("name", GUIDANCE_FILES)
def test_every_reference_in_the_guidance_files_resolves(name):
    document = _load(name)
    catalogue = guidance_data.catalogue_for(document, name)
    references = list(_references(document))
    assert references, name
    unresolved = [ref for ref in references if not _resolves(catalogue, ref)]
    assert unresolved == []


@pytest.mark.parametrize("name", GUIDANCE_FILES)
def test_no_guidance_file_describes_a_source_in_its_own_words(name):
    """Their documents are in the catalogue: no ``[citations]`` or ``[sources]`` tables, no
    ``url`` beside a source, no ``verified`` flag standing in for the catalogue's."""
    text = (DATA / name).read_text(encoding="utf-8")
    document = _load(name)
    assert "citations" not in document or not isinstance(document["citations"], dict)
    assert "sources" not in document
    assert not re.search(r"^url = ", text, re.MULTILINE), name
    assert "report_citations" not in text


def test_every_reference_in_the_benefit_law_table_resolves():
    catalogue = bundled_sources()
    references = list(_strings_anywhere(_load("benefit_law.toml")))
    assert len(references) > 30
    assert [ref for ref in references if not _resolves(catalogue, ref)] == []


def test_every_parameter_cites_the_catalogue():
    catalogue = bundled_sources()
    parameters = bundled_parameters()
    assert len(parameters) > 50
    for parameter in parameters.values():
        for value in parameter.values:
            assert value.source.key in catalogue, parameter.name
            assert catalogue[value.source.key] == value.source.source, parameter.name
        if parameter.reference is not None:
            assert parameter.reference.key in catalogue, parameter.name


def test_every_rate_card_cites_the_catalogue():
    catalogue = bundled_sources()
    for name, card in bundled_rate_cards().items():
        assert card.source.key in catalogue, name
        assert all(rate.source.key in catalogue for rate in card.rates), name


def test_verified_figures_rest_on_primary_sources():
    """catalogue-map.md section 9: a figure read only in a secondary source is not verified."""
    catalogue = bundled_sources()
    for parameter in bundled_parameters().values():
        for value in parameter.values:
            if value.verified:
                assert catalogue[value.source.key].primary, (parameter.name, value.source.key)
    for name, card in bundled_rate_cards().items():
        if card.verified:
            assert card.source.source.primary, name
        for rate in card.rates:
            if rate.verified:
                assert rate.source.source.primary, (name, rate.source.key)


def test_re_marked_secondary_figures_outside_benefits_are_not_verified():
    """The non-benefits figures of catalogue-map.md section 9, re-marked or re-sourced."""
    parameters = bundled_parameters()
    remote = parameters["payments.expenses.remote_meeting_contribution"].values[0]
    assert remote.source.key == "york_public_payment_guide"  # the University's own guide
    assert remote.verified
    skills = bundled_rate_cards()["skills_for_care"]
    assert not skills.verified
    assert not any(rate.verified for rate in skills.rates)


def test_the_example_institution_card_enters_its_own_policy_and_cites_it():
    card = load_rate_card(EXAMPLES / "institution-rate-card.toml")
    assert card.source.key == "example_university_payment_policy"
    assert card.superseded
    assert all(rate.source.key in {card.source.key, *bundled_sources()} for rate in card.rates)
    assert "example_university_payment_policy" not in bundled_sources()
