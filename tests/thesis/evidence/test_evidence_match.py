"""The evidence rule: which sentences of a document match a checkpoint's `evidence` entries.

Tables of cases for the rule as docs/config.md words it (words in any order, case, hyphens and
apostrophes, phrases in order and adjacent, sentence boundaries, abbreviations, long sentences,
other scripts), the entry errors with their columns, properties over generated text, and the
rule on a real 10-Q's text (../shared/samples)."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from catalyst_tui.reading.documents import html_to_text
from catalyst_tui.thesis.evidence.passages import (
    MAX_PASSAGE,
    Entry,
    EntryError,
    Matcher,
    Passage,
    context,
    highlights,
    parse_entry,
    sentences,
)
from tests.support.shared import SAMPLES

TEN_Q = SAMPLES / "sec_10q_NVDA_nvda-20250727.htm"


def matches(entry: str, text: str) -> list[str]:
    return [p.text for p in Matcher(text).find([parse_entry(entry)])]


# --- entries ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "phrases"),
    [
        ("Scorpio largest", ("scorpio", "largest"), ()),
        ('"largest product line" Scorpio', ("scorpio",), (("largest", "product", "line"),)),
        ('Scorpio "largest product line"', ("scorpio",), (("largest", "product", "line"),)),
        ("Scorpio-X ramp", ("scorpio", "x", "ramp"), ()),
        ("NVIDIA's Blackwell", ("nvidia", "s", "blackwell"), ()),
        ("BLACKWELL blackwell Blackwell", ("blackwell",), ()),  # each word once
        ('"data center" "data center"', (), (("data", "center"),)),  # each phrase once
        ('"H20"', (), (("h20",),)),
        ("“data center” revenue", ("revenue",), (("data", "center"),)),  # typographic quotes
        ("Straße", ("strasse",), ()),  # case-folded
        ("ＧＰＵ", ("gpu",), ()),  # full-width letters: NFKC
        ("a_b", ("a", "b"), ()),  # underscore separates
        ("  padded  ", ("padded",), ()),
    ],
)
def test_parse_entry(text: str, words: tuple[str, ...], phrases: tuple) -> None:
    entry = parse_entry(text)
    assert entry == Entry(text, words, phrases)


@pytest.mark.parametrize(
    ("text", "message", "offset"),
    [
        ("", "empty", 0),
        ("   ", "empty", 0),
        ('Scorpio "largest', "never closed", 8),
        ('"a" "b" "c', "never closed", 8),
        ('Scorpio "" ramp', "needs a word", 8),
        ('Scorpio " -- " ramp', "needs a word", 8),
        ("--- !!", "needs a word", 0),
        ("x" * 201, "at most 200", 200),
    ],
)
def test_entry_errors(text: str, message: str, offset: int) -> None:
    with pytest.raises(EntryError) as caught:
        parse_entry(text)
    assert message in caught.value.message
    assert caught.value.offset == offset
    assert str(caught.value) == caught.value.message
    assert isinstance(caught.value, ValueError)


def test_entry_of_exactly_200_characters_is_fine() -> None:
    assert parse_entry("x" * 200).words == ("x" * 200,)


# --- matching: one entry against one text ------------------------------------------------------

CASES = [
    # (entry, text, matched sentences)
    (
        "Scorpio largest",
        "Scorpio is our largest product line.",
        ["Scorpio is our largest product line."],
    ),
    (
        "Scorpio largest",
        "Our largest line is Scorpio.",
        ["Our largest line is Scorpio."],
    ),  # any order
    ("scorpio LARGEST", "SCORPIO is the Largest.", ["SCORPIO is the Largest."]),  # case
    ("Scorpio largest", "Scorpio is large.", []),  # every word needed
    ("Scorpio", "Scorpions sting.", []),  # whole words only
    ("Scorpio", "The Scorpio-X ramp began.", ["The Scorpio-X ramp began."]),  # hyphen splits
    ('"Scorpio X"', "The Scorpio-X ramp began.", ["The Scorpio-X ramp began."]),
    ('"Scorpio X"', "The X Scorpio ramp began.", []),  # phrase order
    ('"Scorpio X"', "Scorpio and X ramp.", []),  # phrase adjacency
    (
        '"largest product line" Scorpio',
        "Scorpio became our largest product line.",
        ["Scorpio became our largest product line."],
    ),
    ('"largest product line" Scorpio', "Our largest product is the Scorpio line.", []),
    ("NVIDIA s", "NVIDIA's revenue grew.", ["NVIDIA's revenue grew."]),  # apostrophe splits
    ('"NVIDIA s revenue"', "NVIDIA’s revenue grew.", ["NVIDIA’s revenue grew."]),  # curly too
    ("Blackwell shipping", "Blackwell ramped. Shipping began.", []),  # no match across sentences
    ("Blackwell shipping", "Blackwell ramped.\nShipping began", []),  # nor across lines
    ("Blackwell shipping", "Blackwell is shipping. It ramped.", ["Blackwell is shipping."]),
    (
        "Acme shipping",
        "Acme Inc. began shipping. Others waited.",
        ["Acme Inc. began shipping."],
    ),  # Inc. is no sentence end
    ("Steel shipping", "U.S. Steel began shipping.", ["U.S. Steel began shipping."]),
    ("ramp", "The ramp grew 3.5 times. Then more.", ["The ramp grew 3.5 times."]),  # no end in 3.5
    ("ramp 3 5", "The ramp grew 3.5 times. Then more.", ["The ramp grew 3.5 times."]),
    ("Huang plan", "Mr. Huang approved the plan. Then left.", ["Mr. Huang approved the plan."]),
    (
        "Fiscal 2027",
        "Item 9.01. Financial Statements for fiscal 2027.",
        ["Item 9.01. Financial Statements for fiscal 2027."],
    ),
    ("record", 'It said "record revenue." Then stopped.', ['It said "record revenue."']),
    ("Ümsatz rekord", "Der ÜMSATZ war ein Rekord.", ["Der ÜMSATZ war ein Rekord."]),  # unicode
    ("收入", "数据中心 收入 增长。", ["数据中心 收入 增长。"]),  # CJK words between spaces
    ("straße", "Die STRASSE ist neu.", ["Die STRASSE ist neu."]),  # case folding: ß = ss
    ("h20", "No H20 sales.", ["No H20 sales."]),  # letters and digits in one word
    ("data_center", "The data center grew.", ["The data center grew."]),  # underscore splits
]


@pytest.mark.parametrize(("entry", "text", "expected"), CASES)
def test_matching_cases(entry: str, text: str, expected: list[str]) -> None:
    assert matches(entry, text) == expected


def test_passage_offsets_point_into_the_text() -> None:
    text = "Intro line\nFirst part. Blackwell   is\tshipping now! Last one."
    [passage] = Matcher(text).find([parse_entry("Blackwell shipping")])
    assert passage == Passage(
        "Blackwell shipping",
        "Blackwell is shipping now!",
        text.index("Blackwell"),
        text.index("!") + 1,
    )
    assert text[passage.start : passage.end] == "Blackwell   is\tshipping now!"


def test_each_sentence_once_with_the_first_entry_that_matches_it() -> None:
    text = "Blackwell ramp began. Rubin ramp follows. Nothing here."
    entries = [parse_entry("ramp"), parse_entry("Blackwell"), parse_entry("Rubin")]
    found = Matcher(text).find(entries)
    assert [(p.entry, p.text) for p in found] == [
        ("ramp", "Blackwell ramp began."),
        ("ramp", "Rubin ramp follows."),
    ]
    later_first = Matcher(text).find(list(reversed(entries)))
    assert [p.entry for p in later_first] == ["Blackwell", "Rubin"]  # document order


def test_no_entries_and_empty_text() -> None:
    assert Matcher("Some text.").find([]) == []
    assert Matcher("").find([parse_entry("anything")]) == []
    assert sentences("") == []
    assert sentences(" \n\n \t") == []


def test_a_long_sentence_is_cut_around_the_first_matched_word() -> None:
    filler = " ".join(f"w{i}" for i in range(300))  # about 1,500 characters, no sentence end
    text = f"{filler} Scorpio leads {filler}."
    [passage] = Matcher(text).find([parse_entry("Scorpio")])
    assert len(passage.text) <= MAX_PASSAGE
    assert passage.text.startswith("…") and passage.text.endswith("…")
    assert "Scorpio leads" in passage.text
    assert (passage.start, passage.end) == (0, len(text))  # offsets stay the whole sentence
    inner = passage.text.strip("…")
    assert inner in text and inner.split()[0].startswith("w")  # cut at word boundaries
    assert re.fullmatch(r"w\d+", inner.split()[-1])
    head = Matcher(f"Scorpio leads {filler}.").find([parse_entry("Scorpio")])[0]
    assert head.text.startswith("Scorpio leads") and head.text.endswith("…")
    assert len(head.text) <= MAX_PASSAGE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("One.Two.", ["One.Two."]),  # no space: no end
        ("One. two.", ["One. two."]),  # lower case after: no end
        ("Up 3.5% on the day. 4 more.", ["Up 3.5% on the day.", "4 more."]),
        ("Really?! Yes.", ["Really?!", "Yes."]),
        ('He said "done." (Then) left.', ['He said "done."', "(Then) left."]),
        ("Acme Corp. Beta Co. Gamma Ltd. Rose.", ["Acme Corp. Beta Co. Gamma Ltd. Rose."]),
        (
            "Dr. No. 7 vs. 8, e.g. This, i.e. That, approx. Ten.",
            ["Dr. No. 7 vs. 8, e.g. This, i.e. That, approx. Ten."],
        ),
        ("J. Smith left. Ms. Jones stayed.", ["J. Smith left.", "Ms. Jones stayed."]),
        (
            "line one\n\n  line two  \nline three. Four.",
            ["line one", "line two", "line three.", "Four."],
        ),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in sentences(text)] == expected


@pytest.mark.parametrize(
    ("entry", "passage", "spans"),
    [
        ("Scorpio largest", "Scorpio is the largest; scorpio again.", [(0, 7), (15, 22), (24, 31)]),
        (
            '"largest product line" Scorpio',
            "Scorpio: our largest product line.",
            [(0, 7), (13, 33)],
        ),
        ('"Scorpio X"', "Scorpio-X and Scorpio", [(0, 9)]),  # the phrase, not the lone word
        ('"data center" data', "data center", [(0, 11)]),  # overlapping spans merged
        ("absent", "nothing here", []),
    ],
)
def test_highlights(entry: str, passage: str, spans: list[tuple[int, int]]) -> None:
    assert highlights(passage, parse_entry(entry)) == spans


def test_context_gives_the_sentences_around() -> None:
    text = "A one. B two. C three.\nD four. E five. F six."
    start, end = text.index("D four."), text.index("D four.") + len("D four.")
    assert context(text, start, end) == ("B two. C three.", "D four.", "E five. F six.")
    assert context(text, start, end, around=1) == ("C three.", "D four.", "E five.")
    assert context(text, start, end, around=0) == ("", "D four.", "")
    first = context(text, 0, len("A one."))
    assert first == ("", "A one.", "B two. C three.")
    last = context(text, text.index("F six."), len(text))
    assert last == ("D four. E five.", "F six.", "")


# --- properties --------------------------------------------------------------------------------

_words = st.from_regex(r"[A-Za-z][a-z0-9]{0,8}", fullmatch=True)


@settings(max_examples=200, deadline=None)
@example(entry_words=["It", "up"], filler=[], seed=random.Random(0))  # "it" around it, and "up"
@given(
    entry_words=st.lists(_words, min_size=1, max_size=4),
    filler=st.lists(_words, max_size=8),
    seed=st.randoms(use_true_random=False),
)
def test_a_sentence_holding_every_word_matches(entry_words, filler, seed) -> None:
    # the sentences around it hold "Before", "After" and "it": an entry of those words alone
    # matches them too, as it should
    assume(not {w.lower() for w in entry_words} <= {"before", "after", "it"})
    words = [*entry_words, *filler]
    seed.shuffle(words)
    cased = " ".join(w.upper() if seed.random() < 0.3 else w for w in words)
    sentence = f"So {cased} here."  # a capital after the sentence before, no initial at the end
    entry = parse_entry(" ".join(entry_words))
    [passage] = Matcher(f"Before it. {sentence} After it.").find([entry])
    assert passage.text == sentence


@settings(max_examples=200, deadline=None)
@given(phrase=st.lists(_words, min_size=2, max_size=4), filler=st.lists(_words, max_size=6))
def test_a_sentence_holding_the_phrase_matches(phrase, filler) -> None:
    sentence = " ".join([*filler, "-".join(phrase), *filler]) + "."
    entry = parse_entry('"' + " ".join(phrase) + '"')
    assert [p.text for p in Matcher(sentence).find([entry])] == [sentence]


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=400), entries=st.lists(st.text(min_size=1, max_size=30), max_size=5))
def test_find_never_raises_and_passages_are_sentences(text: str, entries: list[str]) -> None:
    parsed = []
    for raw in entries:
        try:
            parsed.append(parse_entry(raw))
        except EntryError:
            continue
    matcher = Matcher(text)
    spans = set(sentences(text))
    for passage in matcher.find(parsed):
        assert (passage.start, passage.end) in spans
        assert len(passage.text) <= MAX_PASSAGE
        assert passage.entry in entries
        for start, end in highlights(passage.text, parse_entry(passage.entry)):
            assert 0 <= start < end <= len(passage.text)
    for start, end in spans:
        assert text[start:end] == text[start:end].strip() and "\n" not in text[start:end]
        context(text, start, end)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300))
def test_parse_entry_raises_only_entry_errors(text: str) -> None:
    try:
        entry = parse_entry(text)
    except EntryError as exc:
        assert 0 <= exc.offset <= len(text)
    else:
        assert entry.words or entry.phrases


# --- a real document ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ten_q() -> Matcher:
    return Matcher(html_to_text(TEN_Q.read_bytes()))


def test_ten_q_passages_hold_their_words(ten_q: Matcher) -> None:
    entries = [parse_entry(e) for e in ('"Blackwell Ultra"', "H20 China", '"data center" compute')]
    found = ten_q.find(entries)
    assert found
    lines = set(ten_q.text.split("\n"))
    for passage in found:
        entry = parse_entry(passage.entry)
        source = ten_q.text[passage.start : passage.end]
        assert " ".join(source.split()) == passage.text
        assert any(passage.text in line for line in lines)  # never across two lines
        words = {w.lower() for w in re.findall(r"[^\W_]+", passage.text)}
        assert set(entry.words) <= words
    # the sentence that says so, verbatim from the 10-Q's text
    wanted = "There were no H20 sales to China-based customers in the second quarter."
    assert wanted in ten_q.text
    assert wanted in [p.text for p in found]


def test_ten_q_nothing_for_absent_words(ten_q: Matcher) -> None:
    assert "scorpio" not in ten_q.text.lower()
    assert ten_q.find([parse_entry("Scorpio largest"), parse_entry('"Rubin CPX" shipping')]) == []
