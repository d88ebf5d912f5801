"""Words a phrase read back from a figure holds that name nothing (subjects.read_subject), and
phrases that are no noun phrase at all.

- An adverb that opens the phrase, capitalised only because it opens the sentence, is no name
  ("Sequentially quarterly revenues increased 22%", "Daily sales in Canada were down 20%"); a
  name that ends so is followed by another capital ("Sally Beauty").
- A word of degree before a discourse word is no name ("Most notably revenue in Korea was up 65%").
- "The first time" is when, not who ("which for the first time accounted for 50% of sales").
- A conjunction before a pronoun leaves the pronoun ("and that's up 30%": that, said before).
- A team at a place stands for that place ("Our team at Pursuit delivered growth of 18%").
- A determiner of ours right after a word of talk opens the phrase anew, a comma a transcript
  left out ("As mentioned in our prepared remarks our revenues were up 66%": our revenues).
- A word of degree or praise is no name ("pretty strong revenue growth", "showed good growth",
  "record-high third quarter revenue").
- A phrase that holds a verb of its own after a noun, with its object or its adverb, is a
  clause whose subject is the words before the verb ("our business weathered an extremely
  volatile start to the year, with revenues up 8%"; "revenue growth slowed somewhat but still
  grew 13%").
- Things counted as they are acted on are a count, named but no part: a plural noun and its
  past participle ("scripts filled up 8%", "loads hauled via truck increased 12%", "miles
  driven in the United States were up 1.2%", "submitted applications were up 32%"); so is a
  profit said "gross" ("Warrantee gross was $60 million, up 19%").
"""

from __future__ import annotations

from ..wordlists import word_set
from .names import DISCOURSE
from .phrases import NOT_ADVERBS, plural_thing
from .vocabulary import PART_WORDS, REVENUE_TYPES, REVENUE_WORDS, SPEAKER

__all__ = ["COMPARATIVES", "before_verb", "counted", "plain", "undegreed"]

COMPARATIVES = word_set(
    "higher lower strong stronger weak weaker record solid continued impressive robust healthy"
    " significant over about approximately nearly roughly almost around under just some"
    " industry-leading market-leading best-in-class exceptional excellent outstanding"
    " remarkable tremendous sequential good great nice better pretty very really"
    " record-high all-time record-breaking consistent steady broad-based satisfactory decent"
    " commensurate similar record-setting setting hyper"
    # a magnitude said in words before its figure: "achieved double-digit growth of 21%"
    " single-digit double-digit triple-digit low-single-digit mid-single-digit high-single-digit"
    " low-double-digit mid-double-digit high-double-digit"
)
_CONJUNCTIONS = frozenset({"and", "but", "so", "or"})
# A determiner of ours right after a word of talk opens the subject's phrase, a comma a
# transcript left out ("As we said in our release our Europe revenue"); after a place, the
# place frames the phrase ("In the Asia-Pacific region our sales grew 7%").
_OWNERS = frozenset({"our", "its", "their"})
_TALK = word_set(
    "remarks comments release releases call calls presentation presentations letter slides "
    "script statement statements discussion report"
)
_DEGREE = frozenset({"most", "more", "perhaps"})
_PEOPLE_AT = frozenset({"team", "teams", "people", "colleagues"})
# What follows a verb with its object or adverb ("weathered an", "slowed somewhat but").
_AFTER_VERB = word_set("a an the somewhat slightly but")
_AFTER_PARTICIPLE = word_set("via by through in at during")
_COUNTED_THINGS = word_set("applications loans units policies claims contracts accounts shipments")
_IRREGULAR = word_set("driven flown sold built made")  # "miles driven", "homes sold"
_NAMES_A_PART = REVENUE_WORDS | REVENUE_TYPES | PART_WORDS  # "parts and services witnessed"


# A verb's bare form after "to": "expect Digital Banking to generate 8% growth" (Digital
# Banking's); "allowed us to deliver sales growth of 8%" (no word of a name).
INFINITIVE_VERBS = word_set(
    "generate deliver see post grow achieve produce drive reach exceed show report"
)


