"""Whether a direction of guidance read in a sentence is barred (guidance.py asks it of each):
negated or hedged in its clause ("not providing guidance", "we may raise"), a habit ("our
practice has been to … maintain"), an adjective and no act ("a lower outlook"), someone else's
("customers are raising their forecasts"), a forecast of a measure ("we see revenue increasing
to …"), an assumption of the share count moved, or of something that is no guidance (a
dividend, prices, the market's or the economy's outlook)."""

from __future__ import annotations

import re

from ..leads import led
from ..wordlists import any_word
from .vocabulary import REACH

__all__ = ["COURTESY", "ELSE", "HEDGED", "NEGATED", "OTHERS_DO", "barred", "else_said", "hedged"]

NEGATED = any_word(
    "not cannot never no n[o']t without too_early unable declin(?:e|ed|ing)_to as_opposed_to "
    "rather_than instead_of",
    also=r"n[’']t\b",
)
# A negation that ends the words before an aside: "we cannot, at this point, …".
_NOT_YET = led(
    r"\b(?:cannot|can['’]t|won['’]t|(?:will|do|did|can)\s+not|don['’]t|didn['’]t)\s*$", re.I
)
HEDGED = any_word("would could might may if unless plan_to whether should_have")
# The speaker's courtesy, no hedge of what is said: "I would also note that revenue was up
# 13%", "we'd like to highlight", "I would point out that we are lowering our outlook"; nor is
# a wish to say it ("We want to emphasize that …"). A wish to act hedges the act ("we want to
# establish a set of guidance": _WANTED).
COURTESY = led(
    r"\b(?:I|we)\s*(?:would|['’]d)\s+(?:(?:also|just|again|first|further)\s+)?"
    r"(?:say|note|add|point\s+out|mention|remind|highlight|call\s+out|like\s+to|reiterate|"
    r"characterize|describe|emphasize|stress)\b|"
    # "We want to emphasize that …": a wish only to say it
    r"\b(?:I|we)\s+(?:just\s+|also\s+)?want(?:ed)?\s+to\s+(?:(?:also|just|again|first)\s+)?"
    r"(?:say|note|add|point\s+out|mention|remind|highlight|call\s+out|reiterate|emphasize|stress)\b",
    re.I,
)
# A wish right before the act of guidance, and an act that is done in saying it.
_WANTED = led(r"\bwant(?:s|ed)?\s+to\s+$", re.I)
_SAID_AGAIN = led(r"(?:reiterat|reaffirm|confirm|restat)", re.I)
# How guidance is set: its philosophy, approach, methodology.
_HOW = r"(?:philosophy|approach|practice|methodology|process|policy|framework)\b"
_HOW_AFTER = led(r"\s++" + _HOW, re.I)
ELSE = led(
    # (not the measure guidance is given for: "our guidance for wage inflation remains")
    r"(?<!\bguidance\sfor\s)(?<!\boutlook\sfor\s)"
    r"\b(?:dividend|dividends|rating|prices?|headcount|stake|wages?)\b|"
    # how guidance is set, not what it says: "our guidance philosophy overall remains unchanged"
    r"\b(?:guidance|outlook)\s+" + _HOW + "|"
    # a buyback is no guidance, save where guidance of it is named: "stock repurchase guidance"
    r"\b(?:buybacks?|repurchases?)\b(?!\s+(?:guidance|outlook)\b)|"
    r"\b[A-Z][\w&.-]*['’]s\s+(?:\w+\s+){0,2}outlook|outlook\s+for\s+(?:demand|the\s+market|"
    r"the\s+industry|the\s+economy)|"
    r"\b(?:expectations?|outlook|estimates?|view)\s+(?:for|of|that|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:markets?|industry|demand|economy|deal|transaction|acquisition|merger|clos(?:e|ing)|"
    r"impacts?|losses|resources?|reserves?)\b|"
    # someone's view of the world, not the company's numbers: "we lowered our economic outlook"
    r"\b(?:economic|macro(?:economic)?|industry|market|category|gdp|demand)\s+(?:outlook|forecasts?|"
    r"expectations?|projections?)\b|"
    # an estimate of what lies in the ground: "our reserve estimates"
    r"\b(?:reserves?|resources?)\s+estimates?\b|"
    # a habit of meeting it kept: "maintaining the trend of meeting or exceeding the midpoint of
    # our guidance"
    r"\b(?:trend|streak|track\s+record|pattern|history)\s+of\b",
    re.I,
)
# The one spoken to as the doer, right before the verb: "You raised", "you guys have lowered".
_YOU_DID = led(r"\byou(?:['’]ve|\s+(?:guys|all))?(?:\s+(?:have|had|just|also))*\s*$", re.I)
# Someone else moving their numbers: analysts, the Street, customers, a rating agency.
OTHERS_DO = led(
    r"\b(?:analysts?|consensus|street|customers?|competitors?|peers?|investors?|agenc(?:y|ies)|"
    r"moody['’]?s|fitch|economists?|community|third[- ]part(?:y|ies))\b",
    re.I,
)


def hedged(lead: str) -> bool:
    """Whether the words before a direction hedge it; the speaker's courtesy ("I would point
    out that we are lowering") hedges nothing."""
    return HEDGED.search(COURTESY.sub(" ", lead)) is not None


