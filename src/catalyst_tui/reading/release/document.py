"""An earnings release's tables (cells on a grid) and its running text, from HTML or plain text.

Pure, no I/O. What comes in may be the exhibit itself (HTML or plain text), the exhibit still in
EDGAR's SGML `<DOCUMENT>` envelope, or a whole EDGAR submission (.txt) holding it as
`<TYPE>EX-99.1`; an HTML page with no table but a `<pre>` (the plain-text exhibits of the 2000s
put on a page) is read as the plain text it holds. Only tables and text matter here, so before
lexbor parses the HTML every tag but `table`, `tr`, `td` and `th` is dropped (scripts and
styles with their content): lexbor walks its stack of open elements for each block and
formatting tag, so 200,000 nested `<div>`s take minutes there, while the same document without
them parses in milliseconds. Each table is
read innermost first and replaced by a mark, so the text between two marks is what stands before
a table (its title, its scale line); a table holding tables is layout (a page laid out in one
big table) and is left as running text around its tables' marks.

A plain-text exhibit becomes one table whose cells are runs of text two spaces apart, placed by
character offset (release_plain: rules and leaders gone, each figure as wide as its column), so
the header above a column covers its figures as a colspan does in HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from typing import TYPE_CHECKING

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..documents import _decode, is_html
from ..html_bounds import visible
from .periods import year_alone
from .plain import blocks
from .records import MAX_BYTES

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["Cell", "Document", "Table", "read_document"]

MAX_CELLS = 250_000  # cells read at most: the work stays bounded whatever the nesting
_MAX_SPAN = 64  # a colspan or rowspan beyond this is junk, not layout
_BEFORE_CHARS = 600  # running text kept before a table: its title block and scale line
_MARK = "\x1d"  # group separator: never in a document's text (removed first)
_HOLDER_LEVELS = 8  # table > tbody > tr > td > table: a holding table is a few levels up

_DOCUMENT = re.compile(r"<DOCUMENT>(.*?)</DOCUMENT>", re.S | re.I)
_TYPE = re.compile(r"<TYPE>\s*([^\s<]+)", re.I)
_TEXT = re.compile(r"<TEXT>\s*(.*?)\s*(?:</TEXT>|\Z)", re.S | re.I)
_EXHIBIT_99_1 = re.compile(r"EX-99\.?0?1$|EX-99$", re.I)
# `[^<>]*` rather than `[^>]*`: an unclosed `<` stops at the next one, so the scan stays linear.
_NOT_TABLE_TAG = re.compile(r"<(?!/?(?:table|tr|td|th)[\s>/])/?[a-zA-Z!?][^<>]*>", re.I)
_SPACES = re.compile(r"\s+")
_ANY_TAG = re.compile(r"<[^<>]*>")
_PRE = re.compile(r"<pre\b[^<>]*>(.*?)(?:</pre\s*>|\Z)", re.S | re.I)
_PLAIN_BULLET = re.compile(r"^[ \t]*[o*][ \t]+(?=\S)", re.M)


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: the grid columns (HTML) or character offsets (plain text) it spans."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Table:
    """One table of a release: its rows of cells and the text just before it."""

    rows: tuple[tuple[Cell, ...], ...]
    before: str  # the running text just before the table (title, scale line, lead-in)
    label_end: int  # cells starting before this are the row's label


@dataclass(frozen=True, slots=True)
class Document:
    """A release as read: its tables and its running text."""

    tables: tuple[Table, ...]
    text: str  # the running text outside the tables, whitespace collapsed


def read_document(body: bytes | str) -> Document | None:
    """The tables and running text of a release; None when it is over MAX_BYTES.

    Never raises on junk: what is not HTML is read as plain text, and empty input gives an
    empty Document.
    """
    if isinstance(body, bytes | bytearray | memoryview) and len(body) > MAX_BYTES:
        return None
    text = _decode(body)
    if len(text) > MAX_BYTES:
        return None
    text = _exhibit(text).replace(_MARK, " ")
    if is_html(text):
        lower = text.lower()
        if "<pre" in lower and "<table" not in lower:  # a plain-text exhibit wrapped in <pre>
            return _read_plain(unescape(_ANY_TAG.sub("", visible(text))))
        if "<pre" in lower:  # a page of <pre> blocks and tables: each read as what it is
            return _read_mixed(text)
        return _read_html(text)
    return _read_plain(text)


def _read_mixed(html: str) -> Document:
    """A page whose plain-text blocks (`<pre>`: a 2000s statement in fixed-width columns) stand
    beside HTML tables (a letterhead, a contact table): each part read as what it is, in the
    page's order, so a statement in a `<pre>` keeps its columns."""
    tables: list[Table] = []
    texts: list[str] = []
    parts = _PRE.split(visible(html))  # html, pre, html, pre, ..., html
    for index, part in enumerate(parts):
        plain = index % 2 == 1
        read = _read_plain(unescape(_ANY_TAG.sub("", part))) if plain else _read_html(part)
        tables.extend(read.tables)
        texts.append(read.text)
    return Document(tuple(tables), " ".join(t for t in texts if t))


def _exhibit(text: str) -> str:
    """The EX-99.1 document's text out of an SGML envelope or submission; else the text itself."""
    if "<DOCUMENT>" not in text and "<document>" not in text:
        return text
    documents: list[tuple[str, str]] = []
    for block in _DOCUMENT.finditer(text):
        kind = _TYPE.search(block.group(1))
        body = _TEXT.search(block.group(1))
        documents.append((kind.group(1) if kind else "", body.group(1) if body else ""))
    if not documents:
        return text
    for exhibit_99_1 in (True, False):
        for name, content in documents:
            if _EXHIBIT_99_1.match(name) if exhibit_99_1 else name.upper().startswith("EX-99"):
                return content
    return documents[0][1]


