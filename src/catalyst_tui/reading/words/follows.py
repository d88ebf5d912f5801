"""What the words right after a figure say of it: that it is an effect's part of a change
("2% positive currency impact"), a figure set against a plan ("5% below plan"), a list's item
of another measure ("and 5% adjusted profit growth"), or a measure qualified by a basis of
currency ("7% adjusted local currency revenue growth", whose "currency" is no measure)."""

from __future__ import annotations

import re

from ..leads import led
from .comparatives import against_another
from .vocabulary import REVENUE_WORDS

# What a change owes to an effect, no growth: "and 2% positive currency impact".
EFFECT_AFTER = led(
    r"\s+(?:(?:positive|negative|favou?rable|unfavou?rable|adverse)\s+)?(?:foreign\s+)?"
    r"(?:currency|exchange|fx|translation|acquisitions?|m&a|divestitures?|pricing|price|mix)\s+"
    r"(?:impacts?|effects?|benefits?|contributions?|headwinds?|tailwinds?)\b"
    # what the change owes to: "and 1.6% due to foreign currency translation tailwinds"
    # ("offset by a 1% decline due to unfavorable currency translation")
    r"|\s+(?:(?:decline|decrease|increase|drop|reduction)\s+)?(?:due\s+to|from)\s+(?:the\s+)?"
    r"(?:(?:recent|favou?rable|unfavou?rable|positive|"
    r"negative)\s+)*(?:foreign\s+)?(?:currency|fx|exchange|translation|acquisitions?|"
    r"divestitures?|m&a)\b",
    re.I,
)
# A figure set against a plan, no growth of a period: "5% below plan", "8% ahead of our
# expectations", "3% better than we expected".
_AGAINST_PLAN = led(
    r"\s+(?:(?:higher|lower|better|worse|more|less)\s+than|above|below|ahead\s+of|behind|"
    r"short\s+of)\s+(?:(?:what|the\s+(?:high|low)\s+end\s+of|the\s+(?:midpoint|top)\s+of)\s+)?"
    r"(?:(?:our|its|their|the|internal|prior|original|initial|previous|own)\s+)*"
    r"(?:[\w-]+\s+){0,2}?(?:plans?|budgets?|expectations?|guidance|outlook|forecasts?|consensus|"
    r"estimates?|targets?|guide|projections?)\b"
    r"|\s+(?:(?:higher|lower|better|worse|more|less)\s+than|above|below|ahead\s+of|behind)\s+"
    r"(?:what\s+)?(?:we|i|they|analysts|investors|the\s+street)\s+(?:had\s+)?(?:expected|"
    r"anticipated|planned|forecast|projected|guided|thought|estimated)\b",
    re.I,
)
# A verb of change right before a figure: a plan after it is said of something else ("down 1%
# lower than our internal expectations by about 4.5 points").
_CHANGED = led(
    r"\b(?:up|down|grew|increased|decreased|declined|rose|fell)\s+(?:by\s+)?(?:[a-z]+\s+)?$"
)


def against_plan(before: str, after: str) -> bool:
    """Whether the figure between `before` and `after` is set against a plan, a market or
    another measure ("3% more than the market"), no growth."""
    against = _AGAINST_PLAN.match(after) is not None or against_another(after)
    return against and not _CHANGED.search(before[-40:])


