"""The readable text of a filing document (HTML, inline XBRL or plain text), one block a line.

Pure, no I/O. SEC documents come in three shapes: Workiva-made HTML (one long line of `<div>` and
`<font style=...>` with numeric entities, figures in `<table>`s), inline XBRL 10-Qs and 10-Ks
(the same, plus an `<ix:header>` of contexts and hidden facts inside a `display:none` block), and
plain text. Parsing uses lexbor (selectolax): 25 ms for a 1.35 MB 10-Q with the block
separation below, against 130 ms for the standard library's parser; what lexbor is given is
bounded first (reading/html_bounds.py: no scripts, no nesting past 128 elements), so no document
can keep it busy for long, and the text kept is at most MAX_TEXT.
"""

from __future__ import annotations

import datetime as dt
import re

from selectolax.lexbor import LexborHTMLParser

from .html_bounds import bounded_nesting, visible

__all__ = [
    "MAX_TEXT",
    "brought_text",
    "document_day",
    "html_to_text",
    "is_html",
    "is_pdf",
    "plain_to_text",
]

MAX_TEXT = 4 * 1024 * 1024  # characters of text kept of one document: a 10-K has under 1 MiB

# Each of these starts and ends a line; text inside one line is the inline flow of a block.
_BLOCKS = (
    "address, article, aside, blockquote, br, caption, center, dd, div, dl, dt, figcaption, "
    "figure, footer, form, h1, h2, h3, h4, h5, h6, header, hr, li, main, nav, ol, p, pre, "
    "section, table, tbody, td, tfoot, th, thead, tr, ul"
)
_BLOCK_NAMES = frozenset(_BLOCKS.split(", "))
# Not text a reader sees: code, the head, inline XBRL's hidden header, blocks hidden by style.
_HIDDEN = (
    "script, style, head, title, noscript, template, ix\\:header, "
    '[style*="display:none" i], [style*="display: none" i]'
)
_SEPARATOR = "\x1e"  # record separator: never in a document's own text (removed first)
_LOOKS_HTML = re.compile(
    rb"<(?:!doctype|html|head|body|div|p|br|table|tr|td|font|span|b|i|a|h[1-6]|ul|li|center|"
    rb"\?xml|!--)[\s>/]",
    re.IGNORECASE,
)
_HTML_SNIFF = 8192  # bytes looked at to tell HTML from plain text
# C0 and C1 control characters (tab, newline and carriage return aside): not text, and a
# terminal would act on some of them.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def html_to_text(html: bytes | str) -> str:
    """The readable text of an HTML document, or of a plain-text one.

    Scripts, styles, the head, inline XBRL's `ix:header` and elements styled `display:none` are
    dropped; entities are decoded; block elements (p, div, br, tr, li, h1-h6, table, and each td
    and th) start their own lines; whitespace inside a line is collapsed to single spaces
    (non-breaking spaces included); empty lines are dropped; lines are joined with "\\n".
    A body that is not HTML comes back with the same whitespace rules applied to its lines.
    Bytes are read as UTF-8, else as Windows-1252. Never raises on junk: returns what text
    there is ("" for none); at most MAX_TEXT characters of it, cut at a line's end.
    """
    text = _decode(html).replace(_SEPARATOR, " ")
    if not is_html(text):
        return _capped(_normalise(text.splitlines()))
    try:
        bounded = bounded_nesting(visible(text), _BLOCK_NAMES, _SEPARATOR)
        tree = LexborHTMLParser(bounded)
        # Innermost first, so no node is removed after an ancestor already took it away.
        for node in reversed(tree.css(_HIDDEN)):
            node.decompose()
        for node in tree.css(_BLOCKS):
            node.insert_before(_SEPARATOR)
            node.insert_after(_SEPARATOR)
        root = tree.root
        flat = root.text() if root is not None else ""
    except Exception:  # lexbor on junk: fall back to the text as it stands
        return _capped(_normalise(re.sub(r"<[^<>]*>", " ", text).splitlines()))
    return _capped(_normalise(flat.split(_SEPARATOR)))


def plain_to_text(text: str) -> str:
    """Plain text (a PDF's, say) as html_to_text gives a document's: control characters gone,
    whitespace collapsed in each line, empty lines dropped, at most MAX_TEXT characters."""
    return _capped(_normalise(text.replace(_SEPARATOR, " ").splitlines()))


def is_pdf(body: bytes) -> bool:
    """Whether a body is a PDF: `%PDF-` in its first KiB (where readers look for it)."""
    return b"%PDF-" in body[:1024]


