"""The patterns of a figure's words (figures.py reads by them): the figure itself, the words
that compare it ("over", "about"), what follows a share ("of revenue"), the verbs and nouns of
change that govern a growth, and where its basis ends."""

from __future__ import annotations

import re

from ..leads import led
from ..wordlists import any_word, one_of, word_set
from .comparatives import LOOSELY, THAN_A_PERIOD
from .dimensions import DIMENSION

CMP = (
    r"(?P<cmp>more\s+than|greater\s+than|in\s+excess\s+of|over|above|approximately|"
    r"approximate|about|"
    r"roughly|nearly|almost|around|close\s+to|closer\s+to|less\s+than|under|below|just\s+over|"
    r"just\s+under|at\s+least|at\s+most|no\s+less\s+than|no\s+more\s+than|upwards\s+of|"
    r"north\s+of|south\s+of|some|"
    # a bound said loosely: "a little less than 10%", "well over 20%" (comparison_said)
    r"(?:a\s+little|slightly|a\s+bit)\s+(?:(?:less|more)\s+than|over|under|above|below)|"
    r"well\s+(?:over|above|in\s+excess\s+of))?\s*"
    r"(?:plus\s+|minus\s+)?"  # a sign said as a word: "grew by plus 7.6%", "minus 2.4%"
)
TIMES = ("three", "four", "five", "six", "seven", "eight", "nine", "ten")
FIGURE = led(  # a digit with no word character before it stands at a word boundary: \b said
    r"\b(?<![\w.$€£])(?P<num>\d{1,4}(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)"
    # a participle of what was done, not one governed by a preposition ("focused on doubling")
    + r"|(?P<mult>\b(?:doubled|tripled|quadrupled|halved|"
    + r"(?<!\bon\s)(?<!\bof\s)(?<!\bto\s)(?<!\bat\s)(?<!\bby\s)(?<!\bfor\s)(?<!\bthe\s)"
    + r"(?<!\bits\s)(?<!\bthan\s)(?:doubl|tripl|quadrupl)ing(?!\s+of\b)|"
    # an amount against an earlier one: "$20.6 million, more than double the $9.8 million"
    + r"(?:(?<=\bthan\s)|(?<=\bnearly\s)|(?<=\balmost\s))(?:double|triple)"
    + r"(?=\s+(?:than\s+)?(?:the|that\s+of)\s+\$)|"
    + rf"{one_of(' '.join(TIMES))}-?fold|"
    # "jumped 2x year on year", "increased over 3x": a multiple, after its verb (multiples.py)
    + r"(?<![\w.$€£])[2-9]x(?!\s*+(?:the\b|as\b|more\b|less\b|\w+er\b)))\b)",
    re.I,
)
# What drove a growth, said right before a figure: "driven by a 15% increase in basics", "led
# by nearly 50% growth in our wholesale business", "due to a 23.6% increase in net merchandise".
DRIVER_BEFORE = led(
    r"\b(?:(?:primarily|mainly|largely|partly)\s+)?(?:(?:driven|led|fueled|fuelled)\s+"
    r"(?:primarily\s+|mainly\s+|largely\s+)?by|due\s+to|thanks\s+to)\s+(?:an?\s+|the\s+)?"
    r"(?:(?:nearly|over|more\s+than|approximately|about|roughly|almost)\s+)?$",
    re.I,
)
# "up more than sixfold", "three-fold": six (three) times as much, 500% (200%) more.
COMPARISON = led(CMP + r"$", re.I)
# What every comparison ends with: a text's last word that ends otherwise holds none at its end
# (CMP has no word boundary at its start: "moreover" ends with "over").
_CMP_ENDS = tuple(
    word_set(
        """than of over above approximately approximate about roughly nearly almost around to
        under below least most some plus minus"""
    )
)


def compared_at_end(text: str, start: int = 0, end: int | None = None) -> re.Match[str]:
    """COMPARISON searched in `text[start:end]`: the comparison that ends it, else the empty
    match of its trailing spaces. Where the last word ends in no word of a comparison, the
    search begins at those spaces (the same match: nothing before them can be one)."""
    end = len(text) if end is None else end
    words_end = end
    while words_end > start and text[words_end - 1].isspace():
        words_end -= 1
    word = words_end
    while word > start and text[word - 1].isalpha():
        word -= 1
    if not text[word:words_end].lower().endswith(_CMP_ENDS):
        start = words_end
    found = COMPARISON.search(text, start, end)
    assert found is not None  # every part of it is optional: the end of the text matches
    return found


