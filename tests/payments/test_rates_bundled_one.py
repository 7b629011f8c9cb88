""":func:`participatory.payments.rates.bundled_rate_card` reads the card asked for, not all.

A project naming one bundled card (or a card file extending one) used to read and check
every bundled card first. Each card is now read when first asked for, and is the same object
:func:`~participatory.payments.rates.bundled_rate_cards` holds under its name.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from participatory.core.errors import UnsupportedCase, ValidationError
from participatory.payments.rates import bundled_rate_card, bundled_rate_cards


def test_one_card_asked_for_in_a_fresh_process_reads_that_card_alone() -> None:
    probe = (
        "from participatory.payments import rates\n"
        "card = rates.bundled_rate_card('whitworth')\n"
        "print(card.id, rates._bundled_card.cache_info().currsize,"
        " rates._bundled_text.cache_info().currsize)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    card_id, built, read = done.stdout.split()
    assert card_id == bundled_rate_card("whitworth").id
    assert (built, read) == ("1", "1")


@pytest.mark.parametrize("name", sorted(bundled_rate_cards()))
def test_each_card_is_the_one_the_whole_set_holds(name: str) -> None:
    assert bundled_rate_card(name) is bundled_rate_cards()[name]


def test_an_unknown_name_lists_every_bundled_card_in_order() -> None:
    names = ", ".join(bundled_rate_cards())
    with pytest.raises(UnsupportedCase) as refused:
        bundled_rate_card("no_such_card")
    assert "a bundled rate card named 'no_such_card'" in str(refused.value)
    assert f"use one of {names}" in str(refused.value)
    assert list(bundled_rate_cards()) == sorted(bundled_rate_cards())


@pytest.mark.parametrize("name", [["whitworth"], None, b"nihr"])
def test_a_name_that_is_not_text_is_the_librarys_own_error(name: object) -> None:
    """Once a TypeError from looking an unhashable list up; now the library's own error."""
    with pytest.raises(ValidationError, match=r"^name: must be a card's name \(text\), not "):
        bundled_rate_card(name)  # type: ignore[arg-type]
