"""The XBRL reader's parse: a document's elements of the given tags as lxml's pull parser meets
them, in document order, with the namespaces it declares. No DOCTYPE is read (a document that has
one is refused), no entity is expanded, nothing is fetched; comments and processing instructions
are dropped, as ElementTree drops them. libxml2 filters the tags in C, so the reader's Python runs
once per element it keeps, not once per element of the document; `done(elem)` frees what is
behind an element read (its earlier siblings and its ancestors' earlier siblings), so memory
follows the facts kept, not the document."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from lxml import etree

from .errors import NotWellFormed, XbrlFormatError

if TYPE_CHECKING:
    from collections.abc import Collection, Iterator

__all__ = ["EVERY", "Refused", "done", "pull"]

EVERY = 16  # elements read between two calls of done()

FEED = 256 * 1024  # what the parser is given at a time; libxml2 (2.11+) scans a token once

_SPACE = re.compile(rb"[ \t\r\n]*")


def _doctype_first(document: bytes) -> bool:
    """Whether a DOCTYPE follows the prolog's declaration, comments and instructions (in an
    ASCII-compatible encoding; another is caught by libxml2's own record of it)."""
    at = 3 if document.startswith(b"\xef\xbb\xbf") else 0
    while True:
        at = _SPACE.match(document, at).end()  # type: ignore[union-attr]  # matches "" at least
        for opening, closing in ((b"<?", b"?>"), (b"<!--", b"-->")):
            if document.startswith(opening, at):
                end = document.find(closing, at + len(opening))
                if end < 0:
                    return False
                at = end + len(closing)
                break
        else:
            return document.startswith(b"<!DOCTYPE", at)


class Refused(XbrlFormatError):
    """The document has a DOCTYPE: refused before any entity is read."""


def pull(document: bytes, tags: Collection[str]) -> Iterator[tuple[str, Any]]:
    """("end", element) for each element of `tags` (lxml's "{*}name" and "{ns}*" allowed) and
    ("start-ns", (prefix, uri)) for each namespace declared, in document order. Refused for a
    DOCTYPE; NotWellFormed ("not XML at line 3, column 7") for bytes that are not XML."""
    if _doctype_first(document):
        raise Refused("DTDForbidden")
    parser = etree.XMLPullParser(
        events=("end", "start-ns"),
        tag=list(tags),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=True,  # one comment or text beyond 10 MB is still XML; MAX_BYTES bounds it
        remove_comments=True,
        remove_pis=True,
    )
    checked = False
    etree.clear_error_log()  # this thread's log: from here on, this parse's errors alone
    try:
        for at in range(0, max(len(document), 1), FEED):
            parser.feed(document[at : at + FEED])
            for event, item in parser.read_events():
                if not checked and event == "end":
                    if item.getroottree().docinfo.doctype:  # a DOCTYPE in another encoding
                        raise Refused("DTDForbidden")
                    checked = True
                yield event, item
        root = parser.close()
        if not checked and root is not None and root.getroottree().docinfo.doctype:
            raise Refused("DTDForbidden")
        for event, item in parser.read_events():
            yield event, item
    except etree.XMLSyntaxError as exc:
        first = next(iter(exc.error_log), None)  # where libxml2 first stopped, not where it gave up
        line, column = (first.line, first.column) if first is not None else exc.position
        raise NotWellFormed(f"not XML at line {line}, column {column}") from None


def done(elem: Any) -> None:
    """Everything before `elem` freed: its earlier siblings and its ancestors' earlier siblings
    (each a slice, in C). Called every so many elements read, not at each."""
    node, parent = elem, elem.getparent()
    while parent is not None:
        at = parent.index(node)
        if at:
            del parent[:at]
        node, parent = parent, parent.getparent()
