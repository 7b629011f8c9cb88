"""Round 16's outside attack on the SVG logo filter: references outside the image got through.

The how-to promises that a logo with "references to anything outside the image" is
refused, but the filter checked only a ``<style>`` element's first text and only the
spelling ``url(``:

- ``<style>a{}<title/>rect{fill:url(http://…)}</style>``: browsers read the text after the
  child element as style sheet too; a ``<style>`` holding elements is now refused.
- ``image-set("https://…" 1x)``, ``image("…")`` and ``src("…")`` fetch a plain string with
  no ``url(``; they are refused, and a style sheet may use only the CSS functions the
  library knows to draw, compute or select.
- ``xml:base`` and an ``<?xml-stylesheet?>`` instruction, which ElementTree drops before
  any check, point outside the image too.
"""

from __future__ import annotations

import pytest

from participatory.core.errors import ValidationError
from participatory.render.branding import Logo

SVG = '<svg xmlns="http://www.w3.org/2000/svg">{}<rect width="4" height="4"/></svg>'
FAR = "https://evil.example/t.png"


@pytest.mark.parametrize(
    ("inside", "why"),
    [
        # The tester's case: the url( sits in the <title>'s tail, still the style sheet.
        ("<style>a{}<title/>rect{fill:url(http://evil.example/x)}</style>", "<style> holds"),
        (f"<style>a{{}}<![CDATA[ ]]><title/>rect{{fill:url({FAR})}}</style>", "<style> holds"),
        (f'<style>rect{{background-image:image-set("{FAR}" 1x)}}</style>', "outside the image"),
        (f'<style>rect{{mask:-webkit-image-set("{FAR}" 1x)}}</style>', "outside the image"),
        (f'<style>rect{{mask-image:image("{FAR}")}}</style>', "outside the image"),
        (f'<style>@font-face{{font-family:x;src:src("{FAR}")}}</style>', "outside the image"),
        (f"<style>rect{{mask:image-set(/* 1x */'{FAR}' 1x)}}</style>", "outside the image"),
        (f"<rect style=\"background-image:image-set('{FAR}' 1x)\"/>", "outside the image"),
        (f"<rect style=\"mask-image:IMAGE('{FAR}')\"/>", "outside the image"),
        # A presentation attribute is read as CSS too.
        (f"<rect mask=\"image-set('{FAR}' 1x)\"/>", "outside the image"),
        # A function the library does not know is refused, fetching or not.
        ("<style>rect{fill:paint(checker)}</style>", "CSS function (paint())"),
        ('<rect style="fill:attr(data-colour type(&lt;color&gt;))"/>', "CSS function (attr())"),
        # A comment hides a name from neither check: read with and without it.
        (f'<style>rect{{fill:im/**/age-set("{FAR}" 1x)}}</style>', "outside the image"),
        ('<g xml:base="https://evil.example/"><use href="#a"/></g>', "links outside"),
    ],
)
def test_an_svg_style_that_can_fetch_is_refused(inside: str, why: str) -> None:
    with pytest.raises(ValidationError, match=r"^logo: ") as refused:
        Logo(SVG.format(inside).encode())
    assert why in refused.value.problem
    assert "evil" not in str(refused.value)  # the address is never repeated


def test_a_style_sheet_processing_instruction_is_refused() -> None:
    svg = f'<?xml version="1.0"?><?xml-stylesheet href="{FAR}"?>' + SVG.format("")
    with pytest.raises(ValidationError, match="processing instruction"):
        Logo(svg.encode())


def test_drawing_css_and_an_editors_own_attributes_are_still_kept() -> None:
    # A guard, not a break (this logo was kept before too): the functions a drawing
    # program writes, a vendor-prefixed gradient, a selector function, a comment, and an
    # Inkscape attribute naming a file "image(1).svg", which no browser reads as CSS.
    svg = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<svg xmlns="http://www.w3.org/2000/svg" '
        'xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" '
        'sodipodi:docname="image(1).svg">'
        '<defs><linearGradient id="g"><stop offset="0" stop-color="rgb(0, 32, 91)"/>'
        "</linearGradient></defs>"
        "<style>/* made with tool(v2) */ .a { fill: url(#g); opacity: calc(1 - 0.2) }"
        " rect:not(.a) { fill: hsl(210 50% 20%); filter: drop-shadow(0 0 1px #000) }"
        " .b { background: -webkit-linear-gradient(left, #fff, #000) }</style>"
        '<rect class="a" transform="translate(1 2) rotate(5)" style="fill: url( \'#g\' )"'
        ' width="4" height="4"/></svg>'
    )
    assert Logo(svg.encode()).media_type == "image/svg+xml"