def comparison_said(match: re.Match[str] | None) -> str:
    """The comparison word a match of CMP holds, lowered and its spaces one ("more than"), or
    "" (none, or no match)."""
    said = " ".join((match["cmp"] or "").lower().split()) if match else ""
    said = LOOSELY.get(said, said)  # "a little less than 10%": nearly 10%
    return "approximately" if said == "approximate" else said  # "an approximate 40% increase"


def comparison_before(text: str, at: int) -> str:
    """The comparison word said just before the figure at `at` ("more than", "about"), or ""."""
    return comparison_said(compared_at_end(text, tail(text, 40, at), at))


SHARE_OF = led(
    # its period said first: "China represents 11% for the year of our total Otis revenue"
    r"^\s*(?:(?:for|in)\s+the\s+(?:full\s+)?(?:year|quarter)\s+)?of\s+(?P<owner>(?:(?:the|our|its|total|consolidated|overall|net|segment|segment's|"
    r"business|company|company's|group|reported|this|that|[Qq][1-4]|quarter's|quarterly|"
    r"(?!(?:and|or|was|were|is|are|experienced|had|has|saw|estimated|projected|expected|"
    r"anticipated|forecasted|planned|targeted|future)\b)[A-Za-z][\w&/'’-]*|"
    # a period's length: "of trailing 12-month revenue"
    r"\d{1,2}-(?:month|week|year)s?|"
    # the year the whole is of: "of 2021 consolidated net sales", "of fiscal '21 revenue"
    r"(?:19|20)\d\d|['’]\d\d)\s+){0,4})"
    # a part of a change is its contribution, no share: "61% of revenue decline"
    r"(?P<of>revenues?|sales|licensing|business|"
    # the total said alone, or the total mix: "62% of the total, up from 53%"; the total
    # company ("which comprised about 80% of the total company")
    r"(?:(?<=\bthe\s)|(?<=\bof\s))total(?=\s*(?:[,.;]|$))|(?<=\btotal\s)(?:mix|company(?=\s*(?:[,.;]|$))))"
    r"\b(?!\s+(?:dollar|declines?|decreases?|increases?|growth|changes?|drops?|shortfall|loss)\b"
    # nor a share of a part's profit: "80% of business unit EBITDA"
    r"|\s+(?:[\w-]+\s+)?(?i:ebitda|profits?|income|earnings|margins?)\b)",
)
# The words of a share's whole that name no part: "of our total revenue" is the company's.
_WHOLE = word_set(
    """the our its total consolidated overall net company company's reported quarter's
    quarterly q1 q2 q3 q4 quarter first second third fourth half year full"""
)


_PERIOD_OF = led(
    r"(?i:(?:19|20)\d\d|['’]\d\d|fiscal|full-year|annual|year's|first-quarter|second-quarter|"
    r"third-quarter|fourth-quarter|first-half|second-half|year-to-date|ytd)"
)


def share_of(found: re.Match[str]) -> str:
    """What a share (SHARE_OF's match) is of, where that is a part: "of the segment's revenue"
    is the segment's ("segment"), "of EMS revenue" EMS's, "of total licensing" licensing's; ""
    for the company's revenue ("of our total revenue")."""
    words = [w.removesuffix("'s").removesuffix("’s") for w in found["owner"].split()]
    part = [w for w in words if w.lower() not in _WHOLE and not _PERIOD_OF.fullmatch(w)]
    if found["of"].lower() == "licensing":
        part.append("licensing")
    return " ".join(part)


