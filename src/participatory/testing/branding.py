"""Hypothesis strategies for report branding, for testing pages an institution brands.

:func:`brandings` draws valid :class:`~participatory.render.branding.Branding`: names full
of markup characters, colours dark enough for text on white, and sometimes a small logo
(PNG, JPEG or plain SVG). :func:`colours` draws any ``#rrggbb`` colour, for checking that
the contrast rule refuses exactly the light ones.

>>> from hypothesis import given
>>> from participatory.render.branding import MIN_CONTRAST, contrast_ratio
>>> @given(brandings())
... def check(branding):
...     assert contrast_ratio(branding.primary, "#ffffff") >= MIN_CONTRAST
>>> check()
"""

from hypothesis import strategies as st

from participatory.render.branding import MIN_CONTRAST, Branding, Logo, contrast_ratio

__all__ = ["brandings", "colours", "logos"]

_NAME_ALPHABET = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ<>&\"'é£-/."


def colours() -> st.SearchStrategy[str]:
    """Any colour written ``#rrggbb`` (lower case)."""
    return st.integers(0, 0xFFFFFF).map(lambda value: f"#{value:06x}")


def _readable() -> st.SearchStrategy[str]:
    # Half of all colours are too light; drawing from the dark half keeps filtering cheap.
    dark = st.tuples(st.integers(0, 150), st.integers(0, 150), st.integers(0, 150)).map(
        lambda rgb: "#{:02x}{:02x}{:02x}".format(*rgb)
    )
    return dark.filter(lambda colour: contrast_ratio(colour, "#ffffff") >= MIN_CONTRAST)


def logos() -> st.SearchStrategy[Logo]:
    """Small logos of each kind accepted: PNG, JPEG or a plain-drawing SVG."""
    png = st.binary(max_size=64).map(lambda tail: Logo(b"\x89PNG\r\n\x1a\n" + tail))
    jpeg = st.binary(max_size=64).map(lambda tail: Logo(b"\xff\xd8\xff" + tail))
    svg = st.integers(1, 40).map(
        lambda r: Logo(
            f'<svg xmlns="http://www.w3.org/2000/svg"><circle r="{r}"/></svg>'.encode("ascii")
        )
    )
    return st.one_of(png, jpeg, svg)


@st.composite
def brandings(draw: st.DrawFn) -> Branding:
    """Valid brandings: any one-line name, readable colours, and a logo or none."""
    name = draw(st.text(alphabet=_NAME_ALPHABET, min_size=1, max_size=40).filter(str.strip))
    return Branding(
        institution=name,
        logo=draw(st.none() | logos()),
        primary=draw(_readable()),
        accent=draw(_readable()),
    )
