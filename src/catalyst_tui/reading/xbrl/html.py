"""An inline XBRL page that is not well-formed XML (`&nbsp;`, an unclosed `<br>`: HTML a browser
reads, though EDGAR asks for XHTML) read by lexbor, the HTML parser evidence uses, into the same
contexts, units and facts as the XML reading gives. lexbor expands no declared entity; what it is
given is bounded like every HTML document (reading/html_bounds.py)."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from selectolax.lexbor import LexborHTMLParser

from ..html_bounds import bounded_nesting, visible
from .errors import XbrlFormatError
from .facts import Context, Fact, Instance, numeric_fact
from .inline import parse_date

if TYPE_CHECKING:
    from collections.abc import Collection

__all__ = ["looks_inline", "read_html_instance"]

_INLINE = re.compile(rb"<ix:(?:header|nonfraction)\b", re.IGNORECASE)
_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding=["']([\w.-]+)["']""")
# The attributes of a fact, as the HTML parser spells them (lower case).
_NAMES = {"contextRef": "contextref", "unitRef": "unitref", "xsi:nil": "xsi:nil"}


def looks_inline(document: bytes) -> bool:
    return _INLINE.search(document[: 4 * 1024 * 1024]) is not None


def _text(document: bytes) -> str:
    match = _ENCODING.match(document[:200])
    encoding = match.group(1).decode("ascii") if match else "utf-8"
    try:
        return document.decode(encoding, errors="replace")
    except LookupError:
        return document.decode("utf-8", errors="replace")


def _local(tag: str) -> str:
    return tag.rpartition(":")[2]


def _context(node: Any) -> Context:
    cid = node.attributes.get("id") or ""
    found: dict[str, str] = {}
    dims: list[tuple[str, str]] = []
    typed = False
    for child in node.traverse(include_text=False):
        name = _local(child.tag)
        if name in ("startdate", "enddate", "instant"):
            found[name] = child.text(deep=True)
        elif name == "explicitmember":
            dims.append(
                ((child.attributes.get("dimension") or "").strip(), child.text(deep=True).strip())
            )
        elif name == "typedmember":
            typed = True

    def day(key: str) -> date:
        value = parse_date(found.get(key, "")[:10])
        if value is None:
            raise XbrlFormatError(f"context {cid}: the date {found.get(key)!r} is not a date")
        return value

    if "enddate" in found:
        return Context(cid, day("startdate"), day("enddate"), tuple(dims), typed)
    return Context(
        cid, None, day("instant") if "instant" in found else date.max, tuple(dims), typed
    )


def read_html_instance(document: bytes, concepts: Collection[str]) -> Instance:
    """The contexts, units, the numeric facts of `concepts` and the dei facts of an inline XBRL
    page read as HTML."""
    tree = LexborHTMLParser(bounded_nesting(visible(_text(document))))
    contexts: dict[str, Context] = {}
    units: dict[str, str] = {}
    facts: list[Fact] = []
    dei: dict[str, tuple[str, str]] = {}
    root = tree.root
    if root is None:
        raise XbrlFormatError("an empty page: not XBRL")
    for node in root.traverse(include_text=False):
        tag = node.tag or ""
        if tag.endswith(":context"):
            context = _context(node)
            contexts[context.id] = context
        elif tag.endswith(":unit"):
            measures = [
                n for n in node.traverse(include_text=False) if (n.tag or "").endswith(":measure")
            ]
            if len(measures) == 1:
                units[node.attributes.get("id") or ""] = measures[0].text(deep=True).strip()
        elif tag in ("ix:nonfraction", "ix:nonnumeric"):
            attributes = node.attributes
            prefix, _, concept = (attributes.get("name") or "").rpartition(":")
            if tag == "ix:nonnumeric":
                if prefix == "dei":
                    dei.setdefault(
                        concept, (node.text(deep=True), attributes.get("contextref") or "")
                    )
                continue
            if concept in concepts:

                def attr(name: str, attributes: Any = attributes) -> str:
                    return attributes.get(_NAMES.get(name, name.lower())) or ""

                fact = numeric_fact(attr, node.text(deep=True), prefix, concept, inline=True)
                if fact is not None:
                    facts.append(fact)
    if not contexts:
        raise XbrlFormatError("an HTML page without xbrli:context: not inline XBRL")
    return Instance(contexts, units, tuple(facts), dei, inline=True)
