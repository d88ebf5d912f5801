"""A thesis journal's entry: a dated note on a ticker, with what was done (add, trim, exit, hold)
and the conviction held, as the user wrote them; how long a note may be, and how an entry
reads."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .vocabulary import CONVICTIONS, JOURNAL_ACTIONS

if TYPE_CHECKING:
    import datetime as dt

MAX_NOTE = 2000  # characters: a paragraph or two, not a document (those are evidence)


class JournalEntry(NamedTuple):
    id: int
    ts: dt.datetime
    symbol: str
    text: str
    action: str = ""  # one of JOURNAL_ACTIONS, or "" for none
    conviction: str = ""  # one of CONVICTIONS, or ""

    @property
    def tags(self) -> str:
        """ "add, conviction high"; "" without either."""
        parts = [self.action] if self.action else []
        if self.conviction:
            parts.append(f"conviction {self.conviction}")
        return ", ".join(parts)


def note_error(text: str, action: str = "", conviction: str = "") -> str | None:
    """Why a note cannot be kept as written, in one sentence; None when it can."""
    if not text.strip():
        return "a note needs some text"
    if len(text) > MAX_NOTE:
        return f"a note is at most {MAX_NOTE:,} characters ({len(text):,} given)"
    if action and action not in JOURNAL_ACTIONS:
        return f"the action is one of {', '.join(JOURNAL_ACTIONS)}, not {action!r}"
    if conviction and conviction not in CONVICTIONS:
        return f"the conviction is one of {', '.join(CONVICTIONS)}, not {conviction!r}"
    return None
