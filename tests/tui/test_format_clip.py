"""Text cut to its room is cut at a word and says so with …: a word cut in two reads as another
word ("✓ c…" for "✓ confirmed"), and a clipped value must never read as a whole one."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.text import Text

from catalyst_tui.tui.format import clip


def test_a_cut_falls_between_words():
    assert clip("✓ confirmed", 4).plain == "✓…"
    assert clip("⚑ ALAB/operating-margin-floor", 12).plain == "⚑ ALAB/oper…"  # an id: inside
    assert clip("Gross margin holds at or above 70%", 14).plain == "Gross margin…"
    assert clip("Gross margin holds", 13).plain == "Gross margin…"
    assert clip("Superconductivity", 6).plain == "Super…"  # one word longer than the room
    assert clip("fits", 4).plain == "fits"


words = st.lists(st.text("abcdefghij✓", min_size=1, max_size=9), min_size=1, max_size=8)


# No timing check: a loaded machine drew one example in 1.6 s and failed the run on its speed.
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words, st.integers(min_value=1, max_value=60))
def test_what_is_shown_is_whole_words_then_an_ellipsis(parts: list[str], width: int):
    whole = " ".join(parts)
    shown = clip(Text(whole), width).plain
    assert len(shown) <= max(width, 1)
    if shown == whole:
        return
    assert shown.endswith("…")
    kept = shown[:-1].rstrip()
    assert whole.startswith(kept)
    between_words = len(kept) == len(whole) or whole[len(kept)] == " "
    # Cut inside a word only where cutting at the last word's end would keep under a third.
    assert between_words or kept.rfind(" ") < (width - 1) // 3, (whole, width, shown)
