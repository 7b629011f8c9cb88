"""The bundled sources catalogue: each document once, honest flags, every mapped key resolves."""

import datetime as dt
import re
import tomllib
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.core.errors import UnknownSource, ValidationError
from participatory.core.sources import (
    SourceCatalogue,
    bundled_sources,
    cite,
    load_sources,
    parse_sources,
)

MAP = Path(__file__).resolve().parents[2] / "notes" / "research" / "catalogue-map.md"
REFERENCE = re.compile(r"`([a-z0-9][a-z0-9_]*(?:#[a-z0-9][a-z0-9_]*)?)`")
AREA_FILES = {
    "legislation_benefits.toml",
    "legislation_tax.toml",
    "legislation_other.toml",
    "dwp_and_hmrc.toml",
    "devolved.toml",
    "research_governance.toml",
    "funders_and_payment.toml",
    "frameworks.toml",
    "reports.toml",
    "secondary.toml",
    # The library's own policies and conventions (primary, as an institution's own policy is).
    "library.toml",
    "data_protection.toml",
}


@pytest.fixture(scope="module")
def catalogue() -> SourceCatalogue:
    return bundled_sources()


def _files() -> dict[str, str]:
    root = resources.files("participatory") / "data" / "sources"
    return {
        item.name: item.read_text(encoding="utf-8")
        for item in root.iterdir()
        if item.name.endswith(".toml")
    }


def _address(url: str) -> str:
    """A URL as a document address: no scheme, no www., no trailing slash or dot of the host."""
    address = re.sub(r"^https?://(www\.)?", "", url.strip().lower())
    host, _, path = address.partition("/")
    return f"{host.rstrip('.')}/{path}".rstrip("/")