GROWTH_VERB = (
    r"(?P<verb>(?<!\bmakes\s)(?<!\bmade\s)(?<!\bmake\s)(?<!\bmaking\s)up|down|grew|grow|grows|growing|grown|risen|fallen|increased|increases|increasing|decreased|"
    r"decreases|decreasing|declined|declines|declining|rose|rising|fell|falling|jumped|"
    # a part's revenue added, its amount then its growth: "Physical Commodities added $4.3
    # million or 38% in operating revenues" (one_figure.py asks the revenue after the figure)
    r"add(?:ed|ing)(?=\s+[$€£][\d.,]+\s*(?:million|billion)?\s+or\s+$)|"
    r"surged|soared|slipped|slid|plunged|plummeted|advanced|advancing|progressed|rebounded|"
    r"climbed|improved|improving|expanded|expanding(?!\s+(?:their|its|our|the|a)\b)|dropped|"
    r"higher|lower|ahead|behind|"
    # "off" as a fall: "revenue of $8.08 billion is off 17.6%"; not "sold off", "paid off"
    r"(?<!\bsold\s)(?<!\bpaid\s)(?<!\btook\s)(?<!\btaken\s)(?<!\bstarted\s)off|"
    # a growth's rate moved to a figure: "revenue growth rebounded sharply to 45%"
    r"(?:(?:ac|de)celerat(?:ed|ing)|rebounded)\s+(?:[a-z]+ly\s+)?to|"
    # a bare verb after "did": "sales did increase 6% on a sequential basis"
    r"(?<=\bdid\s)(?:increase|decrease|decline|grow|rise|fall)|"
    r"(?:an?\s+)?(?:increase|decrease|decline|growth|growth\s+rate|improvement|gain|drop|rise)"
    r"(?:\s+in\s+(?:net\s+)?(?:revenues?|sales)|\s+(?:within|in|for|at)\s+(?:the|our)\s+[\w-]+)?"
    r"\s+of|"
    r"an?\s+(?:increase|decrease|decline)\s+by|"  # "an increase by more than 30%"
    # a noun of change bounded by its figure: "growth in excess of 50%"
    r"(?:increase|decrease|decline|growth|improvement|gain|drop|rise)"
    r"(?:,(?=\s+well\s+in\s+excess\s+of\b)|(?=\s+(?:well\s+)?(?:in\s+excess\s+of\b|above\s*$)))|"
    # a growth's rate at a figure: "Core revenue growth at 11% was a point above"
    r"(?:growth|growth\s+rate)\s+at|"
    # a growth said strong at its figure: "Welding growth was also strong in Q2 at 33%"
    r"(?:growth|recovery)\s+(?:was|were|is|remained)\s+(?:(?:also|very|again|particularly)\s+)?"
    r"(?:strong|solid|robust|healthy|good|impressive)\s+(?:in\s+[\w-]+\s+)?at|"
    r"(?:growth|growth\s+rate|increase|decline|decrease)(?:\s+(?:in|for|during)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:quarter|year|period|half))?"
    # its basis between: "our organic growth quarter-over-quarter was 19%"
    r"(?:\s+(?:year|quarter)(?:-\s?|\s)(?:over|on)(?:-\s?|\s)(?:year|quarter))?"
    r"(?:\s+by\s+(?:business|" + DIMENSION + r"))?"  # "Organic growth by business was 7.8% for X"
    r"\s+(?:was|were|is|came\s+in\s+at|came\s+to|remains?\s+at|reached|totaled|amounted\s+to)|"
    # a growth in a part, then its figure: "organic growth in LatAm was 49%", "revenue growth in
    # our Electrical Construction segment of 19.3%"
    r"(?:growth|increases?|declines?|decreases?)\s+(?:in|at|within|for)\s+(?P<within>(?:our|the)\s+"
    r"(?:[\w&/'’-]+\s+){0,3}?(?:segments?|business(?:es)?|divisions?|regions?)|"
    r"(?:(?<!\bfor\s)|(?!(?:Q[1-4]|H[12]|FY|Fiscal|First|Second|Third|Fourth|Full)\b))(?-i:[A-Z])"
    r"[\w&'’.-]*(?:\s+(?-i:[A-Z&])[\w&'’.-]*){0,3}|"
    # a line in lower case, then "of" and its figure: "declines in transportation of 21%"
    r"(?!(?:an?|the|excess|midpoint|rate|range)\b)(?-i:[a-z])[\w&'’-]*"
    r"(?:\s+(?!(?:on|of|in|for|to|and|or|the|an?)\b)(?-i:[a-z])[\w&'’-]*){0,2}(?=\s+of\b)|"
    # a revenue, then "was": "the decline in revenue was 31.7%", "the increase in our Americas
    # sales was 12%"
    r"(?:(?:our|the|total|net|organic|consolidated|reported|(?-i:[A-Z])[\w&'’.-]*)\s+){0,3}"
    r"(?:revenues?|sales)(?=\s+(?:was|were)\b))"
    r"\s+(?:was|were|of|came\s+in\s+at)"
    # "was a robust 13.2%": the figure's word of praise is no word of another measure
    r"(?:\s+an?\s+(?:strong|solid|robust|healthy|record|impressive|very\s+strong))?"
    r"(?=\s*(?:(?:more\s+than|over|about|approximately|nearly|roughly|almost|around)\s*)?$)|"
    r"(?:up|down)\s+from|"
    # what a part saw its revenue do: "PeopleReady saw revenue decline 13%"
    r"saw\s+(?P<seen>(?:its\s+|their\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:revenues?|sales))\s+"
    r"(?:increase|decline|grow|rise|fall|decrease|drop|jump|climb)s?)"
)
# Words of size or praise between a verb and its figure: "down a modest 4%", "rose a remarkable
# 30%".
SIZE_WORDS = (
    "modest slight remarkable nice significant substantial sizable meaningful whopping "
    "outstanding exceptional excellent terrific tremendous"
)
# A verb of change, then what may stand between it and the number: "by", an amount and "or",
# an adverb ("sequentially"), a comparison ("higher than last year by about").
VERB_THEN = led(
    r"\b"
    + GROWTH_VERB
    + r"(?P<gap>(?:\s+(?:by|at|only|just|also|again|still|overall|an?|very|impressive|strong|"
    r"negative|minus|positive|plus|"
    r"solid|robust|steady|"
    r"healthy|record|" + SIZE_WORDS.replace(" ", "|") + r"|"
    r"organically|sequentially|"
    r"(?:(?:annual(?:ized)?|adjusted|organic|underlying|average)\s+)?rate\s+of|"  # "at a rate of"
    # "we grew our Application Software segment 9%": the part grown, named as its object, or
    # where its revenue was grown ("grew revenue in our residential end market by about 2%")
    r"(?P<obj>(?:(?:revenues?|sales)\s+in\s+)?(?:our|its)\s+(?:[\w&/'’-]+\s+){0,4}?"
    r"(?:segments?|business(?:es)?|divisions?|units?|groups?|portfolio|(?<=end\s)markets?)"
    r"(?:\s+(?:within|in)\s+(?:our|the)\s+(?:[\w&/'’-]+\s+){0,3}?"
    r"segment)?)|"
    r"(?:our\s+(?:[\w&/'’-]+\s+){0,2}?|(?:(?:its|their)\s+)?(?:total\s+|underlying\s+|"
    r"organic\s+|consolidated\s+|net\s+|core\s+)?)(?:revenues?|sales|top[\s-]line)|"
    r"approximately|about|roughly|nearly|"
    r"year(?:-\s?|\s)(?:over|on)(?:-\s?|\s)year|[\w\s'-]{0,30}?\s+by|"
    r"(?:(?:more\s+than|over|about|approximately|nearly|roughly|almost)\s+)?\$?[\d.,]+\s*(?:million|billion|"
    r"thousand|[mb])?"
    # "increased by $23 million versus the prior year or 3%"
    r"(?:\s+(?:versus|vs\.?|compared\s+(?:to|with)|over|from)\s+(?:the\s+)?(?:prior|last|previous)"
    r"[- ]year(?:\s+(?:quarter|period))?)?,?\s+or|"
    # "increased to $2.2 million from $2.1 million, or 6.2%": both amounts, then the figure
    r"to\s+\$[\d.,]+\s*(?:million|billion|thousand|[mb])?\s+(?:from|versus|vs\.?|compared\s+"
    r"(?:to|with))\s+\$[\d.,]+\s*(?:million|billion|thousand|[mb])?,?\s+or|than\s+[\w\s'-]{1,30}?\s+by)|"
    # or the amount reached alone, then the figure: "revenues of $624.4 million increased to
    # $145.5 million or 30.4%" (the figure is no level: a level is no amount and a figure at once)
    r"\s+to\s+(?:(?:nearly|about|approximately|roughly|almost)\s+)?\$[\d.,]+\s*"
    r"(?:million|billion|thousand|[mb])?,?\s+or|"
    r",(?=\s+an?\s+(?:impressive|strong|solid|robust|healthy|outstanding)\s))*?)\s*" + CMP + r"$",
    re.I,
)
NOUN_AFTER = led(
    r"^\s*(?:(?:organic|core|reported|sequential|seasonal|total|revenue|sales|top[- ]line|"
    r"worldwide|year(?:-\s?|\s)(?:over|on)(?:-\s?|\s)year|"
    r"quarter(?:-\s?|\s)(?:over|on)(?:-\s?|\s)quarter|annual|constant[- ]currency|"
    # a measure's qualifiers before revenue's own word: "6% net sales growth", "9.4% adjusted
    # revenue growth", "9% operational revenue growth"
    r"(?:net|adjusted|underlying|operational|consolidated|overall|currency[- ]neutral|"
    r"local[- ]currency|fx[- ]neutral|global|company[- ]?wide)"
    r"(?=\s+(?:[\w-]+\s+){0,2}(?:revenues?|sales)\b)|"
    # a measure of growth's own before its noun: "13% underlying growth", "5% operational decline"
    r"(?:underlying|operational|currency[- ]neutral|local[- ]currency|fx[- ]neutral)"
    r"(?=\s+(?:growth|increase|decrease|decline)\b)"
    r")\s+)*(?P<noun>growth|increase|decrease|decline|improvement|gain|drop|rise|higher|"
    # "4% organic gains in LPD": the gains of a part, said in or across it
    r"(?:gains|lift|expansion)(?=\s+(?:in|across|at|for|of)\s)|"
    r"lower|less|below|above|ahead|behind|better(?=\s+than\b)|"
    # a comparative against a period: "16.5% greater than 2024" (comparatives.py)
    r"(?:greater|more)(?=\s+than\s+" + THAN_A_PERIOD + r")|"
    # "organic" said for organic growth: "Commercial Risk delivered 9% organic, an outstanding"
    r"organic(?=\s*[,.;)]|\s*$|\s+(?:and|in|for|versus|vs\.?|over|from)\b))\b",
    re.I,
)
NEGATIVE = led(
    r"^(?:down|decreas|declin|fell|fall|lower|less|dropp|drop|below|behind|off|a\s+decrease|"
    r"a\s+decline|"
    r"an?\s+drop)",
    re.I,
)
# A concession set off by a comma ("although improving sequentially,"): no basis of the clause's.
CONCESSION = led(r"\b(?:although|though|while|despite)\b[^,;]{0,80},", re.I)
# The words that end what a growth is in: a verb, a relative, a cause, a comparison.
_OBJECT_ENDS = one_of(
    """and which that when while where driven led as due with during in_the to was were is are has
    have had after
    following versus compared against from despite amid highlights highlighted shows showed in_q1
    in_q2 in_q3 in_q4 in_fiscal
    reflects reflected reflecting demonstrates demonstrated underscores underscored primarily
    partially partly offset thanks benefiting helped resulted contributed drove"""
)
OBJECT = led(
    r"^\s*(?:(?:organic|core|sequential|total|revenues?|sales|net|sequentially|organically|underlying|"
    r"operational|currency[- ]neutral|constant[- ]currency|"
    r"year(?:-\s?|\s)(?:over|on)(?:-\s?|\s)year|quarter(?:-\s?|\s)(?:over|on)(?:-\s?|\s)quarter)\s+)*(?:(?:growth|increase|"
    r"decline|decrease|improvement|gains?|lift|expansion)\s+)?"  # (a basis between: "an 8%
    r"(?:(?:year(?:-\s?|\s)(?:over|on)(?:-\s?|\s)year|sequentially)\s+)?"  # increase yoy in")
    r"(?P<prep>in|for|on(?=\s+our\s+(?:[\w&-]+\s+){1,3}?"
    r"(?:business|segment|portfolio|division|franchise)\b))\s+(?P<x>(?:our|the|its)?\s*[^,;%]{1,60}?)"
    # a full stop ends it, not an abbreviation's ("in the U.S. this quarter")
    # a word that ends it, not one within a hyphenated name ("direct-to-consumer")
    + rf"(?=\s*(?:,|;|(?<![A-Z]\.[A-Z])\.(?=\s|$)|$|(?<![\w-]){_OBJECT_ENDS}(?![\w-])))",
    re.I,
)
# Between a range's two ends, the second's sign said in words ("down 1% to up 4%"): a guided
# range, no figure that happened.
_SIGNED = one_of("up down plus minus positive negative")
RANGE_TO = led(rf"\s*(?:(?:to|-|–)\s*(?:between\s+)?(?:{_SIGNED}\s+)?|and\s*(?:between\s+)?)", re.I)
# A share's exit or run rate after it: "…, with a Q4 exit rate closer to 20%".
EXIT_RATE = led(r"(?P<rate>(?:Q[1-4]\s+)?(?:exit|run)[- ]rate)\s+(?:of\s+)?" + CMP + r"$", re.I)
# A share said before its figure: "Recurring revenue as a percentage of total revenue was 55%",
# "Cloud's share of sales rose to 40%".
SHARE_BEFORE = led(
    r"(?:\bas\s+an?\s+(?:percentage|percent|share|portion|proportion)|['’]s\s+share)\s+of\s+"
    r"(?:(?:total|net|our|the|overall|consolidated|company)\s+)*(?:revenues?|sales)\s+(?:was|"
    r"were|is|are|came\s+in\s+at|reached|rose\s+to|increased\s+to|grew\s+to|at)\s+" + CMP + r"$",
    re.I,
)
#: An amount of money: "$3.1 billion", "€ 450m", "$1,207 million".
AMOUNT = r"[$€£]\s?[\d.,]+\s*(?:million|billion|thousand|[mbk]\b)?"
REVENUE_SAID = led(r"\b(?:revenues?|sales|arr)\b", re.I)


