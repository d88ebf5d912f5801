"""A PDF's text as pypdf gives it (reading/pdf_child.py), made lines a sentence can be found on.

Each line of a page is joined to the next unless it ends a sentence (a PDF breaks its lines
where the page is full, and a match never reaches across two lines), a page's end ending a
paragraph; then normalised as a filing's text is (reading/documents.py).

A letter-spaced line (a layout that sets its type with tracking, or places each glyph on its
own) comes from pypdf as "I n  J a n u a r y  2 0 2 3": a space between letters, two between
words. Such a line (most of its tokens single characters) is read as words, as pdfminer.six
groups glyphs by the gaps between them: the runs between the wider gaps, their single spaces
dropped ("In January 2023") where each of its tokens is a letter or two. A line of ordinary
words is left as it is.
"""

from __future__ import annotations

import re

from .documents import plain_to_text

__all__ = ["SPACED_MIN", "SPACED_SHARE", "reflow", "unspaced"]

_ENDS = re.compile(r"[.!?:;][\"'”’)\]]*$")
_WORD_GAP = re.compile(r"\s{2,}")
SPACED_SHARE = 0.6  # of a line's tokens single characters: a letter-spaced line
SPACED_MIN = 4  # tokens, at least, of a letter-spaced line


def reflow(text: str) -> str:
    """A PDF's lines joined into paragraphs: a line that does not end a sentence (., !, ?, :
    or ;, a closing quote after it) goes on with the next; a blank line or a page ends one."""
    paragraphs: list[str] = []
    current: list[str] = []
    for page in text.split("\f"):
        for raw in page.splitlines():
            line = unspaced(raw).strip()
            if not line:
                if current:
                    paragraphs.append(" ".join(current))
                    current = []
                continue
            current.append(line)
            if _ENDS.search(line):
                paragraphs.append(" ".join(current))
                current = []
        if current:
            paragraphs.append(" ".join(current))
            current = []
    return plain_to_text("\n".join(paragraphs))


def unspaced(line: str) -> str:
    """A letter-spaced line's words ("I n  J a n u a r y" -> "In January"); any other line
    as it is."""
    tokens = line.split()
    singles = sum(len(token) == 1 for token in tokens)
    if len(tokens) < SPACED_MIN or singles < SPACED_SHARE * len(tokens):
        return line
    if not _WORD_GAP.search(line.strip()):  # one space everywhere: no gap tells words apart
        return line
    return " ".join(_word(run) for run in _WORD_GAP.split(line.strip()))


def _word(run: str) -> str:
    """A run between word gaps as one word when it is spaced letters (each token one or two
    characters: pypdf keeps a pair whose gap is narrow, "Sc o r p i o"); else as it is."""
    tokens = run.split()
    return "".join(tokens) if all(len(token) <= 2 for token in tokens) else run