# A count: of things ("almost 30,000 students"), or a number with no currency nor scale
# ("2,419").
_COUNT = (
    # (a record's: "up 59% in Q4 to a record 4.4 million contracts per day")
    r"(?:a\s+(?:new\s+)?record(?:\s+high)?(?:\s+of)?\s+)?"
    r"(?:(?:almost|about|approximately|nearly|over|more\s+than|roughly)\s+)?"
    r"(?:(?!(?:19|20)\d\d\b)\d[\d,.]*\s*(?:(?:million|thousand|billion)\s+)?"
    r"(?!(?:million|billion|thousand|dollars|euros|pounds|pesos|reais|francs|kronor)\b)"
    r"(?!(?:versus|plus|was|has|this|thus)\b)[a-z][a-z-]{2,}s\b|"
    r"\d{1,3}(?:,\d{3})+(?!\d|[.,]\d|\s*(?:million|billion|thousand|trillion)\b))"
)
# A growth to a count: "a growth of over 125% to almost 30,000 students"; and said a few words
# after its figure ("Homes delivered increased 13% year-over-year to 2,419"), no amount between;
# or to an amount a share ("DE increased 20% to $5.57 per share": earnings).
TO_A_COUNT = led(
    r"\s+to\s+(?:" + _COUNT + r"|[$€£]\s?\d[\d.,]*\s+(?:per|a)\s+(?:diluted\s+)?share\b)"
)
TO_A_COUNT_AFTER = led(r"[^,;$€£]{0,40}?\bto\s+" + _COUNT)
# A count said right before a growth: "we sold 6,000 used vehicles, down 5%".
# A count of under a thousand is one only with "new" before its noun: "we launched 284 new
# products in 2025, up 68%" (not "the first 9 months, up 5%", "all 3 segments, up 4%").
COUNT_BEFORE = led(
    r"(?<![$€£\d.,])(?:\d{1,3}(?:,\d{3})+\s+(?!(?:million|billion|thousand|trillion)\b)"
    r"(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*|\d{1,3}\s+new\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*"
    # (its change after a comma said in any words: "1,500 customers, nearly doubling")
    r"(?:\s+in\s+(?:19|20)\d\d)?)(?:,\s+(?:(?:nearly|almost|more\s+than|over|about)\s+)?|"
    r",?\s+(?:(?:was|were)\s+)?(?:up|down)\s+)$|"
    # a count right after a verb of output, any size: "We shipped 165 exabytes in the data
    # center market, up 4%" (not an amount: "sold $5 million of X, up 4%")
    r"\b(?:shipped|sold|delivered|produced|installed|placed|launched|opened)\s+(?:(?:a\s+record"
    r"|over|more\s+than|approximately|about|nearly|roughly|almost|some)\s+)?(?<![$€£])\d[\d,.]*"
    r"\s+(?:(?:million|billion|thousand)\s+)?(?!(?:percent|per|basis|points?)\b)[a-z][\w-]*"
    r"(?:\s+[\w-]+){0,7}?,?\s+(?:(?:(?:was|were)\s+)?(?:up|down)|"
    # "sold over 8.7 million iPhones during the quarter which is … an increase of 100%"
    r"which\s+(?:is|was)\s+(?:[\w-]+\s+){0,6}?an?\s+(?:increase|decrease|rise|decline)\s+of)\s+"
    r"(?:[\d.]+\s?%\s+(?:[\w-]+\s+){0,3}?and\s+)?$"  # "up 4% sequentially and 31% …"
)
_REACH_ITEM = 80  # the words of a list's item after its figure
# A list's item after its figure: the words that qualify it, up to a word that opens its basis,
# its cause or another item ("5% adjusted profit growth", not "20% versus … from our customers").
_ITEM = led(
    r"[^,;.]*?(?=\s+(?:in|on|from|after|due|versus|vs|compared|over|year|sequentially|as|to|for|"
    r"with|driven|reflecting|led|at|by|during|and|excluding|including|when|while)\b|[,;.]|$)",
    re.I,
)
_CURRENCY_BASIS = led(r"\b(?:local|constant)[- ]currency\b|\b(?:currency|fx)[- ]neutral\b", re.I)


def without_currency_basis(words: str) -> str:
    """`words` without a basis of currency: "adjusted local currency revenue growth" names
    revenue, no currency."""
    return _CURRENCY_BASIS.sub(" ", words)


_NOUN_OBJECT = led(
    r"\s+(?:in|of|for)\s+(?:[^,;.]{1,40}?(?=\s*(?:[,;.]|$|\b(?:was|were|is|are|has|have|had|"
    r"driven|led|due|as|and|which|while|from|over|versus|compared|than|reflecting|"
    r"primarily|partially|thanks|helped|benefiting|despite|amid|because|given)\b|"
    r"\s(?:on|with|in\s+spite)\s))|[^,;.]{1,40})"  # "growth in the quarter on higher volumes"
)


