"""The gate of a name: a subject that holds a verb, a word of talk ("Slide", "results"), a
person speaking, a description ("our fastest growing vertical"), a participle or an adverb of
discourse that opens it ("moving to", "Beginning with the top line", "Furthermore") names no
part; the words a name holds that would otherwise be a measure ("Capital Markets", "our
completion and production division"); and a name said with an amount of money, a line with its
revenue ("Medication delivery of $747 million")."""

from __future__ import annotations

import re

from ..leads import led
from ..wordlists import word_set
from .capitals import CHANNEL_OF_A_NAME, brand_before
from .phrases import finite_verb, other_measure
from .vocabulary import PART_WORDS, REVENUE_TYPES

__all__ = [
    "PREPOSITIONS",
    "DISCOURSE",
    "PART_NOUNS",
    "PARTICIPLES_OF_RESULTS",
    "a_part",
    "no_noun_phrase",
    "numeral",
    "others",
    "brand_owned",
    "outside_names",
    "verb_alone",
]

#: Adverbs that join a sentence to the one before, never a name: "Furthermore, our casino
#: revenues …", "Finally our Business and Consumer Solutions segment …".
DISCOURSE = word_set(
    """furthermore additionally moreover finally lastly similarly likewise meanwhile notably
    importantly all-in altogether therefore thus hence consequently accordingly however
    nevertheless nonetheless conversely otherwise besides instead illustration"""
)


_TALK = word_set(
    """slide slides page pages chart exhibit i i'll i'm we we're we've you you'll let summarize
    cover mentioned noted said discussed highlighted results takeaways highlights highlight show
    shows view consists consist note mean confirm"""
)
# Words that open no name: a preposition, a conjunction, a participle of talk or of a verb's
# phrase ("representing 80% of our sales", "Breaking our revenue trend down").
_PARTICIPLES = word_set(
    """considering having being moving turning looking starting approaching including excluding
    breaking taking representing reflecting resulting driving leading making bringing reaching
    accounting comprising contributing offsetting following featuring adjusting beginning combined
    shifting beating lapping adding consisting exhibiting extending accelerating normalizing"""
)
_OPENERS = (
    _PARTICIPLES
    | word_set(
        """further despite given to as for inclusive exclusive compared versus while when in on at
    of by with from through within across between during because due after before since until
    although though taken plus minus negative positive among comparing speaking included looking"""
    )
    | DISCOURSE
)
# A verb's participle or bare form that a phrase read back may end at, never a name: "…, achieving
# 10% growth", "outpacing pre-1 levels by 2%", "continued to improve declining 8%".
_VERB_FORMS = word_set(
    """achieving outpacing outperforming exceeding surpassing rising growing increasing declining
    decreasing falling improving finishing improve improves grow increase decline finish imply
    implies implied reflect reflects reflected yield yields yielded represent represents drove
    drive drives totaled totalled surpassed surpass exceeded approached held comped lap lapped
    matched continue continues served deliver exclude recall look doubled tripled quadrupled halved
    recorded posted conclude concludes concluded recognized producing generating delivering
    yielding fueled fuelled powered enabled resulted result results translated"""
)
# A description, not a name: "our most resilient product line", "the fastest growing vertical".
_DESCRIBES = word_set(
    """most least largest biggest fastest strongest highest lowest smallest best worst greatest
    newest oldest"""
)
# A word of all or each, in lower case, opening or closing a phrase (or "both" closing it: "both
# our Americas and International segments" are named): no one part ("All Other" is a name).
_ALL_OF = word_set("all each")
_BOTH = frozenset({"both"})
# Words in no name of a part: "where revenues here were", "What is …", "second consecutive".
_NOT_IN_A_NAME = word_set("between here where what whatever consecutive midpoint alone")
# One word that never names a part alone: an adverb, a degree, a word of comparison or of
# change, a sign ("the plus 7.3% organic growth"), an ordinal that counts points ("Fifth, our
# growth in women's … up 11%"), a time ("the last four periods up 8%, 9%, 11% and 13%").
_NO_PART_ALONE = word_set(
    """still also even again numbers top flat global overall total comparison contrast lap addition
    line increase decrease decline growth improvement change plus minus negative positive modest
    slight small morning evening afternoon night yesterday tonight consider inc. corp. ltd.
    marginal consistent stable steady past prior previous current operating another absolute
    substantial combination these they greater double-digit dollars q quarter-to-date offset team
    recovery there but remaining above below under ahead behind greater each both either date
    teams up down ago many several most few now right then historic record strong solid robust
    impressive first second third fourth fifth sixth seventh eighth ninth tenth periods weeks
    months quarters years days kpi kpis"""
)
# The particles of a phrasal verb: "closed out", "picked up" (a verb, no name).
_PARTICLES = frozenset({"out", "up", "off", "down", "over", "back"})
_PREPOSITIONS = frozenset({"through", "to", "from", "into", "with", "by", "at", "on"})
# A word of talk about figures, never a part, wherever it stands in a subject written in lower
# case: "example", "the fact that", "tough comparison", "main driver of drop".
_ABSTRACT = word_set(
    """example fact result results trend trends transition success driver drivers comparison
    comparisons expectation expectations ratio ratios percent pandemic level levels strength
    another double-digit points progression cadence trajectory face double priorities length
    rollout way"""
)
# A word of talk only where it ends the subject ("the good news"), a name's word before another
# ("Search and news advertising"); "in a row" (not "row crop sales").
_ABSTRACT_AT_END = word_set("news row hand")  # "fourth year in a row", "On the other hand"
_HARD = word_set("challenging difficult tough uncertain volatile macro economic operating")
# A modal or a verb of expecting in a subject: a clause, no name ("We anticipate X will ...").
_MODALS = word_set(
    """will would shall should can could may might must anticipate anticipates expect expects
    believe believes sees"""
)


