"""A PDF's text read in a child process of its own (reading/pdf_child.py, pypdf), stopped at
READ_LIMIT: a hostile PDF (a page tree that loops, a stream that takes minutes) cannot keep a
refresh or the TUI waiting, and what it does to the child's memory ends with the child.

The child's text is made lines a sentence can be found on by reading/pdf_text.py (`reflow`).
"""

from __future__ import annotations

from ..reading.pdf_text import reflow
from .child import within
from .kept_child import start_reader

MODULE = "catalyst_tui.reading.pdf_child"
READ_LIMIT = 30.0  # seconds: a 40-page transcript reads in about one


class PdfUnreadable(Exception):
    """The PDF gave no text: why, in words (not a PDF pypdf reads, a password, too slow)."""


async def pdf_text(body: bytes, limit: float = READ_LIMIT) -> str:
    """The text of the PDF in `body`, as lines a sentence can be found on; PdfUnreadable."""
    try:
        proc = await start_reader(MODULE)
        ended = await within(proc, f"{limit!r}\n".encode() + body, limit)
    except TimeoutError:
        raise PdfUnreadable(f"reading it took longer than {limit:g} s: stopped") from None
    if ended.status != 0:
        last = ended.last_error
        why = (
            last[:240]
            if ended.status == 3 and last
            else f"the PDF reader ended with {ended.status}"
        )
        raise PdfUnreadable(why)
    return reflow(ended.out.decode("utf-8", errors="replace"))
