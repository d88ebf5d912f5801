"""The reader of words does work in proportion to the text: a text twice as long costs about twice
as much, however hostile (a line of dots, percent signs, a word of 100,000 letters, a sentence as
long as a sentence may be). Measured as work, not time, so no other load on the machine changes
it: the lines of Python the reader runs (a tracer counts them) and the characters it hands its
regular expressions to look through (each pattern of reading/words counted as it is asked). A
pattern itself never gives back what it matched (possessive, anchored from a word's start):
bench/words.py times the worst inputs at 100,000 characters."""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType, ModuleType
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import catalyst_tui.reading.words as words_package
from catalyst_tui.reading.words import read_words, sentence_spans
from catalyst_tui.reading.words.vocabulary import LONGEST, REACH

#: Sentences of the calls' kinds ("{n}" numbered apart, so no sentence is a repeat) and hostile
#: text: what a document of any length is made of.
END_MARKETS = "By end market: medical, {p}%; defense, {q}%; industrial, {n}%."
SENTENCES = [
    "Segment {n} revenue grew {p}% sequentially and {q}% year over year.",
    "Japan was {p}% of sales, Germany {q}% and the rest of the world {n}%.",
    "Products and services were {p}% and {q}% of revenue, respectively.",
    "We are raising our full-year revenue guidance to ${n} million.",
    "Gross margin was {p}% of revenue, up {q} basis points.",
    "<UNK> <UNK> - Analyst: You grew cloud {p}% in quarter {n}. How should we think about it?",
    END_MARKETS,
    "Cloud revenue tripled, while hardware halved and line {n} was down {p}%.",
    "Thanks, <UNK>. Excluding China, revenue grew {p}%, and Europe {q}%.",
    "." * 50,
    "% " * 40,
    "Revenue " * 30 + "{p}%.",
]
HOSTILE = st.sampled_from(
    [".", "%", "5% ", "a. B ", "A", "x", ", ", "and ", "of revenue ", "(", ")", "\n"]
)


def _document(pieces: list[str], copies: int) -> str:
    lines = []
    for n in range(copies):
        for i, piece in enumerate(pieces):
            # every number within one range at any length: a document twice as long is the
            # same kind of text (numbers that grew with it were past 1,000 in more of its
            # lines, each read at a higher cost: each kind alone is read in linear work)
            lines.append(
                piece.format(n=(n * 11 + i) % 90 + 1, p=(n + i) % 90 + 1, q=(n * 7 + i) % 90 + 1)
            )
    return "\n".join(lines)


