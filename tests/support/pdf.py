"""A PDF written by hand, as a word processor's export is laid out: PDF 1.4, one Helvetica
font, each line of text placed on its own with `Td` and shown with `Tj`, lines broken where the
page is full (not at sentences), 50 lines a page, a cross-reference table with each object's
byte offset. pypdf reads it as it reads any PDF. Plain module, no pytest."""

from __future__ import annotations

import textwrap

LINES_A_PAGE = 50


def _escaped(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _shown(line: str, tracking: float) -> str:
    """The operator that shows `line`: one string (`Tj`), or with `tracking` (points between
    letters, as a letter-spaced layout sets its text) one glyph at a time, each moved on by
    the tracking (`TJ` with its adjustment in thousandths of the font's size, negative)."""
    if not tracking:
        return f"({_escaped(line)}) Tj"
    step = -round(tracking * 100)  # 10 pt type: a point is 100 thousandths of its size
    return "[" + " ".join(f"({_escaped(ch)}) {step}" for ch in line) + "] TJ"


def make_pdf(paragraphs: list[str], width: int = 90, tracking: float = 0.0) -> bytes:
    """A PDF of `paragraphs`, each wrapped at `width` characters, a blank line between them;
    its letters `tracking` points apart (0: set as the font sets them)."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, width) or [""])
        lines.append("")
    pages = [lines[i : i + LINES_A_PAGE] for i in range(0, len(lines), LINES_A_PAGE)] or [[]]
    objects: list[bytes] = []
    kids = " ".join(f"{3 + 2 * n} 0 R" for n in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    font = 3 + 2 * len(pages)
    for n, page in enumerate(pages):
        shown = "".join(
            f"BT /F1 10 Tf 56 {780 - 14 * row} Td {_shown(line, tracking)} ET\n"
            for row, line in enumerate(page)
            if line
        ).encode("latin-1", errors="replace")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * n} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(shown) + shown + b"endstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
