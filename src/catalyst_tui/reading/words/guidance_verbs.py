"""The verbs that move, keep, withdraw or begin the company's guidance, by direction, with a
word each one's matches hold (guidance.py reads each verb with its object), the words that
make guidance given a beginning, and guidance named then moved in a relative clause of ours
("our revenue guidance, which we're raising"), unless moved before this call."""

from __future__ import annotations

import re

from ..leads import led
from .patterns import GUIDANCE_NOUN

__all__ = [
    "DONE_BEFORE",
    "GUIDANCE_FIGURES",
    "INITIAL",
    "METRIC",
    "MOVING",
    "OF_FIGURE",
    "VERBS",
    "VERB_KEYS",
    "WHERE_DONE",
    "also_down",
    "kept_adjective",
    "kept_before",
    "metric_of",
    "of_a_period",
    "unnamed",
]

VERBS = {
    # and said by its noun: "the $100 million increase in our operating EBITDA guidance",
    # "another raise to our earnings per share guidance"
    "raised": r"rais(?:e|es|ed|ing)(?:\s+of(?=\s+(?:our|its|the)\s))?|"
    r"(?:increase|raise)\s+(?:in|to)(?=\s+(?:our|its|the)\s+(?:[\w$.-]+\s+){0,5}?"
    r"(?:guidance|outlook|forecasts?|guide|projections|prior\s+range)\b)|increas(?:e|es|ed|ing)|"
    r"lift(?:s|ed|ing)?|boost(?:s|ed|ing)?|upp(?:ed|ing)|"
    r"upward(?:ly)?\s+revis(?:e|es|ed|ing)|revis(?:e|es|ed|ing)\s+up(?:wards?)?\b|"
    # a forecast made better, said of ours: "improving our sales outlook for the year"; a
    # long-term outlook is a view of a business over years, no guidance for a period
    r"(?:improv|upgrad)(?:e|es|ed|ing)(?=\s+(?:our|those|these|the)\s+"
    r"(?:(?!long(?:er)?[- ]term\b)[\w-]+\s+){0,3}?"
    r"(?:outlook|guidance|expectations|forecast)\b)|"
    # "our second-quarter results and enhanced 2021 outlook"
    r"enhanced(?=\s+(?:(?:our|the)\s+)?(?:(?!long(?:er)?[- ]term\b)[\w-]+\s+){0,3}?"
    r"(?:outlook|guidance|expectations|forecast)\b)|"
    r"(?:tak(?:e|es|ing|en)|took|bring(?:s|ing)?|brought|mov(?:e|es|ed|ing))\s+up",
    # and said by its noun: "our lowering of our full-year revenue outlook"
    "cut": r"reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?(?:\s+of(?=\s+(?:our|its|the)\s))?|"
    r"cut(?:s|ting)?|trim(?:s|med|ming)?|"
    # "we have tempered our 2018 EPS growth expectations by $0.05" ("tempered expectations on
    # gross margin", an adjective, moves nothing; "tempering a little bit the expectation that
    # …", a view, neither): of ours, said right after it
    r"(?:temper(?:s|ing)?|moderat(?:es|ing)|(?:(?<=\bhave\s)|(?<=\bhas\s)|(?<=\bhad\s)|"
    r"(?<=\bwe\s))(?:tempered|moderated))"
    r"(?=\s+(?:our|its|the|[A-Z][\w&-]*+['’]s)\b)|"
    r"downward(?:ly)?\s+revis(?:e|es|ed|ing)|revis(?:e|es|ed|ing)\s+down(?:wards?)?\b|"
    r"(?:tak(?:e|es|ing|en)|took|bring(?:s|ing)?|brought|ratchet(?:s|ed|ing)?|"
    r"walk(?:s|ed|ing)?|mov(?:e|es|ed|ing))\s+down",
    "reiterated": r"(?:re)?affirm(?:s|ed|ing)?|reiterat(?:e|es|ed|ing)|maintain(?:s|ed|ing)?|"
    r"(?:re)?confirm(?:s|ed|ing)?|keep(?:s|ing)?|kept|(?:hold(?:s|ing)?|held)(?!\s+back\b)(?:\s+to)?|"
    r"stick(?:s|ing)?\s+(?:with|to)|"
    # a change chosen against: "we decided not to adjust our guidance"
    r"(?:decided|decide|chose|choose|elected)\s+not\s+to\s+(?:adjust|change|revise|update|alter)|"
    # left as it was: "we left our annual guidance unchanged", "we are leaving the range
    # unchanged" (not "it leaves our guidance at risk")
    r"(?:left|leav(?:e|es|ing))(?=\s+(?:our|the|its)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:guidance|outlook|range|forecast|guide)(?:\s+for(?:\s+[\w'’-]+){1,3}?)?\s+unchanged\b)|"
    r"(?:(?<=\bwe\s)|(?<=\bwe\salso\s))reinforc(?:e|ed)|"  # (not "it reinforces our guide")
    r"stand(?:s|ing)?\s+by|remain(?:s|ing)?\s+comfortable\s+with|"
    # kept, said by a noun or by confidence in it: "the reaffirmation of our EPS guidance", "we
    # remain confident in the fiscal 2022 guidance we outlined" (in the guidance itself, not in
    # "our expectations of a recovery" nor in a long-term view)
    r"(?:re)?affirmation\s+of|reiteration\s+of|"
    r"remain(?:s|ing)?\s+(?:very\s+|fully\s+)?confident\s+in"
    # (not in doing what it says, "confident in delivering our outlook", nor in a business's
    # prospects, "the outlook for our businesses")
    r"(?=\s+(?![\w'’-]+ing\s)(?:(?!long(?:er)?[- ]term\b)[\w'’-]+\s+){0,10}?"
    r"(?:guidance|outlook|guide|forecast)\b(?!\s+for\s+(?:our|the|this|its)\s+business))",
    "withdrawn": r"withdr(?:aw|aws|awing|awn|ew)|suspend(?:s|ed|ing)?|"
    r"pull(?:s|ed|ing)?(?![\s-]+down)",
    # Guidance given now for a period is guidance begun: "we are providing guidance for 2022".
    "introduced": r"(?:re)?initiat(?:e|es|ed|ing)|(?:re)?introduc(?:e|es|ed|ing)|provid(?:es|ing)|"
    r"issu(?:es|ing)|giv(?:es|ing)|offer(?:s|ing)?|outlin(?:e|es|ing)|"
    # "our established guidance" is the guidance there is, no act: an adjective after a
    # determiner
    r"(?:re-?)?establish(?:es|ing)?\b|(?<!\bour\s)(?<!\bthe\s)(?<!\bits\s)(?:re-?)?established|"
    r"reinstat(?:e|es|ed|ing)|institut(?:e|es|ing)|"
    # guidance set, or widened to a measure it did not cover: "we are setting our full year
    # sales guidance at", "we are expanding our guidance to include revenue"
    r"setting(?=\s+(?:our\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:guidance|outlook)\s+at\b)|"
    r"expand(?:s|ed|ing)?(?=\s+(?:our\s+)?(?:[\w-]+\s+)?(?:guidance|outlook)\s+to\s+include\b)|"
    r"(?<=able\sto\s)provide|(?<=position\sto\s)(?:provide|offer)|(?<=allowing\sus\sto\s)provide|"
    r"(?<=\blet\sme\s)provide|"  # "So let me provide our operating forecast for 2026"
    r"(?<=\bpleased\sto\s)provide|(?<=\bhappy\sto\s)provide|"  # "we are pleased to provide our"
    # given by us, said as done: "we have issued fiscal 2021 earnings per share guidance", "We've
    # also given earnings per share guidance for 2022" (a period named: guidance.py)
    r"(?:(?<=\bwe\s)|(?<=\bwe\salso\s)|(?<=\bwe\shave\s)|(?<=\bwe\shave\salso\s)|"
    r"(?<=\bwe['’]ve\s)|(?<=\bwe['’]ve\salso\s))(?:issued|provided|given|released)|"
    # released, or its giving named: "we are releasing our 2022 guidance", "the introduction of
    # our non-GAAP financial guidance for 2026"
    r"releas(?:es|ing)|introduction\s+of(?=\s+(?:our|the|its)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:guidance|outlook)\b)|"
    # guidance given again, set, or given for the first time: "we are returning to giving
    # guidance", "we have set capex guidance of $230 million", "we provided guidance for the
    # first time since the beginning of the pandemic"
    r"return(?:s|ed|ing)?\s+to\s+(?:giving|providing|issuing)|"
    r"(?<=have\s)set(?=\s+(?:our\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:guidance|outlook)\b)|"
    r"provided(?=\s+(?:[\w-]+\s+){0,3}?(?:guidance|outlook)\s+for\s+the\s+first\s+time\b)",
}

