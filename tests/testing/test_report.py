""":mod:`participatory.testing.report`: unit tests.

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

from participatory.testing.report import html_problems


def test_html_problems_finds_what_it_should():
    assert html_problems('<html lang="cy"><h1>a</h1><p>b</p></html>', lang="cy") == []
    assert html_problems('<html lang="cy"><h2>a</h2><img src="x.png"></html>', lang="en-GB") == [
        "<h2> skips a heading level",
        "<img> loads or runs something outside the page",
        "a page needs exactly one <h1>",
        "<html lang> is 'cy', not 'en-GB'",
    ]


def test_an_image_carried_in_the_page_loads_nothing_from_outside():
    page = (
        '<html lang="en-GB"><h1>a</h1><img src="data:image/png;base64,iVBORw0KGgo=" alt=""></html>'
    )
    assert html_problems(page, lang="en-GB") == []
    # A data: URI that is not an image (a script, a page) is still refused.
    page = '<html lang="en-GB"><h1>a</h1><img src="data:text/html,x" alt=""></html>'
    assert html_problems(page, lang="en-GB") == ["<img> loads or runs something outside the page"]
