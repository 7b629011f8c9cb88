"""An institution's own look for its HTML reports: its name, its logo and two colours.

Without branding a report has the library's neutral look. With it, the page's header
names the institution beside its logo, headings take its primary colour and links its
accent colour. Everything the page says stays the same, and so do the colours that carry
meaning (each severity's colour, always beside its word).

Both colours are used as text on the white page, so each must reach the WCAG AA contrast
of 4.5:1 against white; a lighter colour is refused, with the ratio it reaches, rather
than quietly darkened (the institution's colour would no longer be its own). Colours are
written ``#rrggbb``; nothing else reaches the style sheet, and the name is escaped like
every other text on the page. The logo is embedded, never fetched
(:class:`Logo` says what it may be; see below).

>>> Branding("Prifysgol <Aber> & Co", primary="#00205B").primary
'#00205b'
>>> Branding("Uni", accent="#ffbf47")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
participatory.core.errors.ValidationError: accent: has contrast 1.6:1 against the white page; ...
>>> round(contrast_ratio("#0b4f8a", "#ffffff"), 1)
8.4

A branding file (TOML or JSON) names the same four things; ``logo`` is a path relative
to the file, read when the file is loaded (see :func:`load_branding`)::

    institution = "University of Example"
    logo = "logo.png"
    primary = "#00205b"
    accent = "#8a1538"

**The logo** is the image file's bytes, kept whole and embedded in the page as a
``data:`` URI, so the page stays one self-contained file that fetches nothing (a URL would
let a report call home, or break when the address moves). Its kind is read from the bytes
themselves, never from a file name: PNG, JPEG or SVG, and nothing else, at most
:data:`MAX_LOGO_BYTES`.

An SVG is a document that can hold scripts, event handlers and links to other files.
The page shows a logo only through ``<img>``, where browsers never run an SVG's scripts
nor fetch what it links to, and the page's content security policy forbids both again.
As a third guard an SVG is refused unless it is plain drawing: only drawing elements
(paths, shapes, text, gradients, groups), no ``<script>``, ``<foreignObject>``, event
handler (``on…``) attributes, document type declarations, entities or processing
instructions, and no reference outside the image itself: a link or ``url()`` must start
with ``#``, and ``@import``, ``xml:base``, CSS escapes and the CSS functions that fetch
from a plain string (``image-set()``, ``image()``, ``src()``) are refused. A style sheet
(a ``<style>`` element, which may hold no other elements, or a ``style`` attribute) may
use only CSS functions that draw, compute or select (``rgb()``, ``calc()``,
``translate()``, ``linear-gradient()``, ``:not()``…): one the library cannot tell fetches
nothing is refused. Raster formats carry no script at all, so a PNG is the safest choice.

>>> PNG = bytes.fromhex("89504e470d0a1a0a") + bytes(24)
>>> Logo(PNG).media_type
'image/png'
>>> Logo(b'<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>').media_type
'image/svg+xml'
>>> Logo(b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
Traceback (most recent call last):
...
participatory.core.errors.ValidationError: logo: is an SVG with a <script> element, ...
"""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from participatory.core import limits
from participatory.core.errors import ParameterFileError, ValidationError
from participatory.core.record import Record
from participatory.core.text import printable

__all__ = [
    "DEFAULT_ACCENT",
    "DEFAULT_PRIMARY",
    "LOGO_PLAIN_KEY",
    "MAX_LOGO_BYTES",
    "MIN_CONTRAST",
    "Branding",
    "Logo",
    "contrast_ratio",
    "load_branding",
]

#: The contrast text needs against its background (WCAG 2.2 AA, success criterion 1.4.3).
MIN_CONTRAST: Final = 4.5
#: The neutral look's heading colour (near-black).
DEFAULT_PRIMARY: Final = "#1b1b1b"
#: The neutral look's link colour (a dark blue).
DEFAULT_ACCENT: Final = "#0b4f8a"
#: The longest institution name shown.
MAX_NAME_LENGTH: Final = 200

_PAGE: Final = "#ffffff"
_COLOUR: Final = re.compile(r"#[0-9a-fA-F]{6}")
_KEYS: Final = ("institution", "logo", "primary", "accent")


