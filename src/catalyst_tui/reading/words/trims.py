"""What a name's phrase leaves out before it is read (subjects.read_subject): an aside ("Cream
of Wheat, for example,"), a relative clause after the name ("our Specialty Garments segment
which deliver …"), the verb contracted to a pronoun ("They're up 16%": they), a verb of the
name's own and all after it ("Cream of Wheat continue to outperform … with net sales up 16%":
Cream of Wheat's); and a phrase of all of a kind together ("All geographies were positive"),
which names no one part; a time said within it ("Revenue during the fourth quarter"), a
subordinator before its measure ("Although sales") and a change said of the revenue ("The
increase in net revenue")."""

from __future__ import annotations

import re

from ..leads import led
from ..wordlists import word_set
from .patterns import REVENUE_SAID, last_match
from .vocabulary import PART_WORDS

__all__ = [
    "SOME",
    "collective",
    "trimmed",
    "unchanged",
    "unqualified",
    "untimed",
    "without_driver",
    "without_talk",
]

# An aside within a name's phrase: "Cream of Wheat for example generated".
_ASIDE = led(r"\b(?:for\s+example|for\s+instance|in\s+particular)\b,?", re.I)
# A relative clause after a name, its verb in it ("our Specialty Garments segment which deliver
# specialized … products"), or a clause of contrast ("Transportation sales while up 88%").
_RELATIVE = led(
    r"(?<=[\w…])\s+(?:which|who|where(?!\s+(?:we|i|you)\b))(?:\s+(?=[a-z])|\s*$)|"
    r"(?<=[\w…])(?<!\b[Aa]nd)(?<!\b[Bb]ut)(?<!\b[Ss]o)\s+(?:while|whereas)(?:\s+(?=[a-z])|\s*$)"
)
# A pronoun with a verb contracted to it: "They're", "it's" ("we're" is the company's: _WE).
_CONTRACTED = led(r"\b(?P<pronoun>they|it|that|there|these|those)['’](?:re|s|ve|ll|d)\b", re.I)
# A verb of a name's own after it: "Cream of Wheat continue to outperform", "Metal Coatings turned
# in another", "the aftermarket turned positive".
_VERB_AFTER_NAME = led(
    r"(?<=[A-Za-z])\s+(?=(?:continue|continues|continued|turned|remained|remains|helped)\b)"
)
_PRONOUNS = frozenset(
    {"we", "we've", "we're", "i", "it", "they", "you", "he", "she", "which", "that", "who"}
)
# All of a kind together: "All geographies were positive, with North America up 12%" (not "All
# other", a part named so, nor all of a kind's sales).
_ALL_OF_A_KIND = led(
    r"\s*all\s+(?!other\b)(?:of\s+)?(?:our\s+|the\s+)?(?:[\w-]+\s+)?"
    r"(?!(?:sales|revenues|others|this)\b)[\w-]+s\s*$",
    re.I,
)
# All of what was said before, pointing back to it: "All of this drove a 45% increase".
_ALL_OF_THAT = led(r"\s*all\s+(?:of\s+)?(?=(?:this|that|these|those)\s*$)", re.I)


def trimmed(phrase: str) -> str:
    """`phrase` without an aside, a relative clause after its name, a pronoun's verb, or the
    verb and all after it where a name stands before a verb of its own ("Cream of Wheat continue
    to outperform …": Cream of Wheat)."""
    phrase = _ASIDE.sub(" ", phrase)
    phrase = _ALL_OF_THAT.sub("", phrase)
    phrase = _CONTRACTED.sub(r"\g<pronoun>", phrase)
    phrase = _RELATIVE.split(phrase, maxsplit=1)[0]
    verb = _VERB_AFTER_NAME.search(phrase)
    if verb is None or phrase[: verb.start()].split()[-1].lower() in _PRONOUNS:
        return phrase  # "We continue to see …": the clause's own subject, read as it was
    return phrase[: verb.start()]


def collective(phrase: str) -> bool:
    """Whether `phrase` is all of a kind together ("All geographies", "all eight regions"), a
    number of them ("Four of our five business segments"), or both of two ("both our domestic
    and international businesses"; not "both workloads and revenue": the revenue's): no one
    part."""
    return any(kind.match(phrase) is not None for kind in (_ALL_OF_A_KIND, _SOME_OF, _BOTH_OF))