# The guidance's own figures, right after its determiner: "our 4% to 7% revenue growth guidance"
# (not a figure elsewhere: "increased 26.7% and exceeded our expectations").
GUIDANCE_FIGURES = r"(?:\s+\d[\d.,]*+%(?:\s+to\s+\d[\d.,]*+%)?)"
# A word each pattern's matches hold (lower case): a pattern is looked for only where one is.
VERB_KEYS = {
    "raised": ("rais", "increas", "lift", "boost", " up", "improv", "upgrad", "revis", "enhanc"),
    # (" up" holds "upped": each pattern is looked for where one of its words stands)
    "cut": ("reduc", "lower", "cut", "trim", "down", "revis", "temper", "moderat"),
    "reiterated": (
        "affirm",
        "reiterat",
        "maintain",
        "confirm",
        "keep",
        "kept",
        "hold",
        "held",
        "stick",
        "left",
        "leav",
        "reinforc",
        "stand",
        "comfortable",
        "confident",
        "not to",
    ),
    "withdrawn": ("withdr", "suspend", "pull"),
    "introduced": (
        *("initiat", "introduc", "provid", "issu", "giv", "establish", "reinstat", " set"),
        *("offer", "outlin", "expand", "institut", "releas"),
    ),
}

# A first view given: "we are providing initial net sales guidance for the segment" begins it
# whatever period it names.
INITIAL = led(r"\binitial\b", re.I)
# Guidance named as such and given with its figure is begun: "we are providing guidance of
# $1.69 to $1.75" (not "we're giving a range of 25% to 30%": a range alone, compared).
OF_FIGURE = led(
    r"(?:(?<=guidance)|(?<=outlook))\s+(?:of|at|between)\s+(?:approximately\s+|about\s+)?[$€£]?\d",
    re.I,
)
# The guidance named, then what was done to it: "our full-year guidance, where we raised our
# sales, operating income and EPS"; "our updated guidance for 2021, which we are raising".
WHERE_DONE = led(
    rf"\b{GUIDANCE_NOUN}(?:\s+for\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}?[\w'’-]+)?\s*,?\s+"
    r"(?:where|in\s+which|which|that)\s+(?:we|i)(?:['’]ve|['’]re|\s+have|\s+are)?"
    r"\s+(?:(?:again|now|also|further|today)\s+){0,2}(?:(?:tightening|narrowing|updating)\s+and\s+)?"
    r"(?P<verb>(?:(?:upward|downward)(?:ly)?\s+)?[a-z]+)\b",
    re.I,
)
# When a move was made, said right after it, before this call: "that we increased just last
# quarter", "which we raised in May", "which we increased a bit in February".
DONE_BEFORE = led(
    r"\s+(?:(?:a\s+bit|a\s+little|slightly|modestly|somewhat)\s+)?(?:just\s+|already\s+)?(?:last\s+(?:quarter|year|month)|previously|earlier|before|"
    r"in\s+(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|the\s+(?:first|second|third|fourth)\s+quarter|q[1-4]))\b",
    re.I,
)


