"""XBRL instances (a 10-Q's or 10-K's XML instance, or its inline XBRL document) read into revenue
by product line, segment and geography: `reader.read_segments` is the door, `records` holds what
it gives."""

from .errors import NoRevenue, XbrlFormatError
from .reader import read_segments
from .records import AxisRevenue, Line, Segments

__all__ = ["AxisRevenue", "Line", "NoRevenue", "Segments", "XbrlFormatError", "read_segments"]
