"""The one-line sparkline of a table cell: closes as block characters, one cell per bucket."""

from __future__ import annotations

from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

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
