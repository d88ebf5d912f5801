"""`catalyst kpis`: the KPIs read from words (views/kpis.py), as JSON or as a table a ticker. A
value is as stored in JSON (a fraction: 0.1 for 10%; null for guidance, which has a direction,
`basis`), and as its sentence says it in the table (`over 10%`, `closer to 20% (Q4 exit rate)`).
Every cell of a document's words goes through `printable` (text.py): shown as written, never an
escape sequence; JSON escapes what it holds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text

from ...text import counted, printable
from ...thesis.kpis.statements import said
from ...views.kpis import NONE_NAMED, NONE_STATED, KpiPoint, KpisView
from .stream import Column, Row, print_table
from .tables import output_console

if TYPE_CHECKING:
    from rich.console import Console

    from ...thesis.kpis.statements import StatedKpi

COLUMNS = (
    Column("ID"),
    Column("Series"),
    Column("Date"),
    Column("Value"),
    Column("Form"),
    Column("Sentence"),
)
#: A statement a kill criterion awaits your word on, in the table: how to give it.
AWAITING_MARK = "⚠ awaiting your word"


def _point(symbol: str, p: KpiPoint) -> dict[str, Any]:
    k = p.kpi
    return {
        "id": p.stated.kpi_id,
        "symbol": symbol,
        "kind": k.kind,
        "subject": k.subject,
        "value": k.value,
        "high": k.high,
        "comparison": k.comparison,
        "basis": k.basis,
        "of": k.of or None,  # a share's whole where that is a part ("segment"); null: revenue
        "forward": k.forward,
        "said": p.said,
        "day": p.day.isoformat(),
        "form": p.stated.form,
        "title": p.stated.title,
        "url": p.stated.url,
        "sentence": k.sentence,
        "start": k.start,
        "end": k.end,
        "decision": p.stated.decision or None,
        "awaiting": p.awaiting,
    }


def decided_json(statements: list[tuple[str, StatedKpi]]) -> list[dict[str, Any]]:
    """The statements `catalyst kpis accept|dismiss|reset` gave your word on, as `--json` lists
    them (awaiting: false, the word given)."""
    return [_point(symbol, KpiPoint(s, said(s.kpi))) for symbol, s in statements]


def kpis_json(views: list[KpisView]) -> list[dict[str, Any]]:
    """One object per value: id (what `catalyst kpis accept|dismiss|reset` take), symbol,
    kind (share, growth, guidance), subject ("" for guidance), value and high (fractions; high
    a range's upper end, else null), comparison ("over", "closer to", "" when stated exactly),
    basis (a growth's "sequential", "year over year" or "over two years", a share's "Q4 exit
    rate", a guidance's direction), of (a share's whole where that is a part: "segment" in "25%
    of the segment's revenue"; null for revenue), forward (a forecast), said (the value as its
    sentence states it), day (its document's), form, title, url, sentence and its offsets in
    the document's text (start, end), decision (accepted, dismissed or null) and awaiting (a
    kill criterion it alone missed awaits your word on it); series by series, each oldest
    first."""
    return [_point(v.symbol, p) for v in views for s in v.series for p in s.points]


def print_kpis(views: list[KpisView], console: Console | None = None) -> None:
    """A table a ticker with KPIs: each series newest first, the value as said, the document's
    form and the sentence. Without any, why (one ticker's reason, or every ticker's)."""
    console = console or output_console()
    shown = [v for v in views if v.series]
    if not shown:
        # Of several tickers: some condition names a KPI when any was read for one.
        stated = any(v.reason == NONE_STATED for v in views)
        why = NONE_STATED if stated else NONE_NAMED
        named = f" for {views[0].symbol}" if len(views) == 1 else ""
        console.print(Text(printable(f"no KPI read from words{named}: {why}")))
        return
    for view in shown:
        rows = [
            Row(
                [
                    str(p.stated.kpi_id),
                    printable(s.title),
                    p.day.isoformat(),
                    printable(_value(p)),
                    printable(p.stated.form),
                    printable(p.kpi.sentence),
                ],
                "italic" if p.forecast else "",
            )
            for s in view.series
            for p in s.newest_first
        ]
        title = f"{view.symbol}: {counted(len(rows), 'KPI value')} read from words"
        print_table(console, printable(title), COLUMNS, rows, fold_last=True)
        waiting = [p for s in view.series for p in s.points if p.awaiting]
        for p in waiting:
            console.print(
                Text(
                    printable(
                        f"{view.symbol}: statement {p.stated.kpi_id} alone missed a kill "
                        f"criterion, awaiting your word: catalyst kpis accept "
                        f"{p.stated.kpi_id} (confirm), or dismiss {p.stated.kpi_id} (a misread)"
                    )
                )
            )


def _value(p: KpiPoint) -> str:
    """The value as said, with your word on it, or that a kill criterion awaits it."""
    mark = {"accepted": " ✓", "dismissed": " (dismissed)"}.get(p.stated.decision, "")
    return p.said + mark + (f" {AWAITING_MARK}" if p.awaiting else "")
