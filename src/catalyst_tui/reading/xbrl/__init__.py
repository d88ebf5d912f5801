"""XBRL instances (a 10-Q's or 10-K's XML instance, or its inline XBRL document) read into revenue
by product line, segment and geography: `reader.read_segments` is the door, `records` holds what
it gives. The reader (lxml) loads with the first `read_segments` asked of the
package: its records and errors (the axes' names a stored split reads) load without it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import NoRevenue, XbrlFormatError
from .records import AxisRevenue, Line, Segments

if TYPE_CHECKING:
    from .reader import read_segments

__all__ = ["AxisRevenue", "Line", "NoRevenue", "Segments", "XbrlFormatError", "read_segments"]


def __getattr__(name: str) -> Any:
    if name == "read_segments":
        from .reader import read_segments

        return read_segments
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