#: What drove a growth, no part of the business: "an 11% increase from volume", "including
#: acquisitions 3%" (one_figure.py, lists.py).
DRIVERS = one_of(
    """volumes? price pricing mix currency currencies fx f/x foreign_exchange acquisitions?
    divestitures? m&a new_products? new_product_introductions? innovations?"""
)
SHARE_VERB = any_word(
    """accounted_for accounting_for accounts?_for represented represents? representing comprised
    comprises? comprising made_up makes?_up amounted_to amounting_to was were is are at
    reached reaching totaled contribut(?:ed|es|e|ing) generated drives drove driving
    (?:increased|grew|rose|accelerated|expanded|climbed|improved|declined|decreased|fell|dropped|reduced|shrank)_(?:(?:sequentially|further|again|slightly)_)?to
    generates generating exceed(?:s|ed|ing)? surpass(?:es|ed|ing)? top(?:s|ped)?""",
    end=r"\b(?:[^%]{0,40}?\bor\b)?[^%]{0,25}$",
)


def last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match of `pattern` in `text` (one pass), None where there is none."""
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the last one is kept
        pass
    return found


def tail(text: str, size: int, end: int | None = None) -> int:
    """Where the last `size` characters of `text` (up to `end`) begin, at a word's start: the
    words a figure's governing verb or comparison stands in (an anchored search from there)."""
    end = len(text) if end is None else end
    if end <= size:
        return 0
    space = text.find(" ", end - size, end)
    return space + 1 if space >= 0 else end - size


