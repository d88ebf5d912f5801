"""The record a metric is declared by (thesis/catalogue.py holds the table of them): the unit of
its value, where its data comes from, the currency of its amounts, and the Metric row itself."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum


class Unit(StrEnum):
    """The kind of value a metric is, as docs/config.md's table names it."""

    MONEY = "money"
    RATIO = "ratio"  # written with % in a condition, stored as a fraction
    MULTIPLE = "multiple"  # a price over earnings: written 44.5x
    PER_SHARE = "per share"
    NUMBER = "plain number"
    WORD = "word"  # one of its row's `words`, in double quotes: `guidance == "raised"`


class Source(Enum):
    """Where a metric's data comes from, as docs/config.md's table says it."""

    QUOTES = "quotes"
    FUNDAMENTALS = "SEC EDGAR"
    RELEASES = "earnings releases"
    MIXED = "quotes and SEC EDGAR"
    LOTS = "your lots, sales and quotes"
    LINES = "10-Q and 10-K XBRL (SEC EDGAR)"
    STREET = "the Street's consensus (Yahoo)"
    WORDS = "management's words: releases, calls, 10-Q text, feeds"


#: The sources whose figures change with a day's close (a quote's, the Street's reading of the
#: day, the portfolio's): a metric of them is judged again every day a replay judges; one of the
#: others only on a day its figures change (thesis/replay/engine.py).
OF_THE_DAY = frozenset({Source.QUOTES, Source.MIXED, Source.LOTS, Source.STREET})


class Money(Enum):
    """The currency a metric's amounts are in, where it is money."""

    NONE = ""  # a ratio, a count, a plain number
    # SEC's figures are read in USD alone (market/sec/facts.py); the releases that feed them
    # and the guides beside them are read as dollars as well.
    REPORTED = "USD"
    LISTING = "listing"  # the price's currency (the listing's unit)


@dataclass(frozen=True, slots=True)
class Metric:
    """A metric a condition can name (`gross_margin >= 70%`)."""

    name: str
    unit: Unit
    source: Source
    #: What it is, as docs/config.md's table says it (Markdown).
    meaning: str
    #: The function computing it: "module.name" in thesis/ (thesis/metrics.py looks it up).
    function: str
    #: The reported figure it is made of (a ratio's numerator), as a sentence of why it has no
    #: value names it: "no gross profit for the quarter ended ..."; "" names the metric.
    figure: str = ""
    #: What docs/config.md says it is read from, where that is more than the source's words.
    data: str = ""
    #: A fundamentals metric an earnings release's quarter feeds until XBRL has that quarter
    #: (thesis/results.merge): what the release alone gave is kept where XBRL says otherwise.
    from_releases: bool = False
    #: A split changes it: a threshold stays on the share basis it was written in.
    per_share: bool = False
    #: How the ticker page's fundamentals name it, and its place there (1 first); "" / 0: not shown.
    label: str = ""
    page: int = 0
    #: The currency of its amounts, on the page and in a reason (none: not known, no symbol).
    money: Money = Money.NONE
    #: How the watchlist shows it, where it is one of its columns: the column's header ("Fwd
    #: P/E"; "": none), the words of the sort by it ("forward P/E"; "": the column does not
    #: sort) on the row's field of its name, and whether that sort puts the largest first (the
    #: heaviest weight) or the smallest (the cheapest forward P/E).
    column: str = ""
    sort: str = ""
    largest_first: bool = False

    def currency(self, listing: str | None) -> str:
        """Its amounts' currency ("USD", "GBp"), "" for a ratio, a count, or not known."""
        if self.money is Money.REPORTED:
            return "USD"
        return (listing or "") if self.money is Money.LISTING else ""

    #: What the condition names in parentheses after it: "line" (`line_share(Scorpio)`),
    #: "product" (`share(Scorpio)`), or "".
    parameter: str = ""
    #: Read from a 10-Q's or 10-K's XBRL beside revenue: its concepts, the first stated wins
    #: (reading/xbrl/figures.py); its function `lines.xbrl_figure`, its source LINES.
    xbrl: tuple[str, ...] = ()
    #: A word metric's words (unit WORD), in their order: a condition's threshold and the
    #: value are a word's index in them (thesis/conditions.py).
    words: tuple[str, ...] = ()
    #: A metric read from management's words (source WORDS): how a series of its statements
    #: is titled after its subject ("Scorpio · share of revenue"); the KPIs pane lists the
    #: series in the catalogue's order of these rows.
    series: str = ""

    @property
    def ratio(self) -> bool:
        return self.unit is Unit.RATIO

    @property
    def word(self) -> bool:
        return self.unit is Unit.WORD

    @property
    def as_column(self) -> tuple[str, str]:
        """Its column on the watchlist, as the watchlist's table of columns lists one: its key
        (its name) and its header."""
        return self.name, self.column

    @property
    def as_sort(self) -> tuple[str, str]:
        """The watchlist's sort by it, as the table of sorts lists one: its key and its words."""
        return self.name, self.sort

    @property
    def pinnable(self) -> bool:
        """Whether `period_end` can pin this metric to a reported period."""
        return self.source in (Source.FUNDAMENTALS, Source.RELEASES)

    @property
    def data_from(self) -> str:
        return self.data or self.source.value
