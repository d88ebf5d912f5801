"""The watchlist and the positions, as the watchlist screen, `catalyst check`'s counts, `review`'s
verdicts and `catalyst positions` read them (views/watchlist.py, views/performance.py): each
figure beside its source, a price with its provider and moment, what you hold with "entered
by you"."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..market.currency import round_money
from ..thesis.portfolio.performance import Span
from ..thesis.staleness import stale_text
from ..views.performance import dividend_rows, ticker_returns
from ..views.watchlist import WatchRow, load_watchlist
from . import citing
from .arguments import BadArguments
from .paging import Answer

if TYPE_CHECKING:
    from ..thesis.portfolio.performance import Outcome
    from ..views.performance import Returns
    from .call import Call

LOTS = "your lots and sales in catalysts.toml"
#: What converts a listing's money into the base currency.
_RATES = {"source": "FX rates stored by catalyst refresh (ECB reference rates)"}


def watchlist(call: Call, args: dict[str, Any]) -> Answer:
    """Every ticker (of `group`), in the file's order: its verdict, its checkpoints' counts,
    the next one due, its price and its weight in the portfolio."""
    rows = load_watchlist(call.store, call.today, currency=call.base).rows
    group = args.get("group")
    if group is not None:
        groups = sorted({r.group for r in rows})
        if group not in groups:
            raise BadArguments(f"group: one of {', '.join(groups)}")
        rows = [r for r in rows if r.group == group]
    verdicts: dict[str, int] = {}
    for r in rows:
        verdicts[str(r.verdict)] = verdicts.get(str(r.verdict), 0) + 1
    head = {"tickers": len(rows), "verdicts": verdicts, "base_currency": call.base}
    return Answer(head, [_row(call, r) for r in rows])


def _row(call: Call, r: WatchRow) -> dict[str, Any]:
    judged, of = r.judged
    due = r.next_due
    return {
        "symbol": r.symbol,
        "name": r.name,
        "group": r.group,
        "verdict": None if r.verdict is None else str(r.verdict),
        "judged": {"checkpoints_judged": judged, "of": of},
        "verdict_stale": stale_text(r.verdict_stale) if r.verdict_stale else None,
        "checkpoints": {
            "met": r.met,
            "missed": r.missed,
            "pending": r.pending,
            "unacknowledged_misses": r.flagged,
        },
        "next_due": None
        if due is None
        else {
            "checkpoint": due.checkpoint_id,
            "title": due.title,
            "due": due.due.isoformat(),
            "days_left": due.days_left,
        },
        "price": _price(call, r),
        "weight": None
        if not r.shares
        else {
            "value": r.weight,
            "sources": [citing.yours(LOTS), citing.price(call.quote(r.symbol))],
        },
    }


def _price(call: Call, r: WatchRow) -> dict[str, Any] | None:
    if r.price is None:
        return None
    return {
        "value": r.price,
        "currency": r.currency,
        "day_change_pct": r.change_pct,
        "source": citing.price(call.quote(r.symbol)),
    }


def positions(call: Call, args: dict[str, Any]) -> Answer:
    """What is held and sold, in the base currency, as `catalyst positions` reads it; of one
    `symbol`, with its dividends received and its returns against its benchmark since bought,
    this year and over a year (`catalyst performance`'s, the Position pane's)."""
    watch = load_watchlist(call.store, call.today, currency=call.base)
    symbol = call.symbol(args["symbol"]) if "symbol" in args else None
    rows = [r for r in watch.rows if (r.shares or r.sold) and symbol in (None, r.symbol)]
    if symbol is not None and not rows:
        raise BadArguments(f"symbol: {symbol} has no lots or sales in catalysts.toml")
    totals = watch.totals()
    head = {
        "base_currency": call.base,
        "total_value": round_money(totals.value, call.base) if totals.priced else None,
        "unrealized": round_money(totals.pnl, call.base) if totals.priced else None,
        "left_out_of_totals": {"no_price": list(totals.unpriced), "no_fx_rate": list(totals.no_fx)},
        "sources": [citing.yours(LOTS), _RATES, {"source": "each position's price, cited in it"}],
    }
    items = [_position(call, r) for r in rows]
    if symbol is not None:
        received = [d.net_base for d in dividend_rows(call.store, call.base, symbol)]
        items[0]["dividends_received"] = None if None in received else sum(filter(None, received))
        items[0]["returns"] = _returns(ticker_returns(call.store, symbol, call.base, call.today))
    return Answer(head, items)


def _position(call: Call, r: WatchRow) -> dict[str, Any]:
    def money(value: float | None) -> float | None:
        return None if value is None else round_money(value, call.base)

    return {
        "symbol": r.symbol,
        "shares": {"value": r.shares or 0.0, "source": citing.yours(LOTS)},
        "price": _price(call, r),
        "value": money(r.value) if r.shares else 0.0,
        "cost": money(r.basis) if r.shares else 0.0,
        "unrealized": money(r.pnl) if r.shares else 0.0,
        "realized": money(r.realized) if r.sold else 0.0,
        "weight": r.weight if r.shares else 0.0,
        "no_fx_rate": r.no_fx,
        "sources": [citing.yours(LOTS), citing.price(call.quote(r.symbol)), _RATES],
    }


_SPANS = {Span.LIFE: "since_bought", Span.YTD: "this_year", Span.YEAR: "one_year"}


def _returns(line: Returns | None) -> dict[str, Any] | None:
    """Money-weighted returns over each span against the benchmark, from your lots and
    dividends and the stored daily closes."""
    if line is None:
        return None
    return {
        "benchmark": line.benchmark,
        **{_SPANS[span]: _outcome(o) for span, o in line.spans.items() if span in _SPANS},
        "source": [citing.yours(LOTS), citing.closes()],
    }


def _outcome(o: Outcome) -> dict[str, Any]:
    return {
        "return": o.rate.value,
        "benchmark_return": o.benchmark.value,
        "excess": o.excess.value,
        "basis": str(o.rate.basis),
        "why_none": None if o.rate.reason is None else str(o.rate.reason),
    }
