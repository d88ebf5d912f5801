"""`catalyst review`: each ticker's verdict and its reasons, one line each (and of one ticker, its
journal), then the portfolio's; or strict JSON (a value not stated is null, never NaN): verdict,
since, coverage (judged of checkpoints), reasons [{rule, checkpoint, value, since, ...}], what
remains (each pending checkpoint; a target on its course with its forecast) and journal per
ticker, and the portfolio's verdict with its counts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...reading.release.records import sensible
from ...text import counted, printable
from ...thesis.goalposts import move_text
from ...thesis.portfolio.book import stake_text
from ...thesis.staleness import stale_text
from ...thesis.verdict import VerdictReason, counts_text, reason_text
from ...thesis.vocabulary import Verdict
from ...thesis.wording import json_value, percent

if TYPE_CHECKING:
    from ...views.review import Review, TickerReview


def _reason(r: VerdictReason) -> dict[str, Any]:
    return {
        "rule": r.rule,
        "checkpoint": r.checkpoint,
        "title": r.title,
        "status": r.status,
        "value": json_value(r.metric, sensible(r.value)),
        "metric": r.metric or None,
        "said": r.note or None,  # a KPI's value as its sentence says it, and where
        "since": r.since.isoformat() if r.since else None,
        "marked": r.manual,
        "acknowledged": r.acked.isoformat() if r.acked else None,
        "evidence": r.evidence or None,  # the accepted passage it quotes
        # a kill criterion missed by words alone: the statement awaiting your word
        "awaiting_word": None if r.awaiting is None else r.awaiting.json(),
        "forecast": None
        if r.forecast is None
        else {
            "source": r.forecast.source.value,
            "value": sensible(r.forecast.value),
            "year_end": r.forecast.year_end.isoformat(),
            "threshold": sensible(r.condition.threshold) if r.condition else None,
        },
    }


def _ticker(t: TickerReview) -> dict[str, Any]:
    return {
        "symbol": t.symbol,
        "verdict": t.verdict.verdict.value,
        "since": t.since.isoformat() if t.since else None,
        "checkpoints": t.verdict.checkpoints,
        "judged": t.verdict.judged,
        "coverage": t.verdict.coverage,
        "stale_since": t.stale.since.isoformat() if t.stale else None,
        "stale": stale_text(t.stale) if t.stale else None,
        "reasons": [_reason(r) for r in t.verdict.reasons],
        "remaining": [_reason(r) for r in t.verdict.remaining],
        "moved_without_note": [
            {
                "checkpoint": m.checkpoint,
                "field": m.field,
                "before": m.before,
                "after": m.after,
                "at": m.at.isoformat(),
                "loosened": m.loosened,
            }
            for m in t.unexplained
        ],
        "weight": sensible(t.weight),
        "conviction": None
        if t.conviction is None
        else {"level": t.conviction.level, "day": t.conviction.day.isoformat()},
        "journal": [
            {
                "at": e.ts.isoformat(),
                "text": e.text,
                "action": e.action or None,
                "conviction": e.conviction or None,
            }
            for e in t.journal
        ],
    }


def review_json(review: Review) -> dict[str, Any]:
    """{"tickers": [...], "portfolio": {"verdict", "counts": {verdict: n}, "worst": [...]}}."""
    p = review.portfolio
    return {
        "tickers": [_ticker(t) for t in review.tickers],
        "portfolio": {
            "verdict": p.verdict.value,
            "counts": {verdict.value: n for verdict, n in p.counts},
            "worst": list(p.worst),
            "book_at_risk": sensible(review.at_risk),
        },
    }


_REMAINS = frozenset({Verdict.INTACT, Verdict.UNJUDGED})


def review_lines(review: Review, *, journal: bool = False) -> list[str]:
    """Per ticker: "ALAB  at risk  since 2026-11-04", its reasons indented, one a line (and its
    journal, newest first, when asked: `review SYMBOL`); then the portfolio's verdict and
    counts."""
    lines: list[str] = []
    # the verdicts in one column: as wide as the longest symbol (SMMCHA.SW), 8 at least
    width = max((len(printable(t.symbol)) for t in review.tickers), default=0)
    width = max(width, 8)
    for t in review.tickers:
        since = f"  since {t.since.date().isoformat()}" if t.since else ""
        v = t.verdict
        stale = f" — {stale_text(t.stale)}" if t.stale else ""
        lines.append(f"{printable(t.symbol):<{width}} {v.verdict}{since}{stale}  ({v.coverage})")
        if t.weight or t.conviction is not None:  # a position held, or a conviction noted
            lines.append(f"  {stake_text(t.weight, t.conviction)}")
        lines.extend(f"  {printable(reason_text(r))}" for r in v.reasons)
        lines.extend(
            f"  goalpost moved without a note: {printable(move_text(m))}" for m in t.unexplained
        )
        if v.verdict in _REMAINS:  # nothing against it: what remains to be judged
            lines.extend(f"  {printable(reason_text(r))}" for r in v.remaining)
        if journal:
            lines.append(f"  journal: {counted(len(t.journal), 'note')}")
            for e in t.journal:
                tags = f" ({e.tags})" if e.tags else ""
                lines.append(f"    {e.ts.date().isoformat()}{tags}: {printable(e.text)}")
    p = review.portfolio
    at_risk = "" if review.at_risk is None else f" · book at risk {percent(review.at_risk)}"
    lines.append(f"portfolio: {p.verdict} ({counts_text(p)}){at_risk}")
    return lines
