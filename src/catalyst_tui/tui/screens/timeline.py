"""Every checkpoint event, change of verdict, stock split and filing, newest first; unacknowledged
misses stand out and `A` clears them; on a split, `w` rewrites the thresholds written before it on
today's basis."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from ...store.records import EventRecord
from ...text import counted, printable
from ...thesis.kinds import status_word
from ...thesis.verdict import reason_text as verdict_reason_text
from ...thesis.vocabulary import STATUS_STYLE, VERDICT_STYLE
from ...thesis.wording import reason_text, value_against
from ...views.timeline import (
    FilingEntry,
    NoteEntry,
    SplitEntry,
    TimelineEntry,
    VerdictEntry,
    flagged_targets,
)
from .. import format as fmt
from .. import messages
from ..palette import ink
from ..widgets.banner import ConfigBanner
from ..widgets.footer import KeyFooter
from ..widgets.table import RowTable
from .keys import pushed_screen_keys
from .table_detail import TableDetailScreen

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from ...session.workspace import Workspace

COLUMNS = (
    ("when", "When"),
    ("checkpoint", "Checkpoint"),
    ("change", "Change"),
    ("value", "Value"),
    ("reason", "Why"),
)


class TimelineScreen(TableDetailScreen[TimelineEntry]):
    CSS_PATH = Path(__file__).with_name("timeline.tcss")  # loaded when the first one opens

    TABLE = "events"

    BINDINGS = pushed_screen_keys(
        Binding("A", "acknowledge", "Ack"),
        Binding("enter", "open_ticker", "Open ticker", priority=True),
        Binding("ctrl+a", "acknowledge_all", "Ack all", show=False),
        Binding("w", "rewrite", "Rewrite for split", show=False),
    )

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(id="timeline")
        self.workspace = workspace
        self.entries: list[TimelineEntry] = []

    def compose(self) -> ComposeResult:
        yield ConfigBanner()
        yield Static(id="timeline-title")
        yield RowTable(id="events", zebra_stripes=True)
        yield Static(id="event-detail")
        yield KeyFooter()  # ctrl+p still opens it; ? says so

    def on_mount(self) -> None:
        table = self.query_one("#events", RowTable)
        table.add_keyed_columns(COLUMNS)
        # Narrow, the reason keeps a third of the width: the value (the reason names it), the
        # time (the date stays) and the checkpoint's id give way, clipped with … (table.py).
        table.give_way({"value": 0, "when": 11, "checkpoint": 16})
        self.reload()
        self.set_focus(table)  # before the first frame (watchlist.py)

    def recolour(self) -> None:
        """The theme changed: the events shown again, in its colours (palette.py)."""
        self.reload()

    def reload(self) -> None:
        p = ink()
        table = self.query_one("#events", RowTable)
        row = table.cursor_row
        entries = self.workspace.timeline()
        if entries == self.entries and table.row_count:
            return  # most refreshes change no status: keep the table as it is
        self.entries = entries
        table.clear()
        reasons = {}  # row key -> the whole reason, before fitting
        for entry in self.entries:
            *cells, reason = self._cells(entry)
            key = _key(entry)
            reasons[key] = reason if isinstance(reason, Text) else Text(reason)
            table.add_row(*cells, reason, key=key)
        table.set_last_column(reasons)
        if self.entries:
            table.move_cursor(row=min(row, len(self.entries) - 1), animate=False)
        flagged = len(flagged_targets(self.entries))
        splits = sum(isinstance(e, SplitEntry) for e in self.entries)
        filings = sum(isinstance(e, FilingEntry) for e in self.entries)
        events = len(self.entries) - splits - filings
        count = counted(events, "event")
        if splits:
            count += f", {counted(splits, 'split')}"
        if filings:
            count += f", {counted(filings, 'filing')}"
        title = Text(f"Timeline: {count}", style="bold")
        if flagged:
            title.append(
                f"   {fmt.FLAG} {flagged} flagged: A acknowledges the highlighted one",
                style=p.alarm,
            )
        elif not self.entries:
            title.append(
                "   nothing has happened yet: events appear when a checkpoint changes",
                style=p.muted,
            )
        self.query_one("#timeline-title", Static).update(title)
        self._show_detail()

    def row_items(self) -> list[TimelineEntry]:
        return self.entries

    def _show_detail(self) -> None:
        p = ink()
        entry = self.current()
        text = Text()
        if isinstance(entry, FilingEntry):
            f = entry.filing
            text.append(printable(entry.text), style="bold")
            accepted = f.accepted.astimezone(self.workspace.zone).strftime("%Y-%m-%d %H:%M")
            text.append(f"\naccepted {accepted}, filed {f.filed.isoformat()}  {printable(f.url)}")
            if f.read == -1:
                text.append(
                    f"\ndocuments could not be read: {printable(f.read_error)}", style=p.warning
                )
        elif isinstance(entry, NoteEntry):
            note = entry.note
            text.append(printable(f"{note.symbol} journal"), style="bold")
            if note.tags:
                text.append(f"  {note.tags}", style=p.muted)
            text.append(f"\n{printable(note.text)}")
        elif isinstance(entry, VerdictEntry):
            text.append(printable(entry.text), style="bold")
            for reason in entry.event.reasons:
                text.append(f"\n  {printable(verdict_reason_text(reason))}")
        elif isinstance(entry, SplitEntry):
            text.append(printable(entry.text), style="bold")
            text.append(
                "\nPrices and history are on the new basis; lots bought before it are "
                "shown adjusted, the file keeps what you wrote."
            )
            for r in entry.rewrites:
                text.append(printable(f"\n{r.symbol}/{r.checkpoint_id}: "))
                text.append(printable(r.old), style="bold")
                text.append(
                    printable(f" is compared on the basis it was written in; on today's: {r.new}")
                )
            if entry.rewrites:
                text.append("\nw rewrites them so in catalysts.toml", style=f"bold {p.warning}")
        elif entry is not None:
            text.append(printable(f"{entry.symbol}/{entry.checkpoint_id}"), style="bold")
            text.append(f"  {printable(entry.title)}\n")
            why = reason_text(entry.reason, entry.condition, self.workspace.today())
            text.append(printable(why), style=p.bad if entry.flagged else "")
            if entry.acked_at is not None:
                text.append("  (acknowledged)", style=p.muted)
        self.query_one("#event-detail", Static).update(text)

    def action_acknowledge(self) -> None:
        entry = self.current()
        if not isinstance(entry, EventRecord) or not entry.flagged:
            self.notify("the highlighted event is not flagged", severity="warning", timeout=3)
            return
        self.post_message(messages.Acknowledge([(entry.symbol, entry.checkpoint_id)]))

    def action_acknowledge_all(self) -> None:
        self.post_message(messages.Acknowledge(None))

    def action_open_ticker(self) -> None:
        entry = self.current()
        if entry is not None:
            self.post_message(messages.OpenTicker(entry.symbol))

    def action_rewrite(self) -> None:
        entry = self.current()
        if not isinstance(entry, SplitEntry) or not entry.rewrites:
            self.notify(
                "no threshold to rewrite: highlight a split that lists some",
                severity="warning",
                timeout=3,
            )
            return
        self.post_message(messages.RewriteForSplit(entry.rewrites))

    def _cells(self, e: TimelineEntry) -> tuple[Text | str, ...]:
        if isinstance(e, SplitEntry):
            return _split_cells(e)
        if isinstance(e, NoteEntry):
            return _note_cells(e, e.ts.astimezone(self.workspace.zone).strftime("%Y-%m-%d %H:%M"))
        if isinstance(e, VerdictEntry):
            return _verdict_cells(
                e, e.ts.astimezone(self.workspace.zone).strftime("%Y-%m-%d %H:%M")
            )
        if isinstance(e, FilingEntry):
            when = e.ts.astimezone(self.workspace.zone).strftime("%Y-%m-%d %H:%M")
            return _filing_cells(e, when)
        when = e.ts.astimezone(self.workspace.zone).strftime("%Y-%m-%d %H:%M")
        value = ""
        if e.value is not None:
            if e.condition is None:
                value = f"{e.value:g}"
            else:
                value = value_against(e.condition, e.value, e.reason.op)[0]
        why = reason_text(e.reason, e.condition, self.workspace.today())
        return _cells(e, when, value, why)


def _cells(e: EventRecord, when: str, value: str, reason: str) -> tuple[Text | str, ...]:
    p = ink()
    style = p.alarm if e.flagged else ""
    checkpoint = fmt.plain(f"{e.symbol}/{e.checkpoint_id}", style)
    if e.flagged:
        checkpoint = fmt.plain(f"{fmt.FLAG} {e.symbol}/{e.checkpoint_id}", p.badge)
    # As the ticker screen says them: a guard that is met reads "holding" (thesis/kinds.py).
    was, now = status_word(e.kind, e.from_status), status_word(e.kind, e.to_status)
    change = Text(was, style=p.status(STATUS_STYLE.get(e.from_status, "")))  # by value
    change.append(" → ")
    change.append(now, style=p.status(STATUS_STYLE.get(e.to_status, "")))
    if e.manual:
        change.append(" (hand)", style=p.muted)
    reason = printable(reason)  # fitted to the room left, with … (RowTable.set_last_column)
    return (
        when,
        checkpoint,
        change,
        value,
        Text(reason, style=p.muted if e.acked_at is not None else style),
    )


def _key(entry: TimelineEntry) -> str:
    if isinstance(entry, SplitEntry):
        return f"split:{entry.symbol}:{entry.split.day.isoformat()}"
    if isinstance(entry, FilingEntry):
        return f"filing:{entry.symbol}:{entry.filing.accession}"
    if isinstance(entry, VerdictEntry):
        return f"verdict:{entry.event.id}"
    if isinstance(entry, NoteEntry):
        return f"note:{entry.note.id}"
    return str(entry.id)


def _filing_cells(e: FilingEntry, when: str) -> tuple[Text | str, ...]:
    p = ink()
    return (
        when,
        Text(e.symbol, style="bold"),
        Text(e.filing.form, style=p.primary),
        "",
        fmt.clip(Text(printable(e.items), style=p.muted), 60),  # SEC's item numbers as sent
    )


def _split_cells(e: SplitEntry) -> tuple[Text | str, ...]:
    p = ink()
    rewrite = ""
    if e.rewrites:
        rewrite = f"{counted(len(e.rewrites), 'threshold')} written before it: w rewrites"
    return (
        e.split.day.isoformat(),
        fmt.plain(e.symbol, "bold"),
        fmt.plain(f"split {e.split.text}", p.info),
        "",
        Text(rewrite, style=p.warning),
    )


def _verdict_cells(e: VerdictEntry, when: str) -> tuple[Text | str, ...]:
    p = ink()
    event = e.event
    change = Text(str(event.previous), style=p.status(VERDICT_STYLE[event.previous]))
    change.append(" → ")
    change.append(str(event.verdict), style=p.status(VERDICT_STYLE[event.verdict]))
    return (when, fmt.plain(f"{event.symbol} verdict", "bold"), change, "", printable(e.reason))


def _note_cells(e: NoteEntry, when: str) -> tuple[Text | str, ...]:
    note = e.note
    tags = Text(note.tags or "note", style=ink().info)
    return (when, fmt.plain(f"{note.symbol} journal", "bold"), tags, "", printable(note.text))