def _title(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", title.lower().replace("’", "'")).strip()


def _map_references() -> list[str]:
    """Every backticked reference in the second column of catalogue-map.md's tables."""
    found = []
    for line in MAP.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|") or line.startswith("|---"):
            continue
        cells = re.split(r"(?<!\\)\|", line)
        if len(cells) < 4 or cells[2].strip() == "Catalogue reference":
            continue
        found.extend(REFERENCE.findall(cells[2]))
    return found


def test_the_catalogue_is_the_area_files() -> None:
    assert set(_files()) == AREA_FILES


def test_each_file_parses_on_its_own() -> None:
    for name, text in _files().items():
        assert len(parse_sources(text, name)) > 0, name


def test_no_key_is_entered_in_two_files() -> None:
    seen: dict[str, str] = {}
    for name, text in _files().items():
        for key in tomllib.loads(text):
            assert key not in seen, f"{key} is in {seen.get(key)} and {name}"
            seen[key] = name


def test_no_two_documents_share_an_address(catalogue: SourceCatalogue) -> None:
    by_address = defaultdict(list)
    for key, source in catalogue.items():
        if source.url:
            by_address[_address(source.url)].append(key)
    shared = {address: keys for address, keys in by_address.items() if len(keys) > 1}
    assert not shared


def test_no_two_documents_share_a_title(catalogue: SourceCatalogue) -> None:
    by_title = defaultdict(list)
    for key, source in catalogue.items():
        by_title[_title(source.title)].append(key)
    shared = {title: keys for title, keys in by_title.items() if len(keys) > 1}
    assert not shared


def test_every_quote_was_read_on_a_day_not_in_the_future(catalogue: SourceCatalogue) -> None:
    today = dt.date.today()
    for key, source in catalogue.items():
        # A document named but not read (a reviewer's pointer) has no day.
        assert source.read_on is None or source.read_on <= today, key
        assert source.author or source.publisher, key
        for passage_key, passage in catalogue.passages(key).items():
            if passage.quote is not None:
                assert passage.read_on is not None, f"{key}#{passage_key}"
            if passage.read_on is not None:
                assert passage.read_on <= today, f"{key}#{passage_key}"


def test_a_secondary_document_never_verifies(catalogue: SourceCatalogue) -> None:
    secondary = [key for key, source in catalogue.items() if not source.primary]
    assert secondary
    for key in secondary:
        assert catalogue.cite(key).verified is False, key
        for passage_key in catalogue.passages(key):
            assert catalogue.cite(f"{key}#{passage_key}").verified is False, f"{key}#{passage_key}"


def test_a_passage_not_read_never_verifies(catalogue: SourceCatalogue) -> None:
    for key in catalogue:
        for passage_key, passage in catalogue.passages(key).items():
            if passage.read_on is None:
                assert passage.quote is None, f"{key}#{passage_key}"
                assert catalogue.cite(f"{key}#{passage_key}").verified is False


def test_secondary_documents_live_in_secondary_unless_they_are_framework_texts() -> None:
    for name, text in _files().items():
        for key, table in tomllib.loads(text).items():
            if not table["primary"]:
                assert name in {"secondary.toml", "frameworks.toml"}, f"{key} in {name}"


def test_the_bath_report_is_entered_once(catalogue: SourceCatalogue) -> None:
    reports = [key for key, source in catalogue.items() if source.short_title == "Bath report"]
    assert reports == ["bath_report_2022"]
    report = catalogue["bath_report_2022"]
    assert report.author == "Jenny Jopson"
    assert report.publisher == "University of Bath"
    assert report.primary is True
    assert report.published is None
    assert "July 2022" in (report.note or "")
    assert catalogue.cite("bath_report_2022#s5_3").short == "Bath report §5.3"


def test_every_bath_report_passage_the_guidance_files_cite_was_read(
    catalogue: SourceCatalogue,
) -> None:
    """report_citations.toml is gone: its passages, and those of every guidance file, are
    passages of the one Bath report document, each read in the report (so verified)."""
    data = resources.files("participatory") / "data"
    cited = set()
    for name in ("timeline.toml", "evaluation.toml", "readiness.toml", "safeguarding.toml"):
        text = (data / name).read_text(encoding="utf-8")
        cited.update(re.findall(r'"bath_report_2022#([a-z0-9_]+)"', text))
    assert len(cited) > 40
    for passage in sorted(cited):
        assert catalogue.cite(f"bath_report_2022#{passage}").verified is True, passage


def test_the_map_names_references(catalogue: SourceCatalogue) -> None:
    references = _map_references()
    assert len(references) > 300
    assert "bath_report_2022#heart_n_soul_from_beginning" in references


def test_every_reference_in_the_map_resolves(catalogue: SourceCatalogue) -> None:
    unresolved = []
    for reference in _map_references():
        try:
            catalogue.resolve(reference)
        except UnknownSource as error:
            unresolved.append(f"{reference}: {error}")
    assert not unresolved


# A key that is not text: the Mapping protocol's answers, or the library's own error (TRY14-6).

_NOT_TEXT = st.one_of(
    st.none(),
    st.integers(),
    st.binary(max_size=8),
    st.lists(st.text(max_size=12), max_size=3),
    st.tuples(st.text(max_size=12)),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)


@given(key=_NOT_TEXT)
def test_a_key_that_is_not_text_is_not_in_the_catalogue(key: object) -> None:
    """``SourceCatalogue`` is a ``Mapping[str, Source]``: for a key it does not hold, ``in``
    answers False and ``get`` its default, whatever the key (None, bytes, a list of
    references); before, difflib's "did you mean" raised TypeError on any of them, and a
    list or dict TypeError "unhashable"."""
    catalogue = bundled_sources()
    assert (key in catalogue) is False
    assert catalogue.get(key) is None  # type: ignore[call-overload]
    assert catalogue.get(key, "default") == "default"  # type: ignore[call-overload]


@given(key=_NOT_TEXT)
def test_a_lookup_by_something_not_text_is_unknown_source(key: object) -> None:
    """Indexing, ``passages``, ``resolve``, ``cite`` and the module's cached ``cite`` refuse
    it with UnknownSource (a KeyError, as a mapping's missing key is), saying a reference is
    text; the module's ``cite`` refuses it before its cache hashes it."""
    catalogue = bundled_sources()
    for look_up in (
        lambda: catalogue[key],  # type: ignore[index]
        lambda: catalogue.passages(key),  # type: ignore[arg-type]
        lambda: catalogue.resolve(key),  # type: ignore[arg-type]
        lambda: catalogue.cite(key),  # type: ignore[arg-type]
        lambda: cite(key),  # type: ignore[arg-type]
    ):
        with pytest.raises(UnknownSource, match="must be text"):
            look_up()


def test_a_pinpoint_or_a_layer_of_the_wrong_type_is_refused_by_name() -> None:
    """A pinpoint that is not text (it would be printed beside a finding), a layer that is
    not a catalogue and a ``base`` that is not one are refused naming the argument, not
    with an AttributeError from inside (``layered(None)``) or the cache's "unhashable"."""
    catalogue = bundled_sources()
    with pytest.raises(ValidationError, match=r"^pinpoint"):
        cite("uc_regs_2013#reg_22", pinpoint=["reg. 22"])  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^pinpoint"):
        catalogue.cite("uc_regs_2013", pinpoint=22)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^other"):
        catalogue.layered(None)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^other"):
        catalogue.layered({})  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^base"):
        load_sources(base={})  # type: ignore[arg-type]
    # The right types still answer: a close key still gets its hint, a pinpoint narrows.
    with pytest.raises(UnknownSource, match="did you mean 'uc_regs_2013'"):
        catalogue["uc_regs_201"]
    assert cite("uc_regs_2013", pinpoint="reg. 5").short == "UC Regs 2013 reg. 5"
