"""Where a clause's words that bar or mark its figures stand (figures.py reads by them): a
hedge or a negation before a figure, growth rates of several years added up, the words of the
future and their scope, a word of customers, a part set aside, the period the clause names."""

from __future__ import annotations

import re

from ..leads import led
from .against_expected import SAID as AGAINST_EXPECTED
from .blocked import COURTESY
from .outside import CUSTOMER, EXCLUDED_PART, MARKET_CUSTOMERS
from .vocabulary import FORWARD, HEDGES, NEGATION, STACKED, TALK_TO_COME


class Marks:
    """Where a clause's words that bar or mark its figures first stand, each looked for once:
    a figure after a hedge, a negation (anywhere before it in its sentence), the words of the
    future or a word of customers is read so (linear in the clause, however many figures)."""

    def __init__(self, sentence: str, at: int, text: str) -> None:
        self.text = text
        talk = _DISCOURSE.sub(lambda m: " " * len(m.group()), text)
        self.hedge = _first(HEDGES, talk)
        # a hedge of habit ("which typically represents 40% of revenue") hedges no share
        self.habit = self.hedge if _HABIT.match(talk, max(self.hedge, 0)) else _NEVER
        left_out = _WITHOUT_FRAME.match(sentence)  # "Without these acquisitions, sales were"
        negation = NEGATION.search(sentence, left_out.end() if left_out else 0, at + len(text))
        self.negation = negation.start() - at if negation else _NEVER
        stacked = STACKED.search(sentence, 0, at + len(text))  # its frame scopes the sentence
        self.hedge = min(self.hedge, stacked.start() - at if stacked else _NEVER)
        # "above our outlook", "Martin will go through the details": no forecast
        self.forward = _first(FORWARD, _TALK.sub(_blank, AGAINST_EXPECTED.sub(_blank, text)))
        self.customers = _first(CUSTOMER, _CUSTOMER_SEGMENT.sub(_blank, text))
        # a part left out, so the rest: "Outside the U.S., revenue grew 6%"; an item left out
        # ("Excluding Verizon Media, total revenue grew 5.5%") is a measure of the company's
        excluded = EXCLUDED_PART.search(text)
        self.excluded = excluded is not None and not excluded.group().lower().startswith("ex")
        period = _PERIOD.search(text)
        self.period = period.group() if period else ""

    def forecast(self, text: str, at: int) -> bool:
        """Said after the words of the future, and not in a relative clause of what was ("we
        expect a mild impact to software, which accounted for 11% of revenue in 2019")."""
        if _FORECAST_NOUN.match(text, at):
            return True  # "Our 10% growth rate projection includes …"
        if self.forward >= at or _WHAT_WAS.search(text, self.forward, at):
            return False
        opened = _RELATIVE_OPEN.search(text, 0, self.forward)
        return not (opened and "," in text[self.forward : at])  # ", which Rob will detail,"

    def hedged(self, at: int, share: bool = False) -> bool:
        """Whether a hedge or a negation stands before the figure at `at`, or a goal after it;
        a share is told by habit ("historically", "typically") as it is."""
        hedge = _NEVER if share and self.habit == self.hedge else self.hedge
        opened = _WHICH_IS.search(self.text, max(0, at - 80), at) if share else None
        if opened is not None:  # "we did not anticipate recovery in X, which is roughly 50% of
            # our revenue": the relative clause says what is, whatever its sentence hedges
            hedged = opened.start() <= hedge < at or opened.start() <= self.negation < at
            return hedged or _GOAL_NOUN.match(self.text, at) is not None
        return hedge < at or self.negation < at or _GOAL_NOUN.match(self.text, at) is not None

    def customers_in(self, local: str) -> bool:
        return CUSTOMER.search(_CUSTOMER_SEGMENT.sub(_blank, local)) is not None


