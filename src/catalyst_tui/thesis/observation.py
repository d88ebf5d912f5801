"""What a metric's value is: the Observation record, the period a value is of, and why a value is
missing as a code with its parameters. thesis/metrics.py makes them, thesis/wording.py puts
them into words, the store keeps them in parts."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import datetime as dt


class PeriodKind(StrEnum):
    QUARTER = "quarter"
    FISCAL_YEAR = "fiscal year"
    FOUR_QUARTERS = "four quarters"
    GUIDED_QUARTER = "guided quarter"  # the quarter after `end`, as a release guided it


class ValueSource(StrEnum):
    """Where a fundamentals value was read: SEC's XBRL of a 10-Q or 10-K, or the earnings
    press release (8-K EX-99.1) the evening it lands, until the filing has that quarter."""

    FILING = "filing"
    RELEASE = "release"


class Period(NamedTuple):
    """The reported period a fundamentals value is of, when it was filed (or released), and
    where the value was read."""

    kind: PeriodKind
    end: dt.date
    filed: dt.date | None = None
    source: ValueSource = ValueSource.FILING


class MissingCode(StrEnum):
    """Why a metric has no value; the parameters each code uses are in Missing. The values are
    stored: a code is never renamed, only added."""

    NO_QUOTE = "no_quote"  # symbol
    QUOTE_FAILED = "quote_failed"  # symbol, text: no quote, and the last refresh's failure
    NO_PREVIOUS_CLOSE = "no_previous_close"  # symbol
    NO_YEAR_HIGH = "no_year_high"  # symbol: no 52-week high quoted or stored
    NO_SEC_USER_AGENT = "no_sec_user_agent"  # symbol: no fundamentals, and none can be fetched
    NO_FUNDAMENTALS_YET = "no_fundamentals_yet"  # symbol
    NOT_AT_SEC = "not_at_sec"  # symbol: SEC's ticker map has no such filer (a foreign listing)
    SEC_PAUSED = "sec_paused"  # symbol, text: SEC refused; asked again after `text` (ISO time)
    SEC_FAILED = "sec_failed"  # symbol, text: SEC's last try failed at `text` (ISO time)
    NOT_REPORTED = "not_reported"  # symbol, metric, pin: its figure is not reported (for pin)
    NO_REVENUE_QUARTER = "no_revenue_quarter"  # symbol, pin: the quarter a ratio is of
    FEWER_THAN_FOUR_QUARTERS = "fewer_than_four_quarters"  # symbol, metric
    NOT_IN_QUARTER = "not_in_quarter"  # symbol, metric, quarter: no numerator for that quarter
    NO_YEAR_EARLIER = "no_year_earlier"  # symbol, quarter: no revenue a year before it
    NO_SHARES_OUTSTANDING = "no_shares_outstanding"  # symbol
    PE_UNDEFINED = "pe_undefined"  # symbol, value: the EPS TTM (zero or below)
    UNQUOTED_HOLDINGS = "unquoted_holdings"  # symbols held with no quote
    NO_FX_RATE = "no_fx_rate"  # symbols held with no rate to the base `currency`
    NO_LOTS = "no_lots"  # symbol: a gain needs a position
    NO_POSITION = "no_position"  # symbol: a weight needs one (no lots: nothing to weigh)
    SOLD = "sold"  # symbol: every share sold
    COSTLESS_LOTS = "costless_lots"  # symbol: lots that cost nothing
    NO_RELEASE = "no_release"  # symbol: no earnings press release stored
    NO_GUIDANCE = "no_guidance"  # symbol, quarter: no release guided that quarter's revenue
    WORTHLESS_HOLDINGS = "worthless_holdings"  # symbols held: their total is 0, no share of it
    NOT_FINITE = "not_finite"  # symbol, metric: it came out infinite or NaN (a divisor near 0)
    METRIC_FAILED = "metric_failed"  # symbol, metric, text: what it raised
    RECORDED = "recorded"  # text: the sentence an earlier version stored
    NO_RETURN = "no_return"  # symbol, text: why no return (thesis.returns.NoReturn's value)
    NO_ESTIMATES = "no_estimates"  # symbol: no estimates of the Street stored
    NO_CONSENSUS = "no_consensus"  # symbol, metric: the estimates give none for its period
    FEW_ANALYSTS = "few_analysts"  # symbol, metric, value: fewer analysts than MIN_ANALYSTS
    NO_REVISION_TREND = "no_revision_trend"  # symbol: no fiscal-year consensus 30 days ago
    FORWARD_PE_UNDEFINED = "forward_pe_undefined"  # symbol, value: the FY EPS consensus
    STREET_CURRENCY = "street_currency"  # symbol, currency (the consensus's), text (the quote's)
    NO_FROZEN_CONSENSUS = "no_frozen_consensus"  # symbol, metric, quarter: none kept before it
    # symbol, metric, text (the period's end): a consensus of a period ended and reported, or
    # ended past the report's ceiling: no current consensus (thesis/reported/street.py)
    STREET_PERIOD_ENDED = "street_period_ended"
    # Product lines (thesis/lines/metrics.py); text: the line the condition names.
    NO_LINE_SPLITS = "no_line_splits"  # symbol, metric, text: no 10-Q or 10-K split stored yet
    NO_PRODUCT_LINES = "no_product_lines"  # symbol, metric, text: filings state no product line
    UNKNOWN_LINE = "unknown_line"  # symbol, metric, text, quarter, symbols: the lines it names
    NO_LINE_TOTAL = "no_line_total"  # symbol, metric, text, quarter: no total revenue
    NO_LINE_YEAR_EARLIER = "no_line_year_earlier"  # symbol, metric, text, quarter
    ONE_LINE = "one_line"  # symbol, metric, text: no other line to lead
    SUM_OF_LINES = "sum_of_lines"  # symbol, metric, text: the line is the sum of others
    # KPIs read from words (thesis/kpis/metrics.py); text: the product ("" for guidance).
    NO_KPI = "no_kpi"  # symbol, metric, text: no document read states it
    KPI_FORECAST_ONLY = "kpi_forecast_only"  # symbol, metric, text, symbols: the newest forecast
    # symbol, metric, text, symbols: the statement quoted with where, the comparison it leaves open
    KPI_UNSETTLED = "kpi_unsettled"


#: The reasons a metric of the day's close (a quote's, the Street's, the portfolio's) has no
#: value that the figures give whatever the close, the Street's reading of the day, the rates:
#: no lots, no estimates read, no fundamentals, no consensus. Replay judges a checkpoint left
#: without a value by one of them again only on a day its figures change (thesis/replay/
#: engine.py); tests/thesis/test_figures_only.py checks each against another close.
FIGURES_ONLY = frozenset(
    {
        MissingCode.NO_SEC_USER_AGENT,
        MissingCode.NO_FUNDAMENTALS_YET,
        MissingCode.NOT_AT_SEC,
        MissingCode.NOT_REPORTED,
        MissingCode.NO_REVENUE_QUARTER,
        MissingCode.FEWER_THAN_FOUR_QUARTERS,
        MissingCode.NO_SHARES_OUTSTANDING,
        MissingCode.PE_UNDEFINED,
        MissingCode.NO_LOTS,
        MissingCode.NO_POSITION,
        MissingCode.SOLD,
        MissingCode.COSTLESS_LOTS,
        MissingCode.NO_RETURN,
        MissingCode.NO_ESTIMATES,
        MissingCode.NO_CONSENSUS,
        MissingCode.FEW_ANALYSTS,
        MissingCode.NO_REVISION_TREND,
    }
)


class Missing(NamedTuple):
    """Why a metric has no value: a code and the parameters its sentence names."""

    code: MissingCode
    symbol: str = ""
    #: The metric observed: names the reported figure it is made of.
    metric: str = ""
    #: The period end the metric was pinned to (`period_end`), if any.
    pin: dt.date | None = None
    #: The quarter a ratio or a growth was looked up for.
    quarter: Period | None = None
    symbols: tuple[str, ...] = ()
    currency: str = ""
    value: float | None = None
    text: str = ""


class Observation(NamedTuple):
    """A metric's value, or None with `missing` saying why. A value carries what it is of:
    `period` (fundamentals), `portfolio` (weight: the total it is a share of), `stale_seconds`
    (the age of a quote the last refresh could not renew) or a `note`; `split_adjusted`, the
    factor a per-share value was divided by to be on today's share basis; `rebased`, the factor
    it was multiplied by to be on the basis a condition was written in; `released`, the value
    the earnings release gave where the filing that won since says otherwise; `high`, the upper
    end of a value stated as a range.
    A NamedTuple built by name: evaluation builds one per distinct (metric, symbol), and a
    frozen dataclass with slots costs 2.5-3.5 times as much to build."""

    value: float | None
    missing: Missing | None = None
    period: Period | None = None
    portfolio: float | None = None
    stale_seconds: float | None = None
    note: str = ""
    split_adjusted: float | None = None
    rebased: float | None = None
    released: float | None = None
    #: A range's upper end, where the value was stated as one ("10% to 15%": value 0.10).
    high: float | None = None
    #: Where the value was stated as one end of what is meant (thesis/kpis/metrics.py, Bound):
    #: "above" ("over 10%"), "at least", "below" ("under 5%", "nearly 20%"), "at most".
    bound: str = ""
    #: The money `portfolio` is in (the base currency's code), "" when not known.
    currency: str = ""
