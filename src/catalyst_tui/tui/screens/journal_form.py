"""The form of a note in a ticker's thesis journal (the ticker page's `j`): the note, what was
done (add, trim, exit, hold, or none) and the conviction held. Checked as typed (an empty note,
one too long); saved through the workspace into the database, never into catalysts.toml."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...thesis.journal import MAX_NOTE, note_error
from ...thesis.vocabulary import CONVICTIONS, JOURNAL_ACTIONS
from .forms import Field, FormScreen

if TYPE_CHECKING:
    from ...session.workspace import Workspace

NO_CHOICE = "none"  # the choice of no action, no conviction


class JournalForm(FormScreen):
    def __init__(self, workspace: Workspace, symbol: str, *, why: str = "") -> None:
        fields = [
            Field("text", "Note", kind="text"),
            Field("action", "Action", kind="select", options=(NO_CHOICE, *JOURNAL_ACTIONS)),
            Field("conviction", "Conviction", kind="select", options=(NO_CHOICE, *CONVICTIONS)),
        ]
        super().__init__(
            f"A note in {symbol}'s journal",
            fields,
            check=_errors,
            submit=lambda values: workspace.note(symbol, *_parts(values)),
            note=(f"{why}\n" if why else "")
            + f"Dated today, kept in the database: the timeline and `catalyst review "
            f"{symbol}` show it. At most {MAX_NOTE:,} characters.",
            form_id="journal-form",
        )
        self.symbol = symbol

    def result(self) -> str:
        return self.symbol


def _parts(values: dict[str, str]) -> tuple[str, str, str]:
    """The note's text, action and conviction ("" for none)."""
    action, conviction = values.get("action", NO_CHOICE), values.get("conviction", NO_CHOICE)
    return (
        values.get("text", "").strip(),
        "" if action == NO_CHOICE else action,
        "" if conviction == NO_CHOICE else conviction,
    )


def _errors(values: dict[str, str]) -> dict[str, str]:
    error = note_error(*_parts(values))
    return {"text": error} if error else {}
