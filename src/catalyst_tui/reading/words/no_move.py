"""What looks like guidance moved or standing and is not (guidance.py asks each; a verb whose
object runs past another verb or a condition, "we increased volumes and are trending toward the
high end of our guidance range", is guidance.py's _FILLER's):

- a view, no guidance: an outlook said favourable, positive, constructive or cautious ("we
  maintain a favorable outlook for fiscal '22"), and a prior outlook of a market's growth said
  again where the sentence names no measure of the company's ("we expect 26% weighted average
  market growth for the year, reiterating our prior outlook");
- a result set against guidance: "costs of $3.19 per ounce, which was below our lower end of
  guidance";
- what guidance assumes: "Our 2022 guidance assumes that our capital structure will remain in
  place" (the structure stands, not the guidance), and what an assumption is set against
  ("have assumed that global industry production will be … lower than prior guidance");
- an outlook said to stay a view: "the long-term outlook continues to be very robust";
- guidance given later, by someone else or not at all ("when providing our initial annual
  outlook", "before KC provides our business outlook", "rather than providing a projection"),
  or a page's ("Slide 13 provides our outlook");
- what a result contributed to ("contributed to boosting our adjusted EBITDA margin to 20.5%");
- a view of years said after the verb's object ("raises our expectations on how sustainable
  these gains may be long-term"), not a long-term measure it is of;
- an emissions goal; a growth's own figure before the prior guidance ("up about 2% with the
  difference versus our prior guide")."""

from __future__ import annotations

import re

from ..leads import led
from ..wordlists import any_word
from .patterns import last_match
from .vocabulary import FORWARD

__all__ = [
    "assumed",
    "assumed_before",
    "emissions_goal",
    "forward_before",
    "given_later",
    "growth_figure_only",
    "led_to",
    "market_only",
    "result_against",
    "said_of_a_result",
    "slide_gives",
    "view_after",
    "view_said",
    "years_after",
]

_VIEW = led(
    r"\b(?:favou?rable|positive|constructive|cautious|optimistic|encouraging|bright|upbeat)\s+"
    r"(?:[\w-]+\s+)?outlook\b|"
    # the world's: "our industry outlooks for construction equipment" (not "our industry
    # outlook and our revenue guidance")
    r"\b(?:industry|market)\s+outlooks?\b(?!\s+and\b)|"
    # a programme's goal of savings, no guidance of the company's results: "increasing our AMP
    # run rate savings target to $125 million", "raising our synergy target"
    r"\b(?:savings|synerg(?:y|ies)|cost[- ]reduction)\s+targets?\b",
    re.I,
)
_VIEW_AFTER = led(
    r"\s*(?:(?:very|quite|extremely|really|so)\s+)?(?:robust|strong|positive|favou?rable|bright|"
    r"solid|healthy|good|great|attractive|constructive|challenging|uncertain|cautious|"
    r"encouraging|promising)\b",
    re.I,
)
# (or a case supposed: "assuming Vietnam increases from 10% to 20%, we would expect")
_ASSUMED_BEFORE = led(
    r"\bassum(?:e|es|ed|ing)\s+that\b|\bassuming\b(?=[^.;]{1,160}\bwould\b)", re.I
)
# A market's growth, its size ("our HBM market TAM estimate") or its builds ("the increased
# builds forecast"): the world's, whatever the company's view of it (not "as we pursue our $52
# billion addressable market").
_MARKET_GROWTH = led(
    r"\bmarket\s+(?:growth|size)\b|"
    r"\b(?:(?-i:TAM)|addressable\s+market|builds?|build\s+rates?)\s+"
    r"(?:estimate|forecast|outlook|view)s?\b|"
    # an industry's volumes: "our projection for commercial water heater industry volumes"
    r"\bindustry\s+(?:volumes?|shipments|units|demand|production)\b",
    re.I,
)
# A result said against guidance: "which was below our lower end of guidance", "came in above".
_RESULT = led(
    r"\b(?:was|were|came\s+in|ended|finished|landed|is|are)\s+(?:\w+\s+){0,2}?"
    r"(?:below|above|under|over|ahead\s+of|short\s+of|within|toward|towards|at)\s+$",
    re.I,
)
_ASSUMES = led(
    r"\b(?:assum|reflect|includ|contemplat|incorporat|presum)(?:e|es|ed|ing|s)?\s+(?:that\b)?",
    re.I,
)


