"""How the CLI's tables are drawn: at one width whether the output is a terminal or a pipe (the
terminal's when there is one, else a wide default), with the cells that hold numbers, dates and
ids kept whole, never cut with "…"; only free text (a reason, a title, a passage) wraps."""

from __future__ import annotations

import contextlib
import os

from rich.console import Console
from rich.measure import Measurement
from rich.table import Table

# The width without any terminal to ask (cron, a service, a file): wide enough for every table's
# numbers and ids beside its text, and the same at every run.
PIPE_WIDTH = 160


def line_width() -> int | None:
    """The width lines of text (not tables) are broken at, between words: $COLUMNS when set,
    else the width of the terminal the output is; None when it is a pipe or a file, where each
    line stays whole for grep and the like."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    with contextlib.suppress(OSError, ValueError):
        return os.get_terminal_size(1).columns
    return None


def output_width() -> int:
    """$COLUMNS when set, else the width of the terminal the command runs in (asked of stdout,
    then stderr, stdin and /dev/tty: `catalyst check | less` is drawn for the terminal it is read
    in), else PIPE_WIDTH."""
    width = line_width()
    if width is not None:
        return width
    for fd in (2, 0):
        with contextlib.suppress(OSError, ValueError):
            return os.get_terminal_size(fd).columns
    with contextlib.suppress(OSError):
        fd = os.open("/dev/tty", os.O_RDONLY | os.O_NOCTTY)
        try:
            return os.get_terminal_size(fd).columns
        finally:
            os.close(fd)
    return PIPE_WIDTH


def output_console(*, stderr: bool = False) -> Console:
    """A console at `output_width()`: colours on a terminal only, as rich decides."""
    return Console(stderr=stderr, width=output_width())


def report_table(title: str | None = None) -> Table:
    """A table without borders, two spaces between columns and its header underlined: the
    room goes to the cells."""
    return Table(
        title=title,
        title_justify="left",
        box=None,
        pad_edge=False,
        padding=(0, 1),
        header_style="bold underline",
    )


def keep_whole(console: Console, table: Table, *columns: int) -> None:
    """The `columns` (indexes) of a table whose rows are added: never wrapped nor cut, as wide
    as their widest cell or header. The other columns share what room is left."""
    options = console.options
    for index in columns:
        column = table.columns[index]
        cells = [column.header, *column.cells]
        widest = max(Measurement.get(console, options, cell).maximum for cell in cells)
        column.no_wrap = True
        column.min_width = widest


def show(console: Console, table: Table) -> None:
    """Print a table; where even its whole columns are wider than the console, the lines go
    on past its edge (the terminal wraps them) rather than being cut."""
    console.print(table, crop=False)
