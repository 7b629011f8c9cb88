import datetime as dt
from decimal import Decimal

import pytest

from participatory.core.errors import ParameterFileError, ParametersNotAvailable, UnsupportedCase
from participatory.core.money import Money
from participatory.core.sources import bundled_sources
from participatory.payments.rates import (
    ActivityKind,
    RateUnit,
    RoundingMode,
    bundled_rate_card,
    bundled_rate_cards,
    load_rate_card,
    parse_rate_card,
    rate_table_markdown,
)

ONE_DAY = dt.timedelta(days=1)

CARD = """
[meta]
id = "mine"
title = "My card"
publisher = "Me"
currency = "GBP"
valid_until = 2026-12-31
source = "my_policy"
verified = true

[sources.my_policy]
title = "My payment policy"
short_title = "My policy"
publisher = "Me"
primary = true
read_on = 2025-01-01

[sources.my_policy.passages.v1]
pinpoint = "version 1, table 1"
read_on = 2025-01-01

[sources.my_policy.passages.v2]
pinpoint = "version 2, table 1"
read_on = 2026-01-01

[rules]
rounding_minutes = 30
rounding_mode = "up"

[[rates]]
activity = "meeting"
unit = "hour"
amount = 20.00
effective_from = 2025-01-01
source = "my_policy#v1"
verified = true

[[rates]]
activity = "meeting"
unit = "hour"
amount = 22.00
effective_from = 2026-01-01
source = "my_policy#v2"
verified = true
"""


def test_every_bundled_card_loads_with_sourced_rates():
    cards = bundled_rate_cards()
    assert set(cards) == {
        "nihr", "whitworth", "co_production_collective", "blue_heart", "tewv", "skills_for_care"
    }  # fmt: skip
    # NIHR's table was never read (nihr_payment_guidance_researchers_2024#rate_table): the
    # card names its source and holds no amounts; every other card holds some.
    assert cards["nihr"].rates == ()
    for name, card in cards.items():
        assert card.rates or name == "nihr"
        # Every rate cites a catalogue document, and is verified only if that is primary.
        assert all(rate.source.key in bundled_sources() for rate in card.rates)
        assert all(rate.source.source.primary for rate in card.rates if rate.verified)
        assert all(type(rate.amount.amount) is Decimal for rate in card.rates)


def test_funders_cards_are_in_force_until_superseded_and_the_pilot_has_its_known_end():
    """By hand: every card but the Co-Production Collective's pilot (25 September 2024 to
    31 March 2025, cpc_payment_policy_update_2024#pilot) is in force until superseded, with
    the day it was last checked; so each is usable today (2026-12-06), and the pilot is not.
    """
    cards = bundled_rate_cards()
    pilot = cards["co_production_collective"]
    assert pilot.valid_until == dt.date(2025, 3, 31)
    assert not pilot.superseded
    for name, card in cards.items():
        if name == "co_production_collective":
            continue
        assert card.superseded, name
        assert card.valid_until is None
        assert card.checked_on is not None
        assert all(rate.checked_on == card.checked_on for rate in card.rates)
    assert cards["tewv"].rate(ActivityKind.OTHER, RateUnit.SESSION, dt.date(2026, 12, 6))
    with pytest.raises(ParametersNotAvailable, match="to 2025-03-31"):
        pilot.rate(ActivityKind.OTHER, RateUnit.HOUR, dt.date(2026, 12, 6))


def test_a_card_in_force_until_superseded_is_due_a_review_after_the_interval():
    card = bundled_rate_card("tewv")
    rate = card.rate(ActivityKind.OTHER, RateUnit.SESSION, dt.date(2026, 12, 6))
    assert rate.checked_on == dt.date(2026, 12, 6)
    assert not card.review_due(rate, dt.date(2027, 12, 6), 365)
    assert card.review_due(rate, dt.date(2027, 12, 7), 365)
    # A card with a known end is refused after it, never "due a review".
    mine = parse_rate_card(CARD, "mine.toml")
    latest = mine.rate(ActivityKind.MEETING, RateUnit.HOUR, dt.date(2026, 6, 1))
    assert not mine.review_due(latest, dt.date(2026, 12, 31), 1)


def test_the_skills_for_care_rate_is_secondary_so_not_verified():
    """catalogue-map.md section 9: the £15 was read only in Difference North East's guide."""
    card = bundled_rate_card("skills_for_care")
    assert not card.verified
    assert not card.source.source.primary
    assert all(not rate.verified for rate in card.rates)


def test_verified_is_refused_beside_a_secondary_source():
    text = CARD.replace(
        'source = "my_policy#v1"', 'source = "difference_ne_fair_payment_2024#skills_for_care"'
    )
    with pytest.raises(ParameterFileError, match=r"rates\[0\]\.verified: is true but"):
        parse_rate_card(text, "mine.toml")


