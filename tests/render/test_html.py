""":mod:`participatory.render.html`: unit tests.

Rendering a hand-built governance report in every format and both locales.

The report (a river citizen-science project, as at 25 November 2026):
- Payments: payment P1 of £90.00 to Sam, paid 20 November 2026, 3 working days after its
  17 November deadline (a warning); fees planned £1,350.00; 12.5% of the budget held by
  community partners (1/8 as a share); 6 contributors.
- Benefits: a sensitive Carer's Allowance finding (a problem) whose values hold SENTINEL,
  and a sensitive figure whose value is SENTINEL; the action "Tell the Carer's Allowance
  Unit about the earnings for that week."
Both sections cite sources, one verified and one not.
"""

from __future__ import annotations

import pytest

from participatory.render.html import PALETTE


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("name", sorted(PALETTE))
def test_every_colour_has_wcag_aa_contrast_on_white(name):
    ratio = (1.0 + 0.05) / (_luminance(PALETTE[name]) + 0.05)
    assert ratio >= 4.5, (name, ratio)
