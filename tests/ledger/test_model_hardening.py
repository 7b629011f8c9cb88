"""No special-category value leaks from the ledger: reprs, default JSON, errors, logs.

Sentinels are planted where the ledger holds special-category data: a person's communities,
a partner's id in a household's circumstances (who has a benefit is itself sensitive), and
the circumstances' own figures (a benefit amount of £83.30 a week).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

from participatory.benefits import (
    CarersAllowanceClaim,
    Household,
    LegacyBenefit,
    LegacyClaim,
    Person,
)
from participatory.core.errors import ParticipatoryError, ValidationError
from participatory.core.serialise import unstructure
from participatory.ledger import (
    Ask,
    ConsentRecord,
    Contributor,
    HouseholdRecord,
    Ledger,
    assess_before_paying,
    assess_headroom,
    assess_over_asking,
    contributor_statement,
    erase_expired,
)
from participatory.testing.ledger import ledgers

from .conftest import fee

SENTINEL = "SENTINEL-c0ffee"
PARTNER = "SENTINEL-partner"


def _consent(person: str) -> ConsentRecord:
    return ConsentRecord(person, person, "2025-04-01", "benefits checks", "2027-03-31")


def _ledger() -> Ledger:
    home = Household(
        people=[Person("amira", carers_allowance=CarersAllowanceClaim(weekly_award="83.30")),
                Person(PARTNER)],
        legacy=LegacyClaim(benefit=LegacyBenefit.INCOME_SUPPORT, weekly_award="91.23",
                           claimant=PARTNER),
    )  # fmt: skip
    return Ledger(
        contributors=[Contributor("amira", communities=[SENTINEL])],
        households=[HouseholdRecord("h-1", home, [_consent("amira"), _consent(PARTNER)])],
        payments=[fee("r-1", "amira", "150.00", "2026-01-13", project="river")],
    )


def _outputs(value: object) -> list[str]:
    return [repr(value), str(value), json.dumps(unstructure(value), default=str)]


def _hidden(texts: list[str]) -> None:
    for text in texts:
        for secret in (SENTINEL, PARTNER, "83.30", "91.23", "83.3"):
            assert secret not in text, (secret, text)


def test_models_and_results_hide_what_is_sensitive(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    ledger = _ledger()
    proposal = fee("p-1", "amira", "150.00", "2026-01-14", project="pillow")
    day = dt.date(2026, 1, 10)
    check = assess_before_paying(ledger, proposal, as_at=day)
    results: list[object] = [
        ledger,
        *ledger.contributors.values(),
        *ledger.households.values(),
        check,
        assess_headroom(ledger, "amira", "2026-01-15", as_at=day),
        contributor_statement(ledger, "amira", 2025, as_at=day),
        assess_over_asking(ledger, as_at=day),
        erase_expired(ledger, dt.date(2027, 4, 1)),
    ]
    statement = results[-3]
    results += list(statement.weeks)  # type: ignore[attr-defined]
    for value in results:
        _hidden([repr(value), str(value)])
    for value in results[1:]:
        if attrs.has(type(value)):
            _hidden([json.dumps(unstructure(value), default=str)])
    _hidden([json.dumps(unstructure(f), default=str) for f in check.findings])
    assert not caplog.records


_BAD: list[tuple[str, Callable[[], object]]] = [
    ("community with a line break", lambda: Contributor("c", communities=[SENTINEL + "\n"])),
    ("communities as one string", lambda: Contributor("c", communities=SENTINEL)),
    ("a consent for a stranger", lambda: HouseholdRecord(
        "h", Household(people=[Person("amira")]), [_consent("amira"), _consent(PARTNER)])),
    ("a partner without a basis", lambda: HouseholdRecord(
        "h", Household(people=[Person("amira"), Person(PARTNER)]), [_consent("amira")])),
    ("circumstances not a household", lambda: HouseholdRecord("h", SENTINEL, [])),  # type: ignore[arg-type]
    ("two households for the partner", lambda: _ledger().with_entries(
        households=[HouseholdRecord("h-2", Household(people=[Person(PARTNER)]),
                                    [_consent(PARTNER)])],
        contributors=[Contributor(PARTNER)])),
]  # fmt: skip


@pytest.mark.parametrize(("case", "make"), _BAD, ids=[c for c, _ in _BAD])
def test_errors_never_echo_a_sensitive_value(case: str, make: Callable[[], object]) -> None:
    try:
        make()
    except ParticipatoryError as error:
        texts = [str(error), repr(error.args)]
    except Exception as error:
        texts = [str(error), repr(error.args)]
        for text in texts:
            assert SENTINEL not in text, (case, text)
            assert PARTNER not in text, (case, text)
        pytest.fail(f"{case}: {type(error).__name__}, not the library's own error")
    else:
        if case != "two households for the partner":
            pytest.fail(f"{case}: accepted")
        return
    for text in texts:
        assert SENTINEL not in text, (case, text)
        assert PARTNER not in text, (case, text)


@settings(max_examples=40)
@given(ledgers())
def test_default_serialisation_of_any_ledger_omits_communities_and_circumstances(
    ledger: Ledger,
) -> None:
    data = unstructure(ledger)
    people = json.dumps(data["contributors"], default=str)
    assert "carers-north" not in people
    assert "deaf-bsl-users" not in people
    # The household records, ids and all, are withheld whole (round 11): a record's id and
    # members say who is on a joint claim and whose circumstances are held.
    assert "households" not in data
    for record in ledger.households.values():
        assert f'"{record.id}"' not in json.dumps(data, default=str)
    assert "carers-north" not in repr(ledger)


def test_a_headrooms_repr_is_the_same_whether_circumstances_are_held() -> None:
    """Whether a person's benefit circumstances are held is itself special-category data.

    The repr showed ``checked=True`` beside a withheld finding for Amira (held and usable),
    a withheld "not usable" finding for Carl (held, his basis ended on 31 December 2025),
    and ``checked=False`` beside a plain LEDGER-NOT-CHECKED finding for Ben (none held).
    Now each shows only the question asked: the person and the day.
    """
    lapsed = ConsentRecord("carl", "carl", "2025-04-01", "benefits checks", "2025-12-31")

    def home(key: str, person: str, consent: ConsentRecord) -> HouseholdRecord:
        carer = Person(person, carers_allowance=CarersAllowanceClaim())
        return HouseholdRecord(key, Household(people=[carer]), [consent])

    ledger = Ledger(
        contributors=[Contributor("amira"), Contributor("ben"), Contributor("carl")],
        households=[home("h-1", "amira", _consent("amira")), home("h-2", "carl", lapsed)],
    )
    day = dt.date(2026, 1, 10)
    rooms = {
        who: assess_headroom(ledger, who, "2026-01-15", as_at=day) for who in ledger.contributors
    }
    assert [rooms[who].checked for who in ("amira", "ben", "carl")] == [True, False, False]
    for who, room in rooms.items():
        assert (
            repr(room)
            == f"PersonHeadroom(person='{who}', day=datetime.date(2026, 1, 15), <redacted>)"
        )
        assert str(room) == repr(room)


@pytest.mark.parametrize("keyword", ["contributors", "households", "payments", "asks"])
@pytest.mark.parametrize(
    ("value", "path"),
    [(5, ""), ("abc", ""), ([None], "[0]"), ([b"x"], "[0]")],
    ids=["int", "text", "none", "bytes"],
)
def test_with_entries_refuses_anything_but_its_own_kind_of_entry(
    keyword: str, value: object, path: str
) -> None:
    """Each entry's id was read before its type was checked: a bare AttributeError."""
    with pytest.raises(ValidationError) as caught:
        Ledger().with_entries(**{keyword: value})  # type: ignore[arg-type]
    assert caught.value.path == f"{keyword}{path}"