# A verb of guidance written with a capital after a determiner inside a sentence: a name, no
# act ("in support of our Raise the Bar ambitions").
_NAMED_VERB = led(
    r"(?-i:[RLBCIE])(?:(?<=\bour\s.)|(?<=\bthe\s.)|(?<=\bits\s.)|(?<=\btheir\s.))(?:ais(?:e|es|ed|ing)|"
    r"ift|oost|ut|ower|ncreas(?:e|es|ed|ing)|eaffirm|eiterat(?:e|es|ed|ing)|eat|xceed)\b"
)


def unnamed(sentence: str) -> str:
    """`sentence` with each verb of guidance that a name holds blanked, of the same length."""
    return _NAMED_VERB.sub(lambda m: " " * len(m.group()), sentence)


# The measures guidance is given of.
METRIC = (
    r"(?:(?:total|subscription|non-gaap|gaap|adjusted|organic|net|diluted|operating|"
    r"free|core|annual|recurring|full[- ]year|fiscal|\d{4}|'?\d{2}|year|financial)\s+)*"
    r"(?:revenues?|sales|eps|earnings(?:\s+per\s+share)?|operating\s+(?:margin|income|profit)|"
    r"margins?|free\s+cash\s+flow(?:\s+margin)?|cash\s+flow(?:\s+from\s+operations)?|arr|"
    r"billings|ebitda(?:\s+margin)?|net\s+income|capex|capital\s+expenditures|"
    r"(?:operating\s+)?expenses?|opex|costs?|tax\s+rate|capital[- ]spending)"
)


# A verb that keeps the guidance, right before the determiner of a move said as its adjective:
# what was moved before is kept now ("affirming both our increased 2021 EPS guidance range").
_KEPT_BEFORE = led(
    r"\b(?:(?:re)?affirm(?:s|ed|ing)?|reiterat(?:e|es|ed|ing)|maintain(?:s|ed|ing)?|"
    r"(?:re)?confirm(?:s|ed|ing)?)\s+(?:(?:both|all|also|again)\s+){0,2}$",
    re.I,
)