# How many of a kind, short of one: "Four of our five business segments", "most of our regions".
SOME = r"(?:two|three|four|five|six|seven|eight|nine|ten|most|many|several|some|half)"
_SOME_OF = led(r"\s*" + SOME + r"\s+of\s+(?:our|the|its|their|these|those)\b", re.I)
_BOTH_OF = led(r"\s*both\s(?!.*\b(?:revenues?|sales)\s*$).*\s(?:and|&)\s", re.I)


# A time said within a noun phrase: "Revenue during the fourth quarter".
_DURING = led(
    r"\bduring\s+(?:the\s+|this\s+|that\s+)?(?:[\w'-]+\s+){0,3}?"
    r"(?:quarters?|years?|period|half|months?|weeks?)\b|"
    # "Revenue for the trailing 12 months ended October 31, 2025"
    r"\bfor\s++the\s++trailing\s++(?:\w+\s++)?months?(?:\s++ended\s++[\w\s]{1,20}?,?\s*+\d{4})?|"
    # a period to date: "and for the year to date increased 17.5%"
    r"\b(?:(?:for|in)\s++)?(?:the\s++)?(?:year|quarter|month)\s++to\s++date\b",
    re.I,
)
# A subordinator before a measure of revenue: "Although sales were down 11.6%": the sales'.
_SUBORDINATE_REVENUE = led(
    r"\s*(?:even\s+)?(?:although|though|while|whilst|whereas)\s+"
    r"(?=(?:[\w&'’-]+\s+){0,4}?(?:revenues?|sales)\b)|"
    # or "while" before a name said bare, in lower case: a subordinator is no word of a name
    # ("…, while auto care continued its strong performance with organic growth of 1.3%")
    r"^\s*(?:while|whilst|whereas)\s+(?=(?-i:[a-z]))(?!(?:our|the|its|their|these|those|this|that|"
    r"we|they|it|a|an)\b)|"
    # and a relative adverb before a name: "…through 2019, where Engine is up 7%": Engine's
    r"^\s*(?i:where)\s+(?-i:(?=[A-Z]))",
    re.I,
)


def untimed(phrase: str) -> str:
    """A name's phrase without a time said within it ("Revenue during the fourth quarter") or
    a subordinator before its measure ("Although sales")."""
    return _SUBORDINATE_REVENUE.sub("", _DURING.sub(" ", phrase), count=1)


# What drives a part's figure, said of the part: "wins at Digital Banking", "strength in Cloud",
# "revenue growth for Merchant Solutions" (not a period's: "growth for Q4").
_DRIVER = led(
    r"^(?:[\w-]+\s+){0,2}?(?:(?:wins|strength|demand|momentum|performance|weakness|softness|"
    r"execution|adoption|growth)\s+(?:at|in|within|across|from)|growth\s+for)\s+"
    r"(?=(?:our\s+|the\s+)?(?!(?:Q[1-4]|H[12]|FY|Fiscal|First|Second|Third|Fourth|Full|"
    r"January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b)[A-Z])"
)
# The same, of a part named in lower case by its last word ("the foodservice channel").
_DRIVER_OF_LINE = led(
    r"(?:[\w-]+\s+){0,2}?(?:(?:strength|demand|momentum|performance|weakness|softness|growth)\s+"
    r"(?:at|in|within|across|from)|growth\s+for)\s+(?:our\s+|the\s+)?"
)


def without_driver(phrase: str) -> str:
    """`phrase` without what drives a part's figure before the part: "wins at Digital
    Banking" is Digital Banking; "weakness in the food-away-from-home channel" the channel,
    a part in lower case named by its last word."""
    phrase = _DRIVER.sub("", phrase)
    driven = _DRIVER_OF_LINE.match(phrase)
    if driven and phrase.split()[-1].lower() in PART_WORDS:
        phrase = phrase[driven.end() :]
    return phrase


