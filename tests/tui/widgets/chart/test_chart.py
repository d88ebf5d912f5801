"""The price drawing widgets: `sparkline` as a pure function and `PriceChart` inside a real App."""

from __future__ import annotations

import datetime
import math

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region

from catalyst_tui.tui.widgets.chart import (
    EMPTY_TEXT,
    RANGES,
    PriceChart,
    format_price,
    slice_range,
    sparkline,
)

BLOCKS = set("▁▂▃▄▅▆▇█")
TODAY = datetime.date(2025, 6, 30)


def _is_braille(ch: str) -> bool:
    return "\u2800" <= ch <= "\u28ff"


def _series(n: int, start: float = 100.0, step: float = 1.0) -> list[tuple[datetime.date, float]]:
    first = datetime.date(2024, 1, 1)
    # a wave on a trend, so min/max are not simply the ends
    return [
        (first + datetime.timedelta(days=i), start + step * i + 5 * math.sin(i / 3))
        for i in range(n)
    ]


# -- sparkline -------------------------------------------------------------------------------


def test_sparkline_rising_series_starts_low_and_ends_high():
    line = sparkline([1, 2, 3, 4, 5, 6, 7, 8], width=8)
    assert line == "▁▂▃▄▅▆▇█"
    line = sparkline(list(range(100)), width=12)
    assert line[0] == "▁" and line[-1] == "█"
    assert list(line) == sorted(line)


@pytest.mark.parametrize("count", [0, 1, 3, 11, 12, 13, 30, 500])
@pytest.mark.parametrize("width", [1, 5, 12, 20])
def test_sparkline_is_exactly_width_cells(count: int, width: int):
    line = sparkline([math.sin(i) for i in range(count)], width=width)
    assert len(line) == width
    assert set(line) <= BLOCKS | {" "}


def test_sparkline_fewer_values_are_left_padded():
    assert sparkline([1.0, 2.0, 3.0], width=6) == "   ▁▅█"  # 3.5 of 7 rounds up


def test_sparkline_flat_and_empty():
    assert sparkline([5.0] * 7, width=7) == "▄" * 7
    assert sparkline([5.0] * 40, width=12) == "▄" * 12
    assert sparkline([5.0], width=4) == "   ▄"
    assert sparkline([], width=12) == " " * 12
    assert sparkline([1.0, 2.0], width=0) == ""


def test_sparkline_negative_values_and_non_finite_input():
    line = sparkline([-5.0, -3.0, -10.0, -1.0], width=4)
    assert line == "▅▆▁█"
    assert sparkline([-1e9, 1e9], width=2) == "▁█"
    # NaN and inf are dropped, not drawn and not propagated into the scale
    line = sparkline([1.0, float("nan"), 2.0, float("inf"), 3.0], width=3)
    assert line == sparkline([1.0, 2.0, 3.0], width=3) == "▁▅█"
    assert sparkline([float("nan")] * 3, width=3) == "   "


def test_sparkline_resample_takes_the_last_value_of_each_bucket():
    # 12 values into 4 buckets of 3: lasts are 0, 7, 0, 7 whatever the rest of the bucket is
    values: list[float] = [7, 7, 0, 0, 0, 7, 7, 7, 0, 0, 0, 7]
    assert sparkline(values, width=4) == "▁█▁█"
    # uneven buckets: 10 values into 4 -> ends at 2, 5, 7, 10 -> indices 1, 4, 6, 9
    values = [0.0] * 10
    values[1], values[4], values[6], values[9] = 1.0, 2.0, 3.0, 4.0
    assert sparkline(values, width=4) == sparkline([1.0, 2.0, 3.0, 4.0], width=4) == "▁▃▆█"
    assert sparkline([1.0, 9.0, 3.0], width=1) == "▄"  # the last value, alone: flat


# -- ranges ----------------------------------------------------------------------------------


def test_slice_range_boundaries_are_inclusive_of_the_first_day():
    points = [(TODAY - datetime.timedelta(days=d), float(d)) for d in range(400, -1, -1)]
    month = slice_range(points, "1M", TODAY)
    assert month[0] == (TODAY - datetime.timedelta(days=30), 30.0)
    assert (TODAY - datetime.timedelta(days=31), 31.0) not in month
    assert month[-1] == (TODAY, 0.0)
    assert len(month) == 31
    for name, days in RANGES.items():
        sliced = slice_range(points, name, TODAY)
        assert min(d for d, _ in sliced) == max(TODAY - datetime.timedelta(days=days), points[0][0])
    assert PriceChart.slice_range(points, "1Y", TODAY) == slice_range(points, "1Y", TODAY)
    assert PriceChart.RANGES == {"1M": 30, "3M": 91, "6M": 182, "1Y": 365, "5Y": 1826}
    with pytest.raises(ValueError, match="unknown range 'YTD'"):
        slice_range(points, "YTD", TODAY)
    assert slice_range([], "5Y", TODAY) == []


