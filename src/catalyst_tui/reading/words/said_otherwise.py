"""Guidance moved or standing, said with no verb of the company's: a noun of the change ("our
guidance raise", "an increase in our net sales guidance", "a positive update to our
guidance", "this raise"), a forecast now set against the initial outlook ("now estimated to
be $5.975 billion or $175 million above our initial outlook"), guidance said unchanged with no
determiner ("Capex guidance is also unchanged"), said not to change ("We are not adjusting
guidance") or a forecast to remain at a figure ("expected to remain in the range of …");
guidance said higher or lower ("this higher guidance") is said_against.py's. guidance.py reads
whether the clause is negated, hedged or someone else's."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..leads import led
from ..wordlists import word_set
from .patterns import GUIDANCE_NOUN as NOUN
from .prior import future_said
from .vocabulary import FORWARD

_OF = r"(?:guidance|outlook|forecasts?|estimates?|guide)"
# "an increase to our expectations for operating income": expectations are a forecast here
_OF_ALL = rf"(?:{_OF}|expectations?)"
# Guidance named by what was done to it: "our improved earnings and cash flow guidance for 2021".
_DONE_TO = led(
    r"\b(?:our|the)\s+(?:(?P<word>raised|increased|lowered|reduced)\s+(?:[\w&'’-]+\s+){0,5}?"
    r"(?:guidance|outlook|forecasts?)|(?P<way>improved)\s+(?:[\w&'’-]+\s+){0,5}?guidance)\b",
    re.I,
)
_RAISED = word_set(
    """raise increase improvement upgrade lift higher positive upward above over up favorable
    favourable improved raised increased"""
)
# A noun of the change after the guidance: "our guidance raise is broad-based", "this
# guidance increase reflects".
_NOUN_AFTER = led(
    r"\b(?:this|our|the)\s+(?:[\w-]+\s+){0,3}?(?:guidance|outlook)\s+"
    r"(?P<word>raise|increase|reduction|cut|decrease)\b",
    re.I,
)
# A noun of the change before it: "an increase in beer operating income guidance", "an $0.80
# improvement in our earnings per share guidance", "a positive update to our guidance".
_NOUN_BEFORE = led(
    r"\b(?:an?|the|this|our)\s+(?:(?:first|second|third|fourth|fifth)\s+)?"
    r"(?:\$?\d[\d.,]*%?\s+)?(?:(?:meaningful|significant|substantial|further|modest|slight|small)\s+)?"
    r"(?P<word>increase|raise|improvement|upgrade|lift|"
    r"reduction|decrease|cut)\s+(?:in|to|of)\s+(?:our\s+)?"
    # the measures it is of, no phrase of another nor the world's ("an increase in elective
    # procedures above our previous forecast", "an increase in activity forecast", "a 30% increase
    # in line with our expectations", "our increase in year-over-year fiscal 2019 guidance")
    r"(?:(?!(?:in|of|with|due|because|above|below|ahead|versus|than|from|activity|demand|"
    r"markets?|industry|year-over-year)\b)"
    r"[\w'’-]+\s+){0,7}?" + _OF_ALL + r"\b"
    r"|\b(?P<way>positive|upward|downward|favou?rable|unfavou?rable)\s+"
    r"(?:update|revision|adjustment)s?\s+to\s+"
    r"(?:our|the)\s+(?:[\w-]+\s+){0,3}?(?:guidance|outlook|forecast|expectations?)\b",
    re.I,
)
# A forecast set against the initial outlook: "$175 million above our initial outlook", "up
# about $75 million over our initial outlook".
_INITIAL = led(
    r"(?:\b(?P<word>above|below)|\b(?P<way>up|down)\b[^.;%]{0,30}?\b(?:from|over|versus))\s+"
    r"(?:our|the)\s+(?:initial|original)\s+(?:outlook|guidance|forecast|guide|expectations?)\b",
    re.I,
)
# Guidance said unchanged, with no determiner: "Capex guidance is also unchanged", "Guidance
# for the remainder of the P&L items remains materially unchanged", "Our guidance for
# operating expenses hasn't changed", "full-year margin guidance … is not changing"; an
# outlook or a forecast of ours so; a forecast then said unchanged.
_UNCHANGED = led(
    # guidance, or an outlook or a forecast of ours not of a market ("Our operating margin
    # outlook has not changed"; not "our outlook for the market", "our big picture outlook")
    r"(?:(?<!\bunderlying\sour\s)(?<!\bbehind\sour\s)(?<!\bsupporting\sour\s)\bguidance\b|"
    r"\bour\s+(?!big\s+picture\b|long(?:er)?[- ]term\b)(?:[\w-]+\s+){0,3}?"
    r"(?:outlook|forecast)\b"
    r"(?![^.;,]{0,60}?\b(?:markets?|industry|economy|economic|demand|environment|macro|"
    r"long(?:er)?[- ]term)\b))"
    r"[^.;,]{0,60}?\b(?:(?:is|are|remains?)\s+(?:also\s+)?(?:(?:materially|really|essentially|"
    r"largely)\s+)?(?:unchanged|intact)|(?:has|have)(?:n['’]t|\s+not)\s+changed|(?:is|are)\s+not\s+changing)\b|"
    # guidance named by a frame, then said unchanged by its pronoun: "On the guidance, it
    # hasn't changed"
    r"(?<![\w-])(?:on|regarding|as\s+(?:for|to)|in\s+terms\s+of|with\s+(?:respect|regard)\s+to)"
    r"\s+(?:the|our)\s+(?:[\w-]+\s+){0,3}?(?:guidance|outlook|forecast)\s*,\s*(?:it|that)\s+"
    r"(?:(?:is|remains)\s+(?:(?:really|essentially|largely)\s+)?(?:unchanged|intact)|"
    r"has(?:n['’]t|\s+not)\s+changed|is\s+not\s+changing)\b|"
    # a forecast said, then unchanged: "We expect 2015 EBITDA to be in the range of $280 million
    # to $290 million, which is also unchanged"
    r"\b(?:we|i)\s+(?:now\s+|still\s+)?(?:expect|forecast|anticipate|project)\s+[^.;]{1,120}?,"
    r"\s+which\s+(?:is|are)\s+(?:also\s+)?unchanged\b",
    re.I,
)
# The noun "raise" alone, said of what the call has raised: "This is our third consecutive
# raise this year", "the bulk of this raise is organic", "the $1.5 billion raise". A raise of
# money ("our second raise in the preferred market", "to raise capital") is none.
_RAISE = led(
    r"\b(?:this|the|our|that|consecutive|strong|(?:first|second|third|fourth)[- ]quarter|"
    r"\$\d[\d.,]*\s*(?:million|billion))\s+raise\b(?!\s+(?:in|of|from|through)\b)",
    re.I,
)
_MONEY = led(
    r"\b(?:capital|equity|debt|preferred|notes?|offerings?|financing|issuances?|money|funds?|"
    r"prices?|pricing|wages?|dividends?|rates?)\b",
    re.I,
)
# Guidance said not to change, with the company's negation: "We are not adjusting guidance",
# "we do not expect any material change in our outlook" ("guidance … is not changing" is
# _UNCHANGED's).
_NOT_CHANGED = led(
    r"\b(?:(?:are|is|am)\s+not|aren['’]t|isn['’]t)\s+(?:adjusting|changing|updating|revising|"
    r"altering)\s+(?:our\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,4}?(?:guidance|outlook)\b|"
    r"\b(?:do|does|did)\s+not\s+(?:expect|anticipate|see)\s+(?:any\s+)?(?:material\s+|"
    r"significant\s+)?changes?\s+(?:in|to)\s+(?:our|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:guidance|outlook)\b",
    re.I,
)
# A forecast said to stay where it was: "Adjusted revenues are expected to remain in the range
# of …", "We forecast free cash flow to remain between $2.2 billion and $2.3 billion".
_TO_REMAIN = led(
    r"(?:\b(?:expected|forecast(?:ed)?|anticipated|projected|estimated)|"
    r"\b(?:we|i)\s+(?:now\s+|still\s+|continue\s+to\s+)?(?:expect|forecast|anticipate|project|"
    r"estimate)\s+(?:[\w'’-]+\s+){1,6}?)\s*to\s+remain\s+(?:at|in\s+the\s+range\s+of|between|"
    r"approximately|about|around)\s+(?:approximately\s+|about\s+)?[$€£]?\d",
    re.I,
)
# The company's forecast of a measure set against what it expected before, said as a participle:
# "We're also forecasting our capex spend for the year to be lower than initially anticipated".
_THAN_EXPECTED = led(
    r"\b(?:forecast(?:ing)?|expect(?:ing)?|anticipat(?:e|ing)|project(?:ing)?)\s+(?:our\s+)?"
    r"(?:[\w-]+\s+){1,6}?to\s+be\s+(?:\w+\s+)?(?P<word>lower|higher|less|more)\s+than\s+"
    r"(?:initially|originally|previously)\s+(?:anticipated|expected|planned|forecast(?:ed)?|"
    r"projected|guided)\b",
    re.I,
)
# A year's results the guided figure is set against: the change is the year's, not the
# guidance's.
_OVER_A_YEAR = led(
    r"[^.;]{0,40}?\b(?:over|versus|vs\.?|compared\s+(?:to|with)|from)\s+(?:the\s+)?"
    r"(?:last|prior|previous)\s+year\b",
    re.I,
)
# Guidance said changed: what it is said to be is the change's ("our revised guidance for
# the other items is unchanged"; not "our forecast for new equipment sales has not changed").
_CHANGED = led(
    r"\b(?:revised|updated)\b|\bnew\s+(?:[\w-]+\s+){0,2}?(?:guidance|outlook|forecast)\b", re.I
)


# Each pattern of a change said of the guidance, and the words one of which each of its
# matches holds (lowered; "crease" of "increase" and "decrease"): it is looked for only where
# one stands (the three: 17 ms to 7 ms over bench/words.py's 10,000 sentences).
_KEYED = (
    (_NOUN_AFTER, ("raise", "crease", "reduction", "cut")),
    (
        _NOUN_BEFORE,
        ("crease", "raise", "improvement", "upgrade", "reduction", "cut", "update", "revision")
        + ("adjustment", "lift"),
    ),
    (_DONE_TO, ("raised", "creased", "lowered", "reduced", "improved")),
)


def said_otherwise(sentence: str) -> Iterator[tuple[int, int, str]]:
    """Each (start, end, direction) of guidance `sentence` says moved or standing with no verb
    of the company's."""
    low = sentence.lower()
    plain = sentence.isascii()  # lowered as a search ignoring case reads it: no "ſ", "İ"
    for pattern, words in _KEYED:
        if plain and not any(map(low.__contains__, words)):
            continue  # no word of the change: most guidance names none
        for match in pattern.finditer(sentence):
            if _OVER_A_YEAR.match(sentence, match.end()):
                continue  # "a 28% increase in EPS guidance at the midpoint over last year"
            word = (match["word"] or match.groupdict().get("way") or "").lower()
            yield match.start(), match.end(), "raised" if word in _RAISED else "cut"
    if "raise" in low and not _MONEY.search(sentence):
        for match in _RAISE.finditer(sentence):
            yield match.start(), match.end(), "raised"
    if "initial" in low or "original" in low:
        for match in _INITIAL.finditer(sentence):
            if FORWARD.search(sentence, 0, match.start()) or future_said(sentence, match.start()):
                word = (match["word"] or match["way"]).lower()
                yield match.start(), match.end(), "raised" if word in _RAISED else "cut"
    if " not " in low or "n't" in low or "n’t" in low:
        for match in _NOT_CHANGED.finditer(sentence):
            yield match.start(), match.end(), "reiterated"
    if "remain" in low:
        for match in _TO_REMAIN.finditer(sentence):
            yield match.start(), match.end(), "reiterated"
    if "than" in low:
        for match in _THAN_EXPECTED.finditer(sentence):
            up = match["word"].lower() in ("higher", "more")
            yield match.start(), match.end(), "raised" if up else "cut"
    if "chang" in low or "intact" in low:
        for match in _UNCHANGED.finditer(sentence):
            if not _CHANGED.search(sentence, max(0, match.start() - 20), match.end()):
                yield match.start(), match.end(), "reiterated"
    opening = _NOUN_OPENS.match(sentence) if "unchanged" in low or "remain" in low else None
    if opening is not None:
        yield opening.start(), opening.end(), "reiterated"
    if "no longer" in low:
        for match in _NO_LONGER.finditer(sentence):
            yield match.start(), match.end(), "withdrawn"


# Guidance said to hold no more: "that guidance is no longer valid" (withdrawn).
_NO_LONGER = led(
    r"\b(?:guidance|outlook|forecast|guide)\s+(?:is|are)\s+no\s+longer\s+"
    r"(?:valid|applicable|operative|in\s+effect)\b(?=\s*+(?:[,.;]|$|based\b|given\b|because\b))",
    re.I,
)
# Guidance named first in its sentence, said standing: "Outlook for full-year free cash flow
# conversion is unchanged at 65% to 75%", "Capex guidance remains at $170 million" (tried at the
# sentence's start only; "our guidance remains unchanged" is said_against.STANDS's).
_NOUN_OPENS = re.compile(
    r"(?!(?:we|i|you|they|it|our|the|its|their|this|that|these|those|an?)\b)(?:[\w'’-]+\s+){0,2}?"
    + NOUN
    + r"\b(?:[^.;,]|(?<=\d)\.(?=\d)){0,90}?"
    r"\b(?:remains?\s+(?:unchanged|intact|the\s+same|in\s+place|at|between|approximately|about|"
    r"around)|(?:is|are)\s+(?:still\s+)?(?:unchanged|intact))\b",
    re.I,
)