def test_a_card_in_force_until_superseded_needs_its_last_check():
    text = CARD.replace("valid_until = 2026-12-31", "superseded = true")
    with pytest.raises(ParameterFileError, match=r"meta\.checked_on: is missing"):
        parse_rate_card(text, "mine.toml")
    card = parse_rate_card(
        text.replace("superseded = true", "superseded = true\nchecked_on = 2026-01-01"), "mine.toml"
    )
    assert card.valid_until is None
    assert card.rate(ActivityKind.MEETING, RateUnit.HOUR, dt.date(2040, 1, 1)).amount == Money.gbp(
        22
    )
    both = CARD.replace("valid_until = 2026-12-31", "valid_until = 2026-12-31\nsuperseded = true")
    with pytest.raises(ParameterFileError, match="choose one kind of end"):
        parse_rate_card(both, "mine.toml")
    with pytest.raises(ParameterFileError, match=r"meta\.valid_until: is missing"):
        parse_rate_card(CARD.replace("valid_until = 2026-12-31\n", ""), "mine.toml")


def test_an_unknown_source_names_the_rate():
    with pytest.raises(ParameterFileError, match=r"rates\[1\]\.source: no passage 'v3'"):
        parse_rate_card(CARD.replace("my_policy#v2", "my_policy#v3"), "mine.toml")


def test_rate_in_force_changes_on_effective_from_and_stops_after_valid_until():
    card = parse_rate_card(CARD, "mine.toml")
    meeting = ActivityKind.MEETING, RateUnit.HOUR
    assert card.rate(*meeting, dt.date(2025, 12, 31)).amount == Money.gbp(20)
    assert card.rate(*meeting, dt.date(2026, 1, 1)).amount == Money.gbp(22)
    assert card.rate(*meeting, dt.date(2026, 12, 31)).amount == Money.gbp(22)
    with pytest.raises(ParametersNotAvailable, match="2025-01-01 to 2026-12-31"):
        card.rate(*meeting, dt.date(2026, 12, 31) + ONE_DAY)
    with pytest.raises(ParametersNotAvailable):
        card.rate(*meeting, dt.date(2025, 1, 1) - ONE_DAY)


def test_the_nihr_card_refuses_on_either_side_of_the_uplift():
    """The 10% uplift of 16 Dec 2025 was read (thecareruk_nihr_uplift_2025#uplift) but no
    amount it applies to was: the day before, on and after it the card has no rate to give.
    """
    card = bundled_rate_card("nihr")
    assert card.covered_from is None
    assert card.activity_names() == ()
    assert not card.has(ActivityKind.MEETING, RateUnit.HOUR)
    for day in (dt.date(2025, 12, 15), dt.date(2025, 12, 16), dt.date(2025, 12, 17)):
        with pytest.raises(UnsupportedCase, match="holds no rates"):
            card.rate(ActivityKind.MEETING, RateUnit.HOUR, day)


def test_missing_activity_is_unsupported_not_guessed():
    with pytest.raises(UnsupportedCase, match="advisory_group"):
        bundled_rate_card("whitworth").rate(
            ActivityKind.TRAINING, RateUnit.DAY, dt.date(2022, 7, 2)
        )


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('activity = "meeting"', 'activity = "chatting"', "rates[0].activity"),
        ('unit = "hour"', 'unit = "fortnight"', "rates[0].unit"),
        ("amount = 20.00", 'amount = "twenty"', "rates[0].amount"),
        ("amount = 20.00", "amount = -1", "rates[0].amount"),
        ("effective_from = 2025-01-01", 'effective_from = "2025"', "rates[0].effective_from"),
        ('source = "my_policy#v1"\n', "", "rates[0].source"),
        ("rounding_minutes = 30", "rounding_minutes = 0", "rules.rounding_minutes"),
        ('rounding_mode = "up"', 'rounding_mode = "sideways"', "rules.rounding_mode"),
        ("rounding_minutes = 30", "rounding_hours = 1", "rules"),
        ('currency = "GBP"', 'currency = "pounds"', "meta.currency"),
        ("valid_until = 2026-12-31", "valid_until = 2025-06-01", "meta.valid_until"),
        ('title = "My card"\n', "", "meta.title"),
    ],
)
def test_errors_name_the_file_and_key(old, new, key):
    with pytest.raises(ParameterFileError) as caught:
        parse_rate_card(CARD.replace(old, new, 1), "mine.toml")
    assert caught.value.file == "mine.toml"
    assert caught.value.key == key


