"""Whose a figure is: the noun phrase its clause names, read back from the verb or noun that
governs the figure, and what that phrase counts.

A phrase is read back word by word to the clause's start, a comma, or a word that opens another
phrase ("by", "with", "while", "which"): "led by our Aerospace & Defense segment growing 20%" is
the segment's. The most specific name is kept whole: "Blackwell Data Center revenue" is
"Blackwell Data Center" (Blackwell's, within Data Center). What the phrase counts decides
whether the figure is a KPI: revenue-like words (revenue, sales, ARR) leave the part they
qualify ("Cloud revenue" is Cloud's; "Revenue" alone, "our sales", "we" are the company's); a
measure that is not revenue (margin, EPS, orders, customers, units) makes it none of ours; a
phrase without either is a part of the business when a word says so ("segment", "market",
"business"), when it is a name (a capital inside the sentence, an acronym), or when the
sentence already spoke of revenue."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..leads import led
from ..wordlists import word_set
from .capitals import part_titled, titled
from .heads import revenue_head
from .measures import ONLY_QUALIFY
from .names import DISCOURSE, a_part, brand_owned, lowered, numeral, others, outside_names
from .not_names import COMPARATIVES, before_verb, counted, plain, undegreed
from .outside import outside_place, set_aside, sold_to
from .phrases import (
    AS_SHARE,
    MEASURE_OF,
    NOT_ADVERBS,
    other_measure,
)
from .records import COMPANY
from .trims import (
    collective,
    trimmed,
    unchanged,
    unqualified,
    untimed,
    without_driver,
    without_talk,
)
from .vocabulary import (
    ANAPHORS,
    GENERIC_WORDS,
    NOT_REVENUE,
    PART_WORDS,
    PERIOD,
    PERIOD_WORD,
    PRONOUNS,
    REVENUE_TYPES,
    REVENUE_WORDS,
    SPEAKER,
)

# An amount's word, its currency a sign or a code ("EUR355 million").
_AMOUNT = led(
    r"^(?:\$|€|£|(?:eur|usd|gbp|chf|jpy|rmb|cny|dkk|sek|nok)\s?)?[\d.,]+$|"
    r"^(?:million|billion|thousand|m|bn|b|k)\.?$",
    re.I,
)

# A fraction of what follows: "approximately two-thirds of the 63% revenue increase".
_FRACTION = led(r"\b(?:one|two|three)[- ](?:thirds?|fifths?)\b|^\s*\d[\d.]*\s?%\s+of\b", re.I)
# An example of what was named before it: "Sales of devices, e.g. iPad, grew 5%".
_EXAMPLE = led(r"\s*(?:e\.g\.|i\.e\.|such\s+as)\s", re.I)
# Revenue from the company's operations: its own.
_OPERATIONS = led(
    r"(?:(?:our|the|continuing|ongoing)\s+)*operations(?:\s+(?:for|in|during)\s+[\w\s-]{1,40})?"
)
# What acquisitions brought: "Sales from the acquisitions of X and Y" are no part's own.
_ACQUIRED = led(r"(?:the\s+|our\s+|recent\s+)*(?:acquisitions?|acquired)\b")
_DISCOURSE = word_set("you can see let think believe mentioned said know")


class Subject(NamedTuple):
    name: str  # COMPANY, or the part as the sentence names it; "" when the phrase has none
    revenue: bool  # the phrase says revenue (or a revenue-like measure)
    other: bool  # the phrase says a measure that is not revenue: no KPI
    anaphor: bool  # "it", "they", "which": someone named before
    #: A measure word alone ("revenue", no "total", "our", "company"): after a part named in
    #: its sentence, that part's ("Security revenue declined, while revenue grew 5%").
    bare: bool = False

    @property
    def part(self) -> bool:  # a part named: neither the company, another measure nor a pronoun
        return self.name not in ("", COMPANY) and not (self.other or self.anaphor)


# Ways of measuring a revenue, which keep it the part's named before: "X revenue was $471
# million and organic revenue was down 12.2%".
_WAYS = frozenset({"organic", "reported"})
# Words that open a phrase and name nothing.
_LEADING = frozenset({"and", "&", "or", "of", "the", "so", "now", "also", "with"})
# Adverbs without "-ly" between a subject and its verb: "we still posted 8% growth".
# ("Finally our X", "Together these markets")
_ADVERBS = word_set("still also even already again just yet then together") | DISCOURSE
# The company's people, who speak for it: "Our team delivered net sales growth of 7%".
_PEOPLE = word_set("team teams people associates colleagues organization")
_NUMBER_WORDS = word_set("one two three four five six seven eight nine ten eleven twelve")
_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "its", "their", "each"})
_NO_NAME = frozenset({"segment", "business", "division", "group", "unit", "line", "market"})
# Words a name never ends with: "Sales in industrial in the first quarter" is industrial's.
_TRAILING = word_set(
    "and & or of the also growth rate in into for at on with by to from performance results - –"
    " through since until via across within versus over as went moved along together coupled"
)
# A measure or a part said to return to growth before its figure: the subject is before it.
_RETURNED = led(r"\b(?:returned|turned)\s+(?:to\s+)?(?:positive\s+)?(?:growth|positive)\b")
_BASE_OF = led(r"^(?:.*\s)?base\s+of\s+(?=(?:[\w-]+\s+){1,3}(?:revenues?|sales)\b)", re.I)
_YEAR = led(r"'?\d{2}|(?:19|20)\d{2}|fy\d{2,4}")  # "Microsoft 365" keeps its 365
_NAMED_BEFORE = led(
    r"(?:the|this|that|these|those)\s+(?:segment|business|division|group|unit|market|region|sector)s?\b"
)


def named_before(phrase: str) -> bool:
    """Whether `phrase` points back to a part named before ("in this segment"); "for these
    reasons" points to no part."""
    return _NAMED_BEFORE.search(phrase.lower()) is not None


