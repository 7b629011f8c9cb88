"""A brand with its logo, and a project's roles, read back from plain data as they were written.

JSON has no bytes: a logo is written ``{"base64": …}`` (RFC 4648, padded, one line), and
only that exact text is read back. ``ProjectRoles.parties`` holds people, organisations and
staff in one list, whose fields cannot tell a person from a member of staff: each party
is written with a ``party_type`` of ``person``, ``organisation`` or ``staff``.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from participatory.interchange import PlainDataError, dumps, from_plain, loads, to_plain
from participatory.render.branding import MAX_LOGO_BYTES, Branding, Logo
from participatory.roles import (
    ContributorKind,
    PartnerOrganisation,
    PersonContributor,
    ProjectRoles,
    StaffKind,
    UniversityStaff,
)
from participatory.testing import branding as testing_branding
from participatory.testing import roles as testing_roles

_FEW = settings(
    max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)

PNG = b"\x89PNG\r\n\x1a\n" + bytes(8)
#: PNG's base64 text, worked by hand: 89 50 4E | 47 0D 0A | 1A 0A 00 | 00 ... gives
#: "iVBO" "Rw0K" "GgoA" then zeros, the last group of one byte padded "AA==".
PNG_TEXT = "iVBORw0KGgoAAAAAAAAAAA=="
SECRET = "SENSITIVE-SENTINEL"


# ---------------------------------------------------------------------------------------------
# The logo


@_FEW
@given(brand=testing_branding.brandings())
def test_any_brand_survives_json(brand: Branding) -> None:
    assert loads(Branding, dumps(brand)) == brand


def test_a_logo_is_written_as_its_base64_text() -> None:
    plain = to_plain(Branding("University of Bath", logo=Logo(PNG)))
    assert plain["logo"] == {"base64": PNG_TEXT}
    assert base64.b64decode(PNG_TEXT) == PNG


@pytest.mark.parametrize(
    "logo",
    [
        "logo.png",  # a file name: plain data holds the image, never a path to read
        {"base64": PNG_TEXT, "media_type": "image/png"},
        {"data": PNG_TEXT},
        {"base64": PNG_TEXT[:-2]},  # padding left off
        {"base64": PNG_TEXT[:12] + "\n" + PNG_TEXT[12:]},  # a line break
        {"base64": " " + PNG_TEXT},
        {"base64": PNG_TEXT[:-3] + "B=="},  # the last group's unused bits set: not canonical
        {"base64": base64.urlsafe_b64encode(b"\xfb\xff" + PNG).decode()},  # the URL alphabet
        {"base64": "\uff49" + PNG_TEXT[1:]},  # a fullwidth letter
        {"base64": list(PNG)},
        {"base64": None},
    ],
    ids=[
        "path",
        "extra-key",
        "other-key",
        "unpadded",
        "line-break",
        "space",
        "not-canonical",
        "url-alphabet",
        "fullwidth",
        "byte-list",
        "none",
    ],
)
def test_a_logo_in_any_other_form_is_refused_under_logo(logo: object) -> None:
    with pytest.raises(PlainDataError) as caught:
        from_plain(Branding, {"institution": "University of Bath", "logo": logo})
    assert caught.value.path.startswith("logo"), str(caught.value)


def test_decoded_bytes_are_checked_as_any_logo_and_named_where_they_were_written() -> None:
    script = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    plain = {"institution": "Uni", "logo": {"base64": base64.b64encode(script).decode()}}
    with pytest.raises(PlainDataError) as caught:
        from_plain(Branding, plain)
    assert caught.value.path == "logo.base64"
    assert "<script>" in caught.value.problem


def test_a_text_longer_than_the_largest_logo_is_refused_before_it_is_decoded() -> None:
    """MAX_LOGO_BYTES (262,144) bytes are 4 × ⌈262,144 / 3⌉ = 349,528 base64 characters;
    one more group of four is refused for its length alone."""
    largest = 4 * -(-MAX_LOGO_BYTES // 3)
    assert largest == 349_528
    with pytest.raises(PlainDataError) as caught:
        from_plain(
            Branding, {"institution": "Uni", "logo": {"base64": "AAAA" * (largest // 4 + 1)}}
        )
    assert caught.value.path == "logo.base64"


# ---------------------------------------------------------------------------------------------
# The roles picture


@_FEW
@given(roles=testing_roles.projects())
def test_any_roles_project_survives_json_with_its_sensitive_fields(roles: ProjectRoles) -> None:
    plain = json.loads(json.dumps(to_plain(roles, include_sensitive=True)))
    assert from_plain(ProjectRoles, plain) == roles


@_FEW
@given(roles=testing_roles.projects(sensitive=SECRET))
def test_each_party_is_tagged_with_its_kind_and_the_default_form_holds_nothing_sensitive(
    roles: ProjectRoles,
) -> None:
    plain = to_plain(roles)
    assert SECRET not in json.dumps(plain)
    expected = {PersonContributor: "person", PartnerOrganisation: "organisation"}
    expected[UniversityStaff] = "staff"
    assert [p["party_type"] for p in plain["parties"]] == [
        expected[type(party)] for party in roles.parties
    ]
    # Read back: the same parties, less what the default form leaves out.
    read = from_plain(ProjectRoles, plain)
    assert [(type(p), p.id) for p in read.parties] == [(type(p), p.id) for p in roles.parties]
    assert all(p.lived_experience is None for p in read.people())


def _roles(party: dict[str, Any]) -> dict[str, Any]:
    return {"title": "Memory cafés", "parties": [party]}


@pytest.mark.parametrize(
    ("party", "path"),
    [
        ({"id": "s1", "name": "Dr Lee", "kind": "facilitator"}, "parties[0].party_type"),
        (
            {"party_type": "funder", "id": "s1", "name": "Dr Lee", "kind": "facilitator"},
            "parties[0].party_type",
        ),
        (
            {"party_type": "person", "id": "s1", "name": "Dr Lee", "kind": "facilitator"},
            "parties[0].kind",
        ),
        ("s1", "parties[0]"),
    ],
    ids=["untagged", "unknown-tag", "tag-and-kind-disagree", "not-a-table"],
)
def test_a_party_without_its_own_tag_is_refused_at_its_path(party: object, path: str) -> None:
    with pytest.raises(PlainDataError) as caught:
        from_plain(ProjectRoles, _roles(party))  # type: ignore[arg-type]
    assert caught.value.path == path, str(caught.value)


def test_a_staff_member_and_a_person_with_the_same_fields_read_back_as_themselves() -> None:
    """The case the tag exists for: by default a person is written with id, name and kind
    only, exactly the fields of a member of staff."""
    roles = ProjectRoles(
        "Memory cafés",
        parties=[
            UniversityStaff("s1", "Dr Lee", StaffKind.FACILITATOR),
            PersonContributor("p1", "Ana", ContributorKind.CARER, health=SECRET),
        ],
    )
    plain = to_plain(roles)
    assert {key for key in plain["parties"][1] if key != "party_type"} == {"id", "name", "kind"}
    read = from_plain(ProjectRoles, plain)
    assert read.parties == (roles.parties[0], PersonContributor("p1", "Ana", ContributorKind.CARER))
