"""The reader's quick tests before its searches (a word every match holds, looked for first; a
search begun where a match may start; the text lowered once) change no reading: the reader with
each of them undone reads the same, on every real call and on the same calls with letters that
case-insensitive search folds otherwise than `str.lower` ("ſ", "İ", "ı", the Kelvin sign, a
capital sigma)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.reading.words import (
    bases,
    frames,
    guidance,
    lists,
    multiples,
    one_figure,
    patterns,
    prior,
    read_words,
    reader,
    said_otherwise,
    share_after,
)
from catalyst_tui.reading.words.patterns import COMPARISON, compared_at_end
from tests.support.shared import REALDATA

CALLS = REALDATA / "calls" / "docs"
pytestmark = pytest.mark.skipif(not CALLS.is_dir(), reason="no realdata/calls in ../shared")


def _searched(text: str, start: int = 0, end: int | None = None) -> re.Match[str]:
    found = COMPARISON.search(text, start, len(text) if end is None else end)
    assert found is not None
    return found


def _undone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every quick test undone: each searched pattern searched wherever it may match."""
    # (pairs and respective ask patterns.comparison_before, which asks patterns' own)
    for module in (lists, multiples, one_figure, patterns, share_after):
        monkeypatch.setattr(module, "compared_at_end", _searched)
    monkeypatch.setattr(frames, "_place_said", _place_searched)
    monkeypatch.setattr(reader, "_lowered_alike", lambda text, spans: None)
    monkeypatch.setattr(bases, "_BASE_YEAR_KEYS", ("",))
    monkeypatch.setattr(guidance, "PRIOR_SAID_KEYS", {"raised": ("",), "cut": ("",)})
    monkeypatch.setattr(prior, "_PRIOR_SAID", (re.compile(""),) * 3)
    keyed = tuple((pattern, ("",)) for pattern, _words in said_otherwise._KEYED)
    monkeypatch.setattr(said_otherwise, "_KEYED", keyed)


def _place_searched(text: str, start: int = 0, end: int | None = None) -> bool:
    return frames._PLACE_WORD.search(text, start, len(text) if end is None else end) is not None


#: Letters that `re.I` folds to an ASCII letter `str.lower` does not give, and one (capital
#: sigma) whose lower case its neighbours decide.
_FOLDS = {"versus": "verſus", "prior": "prİor", "previous": "prevıous", "Sales": "ΣSales"}


def _texts() -> list[tuple[str, str]]:
    texts = []
    for path in sorted(CALLS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts.append((path.name, text))
        odd = text
        for plain, folded in _FOLDS.items():
            odd = odd.replace(plain, folded, 3)
        texts.append((f"{path.name} folded", odd))
    return texts


def test_the_quick_tests_change_no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    assert len(texts) >= 80
    quick = {name: read_words(text) for name, text in texts}
    _undone(monkeypatch)
    for name, text in texts:
        assert read_words(text) == quick[name], name


_PLACE_WORDS = st.sampled_from(
    ["U.S.", "united", "States", "Europe", "EMEA", "Greater", "greater", "China", "new"]
    + ["Zealand", "ſ", "İ", "ı", "K", " ", ", ", "a", "sales", "-", "Hong", "Kong", "uk"]
)


@given(st.lists(_PLACE_WORDS, max_size=10).map("".join), st.data())
def test_a_place_is_found_where_the_search_finds_one(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert frames._place_said(text, start, end) == _place_searched(text, start, end)


@given(
    st.lists(
        st.sampled_from(
            ["more", "than", "over", "moreover", "approximately", "plus", "minus", "to", "into"]
            + ["grew", "by", "in", "excess", "of", "well", "a", "little", ",", ".", " ", "  "]
        ),
        max_size=8,
    ).map(" ".join),
    st.data(),
)
def test_the_comparison_at_a_texts_end_is_the_searchs(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    fast, slow = compared_at_end(text, start, end), _searched(text, start, end)
    assert (fast.span(), fast["cmp"]) == (slow.span(), slow["cmp"])