class _Scanned:
    """The characters handed to regular expressions, counted."""

    def __init__(self) -> None:
        self.characters = 0

    def add(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> None:
        self.characters += max(0, min(endpos, len(string)) - pos)


class _CountedPattern:
    """A compiled pattern that counts what it is asked to look through."""

    def __init__(self, pattern: re.Pattern[str], scanned: _Scanned) -> None:
        self._pattern, self._scanned = pattern, scanned

    def _span(self, name: str) -> Callable[..., Any]:
        def call(string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
            found = getattr(self._pattern, name)(string, pos, endpos)
            if name == "match" or name == "fullmatch":  # anchored: what it took, at least one
                self._scanned.add(string, pos, found.end() + 1 if found else pos + 1)
            else:
                self._scanned.add(string, pos, endpos)
            return found

        return call

    def __getattr__(self, name: str) -> Any:
        if name in ("search", "match", "fullmatch", "finditer", "findall"):
            return self._span(name)
        attribute = getattr(self._pattern, name)
        if name in ("sub", "subn", "split"):

            def whole(*args: Any, **kwargs: Any) -> Any:
                self._scanned.add(args[-1] if name != "split" else args[0])
                return attribute(*args, **kwargs)

            return whole
        return attribute


class _CountedRe:
    """The `re` module as reading/words calls it, counting the strings it is handed."""

    def __init__(self, scanned: _Scanned) -> None:
        self._scanned = scanned

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(re, name)
        if name in ("search", "match", "fullmatch", "finditer", "findall", "split"):

            def call(pattern: Any, string: str, *args: Any, **kwargs: Any) -> Any:
                self._scanned.add(string)
                return attribute(pattern, string, *args, **kwargs)

            return call
        if name in ("sub", "subn"):

            def replace(pattern: Any, repl: Any, string: str, *args: Any, **kwargs: Any) -> Any:
                self._scanned.add(string)
                return attribute(pattern, repl, string, *args, **kwargs)

            return replace
        return attribute


def _modules() -> Iterator[ModuleType]:
    for info in pkgutil.iter_modules(words_package.__path__):
        yield importlib.import_module(f"{words_package.__name__}.{info.name}")


@contextmanager
def _counting(scanned: _Scanned) -> Iterator[None]:
    """Every pattern of reading/words, and its `re`, counting while inside."""
    saved: list[tuple[ModuleType, str, Any]] = []
    for module in _modules():
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                saved.append((module, name, value))
                setattr(module, name, _CountedPattern(value, scanned))
            elif value is re:
                saved.append((module, name, value))
                setattr(module, name, _CountedRe(scanned))
    try:
        yield
    finally:
        for module, name, value in saved:
            setattr(module, name, value)


def _work(read: Callable[[str], Any], text: str) -> tuple[int, int]:
    """The lines of Python `read` runs on `text`, and the characters its patterns look through."""
    lines = 0
    scanned = _Scanned()

    def tracer(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal lines
        if event == "line":
            lines += 1
        return tracer

    read("")  # the reader's modules loaded before counting
    with _counting(scanned):
        sys.settrace(tracer)
        try:
            read(text)
        finally:
            sys.settrace(None)
    return lines, scanned.characters


def _about_twice(once: tuple[int, int], twice: tuple[int, int], slack: int) -> bool:
    """Twice the text, at most 2.3 times the work (and what one more or less of a figure's
    reading costs where a cut falls)."""
    return all(b <= 2.3 * a + slack for a, b in zip(once, twice, strict=True))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pieces=st.lists(
        st.one_of(
            st.sampled_from(SENTENCES),
            st.builds(lambda s, n: s * n, HOSTILE, st.integers(1, 400)),
        ),
        min_size=1,
        max_size=6,
    ),
    copies=st.integers(2, 6),
)
@example(pieces=[END_MARKETS, END_MARKETS], copies=6)  # found once, when its numbers grew
def test_a_document_twice_as_long_is_about_twice_the_work(pieces: list[str], copies: int):
    once = _work(read_words, _document(pieces, copies))
    twice = _work(read_words, _document(pieces, 2 * copies))
    assert _about_twice(once, twice, 2000), (once, twice)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    piece=st.sampled_from(
        ["Cloud revenue grew 5%, ", "Europe 3% and ", "5% ", "%", ".", "of revenue ", "A "]
    ),
    size=st.integers(2 * REACH, LONGEST // 2),
)
def test_a_sentence_twice_as_long_is_about_twice_the_work(piece: str, size: int):
    """Within the longest sentence read: no rule looks back over the whole sentence for each
    of its figures (each looks REACH characters back at most: sentences longer than twice that)."""
    once = _work(read_words, (piece * size)[:size] + ".")
    twice = _work(read_words, (piece * size * 2)[: 2 * size] + ".")
    assert _about_twice(once, twice, 2000), (once, twice)


@settings(max_examples=10, deadline=None)
@given(stop=st.sampled_from([".", "!", "?", ". A", "a. B ", "Inc. "]), size=st.integers(50, 400))
def test_sentences_are_split_in_linear_work(stop: str, size: int):
    once = _work(sentence_spans, stop * size)
    twice = _work(sentence_spans, stop * 2 * size)
    assert _about_twice(once, twice, 200), (once, twice)


def test_the_worst_inputs_are_read_whole():
    """A sentence of 100,000 characters, a line of 100,000 dots, 10,000 percent signs: read, and
    nothing made of them."""
    long_sentence = "Cloud revenue grew 5% and " * 4000 + "it ended."
    assert len(long_sentence) > 100_000
    for text in (long_sentence, "." * 100_000, "%" * 10_000, "% " * 10_000, "5%. " * 10_000):
        assert read_words(text) == ()


def test_the_bench_names_patterns_the_reader_has():
    """Every pattern bench/words.py times over its worst input is one the reader still holds
    (a pattern moved between modules is followed there), and each input is as long as asked."""
    from bench.words import _patterns

    patterns = _patterns()
    assert len(patterns) > 100
    for name, (pattern, make) in patterns.items():
        assert isinstance(pattern, re.Pattern), name
        assert len(make(2_000)) == 2_000, name
        for _ in pattern.finditer(make(2_000)):
            pass