def kept_before(sentence: str, at: int) -> bool:
    """Whether the guidance whose determiner stands at `at` ("our increased …") is the object
    of a verb that keeps it, right before: its adjective names an earlier move."""
    return _KEPT_BEFORE.search(sentence, max(0, at - 40), at) is not None


# The prior guidance said a decline too: "… versus our prior view of been down mid-single digits".
_ALSO_DOWN = led(r"\s*+(?:of\s++)?(?:(?:been|being)\s++)?(?:down|a\s++decline)\b", re.I)
# A determiner right before a verb of moving: the verb is the guidance's adjective ("our
# increased guidance range").
_AS_ADJECTIVE = led(r"\b(?:our|the|its|their)\s+$", re.I)


def kept_adjective(sentence: str, at: int) -> bool:
    """Whether the verb of moving at `at` is the adjective of guidance a verb before keeps
    ("affirming both our increased … guidance range"): no move of now."""
    return _AS_ADJECTIVE.search(sentence, max(0, at - 8), at) is not None and kept_before(
        sentence, sentence.rfind(" ", 0, at - 1) + 1
    )


def of_a_period(words: str) -> bool:
    """Whether forecasts said moved (`words`, "our expectations for … have increased") are of a
    period, as guidance is, or of guidance named: not where an expectation or an estimate is of
    a thing ("Our expectations for air freights has also increased", "Our cost estimates for
    these headwinds have increased")."""
    return _FOR_A_THING.search(words) is None or _GUIDANCE_SAID.search(words) is not None


# A forecast of a thing, not of a period: "expectations for air freights".
_FOR_A_THING = led(
    r"\b(?:expectations?|estimates?|forecasts?|projections?)\s++for\s++(?!(?:the\s++|this\s++|"
    r"next\s++)?(?:full[- ]|fiscal\s++|first\s++|second\s++|third\s++|fourth\s++)?(?:year|quarter|"
    r"half|period|remainder|balance|rest|(?:19|20)\d\d|fy|q[1-4]|fiscal)\b)",
    re.I,
)
_GUIDANCE_SAID = led(r"\b(?:guidance|outlook)\b", re.I)


def also_down(sentence: str, at: int) -> bool:
    """Whether the prior guidance said at `at` is a decline too ("… versus our prior view of
    been down mid-single digits"): a decline against a decline, its size decides."""
    return _ALSO_DOWN.match(sentence, at) is not None


def metric_of(words: str, *, first: bool = False) -> str:
    """The measure the guidance in `words` is of: its last one named (`first`: its first)."""
    named = list(re.finditer(METRIC, words, re.I))
    match = (named[0] if first else named[-1]) if named else None
    if match is None:
        return ""
    text = match.group().lower()
    for name in ("free cash flow", "eps", "earnings", "operating margin", "margin", "arr"):
        if name in text:
            return "EPS" if name in ("eps", "earnings") else name
    if re.search(r"capital[- ]spending|capital\s+expenditures|capex", text):
        return "capex"
    return "revenue" if re.search(r"revenue|sales", text) else text


# The guidance said moving by a figure: "our implied revenue guidance is increasing by
# approximately 30 million", "the annual guidance midpoint is increasing by $44 million", "Our
# revenue guidance increases to $2.1 billion" ("our outlook is increasing confidence" moves
# nothing).
MOVING = led(
    rf"\b{GUIDANCE_NOUN}(?:\s+mid-?point)?"
    # what it is for, said between: "projections for cash flow from the equipment operations"
    r"(?:\s+for(?:\s+[\w'’-]+){1,6}?"
    r"(?=\s+(?:also\s+)?(?:increased|rose|decreased|declined|fell)\b))?"
    r"\s+(?:(?:(?:is|are)\s+(?:now\s+)?"
    r"(?P<verb>(?P<up>increasing|rising)|decreasing|declining)|"
    r"(?P<ups>increases|rises)|decreases|declines)"
    r"\s+(?:by|to)\s+(?:a\s+range\s+of\s+)?(?:(?:approximately|about|roughly|nearly)\s+)?[$€£\d]|"
    # moved by an amount or to one: "Our operating profit outlook increased by $240 million",
    # "our outlook increased to $840 million"; or moved, then said anew: "Our projection for
    # the segment's operating margin also increased and is now estimated to be between" (these
    # two of guidance named so: guidance.py)
    r"(?:also\s+)?(?:(?P<rose>increased|rose)|decreased|declined|fell)\s+(?:by\s+"
    r"(?:approximately\s+|about\s+)?\$|(?P<to>to\s+(?:approximately\s+|about\s+)?[$€£\d]|"
    r"and\s+(?:is|are)\s+now\b)))",
    re.I,
)