_NEVER = 1 << 30
# A share said in a relative clause set off by its comma, right before its figure.
_WHICH_IS = led(
    r",\s*which\s+(?:now\s+|today\s+|still\s+)?(?:is|are|was|were|represents?|represented|"
    r"accounts?\s+for|accounted\s+for|makes?\s+up|made\s+up|comprises?|comprised)\s+"
    r"(?:(?:only|just|roughly|about|approximately|around|nearly|almost|over|under|more\s+than|"
    r"less\s+than)\s+)*$",
    re.I,
)
_TALK = led(TALK_TO_COME, re.I)
_HABIT = led(r"historically|typically|traditionally", re.I)
# A frame that leaves something out, opening a sentence: it negates nothing of the clause after
# it ("Without these acquisitions, organic sales were down 11%"); nor does a frame of what was
# to be expected ("Not surprisingly, sales were down 47%").
_WITHOUT_FRAME = led(
    r"\s*(?:(?:and|but|so)\s+)?(?:without\s+[^,;]{1,80}|not\s+(?:surprising(?:ly)?|unexpectedly)),",
    re.I,
)
# A figure that qualifies a noun of the future: "a 10% growth rate projection", "our 5% growth
# target".
_FORECAST_NOUN = led(
    r"(?<![\d.,])[\d.,]*+\s*(?:%|percent)\s+(?:[\w-]+\s+){0,3}?(?:projections?|forecasts?|estimates?|"
    r"expectations?|assumptions?|outlooks?|guidance|guide)\b",
    re.I,
)
# A figure that qualifies a goal: "the 20% growth target", "a 10% organic growth goal", no
# figure of what happened nor a forecast.
_GOAL_NOUN = led(
    r"(?<![\d.,])[\d.,]*+\s*(?:%|percent)\s+(?:[\w-]+\s+){0,3}?(?:targets?|goals?|objectives?|ambitions?|aspirations?)\b",
    re.I,
)
# Customers named as a market, a place or a part, not as a customer: "customer segments", "sales
# to transportation customers", "sales to customers outside the U.S.", "the Client segment".
_CUSTOMER_SEGMENT = led(
    rf"(?i:customer\s+segments?)|\b(?i:sales|revenues?)\s+to\s+{MARKET_CUSTOMERS}\b|"
    # a part named so: "PC Client group", "the Client segment"
    r"\bClient\s+(?i:segment|group|business|division|computing)\b|"
    r"\b(?i:sales|revenues?)\s+to\s+(?i:our\s+)?customers(?=\s+(?i:(?:based\s+)?in|outside)\s)"
)
_PERIOD = led(
    r"\b(?:(?:the\s+)?(?:first|second|third|fourth)\s+quarter|Q[1-4]|(?:the\s+)?full[- ]year|"
    r"(?:fiscal\s+)?(?:19|20)\d\d)\b",
    re.I,
)


def _first(pattern: re.Pattern[str], text: str) -> int:
    found = pattern.search(text)
    return found.start() if found else _NEVER


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


# A relative clause in the past: what it says was, whatever is expected of the rest.
_WHAT_WAS = led(
    r",\s*(?:which|that|who)\s+(?:\w+ly\s+)?(?:accounted|generated|represented|comprised|"
    r"made\s+up|was|were|grew|increased|declined|rose|fell|contributed|delivered)\b[^,]*$",
    re.I,
)
# A relative clause set off by commas that the words of the future stand in: their scope.
_RELATIVE_OPEN = led(
    r"(?:^|,)\s*(?:and\s+)?(?:which|who|as|while|although|though|whereas)\b[^,]*$", re.I
)
# Words of talk, no condition: "if you look at it", "if you think about it", "if we look at
# our results by product category", "If I just look at a couple of highlights"; the speaker's
# courtesy (COURTESY).
_DISCOURSE = led(
    r"\bif\s+(?:you\s+(?:look|think|compare|go|step\s+back)|"
    r"(?:we|I)\s+(?:just\s+)?look\s+at\s+(?:our|the|a\s+couple\s+of)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:results|performance|business|highlights))\b[^,;]{0,40}|" + COURTESY.pattern,
    re.I,
)
