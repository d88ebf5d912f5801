"""A noun phrase read back from the word that governs a figure: word by word to the clause's
start, a comma, or a word that opens another phrase ("by", "with", "while", "which"), with the
auxiliaries, adverbs and relative pronouns between a subject and its verb skipped ("sales were
up", "recurring revenue, which increased"). Linear: a phrase is read within REACH characters
before its verb, each word once."""

from __future__ import annotations

import re
from functools import lru_cache

from ..leads import led
from ..wordlists import word_set
from .vocabulary import ANAPHORS, OTHER_MEASURES, PART_WORDS, REACH, REVENUE_TYPES, REVENUE_WORDS

# A number's thousands separated by commas is one word ("$3,298 million"), not a list.
_TOKEN = led(r"\$?\d{1,3}(?:,\d{3})++(?![\d])(?:\.\d+)?|[$\w][\w&/.'’+-]*|[,;:()&]|\.(?=\s)")
# Words that end a phrase read backwards: another phrase or clause opens after them.
_STOP = word_set(
    """by with while whereas but which that who where when because as since from to than at
    of for in on into within across over versus vs including led driven helped offset saw see
    seeing delivered posted generated reported registered experienced realized had has have showed
    finished ended achieved recorded produced reflecting posting representing including excluding
    delivering driving generating showing totaling bringing making leading reaching marking
    contributing expected anticipated mentioned noted said discussed planned exceeded can see
    due primarily partly partially mainly largely after following before despite amid against
    impacted affected hurt benefited reflect reflects reflected added drove drives drive
    announced announces
    include includes included realize realized realizing achieves delivers posts generates
    reports shows
    about regarding ask asked wanted wondering
    reports posts delivers lost won signed closed
    completed launched introduced acquired sold bought remained became impacting affecting
    resulting resulted considering finishing
    you let me think believe expect expects expecting anticipate anticipates forecasting
    projecting estimating estimate"""
)
AS_SHARE = (
    r"as\s+an?\s+(?:percentage|percent|share|portion|proportion)\s+of\s+"
    r"(?:(?:total|net|our)\s+)*(?:revenues?|sales)\b"
)
_LINKING = word_set("represents represent represented representing reflects reflecting")
# Between a subject and its verb: skipped when the phrase is read back ("sales were up").
_AUX = word_set(
    """was were is are been be has have had also still now again only both all especially
    once further then will shall do does did today having"""
)
# Prepositions that open what a measure is of: "Revenue from Healthcare", "Sales of pads".
MEASURE_OF = frozenset({"from", "of", "for", "in", "into", "within"})

_VERBS = word_set(
    """was were is are been be has have had grew grow grows growing increased increases
    increasing decreased decreases decreasing declined declines declining rose fell up down
    accounted represented represents represent comprised comprises made amounted reached
    totaled totalled came improved expanded contributed saw delivered posted generated
    registered recorded produced experienced showed finished ended dropped jumped climbed exceeded
    remained continued continues remain remains performed performs outperformed achieved benefited
    drove led delivers contributes accelerated decelerated rebounded demonstrated exhibited
    displayed enjoyed equaled equalled realized returned recovered gained stood outpaced surpassed
    turned sat sits"""
)


_DETERMINERS = frozenset({"our", "the", "its", "their"})
_OUTDONE = word_set("exceeded outpaced outperformed surpassed")
_GOES_ON = frozenset({"continue", "continues", "continued", "continuing"})

NOT_ADVERBS = word_set(
    "italy supply family multifamily multi-family single-family assembly july monopoly rally"
)


def _acronym(word: str, clause: str, base: int, at: int) -> bool:
    """Whether `word` is written in capitals as a name is ("while AS was up 1%": a segment
    called AS, no "as"), in words that are not all capitals themselves. Any such word ends no
    phrase ("LED lighting revenue"); names.lowered keeps only those spelling a word of grammar,
    as the subject's word lists hold capitals' names too ("EMEA", "US")."""
    return len(word) > 1 and word.isupper() and not clause[base:at].isupper()


def tokens(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _TOKEN.finditer(text)]


def words_of(text: str) -> list[str]:
    """The words of `tokens(text)`, without where each stands (no match of each kept: half
    the cost, where a reader needs the words alone)."""
    return _TOKEN.findall(text)