# Short words of grammar that a name written in capitals may spell: "AS" (a segment) is no "as".
_SPELLED = word_set("as or at by on in to of an so if be do no")


def lowered(word: str) -> str:
    """A subject's word as it is compared with the reader's word lists: lower case, "u.s" for
    "US" (not "us"), and a name in capitals that spells a word of grammar left as written."""
    if word == "US":
        return "u.s"
    return word if word.isupper() and word.lower() in _SPELLED else word.lower().strip(".'’")


def numeral(words: list[str], i: int) -> bool:
    """Whether the word at `i` is a Roman numeral after a name ("Group I"), no pronoun."""
    return words[i] == "I" and i > 0 and words[i - 1][:1].isupper()


def no_noun_phrase(subject: str) -> bool:
    words = subject.split()
    if not words or subject.lower() in _NO_PART_ALONE:
        return True
    if all(w.islower() and w in _NO_PART_ALONE for w in words):
        return True  # "for many quarters now": "many now", when, no one
    if lowered(words[0]) in _OPENERS or words[0] in _ALL_OF or words[-1] in _ALL_OF | _BOTH:
        return True  # "all brands grew nearly 40%", "each segment", "business in both": no one
    if len(words) == 1 and subject.isalpha() and subject.islower() and subject.endswith("ed"):
        return True  # "which supported 21% sales growth": a verb, no name
    if (
        subject.islower()
        and words[-2:-1]
        and words[-2].endswith(("ed", "ing"))
        and words[-1] in _PARTICLES
    ):
        return True  # "The company closed out the year with revenues up 8%": a verb, no name
    if not any(c.isalpha() for c in subject):
        return True  # "27% for the --": a phrase broken off, no name
    if subject.islower() and words[0].endswith("ed") and _PREPOSITIONS.intersection(words[1:]):
        return True  # "we sourced the remaining vehicles through dealers, which is down 9%"
    for at, word in enumerate(words):
        if numeral(words, at):
            continue  # "Group I": a numeral of a name, no one speaking
        low = lowered(word).strip(".,;:'’")
        if low in _TALK or low in _DESCRIBES or low in _NOT_IN_A_NAME or low in _MODALS:
            return True
        if word.islower() and low in _ABSTRACT:
            return True
        if word.islower() and low in _ABSTRACT_AT_END and at == len(words) - 1:
            return True
        if low == "environment" and at and words[at - 1].lower() in _HARD:
            return True  # "managed an extremely challenging environment": no name
        if (
            word.islower()
            and (finite_verb(word) or low in _PARTICIPLES or low in _VERB_FORMS)
            and low not in ("up", "down")
        ):
            return True
    return False


def verb_alone(name: str) -> str:
    """What a name read is where it is a verb alone ("reflect": "verb") or a participle of a
    result ("achieving": "participle"); "" where it is neither ("operating")."""
    if " " in name or not name.islower() or not no_noun_phrase(name):
        return ""
    if name in PARTICIPLES_OF_RESULTS:
        return "participle"
    return "verb" if finite_verb(name) or name in _VERBS_ALONE else ""


