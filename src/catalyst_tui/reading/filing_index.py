"""SEC EDGAR: one filing's index page, `.../Archives/edgar/data/<cik>/<accession>-index.html`.

Pure, no I/O. The page lists the filing's documents in `table.tableFile[summary="Document
Format Files"]` (Seq, Description, Document, Type, Size), and the XBRL parts in a second table,
"Data Files". The press release of an earnings 8-K is the `EX-99.1` of the first table, whatever
its file name (`adbeex991q123.htm`, `q1fy25pr.htm`). The page's "Accepted" time is the Eastern
wall clock, always (its own `Last-Modified` header is that instant in GMT).
"""

from __future__ import annotations

import posixpath
import re
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

from .errors import FormatError
from .html_bounds import bounded_nesting
from .moments import NEW_YORK as EASTERN

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from selectolax.lexbor import LexborNode

__all__ = [
    "EASTERN",
    "FilingsFormatError",
    "IndexDocument",
    "exhibits",
    "parse_filing_index",
    "parse_index_accepted",
    "xbrl_files",
]

_TEXT_DOCUMENTS = (".htm", ".html", ".txt")


class FilingsFormatError(FormatError):
    """A submissions body or filing index that is not the documented shape."""


class IndexDocument(NamedTuple):
    """One row of a filing index's "Document Format Files" table."""

    seq: str  # "1", "2"; "" for the complete submission text file
    description: str
    name: str  # the file name in the filing's folder: "adbeex991q123.htm"
    type: str  # "8-K", "EX-99.1", "GRAPHIC"; "" for the complete submission text file
    size: int | None  # bytes


_INDEX_ACCEPTED = re.compile(
    r'class="infoHead">\s*Accepted\s*</div>\s*<div class="info">\s*'
    r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)"
)


def parse_filing_index(
    html: bytes | str, table_name: str = "Document Format Files"
) -> list[IndexDocument]:
    """The rows of a filing index's "Document Format Files" table (or its "Data Files" table of
    XBRL parts, by `table_name`), in its order. Raises FilingsFormatError when the page has no
    such table (an error page, a rate-limit notice); a row without five cells or a file name is
    skipped."""
    # Imported here, not above: the timeline imports sec_filings (so this module) for ITEM_NAMES.
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(bounded_nesting(_html_text(html)))  # 200,000 nested divs: bounded
    table = tree.css_first(f'table.tableFile[summary="{table_name}"]')
    if table is None:
        raise FilingsFormatError(f"filing index has no {table_name!r} table")
    documents: list[IndexDocument] = []
    for row in table.css("tr"):
        cells = row.css("td")
        if len(cells) < 5:
            continue
        name = _document_name(cells[2])
        if not name:
            continue
        seq, description, _, kind, size = (_cell_text(cell) for cell in cells[:5])
        documents.append(
            IndexDocument(seq, description, name, kind, int(size) if size.isdecimal() else None)
        )
    return documents


def parse_index_accepted(html: bytes | str) -> datetime | None:
    """The "Accepted" time a filing index shows (always the Eastern wall clock), aware in
    America/New_York; None when the page shows none."""
    match = _INDEX_ACCEPTED.search(_html_text(html))
    if match is None:
        return None
    try:
        wall = datetime(*(int(part) for part in match.groups()))  # type: ignore[arg-type]
    except ValueError:
        return None
    return wall.replace(tzinfo=EASTERN)


def exhibits(documents: Iterable[IndexDocument], prefix: str = "EX-99") -> list[IndexDocument]:
    """The documents whose type starts with `prefix` (EX-99 takes EX-99.1, EX-99.2, ...), HTML or
    text files only (.htm, .html, .txt: not a PDF or an image), in the index's order."""
    wanted = prefix.upper()
    return [
        doc
        for doc in documents
        if doc.type.upper().startswith(wanted) and doc.name.lower().endswith(_TEXT_DOCUMENTS)
    ]


def xbrl_files(html: bytes | str) -> tuple[IndexDocument | None, IndexDocument | None]:
    """A 10-Q's or 10-K's XBRL instance and label linkbase from its index's "Data Files" table:
    the instance EDGAR extracts from an inline filing (`*_htm.xml`), else a filing's own
    (`EX-101.INS`, a pre-2019 `*.xml`); the labels (`EX-101.LAB`, `*_lab.xml`). (None, None)
    for a page without the table: the inline primary document is then what is read."""
    if "Data Files" not in _html_text(html):
        parse_filing_index(html)  # an index page at all, or FilingsFormatError
        return None, None
    files = parse_filing_index(html, "Data Files")

    def first(test: Callable[[IndexDocument], bool]) -> IndexDocument | None:
        return next((f for f in files if test(f)), None)

    instance = first(lambda f: f.name.lower().endswith("_htm.xml")) or first(
        lambda f: f.type.upper() == "EX-101.INS" and f.name.lower().endswith(".xml")
    )
    labels = first(lambda f: f.type.upper() == "EX-101.LAB") or first(
        lambda f: f.name.lower().endswith("_lab.xml")
    )
    return instance, labels


def _html_text(html: bytes | str) -> str:
    if isinstance(html, bytes | bytearray):
        return bytes(html).decode("utf-8", errors="replace")
    if isinstance(html, str):
        return html
    raise FilingsFormatError(f"filing index must be bytes or str, not {type(html).__name__}")


def _cell_text(cell: LexborNode) -> str:
    return " ".join(cell.text().split())


def _document_name(cell: LexborNode) -> str:
    """The file name from the Document cell's link ("/ix?doc=/Archives/.../x.htm" for an iXBRL
    document: the viewer's wrapper is taken off), else the cell's first word."""
    link = cell.css_first("a")
    href = link.attributes.get("href") if link is not None else None
    if href:
        parts = urlsplit(href)
        target = parse_qs(parts.query).get("doc", [""])[0] if parts.path == "/ix" else parts.path
        name = posixpath.basename(unquote(urlsplit(target).path))
        if name:
            return name
    words = (link.text() if link is not None else cell.text()).split()
    return words[0] if words else ""