# A change ranked among others: "the largest dollar decline we saw", "our biggest increase".
_RANKED = led(
    r"\b(?:largest|biggest|smallest|greatest|strongest|weakest|fastest|slowest)\s+(?:[\w-]+\s+)?"
    r"(?:declines?|decreases?|increases?|growth|gains?|drops?)\b|^\s*+(?:the\s++(?:latter|former)|"
    # one of a list, or a count of parts: "We had 9 of our top 15 verticals grow revenues by 50%"
    r"\d++\s++of\s++(?:our|the|its)\s++(?:top|largest|biggest)\s++\d++)\b",
    re.I,
)
# Two parts said together, then "each" or "both": a figure each, never one of the two alone.
_EACH_OF_TWO = led(r"\s(?:and|&)\s.*\b(?:each|both|all)\s*$", re.I)
# A part joined to what acquisitions brought: "base business and acquisition performance".
_AND_ACQUIRED = led(
    r"\b(?!(?:organic|core|underlying|net|revenues?|sales)\s)[a-z][\w-]*\s+and\s+acquisitions?\b"
)
# Revenue called flat before a figure of its growth: the sentence says two things, none read.
_FLAT = led(r"\bflat\s+(?:sales|revenues?)\b", re.I)

# The patterns read_subject reads a phrase with, compiled once.
_SET_ASIDE_OPENS = led(r"\s*(?:excluding|including)\b", re.I)
_SET_ASIDE = led(
    r"\b(?:excluding|including|ex|net\s+of|inclusive\s+of|exclusive\s+of)\b|"
    r"(?:(?<=revenue\s)|(?<=revenues\s)|(?<=sales\s))less\b",  # "total revenue less acquisition"
    re.I,
)
_PARENTHESES = led(r"\([^)]*\)")
_AS_SHARE = led(AS_SHARE, re.I)
_REACHING = led(r"\b(?:reaching|exiting|ending|ended|entering|totaling|totalling)\b")
# A subject's growth before its share's verb, or alone: "X have steadily grown to represent".
_BECAME = led(
    r"(?:^|\s+(?:has|have|had)\s)\s*(?:\w+ly\s+)?(?:grown|risen|increased|climbed|expanded|"
    r"fallen|declined|shrunk|dropped)(?:\s+to)?\s*$",
    re.I,
)
_QUARTER_LETTER = led(r"\b[qh](?=[1-4]\b)")
_FOOTNOTE = led(r"(?<=[a-z])\d+\b")
_TOP_LINE = led(r"\btop\s+line\b", re.I)
_TOTALED = led(r"\s(?:was|were|is|are|totaled|totalled|amounted|stood|sat|sits)\s")
_PARTICIPLE_BY = led(r"^.*\b\w+(?:ed|en)\s+by\s+")
_EACH_END = led(r"\b(?:each|both|all)\s*$", re.I)
_NUMBER_OF = led(r"\s*(?:the\s+)?(?:number|count|values?)\s+of\b", re.I)
_YOU = led(r"\b(?:your|(?<!\bas )you)\b", re.I)  # "as you saw": talk, no one's figure
_MASKED = led(r"\bUNK\b")
# The rest of the world, or of a region named: "The rest of Europe was down 9.6%".
_REST_OF_WORLD = led(
    r"\s*(?i:the\s+)?(?i:rest\s+of\s+)(?i:the\s+)?(?P<place>(?i:world)\b|(?:[A-Z][\w.&-]*+\s*){1,3}$)"
)
_REST = led(r"(?:the\s+)?(?:balance|rest|remainder)(?:\s+of\b|\s*$)", re.I)
_POSSESSIVE_END = led(r"['’]s?$")
_WORDS = led(r"[\w&/.'’+-]+")
_OWNS = led(r"['’]s$")


