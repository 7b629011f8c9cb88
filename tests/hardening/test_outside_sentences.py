"""Outside checks: a caller's label that opens a finding's sentence starts with a capital.

The promise (``participatory.render.text.sentence`` and its helper ``_filled``): a value that
opens a sentence, at the template's start or after a full stop, starts with a capital letter;
only its first character changes, and only there; the same value in the middle of a sentence
is shown as given; a withheld value stays withheld; the translated template decides, so
Welsh capitalises where its own sentences start. These tests feed labels an outside user
might write (digits, emoji, combining marks, "ß", "ǆ", Turkish dotless i, right-to-left
text, bidi controls, braces, very long and empty-ish labels) through ``sentence`` and
through every output format of ``participatory assess``.
"""

from __future__ import annotations

import json
import pathlib
import shutil

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from participatory.cli import main
from participatory.core.explain import Finding, Severity
from participatory.render.text import format_value, redacted, sentence

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"

# "{person} is a contributor in {contributor_in} and a research participant in ..." (English
# opens with the person; Welsh, "Mae {person} yn gyfrannwr ...", does not).
OVERLAP = "ethics.role_overlap"
# Welsh opens with the party too: "{party} yw'r unig berson o'r gymuned ...".
SINGLE_VOICE = "roles.community.single_voice"


def overlap(person: str, *, sensitive: bool = False) -> Finding:
    """A role-overlap finding about ``person`` in two named activities."""
    return Finding(
        "ETH-ROLE-OVERLAP",
        Severity.WARNING,
        OVERLAP,
        {"person": person, "contributor_in": "design day", "participant_in": "trial"},
        sensitive=sensitive,
    )


def single_voice(party: str) -> Finding:
    """A single-voice finding about ``party`` from one community."""
    return Finding(
        "ROLE-SINGLE-VOICE",
        Severity.WARNING,
        SINGLE_VOICE,
        {"party": party, "community": "river users"},
    )


def english_overlap(opening: str) -> str:
    """The English role-overlap sentence with ``opening`` as its first words."""
    return (
        f"{opening} is a contributor in design day and a research participant in trial; for "
        "most research, contributors should not also be participants in the same study."
    )


# (label as given, how it opens the sentence): only the first character may change, and only
# where it has a one-character capital.
OPENINGS = [
    pytest.param("leo", "Leo", id="ascii"),
    pytest.param("Leo", "Leo", id="already-capital"),
    pytest.param("ıspir", "Ispir", id="turkish-dotless-i"),
    pytest.param("istanbul", "Istanbul", id="turkish-dotted-i-en-locale"),
    pytest.param("élodie", "Élodie", id="precomposed-accent"),
    pytest.param("e\u0301lodie", "E\u0301lodie", id="combining-accent-kept"),
    pytest.param("ßara", "ßara", id="sharp-s-unchanged"),
    pytest.param("ŉa", "ŉa", id="two-character-capital-unchanged"),
    pytest.param("ﬁona", "ﬁona", id="ligature-unchanged"),
    pytest.param("1st group", "1st group", id="digit"),
    pytest.param("😀 club", "😀 club", id="emoji"),
    pytest.param("\u0301abc", "\u0301abc", id="lone-combining-mark"),
    pytest.param("\u200babc", "\u200babc", id="zero-width-space"),
    pytest.param("שלום", "שלום", id="hebrew"),
    pytest.param("مريم", "مريم", id="arabic"),
    pytest.param("{x}", "{x}", id="braces"),
    pytest.param("{person}", "{person}", id="braces-own-name"),
    pytest.param("{{", "{{", id="double-brace"),
    pytest.param(" leo", " leo", id="leading-space"),
    pytest.param("ω-group", "Ω-group", id="greek"),
    pytest.param("ｌeo", "Ｌeo", id="fullwidth"),
]


@pytest.mark.parametrize(("label", "opening"), OPENINGS)
def test_a_label_opening_an_english_sentence_changes_only_its_first_character(
    label: str, opening: str
) -> None:
    assert sentence(overlap(label), locale="en_GB") == english_overlap(opening)


def test_a_digraph_opening_a_sentence_takes_its_titlecase_form() -> None:
    # "ǆ" (U+01C6) has three cases: upper "Ǆ" (U+01C4, for all-capitals text) and title "ǅ"
    # (U+01C5, for a word's first letter). A sentence start is a word's first letter.
    assert sentence(overlap("ǆenana"), locale="en_GB") == english_overlap("ǅenana")


