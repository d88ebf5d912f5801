"""The thesis judged back in time, as `catalyst replay` and `catalyst calibration` read it
(views/replay.py, views/calibration.py): each trading day of a span judged by the same evaluator
as today on only what was public by its close, the days a checkpoint's status or the verdict
changed with the closes that followed; and your stated confidence and conviction scored against
what followed."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..thesis.replay.wording import step_text, undone_text
from ..thesis.wording import reason_text
from ..views.calibration import load_calibration
from ..views.replay import load_replay
from . import citing
from .arguments import BadArguments
from .paging import Answer

if TYPE_CHECKING:
    from ..thesis.replay.forward import Followed
    from .call import Call

REPLAY_DAYS = 366  # the span replayed when none is named: the year to today
LONGEST_REPLAY = 3 * 366  # days a call may replay: three years


def replay(call: Call, args: dict[str, Any]) -> Answer:
    """`symbol`'s thesis replayed from `from` to `to`: the days a checkpoint's status changed
    and why, the verdict's path, the close then and 30 and 90 trading days later, what each
    goalpost's original rule would have said and what could not be known then."""
    symbol = call.symbol(args["symbol"])
    end: dt.date = args.get("to") or call.today
    start: dt.date = args.get("from") or end - dt.timedelta(days=REPLAY_DAYS)
    if start > end:
        raise BadArguments(f"from: {start} is after to {end}")
    if (end - start).days > LONGEST_REPLAY:
        raise BadArguments(
            f"from, to: a span of at most {LONGEST_REPLAY} days, not {(end - start).days}"
        )
    ticker = call.config.tickers.get(symbol)
    if ticker is None or not ticker.checkpoints:
        raise BadArguments(f"symbol: {symbol} has no checkpoints in catalysts.toml to replay")
    (r,) = load_replay(call.store, call.config, symbol, start=start, end=end)
    head = {
        "symbol": symbol,
        "from": citing.day(r.start),
        "to": citing.day(r.end),
        "trading_days": len(r.replayed.days),
        "verdict_path": [
            {
                "day": s.day.isoformat(),
                "verdict": str(s.verdict.verdict),
                "in_words": step_text(s),
                "price": _followed(after),
            }
            for s, after in r.path
        ],
        "goalposts": [
            {"checkpoint": u.move.checkpoint, "field": u.move.field, "said": undone_text(u)}
            for u in r.undone
        ],
        "not_known_then": list(r.unknown),
        "sources": [citing.yours("the checkpoints in catalysts.toml"), citing.closes()],
    }
    items = [
        {
            "day": c.day.isoformat(),
            "checkpoint": c.evaluation.checkpoint_id,
            "title": c.title,
            "from": c.evaluation.previous,
            "to": c.evaluation.status,
            "value": c.evaluation.value,
            "why": reason_text(c.evaluation.reason, c.evaluation.condition, c.day),
            "source": {"source": "what catalyst had stored as public by that day's close"},
            "price": _followed(after),
        }
        for c, after in r.changes
    ]
    return Answer(head, items)


def _followed(f: Followed) -> dict[str, Any]:
    return {
        "close": f.close,
        "trading_days_later": {str(days): price for days, price in f.later},
        "source": citing.closes(),
    }


def calibration(call: Call, args: dict[str, Any]) -> Answer:
    """Each checkpoint's stated confidence against what became of it (Brier score, bands), and
    each journal note's conviction against the price's move after it."""
    c = load_calibration(call.store, call.config)
    confidence = [
        citing.yours("each checkpoint's confidence in catalysts.toml"),
        {"source": "each checkpoint's status as the last refresh judged it"},
    ]
    conviction = [citing.yours("the conviction of your journal's notes"), citing.closes()]
    head = {
        "resolved": c.resolved,
        "unresolved": c.unresolved,
        "voided": c.voided,
        "brier_score": c.brier,
        "too_few_to_say": c.too_few,
        "sources": confidence,
    }
    items = [{**b._asdict(), "hit_rate": b.hit_rate, "sources": confidence} for b in c.bands]
    items += [{**row._asdict(), "sources": conviction} for row in c.conviction]
    return Answer(head, items)
