"""Price drawing: the one-line `sparkline` for table cells and the braille `PriceChart` widget,
with the chart's ranges. No SQL and no HTTP here: both draw the numbers they are handed and
nothing else."""

from .plot import format_price
from .price_chart import EMPTY_TEXT, PriceChart
from .ranges import ALL_RANGES, INTRADAY_RANGES, RANGES, Point, XLabel, iso_label, slice_range
from .sparkline import sparkline

__all__ = [
    "ALL_RANGES",
    "EMPTY_TEXT",
    "INTRADAY_RANGES",
    "RANGES",
    "Point",
    "XLabel",
    "iso_label",
    "PriceChart",
    "format_price",
    "slice_range",
    "sparkline",
]