_UP_OR_DOWN = led(r"\s*(?:up|down)\b", re.I)
_CHANGED = word_set("improved remained increased decreased declined grew rose fell")


def _apposition_ends(words: list[tuple[int, str]], i: int, clause: str, at: int) -> bool:
    """Whether the comma `words[i]` closes an apposition of names set between two commas right
    before a finite verb at `at` ("our FRP lenses, BioAffinity and Avera, were up 6%"); not a
    participle's clause ("hit by COVID-19, decreasing 10%") nor one name after a frame ("Yes, 7%
    ahead")."""
    verb = re.match(r"\s*+([a-z]++)", clause[at:])
    if verb is None or not finite_verb(verb[1]):
        return False
    j = i - 1
    while j >= 0 and words[j][1] != ",":
        j -= 1
    named = [w for _, w in words[j + 1 : i]]
    return (
        j > 0
        and len(named) >= 3
        and all(w[:1].isupper() or w in ("and", "&") for w in named)
        and "and" in named
    )


def plural_thing(word: str) -> bool:
    """Whether `word` is a plural common noun that names no part nor revenue ("comments",
    "projects"; not "sales", "services")."""
    low = word.lower()
    return (
        word.islower()
        and len(low) > 3
        and low.endswith("s")
        and not low.endswith("ss")
        and low not in REVENUE_WORDS
        and low not in REVENUE_TYPES
        and low not in PART_WORDS
    )


# The end of a frame "as a" opens, before its comma: no list's item ("As a reminder,").
_AS_A = led(r"as an? [\w-]+")


