"""Evidence: the sentences of a document that match a checkpoint's `evidence` entries.

The rule (docs/config.md quotes it):

An entry is a string of words and "quoted phrases", e.g. `Scorpio largest` or
`"largest product line" Scorpio`. A passage (one sentence) matches an entry when it contains
every word of the entry, in any order, as a whole word, and every quoted phrase as written: its
words in that order and adjacent. Case does not matter. Words are runs of letters and digits in
any script (`[^\\W_]+`): punctuation, hyphens and apostrophes separate words, so "Scorpio-X" is
the words scorpio and x, and matches the phrase "Scorpio X"; "NVIDIA's" is nvidia and s. An
entry must have a word, at most 200 characters, and balanced quotes; a quoted phrase must
have a word in it.

A sentence ends at . ! or ? followed by a space and an upper-case letter, a digit, a quote or a
bracket, but not after a common abbreviation (Inc., Corp., Co., Ltd., U.S., Mr., Ms., Dr.,
No., vs., e.g., i.e., approx., a month like Aug., an initial like J.), and each line of the
document's text (a paragraph, a heading, a table cell) is a sentence of its own or several:
a match never reaches across two. A sentence a document says again in the same words (its bullet
marks and punctuation aside) is one passage, where it is first said. Splitting and matching are
linear in the text, whatever it holds (a run of 100,000 dots is one failed end).

Pure, no I/O: `Matcher(text)` tokenizes a document once; `find(entries)` looks every entry up in
its index of words, then checks phrases on the few sentences that have all the words.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, NamedTuple

from ...reading.lines import add_span, line_spans

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "MAX_ENTRY",
    "MAX_PASSAGE",
    "MAX_PASSAGES",
    "Entry",
    "EntryError",
    "Matcher",
    "Passage",
    "context",
    "highlights",
    "parse_entry",
    "sentences",
]

MAX_ENTRY = 200  # characters in an entry
MAX_PASSAGE = 600  # characters of a passage's text; a longer sentence is cut around the match
MAX_PASSAGES = 50  # passages of one document for one checkpoint: the first, in document order
_LEAD_IN = 150  # characters kept before the first matched word when a sentence is cut
_ELLIPSIS = "…"

_WORD = re.compile(r"[^\W_]+")
_QUOTES = frozenset('"“”')
# A sentence's end: its run of . ! ? (from the run's first mark, and each part taken whole, so
# a run of 100,000 dots with no space after it is one failed try, not 100,000 of them, each
# reading to the run's end), its closing quotes or brackets, then space.
_END = re.compile(r"(?<![.!?])[.!?]++[\"'”’)\]]*+\s+")
_OPENERS = frozenset("\"'“‘([")
_ABBREVIATIONS = frozenset(
    {
        "inc",
        "corp",
        "co",
        "ltd",
        "llc",
        "u.s",
        "u.k",
        "mr",
        "mrs",
        "ms",
        "dr",
        "jr",
        "sr",
        "st",
        "no",
        "nos",
        "vs",
        "v",
        "e.g",
        "i.e",
        "approx",
        "etc",
        "al",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    }
)
# "Item 9.01. Financial Statements": a numbered heading's number is no sentence end.
_NUMBERED = frozenset(
    {"item", "items", "note", "notes", "section", "part", "article", "exhibit", "rule"}
)
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")  # "J", "U.S", "e.g": letters between dots


class EntryError(ValueError):
    """An evidence entry that cannot be used; `offset` is the 0-based column in the entry."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message, offset)
        self.message = message
        self.offset = offset

    def __str__(self) -> str:
        return self.message


class Entry(NamedTuple):
    text: str  # as written
    words: tuple[str, ...]  # the unquoted words, normalised (NFKC, case-folded), each once
    phrases: tuple[tuple[str, ...], ...]  # each quoted phrase's words, normalised


class Passage(NamedTuple):
    entry: str  # the text of the entry that matched
    text: str  # the sentence, whitespace collapsed, at most MAX_PASSAGE characters
    start: int  # the sentence's offsets in the document text
    end: int