_VERBS_ALONE = frozenset({"deliver", "reflect", "highlight", "show", "achieve", "drive"})
PARTICIPLES_OF_RESULTS = word_set(
    """achieving delivering generating posting reporting producing showing reflecting recording
    registering"""
)


# Measure words that name a business where a name is capitalised ("Capital Markets", "Wealth
# & Investment Management", "Customer Communications"): part of the name, no measure.
_IN_NAMES = word_set(
    "capital investment investments customer customers client clients cash content consumer stores"
    " consumers membership transaction flow"
)


def outside_names(words: list[str], lows: list[str]) -> list[str]:
    """The words of a phrase that a capitalised name does not hold (a measure word in "Capital
    Markets" is the name's)."""
    held = _held_by_a_part(words, lows)
    kept = []
    for i, (word, low) in enumerate(zip(words, lows, strict=True)):
        near = [w for w in (words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else "")]
        named = word[:1].isupper() and any(w[:1].isupper() or w == "&" for w in near if w)
        named = named or (low in CHANNEL_OF_A_NAME and brand_before(words, i))  # "NIKE stores"
        served = lows[i + 1 : i + 2] in (["management"], ["services"], ["solutions"])
        cash_flow = low == "flow" and lows[i - 1 : i] == ["cash"]  # "Free Cash Flow": a measure
        if (cash_flow or not (low in _IN_NAMES and (named or served))) and i not in held:
            kept.append(low)
    return kept


def _held_by_a_part(words: list[str], lows: list[str]) -> set[int]:
    """The words a part's noun closes, back to a determiner or a preposition: "our completion
    and production division revenue" names a division, whose "production" is no measure; so
    does a name's "Exchange and Rental segment"."""
    held: set[int] = set()
    for end, low in enumerate(lows):
        if low not in PART_NOUNS or end == 0:
            continue
        i = end - 1
        while i >= 0 and lows[i] not in PREPOSITIONS and lows[i] not in _DETERMINERS:
            named = (
                words[i][:1].isupper() and words[i + 2 : i + 3] != [] and words[i + 2][:1].isupper()
            )
            if lows[i + 1] != "and" or not other_measure(lows[i]) or named:
                held.add(i)  # not "margin and production division revenue": two measures
            i -= 1
    return held


#: The nouns that close a part's name: "our completion and production division", "our filtration
#: business", "our HVAC customer group" (whose "customer" is no measure).
PART_NOUNS = frozenset(
    {"segment", "segments", "division", "divisions", "business", "unit", "group", "groups"}
)
_DETERMINERS = frozenset(
    {"our", "the", "its", "their", "this", "that", "these", "those", "a", "an"}
)
_BRAND_NOUNS = PART_NOUNS | {"brand", "brands", "franchise", "franchises"}


def brand_owned(words: list[str], owner: int) -> bool:
    """Whether the possessive at `owner` is a name's own, no owner's: a determiner before it and
    a part's noun alone after it ("the Levi's brand grew 4%", "our Kellogg's business")."""
    after = [w.lower() for w in words[owner + 1 :]]
    return (
        owner > 0
        and words[owner - 1].lower() in _DETERMINERS
        and bool(after)
        and all(w in _BRAND_NOUNS for w in after)
    )


PREPOSITIONS = frozenset({"of", "in", "for", "from", "to", "or", "at", "on", "by"})


