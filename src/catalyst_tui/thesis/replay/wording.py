"""Replay and calibration in words: a change of status and why, the price that followed, a
goalpost's original rule, the calibration's figures; the one wording of the CLI, the report and
the TUI's replay screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..verdict import first_reason
from ..wording import percent, reason_text
from .calibration import BAND_FEW, TOO_FEW

if TYPE_CHECKING:
    from ..goalposts import Move
    from .calibration import Band, Calibration
    from .engine import Change, Step
    from .forward import Followed
    from .goalposts import Undone


def change_text(change: Change) -> str:
    """ "2021-07-20 floor: pending → missed: price 180.2 < 200 (…)"."""
    e = change.evaluation
    why = reason_text(e.reason, e.condition, change.day)
    return f"{change.day.isoformat()} {e.checkpoint_id}: {e.previous} → {e.status}: {why}"


def step_text(step: Step) -> str:
    """ "2021-07-20 at risk: guard not holding: Price floor (price 180.2), since 2021-07-20"."""
    v = step.verdict
    return f"{step.day.isoformat()} {v.verdict}: {first_reason(v.verdict, v.reasons)}"


def followed_text(f: Followed) -> str:
    """ "close 180.20; 30 days later 190.10 (+5.5%); 90 days later not yet"."""
    if f.close is None:
        return "no close stored by then"
    parts = [f"close {f.close:,.2f}"]
    for days, price in f.later:
        if price is None:
            parts.append(f"{days} trading days later: not yet")
        else:
            move = f.change(days)
            signed = "" if move is None else f" ({'+' if move >= 0 else ''}{percent(move)})"
            parts.append(f"{days} trading days later {price:,.2f}{signed}")
    return "; ".join(parts)


def undone_text(u: Undone) -> str:
    """ "your rule gross_margin >= 70% would have missed on 2026-08-05 (thesis: broken, against
    at risk); you loosened it to gross_margin >= 65% on 2026-08-01"."""
    m = u.move
    moved = _moved(m)
    before = m.before or "none"
    if u.after_span:
        return f"{moved}, after the days replayed"
    if not u.readable:
        return f"your rule {before} no longer reads; {moved}"
    if u.day is None:
        return f"your rule {before} would have judged the same every day replayed; {moved}"
    said = f"{u.status_then}" if u.status_then != u.status_now else f"kept {u.status_then}"
    verdict = ""
    if u.verdict_then != u.verdict_now:
        verdict = f" and the thesis {u.verdict_then} (the rule now: {u.verdict_now})"
    return f"your rule {before} would have {said} on {u.day.isoformat()}{verdict}; {moved}"


def _moved(m: Move) -> str:
    how = "loosened" if m.loosened else "changed"
    return f"you {how} it to {m.after or 'none'} on {m.at.date().isoformat()}"


def calibration_lines(c: Calibration) -> list[str]:
    """The calibration for people: counts, the Brier score, the bands, the conviction."""
    lines = [
        f"{c.resolved} resolved, {c.unresolved} unresolved, {c.voided} voided"
        " (its rule moved after you gave it)"
    ]
    if c.brier is None:
        lines.append("Brier score: none (nothing resolved yet)")
    else:
        lines.append(f"Brier score: {c.brier:.3f} (0 is perfect; always saying 50% scores 0.250)")
    if c.too_few:
        lines.append(f"{c.resolved} resolved: too few to read a trend (at least {TOO_FEW})")
    lines.append("confidence  resolved  mean said  met")
    lines.extend(band_text(b) for b in c.bands)
    lines.append("conviction  notes  measured  mean move 90 trading days after")
    for row in c.conviction:
        mean = "none" if row.mean_move is None else percent(row.mean_move)
        lines.append(f"{row.conviction:<10}  {row.notes:>5}  {row.measured:>8}  {mean}")
    return lines


def band_text(b: Band) -> str:
    span = f"{b.low * 100:.0f}–{b.high * 100:.0f}%"
    if not b.size:
        return f"{span:<10}  {0:>8}  {'':>9}  none"
    mean = "" if b.mean_confidence is None else percent(b.mean_confidence)
    rate = f"{b.met} of {b.size}"
    few = " (too few)" if b.size < BAND_FEW else ""
    return f"{span:<10}  {b.size:>8}  {mean:>9}  {rate}{few}"