def _capped(text: str) -> str:
    """At most MAX_TEXT characters, ending at a line's end."""
    if len(text) <= MAX_TEXT:
        return text
    cut = text.rfind("\n", 0, MAX_TEXT)
    return text[: cut if cut > 0 else MAX_TEXT]


def is_html(text: bytes | str) -> bool:
    """Whether a body looks like HTML (or XHTML / inline XBRL): a known tag near its start."""
    head = text[:_HTML_SNIFF]
    sample = head.encode("utf-8", errors="replace") if isinstance(head, str) else bytes(head)
    return _LOOKS_HTML.search(sample) is not None


def _decode(body: bytes | str) -> str:
    if isinstance(body, str):
        return body
    if not isinstance(body, bytes | bytearray | memoryview):
        return ""
    raw = bytes(body)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _normalise(lines: list[str]) -> str:
    out = []
    for raw in lines:
        line = _CONTROL.sub(" ", raw) if _CONTROL.search(raw) else raw
        words = line.split()
        if words:
            out.append(" ".join(words))
    return "\n".join(out)


# A document's own date. A filing's acceptance (the SEC header of a submission's text:
# `<ACCEPTANCE-DATETIME>20250827161502`, `FILED AS OF DATE: 20250827`), else a release's
# dateline: a date between the place and the text, "SANTA CLARA, Calif.—Aug. 27, 2025―NVIDIA",
# "SEATTLE—(BUSINESS WIRE) February 6, 2025—", "Silicon Valley, CA (April 16, 2025) –", "For
# Immediate Release: November 22, 2024", or a letter's date on a line of its own at the top.
_MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_DATE = r"(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d\d)"
_DASH = "[-\u2010-\u2015\u2212]"
_DATELINE = re.compile(rf"(?:[,():]|{_DASH})\s*{_DATE}\s*(?:{_DASH}|[/()]|$)", re.M)
_ALONE = re.compile(rf"^{_DATE}$")  # a letter's date, on a line of its own at the top
_ACCEPTED = re.compile(r"(?:<ACCEPTANCE-DATETIME>|FILED AS OF DATE:)\s*(\d{8})")
_HEAD = 6000  # characters of text a dateline is looked for in: the first lines only


def document_day(text: str) -> dt.date | None:
    """The day a document says it is of: a filing's acceptance, else a release's dateline
    (a date set off by the place before it and a dash or the wire after it, in its first
    lines, or alone on one of its first ten lines); None when it states neither, never guessed
    from another date it names ("the quarter ended July 27, 2025")."""
    head = text[:_HEAD]
    accepted = _ACCEPTED.search(head)
    if accepted is not None:
        try:
            return dt.datetime.strptime(accepted.group(1), "%Y%m%d").date()
        except ValueError:
            pass
    top = (_ALONE.match(line) for line in head.split("\n")[:10])
    for found in [*(m for m in top if m is not None), *_DATELINE.finditer(head)]:
        month = found.group("month").lower()
        if not _is_month(month):
            continue
        try:
            number = [name[:3] for name in _MONTH_NAMES].index(month[:3]) + 1
            return dt.date(int(found.group("year")), number, int(found.group("day")))
        except ValueError:
            continue
    return None


def _is_month(word: str) -> bool:
    """`aug`, `august`, `sept`: a month's name or its abbreviation, not any word it begins."""
    return any(name.startswith(word) for name in _MONTH_NAMES) and (
        len(word) <= 4 or word in _MONTH_NAMES
    )


_BULLET = re.compile(r"^[\u2022\u2023\u2043\u25aa\u25cf\u25e6\u00b7\u25a0\u2219*-]\s*")


def brought_text(text: str) -> str:
    """A document's text as a user brings it to be read for evidence: a line's bullet mark
    (`•`, `▪`, `◦`, `·`) taken off, and a bulleted highlight whose words a later or earlier line
    says again in full ("•Blackwell Data Center revenue grew 17% sequentially" over "NVIDIA's
    Blackwell Data Center revenue grew 17% sequentially.") left out: one sentence read once."""
    lines = text.split("\n")
    out = []
    for line in lines:
        bare = _BULLET.sub("", line)
        if bare is line or not bare:
            out.append(line)
            continue
        said = bare.rstrip(".;: ")
        if len(said) >= 20 and text.count(said) >= 2:
            continue  # another line says it whole: the body's sentence is kept
        out.append(bare)
    return "\n".join(out)
