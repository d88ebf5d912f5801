"""How numbers, statuses, dates and the user's words look on screen: one place, so every screen
agrees. Text from the file, the database or a provider goes on screen through `plain` (or
`printable`, text.py): as typed, never as markup, never as an escape sequence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from ..text import printable
from ..thesis.vocabulary import NONE as NONE
from ..thesis.vocabulary import STATUS_MARK, STATUS_STYLE, Status
from .palette import ink

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

FLAG = "⚑"


def plain(text: str, style: str = "", *, multiline: bool = False) -> Text:
    """Someone's words (a title, a note, a provider's message) as a Text to show: brackets as
    typed, control characters and escape sequences removed."""
    return Text(printable(text, multiline=multiline), style=style)


def clip(text: Text | str, width: int) -> Text:
    """`text` in at most `width` cells: cut at a word's end (a word cut in two reads as
    another word: "✓ c…" is "✓…") where that keeps a third of the room, else inside the word
    (an id cut to "⚑…" would say nothing), and ending in `…` when anything was cut, so a
    clipped value never reads as a whole one."""
    shown = text if isinstance(text, Text) else Text(text)
    if shown.cell_len <= width:
        return shown
    width = max(1, width)
    cut = shown.plain[: width - 1]
    space = cut.rfind(" ")
    inside = not shown.plain[len(cut)].isspace()  # the cut falls inside a word
    if inside and space > 0 and space >= (width - 1) // 3:
        cut = cut[:space].rstrip()
    out = shown[: len(cut)]
    out.append("…", style=shown.style)
    return out


def hanging(label: Text | str, text: Text) -> Table:
    """`label` then `text`, whose wrapped lines start under its first column (a hanging
    indent), never at the left edge under the label."""
    grid = Table.grid()
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    grid.add_row(label, text)
    return grid


def flow(items: list[Text], width: int, gap: str = "  ") -> Text:
    """`items` on as few lines as `width` allows, `gap` between them; an item is never split
    across lines (a figure and its percentage stay together). `width` 0: one line."""
    out = Text()
    used = 0
    for item in items:
        if used and width and used + len(gap) + item.cell_len > width:
            out.append("\n")
            used = 0
        elif used:
            out.append(gap)
            used += len(gap)
        out.append_text(item)
        used += item.cell_len
    return out


class Flow:
    """`items` flowed (`flow`) to the width they are drawn in: laid out when rendered, so for
    the widget's width as it is now, never the one it had when the items were made."""

    def __init__(self, items: list[Text], gap: str = "  ") -> None:
        self.items = items
        self.gap = gap

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield flow(self.items, options.max_width, self.gap)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((item.cell_len for item in self.items), default=0)
        one_line = sum(item.cell_len for item in self.items)
        one_line += len(self.gap) * max(0, len(self.items) - 1)
        return Measurement(widest, one_line)


def money(value: float | None, *, decimals: int = 2) -> str:
    if value is None:
        return NONE
    if abs(value) >= 1e6:
        return f"{value / 1e6:,.2f}M"
    return f"{value:,.{decimals}f}"


def signed(value: float | None, *, decimals: int = 2, suffix: str = "") -> Text:
    """'+12.30' good, '-4.10' bad, '—' muted (palette.py)."""
    p = ink()
    if value is None:
        return Text(NONE, style=p.muted)
    style = p.good if value > 0 else p.bad if value < 0 else ""
    if abs(value) >= 1e6 and not suffix:
        return Text(f"{value / 1e6:+,.2f}M", style=style)
    return Text(f"{value:+,.{decimals}f}{suffix}", style=style)


def percent(value: float | None, *, decimals: int = 1, sign: bool = True) -> Text:
    if value is None:
        return Text(NONE, style=ink().muted)
    if not sign:
        return Text(f"{value * 100:.{decimals}f}%")
    return signed(value * 100, decimals=decimals, suffix="%")


def shares(value: float | None) -> str:
    if not value:
        return ""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.3f}".rstrip("0")


def score(met: int, missed: int, pending: int, *, tight: bool = False) -> Text:
    """'✓2 ✗1 ·10' with the counts that are there; `tight`, '✓2✗1·10' (a column of the
    watchlist, where each mark starts its count)."""
    p = ink()
    text = Text()
    for count, status in ((met, Status.MET), (missed, Status.MISSED), (pending, Status.PENDING)):
        if count:
            if text and not tight:
                text.append(" ")
            text.append(f"{STATUS_MARK[status]}{count}", style=p.status(STATUS_STYLE[status]))
    return text or Text(NONE, style=p.muted)


def status(
    value: str, word: str | None = None, *, flagged: bool = False, manual: bool = False
) -> Text:
    """A checkpoint's status as shown: its mark and colour by its value (`met`), its `word` as
    its kind reads it (thesis/kinds.py `status_word`: a guard that is met reads "holding")."""
    p = ink()
    shown = value if word is None else word
    mark, style = STATUS_MARK.get(value, " "), STATUS_STYLE.get(value, "")
    text = Text(f"{mark} {shown}", style=p.status(style))
    if manual:
        text.append(" (hand)", style=p.muted)
    if flagged:
        text.append(f" {FLAG}", style=p.alarm)
    return text


def days_left(days: int | None) -> Text:
    if days is None:
        return Text("")
    p = ink()
    if days < 0:
        return Text(f"{-days}d ago", style=p.bad)
    if days == 0:
        return Text("today", style=f"bold {p.warning}")
    return Text(f"{days}d", style=p.warning if days <= 30 else "")
