"""The Checkpoints pane of a ticker: one row per checkpoint (status, due, days left, value
against its condition, title and how many passages of evidence it has) and, under it, the
highlighted checkpoint told in full: why it stands where it does, its notes and source. The
flagged come first (views/ticker.flagged_first) and each title right after its status, so an
80×24 terminal shows what needs the user, by name, before any figure."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable, Static

from ....text import counted, printable
from ....thesis.kinds import status_word
from ....thesis.vocabulary import Status
from ....thesis.wording import reason_text, value_against
from ... import format as fmt
from ... import messages
from ...palette import ink
from ..table import RowTable
from .pane import PaneContext, TickerPane

if TYPE_CHECKING:
    import datetime as dt

    from textual.app import ComposeResult

    from ....store.records import CheckpointRecord, EvidenceRecord
    from ....views.ticker import TickerDetail


class CheckpointsPane(TickerPane):
    """Shown by `show`; its keys act on `current_checkpoint` (m, e and x bring the pane to the
    front first, so the checkpoint acted on is the one seen)."""

    # The Footer's words, short enough that its keys fit 80 columns whole with esc, q and ?
    # (tests/tui/screens/test_ticker.py).
    KEYS = (
        Binding("m", "mark", "Mark"),
        Binding("c", "add_checkpoint", "New checkpoint"),
        Binding("e", "edit_checkpoint", "Edit"),
        Binding("x", "archive_checkpoint", "Archive"),
        Binding("A", "acknowledge", "Ack"),
    )
    COLUMNS = (
        ("status", "Status"),
        # Before the figures, clipped with … to the room they leave (RowTable.set_last_column).
        ("title", "Checkpoint"),
        ("due", "Due"),
        ("left", "Left"),
        ("value", "Value"),
        # The condition's comparison and threshold; the metric in the detail.
        ("target", "Target"),
    )

    def __init__(self, title: str, context: PaneContext, *, id: str) -> None:  # noqa: A002
        super().__init__(title, context, id=id)
        self._checkpoints: list[CheckpointRecord] = []
        self._evidence: list[EvidenceRecord] = []

    def compose(self) -> ComposeResult:
        yield RowTable(id="checkpoint-table", zebra_stripes=True)
        yield Static(id="checkpoint-detail")

    def on_mount(self) -> None:
        table = self.query_one("#checkpoint-table", RowTable)
        table.add_keyed_columns(self.COLUMNS)

    def show(self, detail: TickerDetail) -> None:
        """The rows again, the cursor kept on its checkpoint (or its row, when that is gone)."""
        checkpoints, evidence = detail.checkpoints, detail.evidence
        table = self.query_one("#checkpoint-table", RowTable)
        current = self.current_checkpoint()
        self._checkpoints, self._evidence = checkpoints, evidence
        keys = [c.id for c in checkpoints]
        row_index = table.cursor_row
        table.clear()
        today = self.today()
        found = Counter(e.checkpoint_id for e in evidence)
        titles = {}  # row key -> the whole title, before fitting
        for c in checkpoints:
            status, title, *cells = _checkpoint_cells(c, today)
            if found[c.id]:  # the title, then how many passages of evidence it has
                title = Text.assemble(title, (f"  ▤{found[c.id]}", ink().info))
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

    # -- actions (KEYS) --------------------------------------------------------------------------
    def _need_checkpoint(self) -> CheckpointRecord | None:
        self.reveal()
        c = self.current_checkpoint()
        if c is None:
            self.notify("no checkpoint selected", severity="warning")
        return c

    def action_mark(self) -> None:
        self.post_about(self._need_checkpoint(), messages.MarkCheckpoint)

    def action_add_checkpoint(self) -> None:
        self.post_message(messages.AddCheckpoint(self.symbol))

    def action_edit_checkpoint(self) -> None:
        self.post_about(self._need_checkpoint(), messages.EditCheckpoint)

    def action_archive_checkpoint(self) -> None:
        self.post_about(self._need_checkpoint(), messages.ArchiveCheckpoint)

    def action_acknowledge(self) -> None:
        """The highlighted checkpoint's flag, or every flag of the ticker when it has none."""
        c = self.current_checkpoint()
        if c is not None and c.flagged:
            self.post_message(messages.Acknowledge([(c.symbol, c.id)]))
        else:
            self.post_message(messages.AcknowledgeTicker(self.symbol))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "checkpoint-table":
            self._show_checkpoint_detail()

    def _show_checkpoint_detail(self) -> None:
        p = ink()
        c = self.current_checkpoint()
        detail = self.query_one("#checkpoint-detail", Static)
        if c is None:
            detail.update(
                Text("No checkpoints yet: press c to write the first one.", style=p.muted)
            )
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
        # Each part's wrapped lines under its text's first column, not under its label.
        parts: list[RenderableType] = [text]
        why = Text()
        reason = reason_text(c.reason, c.condition, self.today())
        why.append(printable(reason) or "not evaluated yet", style=p.alarm if c.flagged else "")
        if c.flagged:
            why.append(f"  {fmt.FLAG} unacknowledged: A to acknowledge", style=p.bad)
        parts.append(fmt.hanging(Text("Why: ", style="bold"), why))
        if c.manual_note and c.manual_note not in reason:
            parts.append(fmt.hanging("Note: ", fmt.plain(c.manual_note)))
        if c.source:
            parts.append(fmt.hanging(Text("Source: ", style="bold"), fmt.plain(c.source, p.muted)))
        if c.notes:
            notes = fmt.plain(c.notes.strip(), p.muted, multiline=True)
            parts.append(fmt.hanging(Text("Notes: ", style="bold"), notes))
        if c.evidence:
            found = sum(e.checkpoint_id == c.id for e in self._evidence)
            said = Text(
                f"{counted(found, 'passage')} found (5 shows them) for "
                if found
                else "no passage found yet for ",
                style=p.info,
            )
            said.append(printable(" · ".join(c.evidence)), style=p.muted)
            parts.append(fmt.hanging(Text("Evidence: ", style="bold"), said))
        detail.update(Group(*parts))
        self.call_after_refresh(self._cursor_into_view)

    def _cursor_into_view(self) -> None:
        # The detail's height changes with its text, and with it the table's: scroll again.
        table = self.query_one("#checkpoint-table", DataTable)
        if table.row_count:
            table.move_cursor(row=table.cursor_row, animate=False, scroll=True)


def _checkpoint_cells(c: CheckpointRecord, today: dt.date) -> tuple[Text, ...]:
    p = ink()
    title = fmt.plain(c.title, p.alarm if c.flagged else "")
    value, target = value_against(c.condition, c.value, c.reason.op) if c.condition else ("", "")
    if c.condition is not None and c.value is not None:
        shown = Text(value, style=p.bad if c.flagged else "")
    else:
        shown = Text(value, style=p.muted)
    days_left = (c.due - today).days if c.due else None
    return (
        fmt.status(c.status, status_word(c.kind, c.status), flagged=c.flagged, manual=c.manual),
        title,
        Text(c.due.isoformat() if c.due else (f"≤{c.until}" if c.until else "")),
        fmt.days_left(days_left) if c.status == Status.PENDING else Text(""),
        shown,
        Text(printable(target)),
    )
