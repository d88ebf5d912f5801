"""The errors the XBRL reader raises: a document that is not XBRL, and one without revenue."""

from __future__ import annotations

from ..errors import FormatError

__all__ = ["NoRevenue", "NotWellFormed", "XbrlFormatError"]


class XbrlFormatError(FormatError):
    """A document that is not an XBRL instance nor inline XBRL, or one whose facts contradict
    each other (a member given twice with different values): the message says where."""


class NoRevenue(XbrlFormatError):
    """An XBRL document without revenue facts for its current period; the message is the
    reason, as a sentence."""


class NotWellFormed(XbrlFormatError):
    """A body that is not well-formed XML (its line and column in the message): an inline XBRL
    page written as HTML is read again by the HTML parser."""
