"""A PDF's text, read by pypdf in a child process (`python -m catalyst_tui.reading.pdf_child`),
which jobs/pdf_reader.py starts and stops at its time limit: a thread reading a hostile PDF
could not be stopped.

- stdin: the seconds the child may take (one line), then the PDF's bytes;
- stdout: the text of its first MAX_PAGES pages in UTF-8, a form feed between pages;
- exit 3 with one line on stderr: a PDF pypdf cannot read (why), or one with a password.

The child ends itself by SIGALRM a little after its limit, should the parent have died."""

from __future__ import annotations

import io
import logging
import math
import signal
import sys

MAX_PAGES = 500  # a transcript has 20 to 40, an investor-day deck 100


def main() -> int:
    stdin = sys.stdin.buffer
    limit = float(stdin.readline())
    if math.isfinite(limit) and limit > 0 and hasattr(signal, "alarm"):
        signal.alarm(math.ceil(limit) + 1)
    logging.disable(logging.WARNING)  # pypdf warns of every odd object: not for the user
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(stdin.read()))
        if reader.is_encrypted and not reader.decrypt(""):
            sys.stderr.write("it is protected by a password\n")
            return 3
        pages = [page.extract_text() or "" for page in reader.pages[:MAX_PAGES]]
    except Exception as error:  # a PDF pypdf cannot read, whatever it raises
        why = " ".join(str(error).split())[:200] or type(error).__name__
        sys.stderr.write(f"not a readable PDF ({why})\n")
        return 3
    sys.stdout.buffer.write("\f".join(pages).encode("utf-8", errors="replace"))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
