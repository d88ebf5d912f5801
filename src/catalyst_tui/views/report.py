"""A ticker's report to keep (`catalyst report SYMBOL`): the thesis (each checkpoint with its
status, value and source), its evidence passages with their links, the latest release against
its guide and the Street, each KPI series' newest outcome and forecast read from words, the
position against its benchmark, the thesis replayed on what was known each day, and the closes
with the timeline's events on them. Frozen records of words and figures, composed from the
store's; the words are thesis/wording's. Plain data, no textual and no SQL;
cli/output/thesis_report.py writes it as Markdown or HTML."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from ..thesis.goalposts import move_text
from ..thesis.kinds import status_word
from ..thesis.portfolio.book import stake_text
from ..thesis.portfolio.performance import Span
from ..thesis.staleness import stale_text
from ..thesis.verdict import reason_text as verdict_reason
from ..thesis.vocabulary import Verdict
from ..thesis.wording import money, money_range, reason_text, versus_text
from .estimates import load_estimates
from .kpis import KpiSeries, load_kpis
from .performance import ticker_returns
from .replay import replay_summary
from .results import load_results
from .review import load_review
from .timeline import ChartMark, chart_marks

if TYPE_CHECKING:
    from ..store import Store
    from ..store.records import EvidenceRecord

__all__ = ["CheckpointLine", "ReleaseLine", "ThesisReport", "load_report"]

CHART_DAYS = 365  # the chart's span: a year of closes


class CheckpointLine(NamedTuple):
    title: str
    id: str
    status: str  # as the kind reads it: "met", "holding", "missed", "pending"
    value: str  # the reason in words, with its value where it has one
    source: str  # where its value comes from, as the file says ("" for none)


class ReleaseLine(NamedTuple):
    """The latest release in words: its quarter, the revenue against the guide and the Street,
    EPS against the Street; a figure not stated is said so."""

    filed: dt.date
    quarter: str
    url: str
    lines: tuple[str, ...]


class ThesisReport(NamedTuple):
    symbol: str
    name: str
    thesis: str  # the ticker's thesis as the file writes it
    made: dt.datetime
    checkpoints: tuple[CheckpointLine, ...]
    passages: tuple[EvidenceRecord, ...]
    release: ReleaseLine | None
    position: tuple[str, ...]  # a line a span, against the benchmark; () when none is held
    closes: tuple[tuple[dt.date, float], ...]  # oldest first, CHART_DAYS of them at most
    events: tuple[ChartMark, ...]  # within the closes' span, oldest first
    verdict: tuple[str, ...] = ()  # the verdict, then each of its reasons, in words
    journal: tuple[str, ...] = ()  # the journal's notes, newest first, each dated
    kpis: tuple[KpiSeries, ...] = ()  # the KPIs read from words, in series (views/kpis.py)
    replay: tuple[str, ...] = ()  # the thesis replayed on what was known each day (replay.py)


def _pct(value: float | None) -> str:
    return "not stated" if value is None else f"{value:+.1%}"


def _release(store: Store, symbol: str, now: dt.datetime, base: str) -> ReleaseLine | None:
    rows = load_results(store, symbol)
    if not rows:
        return None
    row = rows[0]
    quarter = row.release.results.quarter
    lines = [f"revenue {money(row.outcome)}" if row.outcome is not None else "revenue not stated"]
    if row.guide is not None:
        lines.append(f"guide {money_range(*row.guide)}: {_pct(row.vs_guide)} against its midpoint")
    else:
        lines.append("no guide given for this quarter before it")
    (street,) = load_estimates(store, [symbol], now, base)
    versus = next((q for q in street.quarters if q.filed == row.release.filed), None)
    if versus is not None and versus.frozen is not None:
        lines.append(f"revenue against the Street: {_pct(versus.revenue_vs)}")
        eps = "GAAP" if versus.eps_gaap else "non-GAAP"
        said = "not stated" if versus.eps is None else f"{versus.eps:.2f}"
        lines.append(f"EPS ({eps}) {said} against the Street: {_pct(versus.eps_vs)}")
    else:
        lines.append("no Street consensus was stored before it")
    if quarter.eps_diluted is not None:
        lines.append(f"GAAP diluted EPS {quarter.eps_diluted:.2f}")
    return ReleaseLine(row.release.filed, row.label or "", row.release.url, tuple(lines))


def _position(store: Store, symbol: str, base: str, today: dt.date) -> tuple[str, ...]:
    returns = ticker_returns(store, symbol, base, today)
    if returns is None:
        return ()
    words = {Span.LIFE: "since bought", Span.YTD: "this year", Span.YEAR: "over a year"}
    return tuple(
        f"{words[span]}: "
        + versus_text(symbol, o.rate.value, returns.benchmark, o.benchmark.value, o.rate.basis)
        for span, o in returns.spans.items()
    )


def load_report(
    store: Store, symbol: str, now: dt.datetime, today: dt.date, base: str
) -> ThesisReport:
    ticker = store.views.ticker(symbol)
    checkpoints = tuple(
        CheckpointLine(
            c.title,
            c.id,
            status_word(c.kind, c.status),
            reason_text(c.reason, c.condition, today),
            c.source,
        )
        for c in store.views.checkpoints(symbol)
    )
    start = today - dt.timedelta(days=CHART_DAYS)
    closes = tuple(store.views.price_history(symbol, start))
    marks = chart_marks(store, symbol, closes[0][0] if closes else today)
    return ThesisReport(
        symbol,
        ticker.name if ticker is not None else symbol,
        ticker.thesis if ticker is not None else "",
        now,
        checkpoints,
        tuple(store.evidence.passages(symbol)),
        _release(store, symbol, now, base),
        _position(store, symbol, base, today),
        closes,
        tuple(marks),
        _verdict(store, symbol, now, base),
        tuple(
            f"{n.ts.date().isoformat()}{f' ({n.tags})' if n.tags else ''}: {n.text}"
            for n in store.journal.entries(symbol)
        ),
        load_kpis(store, symbol).series,
        replay_summary(store, symbol, base),
    )


def _verdict(store: Store, symbol: str, now: dt.datetime, base: str) -> tuple[str, ...]:
    """The thesis's verdict and since when, how many checkpoints are judged, the position's
    weight beside the journal's conviction, then each reason (views/review.py's), each goalpost
    moved without a note, and what remains when nothing stands against it."""
    review = load_review(store, symbol, now=now, base=base)
    [t] = review.tickers
    v = t.verdict
    head = f"{v.verdict}" + (f" since {t.since.date().isoformat()}" if t.since else "")
    head += f" — {stale_text(t.stale)}" if t.stale else ""
    remains = v.remaining if v.verdict in (Verdict.INTACT, Verdict.UNJUDGED) else ()
    return (
        head,
        v.coverage,
        stake_text(t.weight, t.conviction),
        *(verdict_reason(r) for r in v.reasons),
        *(f"goalpost moved without a note: {move_text(m)}" for m in t.unexplained),
        *(verdict_reason(r) for r in remains),
    )
