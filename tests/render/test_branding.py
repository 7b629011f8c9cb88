""":mod:`participatory.render.branding`: an institution's name, logo and colours, checked.

Contrast ratios worked by hand from the WCAG 2.2 definition (relative luminance L of each
sRGB channel c/255, linearised; ratio (L1 + 0.05) / (L2 + 0.05)):
- white on white: 1:1; black on white: (1 + 0.05) / (0 + 0.05) = 21:1.
- #767676 on white: each channel 118/255 = 0.4627, linear ((0.4627 + 0.055) / 1.055)^2.4
  = 0.1812, so (1.05) / (0.2312) = 4.54:1, just above AA's 4.5:1 (the lightest grey
  commonly quoted as passing).
- #777777: 119/255 = 0.4667, linear 0.1845, ratio 1.05 / 0.2345 = 4.48:1, just below.
- #ffbf47 (a focus yellow): 1.6:1, far below.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

from participatory.cli import main
from participatory.core.errors import ParameterFileError, ValidationError
from participatory.render.branding import (
    MAX_LOGO_BYTES,
    MIN_CONTRAST,
    Branding,
    Logo,
    contrast_ratio,
    load_branding,
)
from participatory.testing.branding import colours

PNG = b"\x89PNG\r\n\x1a\n" + bytes(32)
JPEG = b"\xff\xd8\xff\xe0" + bytes(32)
SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'
ROOT = Path(__file__).parents[2]


def test_contrast_ratios_worked_by_hand():
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffbf47", "#ffffff") == pytest.approx(1.6, abs=0.05)


def test_a_colour_just_dark_enough_is_kept_and_one_just_too_light_is_refused():
    assert Branding("Uni", primary="#767676").primary == "#767676"
    with pytest.raises(ValidationError) as refused:
        Branding("Uni", primary="#777777")
    assert refused.value.path == "primary"
    assert "4.5:1" in refused.value.problem
    assert "4.5:1 (WCAG AA)" in str(refused.value)
    assert "darker" in str(refused.value)


@pytest.mark.parametrize("bad", ["red", "#fff", "#12345g", "#1234567", "00205b", "", 0x00205B])
@pytest.mark.parametrize("field", ["primary", "accent"])
def test_a_colour_not_written_rrggbb_is_refused_naming_the_field(field, bad):
    with pytest.raises(ValidationError, match=rf"^{field}: must be a colour written #rrggbb"):
        Branding("Uni", **{field: bad})


def test_colours_are_kept_in_lower_case():
    assert Branding("Uni", accent="#8A1538").accent == "#8a1538"


@given(colours())
def test_a_colour_is_accepted_exactly_when_text_in_it_reaches_aa_on_white(colour):
    if contrast_ratio(colour, "#ffffff") >= MIN_CONTRAST:
        assert Branding("Uni", accent=colour).accent == colour
    else:
        with pytest.raises(ValidationError, match=r"^accent: has contrast"):
            Branding("Uni", accent=colour)


@pytest.mark.parametrize("name", ["", "   ", "a\nb", "bell\x07", "x" * 201, None])
def test_an_unusable_name_is_refused(name):
    with pytest.raises(ValidationError, match=r"^institution: "):
        Branding(name)


def test_the_neutral_colours_are_the_defaults():
    branding = Branding("Uni")
    assert (branding.primary, branding.accent, branding.logo) == ("#1b1b1b", "#0b4f8a", None)


@pytest.mark.parametrize(
    ("data", "kind"),
    [(PNG, "image/png"), (JPEG, "image/jpeg"), (f"<svg {SVG_NS}/>".encode(), "image/svg+xml")],
)
def test_a_logo_kind_is_read_from_its_bytes(data, kind):
    logo = Logo(data)
    assert logo.media_type == kind
    assert logo.data_uri().startswith(f"data:{kind};base64,")
    assert str(len(data)) in repr(logo)  # never the bytes themselves


@pytest.mark.parametrize(
    ("svg", "why"),
    [
        (f"<svg {SVG_NS}><script>alert(1)</script></svg>", "<script> element"),
        (f'<svg {SVG_NS} onload="alert(1)"><rect/></svg>', "event handler (onload)"),
        (f'<svg {SVG_NS}><rect onclick="x()"/></svg>', "event handler (onclick)"),
        (f"<svg {SVG_NS}><foreignObject><p>x</p></foreignObject></svg>", "<foreignObject>"),
        (f'<svg {SVG_NS}><image href="https://example.org/x.png"/></svg>', "<image>"),
        (
            f'<svg {SVG_NS} xmlns:x="http://www.w3.org/1999/xlink">'
            '<use x:href="https://example.org/a.svg#b"/></svg>',
            "links outside the image",
        ),
        (f'<svg {SVG_NS}><a href="javascript:alert(1)"><rect/></a></svg>', "<a> element"),
        (f'<svg {SVG_NS}><rect style="fill:url(https://e.org/f)"/></svg>', "outside the image"),
        (f"<svg {SVG_NS}><style>@import url(x.css);</style></svg>", "outside the image"),
        (
            f'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg {SVG_NS}><text>&a;</text></svg>',
            "document type declaration",
        ),
        (
            f'<svg {SVG_NS}><h:script xmlns:h="http://www.w3.org/1999/xhtml">x</h:script></svg>',
            "<script> element",
        ),
        ("<svg><rect/></svg>", "not an SVG document"),
        (f"<svg {SVG_NS}><rect>", "not a well-formed SVG"),
    ],
)
def test_an_svg_that_could_run_or_fetch_anything_is_refused(svg, why):
    with pytest.raises(ValidationError, match=r"^logo: ") as refused:
        Logo(svg.encode("utf-8"))
    assert why in refused.value.problem


def test_a_plain_drawing_svg_with_editor_metadata_and_local_references_is_kept():
    svg = (
        f'<svg {SVG_NS} xmlns:xlink="http://www.w3.org/1999/xlink" '
        'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1.3">'
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#00205b"/></linearGradient>'
        '<symbol id="s"><circle r="3"/></symbol></defs>'
        "<style>.a { fill: url(#g); }</style>"
        '<use xlink:href="#s"/><rect class="a" style="fill: url(#g)" width="4" height="4"/>'
        "<text>UoE</text></svg>"
    )
    assert Logo(svg.encode()).media_type == "image/svg+xml"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "is empty"),
        (b"GIF89a" + bytes(10), "is not a PNG, JPEG or SVG image"),
        (PNG + bytes(MAX_LOGO_BYTES), f"is larger than {MAX_LOGO_BYTES:,} bytes"),
        ("not bytes", "must be the image file's bytes"),
    ],
)
def test_a_logo_that_is_not_a_small_image_is_refused(data, problem):
    with pytest.raises(ValidationError, match=r"^logo: ") as refused:
        Logo(data)
    assert problem in refused.value.problem


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_branding_file_is_read_with_its_logo_beside_it(tmp_path):
    (tmp_path / "logo.png").write_bytes(PNG)
    toml = _write(
        tmp_path,
        "brand.toml",
        'institution = "University of Example"\nlogo = "logo.png"\n'
        'primary = "#00205b"\naccent = "#8a1538"\n',
    )
    branding = load_branding(toml)
    assert branding == Branding(
        "University of Example", logo=Logo(PNG), primary="#00205b", accent="#8a1538"
    )
    as_json = _write(tmp_path, "brand.json", json.dumps({"institution": "University of Example"}))
    assert load_branding(as_json) == Branding("University of Example")


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        ('institution = "U"\ncolour = "#000000"\n', "colour", "is not a branding setting"),
        ('institution = "U"\nprimary = "#dddddd"\n', "primary", "has contrast 1.4:1"),
        ('institution = "U"\naccent = "blue"\n', "accent", "must be a colour written #rrggbb"),
        ('primary = "#00205b"\n', "institution", "is missing"),
        ('institution = "U"\nlogo = 3\n', "logo", "must be the path of an image file"),
        ('institution = "U"\nlogo = "bad.svg"\n', "logo", "<script> element"),
    ],
)
def test_a_bad_branding_file_names_the_file_and_the_setting(tmp_path, text, key, problem):
    _write(tmp_path, "bad.svg", f"<svg {SVG_NS}><script>x()</script></svg>")
    path = _write(tmp_path, "brand.toml", text)
    with pytest.raises(ParameterFileError) as refused:
        load_branding(path)
    assert (refused.value.file, refused.value.key) == (str(path), key)
    assert problem in refused.value.problem


def test_a_missing_or_oversized_logo_file_is_named(tmp_path):
    path = _write(tmp_path, "brand.toml", 'institution = "U"\nlogo = "gone.png"\n')
    with pytest.raises(ParameterFileError, match=r"gone\.png: cannot be read"):
        load_branding(path)
    (tmp_path / "big.png").write_bytes(PNG + bytes(MAX_LOGO_BYTES))
    path = _write(tmp_path, "brand.toml", 'institution = "U"\nlogo = "big.png"\n')
    with pytest.raises(ParameterFileError, match=r"big\.png: is larger than"):
        load_branding(path)


def test_assess_brands_the_html_report(tmp_path, capsys):
    brand = _write(tmp_path, "brand.toml", 'institution = "ZZ <Uni>"\nprimary = "#00205b"\n')
    project = str(ROOT / "examples" / "river-citizen-science.toml")
    args = ["assess", project, "--as-at", "2026-10-01", "--format", "html", "--brand", str(brand)]
    assert main(args) == 0
    page = capsys.readouterr().out
    assert "<span>ZZ &lt;Uni&gt;</span>" in page
    assert "h1, h2 { color: #00205b; }" in page


def test_assess_refuses_a_bad_branding_file_before_printing(tmp_path, capsys):
    brand = _write(tmp_path, "brand.toml", 'institution = "U"\naccent = "#eeeeee"\n')
    project = str(ROOT / "examples" / "river-citizen-science.toml")
    args = ["assess", project, "--as-at", "2026-10-01", "--format", "html", "--brand", str(brand)]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{brand}: accent: has contrast" in captured.err


def test_a_css_escape_in_an_svg_style_is_refused():
    svg = f"<svg {SVG_NS}><style>.a {{ fill: \\75 rl(https://e.org/f) }}</style></svg>"
    with pytest.raises(ValidationError, match="outside the image"):
        Logo(svg.encode())
