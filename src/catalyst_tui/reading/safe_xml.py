"""XML bodies parsed by meaning, safely: any encoding XML allows, no document type, no entity.

The bytes are read as the XML specification's appendix F says an entity's encoding is found
(a byte order mark, else the first characters `<?`): UTF-32 in either order, which expat does
not read, and UTF-16 without a mark are decoded here and given to expat as UTF-8; UTF-8, UTF-16
with its mark and the single-byte encodings a declaration names are expat's own. The parser is
defusedxml's: a DOCTYPE (where entities are declared: billion laughs, external entities) is
refused wherever it stands and in whatever encoding, as is an entity or an external reference,
so no text is ever expanded: the tree holds at most the characters the body held.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import cast

import defusedxml
import defusedxml.ElementTree as safe_tree

from .errors import FormatError

__all__ = ["DeclaresType", "NotXml", "xml_root"]

# (start of the body, its codec, bytes of byte order mark to skip): UTF-32 first, as its
# little-endian mark begins as UTF-16's does.
_WIDE = (
    (b"\x00\x00\xfe\xff", "utf-32-be", 4),
    (b"\xff\xfe\x00\x00", "utf-32-le", 4),
    (b"\x00\x00\x00<", "utf-32-be", 0),
    (b"<\x00\x00\x00", "utf-32-le", 0),
    (b"\xfe\xff", "utf-16-be", 2),
    (b"\xff\xfe", "utf-16-le", 2),
    (b"\x00<", "utf-16-be", 0),
    (b"<\x00", "utf-16-le", 0),
)
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_HTML = re.compile(rb"^\s*<(?:!doctype\s+html|html)\b", re.IGNORECASE)


class NotXml(FormatError):
    """A body that is not well-formed XML, or not in an encoding XML allows."""


class DeclaresType(FormatError):
    """A body that declares a document type, an entity or an external reference: refused."""


def xml_root(body: bytes | str) -> ET.Element:
    """The root element of an XML body; DeclaresType for a DOCTYPE, an ENTITY or an external
    reference in any encoding, NotXml for anything else that does not parse."""
    if isinstance(body, str):
        # Decoded already: its byte order mark and its declared encoding no longer apply.
        raw = _DECLARATION.sub("", body.lstrip("\ufeff"), count=1).encode("utf-8")
    elif isinstance(body, bytes | bytearray):
        raw = _as_expat_reads(bytes(body))
    else:
        raise NotXml(f"body must be bytes or str, not {type(body).__name__}")
    try:
        root = safe_tree.fromstring(
            raw, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except defusedxml.DefusedXmlException as why:
        raise DeclaresType(type(why).__name__) from None
    except ET.ParseError as exc:
        start = " ".join(raw[:60].decode("utf-8", errors="replace").split())
        if _HTML.match(raw):
            raise NotXml(f"it is an HTML page ({exc}): {start!r}") from None
        raise NotXml(f"it is not XML ({exc}): {start!r}") from None
    return cast("ET.Element", root)


def _as_expat_reads(raw: bytes) -> bytes:
    """UTF-32 and UTF-16 as UTF-8 without their declaration; any other body as it is."""
    for start, codec, mark in _WIDE:
        if raw.startswith(start):
            try:
                text = raw[mark:].decode(codec)
            except UnicodeDecodeError as why:
                raise NotXml(f"it is not {codec.upper()} as it begins ({why.reason})") from None
            return _DECLARATION.sub("", text, count=1).encode("utf-8")
    return raw
