"""The Checkpoints pane of a ticker: one row per checkpoint (status, due, days left, value
against its condition, title and how many passages of evidence it has) and, under it, the
highlighted checkpoint told in full: why it stands where it does, its notes and source. The
flagged come first (views/ticker.flagged_first) and each title right after its status, so an
80×24 terminal shows what needs the user, by name, before any figure."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Static, TabPane

from ....store.records import CheckpointRecord, EvidenceRecord
from ....text import printable
from ....thesis.kinds import status_word
from ....thesis.vocabulary import Status
from ....thesis.wording import format_value, reason_text
from ... import format as fmt
from ..table import RowTable
from .keys import pane_bindings

CHECKPOINT_COLUMNS = (
    ("status", "Status"),
    # Before the figures, clipped with … to the room they leave (RowTable.set_last_column).
    ("title", "Checkpoint"),
    ("due", "Due"),
    ("left", "Left"),
    ("value", "Value"),
    ("target", "Target"),  # the condition's comparison and threshold; the metric in the detail
)


class CheckpointsPane(TabPane):
    """Shown by `show`; the screen's keys act on `current_checkpoint`."""

    BINDINGS = pane_bindings("checkpoints")  # the screen's, shown while this pane has the focus

    def __init__(self, title: str, today: Callable[[], dt.date], *, id: str) -> None:  # noqa: A002
        super().__init__(title, id=id)
        self._today = today
        self._checkpoints: list[CheckpointRecord] = []
        self._evidence: list[EvidenceRecord] = []

    def compose(self) -> ComposeResult:
        yield RowTable(id="checkpoint-table", zebra_stripes=True)
        yield Static(id="checkpoint-detail")

    def on_mount(self) -> None:
        table = self.query_one("#checkpoint-table", DataTable)
        for key, label in CHECKPOINT_COLUMNS:
            table.add_column(label, key=key)

    def show(self, checkpoints: list[CheckpointRecord], evidence: list[EvidenceRecord]) -> None:
        """The rows again, the cursor kept on its checkpoint (or its row, when that is gone)."""
        table = self.query_one("#checkpoint-table", RowTable)
        current = self.current_checkpoint()
        self._checkpoints, self._evidence = checkpoints, evidence
        keys = [c.id for c in checkpoints]
        row_index = table.cursor_row
        table.clear()
        today = self._today()
        found = Counter(e.checkpoint_id for e in evidence)
        titles = {}  # row key -> the whole title, before fitting
        for c in checkpoints:
            status, title, *cells = _checkpoint_cells(c, today)
            if found[c.id]:  # the title, then how many passages of evidence it has
                title = Text.assemble(title, (f"  ▤{found[c.id]}", "cyan"))
            titles[c.id] = title
            table.add_row(status, title, *cells, key=c.id)
        table.set_last_column(titles, key="title")
        if current is not None and current.id in keys:
            row_index = keys.index(current.id)
        if checkpoints:
            table.move_cursor(row=min(row_index, len(keys) - 1), animate=False)
        self._show_checkpoint_detail()

    def current_checkpoint(self) -> CheckpointRecord | None:
        table = self.query_one("#checkpoint-table", DataTable)
        if not self._checkpoints or not table.row_count:
            return None
        key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return next((c for c in self._checkpoints if c.id == key.value), None)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "checkpoint-table":
            self._show_checkpoint_detail()

    def _show_checkpoint_detail(self) -> None:
        c = self.current_checkpoint()
        detail = self.query_one("#checkpoint-detail", Static)
        if c is None:
            detail.update(Text("No checkpoints yet: press c to write the first one.", style="dim"))
            return
        text = Text()
        text.append(printable(f"{c.symbol}/{c.id}"), style="bold")
        text.append(printable(f"  {c.kind}"))
        if c.condition:
            text.append(printable(f"  when {c.condition.text}"))
        if c.period_end:
            text.append(f"  (period ending {c.period_end.isoformat()})")
        if c.until:
            text.append(f"  until {c.until.isoformat()}")
        text.append("\n")
        text.append("Why: ", style="bold")
        reason = reason_text(c.reason, c.condition, self._today())
        text.append(printable(reason) or "not evaluated yet", style="bold red" if c.flagged else "")
        if c.flagged:
            text.append(f"  {fmt.FLAG} unacknowledged: A to acknowledge", style="red")
        if c.manual_note and c.manual_note not in reason:
            text.append(f"\nNote: {printable(c.manual_note)}")
        if c.source:
            text.append("\nSource: ", style="bold")
            text.append(printable(c.source), style="dim")
        if c.notes:
            text.append("\nNotes: ", style="bold")
            text.append(printable(c.notes.strip(), multiline=True), style="dim")
        if c.evidence:
            found = sum(e.checkpoint_id == c.id for e in self._evidence)
            text.append("\nEvidence: ", style="bold")
            text.append(f"{found} passage(s) found (5 shows them) for ", style="cyan")
            text.append(printable(" · ".join(c.evidence)), style="dim")
        detail.update(text)
        self.call_after_refresh(self._cursor_into_view)

    def _cursor_into_view(self) -> None:
        # The detail's height changes with its text, and with it the table's: scroll again.
        table = self.query_one("#checkpoint-table", DataTable)
        if table.row_count:
            table.move_cursor(row=table.cursor_row, animate=False, scroll=True)


def _checkpoint_cells(c: CheckpointRecord, today: dt.date) -> tuple[Text, ...]:
    title = fmt.plain(c.title, "bold red" if c.flagged else "")
    value = c.value
    if c.condition is not None and value is not None:
        shown = Text(format_value(c.condition.metric, value), style="red" if c.flagged else "")
    else:
        shown = Text("—" if c.condition else "", style="dim")
    status = status_word(c.kind, c.status)
    days_left = (c.due - today).days if c.due else None
    target = f"{c.condition.op} {c.condition.threshold_text}" if c.condition else ""
    return (
        fmt.status(status, flagged=c.flagged, manual=c.manual),
        title,
        Text(c.due.isoformat() if c.due else (f"≤{c.until}" if c.until else "")),
        fmt.days_left(days_left) if c.status == Status.PENDING else Text(""),
        shown,
        Text(printable(target)),
    )