def undegreed(words: list[str]) -> list[str]:
    """`words` without a word of degree before a discourse word ("Most notably revenue")."""
    if len(words) > 2 and words[0].lower() in _DEGREE and words[1].lower() in DISCOURSE:
        return words[1:]
    return words


def plain(words: list[str]) -> list[str]:
    """`words` without an opening adverb, conjunction or plural demonstrative before a name,
    and a team's phrase as its place."""
    if words and _adverb(words[0]) and (len(words) == 1 or words[1][:1].islower()):
        words = words[1:]  # "Sequentially quarterly revenues", "Daily sales in Canada"
    if len(words) > 1 and words[0].lower() in _CONJUNCTIONS:
        words = words[1:]  # "and that's up 30%": that
    if len(words) > 2 and words[0].lower() in ("these", "those") and words[1][:1].isupper():
        words = words[1:]  # "Those Ultra models contribute 8% of sales": named, not only before
    if len(words) > 1 and words[0] in INFINITIVE_VERBS and words[1].islower():
        words = words[1:]  # "allowed us to deliver sales growth of 8%": the sales
    low = [w.lower() for w in words]
    if low[-2:] == ["first", "time"]:
        return []  # "which for the first time accounted for 50%": when, not who
    lead = 1 if low[:1] == ["our"] else 0
    if low[lead : lead + 1] and low[lead] in _PEOPLE_AT and low[lead + 1 : lead + 2] == ["at"]:
        return words[lead + 2 :] or words  # "Our team at Pursuit": Pursuit
    for i in range(len(low) - 1, 0, -1):  # "our prepared remarks our revenues": our revenues
        if low[i] in _OWNERS and low[i - 1] in _TALK:
            return words[i:]
    return words


def before_verb(words: list[str]) -> list[str]:
    """The words of `words` before a verb of their own after a noun, with its object or its
    adverb, which makes the rest a clause ("Our business weathered an extremely volatile
    start": our business), where those words name a part or a revenue and not the speaker."""
    for i, word in enumerate(words[1:-1], start=1):
        verb = word.islower() and word.endswith("ed") and len(word) > 4
        before = {w.lower() for w in words[:i]}
        if (
            verb
            and words[i + 1].lower() in _AFTER_VERB
            and before & _NAMES_A_PART  # "NIM contracted a tiny bit": no part's
            and not before & SPEAKER  # "our business, we recorded a record $3.8 billion of locks"
        ):
            return words[:i]  # "weathered an", "slowed somewhat but"
    return words


def counted(words: list[str]) -> bool:
    """Whether `words` are things counted as acted on: a plural noun, then its participle
    last or before a preposition ("scripts filled", "loads hauled via truck"), or a participle,
    then a noun of things counted, last ("submitted applications"); things counted on a named
    platform ("comments on LinkedIn", "AI projects on GitHub"); or a profit said "gross"
    ("Warrantee gross was $60 million, up 19%")."""
    low = [w.lower() for w in words[-2:]]
    if len(low) == 2 and low[1] == "gross":
        return True
    if len(low) == 2 and low[0].isalpha() and low[0].endswith("ed") and low[1] in _COUNTED_THINGS:
        return True
    for i in range(1, len(words) - 1):
        noun, on, name = words[i - 1], words[i], words[i + 1]
        if on == "on" and name[:1].isupper() and plural_thing(noun):
            return True  # "comments on LinkedIn rose over 30%": a count, no line's revenue
    for i in range(1, len(words)):
        noun, verb = words[i - 1], words[i]
        after = words[i + 1].lower() if i + 1 < len(words) else ""
        if (
            verb.islower()
            and ((verb.endswith("ed") and len(verb) > 4) or verb in _IRREGULAR)
            and verb != "earned"  # "premiums earned" are an insurer's revenue
            and len(noun) > 3  # "as reported"
            and noun.lower().endswith("s")
            and not noun.lower().endswith("ss")
            and noun.lower() not in _NAMES_A_PART
            and (not after or after in _AFTER_PARTICIPLE)
        ):
            return True
    return False


def _adverb(word: str) -> bool:
    low = word.lower()
    return (
        word[:1].isupper()
        and not word.isupper()
        and low.endswith("ly")
        and len(low) > 4
        and low not in NOT_ADVERBS
    )