def test_a_digraph_opening_a_sentence_changes_only_its_first_character() -> None:
    # What holds today whichever capital is chosen: one character changes, to a capital.
    made = sentence(overlap("ǆenana"), locale="en_GB")
    assert made[0] in {"Ǆ", "ǅ"}
    assert made[1:] == english_overlap("ǆenana")[1:]


def test_a_label_in_the_middle_of_a_sentence_is_shown_as_given() -> None:
    finding = Finding(
        "ETH-ROLE-OVERLAP",
        Severity.WARNING,
        OVERLAP,
        {"person": "leo", "contributor_in": "ǆ day", "participant_in": "élan trial"},
    )
    made = sentence(finding, locale="en_GB")
    assert made.startswith("Leo is a contributor in ǆ day and a research participant in élan")
    assert "Mae leo yn gyfrannwr yn ǆ day" in sentence(finding, locale="cy")


def test_the_same_value_opens_one_sentence_and_is_kept_as_given_in_another_place() -> None:
    # "{benefit}, the week {start} to {end}: ... so {benefit} of {rate} is reduced to ..."
    finding = Finding(
        "BEN-CA-OVERLAP",
        Severity.INFO,
        "benefits.ca.overlap",
        {
            "benefit": "carer support",
            "start": "s",
            "end": "e",
            "overlapping": "£1",
            "rate": "£2",
            "award": "£3",
        },
    )
    english = sentence(finding, locale="en_GB", include_sensitive=True)
    assert english.startswith("Carer support, the week s to e:")
    assert "so carer support of £2 is reduced to £3" in english
    welsh = sentence(finding, locale="cy", include_sensitive=True)
    assert welsh.startswith("Carer support, yr wythnos s i e:")
    assert "felly mae carer support o £2" in welsh


@pytest.mark.parametrize(("label", "opening"), [("leo", "Leo"), ("ıspir", "Ispir"), ("1a", "1a")])
def test_welsh_capitalises_where_its_own_sentence_starts(label: str, opening: str) -> None:
    welsh = sentence(single_voice(label), locale="cy")
    assert welsh.startswith(f"{opening} yw'r unig berson o'r gymuned \"river users\"")
    # The Welsh role-overlap sentence opens with "Mae": the label is in its middle.
    assert sentence(overlap(label), locale="cy").startswith(f"Mae {label} yn gyfrannwr")


def test_a_very_long_label_changes_only_its_first_character() -> None:
    label = "a" * 200_000 + "ǆ"
    made = sentence(overlap(label), locale="en_GB")
    assert made == english_overlap("A" + label[1:])


def test_an_empty_label_leaves_the_sentence_as_the_template_fills_it() -> None:
    assert sentence(overlap(""), locale="en_GB") == english_overlap("")


@pytest.mark.parametrize("locale", ["en_GB", "cy"])
@pytest.mark.parametrize("label", ["zzsecretzz", "ǆzzsecretzz", "\u202ezzsecretzz"])
def test_a_withheld_label_stays_withheld_at_a_sentence_start(locale: str, label: str) -> None:
    made = sentence(overlap(label, sensitive=True), locale=locale)
    assert "zzsecretzz" not in made.casefold()
    assert redacted(locale) in made
    shown = sentence(overlap(label, sensitive=True), locale=locale, include_sensitive=True)
    assert "zzsecretzz" in shown.casefold()


@given(st.text(max_size=40))
@example("State Pension")  # one of the library's own texts: Welsh shows its translation
def test_any_label_changes_at_most_its_first_character_and_only_at_the_start(
    label: str,
) -> None:
    shown = format_value(label, "en_GB")
    made = sentence(overlap(label), locale="en_GB")
    head = shown[:1].upper()
    expected = (head if len(head) == 1 else shown[:1]) + shown[1:]
    assert made == english_overlap(expected)
    # Welsh puts the label in the middle of its sentence: shown exactly as Welsh formats it
    # (a label that is also one of the library's own texts, "State Pension", in Welsh).
    shown_in_welsh = format_value(label, "cy")
    assert sentence(overlap(label), locale="cy").startswith(f"Mae {shown_in_welsh} yn gyfrannwr")


# --- every output format of `participatory assess` --------------------------------------

SENTINEL = "zzhiddenzz"


