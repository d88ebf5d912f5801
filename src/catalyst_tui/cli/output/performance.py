"""`catalyst performance`: each position's, group's and the portfolio's return over its life,
this year and the last 365 days (a yearly rate over a year or more, else the gain on the money
put in over the span, each labelled; the portfolio's time-weighted rate, a year's or its growth
over the span), against its benchmark on the same money, with the dividends received and
the fees paid over its life (as a table, or JSON). Every cell from the file or a provider passes
through `printable`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text

from ...text import printable
from ...thesis.portfolio.performance import Outcome, Span
from ...thesis.portfolio.returns import Rate, basis_text
from ...thesis.wording import no_return_text, rate_text, versus_text
from .stream import Column, Row, print_table
from .tables import output_console

if TYPE_CHECKING:
    from rich.console import Console

    from ...views.performance import PerformanceReport, Returns

_SPAN_NAMES = {Span.LIFE: "Life", Span.YTD: "YTD", Span.YEAR: "1Y"}


def _rate_json(rate: Rate) -> dict[str, Any]:
    return {
        "value": rate.value,
        "reason": None if rate.reason is None else str(rate.reason),
        "annualised": None if rate.value is None else rate.yearly,
        "basis": None if rate.value is None else str(rate.basis),
    }


def _outcome_json(o: Outcome) -> dict[str, Any]:
    return {
        "rate": _rate_json(o.rate),
        "benchmark": _rate_json(o.benchmark),
        "excess": _rate_json(o.excess),
        "dividends": o.dividends,
        "fees": o.fees,
        "left_out": [{"symbol": symbol, "reason": str(reason)} for symbol, reason in o.left_out],
    }


def _returns_json(r: Returns) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": r.kind,
        "name": r.name,
        "benchmark": r.benchmark,
        "spans": {str(span): _outcome_json(o) for span, o in r.spans.items()},
    }
    if r.time_weighted is not None:
        out["time_weighted"] = {str(s): _rate_json(rate) for s, rate in r.time_weighted.items()}
    return out


def performance_json(report: PerformanceReport) -> dict[str, Any]:
    """Rates are fractions (0.712 is +71.2%) on their `basis`: `yearly` (`annualised`: flows
    over a year or more), else `money_in` (the money-weighted figure: the gain on the money put
    in over the span) or `span` (the time-weighted growth over the span), null without a
    value; `excess` the position's less
    the benchmark's; a rate without a value has its `reason` code; dividends and fees in
    `currency`; `left_out` the positions a group's or the portfolio's figure leaves out, each
    with its reason code."""
    return {
        "currency": report.base,
        "today": report.today.isoformat(),
        "tickers": [_returns_json(r) for r in report.tickers],
        "groups": [_returns_json(r) for r in report.groups],
        "portfolio": None if report.portfolio is None else _returns_json(report.portfolio),
    }


def _cell(o: Outcome) -> str:
    if o.rate.value is None:
        return "—"
    if o.benchmark.value is None:
        return f"{rate_text(o.rate.value)} {basis_text(o.rate.basis)} (index —)"
    return f"{rate_text(o.rate.value)} vs {rate_text(o.benchmark.value)} {basis_text(o.rate.basis)}"


def print_performance(report: PerformanceReport, console: Console | None = None) -> None:
    console = console or output_console()
    if report.portfolio is None:
        console.print("No lots: nothing to measure. Add a purchase (l in the TUI, or the file).")
        return
    lines = [*report.tickers, *report.groups, report.portfolio]
    rows = []
    for r in lines:
        name = r.name if r.kind == "ticker" else f"{r.name} ({r.kind})"
        life = r.spans[Span.LIFE]
        cells = [
            name,
            r.benchmark,
            *(_cell(r.spans[s]) for s in _SPAN_NAMES),
            "—" if life.dividends is None else f"{life.dividends:,.2f}",
            "—" if life.fees is None else f"{life.fees:,.2f}",
        ]
        rows.append(Row([printable(c) for c in cells], "bold" if r.kind != "ticker" else ""))
    columns = [
        Column("Name"),
        Column("Index"),
        *(Column(n, right=True) for n in _SPAN_NAMES.values()),
        Column("Dividends", right=True),
        Column("Fees", right=True),
    ]
    title = (
        f"Money-weighted returns against each index on the same money ({report.base}): "
        "a year's rate over a year or more, the gain on the money put in when shorter"
    )
    print_table(console, printable(title), columns, rows)
    for r in lines:
        life = r.spans[Span.LIFE]
        if life.rate.value is None:
            why = no_return_text(life.rate.reason)
            console.print(Text(printable(f"{r.name}: no return over its life: {why}")))
        elif life.benchmark.value is None:
            sentence = versus_text(r.name, life.rate.value, r.benchmark, None, life.rate.basis)
            why = no_return_text(life.benchmark.reason)
            console.print(Text(printable(f"{sentence} ({why})")))
        else:
            console.print(
                Text(
                    printable(
                        versus_text(
                            r.name,
                            life.rate.value,
                            r.benchmark,
                            life.benchmark.value,
                            life.rate.basis,
                        )
                    )
                )
            )
        for symbol, reason in life.left_out:
            console.print(Text(printable(f"{r.name}: {symbol} left out: {no_return_text(reason)}")))
    weighted = report.portfolio.time_weighted or {}
    shown = ", ".join(f"{_SPAN_NAMES[s]} {_rate_or_why(rate)}" for s, rate in weighted.items())
    console.print(Text(printable(f"Portfolio, time-weighted: {shown}")))


def _rate_or_why(rate: Rate) -> str:
    if rate.value is None:
        return f"— ({no_return_text(rate.reason)})"
    return f"{rate_text(rate.value)} {basis_text(rate.basis)}"