def _read_html(html: str) -> Document:
    try:
        tree = LexborHTMLParser(_NOT_TABLE_TAG.sub(" ", visible(html)))
        tables: list[tuple[tuple[tuple[Cell, ...], ...], int]] = []
        budget = MAX_CELLS
        holders: set[int] = set()  # tables holding tables: layout, left as running text
        # Innermost first, so a table is known to hold others before it is read.
        for index, node in enumerate(reversed(tree.css("table"))):
            holder = _holding_table(node)
            if holder is not None:
                holders.add(holder.mem_id)
            if node.mem_id in holders:
                continue
            rows, used = _grid(node, budget)
            budget -= used
            tables.append((rows, index))
            node.replace_with(f"{_MARK}{index}{_MARK}")
            if budget <= 0:
                break
        root = tree.root
        flat = root.text() if root is not None else ""
    except Exception:  # lexbor on junk: what text there is, no tables
        return Document((), _SPACES.sub(" ", re.sub(r"<[^<>]*>", " ", html)).strip())
    pieces = flat.split(_MARK)  # text, index, text, index, ..., text
    texts = [_SPACES.sub(" ", piece).strip() for piece in pieces[0::2]]
    by_index = {index: rows for rows, index in tables}
    found = []
    title = ""  # a small table of text alone (a statement's title, its scale) just before
    for position, mark in enumerate(pieces[1::2]):
        read = by_index.get(int(mark)) if mark.isdigit() else None
        if read:
            before = texts[position]
            if title and len(before) <= _TITLE_GAP:
                before = f"{title} {before}"
            found.append(Table(read, before[-_BEFORE_CHARS:], _label_end(read)))
            title = _title_text(before, read)
    return Document(tuple(found), " ".join(t for t in texts if t))


_TITLE_GAP = 200  # at most a page number and a running head between a title table and its table
_TITLE_ROWS = 8


def _title_text(before: str, rows: tuple[tuple[Cell, ...], ...]) -> str:
    """The text of a table holding only a few lines of text (with what stood before it), which
    titles the table after it ("CONSOLIDATED STATEMENT OF INCOME", "(Millions of Dollars)");
    "" for a table with figures."""
    if len(rows) > _TITLE_ROWS or any(_FIGURE.match(c.text) for row in rows for c in row):
        return ""
    return f"{before} {' '.join(c.text for row in rows for c in row)}".strip()


def _holding_table(table: LexborNode) -> LexborNode | None:
    """The table this one sits in, looked for a few levels up (divs and fonts are gone)."""
    node = table.parent
    for _ in range(_HOLDER_LEVELS):
        if node is None or node.tag == "table":
            return node
        node = node.parent
    return None


def _grid(table: LexborNode, budget: int) -> tuple[tuple[tuple[Cell, ...], ...], int]:
    """A table's rows as cells on the grid its colspans and rowspans make."""
    # Looked up once: asking each cell for an attribute it lacks is what costs (lexbor raises)
    across_of = {n.mem_id: _span(n.attrs["colspan"]) for n in table.css("[colspan]")}
    down_of = {n.mem_id: _span(n.attrs["rowspan"]) for n in table.css("[rowspan]")}
    rows: list[tuple[Cell, ...]] = []
    covered: dict[int, int] = {}  # column -> rows a rowspan from above still covers
    used = 0
    for tr in table.css("tr"):
        cells, column = [], 0
        for td in tr.iter():
            if td.tag not in ("td", "th"):
                continue
            while covered.get(column):
                column += 1
            key = td.mem_id
            across = across_of.get(key, 1)
            if key in down_of:
                for spanned in range(column, column + across):
                    covered[spanned] = down_of[key]
            text = td.text()
            if text and not text.isspace():
                cells.append(Cell(column, column + across, " ".join(text.split())))
            column += across
            used += 1
        if covered:
            covered = {c: left - 1 for c, left in covered.items() if left > 1}
        if cells:
            rows.append(tuple(cells))
        if used >= budget:
            break
    return tuple(rows), used


def _span(value: str | None) -> int:
    try:
        return min(max(int(value or 1), 1), _MAX_SPAN)
    except ValueError:
        return 1


def _read_plain(text: str) -> Document:
    """Plain text: its tables between lines of prose, cells placed by character offset."""
    tables = []
    for before, fields in blocks(text, MAX_CELLS):
        rows = tuple(
            tuple(Cell(start=start, end=end, text=text) for start, end, text in row)
            for row in fields
        )
        tables.append(Table(rows, before[-_BEFORE_CHARS:], _label_end(rows)))
    prose = _PLAIN_BULLET.sub("• ", text)  # "  o Revenue is expected ...": an item, as in HTML
    return Document(tuple(tables), _SPACES.sub(" ", prose).strip())


_FIGURE = re.compile(r"^\$?\s*\(?\$?\s*-?[\d,]*\d(?:\.\d+)?\)?%?$")


def _label_end(rows: Sequence[tuple[Cell, ...]]) -> int:
    """Where the figures start: cells left of it are the rows' labels.

    Labels are indented by empty cells or spaces, headings centred over the figures: the first
    figure's column, not the first cell, is what tells a label from a heading.
    """
    starts = [
        cell.start
        for row in rows
        if len(row) > 1 and not _FIGURE.match(row[0].text)
        for cell in row[1:]
        if _FIGURE.match(cell.text) and not year_alone(cell.text)
    ]
    if starts:
        return min(starts)
    # No figures (a targets table): the label is the first of several cells
    seconds = [row[1].start for row in rows if len(row) > 1]
    return min(seconds) if seconds else 1
