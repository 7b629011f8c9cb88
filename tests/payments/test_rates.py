import datetime as dt
from decimal import Decimal

import pytest

from participatory.core.errors import ParameterFileError, ParametersNotAvailable, UnsupportedCase
from participatory.core.money import Money
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
source = "My policy"
verified = true

[rules]
rounding_minutes = 30
rounding_mode = "up"

[[rates]]
activity = "meeting"
unit = "hour"
amount = 20.00
effective_from = 2025-01-01
source = "My policy v1"
verified = true

[[rates]]
activity = "meeting"
unit = "hour"
amount = 22.00
effective_from = 2026-01-01
source = "My policy v2"
verified = true
"""


def test_every_bundled_card_loads_with_sourced_rates():
    cards = bundled_rate_cards()
    assert set(cards) == {
        "nihr", "whitworth", "co_production_collective", "blue_heart", "tewv", "skills_for_care"
    }  # fmt: skip
    for card in cards.values():
        assert card.rates
        assert all(rate.source.strip() for rate in card.rates)
        assert all(type(rate.amount.amount) is Decimal for rate in card.rates)


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


def test_nihr_uplift_boundary_day_before_on_and_after():
    card = bundled_rate_card("nihr")
    meeting = ActivityKind.MEETING, RateUnit.HOUR
    assert card.rate(*meeting, dt.date(2025, 12, 15)).amount == Money.gbp("25.00")
    assert card.rate(*meeting, dt.date(2025, 12, 16)).amount == Money.gbp("27.50")
    assert card.rate(*meeting, dt.date(2025, 12, 17)).amount == Money.gbp("27.50")
    assert not card.rate(*meeting, dt.date(2025, 12, 16)).verified


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
        ('source = "My policy v1"\n', "", "rates[0].source"),
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
    assert len(rows) == sum(len(card.rates) for card in bundled_rate_cards().values())
    assert "| `whitworth` | advisory_group | session | 90.00 GBP | 2022-07-01 |" in table
    assert "27.50 GBP | 2025-12-16 |" in table
    assert "**no**" in table
