"""Which feed item is a company's results release, and whether a text names a company: the fast
watch's and the refresh's judgement of a ticker's own feeds (jobs/), pure.

Each is read word by word, in one pass over the text: a title built to be slow ("Broadcom Q3 "
and 45 dots made the pattern this replaced try every way of cutting the dots into words, 37 s at
30 of them, nine times more for each five more) costs what its length does.

**A period's results are out** ("Third Quarter 2026 Financial Results", "Fiscal Q3 Results",
"results for the third quarter", "Reports Record Q4 and Fiscal Year 2026 Revenue") when a clause
says so (`announces_results`): a period, then within six more pieces "results" or "earnings";
"results" or "earnings" then "for" or "of" and within three words a period; or "reports",
"announces", "posts" or "delivers", within three pieces a period, and within five more
"revenue". A piece is a run of words joined by `'&$.-` ("$438.6M", "2026-results"), the words
runs of letters and digits. A period is a quarter (first to fourth, 1st to 4th, Q1 to Q4,
quarter, quarterly), fiscal, annual, interim, full year, year end, half year, a year (1900 to
2099) or a fiscal year (FY26, FY'26, FY 2026). Nothing in that clause may say they are to come
(`NOT_YET`: "to report", "will announce", a date, a call, a webcast, a meeting, a trial).

**A company is named** (`names_company`) when the text holds its name as SEC has it without the
words of its legal form ("Astera Labs, Inc." is astera labs, "Credo Technology Group Holding
Ltd" credo technology, "AMAZON COM INC" amazon), its words in order and adjacent; or its ticker
as an exchange gives it, "(Nasdaq: ALAB)", "NYSE: BRK.B".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypeVar

if TYPE_CHECKING:
    from collections.abc import Sequence


class _Item(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def summary(self) -> str: ...


T = TypeVar("T", bound=_Item)

__all__ = [
    "JUDGE_LIMIT",
    "NOT_YET",
    "SUMMARY_READ",
    "announces_results",
    "company_words",
    "names_company",
    "results_items",
]

SUMMARY_READ = 400  # characters of an item's summary judged when its title says nothing
#: Seconds a feed's items may take to be judged, in a thread off the event loop, by who asks
#: (jobs/feeds.py, market/feed_reader.py): a feed's hundred items take milliseconds.
JUDGE_LIMIT = 5.0
_WORD = re.compile(r"[^\W_]+|_+")  # letters and digits; the underscore is a word as \w has it
_JOINERS = frozenset("'&$.-_")  # what joins two words into one piece ("$438.6M", "Q3-2026")
_CLAUSES = re.compile(r"[;!?]|\.(?:\s|$)|\s[-–—|:]\s")
# What says results are to come, or is about something else: a date, a call, a vote, a trial.
# Each alternative a word or two fixed, or at most two words between: linear in the clause.
NOT_YET = re.compile(
    r"\b(?:to|will|plans?\s+to|expects?\s+to|set\s+to|intends?\s+to)\s+(?:\w++\s+){0,2}?"
    r"(?:report|announce|release|host|hold|discuss|issue|publish|present)\b"
    r"|\bdates?\b|\bschedul\w*|\binvit\w*|\b(?:conference|earnings)\s+call\b|\bwebcast\b"
    r"|\bupcoming\b|\bpreliminary\b|\bmeeting\b|\bvote\b|\btrial\b|\bphase\b|\bstudy\b",
    re.IGNORECASE,
)
_PERIOD_WORDS = frozenset(
    {
        *("first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th"),
        *("q1", "q2", "q3", "q4", "quarter", "quarterly", "fiscal", "annual", "interim"),
    }
)
# Two words that are a period together, written with a space or a hyphen between.
_PERIOD_PAIRS = frozenset({("full", "year"), ("year", "end"), ("half", "year")})
_FY = re.compile(r"fy\d{2,4}")
_RESULTS = frozenset({"results", "earnings"})
_VERBS = frozenset(
    {
        *("report", "reports", "reported", "announce", "announces", "announced"),
        *("post", "posts", "posted", "deliver", "delivers"),
    }
)
# What a company's name as SEC has it says of its legal form, not of which company it is.
_FORM = frozenset(
    {
        *("inc", "incorporated", "corp", "corporation", "co", "company", "companies", "ltd"),
        *("limited", "plc", "llc", "lp", "llp", "l", "p", "sa", "nv", "ag", "se", "ab", "asa"),
        *("holding", "holdings", "group", "the", "com", "de", "del", "new", "cl", "class"),
    }
)
_EXCHANGES = frozenset({"nasdaq", "nyse", "amex", "tsx", "lse", "otc"})


class _Word(NamedTuple):
    text: str  # lower-cased
    piece: int  # which piece of the clause it is in (words joined by `'&$.-`)
    start: int
    end: int


def _words(text: str) -> list[_Word]:
    """The words of `text`, lower-cased, each with the number of its piece."""
    out: list[_Word] = []
    piece, last = -1, -1
    for match in _WORD.finditer(text):
        start = match.start()
        if last < 0 or not set(text[last:start]) <= _JOINERS:
            piece += 1
        out.append(_Word(match.group().lower(), piece, start, match.end()))
        last = match.end()
    return out


def _pieces_between(words: list[_Word], after: int, before: int) -> int:
    """How many pieces the words strictly between the indexes `after` and `before` make."""
    if before - after <= 1:
        return 0
    return words[before - 1].piece - words[after + 1].piece + 1


def _period_ends(text: str, words: list[_Word]) -> list[int | None]:
    """For each word, the index of the last word of the period that starts at it (None when
    none does)."""
    ends: list[int | None] = [None] * len(words)
    for i, word in enumerate(words):
        w = word.text
        nxt = words[i + 1] if i + 1 < len(words) else None
        gap = text[word.end : nxt.start] if nxt is not None else ""
        pair = (w, nxt.text) if nxt is not None else (w, "")
        if (pair in _PERIOD_PAIRS and gap in (" ", "-")) or (
            w == "fy" and _digits(pair[1]) and gap in (" ", "'", " '")
        ):
            ends[i] = i + 1
        elif (
            w in _PERIOD_WORDS
            or _FY.fullmatch(w)
            or (len(w) == 4 and w[:2] in ("19", "20") and w.isdigit())
        ):
            ends[i] = i
    return ends


def _digits(word: str) -> bool:
    return word.isdigit() and 2 <= len(word) <= 4


def says_results(clause: str) -> bool:
    """Whether `clause` says a period's results are out (the module docstring's three ways),
    in one pass over its words."""
    words = _words(clause)
    ends = _period_ends(clause, words)
    last_period: int | None = None  # the end of the nearest period before the word
    last_verb: int | None = None  # the nearest verb before the word
    reported: int | None = None  # the end of the nearest period within three pieces of a verb
    for k, word in enumerate(words):
        w = word.text
        if w in _RESULTS:
            if last_period is not None and _pieces_between(words, last_period, k) <= 6:
                return True
            following = words[k + 1].text if k + 1 < len(words) else ""
            if following in ("for", "of") and any(
                ends[m] is not None for m in range(k + 2, min(k + 6, len(words)))
            ):
                return True
        if (
            w in ("revenue", "revenues")
            and reported is not None
            and _pieces_between(words, reported, k) <= 5
        ):
            return True
        end = ends[k]
        if end is not None:
            if last_verb is not None and _pieces_between(words, last_verb, k) <= 3:
                reported = end
            last_period = end
        if w in _VERBS:
            last_verb = k
    return False


def _verdict(text: str) -> bool | None:
    """True when a clause of `text` says a period's results are out (and nothing in that clause
    says they are to come); False when a clause says only that they are to come, or something
    else; None when it says neither."""
    said = False
    for clause in _CLAUSES.split(text):
        results, not_yet = says_results(clause), NOT_YET.search(clause)
        if results and not not_yet:
            said = True
        elif not_yet and not said:
            return False
    return True if said else None


def announces_results(title: str, summary: str) -> bool:
    """Whether a feed item is a company's results release ("Reports Third Quarter 2026
    Financial Results", "Announces Fiscal Q3 Results"), not the announcement of its date ("to
    Report Third Quarter Results on November 3"), nor a conference call's invitation: its title
    decides when it says either; else the head of its summary ("… today announced financial
    results for its third quarter …", its first clause that says either)."""
    verdict = _verdict(title)
    if verdict is not None:
        return verdict
    return bool(_verdict(summary[:SUMMARY_READ]))


def results_items(items: Sequence[T]) -> list[T]:
    """The items (headlines: a `title` and a `summary`) that announce results, in order."""
    return [item for item in items if announces_results(item.title, item.summary)]


def company_words(name: str) -> tuple[str, ...]:
    """A company's name as SEC has it, without the words of its legal form: ("astera", "labs")
    of "Astera Labs, Inc."; all of its words when it has no others ("The Company, Inc.")."""
    words = tuple(w.text for w in _words(name))
    core = tuple(w for w in words if w not in _FORM)
    return core or words


def names_company(text: str, name: str, symbol: str = "") -> bool:
    """Whether `text` names the company whose name SEC has as `name` (its words in order and
    adjacent, the legal form's left out: `company_words`), or its ticker `symbol` as an
    exchange gives it ("Nasdaq: ALAB")."""
    wanted = company_words(name) if name else ()
    ticker = tuple(w.text for w in _words(symbol))
    words = [w.text for w in _words(text)]
    for i in range(len(words)):
        if wanted and tuple(words[i : i + len(wanted)]) == wanted:
            return True
        if ticker and words[i] in _EXCHANGES:
            at = i + 1
            if at < len(words) and words[at] in ("gs", "gm", "cm", "global", "select"):
                at += 1
            if tuple(words[at : at + len(ticker)]) == ticker:
                return True
    return False
