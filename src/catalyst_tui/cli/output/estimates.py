"""`catalyst estimates`: the Street's view of each ticker, as JSON or as tables: the consensus by
period (average, low, high, analysts), the EPS trend over 90 days and the revisions, the forward
P/E, the surprises, and each release against the consensus frozen before it. Money is in currency
units in JSON, as a headline writes it ($415M) in the tables; EPS as the provider gives it. A
value not given is null in JSON and "—" in a table, never 0."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text

from ...market.estimates import PERIOD_TITLES, Consensus, Range, StoredEstimates
from ...reading.release.records import sensible
from ...text import printable
from ...thesis.vocabulary import NONE
from ...thesis.wording import money, multiple
from .stream import Column, Row, print_table
from .tables import output_console

if TYPE_CHECKING:
    from rich.console import Console

    from ...views.estimates import StreetQuarter, StreetRow

_TREND = ("now", "7d", "30d", "60d", "90d")


def _range(said: Range) -> dict[str, Any]:
    return {name: sensible(value) for name, value in said._asdict().items()}


def _period(p: Consensus) -> dict[str, Any]:
    return {
        "period": p.period,
        "end": p.end.isoformat() if p.end else None,
        "eps": _range(p.eps),
        "revenue": _range(p.revenue),
        "eps_trend": {k: sensible(v) for k, v in zip(_TREND, p.trend, strict=True)},
        "revisions": {
            "up_7d": p.up_7d,
            "up_30d": p.up_30d,
            "down_7d": p.down_7d,
            "down_30d": p.down_30d,
        },
    }


def _quarter(q: StreetQuarter) -> dict[str, Any]:
    f = q.frozen
    return {
        "period_end": q.period_end.isoformat(),
        "filed": q.filed.isoformat(),
        "revenue": sensible(q.revenue),
        "street_revenue": sensible(f.revenue) if f else None,
        "revenue_vs_consensus": sensible(q.revenue_vs),
        "eps": sensible(q.eps),
        "eps_basis": None if q.eps is None else "GAAP" if q.eps_gaap else "non-GAAP",
        "street_eps": sensible(f.eps) if f else None,
        "eps_vs_consensus": sensible(q.eps_vs),
        "consensus_as_of": f.as_of.isoformat() if f else None,
    }


def estimates_json(rows: list[StreetRow]) -> list[dict[str, Any]]:
    """One object per ticker: symbol, as_of (the day the estimates were read, null: none),
        source, price, forward_pe, eps_revision_30d (a fraction), each with the reason it is null
    (null when it is not), next_report, periods, surprises
        and releases (each against the consensus frozen before it)."""
    out = []
    for row in rows:
        stored = row.estimates
        out.append(
            {
                "symbol": row.symbol,
                "as_of": stored.day.isoformat() if stored else None,
                "source": stored.source if stored else None,
                "price": sensible(row.price),
                "forward_pe": sensible(row.forward_pe),
                "forward_pe_reason": printable(row.forward_pe_reason or "") or None,
                "eps_revision_30d": sensible(row.revision_30d),
                "eps_revision_30d_reason": printable(row.revision_reason or "") or None,
                "next_report": _period(stored.next_report)
                if stored and stored.next_report
                else None,
                "periods": [_period(p) for p in stored.periods] if stored else [],
                "surprises": [
                    {
                        "quarter": s.quarter.isoformat(),
                        "eps_actual": sensible(s.actual),
                        "eps_estimate": sensible(s.estimate),
                        "surprise": sensible(s.surprise),
                    }
                    for s in (stored.history if stored else ())
                ],
                "releases": [_quarter(q) for q in row.quarters],
            }
        )
    return out


def eps(value: float | None) -> str:
    return NONE if value is None else f"{value:.2f}"


def pct(value: float | None) -> str:
    return NONE if value is None else f"{value:+.1%}"


def _money(value: float | None) -> str:
    return NONE if value is None else money(value)


def print_estimates(rows: list[StreetRow], console: Console | None = None) -> None:
    """Each ticker's consensus, trend, surprises and releases against the Street."""
    console = console or output_console()
    if not any(row.estimates for row in rows):
        console.print(Text("no estimates stored yet: they come with a refresh, once a day"))
        return
    for row in rows:
        if row.estimates is not None:
            _print_one(console, row, row.estimates)


def _print_one(console: Console, row: StreetRow, stored: StoredEstimates) -> None:
    pe = NONE if row.forward_pe is None else multiple(row.forward_pe)
    head = f"{row.symbol}: forward P/E {pe}, FY EPS revised {pct(row.revision_30d)} in 30 days"
    console.print(Text(printable(f"{head} (as of {stored.day.isoformat()}, {stored.source})")))
    for reason in dict.fromkeys(r for r in (row.forward_pe_reason, row.revision_reason) if r):
        console.print(Text(printable(f"  — {reason}")))
    names = (
        "Period",
        "End",
        "EPS",
        "EPS range",
        "Analysts",
        "Revenue",
        "Revenue range",
        "90d ago",
        "30d ago",
        "Up/down 30d",
    )
    table = []
    for p in stored.periods:
        moves = f"{p.up_30d if p.up_30d is not None else NONE}/"
        moves += f"{p.down_30d if p.down_30d is not None else NONE}"
        table.append(
            Row(
                [
                    PERIOD_TITLES.get(p.period, p.period),
                    p.end.isoformat() if p.end else NONE,
                    eps(p.eps.average),
                    f"{eps(p.eps.low)}–{eps(p.eps.high)}",
                    NONE if p.eps.analysts is None else str(p.eps.analysts),
                    _money(p.revenue.average),
                    f"{_money(p.revenue.low)}–{_money(p.revenue.high)}",
                    eps(p.trend[4]),
                    eps(p.trend[2]),
                    moves,
                ]
            )
        )
    columns = [Column(n, right=n not in ("Period", "End")) for n in names]
    print_table(console, "consensus", columns, table)
    if stored.history:
        columns = [
            Column("Quarter"),
            *(Column(n, right=True) for n in ("EPS", "Estimate", "Surprise")),
        ]
        table = [
            Row([s.quarter.isoformat(), eps(s.actual), eps(s.estimate), pct(s.surprise)])
            for s in reversed(stored.history)
        ]
        print_table(console, "surprises", columns, table)
    if row.quarters:
        heads = ("Quarter", "Revenue", "Street", "vs Street", "EPS", "Street EPS", "vs Street")
        columns = [Column(n, right=n != "Quarter") for n in heads]
        table = [
            Row(
                [
                    q.period_end.isoformat(),
                    _money(q.revenue),
                    _money(q.frozen.revenue if q.frozen else None),
                    pct(q.revenue_vs),
                    eps(q.eps) + (" GAAP" if q.eps_gaap else ""),
                    eps(q.frozen.eps if q.frozen else None),
                    pct(q.eps_vs),
                ]
            )
            for q in row.quarters
        ]
        print_table(console, "releases against the Street", columns, table)
