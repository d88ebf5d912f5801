"""The values an argument reads: text with no undecodable byte, the range of a day typed, and
`--broker`'s choices."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


class BrokerNames:
    """`--broker`'s choices: the formats of the brokers' registry (reading/brokers/formats.py
    `BROKERS`) and `generic` (a CSV read by --map). Read when argparse first checks or shows
    them: the readers' modules are start-up time no other command needs."""

    GENERIC = "generic"

    def __iter__(self) -> Iterator[str]:
        from ...reading.brokers.formats import BROKERS

        return iter([*BROKERS, self.GENERIC])

    def __contains__(self, name: object) -> bool:
        return name in list(self)


# A byte that is not UTF-8 in an argument arrives as a lone surrogate (Python's surrogateescape):
# no file, database or terminal can hold it, so a text argument holding one is refused, named,
# with the bytes shown as escapes. Paths (--config, --db, -o, a file to read) keep them: the
# file system takes them back as the bytes they were.
_UNDECODABLE = re.compile("[\udc80-\udcff]")
# The days a person may type (`evidence add --date`, `replay --from`): a four-digit year SQLite,
# the timeline and date arithmetic all hold; out of it, one line and exit 2 (cli/spans.py).
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2200, 12, 31)
#: How an option taking a moment or a day shows what it takes (cli/spans.py reads what it says).
SPAN_METAVAR = "7d|YYYY-MM-DD"


def text(value: str) -> str:
    """A text argument: refused (argparse names it, exit 2) when it holds undecodable bytes."""
    if _UNDECODABLE.search(value):
        shown = value.encode("utf-8", "surrogateescape").decode("ascii", "backslashreplace")
        raise argparse.ArgumentTypeError(
            f"'{shown}' holds bytes that are not UTF-8: write it in UTF-8 (nothing was written)"
        )
    if "\x00" in value:
        raise argparse.ArgumentTypeError("holds a NUL character")
    return value