@lru_cache(maxsize=256)
def read_subject(phrase: str, *, first: bool = False, revenue_said: bool = False) -> Subject:
    """What a noun phrase names and counts."""
    if _SET_ASIDE_OPENS.match(phrase):
        # "Excluding the impact of foreign exchange, ... sales were down": the measure's owner
        last = phrase.split()[-1].lower() if phrase.split() else ""
        return Subject(
            COMPANY if last in REVENUE_WORDS else "", last in REVENUE_WORDS, False, False
        )
    if _EACH_OF_TWO.search(phrase) or collective(phrase) or _AND_ACQUIRED.search(phrase):
        return Subject("", False, True, False)  # "X and Y were both up 20%": each its own
    if _RANKED.search(phrase):
        return Subject("", False, True, False)  # "the largest decline we saw", "the latter"
    if _FRACTION.search(phrase):
        return Subject("", False, True, False)  # "two-thirds of the 63% increase", "25% of our"
    if _EXAMPLE.match(phrase):
        return Subject("", False, True, False)  # "e.g. iPad": an example of the phrase before
    phrase = _SET_ASIDE.split(phrase, maxsplit=1)[0]
    phrase = _PARENTHESES.sub(" ", phrase)  # "NVIDIA (NASDAQ: NVDA)"
    phrase = trimmed(phrase)  # "Cream of Wheat, for example,": Cream of Wheat
    low = phrase.lower()
    phrase = without_talk(phrase, low)  # "I'll cover X": X
    said_revenue = _AS_SHARE.search(phrase) is not None
    phrase = _AS_SHARE.sub(" revenue ", phrase)  # "X as a percentage of sales"
    revenue_said = revenue_said or said_revenue
    phrase = _REACHING.split(phrase)[0]
    phrase = _BECAME.sub("", phrase)  # "X have steadily grown to (represent 32%)": X
    phrase = _RETURNED.split(phrase, maxsplit=1)[0]  # "Our revenue returned to growth, up 5%"
    phrase = _QUARTER_LETTER.sub(lambda m: m.group().upper(), phrase)  # "q3": a period
    phrase = _FOOTNOTE.sub("", phrase)  # a footnote's number: "volume5"
    phrase = _TOP_LINE.sub("top-line", phrase)
    phrase = untimed(phrase)  # "Revenue during the fourth quarter", "Although sales"
    phrase = unchanged(phrase)  # "The increase in net revenue": net revenue
    phrase = _TOTALED.split(f" {phrase} ", maxsplit=1)[0].strip()  # "revenue totaled $372
    # million, which was down 27%": revenue's
    phrase = unqualified(phrase)
    phrase = _PARTICIPLE_BY.sub("", phrase)  # "highlighted by X": X
    phrase = without_driver(phrase)  # "wins at Digital Banking": Digital Banking's
    phrase = _BASE_OF.sub("", phrase)  # "a higher base of recurring revenue": recurring
    if (bought := sold_to(phrase)) is not None:  # "Sales to transportation customers", "to
        # customers in Europe": theirs; "Sales to Apple": a customer's
        return Subject(bought, True, False, False) if bought else Subject("", False, True, False)
    if _EACH_END.search(phrase) and len(phrase.split()) > 1:
        return Subject("", False, True, False)  # "HR, finance and sales each grew 20%": no one
    if _NUMBER_OF.match(phrase):
        return Subject("", False, True, False)  # "The number of labels printed": a count
    if _YOU.search(phrase):
        return Subject("", False, True, False)  # "your services revenue": an analyst's words
    if _MASKED.search(phrase):
        return Subject("", False, True, False)  # a name masked ("<UNK>"): whose, unknown
    if others(phrase):
        return Subject("", False, True, False)  # a competitor's, a peer's, the industry's
    if (place := outside_place(phrase)) or set_aside(phrase):
        # "Revenue excluding China": no part's own; outside a place, the rest of the world's
        return Subject(place, True, False, False) if place else Subject("", False, True, False)
    if NOT_REVENUE.search(phrase):
        return Subject("", False, True, False)  # "deferred revenue", "revenue per user"
    if _FLAT.search(phrase):
        return Subject("", False, True, False)  # "flat sales growth of 6%": said both ways
    if (rest_of := _REST_OF_WORLD.match(phrase)) is not None:
        place = rest_of["place"].strip()  # a region, named so
        return Subject(
            f"rest of {'the world' if place.lower() == 'world' else place}", True, False, False
        )
    if _REST.match(phrase):
        return Subject("", False, True, False)  # a part less something: no name of its own
    words = [_POSSESSIVE_END.sub("", w) for w in _WORDS.findall(phrase) if not _AMOUNT.match(w)]
    words = [w for w in undegreed(words) if w and w.lower() not in _ADVERBS]
    owner = next((i for i, w in enumerate(phrase.split()) if _OWNS.search(w)), None)
    if owner is not None and _named_after(words[owner + 1 :]) and not brand_owned(words, owner):
        words = words[owner + 1 :]  # "NVIDIA's Blackwell": Blackwell; "the Group's": the Group
    words = before_verb(words)  # "Our X business weathered an … start": X business
    if counted(words):
        return Subject(" ".join(words), False, True, False)  # "scripts filled up 8%"
    words = plain(words)  # "Sequentially quarterly revenues", "and that's", "Our team at X"
    lows = [lowered(w) for w in words]  # "US": not "us"; "AS": no "as"
    said = lows.index("consolidated") if "consolidated" in lows else -1
    if said >= 0 and lows[-1] in REVENUE_WORDS and set(lows[said + 1 : -1]) <= ONLY_QUALIFY:
        return Subject(COMPANY, True, False, False)  # "NOV's consolidated revenue": the whole
    if len(lows) > 2 and lows[0] in ("this", "that", "last", "next") and lows[1] in PERIOD_WORD:
        words, lows = words[2:], lows[2:]  # "This quarter our inline fleet": when, not who
    if not words or any(w.lower() in _DISCOURSE for w in words):
        return Subject("", False, False, False)
    if len(lows) > 1 and (
        (lows[-1] in SPEAKER and not numeral(words, len(words) - 1))
        or (
            lows[0] in SPEAKER
            and (
                lows[-1] in REVENUE_WORDS
                or (
                    any(map(REVENUE_WORDS.__contains__, lows))
                    and not any(other_measure(w) for w in lows)
                )
            )
        )
    ):  # "In the quarter we grew", "we've returned to growth with sales up 22%": ours
        return Subject(COMPANY, True, False, False)
    if lows[0] == "whose":
        return Subject("", False, True, False)  # "T-Mobile, whose revenue doubled": theirs
    if (lows[0] in ANAPHORS or _possessive_pronoun(lows[0])) and not words[0].isupper():
        return Subject("", False, False, True)  # "it", "its revenue": named before
    if lows[-1] == "share" and len(lows) > 1 and lows[-2] not in REVENUE_WORDS:
        return Subject("", False, True, False)  # "our TV view share grew 15%": a share's
    if lows[0] in ("our", "the") and len(lows) == 2 and lows[1] in _PEOPLE:
        return Subject(COMPANY, True, False, False)  # "Our team delivered 8% sales growth"
    if (lows[0] in PRONOUNS or lows[0].replace("’", "'") in SPEAKER) and len(lows) == 1:
        return Subject(COMPANY, True, False, False)  # "we", "We're pleased to report ..."
    other = any(other_measure(low) for low in outside_names(words, lows)) and (
        said_revenue or not revenue_head(lows)  # "SG&A as a percentage of revenue": SG&A's
    )
    revenue = any(map(REVENUE_WORDS.__contains__, lows))
    # What a measure is of: "Revenue from Healthcare" is Healthcare's, "Sales of pads" pads'.
    for i, low in enumerate(lows):
        at_name = low == "at" and words[i + 1 : i + 2] != [] and words[i + 1][:1].isupper()
        if (low in MEASURE_OF or at_name) and i > 0 and lows[i - 1] in REVENUE_WORDS:
            if _NAMED_BEFORE.match(" ".join(lows[i + 1 :])):
                return Subject("", False, True, False)  # "revenue in this business": before
            if _ACQUIRED.match(" ".join(lows[i + 1 :])):
                return Subject("", False, True, False)  # "Sales from the acquisitions": theirs
            if _OPERATIONS.fullmatch(" ".join(lows[i + 1 :])):
                return Subject(COMPANY, True, False, False)  # "Revenue from operations": ours
            rest = read_subject(" ".join(words[i + 1 :]), revenue_said=True)
            if _named_after(words[: i - 1]):
                if (
                    rest.name not in ("", COMPANY)
                    and not (rest.other or rest.anaphor)
                    and not any(PERIOD.fullmatch(w) for w in lows[i + 1 :])
                ):
                    outer = read_subject(" ".join(words[:i]), first=first, revenue_said=True)
                    if outer.name in ("", COMPANY) or outer.other or outer.anaphor:
                        return Subject("", False, True, False)
                    if " and " in f" {outer.name} ":
                        return Subject("", False, True, False)  # "Masks and other sales in …"
                    # "Consumer sales in the Asia Pacific region": the part in the place, both
                    return Subject(f"{outer.name} {low} {rest.name}", True, False, False)
                return read_subject(" ".join(words[:i]), first=first, revenue_said=revenue_said)
            if rest.anaphor:
                return Subject("", False, True, False)  # "revenue from it": named before
            if rest.name in ("", COMPANY) and not rest.other:  # "Revenue in Q3", "of $820M"
                return read_subject(" ".join(words[:i]), first=first, revenue_said=revenue_said)
            return Subject(rest.name or COMPANY, True, other or rest.other, rest.anaphor)
    kept = [
        w
        for i, (w, low) in enumerate(zip(words, lows, strict=True))
        if (low not in GENERIC_WORDS or part_titled(words, lows, i))
        and not (low == "operating" and lows[i + 1 : i + 2] in (["revenue"], ["revenues"]))
        and low not in COMPARATIVES
        and (low not in PERIOD_WORD or titled(words, i))
        and (low not in PRONOUNS or numeral(words, i))  # "Group I": a numeral, no "I"
        and not _possessive_pronoun(low)
        and not (low in REVENUE_WORDS and low != "arr")
        and not _YEAR.fullmatch(low)
        and not _HYPHENED_PERIOD.fullmatch(low)
        and not (low in _NUMBER_WORDS and w.islower())  # "the last two years"
        and not (
            low.endswith("ly")
            and low not in NOT_ADVERBS
            and low not in _HOW_OFTEN  # "our daily silicone hydrogel lenses": a kind of lens
            and w.islower()
            and "-" not in low
        )
    ]
    while kept and lowered(kept[-1]) in _TRAILING:
        kept.pop()
    while kept and lowered(kept[0]) in _LEADING:
        kept.pop(0)
    if not kept:
        bare = revenue and all(
            w in REVENUE_WORDS
            or w in _WAYS
            or w == "the"
            or w in PERIOD_WORD
            or _HYPHENED_PERIOD.fullmatch(w)
            for w in lows
        )  # "full year sales", "organic revenue" after a part named in its sentence: its
        return Subject(COMPANY if revenue else "", revenue, other, False, bare)
    if [k.lower() for k in kept] in (["company"], ["group"]) or kept == ["enterprise"]:
        return Subject(COMPANY, True, other, False)  # "Group revenue", "for the enterprise"
    if (
        len(kept) == 1
        and kept[0].lower() in PART_WORDS
        and kept[0].lower() not in REVENUE_TYPES
        and (kept[0].islower() or lows[0] in _DETERMINERS or kept[0].lower() in _NO_NAME)
    ):
        return Subject("", False, True, False)  # "the market", "the segment": no part named
    name = " ".join(kept)
    part = revenue or revenue_said or a_part(kept, first)
    return Subject(name, part, other, False)


