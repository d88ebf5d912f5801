"""A cell that gives way by whole parts: narrower than its whole, it shows its head, a part that
reads whole by itself (a verdict's word without the checkpoints judged of how many, `at risk`
of `at risk 7/16`; the days to the next due without its checkpoint's id, `41d`), never a part
cut short with `…`. A column of such cells gives way to its widest head (a floor of `PARTS` in
widgets/table.py's `give_way`), and only below it is a head clipped as any text is."""

from __future__ import annotations

from rich.text import Text

from ..format import clip

#: A column's floor in `RowTable.give_way`: the widest head of its cells.
PARTS = -1


class Parted(Text):
    """A Text whose first `head` characters read whole without the rest."""

    head: int = 0

    @classmethod
    def of(cls, text: Text, head: int) -> Parted:
        """`text` as a Parted cell whose head is its first `head` characters."""
        cell = cls(
            text.plain,
            style=text.style,
            justify=text.justify,
            overflow=text.overflow,
            no_wrap=text.no_wrap,
            end=text.end,
            tab_size=text.tab_size,
            spans=list(text.spans),
        )
        cell.head = min(head, len(text.plain))
        return cell

    def head_text(self) -> Text:
        return self[: self.head]


def head_width(text: Text) -> int:
    """The width a cell gives way to by parts: its head's (a text not parted: all of it)."""
    return text[: text.head].cell_len if isinstance(text, Parted) else text.cell_len


def shown_at(text: Text, width: int) -> Text:
    """`text` in `width` cells: whole, else its head where that fits, else clipped (widths
    0: blank)."""
    if text.cell_len <= width:
        return text
    if isinstance(text, Parted):
        text = text.head_text()
        if text.cell_len <= width:
            return text
    return clip(text, width) if width else Text()
