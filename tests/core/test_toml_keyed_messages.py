"""A TOML refusal that would quote keys of special-category data says what is wrong in words.

tomli (and the standard library's parser, which reads in threads other than the main one)
quote a table's keys when it is declared twice or added to after it was given inline:
"Cannot declare ('benefits', 'rose', 'pension_credit') twice". Inside a project's benefits
or safeguarding notes those keys say whose claim it is and which benefit (hardening.md:
such a problem is counted, not described). There the refusal keeps the parser's line and
column and names no key; anywhere else it is the parser's own message, as before.
"""

from __future__ import annotations

import re
import threading
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.core.errors import ParameterFileError, ValidationError
from participatory.core.limits import DEFAULT_LIMITS, Limits, given_limits, parse_toml
from participatory.project import parse_project
from participatory.project.errors import ProjectFileError

_HEAD = 'id = "pillow"\ntitle = "Smart pillow workshops"\n'


def _position(document: str) -> str:
    """Where the standard library's parser says the document goes wrong: "line L, column C"."""
    with pytest.raises(tomllib.TOMLDecodeError) as raised:
        tomllib.loads(document)
    return str(raised.value).rpartition(" (at ")[2].removesuffix(")")


def _refusal(document: str) -> str:
    with pytest.raises(ProjectFileError) as raised:
        parse_project(document, "toml", "pillow.toml")
    return str(raised.value)


def _in_a_thread(document: str) -> str:
    """The refusal as a thread that is not the main one reads it (the standard library's
    parser, whose errors carry only their text)."""
    said: list[str] = []

    def read() -> None:
        said.append(_refusal(document))

    worker = threading.Thread(target=read)
    worker.start()
    worker.join()
    return said[0]


@pytest.mark.parametrize("reader", [_refusal, _in_a_thread], ids=["tomli", "standard-library"])
@pytest.mark.parametrize(
    ("document", "said"),
    [
        (
            _HEAD + '[benefits.rose]\npeople = [{ id = "rose" }]\n'
            '[benefits.rose.pension_credit]\nweekly_award = "1.00 GBP"\n'
            "[benefits.rose.pension_credit]\n",
            "a table or key is declared twice",
        ),
        (
            _HEAD + '[benefits.kai]\npeople = [{ id = "kai" }]\n'
            'housing_benefit = { weekly_award = "1.00 GBP" }\n'
            "housing_benefit.supported_or_temporary = true\n",
            "a table given inline is added to later",
        ),
        (
            _HEAD + '[safeguarding_notes.amira]\nnote = "x"\n[safeguarding_notes.amira]\n',
            "a table or key is declared twice",
        ),
    ],
    ids=["claim-twice", "inline-added-to", "note-twice"],
)
def test_inside_special_category_data_no_key_is_quoted(reader, document: str, said: str) -> None:
    message = reader(document)
    assert message == f"pillow.toml: is not valid TOML ({said} (at {_position(document)}))"


@pytest.mark.parametrize("reader", [_refusal, _in_a_thread], ids=["tomli", "standard-library"])
def test_a_project_quotes_no_table_even_outside_special_category_data(reader) -> None:
    """An inline table's message quotes keys relative to it, so no key of a keyed message is
    quoted anywhere in a document that has special-category places: a table outside them is
    given by its line and column too."""
    document = _HEAD + "[evaluation]\n[evaluation]\n"
    assert reader(document) == (
        "pillow.toml: is not valid TOML (a table or key is declared twice "
        f"(at {_position(document)}))"
    )


def test_an_inline_tables_relative_keys_inside_a_claim_are_not_quoted() -> None:
    """An outside tester's round 14b: an inline table inside another, added to with a dotted
    key, is quoted relative to the outer table (``('pension_credit', 'disregard')``), which
    names the claim though it is no path from the top of the file."""
    document = (
        _HEAD + '[benefits]\nrose = { people = [{ id = "rose" }], pension_credit = '
        '{ weekly_award = "1.00 GBP" }, pension_credit.disregard = "single" }\n'
    )
    message = _refusal(document)
    assert "pension_credit" not in message
    assert "rose" not in message.removeprefix("pillow.toml: ")
    assert message.startswith("pillow.toml: is not valid TOML (")


def test_a_key_given_twice_in_an_inline_table_is_not_quoted_in_a_project() -> None:
    """One key of an inline table is quoted alone, so where the table is is not known from
    the message: in a document with special-category places, it is never quoted."""
    document = _HEAD + 'people = [{ id = "a", id = "b" }]\n'
    assert _refusal(document) == (
        "pillow.toml: is not valid TOML (an inline table gives a key twice "
        f"(at {_position(document)}))"
    )


def test_a_file_without_special_category_places_keeps_every_message() -> None:
    """A parameter file or rate card (no ``redact``) gets the parser's message verbatim."""
    document = "a = { b = 1, b = 2 }\n"
    with pytest.raises(ParameterFileError) as raised:
        parse_toml(document, "card.toml")
    assert str(raised.value) == (
        f"card.toml: is not valid TOML (Duplicate inline table key 'b' (at {_position(document)}))"
    )


_NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True)


@settings(max_examples=60, deadline=None)
@given(person=_NAMES, claim=st.sampled_from(["esa", "pension_credit", "housing_benefit",
                                              "carers_allowance", "legacy"]))  # fmt: skip
def test_for_any_person_and_claim_a_table_twice_names_neither(person: str, claim: str) -> None:
    document = (
        _HEAD + f'[benefits.{person}]\npeople = [{{ id = "{person}" }}]\n'
        f"[benefits.{person}.{claim}]\n[benefits.{person}.{claim}]\n"
    )
    # The whole message is the library's words and a position: no room for a key.
    assert re.fullmatch(
        r"pillow\.toml: is not valid TOML \(a table or key is declared twice "
        r"\(at line \d+, column \d+\)\)",
        _refusal(document),
    )


@pytest.mark.parametrize(
    ("make", "named"),
    [
        (lambda: Limits(depth=0), "depth"),
        (lambda: Limits(list_length="500"), "list_length"),
        (lambda: Limits(file_bytes=True), "file_bytes"),
        (lambda: given_limits(None), "limits"),
        (lambda: given_limits({"depth": 3}), "limits"),
        (lambda: parse_project('{"id": "p", "title": "t"}', "json", limits=None), "limits"),
        (lambda: parse_toml("a = 1\n", "p.toml", {"depth": 3}), "limits"),
    ],
    ids=["zero", "text", "bool", "none", "mapping", "parse-project", "parse-toml"],
)
def test_a_wrong_limit_is_refused_by_name(make, named: str) -> None:
    with pytest.raises(ValidationError) as raised:
        make()
    assert raised.value.path == named


def test_the_defaults_are_limits() -> None:
    assert given_limits(DEFAULT_LIMITS) is DEFAULT_LIMITS