# "range" names the guidance only with its figures or its ends: "our range to $4.1 billion",
# "the low end of our range"; "a broad range of customers" is none.
# The words between a verb and the guidance it moves: what the guidance is of ("our full
# year revenue, operating margin and earnings per share guidance"), no preposition of place
# or time ("increased our investments in sales ahead of the guidance" moves none).
GUIDANCE_FILLER = (
    # (a measure's own "from": "our cash from operations outlook"; a measure's own "as": "sales
    # and EBITDA as defined guidance")
    r"(?:\s+(?!(?:in|on|at|ahead|with|to|into|as(?!\s+defined\b)|because|while|which|that|than|"
    r"from(?!\s+operations\b)|by|beyond|"
    r"above|below|over|under|past|despite|is|are|was|were|be|been|has|have|had|if|unless|where|"
    # (nor a head no guidance is: "increase the probability of targets")
    r"especially|near(?![\w-])|toward|towards|within|around|probability|likelihood|odds|"
    # (nor a subject of another clause: "raise liquidity, like I said, we'll target that range")
    r"we|i|they)\b)"
    r"(?!and\s+[a-z]+ly\b)(?:[\w'’&-]+,?|\$[\d.,]+))"
)
GUIDANCE_NOUN = (
    r"(?:guidance|outlooks?|guide(?![\s-]*+(?:books?|lines?|posts?)\b)|forecasts?|expectations?|projections?|estimates?(?![\w-])|"
    r"(?<!leverage\s)(?<!debt\s)(?<!payout\s)(?<!dividend\s)targets?(?!\s+(?:leverage|ratio|capital|payout|dividend|debt|price|customers?|markets?|"
    r"audiences?|dates?|lists?|zones?|acquisitions?|business(?:es)?|compan(?:y|ies)|deals?))|"
    r"(?:range(?=\s+(?:to|from)\s)|ranges?(?=\s+(?:by|of|for|at)\s))(?=\s+\w+\s+(?:between\s+)?(?:\$|\d|"
    r"the\s+(?:full\s+|fiscal\s+)?year|fiscal|q[1-4]))|"
    # a company's word for its guidance: "our earnings framework for the year"
    r"(?<=\bearnings\s)framework|(?<=\bfinancial\s)framework|"
    # a range's midpoint moved or kept: "increased the midpoint", "raising our midpoint by"
    r"(?:(?<=\bthe\s)|(?<=\bour\s))mid-?point(?!\s+of\s+(?:the\s+)?(?:year|quarter|decade))|"
    r"(?<=\bend\sof\sour\s)range|(?<=\bend\sof\sthe\s)range|(?<=\bprior\s)range|"
    r"(?<=\bprevious\s)range|(?<=\bearlier\s)range|(?<=\bguidance\s)range|"
    # a measure's guided range: "we have lowered our gross margin range"
    r"(?:(?<=\bmargin\s)|(?<=\brevenue\s)|(?<=\bsales\s))range(?=\s*+[,.;]|\s++(?:and|for|to|by)\b))"
)


