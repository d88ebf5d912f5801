"""One row per metric, the only declaration of one: its name, the unit of its value, where its data
comes from, what it means, the function that computes it, the figure a sentence names, whether an
earnings release's quarter feeds it, whether a split changes it, and how the ticker page shows it
(its label, its place, the currency its amounts are in) and the watchlist (its column's header,
the sort by it). The condition parser, config validation, the evaluator, the wording, the
screens and the metric table of docs/config.md (compared by tests/thesis/test_catalogue.py) all
read it; a new metric is one row here plus its function.

The function is written as its name in a module of thesis/ ("fundamentals.revenue_q"), not
imported: config validation parses conditions against this table, and importing the functions
would load the metrics, their records and the release reader's at every start
(docs/performance.md). thesis/metrics.py looks every name up when it is imported, so a row
whose function does not exist fails there, and in tests/thesis/test_catalogue.py.
"""

from __future__ import annotations

# The guidance words from their records (reading.words loads no reader): kpis/statements.py,
# which reads them, loads with the first KPI read.
from ..reading.words import DIRECTIONS as GUIDANCE_DIRECTIONS
from .metric_row import Metric, Money, Source, Unit

__all__ = ["METRICS", "Metric", "Money", "Source", "Unit", "on_the_ticker_page", "xbrl_concepts"]