# How often, a kind in a part's name ("daily lenses"), no adverb; before
# revenue's word a measure's (trims.unqualified: "daily sales").
_HOW_OFTEN = word_set("daily weekly monthly")


def _named_after(words: list[str]) -> bool:
    """Whether `words` name something beyond determiners, periods and measures."""
    return any(
        w.lower() not in GENERIC_WORDS
        and w.lower() not in PERIOD_WORD
        and w.lower() not in REVENUE_WORDS
        and w.lower() not in COMPARATIVES
        and not _AMOUNT.match(w)
        and not _YEAR.fullmatch(w)
        and not _HYPHENED_PERIOD.fullmatch(w.lower())  # "First-quarter sales of X": X's
        and w.lower() not in _FUNCTION_WORDS
        and w.lower() not in _HOW_IT_DID  # "Legal's fourth quarter performance": Legal's
        for w in words
    )


_HOW_IT_DID = frozenset({"performance", "results", "momentum"})
_FUNCTION_WORDS = frozenset({"of", "in", "for", "from", "to", "and", "or", "at", "on", "by"})

_HYPHENED_PERIOD = led(
    r"(?:first|second|third|fourth|q[1-4]|full|fiscal|half|nine|six|twelve)-(?:quarter|year|"
    r"month|months|half)|quarter-(?:one|two|three|four)|year-ago|prior-year|today|year-to-date|"
    r"(?:year|quarter)-(?:over|on)-"
    r"(?:year|quarter)"
)


def _possessive_pronoun(low: str) -> bool:
    return low in {"its", "their", "his", "her", "my", "your"}
