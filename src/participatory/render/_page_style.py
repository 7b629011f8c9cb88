"""The HTML report's style sheet, for the screen and for paper, in one institution's colours.

On screen: one readable column, a skip link that appears when focused, a table of
contents, and each finding's severity as a word and a coloured bar. On paper
(``@media print``): the contents, skip link and notes for developers are left out, links
print as their text with a web address after it, a finding, a figure or a heading is
never split from what follows it across pages, and everything reads in black and white
(the severity is a word; its bar is solid, dashed or dotted as well as coloured).

Every colour is one of the palette's or a branding colour already checked to be
``#rrggbb``: nothing else from outside reaches the style sheet.

>>> from participatory.render.branding import Branding
>>> "@media print" in style_sheet(None)
True
>>> "color: #00205b" in style_sheet(Branding("Uni", primary="#00205b"))
True
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from participatory.core.explain import Severity
from participatory.render.branding import DEFAULT_ACCENT, DEFAULT_PRIMARY, Branding

__all__ = ["PALETTE", "style_sheet"]

#: Colours used on the white page; each reaches at least 4.5:1 contrast against white.
PALETTE: Final[Mapping[str, str]] = MappingProxyType(
    {
        "text": "#1b1b1b",
        "muted": "#4a4a4a",
        "link": DEFAULT_ACCENT,
        "info": "#4a4a4a",
        "met": "#1d6b35",
        "advice": "#0b4f8a",
        "warning": "#7a4a00",
        "question": "#005a70",
        "problem": "#a4161a",
        "refer": "#5b2a86",
    }
)

# On paper, in black and white, the bar beside a finding still tells the serious apart.
_PRINTED_BAR: Final[Mapping[str, str]] = MappingProxyType(
    {"refer": "double", "problem": "solid", "question": "dashed", "warning": "dashed"}
)


def _severities() -> str:
    rules = []
    for severity in Severity:
        colour = PALETTE.get(severity.value, PALETTE["text"])
        rules.append(
            f"ul.findings li.sev-{severity.value} {{ border-left-color: {colour}; }}\n"
            f".sev-{severity.value} .sev {{ color: {colour}; }}"
        )
    return "\n".join(rules)


def _printed_bars() -> str:
    return "\n".join(
        f"  ul.findings li.sev-{severity.value} {{ border-left-style: "
        f"{_PRINTED_BAR.get(severity.value, 'dotted')}; }}"
        for severity in Severity
    )


def style_sheet(branding: Branding | None) -> str:
    """The page's style sheet, in ``branding``'s colours (the neutral look without it)."""
    primary = branding.primary if branding is not None else DEFAULT_PRIMARY
    accent = branding.accent if branding is not None else DEFAULT_ACCENT
    return f"""
body {{ font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.5;
  color: {PALETTE["text"]}; background: #ffffff; margin: 0; }}
header, nav, main, footer {{ max-width: 50rem; margin: 0 auto; padding: 0 1.25rem; }}
header {{ padding-top: 1rem; border-bottom: 4px solid {primary}; }}
main {{ padding-bottom: 2rem; }}
footer {{ border-top: 1px solid #d0d0d0; padding-top: 0.5rem; padding-bottom: 2rem;
  color: {PALETTE["muted"]}; }}
.institution {{ display: flex; align-items: center; gap: 0.75rem; margin: 0;
  font-weight: 600; color: {primary}; }}
.institution img {{ max-height: 3rem; max-width: 12rem; }}
h1, h2 {{ color: {primary}; }}
h1 {{ font-size: 1.75rem; margin-bottom: 0.25rem; }}
h2 {{ font-size: 1.35rem; margin-top: 2.5rem; border-bottom: 2px solid #d0d0d0; }}
h3 {{ font-size: 1.05rem; margin-bottom: 0.25rem; }}
a {{ color: {accent}; }}
a:focus {{ outline: 3px solid #ffbf47; outline-offset: 1px; background: #ffbf47;
  color: #0b0c0c; }}
.skip {{ position: absolute; left: -9999px; top: 0; padding: 0.5rem 0.75rem; }}
.skip:focus {{ left: 0.5rem; top: 0.5rem; }}
nav h2 {{ margin-top: 1.5rem; }}
nav ol {{ padding-left: 1.5rem; }}
nav .count {{ color: {PALETTE["muted"]}; }}
main:focus {{ outline: none; }}
.summary {{ font-weight: 600; }}
.notice {{ border: 2px solid {PALETTE["text"]}; padding: 0.5rem 0.75rem; }}
.caveat, .verified {{ color: {PALETTE["muted"]}; }}
ul.findings {{ list-style: none; padding-left: 0; }}
ul.findings li {{ border-left: 0.4rem solid; padding: 0.25rem 0 0.25rem 0.75rem;
  margin-bottom: 0.6rem; }}
.sev {{ font-weight: 700; }}
table {{ border-collapse: collapse; }}
th, td {{ text-align: left; padding: 0.25rem 1rem 0.25rem 0; border-bottom: 1px solid #d0d0d0; }}
td {{ text-align: right; font-variant-numeric: tabular-nums; }}
details.developers code {{ font-size: 0.9rem; }}
{_severities()}
@media print {{
  @page {{ margin: 18mm 16mm; }}
  body {{ font-size: 11pt; color: #000000; }}
  header, nav, main, footer {{ max-width: none; padding: 0; }}
  .skip, nav, details.developers {{ display: none; }}
  h1, h2, .institution {{ color: #000000; }}
  a {{ color: #000000; text-decoration: none; }}
  a[href^="http"]:not(.url)::after {{ content: " (" attr(href) ")"; font-size: 0.9em;
    overflow-wrap: anywhere; }}
  a.url {{ overflow-wrap: anywhere; }}
  .sev {{ color: #000000; }}
  h2, h3 {{ break-after: avoid; page-break-after: avoid; }}
  ul.findings li, tr, .notice, ol li, .summary {{ break-inside: avoid;
    page-break-inside: avoid; }}
  table {{ break-inside: auto; }}
{_printed_bars()}
}}
"""
