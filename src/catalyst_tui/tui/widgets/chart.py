"""Price drawing: the one-line `sparkline` for table cells and the braille `PriceChart` widget.

No SQL and no HTTP here: both draw the numbers they are handed and nothing else.
"""

from __future__ import annotations

import datetime
import textwrap
from collections.abc import Callable, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

__all__ = ["RANGES", "PriceChart", "format_price", "slice_range", "sparkline"]

Point = tuple[datetime.date, float]

# ---------------------------------------------------------------------------------------------
# sparkline
# ---------------------------------------------------------------------------------------------

SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
_FLAT_BLOCK = SPARK_BLOCKS[3]  # ▄: a flat series sits in the middle


def sparkline(values: Sequence[float], width: int = 12) -> str:
    """A one-line sparkline of `values`, exactly `width` cells wide, for a DataTable cell.

    More values than `width`: one cell per bucket, showing the bucket's last value (a close
    is a close: averaging would invent prices). Fewer: one cell per value, left-padded with
    spaces so the cells of a column line up on the right. Scaled between the drawn points'
    min (▁) and max (█); a flat series is all ▄, no values is `width` spaces. NaN and
    infinities are dropped before anything else.

    Called for every watchlist row on every reload: one sum, one C-level pick, min/max and a
    join per call (figures in docs/performance.md).
    """
    if width <= 0:
        return ""
    # NaN and ±inf are the floats with `v - v != 0`; a finite sum means none is present.
    total = sum(values)
    points = values if total - total == 0 else [v for v in values if v - v == 0]
    n = len(points)
    if n > width:
        points = _bucket_lasts(n, width)(points)
        n = width
    if n == 0:
        return " " * width
    lo = min(points)
    hi = max(points)
    pad = " " * (width - n)
    if hi == lo:
        return pad + _FLAT_BLOCK * n
    scale = 7.0 / (hi - lo)
    blocks = SPARK_BLOCKS
    return pad + "".join([blocks[int((v - lo) * scale + 0.5)] for v in points])