@lru_cache(maxsize=256)
def phrase_before(clause: str, at: int) -> str:
    """The noun phrase that ends at `at` in `clause`, read back to where it begins; "" where
    the verb at `at` is one of two a subject shares ("were strong and more than doubled").
    A relative pronoun stands for the phrase before it ("recurring revenue, which increased")."""
    base = max(0, at - REACH)  # a phrase is never longer
    words = [(where + base, word) for where, word in tokens(clause[base:at])]
    kept: list[str] = []
    together = absolute = relative = False
    i = len(words)
    while i > 0:
        i -= 1
        word = words[i][1]
        low = word.lower()
        if not kept and word == "," and _apposition_ends(words, i, clause, at):
            continue  # "our FRP lenses, BioAffinity and Avera, were up 6%": an apposition's end
        if (
            not kept
            and i > 0
            and (low in ("both", "each") or (low == "all" and words[i - 1][1].lower() not in _AUX))
        ):  # "footwear and accessories both up 20%", "A, B and C revenue all grew 15%": one
            kept.insert(0, word)  # figure, several parts
            continue
        if not kept and (low in _AUX or (low.endswith("ly") and low not in NOT_ADVERBS)):
            continue
        if not kept and low in _CHANGED and _UP_OR_DOWN.match(clause, at):
            continue  # "Commercial HVAC sales improved significantly up 20%": the sales
        if not kept and low == "being":
            absolute = True  # "including X being up 73%": X is the subject of "being"
            continue
        if not kept and low in _TOGETHER:
            together = True  # "businesses that together represent 22%": the businesses
            continue
        if (
            kept
            and low in _BE
            and (relative or words[i + 1][1][:1].isupper())
            and not any(k[:1].isdigit() or k[:1] in "$€£" for k in kept)
        ):  # an amount after the verb is its subject's: "ARR was $678 million, which was up"
            break  # "the fastest growing vertical was Tire, which is up": Tire
        if word == ")":  # "EPS (non-GAAP) growth": the parenthesis is an aside
            while i > 0 and words[i][1] != "(":
                i -= 1
            continue
        if low in ("excluding", "including") and kept:
            if absolute or (
                low == "including"
                and i > 0
                and words[i - 1][1] == ","
                and _UP_OR_DOWN.match(clause, at)
                and not any(k == "," or k.lower() in ("and", "or", "of") for k in kept)
            ):
                break  # "…, including MiSight being up 73%", "…, including Europe up 13%": the
                # absolute phrase's own subject
            kept = []  # "revenue excluding traffic acquisition costs increased": the aside goes
            continue
        if not kept and low == "and":
            return ""
        if low == "and" and kept[0].lower() in _PRAISE and len(kept) > 1:
            break  # "had increased momentum and solid sales growth": the sales, praised
        if (
            not kept
            and low == "to"
            and re.match(r"\s*[a-z]+(?<!\ba)(?<!\ban)(?<!\bthe)\b", clause[at:])
        ):
            continue  # "revenue to grow": the infinitive's subject
        if not kept and low == "track" and i > 0 and words[i - 1][1].lower() == "on":
            i -= 1  # "revenue is on track to grow 15%": the phrase before "is on track"
            continue
        if not kept and low in _GOES_ON and words[i + 1 : i + 2] and words[i + 1][1] == "to":
            continue  # "which continues to represent 40%": the phrase before "which"
        if not kept and low in _LINKING:
            continue  # "revenue was $5.0 billion, which represents 12% growth"
        if not kept and low in ("which", "that", "who") and i > 0:
            i -= 1 if words[i - 1][1] == "," else 0
            relative = True  # "… was e-commerce, which now represents": e-commerce alone
            continue
        if (
            word == ","
            and any(k.lower() in ("and", "or") for k in kept)
            and not any(k.lower() in MEASURE_OF or k.lower() in REVENUE_WORDS for k in kept)
            and i > 0
            and not _ends_figure(words[i - 1][1], clause, words[i - 1][0])
            and not re.search(r"\d", words[i - 1][1])
            and not _AS_A.fullmatch(" ".join(w for _, w in words[max(0, i - 3) : i]).lower())
        ):  # (not a frame's end: "As a reminder, X and Y are over 70% of revenue")
            kept.insert(0, word)  # a list: "from Amazon, Google and Azure"
            continue
        if word in ",;:(." or (word == ")" and not kept):
            break
        if word[:1].isdigit() and clause[words[i][0] + len(word) :].startswith("%"):
            break  # a figure: the phrase began after it
        if low == "and" and i > 0 and _ends_figure(words[i - 1][1], clause, words[i - 1][0]):
            break
        if low == "as" and re.match(AS_SHARE, clause[words[i][0] :], re.I):
            kept.insert(0, word)  # "SG&A as a percentage of sales"
            continue
        if (low in MEASURE_OF and (low == "of" or _of_measure(words, i))) or (
            low == "to" and i > 0 and words[i - 1][1].lower() in REVENUE_WORDS
        ):  # "Revenue from X", "Sales to Apple"
            kept.insert(0, word)
            continue
        if low == "reported" and kept and kept[0].lower() in REVENUE_WORDS:
            kept.insert(0, word)  # "total reported sales": an adjective, no verb
            continue
        if (
            low == "on"
            and i > 0
            and kept[:1]
            and kept[0][:1].isupper()
            and plural_thing(words[i - 1][1])
        ):
            kept.insert(0, word)  # "AI projects on GitHub": the projects', counted
            continue
        if (
            kept
            and low in _VERBS
            and low not in _AUX | _OUTDONE | _LINKING
            and kept[0].lower() in _DETERMINERS
        ):  # "we expanded our online presence, which now represents": the verb's object (what
            break  # is outpaced is no phrase of ours: "outpaced the estimated market decline")
        if low == "on" and kept[:1] in (["a"], ["an"]) and "basis" in kept and "per" not in kept:
            kept = kept[kept.index("basis") + 1 :]  # "net interest income on a taxable
            continue  # equivalent basis of $3.2 billion increased": a basis, no name (a rate
            # per unit keeps its words: "On a per account basis average revenue grew")
        if low == "in" and kept and i > 2 and _REPORTED_IN.fullmatch(_joined(words[i - 3 : i])):
            i -= 4 if i > 3 and words[i - 4][1] == "," else 3  # (its comma too)
            kept = []  # "Sales for Joybird which are reported in corporate and other increased"
            continue
        if low in _STOP and not _acronym(word, clause, base, at):
            if "," in kept and i == 0 and low in MEASURE_OF | {"within", "across"}:
                kept = kept[kept.index(",") + 1 :]  # "Within X, the Y business": Y, framed
            break
        if low in ANAPHORS and kept == []:
            kept.insert(0, word)
            break
        kept.insert(0, word)
    if together and kept and kept[0].lower() == "both":
        kept.pop(0)  # "both our HPC and Edge businesses that together represent": one whole
    return " ".join(kept)


