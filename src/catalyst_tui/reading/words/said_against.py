"""Guidance said moved or standing against itself, with no verb of the company's moving it: a
range up or down from a range ("$5.35 to $5.40, up from $5.25 to $5.35"), our outlook improved
or worsened, guidance said higher or lower than it was ("our EPS guidance is up by about $2",
"the substantial improvement in our outlook"), and guidance unchanged from what was given
before ("unchanged from our outlook given in February"). guidance.py gates each (a negation,
someone else's outlook) and names its metric."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..leads import led
from ..wordlists import word_set
from .guidance_verbs import kept_before, of_a_period
from .patterns import GUIDANCE_NOUN as _NOUN
from .vocabulary import FORWARD, MONTH

__all__ = ["PRIOR_NOUN", "PRIOR_WORD", "moved_against_itself", "narrowed"]

# A word of a metric between a word of before and its noun: "adjusted", "earnings", "sales".
_METRIC_WORD = (
    r"(?:adjusted|gaap|non-gaap|earnings|eps|revenues?|sales|ebitda|margins?|organic|"
    r"net|diluted|cash|flow|operating|income|capex|growth|total|annual)"
)
# Guidance given before, named so: "our prior guidance", "previous guidance", "the estimate we
# provided in July".
PRIOR_NOUN = (
    rf"(?:(?:(?:our|the)\s+)?(?:prior|previous|last|earlier|original|initial|previously\s+"
    rf"(?:provided|issued|given|communicated|indicated|mentioned|announced))\s+"
    rf"(?:(?:fiscal|full)\s+year\s+|\d{{4}}\s+|{MONTH}\s+)?"
    # the metric's words between: "our previous adjusted earnings guidance", "our previous
    # sales outlook"
    rf"(?:{_METRIC_WORD}\s+){{0,2}}?"
    # its view or its range's midpoint: "from our prior view", "the previously indicated midpoint"
    rf"(?:{_NOUN}|view\b|(?:model\s+)?mid-?point\b)|"
    # "the estimate we provided in July", "the 9% to 10% range we had previously indicated"
    rf"(?:our|the)\s+(?:\d[\d.]*%?\s+to\s+\d[\d.]*%\s+)?(?:{_NOUN}|range)\s+we\s+"
    rf"(?:had\s+)?(?:previously\s+)?(?:provided|gave|issued|shared|set|indicated|communicated)|"
    # a range or guidance said given before: "the range provided on August 10", "our
    # projection last quarter"
    rf"(?:our|the)\s+(?:{_NOUN}|range)\s+(?:(?:we\s+)?(?:provided|gave|given|issued)\s+)?"
    rf"(?:last\s+quarter|(?:on|in)\s+{MONTH}\b)|"
    # a plan set at the year's start, its guidance: "less than our original plan"
    rf"(?:our|the)\s+(?:original|initial)\s+plan|"
    # the update of the call before: "$400 million less than our second quarter update"
    rf"(?:our|the)\s+(?:first|second|third|fourth)[- ]quarter\s+update|"
    # guidance named by the month it was given: "an improvement over our December guidance"
    rf"(?:our|the)\s+{MONTH}\s+(?:{_METRIC_WORD}\s+){{0,2}}?{_NOUN})"
)
# A range said moved from another range: "$5.35 to $5.40, up from $5.25 to $5.35" (results are
# no ranges; guidance is).
_AMOUNT = r"[$€£]?\s?\d[\d.,]*+(?:\s*(?:%|percent|million|billion|cents))?"
_RANGE_MOVED = led(
    # from a number's start only ("1,1,1,…" is not tried again at each of its digits)
    rf"(?<![\d.,$€£]){_AMOUNT}\s*(?:to|-|–)\s*{_AMOUNT},?\s+"
    r"(?P<dir>up|down|raised|lowered|increased|reduced)"
    rf"\s+from\s+(?:(?:our|the)\s+(?:prior|previous|earlier)\s+(?:range|{_NOUN})\s+of\s+)?"
    rf"{_AMOUNT}\s*(?:to|-|–)\s*[$€£]?\s?\d",
    re.I,
)
# Guidance said adjusted in a direction: "Guidance for capital expenditures in 2021 has been
# adjusted, modestly higher".
_ADJUSTED = led(
    rf"\b(?:{_NOUN}|capital\s+expenditures|capex)\b(?:[^.;,]|(?<=\d)\.(?=\d)){{0,60}}?"
    r"\b(?:(?:has|have)\s+been|were|was)\s+"
    r"(?:adjusted|revised|updated|moved),?\s+(?:(?:modestly|slightly|significantly|meaningfully)\s+)?"
    r"(?P<dir>higher|upward|upwards|up|lower|downward|downwards|down)\b",
    re.I,
)
# A figure or range said beside the prior guidance's, with no word of direction: "to grow 13% to
# 14% from prior guidance of 6.5% to 9%"; the two are set against each other.
_SPAN = rf"{_AMOUNT}(?:\s*(?:to|-|–)\s*{_AMOUNT})?"
_FROM_PRIOR = led(
    rf"(?<![\d.,$€£])(?P<now>{_SPAN}),?\s+(?:from|versus|vs\.?|compared\s+(?:to|with))\s+"
    r"(?:(?:our|the)\s+)?(?:prior|previous|earlier|initial|original)\s+(?:[\w-]+\s+)?"
    rf"(?:{_NOUN})\s+(?:of\s+|range\s+of\s+)?(?P<prior>{_SPAN})",
    re.I,
)
# A forecast set against a figure the company said before: "closer to 5% versus the 6% we
# referenced last quarter".
_FROM_SAID = led(
    rf"(?<![\d.,$€£])(?P<now>{_SPAN}),?\s+(?:from|versus|vs\.?|compared\s+(?:to|with))\s+the\s+"
    rf"(?P<prior>{_SPAN})\s+(?:that\s+)?we\s+(?:had\s+)?(?:referenced|provided|gave|guided(?:\s+to)?|"
    rf"discussed|communicated|shared|indicated)\s+(?:last\s+quarter|in\s+{MONTH}|previously|"
    r"on\s+our\s+last\s+call)\b",
    re.I,
)
# A measure moved by an amount to a range (a result is no range): "increasing operational sales
# growth by $200 million to a range of 6.3% to 6.8%".
_BY_TO_RANGE = led(
    r"\b(?P<verb>increas|rais|lower|reduc)(?:e|es|ed|ing)\s+(?:our\s+|the\s+)?(?:[\w-]+\s+){0,5}?"
    r"by\s+(?:approximately\s+|about\s+)?[$€£]?\d[\d.,]*\s*(?:million|billion|cents|%|percent)?\s+"
    r"to\s+(?:a\s+range\s+of|between)\s+[$€£]?\d",
    re.I,
)
# A growth of ours moved to a range (a forecast's mark): "raising our currency neutral adjusted
# diluted EPS growth to plus 11.5% to plus 13.5%".
_GROWTH_TO_RANGE = led(
    r"\b(?P<verb>rais|lower|increas|reduc)(?:e|es|ed|ing)\s+our\s+(?:[\w-]+\s+){0,6}?growth\s+"
    r"(?:(?:outlook|forecast|expectations?)\s+)?to\s+(?:a\s+range\s+of\s+|between\s+)?"
    r"(?:plus\s+|minus\s+)?\d[\d.]*\s*%\s*(?:to|-|–|and)\s*(?:plus\s+|minus\s+)?\d",
    re.I,
)
# A range or figure the company's verb moved to, set against what it was: "revising our cash
# flow range to $600 million to $650 million, which was previously $625 million to $675
# million"; "increasing the middle of the range … to $170 million from $150 million".
_MOVED_TO = led(
    r"\b(?:revis|updat|increas|rais|lower|reduc|adjust|mov)\w*\s+"
    r"(?:[\w'’&-]+\s+){0,10}?(?:range|guidance|outlook|forecast|guide)\s+"
    r"(?:(?:of|for)\s+(?:[\w'’&-]+\s+){0,6}?)?"
    rf"to\s+(?P<now>{_SPAN}),?\s+(?:from|which\s+was\s+previously)\s+(?P<prior>{_SPAN})",
    re.I,
)
_NUMBER = led(r"\d[\d,]*(?:\.\d+)?")
_UNIT = led(r"%|percent|million|billion|cents", re.I)


def _middle(span: str) -> float:
    numbers = _numbers(span)
    return sum(numbers) / len(numbers)


def _numbers(span: str) -> list[float]:
    return [float(n.replace(",", "")) for n in _NUMBER.findall(span)]


def narrowed(low: str, new: list[float], old: list[float]) -> bool:
    """Whether the lowered sentence `low` says a range narrowed ("narrowing", "tightened") and
    the new range (`new`, its ends) lies within the prior one (`old`): no direction."""
    if "narrow" not in low and "tighten" not in low:
        return False
    return len(new) == 2 == len(old) and old[0] <= new[0] <= new[1] <= old[1]


# The company's own outlook said better or worse, with no verb of its own: "our outlook
# improved", "Our 2021 outlook has increased", "our improved outlook for the year", "this
# higher guidance" (not "Our confidence in the outlook has increased").
_OUTLOOK_MOVED = led(
    # (or a measure's, opening a clause: ", margin expectations have increased to …")
    rf"(?:\b(?:our|the\s+company['’]s)\s+|(?<=,\s)(?=(?:margin|revenue|sales|ebitda|eps)\s))"
    rf"(?:(?!(?:in|of|on|about|with)\s)[\w-]+\s+){{0,6}}?(?:{_NOUN})\s+(?:for\s+(?:the\s+)?"
    # "our full-year outlook is clearly improved": said of it, with an adverb of degree
    r"(?:[\w'’-]+\s+){0,4}?)?(?:(?:has|have|is|are)\s+(?:(?:clearly|now|significantly|"
    r"meaningfully|further|likewise|also|slightly)\s+)?)?(?P<moved>improved|strengthened|worsened|"
    r"(?:(?<=\bhas\s)|(?<=\bhave\s)|(?<=\blikewise\s)|(?<=\balso\s))"
    r"(?:increased|risen|decreased|declined)|"
    r"deteriorated|weakened|moderated|softened)\b(?=\s*(?:[.,;:)]|$|\s(?:as|on|because|since|due|given|from|"
    r"relative|compared|again|further|significantly|meaningfully|considerably|once|and|in|"
    r"for|with|since|to)\b))"  # the verb, not an adjective: "outlook for an improved market"
    r"|\b(?:our|the\s+company['’]s|the|this)\s+"
    r"(?P<adjective>improved|stronger|better|weaker|lower|higher|increased|raised|reduced|"
    r"lowered|upward(?:ly)?\s+revised|downward(?:ly)?\s+revised)\s+"
    # its year written short: "our higher FY '26 outlook"
    rf"(?:[\w-]+\s+|['’]\d\d\s+){{0,2}}?(?:{_NOUN})\b"
    # (not one of doing something: "our increased expectation to utilize these tax assets")
    r"(?!\s+that\s|(?<=expectation)\s+to\s|(?<=expectations)\s+to\s)"
    # at the sentence's start, of what it is of: "Higher full year 2021 net sales and adjusted
    # EBITDA guidance reflects …"
    r"|^(?P<opening>Higher|Lower|Improved|Increased|Raised|Reduced|Lowered)\s+"
    r"(?:(?!(?:our|the|its|their|an?|this|that)\b)[\w-]+\s+){0,8}?(?:guidance|outlook)\b"
    r"(?=\s+(?:reflects|reflect|is|are|includes|include|assumes|assume|was|were)\b)",
    re.I,
)
_BETTER = frozenset(
    {
        "improved",
        "strengthened",
        "stronger",
        "better",
        "higher",
        "increased",
        "raised",
        "upward",
        "risen",
    }
)
# Before the outlook, a preposition names it ("expense associated with our improved outlook"),
# as a word of cause does another's ("given the improved outlook"; not "given our improved
# outlook", ours); confidence in it states it ("confidence in our improved outlook").
_PREPOSITION_BEFORE = led(r"\b(?:with|of|to|from|for|by|(?<!\bconfidence\s)in|on|at)\s*$", re.I)
_CAUSE_BEFORE = led(r"\b(?:given|despite|amid)\s*$", re.I)
# Guidance said higher or lower than it was, with no verb of the company's: "our EPS guidance is
# up by about $2", "our margin rate guidance is 10 basis points higher", "the substantial
# improvement in our outlook".
_SAID_MOVED = led(
    rf"\b(?:our|the)\s+(?:[\w&-]+\s+){{0,5}}?(?:{_NOUN})\s+(?:for\s+(?:[\w-]+\s+){{1,3}}?)?"
    r"(?:is|are)\s+(?:now\s+|(?:once\s+)?again\s+)?(?:(?P<up>up|higher|increasing(?=\s*[,.;]))|"
    r"(?P<down>down|lower|decreasing(?=\s*[,.;])))\b"
    r"(?!\s+(?:about\s+|approximately\s+)?\d[\d.]*\s?%)"  # "is up 126% versus 2019": a growth
    r"|\b(?:our|the)\s+(?:[\w&-]+\s+){0,5}?(?:" + _NOUN + r")\s+(?:is|are)\s+(?:now\s+)?"
    r"(?:[\w$.,]+\s+){1,4}?(?:(?P<up2>higher)|(?P<down2>lower))\b(?!\s+end\b)"
    rf"|\b(?P<better>improvement|upgrade)\s+(?:in|to)\s+our\s+(?:[\w-]+\s+){{0,3}}?{_NOUN}\b"
    # its move said beside it at the midpoint: "our updated earnings guidance is $2.75 to $2.85
    # per share, a decrease of $0.10 at the midpoint"
    rf"|\b(?:our|the)\s+(?:[\w&'’-]+\s+){{0,5}}?(?:{_NOUN})\s+(?:is|are)\s+(?:now\s+)?[^;]{{1,60}}?,"
    r"\s*(?:an?\s+)?(?:(?P<up3>increase)|decrease|reduction)\s+of\s+[$€£]?\d[\d.,]*\s*"
    r"(?:million|billion|cents?)?(?:\s+per\s+share)?\s+at\s+the\s+mid-?point\b",
    re.I,
)
# A period's results that an outlook is set against, not the outlook given before: "our fourth
# quarter revenue outlook is $30 million higher than the third quarter" moves no guidance.
_THAN_A_PERIOD = led(
    r"\s+than\s+(?:(?:the|our|last|this|a)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:quarter|year|half|period|month)s?\b|\s+than\s+(?:q[1-4]|(?:19|20)\d\d)\b",
    re.I,
)
# Unchanged from guidance given before: "which is unchanged from our outlook provided in
# February", "relatively unchanged from our previous forecast".
_UNCHANGED_FROM = led(
    rf"(?:\b(?:is|are|remains?|was)\s+|,\s*)"
    r"(?:relatively\s+|largely\s+|essentially\s+|basically\s+|materially\s+)?"
    rf"unchanged\s+from\s+(?:our|the)\s+(?:(?:prior|previous|earlier|original|initial)\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}?{_NOUN}\b|(?:,\s*|\b(?:is|are|remains?|was)\s+)unchanged\s+from\s+"
    + PRIOR_NOUN,
    re.I,
)
# A prior guidance's own words: what it said, no move ("our prior guidance is up low double
# digits").
PRIOR_WORD = led(r"\b(?:prior|previous|earlier|last|initial|original)\b", re.I)
_SAID_MOVED_KEYS = (
    *(" up", "down", "higher", "lower", "improvement", "upgrade", "midpoint"),
    *("increasing", "decreasing"),
)
# Verbs of an amount moved, said of a forecast ("Our 2021 outlook has increased").
_AMOUNT_MOVED = word_set("increased risen decreased declined")
# The words of an outlook said moved, one of which the sentence holds (looked for first).
_MOVED_KEYS = word_set(
    """moderated softened improved strengthened worsened deteriorated weakened stronger better
    weaker lower higher increased raised reduced upward downward risen decreased declined"""
)


def moved_against_itself(sentence: str, low: str) -> Iterator[tuple[int, int, str, str]]:
    """Each guidance moved or standing `sentence` (`low`: it lowered) says against itself: the
    offsets of the words that say it, its direction, and the words its metric is named in."""
    for match in _RANGE_MOVED.finditer(sentence) if " from " in low else ():
        up = match["dir"].lower() in ("up", "raised", "increased")
        yield match.start(), match.end(), "raised" if up else "cut", sentence[: match.end()]
    ranged = (*_BY_TO_RANGE.finditer(sentence),) if " by " in low else ()
    ranged += (*_GROWTH_TO_RANGE.finditer(sentence),) if " growth to " in low else ()
    for match in ranged:
        up = match["verb"].lower() in ("increas", "rais")
        yield match.start(), match.end(), "raised" if up else "cut", match.group()
    for match in _ADJUSTED.finditer(sentence) if "revised" in low or "adjusted" in low else ():
        up = match["dir"].lower().startswith(("h", "up"))
        yield match.start(), match.end(), "raised" if up else "cut", sentence[: match.end()]
    moved_to = _MOVED_TO.finditer(sentence) if " to " in low else ()
    set_against = ((_FROM_PRIOR,) if PRIOR_WORD.search(low) else ()) + (
        (_FROM_SAID,) if " we " in low else ()
    )
    for match in (*moved_to, *(m for p in set_against for m in p.finditer(sentence))):
        units = {u.lower() for u in _UNIT.findall(match["now"])}
        if units != {u.lower() for u in _UNIT.findall(match["prior"])}:
            continue  # "$1.1 billion, versus prior guidance of $950 million": said otherwise
        if match.re is not _MOVED_TO and not FORWARD.search(sentence, 0, match.start()):
            continue  # "Revenue was $900 million, versus our prior guidance of …": a result
        if narrowed(low, _numbers(match["now"]), _numbers(match["prior"])):
            continue  # "narrowing our revenue range to $1.6 billion to $2 billion from our
            # previous guidance of $1.5 billion to $2.2 billion": no direction
        now, prior = _middle(match["now"]), _middle(match["prior"])
        if now != prior:
            direction = "raised" if now > prior else "cut"
            yield match.start(), match.end(), direction, sentence[: match.end()]
    for match in (
        _OUTLOOK_MOVED.finditer(sentence) if any(map(low.__contains__, _MOVED_KEYS)) else ()
    ):
        if (match["moved"] or "").endswith(("sed", "sen", "ned")) and not of_a_period(
            match.group()
        ):
            continue  # "Our expectations for air freights has also increased": a cost's
        said = match["moved"] or match["adjective"] or match["opening"]
        word = said.lower().split()[0].removesuffix("ly")
        if match["adjective"] and (
            _PREPOSITION_BEFORE.search(sentence, 0, match.start())
            or (
                _CAUSE_BEFORE.search(sentence, 0, match.start()) is not None
                and match.group()[:4].lower() == "the "
            )
            or kept_before(sentence, match.start())
        ):
            continue  # "expense associated with our improved outlook": named, not moved
        direction = "raised" if word in _BETTER else "cut"
        yield match.start(), match.end(), direction, match.group()
    for match in (
        _SAID_MOVED.finditer(sentence) if any(map(low.__contains__, _SAID_MOVED_KEYS)) else ()
    ):
        if PRIOR_WORD.search(match.group()):
            continue  # "our prior revenue guidance is up low double digits": what it said
        if _THAN_A_PERIOD.match(sentence, match.end()):
            continue  # "our Q4 revenue outlook is $30 million higher than the third quarter"
        higher = bool(match["up"] or match["up2"] or match["better"] or match["up3"])
        yield match.start(), match.end(), "raised" if higher else "cut", match.group()
    for match in _UNCHANGED_FROM.finditer(sentence) if "unchanged" in low else ():
        yield match.start(), match.end(), "reiterated", sentence[: match.end()]