@lru_cache(maxsize=64)
def _bucket_lasts(n: int, width: int) -> Callable[[Sequence[float]], Sequence[float]]:
    """Picks the last value of each of `width` buckets of `n` values (n > width).

    Bucket i is values[i*n//width : (i+1)*n//width], so its last value has index end-1.
    """
    if width == 1:
        return lambda values: (values[-1],)
    return itemgetter(*[(i + 1) * n // width - 1 for i in range(width)])


# ---------------------------------------------------------------------------------------------
# ranges
# ---------------------------------------------------------------------------------------------

RANGES: dict[str, int] = {"1M": 30, "3M": 91, "6M": 182, "1Y": 365, "5Y": 1826}
"""Chart ranges in calendar days, keyed by the name shown to the user."""


def slice_range(points: Sequence[Point], range_name: str, today: datetime.date) -> list[Point]:
    """The points of `range_name` ending at `today`: those dated `today - RANGES[name]` or later.

    A point exactly 30 days before today is in "1M"; one 31 days before is not. Order is kept.
    """
    try:
        days = RANGES[range_name]
    except KeyError:
        raise ValueError(
            f"unknown range {range_name!r}: expected one of {', '.join(RANGES)}"
        ) from None
    start = today - datetime.timedelta(days=days)
    return [p for p in points if p[0] >= start]


# ---------------------------------------------------------------------------------------------
# PriceChart
# ---------------------------------------------------------------------------------------------

EMPTY_TEXT = "no price history yet: it comes with the next refresh"

# Braille cell = 2 dot columns x 4 dot rows. Bit of dot (column, row), Unicode order.
_DOT_BITS = ((0x01, 0x02, 0x04, 0x40), (0x08, 0x10, 0x20, 0x80))
# A cell with no dots is a plain space (not U+2800), so copied text and tests see real gaps.
_BRAILLE = " " + "".join(chr(0x2800 + m) for m in range(1, 256))

_DATE_WIDTH = 10  # ISO yyyy-mm-dd
_MIN_YAXIS_PLOT = 12  # plot cells needed before the y-axis is worth its width


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


class PriceChart(Widget):
    """A line chart of daily closes drawn with braille dots, with a y-axis, dates and a title.

    Rendering is done by `render_line` returning `Strip`s, not by a Rich renderable: the
    whole chart is computed once per (series, size, styles) into a list of strips and each
    `render_line(y)` is a list lookup. A renderable would be re-rendered, re-measured and
    re-split into lines by Textual on every refresh, and would bring wrapping/overflow rules
    a fixed cell grid does not want; with strips every cell lands exactly where it is put.
    The cache key includes the widget size, so a resize (Textual repaints on it) redraws at
    the new size; `set_series` and a style/theme change clear it.

    Bucket min/max by slices, one pass setting dots, one str.join per row: a 5Y chart builds
    well inside a frame (docs/performance.md).
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "pricechart--up",
        "pricechart--down",
        "pricechart--axis",
        "pricechart--title",
        "pricechart--empty",
    }
    """
    | Class | Description |
    | :- | :- |
    | `pricechart--up` | The line and change when the last close >= the first. |
    | `pricechart--down` | The line and change when the last close < the first. |
    | `pricechart--axis` | Axis lines, price labels and dates. |
    | `pricechart--title` | The label and last price of the title line. |
    | `pricechart--empty` | The empty-state message. |
    """

    DEFAULT_CSS = """
    PriceChart {
        height: 1fr;
    }
    PriceChart > .pricechart--up {
        color: $success;
    }
    PriceChart > .pricechart--down {
        color: $error;
    }
    PriceChart > .pricechart--axis {
        color: $text-muted;
    }
    PriceChart > .pricechart--title {
        text-style: bold;
    }
    PriceChart > .pricechart--empty {
        color: $text-muted;
        text-style: italic;
    }
    """

    RANGES: ClassVar[dict[str, int]] = RANGES

    def __init__(
        self,
        points: Sequence[Point] = (),
        *,
        label: str = "",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._points: list[Point] = []
        self._label = ""
        self._lines: list[Strip] | None = None
        self._lines_size: tuple[int, int] | None = None
        self._store(points, label)

    # -- data ---------------------------------------------------------------------------------

    @property
    def points(self) -> list[Point]:
        """The series being drawn (a copy of what `set_series` was given, NaN closes dropped)."""
        return list(self._points)

    @property
    def label(self) -> str:
        return self._label

    def set_series(self, points: Sequence[Point], *, label: str = "") -> None:
        """Replace the series (oldest first, as the caller sliced it) and redraw."""
        self._store(points, label)
        self.refresh()

    def _store(self, points: Sequence[Point], label: str) -> None:
        self._points = [(d, float(v)) for d, v in points if v - v == 0]
        self._label = label
        self._lines = None

    @staticmethod
    def slice_range(points: Sequence[Point], range_name: str, today: datetime.date) -> list[Point]:
        """Same as the module's `slice_range`, for callers holding only the widget class."""
        return slice_range(points, range_name, today)

    def summary_text(self) -> str:
        """The title line: "ALAB 1Y  187.92 ▲ 58.6%" (label, last close, change since first).

        The arrow is ▲ when last >= first, ▼ otherwise, and the percentage is unsigned. The
        change is left out for a single point or a zero first close; no points, the label.
        """
        head, change = self._summary_parts()
        return f"{head} {change}" if change else head

    def _summary_parts(self) -> tuple[str, str]:
        points = self._points
        if not points:
            return self._label, ""
        last = points[-1][1]
        head = f"{self._label}  {last:,.2f}" if self._label else f"{last:,.2f}"
        first = points[0][1]
        if len(points) == 1 or first == 0:
            return head, ""
        arrow = "▲" if last >= first else "▼"
        return head, f"{arrow} {abs(last / first - 1) * 100:.1f}%"

    @property
    def rising(self) -> bool:
        """Whether the line is drawn in the "up" colour (last close >= first close)."""
        points = self._points
        return not points or points[-1][1] >= points[0][1]

    # -- rendering ----------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines = None

    def render_line(self, y: int) -> Strip:
        width, height = self.size
        if self._lines is None or self._lines_size != (width, height):
            self._lines = self._build(width, height)
            self._lines_size = (width, height)
        if 0 <= y < len(self._lines):
            return self._lines[y]
        return Strip.blank(width, self.rich_style)

    def _build(self, width: int, height: int) -> list[Strip]:
        """All the lines of the chart at this size."""
        if width <= 0 or height <= 0:
            return []
        base = self.rich_style
        if not self._points:
            return self._build_empty(width, height, base)

        trend = "pricechart--up" if self.rising else "pricechart--down"
        line_style = self.get_component_rich_style(trend)
        axis_style = self.get_component_rich_style("pricechart--axis")
        title_style = self.get_component_rich_style("pricechart--title")

        show_title = height >= 4
        show_dates = height >= 3
        show_rule = height >= 10
        plot_rows = height - show_title - show_dates - show_rule

        values = [v for _, v in self._points]
        lo = min(values)
        hi = max(values)

        # y-axis labels: rows and values, top = max and bottom = min exactly.
        if hi == lo:
            label_rows = {(plot_rows - 1) // 2: hi}
        else:
            count = 5 if plot_rows >= 9 else 3 if plot_rows >= 3 else min(plot_rows, 2)
            label_rows = {}
            for i in range(count):
                row = round(i * (plot_rows - 1) / (count - 1)) if count > 1 else 0
                frac = row / (plot_rows - 1) if plot_rows > 1 else 0.0
                label_rows[row] = hi - frac * (hi - lo)
        labels = {row: format_price(v) for row, v in label_rows.items()}
        label_width = max(map(len, labels.values()))
        show_yaxis = width - label_width - 1 >= _MIN_YAXIS_PLOT
        gutter = label_width + 1 if show_yaxis else 0
        plot_width = width - gutter

        cells = _plot(values, lo, hi, plot_width, plot_rows)

        lines: list[Strip] = []
        if show_title:
            lines.append(self._title_strip(width, base, title_style, line_style))
        blank_label = " " * label_width
        for row in range(plot_rows):
            segments = []
            if show_yaxis:
                text = labels.get(row)
                tick = "┤" if text is not None else "│"
                segments.append(Segment(f"{text or blank_label:>{label_width}}{tick}", axis_style))
            segments.append(Segment(cells[row], line_style))
            lines.append(Strip(segments, width))
        if show_rule:
            lines.append(self._rule_strip(width, gutter, plot_width, base, axis_style))
        if show_dates:
            lines.append(self._dates_strip(width, gutter, plot_width, base, axis_style))
        return lines

    def _title_strip(
        self, width: int, base: Style, title_style: Style, change_style: Style
    ) -> Strip:
        head, change = self._summary_parts()
        segments = [Segment(head, title_style)]
        if change:
            segments += [Segment(" ", base), Segment(change, change_style)]
        return Strip(segments).crop_extend(0, width, base)

    def _rule_strip(
        self, width: int, gutter: int, plot_width: int, base: Style, axis_style: Style
    ) -> Strip:
        rule = ["─"] * plot_width
        for x in _date_columns(len(self._points), plot_width):
            rule[x] = "┬"
        corner = (" " * (gutter - 1) + "└") if gutter else ""
        return Strip([Segment(corner + "".join(rule), axis_style)], width)

    def _dates_strip(
        self, width: int, gutter: int, plot_width: int, base: Style, axis_style: Style
    ) -> Strip:
        text = _date_line(self._points, plot_width)
        return Strip([Segment(" " * gutter + text, axis_style)], width)

    def _build_empty(self, width: int, height: int, base: Style) -> list[Strip]:
        lines: list[Strip] = []
        body_height = height
        if self._label and height >= 4:
            title_style = self.get_component_rich_style("pricechart--title")
            lines.append(Strip([Segment(self._label, title_style)]).crop_extend(0, width, base))
            body_height -= 1
        empty_style = self.get_component_rich_style("pricechart--empty")
        wrapped = textwrap.wrap(EMPTY_TEXT, width)[:body_height]
        top = (body_height - len(wrapped)) // 2
        blank = Strip.blank(width, base)
        body = [blank] * body_height
        for i, text in enumerate(wrapped):
            left = (width - len(text)) // 2
            body[top + i] = Strip(
                [
                    Segment(" " * left, base),
                    Segment(text, empty_style),
                    Segment(" " * (width - left - len(text)), base),
                ],
                width,
            )
        return lines + body


def _plot(values: list[float], lo: float, hi: float, cols: int, rows: int) -> list[str]:
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


def _date_columns(n: int, plot_width: int) -> list[int]:
    """Plot cells that get a date under them: first, last, and the middle when it fits."""
    if plot_width <= 0 or n == 0:
        return []
    if n == 1 or plot_width < 2 * _DATE_WIDTH + 1:
        return [0]
    columns = [0, plot_width - 1]
    if plot_width >= 3 * _DATE_WIDTH + 4:
        columns.insert(1, plot_width // 2)
    return columns


def _point_at_cell(n: int, plot_width: int, cell: int) -> int:
    """Index of the point drawn in the left dot column of plot `cell`."""
    dot_cols = 2 * plot_width
    column = 2 * cell
    if n >= dot_cols:
        return min((column + 1) * n // dot_cols - 1, n - 1)
    return round(column * (n - 1) / (dot_cols - 1))


def _date_line(points: list[Point], plot_width: int) -> str:
    """The x-axis text: first date left, last date right, middle date centred when it fits."""
    columns = _date_columns(len(points), plot_width)
    if not columns:
        return ""
    line = [" "] * plot_width
    n = len(points)
    for x in columns:
        if x == 0:
            text, start = points[0][0].isoformat(), 0
        elif x == plot_width - 1:
            text = points[-1][0].isoformat()
            start = plot_width - len(text)
        else:
            text = points[_point_at_cell(n, plot_width, x)][0].isoformat()
            start = x - len(text) // 2
        for i, ch in enumerate(text[: max(plot_width - start, 0)]):
            line[start + i] = ch
    return "".join(line)