# "increase" as a noun before "range": the range of a growth, no raise ("a cash same property
# increase range of 3.5% to 4.5%").
_INCREASE_RANGE = led(r"increase\s+range\b", re.I)


def view_said(words: str) -> bool:
    """Whether the outlook a verb acts on (`words`, the verb and its object) is said favourable
    or the like: a view ("we maintain a favorable outlook"), not "our positive outlook …, we
    raised our full year outlook"; or is a programme's savings target; or "increase" is a noun
    before "range"."""
    return _VIEW.search(words) is not None or _INCREASE_RANGE.match(words) is not None


def market_only(sentence: str, metric: str) -> bool:
    """Whether the outlook `sentence` speaks of is of a market's growth, with no measure of
    the company's (`metric`, "" for none) named."""
    return not metric and _MARKET_GROWTH.search(sentence) is not None


def view_after(sentence: str, end: int) -> bool:
    """Whether what an outlook is said to stay is a view ("the long-term outlook continues to
    be very robust"), not a figure or the guidance's standing."""
    return _VIEW_AFTER.match(sentence, end) is not None


def assumed_before(sentence: str, at: int) -> bool:
    """Whether the guidance named at `at` is set against an assumption said before it ("have
    assumed that global industry production will be roughly in line with 2020, lower than
    prior guidance"): what the company assumes of the world, not its guidance moved."""
    return _ASSUMED_BEFORE.search(sentence, 0, at) is not None


def result_against(sentence: str, at: int) -> bool:
    """Whether the guidance named at `at` is what a result is set against."""
    return _RESULT.search(sentence, max(0, at - 60), at) is not None


def assumed(words: str) -> bool:
    """Whether a stand is of what the guidance assumes ("guidance assumes that X will remain")."""
    return _ASSUMES.search(words) is not None


# A time ahead a verb of giving is said in, or another's: "… when providing our outlook",
# "before KC provides", "rather than providing".
_WHEN = led(
    r"\b(?:(?i:when|once|until|before)\s+(?:[A-Z][\w.]*\s+){0,2}|(?i:rather\s+than|instead\s+of)\s+)$"
)
# A verb of giving joined to one said ahead: "Shashank will review our results … and offer our
# outlook for 2021".
_WILL_AND = led(
    r"\b(?:will|look(?:ing)?\s+forward\s+to)\s+[^,;.]{0,100}?\band\s+$", re.I
)  # "We look forward to reporting … results and issuing 2022 guidance in February"
# What a result is said to have done: "contributed to boosting our margin to 20.5%".
_LED_TO = led(
    r"\b(?:contributed\s+to|helped(?:\s+to)?|led\s+to|resulted\s+in)\s+$|"
    # or what an act is for: "we invest to increase the growth outlook"
    r"\b(?:invest(?:s|ed|ing)?|work(?:s|ed|ing)?|striv(?:e|es|ing)|aim(?:s|ed|ing)?)\s+"
    r"(?:[\w-]+\s+){0,3}?to\s+$",
    re.I,
)
_YEARS = led(r"\blong(?:er)?[- ]term\b|\bmulti[- ]year\b", re.I)
# A growth compounded over years said after a verb's object, and how far it is looked for.
_A_CAGR = led(r"\b(?:cagr|compound(?:ed)?\s+annual(?:\s+growth)?(?:\s+rate)?)\b", re.I)
_CAGR_REACH = 160
# Years said as what the guidance is of: "reaffirming our projection of long-term earnings growth".
_OF_YEARS = led(r"^\s*(?:of|for)\s+(?:our\s+|the\s+)?long(?:er)?[- ]term\b", re.I)
# A page that shows an outlook: "The right hand side of this slide, Slide 13, provides".
_SLIDE = any_word("slides? pages? charts? tables? appendix exhibits?")
_SPEAKER = any_word("we i we're we've we'll")
# A goal of emissions: "reduce our greenhouse gas emissions by at least 50% by 2030, … a five
# year pull ahead of our original target".
_EMISSIONS = any_word("emissions greenhouse carbon net-zero")
# A growth's own figure after its word: "up about 2%" is what is forecast, no move of guidance.
_GROWTH_FIGURE = led(
    r"(?:up|higher|increased?)\s+(?:by\s+)?(?:about\s+|approximately\s+|roughly\s+|nearly\s+)?"
    r"\d[\d.]*\s?%",
    re.I,
)
_MOVE_WORD = any_word("improvement increase raise higher above")


