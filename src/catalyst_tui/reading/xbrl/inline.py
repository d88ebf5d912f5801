"""Inline XBRL's displayed values to numbers and dates: `ix:nonFraction` text through its
`format` transform (ixt:num-dot-decimal, ixt:fixed-zero, ixt:num-comma-decimal and the older
ixt:numdotdecimal names), its `scale` and `sign`; dates as filings write them ("October 27, 2024",
with a no-break space, or ISO)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

__all__ = ["parse_date", "parse_number", "transform_number"]

# Transforms by local name (the prefix's namespace version does not change what they do).
_DOT_DECIMAL = frozenset(
    {"num-dot-decimal", "numdotdecimal", "numcommadot", "num-dot-decimal-apos"}
)
_COMMA_DECIMAL = frozenset({"num-comma-decimal", "numcommadecimal", "numdotcomma"})
_ZERO = frozenset({"fixed-zero", "zerodash", "fixedzero", "nocontent"})
_PLAIN = frozenset({"", "num-unit-decimal", "numunitdecimal"})
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH_FIRST = re.compile(r"([a-z]+)\.? (\d{1,2}),? (\d{4})")
_DAY_FIRST = re.compile(r"(\d{1,2}) ([a-z]+)\.?,? (\d{4})")
_NUMERIC = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def parse_number(text: str) -> Decimal | None:
    """An XML instance's value ("35082000000", "9825000000.0", "-12"); None if it is none."""
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def transform_number(text: str, fmt: str, scale: str, sign: str) -> Decimal | None:
    """A displayed `ix:nonFraction` value as the number it states; None for a format this reader
    does not know or a text the format does not fit (the caller says where)."""
    name = fmt.rpartition(":")[2].strip().lower()
    if name in _ZERO:
        value = Decimal(0)
    else:
        compact = _SPACES.sub("", text)
        if name in _DOT_DECIMAL or name in _PLAIN:
            compact = compact.replace(",", "").replace("'", "")
        elif name in _COMMA_DECIMAL:
            compact = compact.replace(".", "").replace("'", "").replace(",", ".")
        else:
            return None
        if not _NUMBER.fullmatch(compact):
            return None
        value = Decimal(compact)
    if scale.strip():
        try:
            power = int(scale)
        except ValueError:
            return None
        if not -30 <= power <= 30:
            return None
        value = value.scaleb(power)
    return -value if sign.strip() == "-" else value


def parse_date(text: str) -> date | None:
    """A document's date as filings write it: "2024-10-27", "October 27, 2024" (a no-break space
    or two between the words), "Oct. 27, 2024", "27 October 2024", "10/27/2024"; else None."""
    flat = _SPACES.sub(" ", text).strip().lower()
    try:
        if match := _ISO.search(flat):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if (match := _MONTH_FIRST.search(flat)) and match[1] in _MONTHS:
            return date(int(match[3]), _MONTHS[match[1]], int(match[2]))
        if (match := _DAY_FIRST.search(flat)) and match[2] in _MONTHS:
            return date(int(match[3]), _MONTHS[match[2]], int(match[1]))
        if match := _NUMERIC.search(flat):
            return date(int(match[3]), int(match[1]), int(match[2]))
    except ValueError:
        return None
    return None