#: The largest logo accepted, in bytes: a logo is a small mark, and every copy of the
#: page carries it.
MAX_LOGO_BYTES: Final = 256 * 1024
#: The key of a logo's plain form (:meth:`Logo.to_plain`): the image as base64 text.
LOGO_PLAIN_KEY: Final = "base64"
# The longest base64 text of a logo of MAX_LOGO_BYTES.
_LONGEST_LOGO_TEXT: Final = 4 * -(-MAX_LOGO_BYTES // 3)

_PNG: Final = b"\x89PNG\r\n\x1a\n"
_JPEG: Final = b"\xff\xd8\xff"
_SVG_NS: Final = "http://www.w3.org/2000/svg"
_XLINK_NS: Final = "http://www.w3.org/1999/xlink"

# What an SVG logo may draw with. Anything else (script, foreignObject, image, animation
# that could rewrite a link, iframe...) is refused rather than stripped: a changed logo
# would be a surprise, a refusal says what to fix.
_DRAWING: Final = frozenset(
    {
        "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "style",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "textPath",
        "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask",
        "filter", "feGaussianBlur", "feOffset", "feBlend", "feColorMatrix", "feFlood",
        "feComposite", "feMerge", "feMergeNode",
    }
)  # fmt: skip

# Drawing programs' own bookkeeping, which browsers ignore (never rendered, never run).
_EDITOR_NAMESPACES: Final = frozenset(
    {
        "http://www.inkscape.org/namespaces/inkscape",
        "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://purl.org/dc/elements/1.1/",
        "http://creativecommons.org/ns#",
        "http://ns.adobe.com/AdobeIllustrator/10.0/",
    }
)

# A reference outside the image: url(...) whose target is not a fragment, or @import; and
# any CSS escape, which could spell either without these letters ("\\75 rl("). The spaces
# are matched possessively: given back, "url( '#g')" matched as if its target were " ".
_OUTSIDE: Final = re.compile(r"url\(\s*+(?!['\"]?\s*+#)|@import|expression\s*\(|\\", re.IGNORECASE)
# CSS functions that fetch what a plain string names, with no url( in sight
# (image-set("https://…" 1x), image("…"), src("…")), vendor prefixes included; and
# cross-fade and element, which show other images. Refused in any attribute, where a
# presentation attribute (mask="…") is read as CSS.
_FETCHING: Final = re.compile(r"(?:image-set|image|src|cross-fade|element)\(", re.IGNORECASE)
# A CSS function's name, as it is written just before its "(" (a CSS function token).
_CSS_FUNCTION: Final = re.compile(r"([\w-]+)\(")
# A CSS string or comment, as a browser's tokenizer meets them from the left: a string
# (which ends at its quote or the line's end; no escapes, _OUTSIDE refuses them) is kept,
# a comment (or one left open to the end), which browsers skip, is dropped. A style is
# searched for what fetches as written and again without its comments, so a comment hides
# no name ("ur/**/l(" may join into a url( that is refused: a refusal too many, never one
# too few); its functions are read without comments, where a browser reads them.
_CSS_COMMENT: Final = re.compile(r"(\"[^\"\n]*\"?|'[^'\n]*'?)|/\*(?:.*?\*/|.*\Z)", re.DOTALL)
# The CSS functions a logo's style sheet may use: they draw, compute or select, and fetch
# nothing (url() too, whose target _OUTSIDE checks is a fragment). Any other is refused,
# not just those known to fetch: CSS keeps gaining functions that take an image or a
# string as a URL, and a style sheet the library cannot be sure of is no logo's.
_CSS_FUNCTIONS: Final = frozenset(
    {
        "url",
        # colours
        "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color",
        "color-mix", "light-dark",
        # numbers
        "calc", "min", "max", "clamp", "round", "mod", "rem", "abs", "sign", "sin", "cos",
        "tan", "asin", "acos", "atan", "atan2", "pow", "sqrt", "hypot", "log", "exp", "var",
        "env",
        # transforms
        "matrix", "matrix3d", "translate", "translatex", "translatey", "translatez",
        "translate3d", "scale", "scalex", "scaley", "scalez", "scale3d", "rotate", "rotatex",
        "rotatey", "rotatez", "rotate3d", "skew", "skewx", "skewy", "perspective",
        # gradients
        "linear-gradient", "radial-gradient", "conic-gradient", "repeating-linear-gradient",
        "repeating-radial-gradient", "repeating-conic-gradient",
        # filters
        "blur", "brightness", "contrast", "drop-shadow", "grayscale", "hue-rotate", "invert",
        "opacity", "saturate", "sepia",
        # timing, shapes, fonts installed on the reader's machine, counters
        "cubic-bezier", "steps", "linear", "inset", "circle", "ellipse", "polygon", "path",
        "rect", "xywh", "local", "format", "tech", "counter", "counters",
        # selectors
        "not", "is", "where", "has", "nth-child", "nth-last-child", "nth-of-type",
        "nth-last-of-type", "lang", "dir", "selector",
    }
)  # fmt: skip
_VENDOR_PREFIX: Final = re.compile(r"^-[a-z]+-")
_XML_NS: Final = "http://www.w3.org/XML/1998/namespace"
# A processing instruction other than the XML declaration: <?xml-stylesheet href="…"?>
# links a style sheet from outside, and ElementTree drops it before the checks below.
_INSTRUCTION: Final = re.compile(r"<\?(?!xml[\s?])", re.IGNORECASE)


def _css_problem(css: str, *, sheet: bool, fetching: bool = True) -> str | None:
    """Why the CSS ``css`` may refer outside the image, or None when it cannot.

    ``sheet`` is true for a style sheet or a ``style`` attribute, whose every function must
    be one of :data:`_CSS_FUNCTIONS`; any other attribute is only searched for what
    fetches (``fetching`` false: for a drawing program's own attributes, which browsers
    never read as CSS and which may name a file "image(1).svg"). See :data:`_CSS_COMMENT`
    for how comments are read.
    """
    uncommented = _CSS_COMMENT.sub(lambda found: found.group(1) or "", css)
    for text in (css, uncommented):
        if _OUTSIDE.search(text) or (fetching and _FETCHING.search(text)):
            return "refers to something outside the image"
    if not sheet:
        return None
    for found in _CSS_FUNCTION.finditer(uncommented):
        name = _VENDOR_PREFIX.sub("", found.group(1).lower())
        if name not in _CSS_FUNCTIONS:
            shown = found.group(1)
            said = f" ({shown}())" if shown.isascii() and len(shown) <= 40 else ""
            return f"uses a CSS function{said} that a logo may not hold"
    return None


def _name(tag: str) -> tuple[str, str]:
    """The namespace and local name of an ElementTree tag or attribute."""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def _svg_problem(data: bytes) -> str | None:
    """Why ``data`` is not a plain-drawing SVG, or None when it is one."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "is an SVG that is not UTF-8 text"
    if "<!DOCTYPE" in text.upper() or "<!ENTITY" in text.upper():
        return "is an SVG with a document type declaration, which a logo may not hold"
    if _INSTRUCTION.search(text):
        return "is an SVG with a processing instruction, which a logo may not hold"
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError:
        return "is not a well-formed SVG document"
    if _name(root.tag) != (_SVG_NS, "svg"):
        return "is not an SVG document (its root must be <svg> in the SVG namespace)"
    for element in root.iter():
        namespace, local = _name(element.tag)
        if namespace in _EDITOR_NAMESPACES:
            continue
        if namespace != _SVG_NS or local not in _DRAWING:
            return f"is an SVG with a <{local}> element, which a logo may not hold"
        if local == "style":
            # Browsers read the text after a child element (its tail) as style sheet too,
            # so a child could split the sheet where a check of .text alone stops reading.
            # A logo's style sheet has no use for one: refused outright.
            if len(element):
                return "is an SVG whose <style> holds other elements, which a logo's may not"
            problem = _css_problem("".join(element.itertext()), sheet=True)
            if problem is not None:
                return f"is an SVG whose style {problem}"
        for attribute, value in element.attrib.items():
            attribute_namespace, name = _name(attribute)
            if name.lower().startswith("on"):
                return f"is an SVG with an event handler ({name}), which a logo may not hold"
            linked = name == "href" and attribute_namespace in {"", _XLINK_NS}
            if linked and not value.strip().startswith("#"):
                return "is an SVG that links outside the image"
            if (attribute_namespace, name) == (_XML_NS, "base"):
                # A base address is only there to resolve links against one outside.
                return "is an SVG that links outside the image (xml:base)"
            sheet = attribute_namespace == "" and name == "style"
            problem = _css_problem(
                value, sheet=sheet, fetching=attribute_namespace not in _EDITOR_NAMESPACES
            )
            if problem is not None:
                return f"is an SVG that {problem}"
    return None


def _media_type(data: bytes) -> str:
    if data.startswith(_PNG):
        return "image/png"
    if data.startswith(_JPEG):
        return "image/jpeg"
    return "image/svg+xml"


def _check_data(_instance: object, _attribute: object, data: Any) -> None:
    if not isinstance(data, bytes):
        raise ValidationError("logo", "must be the image file's bytes")
    if not data:
        raise ValidationError("logo", "is empty")
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(
            "logo",
            f"is larger than {MAX_LOGO_BYTES:,} bytes",
            hint="a logo is shown about 3 rem high; export it smaller",
        )
    if data.startswith((_PNG, _JPEG)):
        return
    if b"<svg" not in data[:4096]:
        raise ValidationError("logo", "is not a PNG, JPEG or SVG image")
    problem = _svg_problem(data)
    if problem is not None:
        raise ValidationError("logo", problem, hint="use plain drawing, or a PNG")


def _base64_text(data: bytes) -> str:
    """``data`` as base64 text (RFC 4648 section 4, padded, one line)."""
    return base64.b64encode(data).decode("ascii")


@attrs.frozen
class Logo(Record):
    """A PNG, JPEG or SVG logo, checked when made (see the module notes for the SVG rules).

    The page shows it beside the institution's name, which says the same in words, so it
    is decorative there (``alt=""``): a screen reader reads the name once, not twice.
    """

    #: The image file's bytes, exactly as read.
    data: bytes = attrs.field(validator=_check_data, repr=lambda data: f"<{len(data)} bytes>")

    @property
    def media_type(self) -> str:
        """``image/png``, ``image/jpeg`` or ``image/svg+xml``, read from the bytes."""
        return _media_type(self.data)

    def data_uri(self) -> str:
        """The logo as a ``data:`` URI, for embedding in the page (base64: no markup in it)."""
        return f"data:{self.media_type};base64,{_base64_text(self.data)}"

    def to_plain(self) -> dict[str, str]:
        """The logo as plain data: ``{"base64": …}``, which :meth:`from_plain` reads back.

        JSON has no bytes, so the image is written as base64 text under a key that says so.

        >>> Logo(bytes.fromhex("89504e470d0a1a0a") + bytes(4)).to_plain()
        {'base64': 'iVBORw0KGgoAAAAA'}
        """
        return {LOGO_PLAIN_KEY: _base64_text(self.data)}

    @classmethod
    def from_plain(cls, value: object) -> Logo:
        """A logo from its plain form ``{"base64": …}``, checked as every logo is.

        Only the canonical text is read (the alphabet of RFC 4648 section 4, padded, no
        spaces or line breaks): the text read is the text :meth:`to_plain` writes.

        >>> Logo.from_plain({"base64": "iVBORw0KGgoAAAAA"}).media_type
        'image/png'
        >>> Logo.from_plain({"base64": "iVBORw0KGgo AAAAA"})
        Traceback (most recent call last):
        ...
        participatory.core.errors.ValidationError: base64: must be the image's bytes as base64 text (RFC 4648: A-Z, a-z, 0-9, + and /, padded with =, on one line)
        """  # noqa: E501
        if not isinstance(value, Mapping) or set(value) != {LOGO_PLAIN_KEY}:
            raise ValidationError(
                "", f'must be a table with one key, "{LOGO_PLAIN_KEY}": the image as base64 text'
            )
        text = value[LOGO_PLAIN_KEY]
        problem = ValidationError(
            LOGO_PLAIN_KEY,
            "must be the image's bytes as base64 text",
            hint="RFC 4648: A-Z, a-z, 0-9, + and /, padded with =, on one line",
        )
        # Checked for length before decoding: a text far larger than any logo is no work.
        if not isinstance(text, str) or len(text) > _LONGEST_LOGO_TEXT or not text.isascii():
            raise problem
        try:
            data = base64.b64decode(text, validate=True)
        except ValueError:
            data = None
        if data is None or _base64_text(data) != text:
            raise problem
        try:
            return cls(data)
        except ValidationError as error:  # named where it was written: the base64 text
            raise ValidationError(LOGO_PLAIN_KEY, error.problem, hint=error.hint) from None


def _luminance(colour: str) -> float:
    """The relative luminance of a ``#rrggbb`` colour (WCAG 2.2 definition)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours, from 1 (none) to 21."""
    for name, colour in (("foreground", foreground), ("background", background)):
        if not isinstance(colour, str) or not _COLOUR.fullmatch(colour):
            raise ValidationError(name, "must be a colour written #rrggbb, like #00205b")
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _colour(value: object) -> object:
    # Lower case, so equal colours compare equal; anything else is left for the validator.
    return value.lower() if isinstance(value, str) and _COLOUR.fullmatch(value) else value


def _check_colour(_instance: object, attribute: attrs.Attribute[str], value: Any) -> None:
    if not isinstance(value, str) or not _COLOUR.fullmatch(value):
        raise ValidationError(attribute.name, "must be a colour written #rrggbb, like #00205b")
    ratio = contrast_ratio(value, _PAGE)
    if ratio < MIN_CONTRAST:
        raise ValidationError(
            attribute.name,
            f"has contrast {ratio:.1f}:1 against the white page; text needs at least "
            f"{MIN_CONTRAST}:1 (WCAG AA)",
            hint="choose a darker colour",
        )


def _check_name(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("institution", "must be the institution's name (some text)")
    if len(value) > MAX_NAME_LENGTH:
        raise ValidationError("institution", f"is longer than {MAX_NAME_LENGTH} characters")
    if printable(value) != value or "\n" in value:
        raise ValidationError("institution", "must be one line of text, without control characters")


def _check_logo(_instance: object, _attribute: object, value: Any) -> None:
    if value is not None and not isinstance(value, Logo):
        raise ValidationError("logo", "must be a Logo (the image's bytes) or None")


@attrs.frozen
class Branding(Record):
    """The institution's name, optional logo, and primary (headings) and accent (links) colours.

    Each colour must be ``#rrggbb`` with at least
    :data:`~participatory.render.branding.MIN_CONTRAST` against white.
    """

    institution: str = attrs.field(validator=_check_name)
    logo: Logo | None = attrs.field(default=None, validator=_check_logo)
    primary: str = attrs.field(default=DEFAULT_PRIMARY, converter=_colour, validator=_check_colour)
    accent: str = attrs.field(default=DEFAULT_ACCENT, converter=_colour, validator=_check_colour)


def _document(file: Path) -> dict[str, Any]:
    text = limits.read_text(file)
    if file.suffix.lower() == ".json":
        document = limits.parse_json(text, str(file))
    else:
        document = limits.parse_toml(text, str(file))
    if not isinstance(document, dict):
        raise ParameterFileError(str(file), "", "must hold one table of branding settings")
    return document


def load_branding(path: str | Path) -> Branding:
    """Read a branding file (TOML, or JSON by its ``.json`` suffix) and the logo it names.

    ``logo`` is the path of a PNG, JPEG or SVG file, relative to the branding file. Any
    problem is a :class:`~participatory.core.errors.ParameterFileError` naming the file
    and the setting at fault.
    """
    file = Path(limits.path_name(path))
    document = _document(file)
    for key in document:
        if key not in _KEYS:
            raise ParameterFileError(
                str(file), key, f"is not a branding setting; use {', '.join(_KEYS)}"
            )
    logo_name = document.get("logo")
    if logo_name is not None and not isinstance(logo_name, str):
        raise ParameterFileError(str(file), "logo", "must be the path of an image file")
    settings = {
        key: document[key] for key in ("institution", "primary", "accent") if key in document
    }
    try:
        logo = None
        if logo_name is not None:
            data = limits.read_bytes(
                file.parent / logo_name, limits=limits.Limits(file_bytes=MAX_LOGO_BYTES)
            )
            logo = Logo(data)
        return Branding(logo=logo, **settings)
    except ValidationError as error:
        problem = f"{error.problem} ({error.hint})" if error.hint else error.problem
        raise ParameterFileError(str(file), error.path, problem) from None
    except TypeError:
        raise ParameterFileError(str(file), "institution", "is missing") from None
