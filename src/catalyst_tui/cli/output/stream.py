"""A table for reports of any length, written row by row: the look of a rich `Table` (a heavy
head, light rules) without building one. rich lays a whole table out in memory and measures and
renders every cell through its renderables, about 1.5 ms a row: 10,000 checkpoints took 9 s to
print (bench/check.py). Here the widths come from one pass over the cells' plain text, and each
row is a line of text (several when its last column folds), written as it is made.

Cells are plain strings, already `printable(...)` (text.py): no markup is read from them, and
the only escape sequences written are the styles' own, on a colour terminal. No column but the
last one (`fold`) is ever narrowed: an id or a number is shown whole, wider than the terminal
if it must be, never cut to `…`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from rich.cells import cell_len
from rich.console import COLOR_SYSTEMS, Console
from rich.style import Style

PIPE_WIDTH = 150  # a pipe or a file has no width: reasons fold here, not at 80
MIN_FOLD = 20  # the folding column keeps at least this many cells
FLUSH_EVERY = 200  # rows written per write() call


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
    """Write `rows` under `title` and the column names; `fold_last`: the last column wraps
    to fit the width (a terminal's, else PIPE_WIDTH), at word boundaries where it can."""
    widths = [cell_len(c.name) for c in columns]
    for row in rows:
        for i, cell in enumerate(row.cells):
            if "\n" in cell:
                width = max(cell_len(part) for part in cell.split("\n"))
            else:
                width = cell_len(cell)
            if width > widths[i]:
                widths[i] = width
    if fold_last:
        room = console.width if console.is_terminal else max(console.width, PIPE_WIDTH)
        frame = 3 * len(columns) + 1  # a border and a space each side of every cell
        other = sum(widths[:-1]) + frame
        if other + widths[-1] > room:
            widths[-1] = max(MIN_FOLD, room - other, cell_len(columns[-1].name))
    paint = _painter(console)
    bold = paint("bold")
    out = console.file
    lines = [paint("italic")(title), _rule("┏", "━", "┳", "┓", widths)]
    lines.append("┃" + "┃".join(bold(_cell(c.name, w, c.right)) for c, w in
                                 zip(columns, widths, strict=True)) + "┃")  # fmt: skip
    lines.append(_rule("┡", "━", "╇", "┩", widths))
    for count, row in enumerate(rows, 1):
        lines.extend(_row_lines(row, columns, widths, paint(row.style)))
        if count % FLUSH_EVERY == 0:
            out.write("\n".join(lines) + "\n")
            lines = []
    lines.append(_rule("└", "─", "┴", "┘", widths))
    out.write("\n".join(lines) + "\n")
    out.flush()


def _row_lines(
    row: Row, columns: Sequence[Column], widths: list[int], style: Callable[[str], str]
) -> list[str]:
    parts = [_wrap(cell, width) for cell, width in zip(row.cells, widths, strict=True)]
    height = max(len(p) for p in parts)
    lines = []
    for line in range(height):
        cells = (
            style(_cell(part[line] if line < len(part) else "", width, column.right))
            for part, width, column in zip(parts, widths, columns, strict=True)
        )
        lines.append("│" + "│".join(cells) + "│")
    return lines


def _cell(text: str, width: int, right: bool) -> str:
    pad = " " * max(0, width - cell_len(text))
    return f" {pad}{text} " if right else f" {text}{pad} "


def _rule(left: str, line: str, cross: str, right: str, widths: list[int]) -> str:
    return left + cross.join(line * (w + 2) for w in widths) + right


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
