"""A table's cell updated only when it would draw differently (widgets/table.py drawn_alike):
whatever it calls alike, DataTable draws alike."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.text import Text

from catalyst_tui.tui.textual_private import default_cell_formatter
from catalyst_tui.tui.widgets.table import drawn_alike

# Words with what markup and emoji codes are made of: brackets, colons, slashes, names.
cells = st.text(alphabet="ab:[]/ smile12.,", max_size=16)


@given(cells)
def test_a_string_called_alike_draws_as_its_text(cell: str) -> None:
    text = Text(cell)
    if drawn_alike(cell, text):
        drawn = default_cell_formatter(cell, wrap=False, height=1)
        ours = default_cell_formatter(text, wrap=False, height=1)
        assert isinstance(drawn, Text) and isinstance(ours, Text)
        assert (drawn.plain, drawn.spans, drawn.style) == (ours.plain, ours.spans, ours.style)


def test_markup_emoji_codes_styles_and_other_words_are_not_alike() -> None:
    assert drawn_alike("1,234.56", Text("1,234.56"))
    text = Text("kept")
    assert drawn_alike(text, text)  # the same Text: a cell that fits is kept as it is
    assert drawn_alike(Text("kept", style="bold"), Text("kept", style="bold"))  # an equal copy
    assert not drawn_alike(Text("kept"), Text("kept", style="bold"))
    assert not drawn_alike(Text.from_markup("[b]k[/b]ept"), Text("kept"))
    assert not drawn_alike(Text("kept", justify="right"), Text("kept"))
    assert not drawn_alike("[b]x[/b]", Text("[b]x[/b]"))  # markup: drawn bold, not as written
    assert not drawn_alike(":smile:", Text(":smile:"))  # an emoji code: drawn as the emoji
    assert not drawn_alike("x", Text("x", style="bold"))
    assert not drawn_alike("x", Text("y"))