def parse_entry(text: str) -> Entry:
    """An entry's words and quoted phrases; EntryError when it is blank, longer than 200
    characters, has an unbalanced quote or an empty quoted phrase, or has no word at all."""
    if not isinstance(text, str) or not text.strip():
        raise EntryError("an evidence entry cannot be empty", 0)
    if len(text) > MAX_ENTRY:
        raise EntryError(f"an evidence entry is at most {MAX_ENTRY} characters", MAX_ENTRY)
    words: list[str] = []
    phrases: list[tuple[str, ...]] = []
    position, opened = 0, None
    for index, char in enumerate(text):
        if char not in _QUOTES:
            continue
        if opened is None:
            words.extend(_tokens(text, position, index))
            opened = index
        else:
            phrase = tuple(_tokens(text, opened + 1, index))
            if not phrase:
                raise EntryError("a quoted phrase needs a word in it", opened)
            if phrase not in phrases:
                phrases.append(phrase)
            opened = None
        position = index + 1
    if opened is not None:
        raise EntryError("this quote is never closed", opened)
    words.extend(_tokens(text, position, len(text)))
    if not words and not phrases:
        raise EntryError("an evidence entry needs a word (letters or digits)", 0)
    return Entry(text, tuple(dict.fromkeys(words)), tuple(phrases))


def sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of each sentence of `text`, in order, without the whitespace
    around it; each line is split on its own (see the module's rule)."""
    spans: list[tuple[int, int]] = []
    for line_start, line_end in line_spans(text):
        _line_sentences(text, line_start, line_end, spans)
    return spans


def _line_sentences(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    begin = start
    for match in _END.finditer(text, start, end):
        after = match.end()
        if after >= end:
            break
        nxt = text[after]
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
            continue
        if _abbreviation(text, begin, match.start()):
            continue
        add_span(spans, text, begin, after)
        begin = after
    add_span(spans, text, begin, end)


def _abbreviation(text: str, begin: int, dot: int) -> bool:
    """Whether the word before the period at `dot` is an abbreviation ("Inc", "U.S", "J") or a
    numbered heading's number ("Item 9.01. Financial Statements")."""
    if text[dot] != ".":
        return False
    word, cut = _word_before(text, begin, dot)
    if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return True
    if "." in word and _INITIALS.fullmatch(word):
        return True
    return word[:1].isdigit() and _word_before(text, begin, cut)[0] in _NUMBERED


def _word_before(text: str, begin: int, end: int) -> tuple[str, int]:
    """The lower-cased word ending at `end` (after any spaces), without opening quotes or
    brackets, and where it starts."""
    while end > begin and text[end - 1].isspace():
        end -= 1
    cut = end
    while cut > begin and not text[cut - 1].isspace():
        cut -= 1
    return text[cut:end].lstrip("\"'“‘([").lower(), cut


class Matcher:
    """One document's text, split into sentences and indexed by word, to match entries against."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = sentences(text)
        self._tokens: list[tuple[str, ...]] = []
        index: dict[str, list[int]] = {}
        for sid, (start, end) in enumerate(self.spans):
            tokens = tuple(_normal(word) for word in _WORD.findall(text, start, end))
            self._tokens.append(tokens)
            for word in set(tokens):
                index.setdefault(word, []).append(sid)
        self._index = index

    def find(self, entries: Sequence[Entry], limit: int = MAX_PASSAGES) -> list[Passage]:
        """The sentences matching any entry, in document order, each once: with the first entry
        (in `entries` order) that matches it; the first `limit` of them (a document of two
        million matching sentences is no evidence two million times). A sentence the document
        says again in the same words (a feed item's summary, its page's bullet "•Blackwell …"
        and the page's prose) is one passage: where it is first said."""
        claimed: dict[int, Entry] = {}
        for entry in entries:
            for sid in self._candidates(entry):
                if sid not in claimed and all(
                    _contains(self._tokens[sid], phrase) for phrase in entry.phrases
                ):
                    claimed[sid] = entry
        passages: list[Passage] = []
        said: set[tuple[str, ...]] = set()  # the words of each sentence taken
        lines: dict[int, bool] = {}  # whether the line starting there is boilerplate
        for sid in sorted(claimed):
            if len(passages) >= limit:
                break
            words = self._tokens[sid]
            if words in said or self._boilerplate(sid, lines):
                continue
            said.add(words)
            start, end = self.spans[sid]
            entry = claimed[sid]
            passages.append(
                Passage(entry.text, _passage_text(self.text[start:end], entry), start, end)
            )
        return passages

    def _boilerplate(self, sid: int, lines: dict[int, bool]) -> bool:
        """Whether the sentence's paragraph (its line) is legal boilerplate: never a passage.
        Each line judged once (`lines`, by where it starts): a line of thousands of matching
        sentences is read once, not once a sentence."""
        from ...reading.words.vocabulary import boilerplate  # with the first passage

        start, end = self.spans[sid]
        first = self.text.rfind("\n", 0, start) + 1
        if first not in lines:
            line_end = self.text.find("\n", end)
            lines[first] = boilerplate(self.text[first : line_end if line_end >= 0 else None])
        return lines[first]

    def _candidates(self, entry: Entry) -> list[int]:
        needed = set(entry.words)
        for phrase in entry.phrases:
            needed.update(phrase)
        postings = sorted((self._index.get(word, ()) for word in needed), key=len)
        if not postings or not postings[0]:
            return []
        found = set(postings[0])
        for posting in postings[1:]:
            found.intersection_update(posting)
            if not found:
                return []
        return sorted(found)


def highlights(passage_text: str, entry: Entry) -> list[tuple[int, int]]:
    """The spans of `passage_text` to highlight for `entry`: every occurrence of its words and of
    its phrases (a phrase as one span), sorted, overlapping spans merged."""
    found = [(m.start(), m.end(), _normal(m.group())) for m in _WORD.finditer(passage_text)]
    words = set(entry.words)
    spans = [(start, end) for start, end, word in found if word in words]
    normal = [word for _, _, word in found]
    for phrase in entry.phrases:
        size = len(phrase)
        for i in range(len(found) - size + 1):
            if tuple(normal[i : i + size]) == phrase:
                spans.append((found[i][0], found[i + size - 1][1]))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def context(text: str, start: int, end: int, *, around: int = 2) -> tuple[str, str, str]:
    """The `around` sentences before the passage at start:end, the passage, and the `around`
    after it, each as the document has them (the lines between kept), for showing a passage in
    its surroundings."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    spans = sentences(text)
    first = next((i for i, (_, e) in enumerate(spans) if e > start), len(spans))
    last = first
    while last + 1 < len(spans) and spans[last + 1][0] < end:
        last += 1
    before_from = spans[max(0, first - around)][0] if first < len(spans) and around > 0 else start
    after_to = spans[min(len(spans) - 1, last + around)][1] if around > 0 and spans else end
    before = text[min(before_from, start) : start].strip()
    after = text[end : max(after_to, end)].strip()
    return before, text[start:end], after


def _tokens(text: str, start: int, end: int) -> list[str]:
    return [_normal(word) for word in _WORD.findall(text, start, end)]


def _normal(word: str) -> str:
    if word.isascii():
        return word.lower()
    folded = unicodedata.normalize("NFKC", word).casefold()
    return folded


def _contains(tokens: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    if size == 1:
        return phrase[0] in tokens
    head = phrase[0]
    for i, token in enumerate(tokens[: len(tokens) - size + 1]):
        if token == head and tokens[i : i + size] == phrase:
            return True
    return False


def _passage_text(sentence: str, entry: Entry) -> str:
    flat = " ".join(sentence.split())
    if len(flat) <= MAX_PASSAGE:
        return flat
    spans = highlights(flat, entry)
    first = spans[0][0] if spans else 0
    room = MAX_PASSAGE - 2 * len(_ELLIPSIS)
    lo = max(0, first - _LEAD_IN)
    hi = min(len(flat), lo + room)
    lo = max(0, hi - room)
    if lo > 0:  # start at a word: after the first space at or after the cut
        space = flat.find(" ", lo - 1, first)
        lo = space + 1 if space >= 0 else lo
    if hi < len(flat):  # end at a word: at the last space before the cut
        space = flat.rfind(" ", first, hi + 1)
        hi = space if space > first else hi
    head = _ELLIPSIS if lo > 0 else ""
    tail = _ELLIPSIS if hi < len(flat) else ""
    return head + flat[lo:hi] + tail