def test_duplicate_rate_is_an_error():
    text = CARD.replace("effective_from = 2026-01-01", "effective_from = 2025-01-01")
    with pytest.raises(ParameterFileError, match="rates\\[1\\]"):
        parse_rate_card(text, "mine.toml")


def test_invalid_toml_names_the_file():
    with pytest.raises(ParameterFileError, match=r"mine\.toml: is not valid TOML"):
        parse_rate_card("[meta", "mine.toml")


def test_institution_card_is_laid_over_a_bundled_one(tmp_path):
    path = tmp_path / "inst.toml"
    path.write_text(CARD.replace("[meta]", '[meta]\nextends = "whitworth"'), encoding="utf-8")
    card = load_rate_card(path)
    assert card.id == "mine"
    assert card.valid_until == dt.date(2026, 12, 31)
    # The base's rates are kept; the institution's coverage now applies to them.
    assert card.rate(ActivityKind.ADVISORY_GROUP, RateUnit.SESSION, dt.date(2026, 3, 1)).amount == (
        Money.gbp(90)
    )
    assert card.rate(ActivityKind.MEETING, RateUnit.HOUR, dt.date(2026, 3, 1)).amount == Money.gbp(
        22
    )
    assert card.rules.rounding_minutes == 30
    assert card.rules.rounding_mode is RoundingMode.UP


def test_overlay_rules_replace_only_what_they_state(tmp_path):
    path = tmp_path / "inst.toml"
    path.write_text(
        CARD.replace("rounding_minutes = 30\n", "").replace(
            'rounding_mode = "up"', "preparation_paid = false"
        ),
        encoding="utf-8",
    )
    card = load_rate_card(path, base="tewv")
    assert card.rules.preparation_paid is False
    assert card.rules.rounding_minutes == 180  # TEWV's rule is kept


def test_overlay_in_another_currency_is_refused(tmp_path):
    path = tmp_path / "inst.toml"
    path.write_text(CARD.replace('"GBP"', '"EUR"'), encoding="utf-8")
    with pytest.raises(ParameterFileError, match=r"meta\.currency"):
        load_rate_card(path, base="nihr")


def test_unknown_base_and_unreadable_file_are_file_errors(tmp_path):
    path = tmp_path / "inst.toml"
    path.write_text(CARD.replace("[meta]", '[meta]\nextends = "nope"'), encoding="utf-8")
    with pytest.raises(ParameterFileError, match=r"meta\.extends"):
        load_rate_card(path)
    with pytest.raises(ParameterFileError, match="cannot be read"):
        load_rate_card(tmp_path / "missing.toml")


def test_rate_table_is_generated_from_every_bundled_rate():
    table = rate_table_markdown()
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    # One row a rate, and one for each card that holds none (NIHR's, "no amount read").
    cards = bundled_rate_cards().values()
    assert len(rows) == sum(len(card.rates) or 1 for card in cards)
    assert (
        "| `whitworth` | advisory_group | session | 90.00 GBP | 2022-07-01 | until superseded |"
        " Bath report §5.1 | **no** | 2026-12-06 |"
    ) in table
    assert "| `nihr` | — | — | no amount read | — | until superseded |" in table
    assert "| to 2025-03-31 |" in table
    assert "**no**" in table


def test_a_rate_and_a_minimum_payment_are_money_in_the_cards_currency():
    """ "20.00 GBP" is the one written form; the bare 20.00 of older cards is still read."""
    written = CARD.replace("amount = 20.00", 'amount = "20.00 GBP"').replace(
        "[rules]\n", '[rules]\nminimum_payment = "10.00 GBP"\n'
    )
    older = CARD.replace("[rules]\n", "[rules]\nminimum_payment = 10.00\n")
    assert parse_rate_card(written, "mine.toml") == parse_rate_card(older, "mine.toml")
    assert parse_rate_card(written, "mine.toml").rules.minimum_payment == Money.gbp("10.00")


@pytest.mark.parametrize(
    ("old", "new", "key", "problem"),
    [
        ("amount = 20.00", 'amount = "20.00 EUR"', "rates[0].amount",
         "is in EUR, but the card's currency is GBP"),
        ("amount = 20.00", 'amount = "20.00GBP"', "rates[0].amount", "must be money such as"),
        ("[rules]\n", '[rules]\nminimum_payment = "10.00 USD"\n', "rules.minimum_payment",
         "is in USD, but the card's currency is GBP"),
    ],
)  # fmt: skip
def test_money_in_another_currency_or_form_is_refused_naming_the_key(old, new, key, problem):
    with pytest.raises(ParameterFileError) as caught:
        parse_rate_card(CARD.replace(old, new), "mine.toml")
    assert f"mine.toml: {key}: {problem}" in str(caught.value)
