"""The chart's drawing as text: the braille cells of the plot, the dates under it, the prices
beside it and the events' marks on the line. Pure functions of the numbers, for `PriceChart` to
place."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from .ranges import Point, XLabel, iso_label

if TYPE_CHECKING:
    import datetime
    from collections.abc import Sequence

# Braille cell = 2 dot columns x 4 dot rows. Bit of dot (column, row), Unicode order.
_DOT_BITS = ((0x01, 0x02, 0x04, 0x40), (0x08, 0x10, 0x20, 0x80))
# A cell with no dots is a plain space (not U+2800), so copied text and tests see real gaps.
_BRAILLE = " " + "".join(chr(0x2800 + m) for m in range(1, 256))

_DATE_WIDTH = 10  # ISO yyyy-mm-dd


def format_price(value: float) -> str:
    """A price for an axis label: 2 decimals under 1,000, whole units with separators above.

    Sub-unit prices (penny stocks, FX) keep 4 decimals so their labels still differ.
    """
    magnitude = abs(value)
    if magnitude >= 1000:
        return f"{value:,.0f}"
    if 0 < magnitude < 1:
        return f"{value:.4f}"
    return f"{value:,.2f}"


def plot(values: list[float], lo: float, hi: float, cols: int, rows: int) -> list[str]:
    """The braille text of the plot area: `rows` strings of `cols` cells.

    Each of the 2*cols dot columns gets the span of dot rows its values cover; adjacent
    columns are joined at the midpoint of the step between them so steep moves stay a line.
    More values than dot columns: a column covers a bucket of values (its min..max, so
    spikes survive). Fewer: values sit on evenly spaced columns with straight lines between.
    """
    if cols <= 0 or rows <= 0:
        return [""] * max(rows, 0)
    dot_cols = 2 * cols
    dot_rows = 4 * rows
    n = len(values)
    if hi == lo:
        mid = (dot_rows - 1) // 2
        ys = [float(mid)] * n
    else:
        scale = (dot_rows - 1) / (hi - lo)
        ys = [(hi - v) * scale for v in values]

    # Per dot column: (first, low, high, last) in dot rows (0 = top).
    if n == 1:
        y = ys[0]
        spans = [(y, y, y, y)] * dot_cols
    elif n >= dot_cols:
        spans = []
        start = 0
        for c in range(1, dot_cols + 1):
            end = c * n // dot_cols
            bucket = ys[start:end]
            spans.append((bucket[0], min(bucket), max(bucket), bucket[-1]))
            start = end
    else:
        spans = []
        step = (n - 1) / (dot_cols - 1)
        for c in range(dot_cols):
            t = c * step
            i = min(int(t), n - 2)
            f = t - i
            y = ys[i] + (ys[i + 1] - ys[i]) * f
            spans.append((y, y, y, y))

    masks = [0] * (rows * cols)
    previous_last: float | None = None
    bits_left, bits_right = _DOT_BITS
    for c, (first, low, high, last) in enumerate(spans):
        top = low
        bottom = high
        if previous_last is not None:
            joint = (previous_last + first) / 2
            top = min(top, joint)
            bottom = max(bottom, joint)
        # the next column's joint, so a step is split between both columns
        if c + 1 < dot_cols:
            joint = (last + spans[c + 1][0]) / 2
            top = min(top, joint)
            bottom = max(bottom, joint)
        previous_last = last
        bits = bits_right if c & 1 else bits_left
        cell = c >> 1
        for d in range(int(top + 0.5), int(bottom + 0.5) + 1):
            masks[(d >> 2) * cols + cell] |= bits[d & 3]
    table = _BRAILLE
    return ["".join([table[m] for m in masks[r * cols : (r + 1) * cols]]) for r in range(rows)]


def date_columns(n: int, plot_width: int, label_width: int = _DATE_WIDTH) -> list[int]:
    """Plot cells that get a date under them: first, last, and the middle when it fits."""
    if plot_width <= 0 or n == 0:
        return []
    if n == 1 or plot_width < 2 * label_width + 1:
        return [0]
    columns = [0, plot_width - 1]
    if plot_width >= 3 * label_width + 4:
        columns.insert(1, plot_width // 2)
    return columns


def _point_at_cell(n: int, plot_width: int, cell: int) -> int:
    """Index of the point drawn in the left dot column of plot `cell`."""
    dot_cols = 2 * plot_width
    column = 2 * cell
    if n >= dot_cols:
        return min((column + 1) * n // dot_cols - 1, n - 1)
    return round(column * (n - 1) / (dot_cols - 1))


def label_width(points: Sequence[Point], label: XLabel = iso_label) -> int:
    """The width of the x-axis labels of `points` (the first one's: they share a format)."""
    return len(label(points[0][0])) if points else _DATE_WIDTH


def date_line(points: list[Point], plot_width: int, label: XLabel = iso_label) -> str:
    """The x-axis text: first label left, last label right, middle one centred when it fits;
    `label` writes a point's date (or moment) as the axis shows it."""
    columns = date_columns(len(points), plot_width, label_width(points, label))
    if not columns:
        return ""
    line = [" "] * plot_width
    n = len(points)
    for x in columns:
        if x == 0:
            text, start = label(points[0][0]), 0
        elif x == plot_width - 1:
            text = label(points[-1][0])
            start = plot_width - len(text)
        else:
            text = label(points[_point_at_cell(n, plot_width, x)][0])
            start = x - len(text) // 2
        for i, ch in enumerate(text[: max(plot_width - start, 0)]):
            line[start + i] = ch
    return "".join(line)


MARK = "◆"  # an event's day on the line


def mark_cells(
    points: Sequence[Point],
    marks: Sequence[datetime.date],
    lo: float,
    hi: float,
    cols: int,
    rows: int,
) -> dict[int, set[int]]:
    """Where each of `marks` (days) sits on the line: plot row -> plot cells. A day's point is
    the first close on or after it; a day before the first point or after the last is not on
    the chart. The cell is the one `plot` draws that point in, the row its close's."""
    days = [d for d, _ in points]
    n, dot_cols, dot_rows = len(points), 2 * cols, 4 * rows
    found: dict[int, set[int]] = {}
    if n == 0 or cols <= 0 or rows <= 0:
        return found
    for day in marks:
        i = bisect.bisect_left(days, day)
        if i >= n or (i == 0 and day < days[0]):
            continue
        dot = i * dot_cols // n if n >= dot_cols else round(i * (dot_cols - 1) / max(n - 1, 1))
        y = (dot_rows - 1) // 2 if hi == lo else (hi - points[i][1]) * (dot_rows - 1) / (hi - lo)
        found.setdefault(int(y + 0.5) >> 2, set()).add(min(dot >> 1, cols - 1))
    return found


def with_marks(text: str, columns: set[int]) -> list[tuple[str, bool]]:
    """A plot row cut into runs of the line's cells and of marks (True)."""
    runs: list[tuple[str, bool]] = []
    start = 0
    for column in sorted(columns):
        if column > start:
            runs.append((text[start:column], False))
        runs.append((MARK, True))
        start = column + 1
    if start < len(text):
        runs.append((text[start:], False))
    return runs
