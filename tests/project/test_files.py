""":mod:`participatory.project.files`: unit tests.

Reading project files: the forms accepted, and errors that name the path but no value.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from participatory.core.errors import ParticipatoryError
from participatory.core.money import Money
from participatory.project import ProjectFileError, load_project, parse_project

EXAMPLES = Path(__file__).parents[2] / "examples"


SENTINEL = "SENTINEL-7f3a"


MINIMAL = """
id = "river"
title = "River watch"

[[people]]
id = "amira"
name = "Amira"
kind = "co_researcher"
lived_experience = "SENTINEL-7f3a"

[[payments]]
id = "p1"
contributor = "amira"
kind = "fee"
amount = "90.00 GBP"
due_on = 2026-05-22
"""


def problems(text: str, format: str = "toml") -> dict[str, str]:
    with pytest.raises(ProjectFileError) as caught:
        parse_project(text, format, "test.toml")
    error = caught.value
    assert isinstance(error, ParticipatoryError)
    assert str(error).startswith("test.toml: ")
    assert "\n" not in str(error)
    assert SENTINEL not in str(error)
    # Issue 17: problems inside special-category data are counted in the message, never
    # described (their paths name a person and what they receive); the person entitled to
    # them reads them from sensitive_problems.
    for path, _problem in error.sensitive_problems:
        assert path not in str(error)
    return dict(error.problems + error.sensitive_problems)


def test_a_minimal_project_reads_with_money_as_an_amount_and_currency():
    project = parse_project(MINIMAL, "toml", "river.toml")
    assert project.payments[0].amount == Money.gbp("90.00")
    assert project.payments[0].due_on == dt.date(2026, 5, 22)
    assert SENTINEL not in repr(project)


def test_the_same_project_in_json_reads_the_same():
    toml_project = parse_project(MINIMAL, "toml")
    document = {
        "id": "river",
        "title": "River watch",
        "people": [{"id": "amira", "name": "Amira", "kind": "co_researcher",
                    "lived_experience": SENTINEL}],
        "payments": [{"id": "p1", "contributor": "amira", "kind": "fee",
                      "amount": {"amount": "90.00", "currency": "GBP"}, "due_on": "2026-05-22"}],
    }  # fmt: skip
    assert parse_project(json.dumps(document), "json") == toml_project


def test_every_problem_is_listed_with_its_path():
    found = problems(
        MINIMAL.replace('kind = "fee"', 'kind = "wages"').replace('"90.00 GBP"', "90.00")
        + '\n[budget]\nlines = [{ id = "x", kind = "venue" }]\n'
    )
    assert found["payments[0].kind"].startswith("must be one of 'fee'")
    assert found["payments[0].amount"].startswith("must be money such as")
    assert found["budget.lines[0].amount"] == "is missing"


def test_unknown_ids_and_repeated_ids_are_errors_with_paths():
    text = MINIMAL + (
        '\n[[payments]]\nid = "p1"\ncontributor = "ben"\nkind = "fee"\n'
        'amount = "5.00 GBP"\ndue_on = 2026-06-01\n'
        '\n[[roles]]\nparty = "nobody"\nrole = "adviser"\nbasis = "advisory"\n'
        'stages = ["design"]\n'
        '\n[benefits.zed]\npeople = [{ id = "zed", unaffected = ["state_pension"] }]\n'
    )
    found = problems(text)
    assert found["payments[1].contributor"] == "'ben' is not one of the project's people"
    assert found["payments[1].id"].startswith("repeats the payment id 'p1'")
    assert found["roles[0].party"].startswith("'nobody' is not one of the project's")
    assert found["benefits.zed"] == "'zed' is not one of the project's people"


def test_unknown_keys_are_named():
    found = problems(MINIMAL.replace('title = "River watch"', 'title = "R"\ntitel = "R"'))
    assert found[""] == "has unknown key(s): titel"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("people", f'[{{ id = "amira", capability = "{SENTINEL}" }}]'),
        ("people", f'[{{ id = "amira", monthly_earnings = "{SENTINEL} GBP" }}]'),
        ("people", f'[{{ id = "amira", carers_allowance = {{ weekly_award = "{SENTINEL}" }} }}]'),
        ("people", f'[{{ id = "{SENTINEL}" }}]'),
        ("people", '[{ id = "amira" }, { id = "amira" }]'),
        ("universal_credit", f'{{ first_date_of_entitlement = "{SENTINEL}" }}'),
        (
            "universal_credit",
            f'{{ first_date_of_entitlement = 2025-03-10, couple = "{SENTINEL}" }}',
        ),
        ("children", f'[{{ born_on = "{SENTINEL}" }}]'),
        ("capital", f'"{SENTINEL} GBP"'),
    ],
)
def test_a_bad_sensitive_value_is_never_repeated(field, value):
    """Each part of a household (a person's circumstances, the claims, the children, the
    capital): the error names the path under ``benefits.amira`` and never the value."""
    text = MINIMAL + f"\n[benefits.amira]\n{field} = {value}\n"
    found = problems(text)
    assert any(path.startswith(f"benefits.amira.{field}") for path in found), found
    assert not any(SENTINEL in problem for problem in found.values())


def test_a_household_names_the_contributor_or_has_no_ids():
    """``[benefits.amira]`` is Amira's household: without ids its one person is Amira; with
    ids, one of them must be hers (a partner may be another contributor or not)."""
    own = parse_project(
        MINIMAL + "\n[benefits.amira]\npeople = [{ carers_allowance = {} }]\n", "toml"
    )
    assert [p.id for p in own.benefits["amira"].people] == ["amira"]
    couple = parse_project(
        MINIMAL + '\n[benefits.amira]\npeople = [{ id = "amira" }, { id = "partner" }]\n', "toml"
    )
    assert couple.benefits["amira"].couple
    found = problems(MINIMAL + '\n[benefits.amira]\npeople = [{ id = "someone" }]\n')
    assert "benefits.amira.people" in found


def test_a_bad_personal_note_group_is_never_repeated():
    text = MINIMAL + f'\n[[safeguarding_notes]]\nperson_id = "amira"\ngroups = ["{SENTINEL}"]\n'
    found = problems(text)
    assert "safeguarding_notes[0].groups[0]" in found


def test_floats_and_strings_are_not_guessed_into_other_types():
    found = problems(
        MINIMAL + '\n[involvement]\nroles_agreed = "no"\n'
        '\n[[sessions]]\nid = "s"\nactivity = "meeting"\non = 2026-05-01\namount = 2.5\n'
        'contributors = ["amira"]\n',
    )
    assert found["involvement.roles_agreed"] == "must be true or false"
    # TOML numbers are read as exact Decimals, so 2.5 hours is fine; no float is ever made.
    assert "sessions[0].amount" not in found


def test_syntax_errors_and_unknown_formats_are_file_errors():
    assert "is not valid TOML" in problems("id = ")[""]
    assert "is not valid JSON" in problems("{", "json")[""]
    with pytest.raises(ProjectFileError, match=r"must end in \.toml or \.json"):
        load_project("project.yaml")


def test_a_rate_card_is_a_bundled_name_or_a_file_beside_the_project(tmp_path):
    assert parse_project(MINIMAL).rate_card is None
    text = MINIMAL.replace('title = "River watch"', 'title = "R"\nrate_card = "nihr"')
    assert parse_project(text).rate_card.id == "nihr"
    card = (EXAMPLES / "institution-rate-card.toml").read_text(encoding="utf-8")
    (tmp_path / "ours.toml").write_text(card, encoding="utf-8")
    project_file = tmp_path / "project.toml"
    project_file.write_text(
        MINIMAL.replace('title = "River watch"', 'title = "R"\nrate_card = { file = "ours.toml" }'),
        encoding="utf-8",
    )
    assert load_project(project_file).rate_card.id == "example-university-2026"
    missing = MINIMAL.replace(
        'title = "River watch"', 'title = "R"\nrate_card = { file = "x.toml" }'
    )
    project_file.write_text(missing, encoding="utf-8")
    with pytest.raises(ProjectFileError, match=r"rate_card: .*x\.toml: cannot be read"):
        load_project(project_file)
    unknown = MINIMAL.replace('title = "River watch"', 'title = "R"\nrate_card = "nope"')
    assert "rate_card" in problems(unknown)


PARTNERED = """
id = "sound"
title = "Sound and belonging"

[[organisations]]
id = "hns"
name = "Heart n Soul"
kind = "arts_organisation"
expertise = ["learning_disabilities", "autism"]

[safeguarding]
groups = ["learning_disabilities", "autism"]
intensity = "high"
"""


def test_a_partner_is_named_once_with_its_expertise_and_safeguarding_counts_it():
    from participatory.safeguarding import assess_safeguarding

    project = parse_project(PARTNERED, "toml", "sound.toml")
    assert project.safeguarding is not None
    assert project.safeguarding.partners == ()
    profile = project.safeguarding_profile()
    assert profile is not None
    assert [p.name for p in profile.partners] == ["Heart n Soul"]
    assert assess_safeguarding(profile).groups_without_partner == frozenset()


def test_safeguarding_partners_in_a_file_are_refused_with_where_to_name_them():
    text = PARTNERED + 'partners = [{ name = "Heart n Soul", expertise = ["autism"] }]\n'
    assert problems(text) == {
        "safeguarding.partners": "is not read from a project file (name each partner once, "
        "under organisations, with its expertise)"
    }