def barred(sentence: str, at: int, until: int, *, verb: bool = True) -> bool:
    """Whether the direction at `at` is negated or hedged in its clause, or about someone
    else's outlook or something that is no guidance."""
    clause_start = max(sentence.rfind(c, 0, at) for c in ",;:") + 1
    lead = sentence[clause_start:at]
    if _WANTED.search(lead) and not _SAID_AGAIN.match(sentence, at):
        return True  # "we want to establish a set of guidance": wished, not done (not "I want
        # to reiterate our expectations": said in wanting to)
    if NEGATED.search(lead) or hedged(lead) or _PRACTICE.search(lead):
        return True  # "our practice has been to provide a forecast and maintain it": a habit
    aside = max(sentence.rfind(c, 0, clause_start - 1) for c in ",;:") if clause_start else -1
    if not lead.strip() and aside >= 0 and _NOT_YET.search(sentence, 0, aside):
        return True  # "we cannot, at this point of the year, increase the guidance": the words
        # before an aside just before it
    if _YOU_DID.search(lead):
        return True  # "You raised the 2025 forecast a bit": the listener's act, an analyst says
    if _TALKED_OF.search(sentence, 0, at) or (verb and _ANOTHER_CLAUSE.search(sentence, at, until)):
        return True  # "the question on … lowering the outlook"; "reduced shipments, we estimate"
    if verb and re.match(r"lower\s", sentence[at:]) and not _ACTS.search(lead):
        return True  # "due to lower volume expectations": an adjective, no act
    # "a lower outlook", "the company's reaffirmed guidance": an adjective, no act; "our
    # increased guidance" is ours, moved
    if (
        verb
        and re.search(
            r"(?:\b(?:a|an|the|our|its|their|due\s+to|because\s+of|given|amid)|['’]s)\s*$",
            lead,
            re.I,
        )  # "due to reduced revenue expectations": a cause, no act
        and not (lead.rstrip().lower().endswith("our") and _DONE.match(sentence, at))
        and not _NOUN_OF_ACT.match(sentence, at)  # "an adjustment to", "the reaffirmation of": acts
    ):
        return True
    if verb and (_OTHERS.search(sentence[at:until]) or OTHERS_DO.search(lead)):
        return True  # "customers are raising their forecasts": someone else's
    if verb and _MEASURE_DOES.search(lead):
        return True  # "we see revenue increasing to a range of ...": a forecast of revenue
    counted = _COUNT_ASSUMED.search(sentence, max(0, at - REACH), at)
    if counted is not None and not _MONEY_SAID.search(sentence, counted.end(), at):
        return True  # "153 million shares outstanding, one million reduction from our prior
        # guidance": an assumption of the share count moved, no guidance
    # the words just before the noun are its own: "GDP forecasts have been revised upwards"
    return ELSE.search(sentence[max(clause_start, at - 16) : until + 40]) is not None


_OTHERS = led(r"\b(?:their|his|her|your)\b", re.I)
# A move talked of, not made: a question about it, a choice between moves, what each month or
# point would move ("for each month the emergency has extended, it increases our outlook").
_TALKED_OF = led(
    r"\bquestions?\s+(?:on|about|of|regarding|around)\b|\bdifference\s+between\b|"
    r"\bfor\s+(?:each|every)\s+(?:additional\s+)?(?:month|quarter|week|day|year|point|percentage|"
    r"\$|1%|one)",
    re.I,
)
# A verb's object that runs into another clause's subject: "reduced shipments, we estimate".
_ANOTHER_CLAUSE = led(r",\s*(?:we|i|they|it)\s", re.I)
# What a company does as a rule, no act of this call: "our practice has been to … maintain".
_PRACTICE = led(
    r"\b(?:practice|policy|custom|habit)\s+(?:has\s+been|had\s+been|is|was)\s+to\b", re.I
)
# An outlook's assumption of a count of shares, and the money or measures of guidance.
_COUNT_ASSUMED = led(r"\bshares?\s+outstanding\b|\bshare\s+count\b|\bdiluted\s+shares\b", re.I)
_MONEY_SAID = led(r"[$€£]|\b(?:revenues?|sales|eps|earnings|income|ebitda|margin)\b", re.I)
_ACTS = led(
    r"\b(?:we|(?<!due\s)(?<!owing\s)(?<!thanks\s)to|will|must|and|also|i)\s*$|['’]ll\s*$", re.I
)
_NOUN_OF_ACT = led(
    r"[a-z]+(?:ment|ion)s?\s+(?:to|of)\b|increase\s+(?:in|to)\s+(?:our|its|the)\s+"
    r"(?:[\w$.-]+\s+){0,5}?(?:guidance|outlook|forecasts?|guide|projections|prior\s+range)\b"
    # "our lowering of our revenue outlook": the act, its guidance right after
    r"|[a-z]+ing\s+of\s+(?:our|its|the)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:guidance|outlook|forecast|guide|expectations)\b",
    re.I,
)
_DONE = led(r"[a-z]+ed\b", re.I)  # a verb's past participle: "our raised outlook"
# A measure right before the verb is what moves, not the guidance.
_MEASURE_DOES = led(
    r"\b(?:revenues?|sales|margins?|earnings|eps|income|demand|prices?|costs?|bookings|"
    r"orders)\s+(?:(?:is|are|was|were|will|to|be|also|further|again|has|have|had)\s+)*$",
    re.I,
)


def else_said(sentence: str, said: re.Match[str]) -> bool:
    """Whether guidance said standing (`said`) is of something that is no guidance, or is how
    guidance is set: "no changes to our forecast methodology or guidance philosophy"."""
    if ELSE.search(said.group()) is not None or _HOW_AFTER.match(sentence, said.end()) is not None:
        return True
    # what the guidance is of, said right after its noun: "no material changes to our
    # expectations for the financial impact … of the merger"
    return _OF_AFTER.match(sentence, said.end()) is not None and (
        ELSE.search(sentence, said.start(), min(len(sentence), said.end() + 40)) is not None
    )


_OF_AFTER = led(r"\s+(?:for|of|on)\s", re.I)