# A change said as the noun the revenue hangs on: "The increase in net revenue", "the decline in
# product sales"; and after it: "The consolidated sales increase".
_CHANGE_BEFORE = led(
    r"^\s*(?:(?:the|this|that|our|its|an?)\s+)?(?:[\w-]+\s+)?"
    r"(?:increase|growth|decline|decrease|rise|improvement|drop|reduction)s?\s+(?:in|of)\s+(?=\S)",
    re.I,
)
_CHANGE_AFTER = led(r"(?<=\w)\s+(?:increase|growth|decline|decrease|rise)s?\s*$", re.I)
_CHANGE_KEYS = ("increase", "growth", "decline", "decrease", "rise", "improvement", "drop", "reduc")


def unchanged(phrase: str) -> str:
    """`phrase` without the change it says of a revenue ("The increase in net revenue": net
    revenue; "The consolidated sales increase": The consolidated sales): the revenue is what
    changed. A change of anything else is left as it is ("the increase in orders")."""
    low = phrase.lower()
    if not any(map(low.__contains__, _CHANGE_KEYS)):
        return phrase  # looked for only where a word of change stands: most phrases
    before = _CHANGE_BEFORE.match(phrase)
    if before is not None and REVENUE_SAID.search(phrase, before.end()):
        return phrase[before.end() :]
    after = _CHANGE_AFTER.search(phrase)
    if after is not None and REVENUE_SAID.search(phrase, 0, after.start()):
        return phrase[: after.start()]
    return phrase


# A measure's qualifiers that name no part: "constant currency revenue growth", "13-week".
_QUALIFIERS = led(
    r"\b(?:constant[- ]currency|(?:foreign\s+)?(?:currency|exchange)[- ](?:neutral|adjusted)|"
    r"f/?x[- ]neutral|local[- ]currency|[\w-]+-adjusted|as[- ](?:adjusted|reported)|pro[- ]forma|"
    # sales to others than the company's own parts: "third-party sales decreased 12%"
    r"third[- ]party(?=\s+(?:net\s+)?(?:revenues?|sales)\b)|"
    r"\d{1,2}-week|\d{1,2}-month|"
    # a basis said after the name: "Net sales to customers outside the United States on a
    # foreign currency adjusted basis"
    r"on\s++an?\s++(?:[\w-]++\s++){0,4}?basis|"
    # a measure by the day or the week: "daily sales", "weekly revenues" (no part's name)
    r"(?:daily|weekly|monthly)(?=\s+(?:net\s+)?(?:revenues?|sales)\b)|"
    r"(?<=growth\s)rates?)\b",  # "The organic growth rate was 8.6%": the growth
    re.I,
)


def unqualified(phrase: str) -> str:
    """`phrase` without the words that say how its measure is taken ("constant currency",
    "pro forma", "daily sales"): no part's name."""
    return _QUALIFIERS.sub(" ", phrase)


# Talk before the part a speaker turns to: "I'll cover Medical Devices", "you'll see the
# financial results of our eMobility segment", "To summarize the full year the ABL business",
# "Top line results in Refrigeration", "Now moving on to our results; subscription revenue".
_TALK_LEAD = led(
    r"\b(?:cover|covering|see|summarize|summarizing|discuss|review)\b(?:\s+that\b)?"
    r"(?:\s+the\s+full\s+year)?"
    r"(?:\s+the)?(?:\s+financial)?(?:\s+results?\s+(?:of|for|in))?|\bresults?\s+(?:of|for|in)\b|"
    r"\b(?:beginning|starting)\s+with\b|[;:]|"
    # a frame of talk: "In terms of revenue, we expect growth of 9%": revenue's
    r"\bterms\s+of\b|\b(?:regards?|respect)\s+to\b",
    re.I,
)
_TALK_KEYS = word_set("cover see summar discuss review result with ; : terms regard respect")


def without_talk(phrase: str, low: str) -> str:
    """`phrase` (`low`, lowered) from after the talk that leads to the part a speaker turns to
    ("I'll cover Medical Devices": Medical Devices)."""
    talk = last_match(_TALK_LEAD, phrase) if any(map(low.__contains__, _TALK_KEYS)) else None
    return phrase[talk.end() :] if talk is not None else phrase