# A relative clause that says where a line is reported: "which are reported in".
_REPORTED_IN = re.compile(
    r"(?:which|that) (?:is|are|was|were) (?:reported|included|recorded|booked|shown|presented)",
    re.I,
)


def _joined(words: list[tuple[int, str]]) -> str:
    return " ".join(word for _, word in words)


# Words a figure ends with: "up 20% YoY and Equity Markets up 22%".
_FIGURE_ENDS = word_set(
    """sequentially organically year basis yoy y/y y-o-y qoq q/q q-o-q year-over-year year-on-year
    quarter-over-quarter currency reported organic core"""
)

_PRAISE = word_set("solid strong robust healthy record impressive excellent good great")
_TOGETHER = frozenset({"together", "combined", "collectively", "jointly", "now"})
_BE = frozenset({"was", "were", "is", "are"})


def _ends_figure(word: str, clause: str, at: int) -> bool:
    """Whether `word` (at `at` in `clause`) ends a figure: "12" of "12%", "sequentially"."""
    if word[:1].isdigit() and clause[at + len(word) : at + len(word) + 1] == "%":
        return True
    return word.endswith("%") or word.lower() in _FIGURE_ENDS


def _of_measure(words: list[tuple[int, str]], i: int) -> bool:
    """Whether the preposition at `i` ties a measure to what it is of: "Revenue from X"."""
    before = words[i - 1][1].lower() if i > 0 else ""
    return before in REVENUE_WORDS or other_measure(before)


def other_measure(low: str) -> bool:
    """Whether a word names a measure that is not revenue (margin, EPS, customers); of words
    joined by a slash, any ("price/mix")."""
    if "/" in low and len(low) > 2:
        return any(other_measure(part) for part in low.split("/") if part)
    if low.startswith("ebit"):
        return True  # a profit before some costs, however many letters: EBITDAC, EBITDAR
    if low.endswith(("g&a", "sd&a")):
        return True  # administrative costs however named: SG&A, SSG&A, MG&A, SD&A (not RD&A)
    if low.endswith("per-share") or "-per-" in low:
        return True  # "adjusted earnings-per-share growth", "cost-per-click": a rate per unit
    if low.endswith("eps") and len(low) <= 6:
        return True  # earnings per share however qualified: ADEPS, DEPS, AEPS
    if low.endswith(("-click", "-clicks")):
        return True  # "paid-click growth": a count of clicks however qualified
    if low == "numbers":
        return False  # "The defense numbers are particularly good": figures talked of, no count
    return low in OTHER_MEASURES or low.rstrip("s") in OTHER_MEASURES


def measure_at(lows: list[str], at: int) -> bool:
    """Whether the word at `at` of `lows` (lowered) names a measure that is not revenue, as
    other_measure does, save a verb that reads as one ("which accounts for 8%") and a growth's
    rate."""
    low = lows[at]
    if low in _ACCOUNTS and lows[at + 1 : at + 2] == ["for"]:
        return False
    if low in ("gain", "gains") and lows[at + 1 : at + 2] == ["across"]:
        return False  # "solid gains across our major business segments": growth, no gain's
    if low in ("rate", "rates") and lows[at - 1 : at] == ["growth"]:
        return False  # "The organic growth rate was 8.6%": the growth's, no rate of another
    if lows[at + 1 : at + 2] and lows[at + 1] in _PART_HEADS:
        return False  # "The advertising business grew 74%": a part's name, no measure
    return other_measure(low)


_PART_HEADS = frozenset({"business", "businesses", "segment", "segments", "division", "divisions"})


_ACCOUNTS = frozenset({"account", "accounts", "accounted", "accounting"})


def finite_verb(word: str) -> bool:
    return word.lower() in _VERBS


def last_word_at(text: str, phrase: str) -> int:
    """Where `phrase` last stands in `text` as whole words ("we" in "where we were", not in
    "were"); -1 where it does not."""
    at = text.rfind(phrase)
    while at >= 0:
        end = at + len(phrase)
        if (at == 0 or not text[at - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            return at
        at = text.rfind(phrase, 0, at)
    return -1
