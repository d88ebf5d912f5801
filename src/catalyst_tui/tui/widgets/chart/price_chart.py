"""The braille `PriceChart` widget: the closes of a range as a line, with a y-axis of prices,
the dates under it and a title line with the last price and the change."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from textual.strip import Strip
from textual.widget import Widget

from ....text import printable
from .plot import date_columns, date_line, format_price, label_width, mark_cells, plot, with_marks
from .ranges import RANGES, Point, XLabel, iso_label, slice_range

if TYPE_CHECKING:
    import datetime
    from collections.abc import Sequence

    from rich.style import Style

EMPTY_TEXT = "no price history yet: a refresh that reaches the market fetches it"

_MIN_YAXIS_PLOT = 12  # plot cells needed before the y-axis is worth its width


class PriceChart(Widget):
    """A line chart of closes drawn with braille dots, with a y-axis, dates and a title: daily
    closes under their dates, or intraday ones under their times (`x_label` writes them).

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
        "pricechart--mark",
    }
    """
    | Class | Description |
    | :- | :- |
    | `pricechart--up` | The line and change when the last close >= the first. |
    | `pricechart--down` | The line and change when the last close < the first. |
    | `pricechart--axis` | Axis lines, price labels and dates. |
    | `pricechart--title` | The label and last price of the title line. |
    | `pricechart--empty` | The empty-state message. |
    | `pricechart--mark` | An event's mark on the line (`marks`). |
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
    PriceChart > .pricechart--mark {
        color: $warning;
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
        self._x_label: XLabel = iso_label
        self._note = ""
        self._empty_text = EMPTY_TEXT
        self._base: float | None = None
        self._marks: tuple[datetime.date, ...] = ()
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

    def set_series(
        self,
        points: Sequence[Point],
        *,
        label: str = "",
        x_label: XLabel = iso_label,
        note: str = "",
        empty_text: str = EMPTY_TEXT,
        base: float | None = None,
        marks: Sequence[datetime.date] = (),
    ) -> None:
        """Replace the series (oldest first, as the caller sliced it) and redraw. `x_label`
        writes a point's date or moment under the plot, `note` follows the title line (the
        session times), `empty_text` is said when there are no points; the change is from
        `base` (the close before an intraday window) when given, else from the first point;
        `marks`: days of events, each marked on the line at its day (a daily series only)."""
        # Drawn as segments, which nothing else filters: no text here commands the terminal.
        note, empty_text, label = printable(note), printable(empty_text), printable(label)
        self._x_label, self._note, self._empty_text = x_label, note, empty_text
        self._base = base if base is not None and base > 0 else None
        self._marks = tuple(marks)
        self._store(points, label)
        self.refresh()

    @property
    def note(self) -> str:
        return self._note

    @property
    def empty_text(self) -> str:
        return self._empty_text

    def _store(self, points: Sequence[Point], label: str) -> None:
        self._points = [(d, float(v)) for d, v in points if v - v == 0]
        self._label = label
        self._lines = None

    @staticmethod
    def slice_range(points: Sequence[Point], range_name: str, today: datetime.date) -> list[Point]:
        """Same as the module's `slice_range`, for callers holding only the widget class."""
        return slice_range(points, range_name, today)

    def summary_text(self) -> str:
        """The title line: "ALAB 1Y  187.92 ▲ 58.6%" (label, last close, change since first, or
        since the base close when one is set).

        The arrow is ▲ when last >= first, ▼ otherwise, and the percentage is unsigned. The
        change is left out for a single point without a base, or a zero first close; no
        points, the label.
        """
        head, change = self._summary_parts()
        return f"{head} {change}" if change else head

    def _summary_parts(self) -> tuple[str, str]:
        points = self._points
        if not points:
            return self._label, ""
        last = points[-1][1]
        head = f"{self._label}  {last:,.2f}" if self._label else f"{last:,.2f}"
        first = self._base or points[0][1]
        if (len(points) == 1 and self._base is None) or first == 0:
            return head, ""
        arrow = "▲" if last >= first else "▼"
        return head, f"{arrow} {abs(last / first - 1) * 100:.1f}%"

    @property
    def rising(self) -> bool:
        """Whether the line is drawn in the "up" colour (last close >= first close)."""
        points = self._points
        return not points or points[-1][1] >= (self._base or points[0][1])

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

        cells = plot(values, lo, hi, plot_width, plot_rows)
        marked = mark_cells(self._points, self._marks, lo, hi, plot_width, plot_rows)
        mark_style = self.get_component_rich_style("pricechart--mark")

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
            runs = with_marks(cells[row], marked.get(row, set()))
            segments += [Segment(run, mark_style if mark else line_style) for run, mark in runs]
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
        if self._note:
            axis_style = self.get_component_rich_style("pricechart--axis")
            segments += [Segment("   ", base), Segment(self._note, axis_style)]
        return Strip(segments).crop_extend(0, width, base)

    def _rule_strip(
        self, width: int, gutter: int, plot_width: int, base: Style, axis_style: Style
    ) -> Strip:
        rule = ["─"] * plot_width
        width_of_label = label_width(self._points, self._x_label)
        for x in date_columns(len(self._points), plot_width, width_of_label):
            rule[x] = "┬"
        corner = (" " * (gutter - 1) + "└") if gutter else ""
        return Strip([Segment(corner + "".join(rule), axis_style)], width)

    def _dates_strip(
        self, width: int, gutter: int, plot_width: int, base: Style, axis_style: Style
    ) -> Strip:
        text = date_line(self._points, plot_width, self._x_label)
        return Strip([Segment(" " * gutter + text, axis_style)], width)

    def _build_empty(self, width: int, height: int, base: Style) -> list[Strip]:
        lines: list[Strip] = []
        body_height = height
        if self._label and height >= 4:
            title_style = self.get_component_rich_style("pricechart--title")
            lines.append(Strip([Segment(self._label, title_style)]).crop_extend(0, width, base))
            body_height -= 1
        empty_style = self.get_component_rich_style("pricechart--empty")
        wrapped = textwrap.wrap(self._empty_text, width)[:body_height]
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
