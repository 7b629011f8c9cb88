"""Round 15's outside attack: promises the tester broke, each worked as a test.

- Text that cannot be written as UTF-8 (a lone surrogate) was accepted by the ledger's and
  the ethics triage's constructors, and failed later: ``SqliteLedgerStore.add`` raised
  ``UnicodeEncodeError``, and ``interchange.dumps`` of an activity wrote text that
  ``loads`` refused. It is refused where it is given, naming the field.
- A NUL in an ethics group's label was accepted (a TOML file cannot hold one).
"""

from __future__ import annotations

import datetime as dt

import pytest

from participatory.core.errors import ValidationError
from participatory.ethics import Activity, Capacity, Party
from participatory.ledger import Contributor, PaymentEntry

LONE = "\ud800"
GROUP = Party("group", Capacity.PUBLIC_CONTRIBUTOR)


@pytest.mark.parametrize(
    ("make", "path"),
    [
        (lambda: PaymentEntry("p1", "c1", "10.00", dt.date(2026, 1, 5), payer="x" + LONE), "payer"),
        (
            lambda: PaymentEntry(
                "p1", "c1", "10.00", dt.date(2026, 1, 5), payer="uni", reference="r" + LONE
            ),
            "reference",
        ),
        (lambda: Contributor("c1", communities=["carers" + LONE]), "communities[0]"),
        (lambda: Party("grp" + LONE, Capacity.PUBLIC_CONTRIBUTOR), "label"),
        (lambda: Party("grp", Capacity.PUBLIC_CONTRIBUTOR, people={"p" + LONE}), "people"),
        (lambda: Party("grp", Capacity.PUBLIC_CONTRIBUTOR, notes="n" + LONE), "notes"),
        (lambda: Activity("a" + LONE, parties=[GROUP]), "id"),
        (lambda: Activity("a", parties=[GROUP], title="t" + LONE), "title"),
        (lambda: Activity("a", parties=[GROUP], approval="IRAS " + LONE), "approval"),
    ],
)
def test_a_lone_surrogate_is_refused_where_it_is_given(make, path: str) -> None:
    with pytest.raises(ValidationError) as caught:
        make()
    assert caught.value.path == path
    assert "surrogate" in caught.value.problem
    # The message never repeats the value (a note may be about someone's life).
    assert LONE not in str(caught.value)


def test_a_nul_in_a_group_label_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        Party("grp\x00", Capacity.PUBLIC_CONTRIBUTOR)
    assert caught.value.path == "label"


def test_text_outside_ascii_that_is_text_is_kept() -> None:
    """Welsh, emoji and right-to-left script are characters: kept as given."""
    party = Party("Grŵp cymunedol 🌊 مجموعة", Capacity.PUBLIC_CONTRIBUTOR)
    assert party.label == "Grŵp cymunedol 🌊 مجموعة"
    entry = PaymentEntry("p1", "c1", "10.00", dt.date(2026, 1, 5), payer="Prifysgol Bangor")
    assert entry.payer == "Prifysgol Bangor"


@pytest.mark.parametrize("search", ["headroom", "plan_safe_payment"])
def test_a_search_for_someone_outside_the_household_names_the_person_argument(search) -> None:
    """It blamed ``receipts[0].person``, a field the caller never gave."""
    from participatory.benefits import Household, HousingBenefitClaim, Person, headroom
    from participatory.benefits.planning import plan_safe_payment

    home = Household(
        people=[Person("c")], housing_benefit=HousingBenefitClaim(weekly_award="100.00")
    )
    function = {"headroom": headroom, "plan_safe_payment": plan_safe_payment}[search]
    with pytest.raises(ValidationError) as caught:
        function(home, dt.date(2025, 6, 10), person="carol")
    assert caught.value.path == "person"


@pytest.mark.parametrize("written", ["-0", "-0.00", "-0.000"])
def test_a_negative_zero_is_kept_as_zero(written: str) -> None:
    """An amount of -0 was stored and exported as "-0.00 GBP": it equals £0, and is £0."""
    from participatory.core.money import Money
    from participatory.core.serialise import unstructure

    entry = PaymentEntry("p1", "c1", written, dt.date(2026, 1, 5), payer="uni")
    assert not entry.amount.amount.is_signed()
    assert "-" not in str(unstructure(entry.amount))
    assert not (-Money.gbp("0.00")).amount.is_signed()


def test_a_toml_number_of_a_million_digits_is_refused_before_parsing_without_pythons_limit():
    """With Python's limit on integer digits lifted (``sys.set_int_max_str_digits(0)``, or
    ``PYTHONINTMAXSTRDIGITS=0``), tomli read a million-digit integer with ``int()`` in 14
    seconds (its time grows with the square of the digits, up to the 16 MiB file limit)
    before the library refused it. It is refused before parsing, by the same limits, and
    the refusal names no place in the file."""
    import sys

    from participatory.core.errors import ParameterFileError
    from participatory.core.limits import parse_toml

    text = "[benefits.a]\nbenefit_week_start = " + "7" * 1_000_000 + "\n"
    before = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        with pytest.raises(ParameterFileError) as caught:
            parse_toml(text, "project.toml")
    finally:
        sys.set_int_max_str_digits(before)
    assert "more than 20,000 digits" in str(caught.value)
    assert "benefit" not in str(caught.value)


def test_a_long_text_of_digits_within_the_limits_is_still_read_without_pythons_limit():
    import sys

    from participatory.core.limits import parse_toml

    text = 'notes = "' + "1" * 5_000 + '"\nn = ' + "9" * 20 + "\n"
    before = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        document = parse_toml(text, "p.toml")
    finally:
        sys.set_int_max_str_digits(before)
    assert document == {"notes": "1" * 5_000, "n": int("9" * 20)}


_HB_BAD = '{"people": [{"id": "a"}], "housing_benefit": {"weekly_award": "x"}}'
_IS_BAD = '{"people": [{"id": "a"}], "legacy": {"benefit": "income_support", "weekly_award": 5}}'
_ESA_BAD = '{"id": "a", "esa": {"weekly_award": "bad"}}'
_CA_BAD = '{"id": "a", "carers_allowance": {"benefit_week_start": 9}}'


@pytest.mark.parametrize(
    ("model", "text", "benefit"),
    [
        ("Household", _HB_BAD, "housing_benefit"),
        ("Household", _IS_BAD, "legacy"),
        ("Person", _ESA_BAD, "esa"),
        ("Person", _CA_BAD, "carers_allowance"),
    ],
)
def test_a_problem_counted_in_special_category_data_does_not_name_the_benefit(
    model: str, text: str, benefit: str
) -> None:
    """``loads(Household, …)`` counted a bad Housing Benefit award as
    ``housing_benefit: 1 problem in special-category data, withheld``: the count named the
    benefit claimed. An optional field's name says the field is there, so it is counted
    without one; ``describe(include_sensitive=True)`` still gives the place."""
    from participatory import benefits, interchange

    with pytest.raises(interchange.PlainDataError) as caught:
        interchange.loads(getattr(benefits, model), text)
    assert benefit not in str(caught.value)
    assert benefit not in caught.value.path
    assert "1 problem in special-category data, withheld" in str(caught.value)
    assert benefit in caught.value.describe(include_sensitive=True)


def test_a_field_every_household_holds_is_still_named_in_the_count() -> None:
    from participatory import interchange
    from participatory.benefits import Household

    with pytest.raises(interchange.PlainDataError) as caught:
        interchange.loads(Household, '{"people": [{"id": "a", "capability": "sometimes"}]}')
    assert str(caught.value).startswith("people: 1 problem in special-category data")
