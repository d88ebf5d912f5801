"""A line that stays one line at any width: its text cut at a word and ended with … where the
room ends (tui/format.py `clip`), drawn anew at each width. What it was given is kept whole:
`content` is the full text, for what reads it."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from .. import format as fmt


class OneLine(Static):
    DEFAULT_CSS = "OneLine { height: 1; }"

    def render(self) -> Text:
        content = self.content
        whole = content if isinstance(content, Text) else Text(str(content))
        return fmt.clip(whole, self.content_size.width)
