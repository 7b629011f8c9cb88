"""The bundled catalogue builds each document when it is first looked up (issue 18).

A document read alone must equal the same document from the whole catalogue parsed at once
(:func:`~participatory.core.sources.parse_sources`, every file), passages and all; a damaged
document must fail with the error the whole-file parse gives; and catalogues layered on the
bundled one share what it has built.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from importlib import resources

import pytest

from participatory.core.errors import ParameterFileError, UnknownSource
from participatory.core.sources import (
    SourceCatalogue,
    bundled_sources,
    parse_sources,
    sources_from_tables,
)


def _eager() -> dict[str, SourceCatalogue]:
    root = resources.files("participatory") / "data" / "sources"
    return {
        item.name: parse_sources(item.read_text(encoding="utf-8"), item.name)
        for item in sorted(root.iterdir(), key=str)
        if item.name.endswith(".toml")
    }


def test_every_document_read_alone_equals_the_whole_file_parsed_at_once() -> None:
    eager = _eager()
    deferred = bundled_sources()
    keys = [key for catalogue in eager.values() for key in catalogue]
    assert list(deferred) == keys
    assert len(deferred) == len(keys)
    for catalogue in eager.values():
        for key, source in catalogue.items():
            assert deferred[key] == source
            assert deferred[key].note == source.note  # compared apart: eq=False
            assert dict(deferred.passages(key)) == dict(catalogue.passages(key))
            for passage_key, passage in catalogue.passages(key).items():
                reference = f"{key}#{passage_key}"
                assert deferred.cite(reference) == catalogue.cite(reference)
                assert deferred.resolve(reference)[1] == passage


def test_a_fresh_catalogue_builds_only_what_is_looked_up() -> None:
    probe = (
        "from participatory.core.sources import bundled_sources\n"
        "c = bundled_sources()\n"
        "stores = {id(v): v for v in c._documents.values() if not isinstance(v, tuple)}\n"
        "before = sum(len(s._built) for s in stores.values())\n"
        "first = next(iter(c))\n"
        "c[first]; c.passages(first)\n"
        "print(len(c), before, sum(len(s._built) for s in stores.values()))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    count, before, after = map(int, done.stdout.split())
    assert count == len(bundled_sources())
    assert (before, after) == (0, 1)


def test_a_damaged_document_fails_as_the_whole_file_parse_fails() -> None:
    tables = {
        "good": {"title": "A report", "publisher": "Someone", "primary": False},
        "bad": {"title": "No author or publisher", "primary": False},
    }
    with pytest.raises(ParameterFileError) as whole:
        sources_from_tables(tables, "damaged.toml")
    deferred = SourceCatalogue._deferred(tables, "damaged.toml")
    assert deferred["good"].title == "A report"
    with pytest.raises(ParameterFileError) as alone:
        deferred["bad"]
    assert str(alone.value) == str(whole.value)
    with pytest.raises(ParameterFileError):  # still damaged: nothing half-built is kept
        deferred.passages("bad")


def test_unknown_keys_and_passages_are_refused_as_before() -> None:
    catalogue = bundled_sources()
    key = next(iter(catalogue))
    with pytest.raises(UnknownSource, match="no source"):
        catalogue[key + "_nope"]
    with pytest.raises(UnknownSource, match="no passage"):
        catalogue.resolve(f"{key}#no_such_passage")


def test_layered_catalogues_share_the_documents_built() -> None:
    base = bundled_sources()
    own = sources_from_tables(
        {"our_policy": {"title": "Our policy", "publisher": "Us", "primary": True}}, "ours.toml"
    )
    layered = base.layered(own)
    key = next(iter(base))
    assert layered[key] is base[key]
    assert layered["our_policy"].title == "Our policy"
    assert "our_policy" not in base
    with pytest.raises(UnknownSource, match="already in the catalogue"):
        layered.layered(own)


def _with_passages() -> dict[str, object]:
    return {
        "regs": {
            "title": "Some Regulations",
            "publisher": "UK Parliament",
            "primary": True,
            "read_on": dt.date(2026, 12, 6),
            "passages": {
                "reg_1": {"pinpoint": "reg. 1", "quote": "words", "read_on": dt.date(2026, 12, 6)},
                "reg_2": {"pinpoint": "reg. 2", "quote": "quoted but never read"},
            },
        }
    }


def test_a_damaged_passage_fails_when_cited_as_the_whole_file_parse_fails() -> None:
    """Issue 18: a document's passages are built one by one, as each is first cited.

    reg_2 quotes words without the day they were read: the whole-file parse refuses the
    file for it; read alone, the document and reg_1 are usable, and citing reg_2 (or
    reading every passage) fails with the same error, every time.
    """
    tables = _with_passages()
    with pytest.raises(ParameterFileError) as whole:
        sources_from_tables(tables, "regs.toml")
    assert "regs.passages.reg_2.read_on" in str(whole.value)
    deferred = SourceCatalogue._deferred(tables, "regs.toml")
    assert deferred.cite("regs#reg_1").short == "Some Regulations reg. 1"
    assert deferred.cite("regs#reg_1").verified
    for _ in range(2):  # nothing half-built is kept
        with pytest.raises(ParameterFileError) as alone:
            deferred.cite("regs#reg_2")
        assert str(alone.value) == str(whole.value)
    with pytest.raises(ParameterFileError):
        dict(deferred.passages("regs"))
    assert sorted(deferred.passages("regs")) == ["reg_1", "reg_2"]


def test_a_bad_passage_key_fails_with_its_document() -> None:
    tables = _with_passages()
    passages = tables["regs"]["passages"]  # type: ignore[index]
    del passages["reg_2"]
    passages["Reg 3"] = {"pinpoint": "reg. 3"}
    with pytest.raises(ParameterFileError) as whole:
        sources_from_tables(tables, "regs.toml")
    deferred = SourceCatalogue._deferred(tables, "regs.toml")
    with pytest.raises(ParameterFileError) as alone:
        deferred["regs"]
    assert str(alone.value) == str(whole.value)
    assert "a passage key is lower-case" in str(alone.value)


def test_a_fresh_catalogue_builds_only_the_passages_cited() -> None:
    probe = (
        "from participatory.core.sources import bundled_sources\n"
        "c = bundled_sources()\n"
        "key = next(k for k in c if len(c.passages(k)) > 1)\n"
        "passages = c.passages(key)\n"
        "first = next(iter(passages))\n"
        "c.cite(key + '#' + first)\n"
        "print(len(passages), len(passages._built))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    count, built = map(int, done.stdout.split())
    assert count > 1
    assert built == 1


def test_a_reference_cited_again_gives_the_same_citation() -> None:
    """A reference is resolved once per catalogue; a caller's pinpoint is never kept."""
    deferred = SourceCatalogue._deferred(_with_passages(), "regs.toml")
    first = deferred.cite("regs#reg_1")
    assert deferred.cite("regs#reg_1") is first
    narrowed = deferred.cite("regs#reg_1", pinpoint="reg. 1(2)")
    assert narrowed.short == "Some Regulations reg. 1(2)"
    assert deferred.cite("regs#reg_1").short == "Some Regulations reg. 1"
    assert deferred.cite("regs").pinpoint is None
    with pytest.raises(UnknownSource, match="no passage"):
        deferred.cite("regs#reg_9")
    with pytest.raises(UnknownSource, match="no passage"):  # a refusal is not kept either
        deferred.cite("regs#reg_9")
    with pytest.raises(UnknownSource, match="must be text"):
        deferred.cite(["regs"])  # type: ignore[arg-type]