# Someone else's revenue, not a part of the company's: a competitor's, a peer's, the industry's,
# the retailers' own brands as a whole ("in 2020 private label broth grew 27%").
_OTHER_PARTY = led(
    r"\s*(?:the\s+|our\s+|its\s+|their\s+)?(?:\w+\s+)?(?:competitors?|competitors['’]|"
    r"competitor['’]s|peers?|peers['’]|rivals?|industry|industry['’]s|private[- ]label)(?![\w-])",
    re.I,
)
# The largest buyers counted, or buyers named by a letter: "our top 3 service providers revenue
# grew 16%", "Customer A and B drove 16% and 26% of our overall business" (theirs, no part).
_BUYERS = led(
    r"\s*(?:the\s+|our\s+|its\s+)?(?:(?:top|largest|biggest)\s+(?:\d{1,3}|three|five|ten|twenty)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:customers?|clients?|accounts?|providers?|operators?|carriers?|"
    r"hyperscalers?)\b|(?:customers?|clients?)\s+(?-i:[A-Z])(?![\w&'’-]))",
    re.I,
)
# A market's index, named with its number or its kind: "the S&P 500, which was up 12.1%", "the
# NASDAQ Composite" (not a company named so: "Circulation revenues at Dow Jones grew 6%").
_AN_INDEX = led(
    r"\s*(?:[Tt]he\s+)?(?:S&P\s+\d|Russell\s+\d|FTSE\s+\d|NASDAQ\s+(?:Composite|100)|Nikkei)"
)
# The category as a whole, a market's ("the U.S. category grew more than 10%"), not one of ours.
_THE_CATEGORY = led(
    r"\s*the\s+(?:(?:total|overall|u\.s\.|us|global|domestic)\s+)?categor(?:y|ies)\s*", re.I
)
# Someone else's market as a whole: "global car sales", "worldwide smartphone shipments".
_WORLD = led(
    r"\s*(?:the\s+)?(?:global|worldwide|world|industry-wide)\s+(?=[a-z])"  # a name after it,
    # capitalised, is the company's own ("global Lottery revenue"), as is a quarter's revenue
    # ("global second quarter Protiviti revenues", "global revenues", "worldwide net sales": a
    # market's names what is sold, "global car sales")
    r"(?!(?:first|second|third|fourth)\s+quarter\b|(?:net\s+)?(?:revenues?|sales)\b)"
)


def others(phrase: str) -> bool:
    """Whether a name's phrase is someone else's: a competitor's, a peer's, the industry's, a
    market's as a whole ("global car sales") or its index ("the S&P 500"), the category's ("the
    U.S. category"), the largest buyers' ("our top 3 service providers")."""
    return bool(
        _OTHER_PARTY.match(phrase)
        or _WORLD.match(phrase)
        or _THE_CATEGORY.fullmatch(phrase)
        or _AN_INDEX.match(phrase)
        or _BUYERS.match(phrase)
    )


def a_part(kept: list[str], first: bool) -> bool:
    """Whether a phrase with no measure word names a part of the business: its head says so
    ("segment", "market"), or it is a name ("EMEA", "Personal Systems"; a single capitalised
    word opening the sentence, "Mobile"). A common noun after a name is a count of something
    ("Platform lanes", "Aloha Essentials sites"), not a line."""
    head = kept[-1]
    if head.lower() in PART_WORDS or head.lower() in REVENUE_TYPES:
        return True
    if [k.lower() for k in kept[-3:]] == ["rest", "of", "world"]:
        return True  # "Asia and the rest of the world grew 28%": regions
    if head.lower() in _LOWER_PLACES:
        return True  # "North America was up 36% and international was up 38%": a region
    items = " ".join(kept).lower().replace(" & ", " and ").split(" and ")
    each = any(w.lower() in ("each", "both", "all") for w in kept)  # one figure, two parts
    if len(items) > 1 and not each and any(map(REVENUE_TYPES.__contains__, items)):
        return True  # "Service and consumables were up 23%": kinds of revenue together
    if not head[0].isupper() and not acronym(head):
        return False
    if len(kept) == 1 and first:
        return True
    return any(
        acronym(w) or (w[0].isupper() and not (i == 0 and first)) for i, w in enumerate(kept)
    )


# The company said of itself as the clause's whole subject (not "marketing for the total
# company", whose phrase before the verb is the marketing's), before a verb of its change.
_ITSELF = led(
    r"\s*(?:the|our)\s+(?:(?:total\s+|overall\s+)?company|(?:underlying|overall|total)\s+business)\s*",
    re.I,
)  # "the company grew 7%"; "Excluding these headwinds, the underlying business grew 3%"
_ITS_CHANGE = led(r"(?:grew|increased|decreased|declined|rose|fell|was|were)\b", re.I)


def itself(phrase: str, text: str, verb: int) -> bool:
    """Whether `phrase`, the whole subject of the verb at `verb` in `text`, is the company said
    of itself ("the company grew 7%", as "we")."""
    return _ITSELF.fullmatch(phrase) is not None and _ITS_CHANGE.match(text, verb) is not None


#: Regions said in lower case: a part by the word alone.
_LOWER_PLACES = frozenset({"international", "domestic", "overseas"})


def acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2
