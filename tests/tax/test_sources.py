"""Every citation and parameter source of the tax engine is a catalogue reference.

References are read from the engine's own code (every ``_cite("...")``) and from the tax
parameter files, and resolved in the bundled catalogue of sources, so a misspelt key fails
here rather than in a report.
"""

import re
from pathlib import Path

from participatory.core.params import bundled_parameters
from participatory.core.sources import bundled_sources
from participatory.tax.sources import _cite

PACKAGE = Path(__file__).parents[2] / "src" / "participatory" / "tax"
TAX_FILES = ("income_tax.toml", "scottish_income_tax.toml", "national_insurance.toml",
             "paye.toml")  # fmt: skip
_CITED = re.compile(r"""_cite\(\s*"([a-z0-9_]+(?:#[a-z0-9_]+)?)"\s*\)""")
_LISTED = re.compile(r'"([a-z0-9_]+#[a-z0-9_]+)"')


def engine_references() -> set[str]:
    """Every reference the engine's modules cite (directly or in a tuple of references)."""
    found: set[str] = set()
    for module in (m for m in PACKAGE.glob("*.py") if m.name != "sources.py"):
        text = module.read_text(encoding="utf-8")
        found |= set(_CITED.findall(text))
        found |= set(_LISTED.findall(text))
    return found


def _known(reference):
    catalogue = bundled_sources()
    key, _, passage = reference.partition("#")
    return key in catalogue and (not passage or passage in catalogue.passages(key))


def test_the_engine_cites_many_sources():
    assert len(engine_references()) > 60


def test_every_citation_reference_is_in_the_catalogue():
    unknown = sorted(r for r in engine_references() if not _known(r))
    assert unknown == []


def test_every_reference_gives_a_citation_with_a_pinpoint():
    for reference in engine_references():
        citation = _cite(reference)
        assert citation.source.title
        assert citation.pinpoint


def _tax_parameters():
    return [
        p for p in bundled_parameters().values()
        if any(p.file.endswith(f"/tax/{name}") for name in TAX_FILES)
    ]  # fmt: skip


def test_tax_parameters_cite_catalogue_references_honestly():
    catalogue = bundled_sources()
    parameters = _tax_parameters()
    assert len(parameters) > 40
    for parameter in parameters:
        for value in parameter.values:
            assert value.source.key in catalogue, (parameter.name, value.source)
            assert value.source.verified is value.verified
            if value.verified:
                assert catalogue[value.source.key].primary, parameter.name
            else:
                assert value.note, f"{parameter.name}: an unverified value says why"
