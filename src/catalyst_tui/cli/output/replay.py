"""What `catalyst replay` and `catalyst calibration` print: lines for people (in
thesis/replay/wording.py's words) and JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...text import printable
from ...thesis.replay.wording import (
    calibration_lines,
    change_text,
    followed_text,
    step_text,
    undone_text,
)
from ...thesis.wording import reason_text

if TYPE_CHECKING:
    from ...thesis.replay.calibration import Calibration
    from ...thesis.replay.engine import Change
    from ...thesis.replay.forward import Followed
    from ...views.replay import TickerReplay


def replay_lines(replays: list[TickerReplay]) -> list[str]:
    """Each ticker's replay: its span, the checkpoints' changes and why, the verdict's path, the
    price that followed each, the goalposts' original rules, what could not be known then."""
    lines: list[str] = []
    for r in replays:
        if lines:
            lines.append("")
        if r.start is None or r.end is None:
            lines.append(f"{r.symbol}: no stored close in the span: nothing replayed")
        else:
            days = len(r.replayed.days)
            lines.append(f"{r.symbol}: {days} trading days, {r.start} to {r.end}")
        lines.append("  Checkpoints, the days their status changed:")
        by: dict[str, list[tuple[Change, Followed]]] = {}
        for change, after in r.changes:
            by.setdefault(change.evaluation.checkpoint_id, []).append((change, after))
        for ident, found in by.items():
            lines.append(f"    {printable(ident)} ({printable(found[0][0].title)}):")
            for change, after in found:
                lines.append(f"      {printable(change_text(change))}")
                lines.append(f"        {followed_text(after)}")
        if not r.changes:
            lines.append("    none")
        lines.append("  The verdict's path:")
        for step, after in r.path:
            lines.append(f"    {printable(step_text(step))}")
            lines.append(f"      {followed_text(after)}")
        if r.undone:
            lines.append("  Goalposts moved:")
            lines.extend(
                f"    {printable(u.move.symbol)}/{printable(u.move.checkpoint)}:"
                f" {printable(undone_text(u))}"
                for u in r.undone
            )
        lines.append("  Not known then:")
        lines.extend(f"    {printable(text)}" for text in r.unknown)
    return lines or ["no ticker with checkpoints to replay"]


def _followed(f: Followed) -> dict[str, Any]:
    return {
        "close": f.close,
        "later": {str(days): price for days, price in f.later},
    }


def replay_json(replays: list[TickerReplay]) -> list[dict[str, Any]]:
    return [
        {
            "symbol": r.symbol,
            "from": r.start.isoformat() if r.start else None,
            "to": r.end.isoformat() if r.end else None,
            "days": len(r.replayed.days),
            "changes": [
                {
                    "day": c.day.isoformat(),
                    "checkpoint": c.evaluation.checkpoint_id,
                    "from": c.evaluation.previous,
                    "to": c.evaluation.status,
                    "value": c.evaluation.value,
                    "why": reason_text(c.evaluation.reason, c.evaluation.condition, c.day),
                    "price": _followed(after),
                }
                for c, after in r.changes
            ],
            "path": [
                {
                    "day": s.day.isoformat(),
                    "verdict": str(s.verdict.verdict),
                    "why": step_text(s),
                    "price": _followed(after),
                }
                for s, after in r.path
            ],
            "goalposts": [
                {
                    "checkpoint": u.move.checkpoint,
                    "field": u.move.field,
                    "before": u.move.before,
                    "after": u.move.after,
                    "moved": u.move.at.date().isoformat(),
                    "differs": u.day.isoformat() if u.day else None,
                    "status_then": u.status_then or None,
                    "verdict_then": str(u.verdict_then) if u.verdict_then else None,
                    "said": undone_text(u),
                }
                for u in r.undone
            ],
            "unknown": list(r.unknown),
        }
        for r in replays
    ]


def calibration_text(c: Calibration) -> list[str]:
    return calibration_lines(c)


def calibration_json(c: Calibration) -> dict[str, Any]:
    """The calibration's fields by name, each band's and each conviction's too."""
    return c._asdict() | {
        "too_few": c.too_few,
        "bands": [b._asdict() for b in c.bands],
        "conviction": [row._asdict() for row in c.conviction],
    }