METRICS: dict[str, Metric] = {
    m.name: m
    for m in (
        Metric(
            "price",
            Unit.MONEY,
            Source.QUOTES,
            "last price",
            "metrics.price",
            per_share=True,
            column="Price",
        ),
        Metric(
            "change_pct",
            Unit.RATIO,
            Source.QUOTES,
            "day change vs the previous close",
            "metrics.change_pct",
        ),
        Metric(
            "drawdown",
            Unit.RATIO,
            Source.QUOTES,
            "fraction below the 52-week high, positive (0% at the high): `drawdown <= 30%`",
            "metrics.drawdown",
            data="quotes and stored daily history",
        ),
        Metric(
            "market_cap",
            Unit.MONEY,
            Source.MIXED,
            "price × shares outstanding (`dei:EntityCommonStockSharesOutstanding`)",
            "metrics.market_cap",
            label="Market cap",
            page=6,
            money=Money.LISTING,
        ),
        Metric(
            "revenue_q",
            Unit.MONEY,
            Source.FUNDAMENTALS,
            "revenue of the latest single quarter",
            "fundamentals.revenue_q",
            figure="quarterly revenue",
            from_releases=True,
            label="Revenue (latest quarter)",
            page=1,
            money=Money.REPORTED,
        ),
        Metric(
            "revenue_ttm",
            Unit.MONEY,
            Source.FUNDAMENTALS,
            "revenue of the last four quarters, summed",
            "fundamentals.revenue_ttm",
            figure="revenue",
            from_releases=True,
            money=Money.REPORTED,
        ),
        Metric(
            "revenue_fy",
            Unit.MONEY,
            Source.FUNDAMENTALS,
            "revenue of the latest fiscal year",
            "fundamentals.revenue_fy",
            figure="fiscal-year revenue",
            from_releases=True,
            money=Money.REPORTED,
        ),
        Metric(
            "revenue_growth_yoy",
            Unit.RATIO,
            Source.FUNDAMENTALS,
            "latest quarter's revenue vs the same quarter a year earlier",
            "fundamentals.revenue_growth_yoy",
            from_releases=True,
        ),
        Metric(
            "gross_margin",
            Unit.RATIO,
            Source.FUNDAMENTALS,
            "gross profit / revenue, latest single quarter",
            "fundamentals.gross_margin",
            figure="gross profit",
            from_releases=True,
            label="Gross margin",
            page=2,
        ),
        Metric(
            "operating_margin",
            Unit.RATIO,
            Source.FUNDAMENTALS,
            "operating income / revenue, latest single quarter",
            "fundamentals.operating_margin",
            figure="operating income",
            from_releases=True,
            label="Operating margin",
            page=3,
        ),
        Metric(
            "net_margin",
            Unit.RATIO,
            Source.FUNDAMENTALS,
            "net income / revenue, latest single quarter",
            "fundamentals.net_margin",
            figure="net income",
            from_releases=True,
        ),
        Metric(
            "eps_ttm",
            Unit.PER_SHARE,
            Source.FUNDAMENTALS,
            "diluted EPS summed over the last four quarters",
            "fundamentals.eps_ttm",
            figure="diluted EPS",
            from_releases=True,
            per_share=True,
            label="EPS (TTM, diluted)",
            page=4,
            money=Money.REPORTED,
        ),
        Metric(
            "pe_ttm",
            Unit.MULTIPLE,
            Source.MIXED,
            "price / `eps_ttm`",
            "metrics.pe_ttm",
            label="P/E (TTM)",
            page=5,
        ),
        Metric(
            "guide_revenue",
            Unit.MONEY,
            Source.RELEASES,
            "the midpoint of the next quarter's revenue guidance in the latest earnings "
            "release (`$440–450M` is 445M)",
            "releases.guide_revenue",
            money=Money.REPORTED,
        ),
        Metric(
            "revenue_vs_guide",
            Unit.RATIO,
            Source.RELEASES,
            "the latest quarter's revenue against the midpoint of the range the release "
            "**before** it guided for that quarter: `+6.4%` is 6.4% above the company's own "
            "guide",
            "releases.revenue_vs_guide",
            data="earnings releases, and the quarter's revenue from the release or SEC EDGAR",
        ),
        Metric(
            "eps_nongaap_q",
            Unit.PER_SHARE,
            Source.RELEASES,
            'non-GAAP (or "adjusted") diluted EPS of the latest release\'s quarter, as the '
            "release labels it",
            "releases.eps_nongaap_q",
            figure="non-GAAP diluted EPS",
            per_share=True,
        ),
        Metric(
            "weight",
            Unit.RATIO,
            Source.LOTS,
            "this position's value / the value of all positions in the file, in the base "
            "currency, of what is still held",
            "metrics.weight",
            data="your lots, sales, quotes and FX rates",
            column="Weight",
            sort="weight",
            largest_first=True,
        ),
        Metric(
            "gain_pct",
            Unit.RATIO,
            Source.LOTS,
            "unrealized gain of what is still held vs what it cost (its lots' `cost` × "
            "remaining `shares`), in the listing's currency",
            "metrics.gain_pct",
        ),
        Metric(
            "excess_return",
            Unit.RATIO,
            Source.LOTS,
            "the position's money-weighted yearly return over its life (buys with their "
            "fees, sales, dividends after tax, what is held today, in the base currency) less "
            "its benchmark's on the same money: `excess_return >= 0%` holds while the thesis "
            "beats the index",
            "metrics.excess_return",
            data="your lots, sales, dividends, daily history, the benchmark's and FX rates",
        ),
        Metric(
            "eps_estimate_q",
            Unit.PER_SHARE,
            Source.STREET,
            "the analysts' average EPS estimate for the current quarter (the one reported next)",
            "street.eps_estimate_q",
            figure="quarter's EPS",
            per_share=True,
        ),
        Metric(
            "revenue_estimate_q",
            Unit.MONEY,
            Source.STREET,
            "the analysts' average revenue estimate for the current quarter",
            "street.revenue_estimate_q",
            figure="quarter's revenue",
        ),
        Metric(
            "eps_estimate_fy",
            Unit.PER_SHARE,
            Source.STREET,
            "the analysts' average EPS estimate for the current fiscal year",
            "street.eps_estimate_fy",
            figure="fiscal year's EPS",
            per_share=True,
        ),
        Metric(
            "eps_estimate_next_fy",
            Unit.PER_SHARE,
            Source.STREET,
            "the analysts' average EPS estimate for the next fiscal year",
            "street.eps_estimate_next_fy",
            figure="next fiscal year's EPS",
            per_share=True,
        ),
        Metric(
            "eps_revision_30d",
            Unit.RATIO,
            Source.STREET,
            "the current fiscal year's EPS consensus now against 30 days ago: "
            '`eps_revision_30d >= 0%` is "the Street keeps revising up"',
            "street.eps_revision_30d",
        ),
        Metric(
            "forward_pe",
            Unit.MULTIPLE,
            Source.STREET,
            "price / `eps_estimate_fy`: the current fiscal year's EPS consensus, not the next "
            "twelve months'",
            "street.forward_pe",
            data="quotes and the Street's consensus (Yahoo)",
            column="Fwd P/E",
            sort="forward P/E",
        ),
        Metric(
            "revenue_vs_consensus",
            Unit.RATIO,
            Source.STREET,
            "the latest release's revenue against the Street's consensus for that quarter, "
            "as it stood the day before the report: `+1.9%` is 1.9% above the Street",
            "street.revenue_vs_consensus",
            figure="revenue",
            data="earnings releases and the Street's consensus (Yahoo)",
        ),
        Metric(
            "eps_vs_consensus",
            Unit.RATIO,
            Source.STREET,
            "the latest release's non-GAAP diluted EPS (its GAAP diluted EPS where the "
            "release states no non-GAAP figure) against the Street's EPS consensus for that "
            "quarter, as it stood the day before the report",
            "street.eps_vs_consensus",
            figure="EPS",
            data="earnings releases and the Street's consensus (Yahoo)",
        ),
        Metric(
            "line_revenue",
            Unit.MONEY,
            Source.LINES,
            "revenue of one product line in the latest filing that states revenue by line "
            "(a 10-Q's quarter, a 10-K's year): `line_revenue(Scorpio) >= 100M`",
            "lines.line_revenue",
            parameter="line",
        ),
        Metric(
            "line_share",
            Unit.RATIO,
            Source.LINES,
            "one product line's revenue / the filing's total revenue, same period",
            "lines.line_share",
            parameter="line",
        ),
        Metric(
            "line_growth",
            Unit.RATIO,
            Source.LINES,
            "one product line's revenue vs the same line's in the filing of the same period "
            "a year earlier",
            "lines.line_growth",
            parameter="line",
        ),
        Metric(
            "line_lead",
            Unit.RATIO,
            Source.LINES,
            "one product line's revenue against the largest other line's, same filing: "
            "`line_lead(Scorpio) > 0%` holds while Scorpio is the largest product line",
            "lines.line_lead",
            parameter="line",
        ),
        Metric(
            "share",
            Unit.RATIO,
            Source.WORDS,
            "a named product's share of revenue as management last stated it as an outcome "
            '("Scorpio was over 10% of total revenue" is 10%): `share(Scorpio) >= 20%`',
            "kpi_metrics.share",
            parameter="product",
            series="share of revenue",
        ),
        Metric(
            "growth",
            Unit.RATIO,
            Source.WORDS,
            "a named product's revenue growth as management last stated it as an outcome, on "
            'the basis it states ("Blackwell revenue grew 17% sequentially" is +17%); '
            "`growth(revenue)` is the company's own",
            "kpi_metrics.growth",
            parameter="product",
            series="growth",
        ),
        Metric(
            "guidance",
            Unit.WORD,
            Source.WORDS,
            "the direction of the company's latest guidance as its words give it, one of "
            + ", ".join(f'`"{w}"`' for w in GUIDANCE_DIRECTIONS)
            + ': `guidance != "cut"`',
            "kpi_metrics.guidance",
            words=GUIDANCE_DIRECTIONS,
            series="guidance",
        ),
    )
}


def xbrl_concepts() -> tuple[str, ...]:
    """Every concept an `xbrl=` row reads: what the XBRL reader is asked for beside revenue."""
    return tuple(dict.fromkeys(c for m in METRICS.values() for c in m.xbrl))


def on_the_ticker_page() -> tuple[Metric, ...]:
    """The fundamentals the ticker page shows, in its order."""
    return tuple(sorted((m for m in METRICS.values() if m.page), key=lambda m: m.page))