# An estimate is guidance where it is of a measure of the company's or of a period: "our 2021
# sales estimate", "our estimate for capital expenditures for 2021".
ESTIMATE = led(r"\bestimates?\s*$", re.I)
PERIOD_SAID = led(
    r"\b(?:full[- ]year|fiscal|quarter|(?:19|20)\d\d|annual|for\s+the\s+year)\b", re.I
)
# The alternative's measure, right after its figure: "or 6% in constant currency versus …".
ANOTHER_MEASURE = led(
    r"\s*(?:(?:on|in|at)\s+(?:an?\s+)?)?(?:constant[- ]currency|currency[- ]neutral|"
    r"f/?x[- ]neutral|local[- ]currenc(?:y|ies)|organic(?:ally)?|core|operational(?:ly)?|"
    r"underlying|reported|excluding|ex[- ]|adjusted|comparable|like[- ]for[- ]like|pro\s+forma)",
    re.I,
)


# A noun of change of revenue and what it is in: "a 14% increase in revenue", "growth in net sales".
CHANGE_IN_REVENUE = (
    r"(?:sequential\s+)?"  # "The 2% sequential decline in revenue"
    r"(?:increase|growth|decline|decrease|improvement)\s+in\s+"
    r"(?:(?:total|net|organic|reported)\s+){0,3}(?:revenues?|sales)\b"
)


# Words that set a figure against a base: "on top of 8% growth", "compared to a 15% decline",
# "as we lap 27% growth" (one_figure.py reads the measure named after it, base_growth.py the base).
BASE_LEAD = r"on\s+top\s+of|compared\s+(?:to|with)|versus|against|lap(?:ping|ped|s)?"


# A word of a name ("AT&T", "in-store"), and a lower-case word: compiled once, read often.
WORD = led(r"[\w&-]+")
LOWER_WORD = led(r"[a-z-]+")
