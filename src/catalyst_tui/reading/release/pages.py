"""A sentence a page break cuts, joined again: what the page prints between its two halves (the
footnotes at the foot of the page, the page's number) is taken out of the running text.

Pure. A release printed for paper breaks a sentence where its page ends: "For fiscal 2026, Acme
expects revenue in the range of (1) Adjusted EBITDA is a non-GAAP measure. Page 3 of 9 $4.80
billion to $4.90 billion." Only a page number ("Page 3 of 9", "Page 3", "- 3 -") with the text
before it unfinished (no full stop, colon or the like) and the text after it going on (a figure,
a lower-case word) is a break inside a sentence; the footnotes before the number, each "(1)"
then a capital, go with it. Everything else is left as it is: a page number after a finished
sentence (`- 2 - CAPITAL ALLOCATION`) is no break in a sentence.
"""

from __future__ import annotations

import re

__all__ = ["unbroken"]

_PAGE = re.compile(r"\bpage \d{1,3}(?: of \d{1,3})?\b|(?<!\S)- ?\d{1,3} ?-(?!\S)", re.I)
_FOOTNOTE = re.compile(r"(?:^|\s)(?:\(\d{1,2}\)|\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹])\s+(?=[A-Z])")
_FINISHED = re.compile(r"[.!?:;)\]”\"]\s*$")
_GOES_ON = re.compile(r"\s*(?:[$€£\d(]|[a-z])")
_FOOT_CHARS = 1500  # the foot of a page: its footnotes and its number, at most this long


def unbroken(text: str) -> str:
    """`text` with each sentence a page break cuts joined again (the footnotes and the page
    number between its halves left out); otherwise unchanged."""
    out: list[str] = []
    kept = 0  # text[:kept] is decided
    last = 0  # the end of the page number before: a page's foot starts after it (linear time)
    for page in _PAGE.finditer(text):
        foot, last = max(kept, last, page.start() - _FOOT_CHARS), page.end()
        if page.start() < kept or not _GOES_ON.match(text, page.end()):
            continue
        cut = _cut(text, foot, page.start())
        if cut is None or not text[kept:cut].strip():
            continue
        out.append(text[kept:cut].rstrip())
        kept = page.end()
    if not out:
        return text
    out.append(text[kept:].lstrip())
    return " ".join(part for part in out if part)


def _cut(text: str, foot: int, page: int) -> int | None:
    """Where the first half of a cut sentence ends before the page number at `page`: before
    the last footnote that follows unfinished text (a footnote after a finished one is the
    next footnote), else right before the number; None when the text there is finished."""
    starts = [m.start() for m in _FOOTNOTE.finditer(text, foot, page)] or [page]
    for cut in reversed(starts):
        if not _FINISHED.search(text, max(foot, cut - 3), cut):
            return cut
    return None
