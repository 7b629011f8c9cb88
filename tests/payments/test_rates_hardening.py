""":mod:`participatory.payments.rates`: hardening: bad input at its boundaries.

Bad input at every boundary that exists: the library's own error with a place, or a result.

Each boundary (a file loader, the command line) gets valid files broken one way at a time
(:mod:`participatory.testing.bad_input`) and random text. Every input must end in a
:class:`~participatory.core.errors.ParticipatoryError` that says where the problem is, or
in a valid result: never another exception, never a hang. The counts are printed at the
end of the run ("hardening: N inputs tried at <boundary>").

Out-of-date rules: past the last verified figures, an engine refuses or says so.

Benefit and payment figures change every April. A card with a known end (``valid_until``)
must raise :class:`~participatory.core.errors.ParametersNotAvailable` on the day after it. A
card in force until superseded is used after the day it was last checked, and says so once
that is longer ago than the review interval (``PAY-RATE-REVIEW-DUE``).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.core.errors import (
    ParametersNotAvailable,
    ParticipatoryError,
    UnsupportedCase,
)
from participatory.payments import (
    bundled_rate_cards,
    cost_activity,
)
from participatory.payments.costing import Duration
from participatory.payments.rates import (
    ActivityKind,
    RateCard,
    RateUnit,
    load_rate_card,
    parse_rate_card,
)
from participatory.testing.bad_input import toml_texts
from tests.fuzzing import (
    FUZZ,
    INSTITUTION_CARD,
    RATE_CARD,
    outcome,
)


@FUZZ
@given(toml_texts(*RATE_CARD))
def test_rate_cards(tried: Counter[str], text: str) -> None:
    """parse_rate_card: a ParameterFileError naming the key, or a card."""
    tried["parse_rate_card"] += 1
    result = outcome(lambda: parse_rate_card(text, "fuzz.toml"))
    assert isinstance(result, RateCard | ParticipatoryError)


@FUZZ
@given(toml_texts(*INSTITUTION_CARD), st.sampled_from([None, "nihr", "whitworth", "nobody"]))
def test_institution_rate_card_files(tried: Counter[str], text: str, base: str | None) -> None:
    """load_rate_card, laid over a bundled card (or a card that does not exist)."""
    tried["load_rate_card"] += 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "card.toml"
        path.write_text(text, encoding="utf-8")
        result = outcome(lambda: load_rate_card(path, base=base))
    assert isinstance(result, RateCard | ParticipatoryError)


_ONE_DAY = dt.timedelta(days=1)


@pytest.mark.parametrize("card_id", sorted(bundled_rate_cards()))
def test_every_rate_card_refuses_dates_past_its_data(card_id: str, tried: Counter[str]) -> None:
    """Costing on the day after a card's known end raises, naming the last covered day;
    a card in force until superseded says it is due a re-check instead."""
    card = bundled_rate_cards()[card_id]
    if not card.rates:
        # NIHR's card holds no amount (its table was never read): it refuses on any day.
        tried["cards without rates"] += 1
        later = card.checked_on + dt.timedelta(days=366) if card.checked_on else dt.date.max
        with pytest.raises(UnsupportedCase, match="holds no rates"):
            cost_activity(card, ActivityKind.MEETING, Duration.hours(1), as_at=later)
        return
    if card.valid_until is None:
        assert card.checked_on is not None
        later = card.checked_on + dt.timedelta(days=366)
        rate = card.rates[-1]
        tried["unchecked dates (rate cards)"] += 1
        units = {
            RateUnit.HOUR: Duration.hours(1),
            RateUnit.SESSION: Duration.sessions(1),
            RateUnit.HALF_DAY: Duration.half_days(1),
            RateUnit.DAY: Duration.days(1),
        }
        costed = cost_activity(card, rate.activity, units[rate.unit], as_at=later)
        assert costed.has("PAY-RATE-REVIEW-DUE")
        assert all(use.review_due for use in costed.by_rule("PAY-RATE-REVIEW-DUE")[0].parameters)
        return
    for rate in card.rates:
        tried["stale dates (rate cards)"] += 1
        with pytest.raises(ParametersNotAvailable) as caught:
            card.rate(rate.activity, rate.unit, card.valid_until + _ONE_DAY)
        assert caught.value.covered_until == card.valid_until
    hourly = [rate.activity for rate in card.rates if rate.unit is RateUnit.HOUR]
    if hourly:
        with pytest.raises(ParametersNotAvailable):
            cost_activity(card, hourly[0], Duration.hours(1), as_at=card.valid_until + _ONE_DAY)


@pytest.mark.parametrize("path", [None, b"card.toml", "card\x00.toml", ["card.toml"]])
def test_a_card_file_not_named_by_a_path_is_the_librarys_error(path: object) -> None:
    """Once ``TypeError`` from ``Path(None)`` or ``ValueError`` from ``open``."""
    from participatory.core.errors import ParameterFileError

    with pytest.raises(ParameterFileError, match=r"^<path>: the file"):
        load_rate_card(path)  # type: ignore[arg-type]


def test_a_card_file_descriptor_is_neither_read_nor_closed() -> None:
    import os

    from participatory.core.errors import ParameterFileError

    read_end, write_end = os.pipe()
    try:
        os.write(write_end, b"[meta]\n")
        with pytest.raises(ParameterFileError, match="named by a path"):
            load_rate_card(read_end)  # type: ignore[arg-type]
        assert os.read(read_end, 100) == b"[meta]\n"
    finally:
        os.close(read_end)
        os.close(write_end)


@pytest.mark.parametrize("text", [None, b"[meta]"])
def test_a_cards_text_must_be_text(text: object) -> None:
    from participatory.core.errors import ParameterFileError
    from participatory.payments.rates import read_rate_card

    with pytest.raises(ParameterFileError) as caught:
        read_rate_card(text, "card.toml")  # type: ignore[arg-type]
    assert str(caught.value) == "card.toml: must be given as text (a str)"


def test_a_base_that_is_neither_a_card_nor_a_name_is_refused() -> None:
    from participatory.core.errors import ValidationError

    card = Path(__file__).parents[2] / "examples" / "institution-rate-card.toml"
    with pytest.raises(ValidationError, match=r"^base: must be a RateCard or a card's name"):
        load_rate_card(card, base=["whitworth"])  # type: ignore[arg-type]
