"""Comparable sales: what the same stores, restaurants or brands sold against the period before
("Consolidated comp sales were up 5%", "Marmaxx's comp sales grew a strong 4%", "with comps
down 6.6%", "delivering a 1% comp in adult athletic"), a retailer's first measure of its sales;
and a franchise system's sales ("System sales grew 7%"), read the same way as their own measure.

A comparable-sales growth is no growth of revenue: its subject is the comparable sales, as the
sentence words them ("comp sales", "comps", "comparable sales", "same-store sales"), after the
part they are of where the sentence names one just before them ("Marmaxx's comp sales") or in
its opening frame ("In our U.S. Retail segment, …, with comp sales down 1.5%"). So a
checkpoint of revenue is never met by one, and a checkpoint of comparable sales can be.

Read only where the sentence states it: a verb or a word of change and its figure right after
the words ("comp sales increased 5%", "comparable sales growth of 10%"), never a forecast
("we expect comps up 2%", the reader's FORWARD), a condition ("if comps were up 3%", its
HEDGES) or a figure further on; their basis is the reader's YEARLY or SEQUENTIAL said in their
own words after the figure, a year named as their base the year before where it is the latest
year the document measures against and no basis where it is earlier ("Soft Home comps were up
14% versus 2019" in 2021); after a name and its verb they are the name's ("Furniture delivered
another very strong quarter, with comps down 10%"). Linear:
each pattern is anchored at its words and reads a bounded span after them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import partial
from itertools import takewhile

from ..leads import led
from ..wordlists import word_set
from .clauses import clause_subject, frame_of
from .components import of_a_month
from .list_bases import said_with
from .phrases import finite_verb
from .records import COMPANY, Stated
from .subjects import read_subject
from .vocabulary import (
    COMPARED_TO,
    FORWARD,
    HEDGES,
    MONTH,
    OTHER_MEASURES,
    PERIOD_WORD,
    PLACES,
    REACH,
    SAID_PERIOD,
    SEQUENTIAL,
    YEAR_SAID,
    YEARLY,
)

__all__ = ["COMP_KEYS", "read_comps"]

#: The letters a sentence holds where it may state comparable sales (looked for first).
COMP_KEYS = (
    "comp",
    "same-store",
    "same store",
    "same-restaurant",
    "same restaurant",
    "same-shop",
    "same shop",
    "same venue",
    "same-venue",
    "like-for-like",
    "system",
)
# The words for comparable sales, then their change and its figure.
_COMPS = led(
    r"\b(?P<comp>(?:comp(?:arable)?|same[- ](?:store|restaurant|shop|venue)|like[- ]for[- ]like)"
    r"(?:\s++(?:store|restaurant|brand|club|shop))?(?:\s++net)?\s++sales|comps|"
    # the same locations' revenue of a line: "Comparable cemetery revenue increased 54%",
    # "same-store revenue accelerated to 14.7%"
    r"comparable\s++(?!sales\b)[a-z][\w-]*+(?:\s++[a-z][\w-]*+)?\s++revenues?|"
    # ("same-store enterprise net revenues increasing $266 million or 2%")
    r"same[- ](?:store|property|center)(?:\s++(?!net\b)[a-z][\w-]*+)?(?:\s++net)?\s++revenues?|"
    # a franchise system's sales, as comparable sales its own measure: "System sales grew 7%"
    r"system(?:[- ]?wide)?\s++sales)\b"
    # the place they are of, named after them: "Comp sales in Mexico increased nearly 8%"
    r"(?:\s++in\s++(?:the\s++)?(?P<place>(?!(?:Q[1-4]|First|Second|Third|Fourth|Fiscal|FY)\b)"
    r"(?-i:[A-Z])[\w.&'’-]*+(?:\s++(?-i:[A-Z])[\w.&'’-]*+){0,2}))?"
    # the period they are of: "comp sales for the quarter of", "Comps in Q4 were up 3%"
    rf"(?:\s++{SAID_PERIOD})?"
    # ("… sales increase of 14%", "a comparable sales decrease of 13.2%")
    r"(?:\s++(?:growth|increase|(?P<fall>decrease|decline)))?\s*+(?:(?:was|were|is|are)\s++)?"
    r"(?:(?P<verb>up|down|increased|decreased|grew|declined|rose|fell|improved|"
    r"increasing|decreasing|growing|declining|"
    r"accelerated\s++(?:[a-z]+ly\s++)?to)\s++(?:(?:sequentially|organically)\s++)?(?:by\s++)?"
    # (an amount first: "grew $109 million or almost 22%")
    r"(?:(?:(?:approximately|about|almost|nearly|more\s+than)\s++)?[$€£][\d.,]++\s*+"
    r"(?:million|billion)?,?\s++or\s++)?"
    # or only a sign said in words: "same-store sales were plus 8.6%"; or its growth said to
    # be the figure: "Comparable sales growth was 5%"
    r"|of\s++|(?=(?:an?\s++)?(?:positive|negative|plus|minus)\s)|(?<=growth\swas\s)|"
    r"(?<=growth\swere\s)|(?<=growth\sis\s))"
    r"(?:an?\s++)?(?:(?:very|really)\s++)?"
    r"(?:(?:strong|solid|healthy|robust|outstanding|modest)\s++)?(?P<sign>(?:positive|negative|plus|minus)\s++)?"
    r"(?:(?P<about>approximately|about|roughly|nearly|almost|over|more\s+than)\s++)?"
    r"(?P<num>\d{1,3}(?:\.\d+)?)\s*+(?:%|percent\b)"
    # not a floor or a range's end: "comp sales growth of 4% or better", "of 2% to 3%", "down
    # 2% to flat"
    r"(?!\s*+(?:or\s++(?:better|more|higher|above|so)|to\s++(?:(?!(?:19|20)\d\d\b)\d|flat\b)|"
    r"-\s*+\d))",
    re.I,
)
# A comp said after its figure: "a 1% comp in adult athletic" (of what follows "in"), "Apparel
# delivered a 90% comp for the quarter" (of the name before, _name_before; none where no name is).
_A_COMP = led(
    r"\ban?\s++(?P<sign>(?:positive|negative)\s++)?(?P<num>\d{1,3}(?:\.\d+)?)\s*+%\s++comp\b"
    r"(?:\s++in\s++(?!(?:the|our|its|their|this|that|each|every|all|q[1-4]|fiscal|\d)\b)"
    r"(?P<of>[a-z][\w-]*+(?:\s++[a-z][\w-]*+){0,2}?)(?=\s*+(?:,|;|\.|$)|\s++(?:and|an?|with)\b)|"
    r"(?!\s++in\s)(?!\s++(?:sales|stores?|growth|increase|decrease|decline|ratio)\b))",
    re.I,
)
# "a 15.1% increase in comparable restaurant sales": their change, said before the words.
_CHANGE_IN = led(
    r"\ban?\s++(?P<about>(?:approximately|about|roughly|nearly|almost|over)\s++)?"
    r"(?P<num>\d{1,3}(?:\.\d+)?)\s*+%\s++(?P<verb>increase|growth|gain|rise|decrease|decline|drop)"
    r"\s++in\s++(?:our\s++)?(?:(?:global|total|consolidated|overall)\s++)?"
    r"(?P<comp>(?:comp(?:arable)?|same[- ](?:store|restaurant|shop|venue)|"
    r"like[- ]for[- ]like)(?:\s++(?:store|restaurant|brand|club|shop))?\s++sales)\b",
    re.I,
)
# "delivering 3% comp sales growth": their change said after its figure, of the clause's part.
_FIGURE_THEN = led(
    r"(?<![\w.])(?:(?P<about>approximately|about|roughly|nearly|almost|over|more\s+than)\s++)?"
    r"(?<![\w.])(?P<num>\d{1,3}(?:\.\d+)?)\s*+%\s++(?:(?:global|total|consolidated|overall)\s++)?"
    r"(?P<comp>(?:comp(?:arable)?|same[- ](?:store|restaurant|shop|venue))"
    r"(?:\s++(?:store|restaurant))?(?:\s++sales)?)\s++(?P<verb>growth|increase|gain|decline|decrease)\b",
    re.I,
)
# Words before such a figure that make it none of its own: a range's end ("2% to 3%"), a
# magnitude only ("a high 30%": the high thirties), a part added ("an incremental 2.5%").
_NOT_A_FIGURE = led(
    r"(?:\bto|-|–|\b(?:low|mid|high|upper|lower|incremental|additional))\s*+$", re.I
)
# Words before them that make the figure no period's own comparable sales: a base, an impact,
# two years, or a name they are said of that is not right before them ("Japan maintained
# momentum with comps up nearly 10%").
_NOT_ITS_OWN = led(
    r"\b(?:compared\s+(?:to|with)|versus|vs\.?|against|on\s+top\s+of|lapping|rolling\s+over|"
    r"cycling|"
    r"(?:impact|headwind|benefit|contribution)s?\s+(?:on|to|from)|"
    # a ratio's base: "Discounts as a percentage of same-store rental revenue declined 60%"
    r"(?:percentage|percent|share|%)\s+of)\s+"
    r"(?:(?!(?:with|and|while)\b)[\w'’-]+\s+){0,4}$|"
    r"\b(?:(?:two|2|three|3)[- ]years?|stack\w*|month\w*|through)\b[^.;]*$",
    re.I,
)
# A year named as their base, before them ("Compared to 2019, global same-store sales were up
# 24%") or right after their figure ("Soft Home comps were up 14% versus 2019").
_YEAR_BEFORE = led(
    rf"\b(?:{COMPARED_TO}|to)\s+(?:the\s+|an?\s+)?(?:fiscal\s+)?(?P<year>(?:19|20)\d\d)\b[^.;]*$",
    re.I,
)
_YEAR_AFTER = led(
    rf"[\s,]*+(?:{COMPARED_TO}|to)\s++(?:fiscal\s++)?(?P<year>(?:19|20)\d\d)\b(?!\s*+['’]s\b)",
    re.I,
)
# A name the sentence speaks of, then a clause its comparable sales are said in: "Furniture
# delivered another very strong quarter, with comps down 10%" (the name's, not said before them).
_NAME_THEN = led(
    r"(?P<name>\b(?!(?:In|For|As|At|On|By|Within|Across|So|Now|We|I|Our|The|Overall|During|"
    r"Despite|Total|And|All|FY|"
    r"But|While|With|Also|Including|Excluding|"
    # a period or the whole's revenue opening the sentence: "Fourth quarter sales were $20.6
    # billion, with comparable sales up 1.3%"
    r"First|Second|Third|Fourth|Full|Fiscal|Q[1-4]|Sales|Revenues?|Net|This|Last)\b)(?-i:[A-Z])[\w&'’.-]*+|\bthe\s+(?:brand|segment|"
    r"business|division|banner)s?)\s++(?:\S++\s++){0,8}?"
    r"(?:with|reporting|reported|delivered|posted|saw|had)\s++(?:[\w-]++\s++){0,3}?$",
    re.I,
)
# Words after the figure that say what it is of, elsewhere: a part, a month, two years ("…
# growth of 11.3% in our combined nonconsumable categories", "up 20% in the U.S.").
_AFTER = led(
    r"\s*+(?:,\s*+)?(?:in\s++(?!spite\b|(?:constant|local)\s++currenc|"
    r"the\s++(?:quarter|period|first|second|third|fourth|year)\b|"
    r"q[1-4]\b|fiscal\b|(?:19|20)\d\d\b)|on\s++an?\s++(?:two|2|three|3)[- ]year|"
    r"over\s++(?:two|2|three|3)\s++years|"
    # a time before the pandemic as the base: "compared with our pre-COVID fiscal 2019 fourth
    # quarter" (not "compared to 2020": the year before, a call of 2021's)
    r"compared\s++(?:to|with)\s++(?:[\w-]++\s++){0,2}?pre-?(?:covid|pandemic)\b|"
    r"last\s++year|at\s++(?-i:[A-Z]))",
    re.I,
)
_DOWN = frozenset({"down", "decreased", "declined", "fell", "decreasing", "declining"})
# Words before comparable sales that name no part of them: the whole, a time, a word of talk.
_NO_PART = word_set(
    """the our their its a an and or but with while in of for at by to from on as both total
    consolidated overall company companywide enterprise reported adjusted strong solid positive
    negative healthy robust that this these those which where when also said net"""
)
_LONGEST_PART = 4
_A_MONTH = led(MONTH, re.I)
# What may stand between the figure and its basis: a comma, the period it is of ("decreased
# 2.7% in the first quarter compared with the prior year quarter").
_BASIS_LEAD = led(rf"[\s,]*+(?:{SAID_PERIOD}[\s,]*+)?", re.I)
_CHANNELS = word_set("store stores")
_HEADS = word_set("segment segments division divisions business businesses brand brands unit")
_UNKNOWN = "?"
# (nor does a word of how it went: "Performance remained strong with system-wide sales up 6.2%")
_NOT_NAMES = word_set(
    """we i our overall so now in for as at on during despite total performance momentum growth
    results demand business trends execution"""
)


def read_comps(
    text: str,
    sentence: str,
    start: int,
    end: int,
    sections: tuple[Callable[[], bool], ...] = (),
    latest: float = 0,
    company: frozenset[str] = frozenset(),
) -> Iterator[Stated]:
    """Each comparable-sales growth `text` states (the `sentence` at `start` to `end`, its
    asides blanked), with the part it is of; none of the whole's where one of `sections` says
    the sentence is in a part's section (its comps that part's, unnamed). `latest`: the latest
    year the document measures against (bases.latest_base), a base year named is set against;
    `company`: the names the company goes by (a name before its comps that is one is the whole).
    """
    said = partial(
        _stated, text, sentence, start, end, sections=sections, latest=latest, company=company
    )
    frame = frame_of(text)[0] if "," in text else ""
    framed = read_subject(frame).name if frame else ""
    framed = "" if framed in ("", COMPANY) else framed
    for match in _COMPS.finditer(text):
        part = _with_place(_part_before(text, match.start()), _placed(match["place"])) or framed
        if part == _UNKNOWN:
            continue
        down = (match["verb"] or "").lower() in _DOWN or _said_down(match["sign"]) or match["fall"]
        value = float(match["num"]) * (-1 if down else 1)
        yield from said(match, part, match["comp"], value)
    for match in _CHANGE_IN.finditer(text):
        down = match["verb"].lower() in ("decrease", "decline", "drop")
        value = float(match["num"]) * (-1 if down else 1)
        yield from said(match, framed, match["comp"], value)
    for match in _FIGURE_THEN.finditer(text):
        if _NOT_A_FIGURE.search(text, max(0, match.start() - 14), match.start()):
            continue
        opens = text[: match.start()].strip().lower() in ("", "the", "a", "our")
        own = clause_subject(text, True, True) if not (framed or opens) else None  # (not where
        # they open the clause as its subject: "The 32% same-store sales increase was fueled by")
        if own is not None and own.name != COMPANY and not own.part:
            continue  # "KFC full year system sales grew 16%, driven by 11% same-store sales
            # growth": the clause is another's, not said whose
        part = own.name if own is not None and own.part else framed
        value = float(match["num"]) * (-1 if match["verb"].lower().startswith("de") else 1)
        yield from said(match, part, match["comp"], value)
    for match in _A_COMP.finditer(text):
        named = match["of"] or _name_before(text, match.start())
        if not named or named == _UNKNOWN or named.casefold() in company:
            continue  # "Williams-Sonoma drove a 7.6% comp", "retail at a 20% comp": whose, unsaid
        value = float(match["num"]) * (-1 if _said_down(match["sign"]) else 1)
        yield from said(match, named, "comp", value)


def _stated(
    text: str,
    sentence: str,
    start: int,
    end: int,
    match: re.Match[str],
    part: str,
    said: str,
    value: float,
    *,
    sections: tuple[Callable[[], bool], ...],
    latest: float,
    company: frozenset[str],
) -> Iterator[Stated]:
    if not part:  # "Furniture delivered …, with comps down 10%": Furniture's
        part = _name_before(text, match.start())
        part = "" if part.casefold().removesuffix("'s").removesuffix("’s") in company else part
    named = _YEAR_AFTER.match(text, match.end()) or _YEAR_BEFORE.search(
        text, max(0, match.start() - 120), match.start()
    )
    if (
        FORWARD.search(text, max(0, match.start() - REACH), match.start())
        or HEDGES.search(text, max(0, match.start() - REACH), match.start())
        or _NOT_ITS_OWN.search(text, max(0, match.start() - 120), match.start())
        or _AFTER.match(text, match.end())
        or "respectively" in text
        or of_a_month(text, match.end(), 0)
        or part == _UNKNOWN
        or (named is not None and not 0 < int(named["year"]) <= latest)
    ):
        return  # "we expect comps up 2%" (a forecast), "if comps were up 3%" (a hedge), "On
        # a two-year basis, …"; against a year the document measures nothing against
    if (not part or part.lower() in _CHANNELS) and any(ask() for ask in sections):
        return  # "Turning to our Canadian business. … with comp sales down 6.6%": Canada's
    after = _BASIS_LEAD.match(text, match.end())  # its basis said right after it
    at = after.end() if after else match.end()
    yearly = YEARLY.match(text, at)
    basis = (
        ("year over year" if int(named["year"]) == latest else "")
        if named is not None  # "up 14% versus 2019" in 2021: two years before, no basis
        else "year over year"
        if yearly and not YEAR_SAID.search(yearly.group())  # (not "versus the second quarter of
        # 2020": which year before, only the document's day says: bases.py)
        else "sequential"
        if SEQUENTIAL.match(text, at) or "sequentially" in match.group().lower()
        else said_with(text, match.start())
    )
    about = (match.groupdict().get("about") or "").lower()
    subject = f"{part} {said}" if part else said
    yield Stated(
        "growth", subject, value / 100, None, about, basis, "", False, "", sentence, start, end
    )


def _name_before(text: str, at: int) -> str:
    """The name the sentence speaks of before a clause that says comparable sales at `at` with
    no part of their own ("Japan maintained momentum in Q2 with comps up 10%": Japan's), its
    words in capitals ("Sam's Club had another impressive quarter with comps up 10.8%"); "?"
    where a noun points back to it ("the brand"); "" where none stands there."""
    said = _NAME_THEN.search(text, max(0, at - 120), at)
    # (the whole's, said so right before them: "Brinker reported … with consolidated comp sales")
    whole = text[max(0, at - 14) : at].split()[-1:] in (["consolidated"], ["total"], ["overall"])
    if said is None or whole or said["name"].lower() in _NO_PART | _NOT_NAMES:
        return ""
    if said["name"][:4].lower() == "the ":
        return _UNKNOWN
    words = text[said.start() : at].split()[:_LONGEST_PART]
    return " ".join(takewhile(lambda w: w[:1].isupper() or w[:1].isdigit(), words)).rstrip(",")


# Words before comparable sales that make them none of the period's own: the industry's; and a
# week's said within a few words before them ("last week's blended same restaurant sales").
_NOT_OURS = frozenset({"industry", "industry's", "industry’s"})
_A_WEEK = led(r"\bweek(?:['’]s|ly)\s+(?:[a-z-]+\s+){0,2}$", re.I)


def _part_before(text: str, at: int) -> str:
    """The part named by the words right before comparable sales, up to four ("Marmaxx's",
    "TJX Canada", "Direct-to-consumer", "U.S. retail", "our services"), none of them a verb,
    a time or a word of the whole; "" where none is."""
    if _A_WEEK.search(text, max(0, at - 40), at):
        return _UNKNOWN  # "last week's blended same restaurant sales": a week's
    kept: list[str] = []
    for word in reversed(text[max(0, at - 60) : at].split()):
        bare = word.strip(",;:()")
        if bare != word or not bare:
            break
        low = bare.lower()
        if _A_MONTH.fullmatch(bare):
            return _UNKNOWN  # "November comp sales were minus 15%": a month's, not the period's
        if low in _NOT_OURS:
            return _UNKNOWN  # "industry same restaurant sales decreased 26%": the market's
        if low in PERIOD_WORD or low[:1].isdigit():
            continue  # "Applebee's second quarter comps", "Pizza Hut U.S. Q4 same-store sales"
        if low in _NO_PART:
            break
        if (low in OTHER_MEASURES and low not in _CHANNELS) or low == "written":
            return _UNKNOWN  # "ticket comps", "transaction comps": no sales; "written same-store
            # sales": orders taken
        if finite_verb(low) or (bare.islower() and low.endswith(("ed", "ing", "ly"))):
            break  # "we delivered comp store sales growth", "posting"
        kept.append(bare)
        if len(kept) > _LONGEST_PART:
            return _UNKNOWN  # a longer name than a part's: whose, not known
    if kept and all(w.lower() in _HEADS for w in kept):
        return _UNKNOWN  # "Total segment same-store sales": a part's, not named
    return " ".join(reversed(kept))


def _with_place(part: str, place: str) -> str:
    """The part comparable sales are of, with the place named after them: "eCommerce comps in
    Canada" are Canada's eCommerce comps; "In North America comp sales in the US" the US's (a
    place in a place: the narrower)."""
    if not part or not place or _UNKNOWN in (part, place):
        return _UNKNOWN if _UNKNOWN in (part, place) else part or place
    return place if all(w.lower() in PLACES for w in part.split()) else f"{place} {part}"


def _placed(place: str | None) -> str:
    """The place comparable sales are said of after them ("comp sales in Mexico"); a month's
    are no period's ("comp sales in January")."""
    if not place:
        return ""
    return _UNKNOWN if _A_MONTH.match(place) else place


def _said_down(sign: str | None) -> bool:
    """Whether a sign said in words is a fall: "negative", "minus"."""
    return (sign or "").strip().lower() in ("negative", "minus")
