"""The price chart of `catalyst report --format html`: an inline SVG (no script, nothing it
fetches) of the daily closes as one line, and one marker a timeline event at its day, placed on
the close of that day (or the first close after it), its words in the marker's <title>. Every
text escaped; the figures are the closes' own."""

from __future__ import annotations

import bisect
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

WIDTH, HEIGHT, PAD = 760, 260, 36


def svg_chart(
    closes: Sequence[tuple[dt.date, float]], events: Sequence[tuple[dt.date, str]], title: str
) -> str:
    """The SVG element, or a sentence saying no closes are stored."""
    if len(closes) < 2:
        return "<p>No daily closes are stored for a chart.</p>"
    days = [d for d, _ in closes]
    values = [c for _, c in closes]
    low, high = min(values), max(values)
    spread = (high - low) or 1.0
    span = (days[-1] - days[0]).days or 1

    def x(day: dt.date) -> float:
        return PAD + (WIDTH - 2 * PAD) * (day - days[0]).days / span

    def y(close: float) -> float:
        return HEIGHT - PAD - (HEIGHT - 2 * PAD) * (close - low) / spread

    points = " ".join(f"{x(d):.1f},{y(c):.1f}" for d, c in closes)
    parts = [
        f'<svg width="{WIDTH}" height="{HEIGHT}"'
        f' viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<polyline class="closes" fill="none" stroke="#1f5fa8" stroke-width="1.5"'
        f' points="{points}"/>',
        f'<text x="{PAD}" y="{PAD - 12}" font-size="11">{high:,.2f}</text>',
        f'<text x="{PAD}" y="{HEIGHT - PAD + 16}" font-size="11">{low:,.2f}</text>',
        f'<text x="{PAD}" y="{HEIGHT - 6}" font-size="11">{days[0].isoformat()}</text>',
        f'<text x="{WIDTH - PAD}" y="{HEIGHT - 6}" font-size="11" text-anchor="end">'
        f"{days[-1].isoformat()}</text>",
    ]
    for day, text in events:
        at = min(bisect.bisect_left(days, day), len(days) - 1)
        parts.append(
            f'<circle class="event" cx="{x(days[at]):.1f}" cy="{y(values[at]):.1f}" r="4"'
            f' fill="#c0392b"><title>{escape(day.isoformat())}: {escape(text)}</title></circle>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