# A noun of change of a rate: "a 20% year-over-year improvement in rate to 0.71".
_OF_A_RATE = led(r"\s+(?:in|of)\s+(?:the\s+|its\s+|our\s+)?rates?\b", re.I)


def of_a_rate(after: str, end: int) -> bool:
    """Whether the noun of change ending at `end` is of a rate (no revenue's growth)."""
    return _OF_A_RATE.match(after, end) is not None


def noun_object(after: str, end: int) -> str:
    """A noun of change with what it is of: "increase in impressions", "growth of orders"."""
    of = _NOUN_OBJECT.match(after, end)
    return without_currency_basis(after[: of.end() if of else end])


def list_item(after: str) -> str:
    """The words that qualify a list's figure, read from the words right after it."""
    item = _ITEM.match(after[:_REACH_ITEM])
    return without_currency_basis(item.group()) if item is not None else ""


# A figure that measures a noun against another's, with its comparative before the noun: "a 34%
# higher throughput", "80% lower energy per terabyte" (a product's, against a competitor's).
_COMPARED_NOUN = led(
    r"\s++(?:higher|lower|greater|better|faster|more|less|smaller|larger|cheaper|slower)\s++"
    r"(?!(?:than|in|on|for|at|from|to|of|compared|versus|vs|and|or|but|as|with|year|quarter|"
    r"prior|previous|last|the|this|that|same|during|through|across|over|into|per|when|while|"
    r"year-over-year|quarter-over-quarter|sequential|yoy)\b)(?P<noun>[a-z][\w-]*+(?<!ly))"
    r"(?:\s++(?P<next>[a-z][\w-]*+))?(?:\s++(?P<third>[a-z][\w-]*+))?"
)
# A second figure right after the first, nothing between: a range said aloud.
_SPOKEN_RANGE = led(r"\s++\d{1,3}(?:\.\d+)?\s?(?:%|percent\b)")
# The same share said twice, a comma apart, then its whole: "55%, 56% of this business revenue".
_SHARE_SAID_TWICE = led(r",\s*(?P<num>\d{1,3}(?:\.\d+)?)\s?%\s+of\b")
_SHARE_SAID_TWICE_BEFORE = led(r"(?P<num>\d{1,3}(?:\.\d+)?)\s?%,\s*$")
_OF_AFTER = led(r"\s+of\b")
_RATIO_AFTER = led(
    r"\s+(?:(?:EBITDA|EBIT|operating|gross|incremental|decremental)\s+)(?:leverage|margins?)\b",
    re.I,
)


def compared_noun(after: str) -> bool:
    """Whether the words right after a figure compare a noun other than revenue ("a 34% higher
    throughput", "80% lower energy per terabyte": a product's against a competitor's; not "10%
    higher revenue", "3.5% higher merchandise sales", "5% lower than last year"), or name a
    profit's ratio the figure is ("growth at greater than 50% EBITDA leverage")."""
    if _RATIO_AFTER.match(after):
        return True
    compared = _COMPARED_NOUN.match(after)
    return compared is not None and not any(
        (word or "").lower() in REVENUE_WORDS for word in compared.group("noun", "next", "third")
    )


def spoken_range(text: str, figure: re.Match[str]) -> bool:
    """Whether a second figure stands right after the `figure`, nothing between ("grow about
    20% 30% a year"), or two close figures of one share stand a comma apart ("upwards of 55%,
    56% of this business revenue"): a range said aloud, neither its figure."""
    if _SPOKEN_RANGE.match(text, figure.end()):
        return True
    after = _SHARE_SAID_TWICE.match(text, figure.end())
    before = _SHARE_SAID_TWICE_BEFORE.search(text, max(0, figure.start() - 12), figure.start())
    before = before if _OF_AFTER.match(text, figure.end()) else None
    other = after or before
    return other is not None and abs(float(figure["num"]) - float(other["num"])) <= 3
