"""A table for reports of any length, written row by row, in the look of the CLI's other tables
(tables.py: no borders, two spaces between columns, the header bold and underlined) without
building a rich `Table`. rich lays a whole table out in memory and measures and renders every
cell through its renderables, about 1.5 ms a row: 10,000 checkpoints took 9 s to print
(bench/check.py). Here the widths come from one pass over the cells' plain text, and each row is
a line of text (several when its last column folds), written as it is made.

Cells are plain strings, already `printable(...)` (text.py): no markup is read from them, and
the only escape sequences written are the styles' own, on a colour terminal. No column but the
last one (`fold_last`) is ever narrowed: an id, a date or a number is shown whole, wider than the
console if it must be, never cut to `…`. The console's width is the CLI's (tables.output_width:
the terminal's, piped or not, else one wide default).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from rich.cells import cell_len as _cell_len
from rich.console import COLOR_SYSTEMS, Console
from rich.style import Style

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

GAP = "  "  # between columns
BESIDE = 30  # the least room a folding last column is given beside its row; less: under it
FLUSH_EVERY = 200  # rows written per write() call


def cell_len(text: str) -> int:
    """`text`'s width in terminal cells: its length when it is printable ASCII (one cell each),
    else rich's measure (wide and zero-width characters)."""
    return len(text) if text.isascii() and text.isprintable() else _cell_len(text)


class Column(NamedTuple):
    name: str
    right: bool = False  # right-justified (numbers)


class Row(NamedTuple):
    cells: Sequence[str]
    style: str = ""  # a rich style for the whole row ("bold red"), "" for none


def print_table(
    console: Console,
    title: str,
    columns: Sequence[Column],
    rows: Sequence[Row],
    *,
    fold_last: bool = False,
) -> None:
    """Write `title`, the column names and `rows`. `fold_last`: the last column (free text: a
    reason) wraps within the console's width beside its row where it gets BESIDE columns, else
    it goes on the lines under its row, indented, and has no header."""
    widths = [cell_len(c.name) for c in columns]
    sizes: list[list[int] | None] = []  # each row's cells' widths; None: a cell of several lines
    for row in rows:
        size: list[int] | None = []
        for i, cell in enumerate(row.cells):
            if "\n" in cell:
                width = max(cell_len(part) for part in cell.split("\n"))
                size = None
            else:
                width = cell_len(cell)
                if size is not None:
                    size.append(width)
            if width > widths[i]:
                widths[i] = width
        sizes.append(size)
    room = console.width
    under = False
    if fold_last:
        other = sum(widths[:-1]) + len(GAP) * (len(columns) - 1)
        if room - other >= BESIDE:
            widths[-1] = min(widths[-1], room - other)
        else:
            under = True
    shown = columns[:-1] if under else columns
    paint = _painter(console)
    out = console.file
    header = paint("bold underline")
    lines = [paint("italic")(title)]
    lines.append(
        GAP.join(header(_cell(c.name, w, c.right)) for c, w in zip(shown, widths, strict=False))
    )
    for count, (row, size) in enumerate(zip(rows, sizes, strict=True), 1):
        style = paint(row.style)
        cells = row.cells[:-1] if under else row.cells
        if size is not None and all(w <= most for w, most in zip(size, widths, strict=False)):
            lines.append(style(_line(cells, size, widths, shown)))  # each cell on one line
        else:
            lines.extend(_row_lines(cells, shown, widths, style))
        if under:
            dim = paint(f"{row.style} dim".strip())
            lines.extend("  " + dim(line) for line in _wrap(row.cells[-1], max(1, room - 2)))
        if count % FLUSH_EVERY == 0:
            out.write("\n".join(lines) + "\n")
            lines = []
    out.write("\n".join(lines) + "\n")
    out.flush()


def _row_lines(
    cells: Sequence[str], columns: Sequence[Column], widths: list[int], style: Callable[[str], str]
) -> list[str]:
    parts = [_wrap(cell, width) for cell, width in zip(cells, widths, strict=False)]
    height = max(len(p) for p in parts)
    lines = []
    for line in range(height):
        text = GAP.join(
            _cell(part[line] if line < len(part) else "", width, column.right)
            for part, width, column in zip(parts, widths, columns, strict=False)
        )
        lines.append(style(text.rstrip()))
    return lines


def _line(
    cells: Sequence[str], size: Sequence[int], widths: Sequence[int], columns: Sequence[Column]
) -> str:
    """A row whose cells each fit their column on one line (`size`: their widths)."""
    parts = []
    for text, used, width, column in zip(cells, size, widths, columns, strict=False):
        pad = " " * (width - used)
        parts.append(f"{pad}{text}" if column.right else f"{text}{pad}")
    return GAP.join(parts).rstrip()


def _cell(text: str, width: int, right: bool) -> str:
    pad = " " * max(0, width - cell_len(text))
    return f"{pad}{text}" if right else f"{text}{pad}"


def _wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` cells: broken at spaces, a longer word folded."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        if cell_len(paragraph) <= width:
            out.append(paragraph)
            continue
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if cell_len(candidate) <= width:
                line = candidate
                continue
            if line:
                out.append(line)
            line = word
            while cell_len(line) > width:
                head, line = _split_at(line, width)
                out.append(head)
        out.append(line)
    return out


def _split_at(word: str, width: int) -> tuple[str, str]:
    """The longest head of `word` of at most `width` cells (one character at least)."""
    used = 0
    for index, char in enumerate(word):
        used += cell_len(char)
        if used > width:
            return word[: max(1, index)], word[max(1, index) :]
    return word, ""


def _painter(console: Console) -> Callable[[str], Callable[[str], str]]:
    """style → a function that wraps text in that style's escape sequences (none when the
    console has no colours: a pipe, a file, NO_COLOR)."""
    system = COLOR_SYSTEMS.get(console.color_system or "") if console.is_terminal else None
    cache: dict[str, Callable[[str], str]] = {}

    def paint(style: str) -> Callable[[str], str]:
        if system is None or not style:
            return _plain
        found = cache.get(style)
        if found is None:
            parsed = Style.parse(style)
            found = cache[style] = lambda text: parsed.render(text, color_system=system)
        return found

    return paint


def _plain(text: str) -> str:
    return text