def given_later(sentence: str, verb: int) -> bool:
    """Whether the verb of giving at `verb` is said of a time ahead or of someone else."""
    return (
        _WHEN.search(sentence, max(0, verb - 40), verb) is not None
        or _WILL_AND.search(sentence, max(0, verb - 120), verb) is not None
    )


def led_to(sentence: str, verb: int) -> bool:
    """Whether the verb at `verb` is what a result contributed to, or what an act is for."""
    return _LED_TO.search(sentence, max(0, verb - 60), verb) is not None


def years_after(sentence: str, end: int, *, moved: bool = False) -> bool:
    """Whether the words after a verb's object (to the next comma, semicolon, full stop or
    "and") say a view of years, not a long-term measure the object is of; for a move of it
    (`moved`), a growth compounded over years said further on too."""
    if moved and _A_CAGR.search(sentence, end, end + _CAGR_REACH):
        return True  # "raised our forecast for the revenue growth from AI accelerator to
        # approach a mid- to high 50s percent CAGR for the 5 years period": a view of years
    window = sentence[end : end + 80]
    ends = [i for i in (window.find(c) for c in (",", ";", ".", " and ")) if i >= 0]
    own = window[: min(ends)] if ends else window
    return _YEARS.search(own) is not None and _OF_YEARS.search(own) is None


def slide_gives(sentence: str, verb: int) -> bool:
    """Whether the verb at `verb` is a page's ("Slide 13 provides our outlook"), not the
    company's ("Turning to Slide 10, we are initiating guidance")."""
    page = last_match(_SLIDE, sentence[max(0, verb - 60) : verb])
    if page is None:
        return False
    return _SPEAKER.search(sentence, max(0, verb - 60) + page.end(), verb) is None


def emissions_goal(sentence: str) -> bool:
    """Whether `sentence` speaks of an emissions goal: no guidance of the business's figures."""
    return _EMISSIONS.search(sentence) is not None


def growth_figure_only(said: str) -> bool:
    """Whether words said against the prior guidance open with a growth's own figure and say
    no move after it ("up about 2% with the difference versus our prior guide")."""
    figure = _GROWTH_FIGURE.match(said)
    return figure is not None and _MOVE_WORD.search(said, figure.end()) is None


def said_of_a_result(words: str) -> bool:
    """Whether `words` (the guidance matched) open by setting a figure against the prior view,
    a result's as often as a forecast's ("ahead of our initial expectations", "exceeding")."""
    return _SAID_OF_A_RESULT.match(words) is not None


def forward_before(sentence: str, at: int, words: str) -> bool:
    """Whether words of the future stand before `at`: in the sentence, or, where `words` (the
    guidance matched) are said of a result, in the clause `at` stands in ("We expect X …, and
    we see Y exceeding our initial expectations": Y's result, no forecast)."""
    since = 0
    if said_of_a_result(words):
        since = max(sentence.rfind(", and ", 0, at), sentence.rfind(";", 0, at), 0)
    return FORWARD.search(sentence, since, at) is not None


# Words that set a figure against the prior view, a result's as often as a forecast's: "ahead
# of our initial expectations", "in excess of", "a better … than", "exceeding".
_SAID_OF_A_RESULT = led(r"(?:an?\s+)?(?:ahead|in\s+excess|better|exceeding)\b", re.I)