def test_format_price():
    assert format_price(187.921) == "187.92"
    assert format_price(999.994) == "999.99"
    assert format_price(1234.5) == "1,234"
    assert format_price(1234567.0) == "1,234,567"
    assert format_price(0.01234) == "0.0123"
    assert format_price(0.0) == "0.00"
    assert format_price(-12.5) == "-12.50"


# -- PriceChart ------------------------------------------------------------------------------


class ChartApp(App[None]):
    def compose(self) -> ComposeResult:
        yield PriceChart(id="chart")


def _lines(chart: PriceChart) -> list[str]:
    """What the compositor gets from the widget (render_lines applies the widget's styles)."""
    width, height = chart.outer_size
    return [strip.text for strip in chart.render_lines(Region(0, 0, width, height))]


async def test_price_chart_draws_braille_with_axes_and_summary():
    points = _series(120)
    values = [v for _, v in points]
    app = ChartApp()
    async with app.run_test(size=(80, 24)) as pilot:
        chart = app.query_one(PriceChart)
        chart.set_series(points, label="ALAB 6M")
        await pilot.pause()
        lines = _lines(chart)
        assert len(lines) == 24 and all(len(line) == 80 for line in lines)
        assert lines == [chart.render_line(y).text for y in range(24)]

        plot = lines[1:-2]
        assert sum(_is_braille(ch) for line in plot for ch in line) > 60
        assert lines[0].startswith(chart.summary_text())
        last, first = values[-1], values[0]
        assert chart.summary_text() == (f"ALAB 6M  {last:,.2f} ▲ {(last / first - 1) * 100:.1f}%")

        # y-axis: max on the top plot row, min on the bottom one, 5 labels at this height
        assert plot[0].startswith(f"{format_price(max(values))}┤")
        assert plot[-1].startswith(f"{format_price(min(values))}┤")
        assert sum("┤" in line for line in plot) == 5
        # the line reaches both the top and the bottom plot rows and the last column
        assert any(_is_braille(ch) for ch in plot[0]) and any(_is_braille(ch) for ch in plot[-1])
        assert _is_braille(max(line[-1] for line in plot))

        # x-axis: a rule, then first / middle / last date
        assert "└" in lines[-2] and "─" in lines[-2]
        dates = lines[-1]
        first_date, middle_date, last_date = dates.split()
        assert (first_date, last_date) == ("2024-01-01", "2024-04-29")
        middle = datetime.date.fromisoformat(middle_date)
        assert abs((middle - points[len(points) // 2][0]).days) <= 2  # the point under its centre
        gutter = plot[0].index("┤") + 1
        centre = dates.index(middle_date) + len(middle_date) // 2
        assert centre == gutter + (80 - gutter) // 2  # centred under the middle plot cell
        assert dates.index("2024-01-01") == gutter  # first date starts where the plot starts
        assert dates.rstrip().endswith("2024-04-29") and len(dates.rstrip()) == 80


async def test_price_chart_colours_the_line_with_the_theme():
    app = ChartApp()
    async with app.run_test(size=(80, 24)) as pilot:
        chart = app.query_one(PriceChart)

        def line_colour() -> str:
            row = chart.render_line(5)
            colours = {
                seg.style.color.triplet.hex.upper()
                for seg in row
                if seg.style
                and seg.style.color
                and seg.style.color.triplet
                and any(_is_braille(ch) for ch in seg.text)
            }
            assert len(colours) == 1
            return colours.pop()

        chart.set_series(_series(60, step=1.0), label="UP")
        await pilot.pause()
        assert chart.rising
        assert line_colour() == app.get_css_variables()["success"].upper()

        chart.set_series(_series(60, step=-1.0), label="DOWN")
        await pilot.pause()
        assert not chart.rising and "▼" in chart.summary_text()
        assert line_colour() == app.get_css_variables()["error"].upper()

        # a theme change reaches the cached lines
        app.theme = "nord"
        await pilot.pause()
        assert line_colour() == app.get_css_variables()["error"].upper()

        # deterministic: the same data draws the same strips
        again = [chart.render_line(y) for y in range(chart.size.height)]
        chart.set_series(_series(60, step=-1.0), label="DOWN")
        assert [chart.render_line(y) for y in range(chart.size.height)] == again


async def test_price_chart_empty_state():
    app = ChartApp()
    async with app.run_test(size=(80, 24)) as pilot:
        chart = app.query_one(PriceChart)
        await pilot.pause()
        lines = _lines(chart)
        (message,) = [line for line in lines if line.strip()]
        assert message.strip() == EMPTY_TEXT
        assert abs(message.index(EMPTY_TEXT) - (80 - len(EMPTY_TEXT)) // 2) <= 1
        assert 8 <= lines.index(message) <= 15  # vertically centred
        assert chart.summary_text() == ""

        chart.set_series(_series(10), label="X")
        await pilot.pause()
        chart.set_series([], label="ALAB 1M")
        await pilot.pause()
        lines = _lines(chart)
        assert lines[0].strip() == "ALAB 1M"
        assert any(EMPTY_TEXT in line for line in lines)
        assert not any(_is_braille(ch) for line in lines for ch in line)


async def test_price_chart_follows_a_terminal_resize():
    points = _series(1260, step=0.1)
    app = ChartApp()
    async with app.run_test(size=(80, 24)) as pilot:
        chart = app.query_one(PriceChart)
        chart.set_series(points, label="ALAB 5Y")
        await pilot.pause()
        before = _lines(chart)
        assert before[-1].rstrip().endswith(points[-1][0].isoformat())

        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert chart.size == (120, 36)
        after = _lines(chart)
        assert len(after) == 36 and all(len(line) == 120 for line in after)
        assert len(after[-1].rstrip()) == 120  # last date right-aligned at the new width
        assert after[-1].split()[0] == points[0][0].isoformat()
        assert after[-1].split()[-1] == points[-1][0].isoformat()
        braille_columns = {
            x for line in after[1:-2] for x, ch in enumerate(line) if _is_braille(ch)
        }
        assert max(braille_columns) == 119 and max(braille_columns) - min(braille_columns) > 100

        # down to the smallest supported size: title, 4 plot rows, dates
        await pilot.resize_terminal(40, 6)
        await pilot.pause()
        small = _lines(chart)
        assert len(small) == 6 and all(len(line) == 40 for line in small)
        assert small[0].startswith("ALAB 5Y")
        values = [v for _, v in points]
        assert small[1].lstrip().startswith(format_price(max(values)) + "┤")
        assert small[4].lstrip().startswith(format_price(min(values)) + "┤")
        assert small[5].split() == [points[0][0].isoformat(), points[-1][0].isoformat()]
        assert any(_is_braille(ch) for line in small[1:5] for ch in line)

        # the empty-state message wraps when narrower than the text
        chart.set_series([])
        await pilot.pause()
        text = " ".join(" ".join(_lines(chart)).split())
        assert text == EMPTY_TEXT


@pytest.mark.parametrize("size", [(80, 24), (40, 6), (20, 3), (10, 1)])
async def test_price_chart_one_point_and_flat_series_do_not_divide_by_zero(size: tuple[int, int]):
    app = ChartApp()
    async with app.run_test(size=size) as pilot:
        chart = app.query_one(PriceChart)
        day = datetime.date(2025, 6, 30)
        chart.set_series([(day, 187.92)], label="ALAB")
        await pilot.pause()
        lines = _lines(chart)
        assert len(lines) == size[1]
        assert any(_is_braille(ch) for line in lines for ch in line)
        assert chart.summary_text() == "ALAB  187.92"
        if size[1] >= 6:
            assert any(line.startswith("187.92┤") for line in lines)
            assert lines[-1].split() == ["2025-06-30"]

        chart.set_series([(day - datetime.timedelta(days=i), 50.0) for i in range(5, 0, -1)])
        await pilot.pause()
        lines = _lines(chart)
        assert any(_is_braille(ch) for line in lines for ch in line)
        assert chart.summary_text() == "50.00 ▲ 0.0%"


async def test_price_chart_drops_non_finite_closes():
    app = ChartApp()
    async with app.run_test(size=(60, 12)) as pilot:
        chart = app.query_one(PriceChart)
        day = datetime.date(2025, 1, 1)
        chart.set_series(
            [
                (day, 10.0),
                (day + datetime.timedelta(1), float("nan")),
                (day + datetime.timedelta(2), 12.0),
            ]
        )
        await pilot.pause()
        assert [v for _, v in chart.points] == [10.0, 12.0]
        lines = _lines(chart)
        assert lines[1].startswith("12.00┤") and "10.00┤" in "".join(lines)


async def test_an_events_day_is_marked_on_the_line_where_its_close_is_drawn():
    """120 closes rising by 1 from 100; marks on the 61st day, before the first and after the
    last: one mark, in the cell and row of the 61st close (computed here as the plot places a
    point: fewer points than dot columns sit on evenly spaced columns)."""
    first = datetime.date(2024, 1, 1)
    points = [(first + datetime.timedelta(days=i), 100.0 + i) for i in range(120)]
    marks = [
        first + datetime.timedelta(days=60),
        first - datetime.timedelta(days=1),
        first + datetime.timedelta(days=400),
    ]
    app = ChartApp()
    async with app.run_test(size=(80, 24)) as pilot:
        chart = app.query_one(PriceChart)
        chart.set_series(points, label="ALAB 6M", marks=marks)
        await pilot.pause()
        lines = _lines(chart)
        chart.set_series(points, label="ALAB 6M")  # none given: none drawn
        await pilot.pause()
        unmarked = _lines(chart)
    plot_rows = 24 - 3  # the title, the rule and the dates
    gutter = len("219.00┤")
    dot_cols, dot_rows = 2 * (80 - gutter), 4 * plot_rows
    dot = round(60 * (dot_cols - 1) / (120 - 1))
    y = (219.0 - 160.0) * (dot_rows - 1) / (219.0 - 100.0)
    row, cell = int(y + 0.5) // 4, dot // 2
    assert sum(line.count("◆") for line in lines) == 1
    assert lines[1 + row][gutter + cell] == "◆"
    assert not any("◆" in line for line in unmarked)