def project(tmp_path: pathlib.Path, name: str) -> pathlib.Path:
    """The smart-pillow example with Leo renamed ``name`` and given a sensitive access need."""
    shutil.copy(EXAMPLES / "institution-rate-card.toml", tmp_path / "institution-rate-card.toml")
    text = (EXAMPLES / "smart-pillow-workshops.toml").read_text(encoding="utf-8")
    leo = 'id = "leo"\nname = "Leo"\n'
    assert leo in text
    renamed = text.replace(
        leo,
        f'id = "leo"\nname = {json.dumps(name, ensure_ascii=False)}\n'
        f'access_needs = "SENSITIVE: {SENTINEL} needs large print"\n',
    )
    path = tmp_path / "project.toml"
    path.write_text(renamed, encoding="utf-8")
    return path


def assess(path: pathlib.Path, fmt: str, locale: str, capsys: pytest.CaptureFixture[str]) -> str:
    """The answer of ``participatory assess`` (exit status 0, nothing on standard error)."""
    status = main(
        ["assess", str(path), "--as-at", "2026-11-02", "--format", fmt, "--locale", locale]
    )
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "Traceback" not in err
    assert err == ""
    return out


FORMATS = ["text", "markdown", "html", "json"]
# (name, how it opens an English sentence, how it shows mid-sentence in Welsh). The tail
# "zqx" makes each easy to find in the output.
NAMES = [
    pytest.param("leozqx", "Leozqx", "leozqx", id="ascii"),
    pytest.param("ızqx", "Izqx", "ızqx", id="dotless-i"),
    pytest.param("ßzqx", "ßzqx", "ßzqx", id="sharp-s"),
    pytest.param("1zqx", "1zqx", "1zqx", id="digit"),
    pytest.param("😀zqx", "😀zqx", "😀zqx", id="emoji"),
    pytest.param("{x}zqx", "{x}zqx", "{x}zqx", id="braces"),
    pytest.param("e\u0301zqx", "E\u0301zqx", "e\u0301zqx", id="combining"),
    pytest.param("שzqx", "שzqx", "שzqx", id="hebrew"),
]


def sentence_lines(answer: str, fmt: str) -> list[str]:
    """The answer's sentences that mention the test's name (JSON: its text fields)."""
    if fmt == "json":
        found: list[str] = []

        def walk(node: object) -> None:
            if isinstance(node, dict):
                for key, value in node.items():
                    if key in {"text", "sentence"} and isinstance(value, str):
                        found.append(value)
                    else:
                        walk(value)
            elif isinstance(node, list):
                for item in node:
                    walk(item)

        walk(json.loads(answer))
        return [line for line in found if "zqx" in line]
    return [line for line in answer.splitlines() if "zqx" in line]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("name", "english", "welsh"), NAMES)
def test_every_format_opens_english_sentences_with_the_capitalised_name(
    tmp_path: pathlib.Path,
    capsys: pytest.CaptureFixture[str],
    fmt: str,
    name: str,
    english: str,
    welsh: str,
) -> None:
    path = project(tmp_path, name)
    answer = assess(path, fmt, "en_GB", capsys)
    assert SENTINEL not in answer.casefold()
    lines = sentence_lines(answer, fmt)
    assert lines
    # "{contributor} is planned to be paid ..." opens with the name in every format.
    opened = [line for line in lines if "is planned to be paid" in line]
    assert opened
    for line in opened:
        assert f"{english} is planned to be paid" in line
    if name != english:
        assert not any(f"{name} is planned to be paid" in line for line in lines)
    # Welsh puts the name mid-sentence ("Bwriedir talu £180.00 i {contributor} am ..."): as given.
    cymraeg = sentence_lines(assess(path, fmt, "cy", capsys), fmt)
    assert any(f"i {welsh} am eu hamser" in line for line in cymraeg)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("locale", ["en_GB", "cy"])
def test_a_bidi_control_in_a_name_breaks_nothing_and_hides_nothing(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], fmt: str, locale: str
) -> None:
    path = project(tmp_path, "\u202eleozqx\u202c")
    answer = assess(path, fmt, locale, capsys)
    assert SENTINEL not in answer.casefold()
    assert sentence_lines(answer, fmt)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_escaped_formats_still_open_with_the_capital(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    answer = assess(project(tmp_path, "leozqx"), fmt, "en_GB", capsys)
    assert "Leozqx is planned to be paid" in answer
    assert "leozqx is planned to be paid" not in answer