def test_with_entries_names_the_first_entry_of_the_wrong_kind() -> None:
    wrong: list[Any] = [Contributor("amira"), Ask("a", "p", "act", "2026-01-13", person="amira")]
    with pytest.raises(ValidationError) as caught:
        Ledger().with_entries(contributors=wrong)
    assert str(caught.value) == "contributors[1]: must be a Contributor"


def test_default_plain_data_of_a_persons_answer_does_not_say_whether_circumstances_are_held() -> (
    None
):
    """Default plain data had ``"checked": false`` and an unwithheld "not checked" finding
    naming Ben (none held), beside ``"checked": true`` and withheld findings for Amira."""
    carer = Person("amira", carers_allowance=CarersAllowanceClaim())
    ledger = Ledger(
        contributors=[Contributor("amira"), Contributor("ben")],
        households=[HouseholdRecord("h-1", Household(people=[carer]), [_consent("amira")])],
    )
    day = dt.date(2026, 1, 10)
    for who in ("amira", "ben"):
        for answer in (
            assess_headroom(ledger, who, "2026-01-15", as_at=day),
            contributor_statement(ledger, who, 2025, as_at=day),
        ):
            plain = unstructure(answer)
            assert "checked" not in plain
            shown = [f for f in plain["findings"] if not f["withheld"]]
            assert all(f["subject"] is None for f in shown), (who, shown)
