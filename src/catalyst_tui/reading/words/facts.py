"""What a sentence may take from the rest of its document: the antecedents it names, never a
state that colours every other sentence.

Two facts are gathered from the company's own statements (no question, no analyst's turn:
turns.py), each a name the document says something of:

- the names it calls **customers** ("Windstream was our fifth largest customer", "customers
  such as Acme and Globex"): a figure of theirs later ("revenue from Windstream was 4.8% of
  revenue") is concentration, no line's. A name is a run of capitalised words, two letters at
  least, and it is met as whole words: "I" or "Data" named in passing never stands for the
  subjects that hold those letters;
- the **parts it speaks of with revenue** ("Broadcast revenues increased ...") or names as its
  holdings ("Our livestock portfolio had another strong year"): "broadcast was up 35%" later is
  that line's."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..leads import led
from ..wordlists import word_set
from .outside import CUSTOMER
from .phrases import finite_verb, other_measure
from .vocabulary import LONGEST, PLACES

_CUSTOMER_WORD = led(r"\b(?:customers?|clients?)\b")
_NAMED_CUSTOMER = led(
    r"(?<![\w&.’'-])(?P<name>[A-Z][\w&.’'-]*+(?:\s+[A-Z][\w&.’'-]*+){0,3})(?:,[^,]{1,60},)?\s+(?:was|is|were|"
    r"are|remains?|became|as)\s+(?:our|the\s+company['’]s|[A-Z][\w.-]*+['’]s)\s+"
    r"(?:[\w%-]+\s+){0,4}?(?:customers?|clients?)\b"  # "our only greater than 10% customer"
)
_CUSTOMER_LIST = led(
    r"\b(?:customers?|clients?)\s*+,?\s+(?:such\s+as|like|including)\s+(?P<list>[^.;:?!]{1,160})"
)
_LIST_ITEM = led(r"\s*(?:,\s*)?(?:and\s+|or\s+)?(?P<item>[^,]+?)(?=\s*(?:,|\band\b|\bor\b|$))")
_NAME = led(r"[A-Z][\w&.’'-]+(?:\s+[A-Z][\w&.’'-]*){0,3}")
_NOT_NAMES = word_set(
    """i we our the it this that they these those he she you and or but so as in on at for of
    new some other many several both all each its their his her my your"""
)
_PART_WORD = led(
    r"\b(?:revenues?|sales|represent(?:s|ed)?|accounts?\s+for|accounted\s+for|"
    r"comprised|comprises|makes\s+up|make\s+up)\b"
)
# The words _PART_WORD finds one of, as they stand in it.
_PART_WORDS = ("revenue", "sales", "represent", "account", "compris", "make")


def _part_word_in(sentence: str) -> bool:
    """Whether one of _PART_WORDS stands in `sentence` (each tested in turn, the commonest
    first: a third less than a test mapped over them, over 10,000 sentences)."""
    return (
        "revenue" in sentence
        or "sales" in sentence
        or "represent" in sentence
        or "account" in sentence
        or "compris" in sentence
        or "make" in sentence
    )


_SHARE_VERBS = word_set(
    """represented represents represent accounted~for accounts~for account~for comprised
    comprises makes~up make~up"""
)
# Words between a part and the verb of its share: "Commercial aerospace continues to
# represent", "…, which typically represents".
_BEFORE_VERB = word_set(
    "which that still now also typically generally historically currently today alone continues "
    "continued continue to"
)
_SHARE_NEXT = led(r"\s+(?:about\s+|approximately\s+|roughly\s+|nearly\s+)?\d")
_WORD = led(r"[A-Za-z][\w&/-]*")
_NOT_PARTS = word_set(
    "total net our the its of and in for company consolidated organic core quarter year by"
)


def document_facts(
    text: str, spans: Iterable[tuple[int, int]]
) -> tuple[frozenset[str], frozenset[str]]:
    """The names the company's statements call customers and the parts they speak of with
    revenue, each read back from the word that says so (a few words before "customer",
    "revenue"), casefolded."""
    customers: set[str] = set()
    parts: set[str] = set()
    concentration = 0  # how many sentences on a list of the largest customers may yet go
    for start, end in spans:
        sentence = text[start:end]
        if end - start > LONGEST or sentence.rstrip("\"'”’) ").endswith("?"):
            continue  # a question states nothing, not even who is a customer
        run = 0
        if concentration:  # "we had three 10% customers. Cisco and Lumentum both represented"
            sharing = set(_sharing(sentence))
            customers.update(sharing)
            # a list of the largest customers goes on while its sentences name someone and give
            # a figure: "Enbridge was 21% of revenue. Newly defined AT&T services totaled 7% …"
            if sharing:
                run = _RUN + 1
            elif _NAME.search(sentence, 1):  # a name within it, not its first word's capital
                run = concentration
        # Each pattern searched only where its word stands (a test of a substring, a tenth of
        # a search's cost; ASCII text alone is lowered so, as a pattern ignoring case reads it).
        said = (
            "customers" in sentence.lower() or not sentence.isascii()
        ) and _CONCENTRATION.search(sentence) is not None
        concentration = _RUN if said else max(0, run - 1)
        if ("customer" in sentence or "client" in sentence) and _CUSTOMER_WORD.search(sentence):
            customers.update(_customers(sentence))
        if _part_word_in(sentence):
            for anchor in _PART_WORD.finditer(sentence):
                part = _part(sentence, anchor)
                if part:
                    parts.add(part)
        if _holding_in(sentence):
            parts.update(_held(sentence))
    return frozenset(customers), frozenset(parts)


# A part the company names as one of its holdings: "Our livestock portfolio had another strong
# year", "our international companion animal business grew 4%". What it is named by is one to
# three words after "our" or "its", none a word of the whole or a verb's.
_HOLDING = led(
    r"\b(?:[Oo]ur|[Ii]ts)\s++(?P<name>(?:[A-Za-z][\w&/-]*+\s++){1,3}?)(?:businesses|business|"
    r"portfolios?|franchises?|segments?|divisions?)\b"
)
# Words no line of what is sold is named by: the whole, a bank's or landlord's balances, a profit.
_NOT_HELD = word_set(
    "overall entire whole existing new base legacy other remaining same own combined largest "
    "biggest smallest global broader broad loan loans deposit deposits asset assets "
    "investment investments securities mortgage mortgages credit lending operating contracted "
    "rent rental hotel hotels store stores real estate"
)


def _holding_in(sentence: str) -> bool:
    """Whether a word of a holding stands in `sentence` (each tested in turn, as _part_word_in)."""
    return (
        "business" in sentence
        or "portfolio" in sentence
        or "segment" in sentence
        or "franchise" in sentence
        or "division" in sentence
    )


def _held(sentence: str) -> Iterable[str]:
    for match in _HOLDING.finditer(sentence):
        words = match["name"].split()
        if any(
            w.casefold() in _NOT_PARTS
            or w.casefold() in _NOT_HELD
            or finite_verb(w.casefold())
            or other_measure(w.casefold())
            for w in words
        ):
            continue
        yield " ".join(words).casefold()


_RUN = 12  # sentences a list of the largest customers goes on for, at most
# The largest customers spoken of as such: their names follow in the next sentence.
_CONCENTRATION = led(
    r"\b(?:\d+\s*%|ten[- ]percent|largest|biggest|top\s+(?:\w+\s+)?|major|significant)\s+"
    r"customers\b",
    re.I,
)
# Names that a share of revenue is of, at a sentence's start: "Cisco and Lumentum both
# represented 14% of revenue".
_SHARERS = led(
    r"(?P<names>(?:the\s+)?[A-Z][\w&.’'-]*+(?:\s+[A-Z][\w&.’'-]*+){0,3}(?:(?:\s*,\s*|"
    r"\s+(?:and|&)\s+)(?:the\s+)?[A-Z][\w&.’'-]*+(?:\s+[A-Z][\w&.’'-]*+){0,3}){0,5})\s+"
    r"(?:both\s+|each\s+)?(?:represented|accounted\s+for|were|was|comprised|made\s+up|"
    r"totaled|totalled|reached)(?:\s+(?:both|each))?\s+"
    r"(?:about\s+|approximately\s+|roughly\s+|over\s+)?\d",
)


def _sharing(sentence: str) -> Iterable[str]:
    for match in _SHARERS.finditer(sentence):
        for name in re.split(r"\s*,\s*|\s+(?:and|&)\s+", match["names"]):
            found = _name(name)
            if found:
                yield found


def _customers(sentence: str) -> Iterable[str]:
    for match in _NAMED_CUSTOMER.finditer(sentence):
        name = _name(match["name"])
        if name:
            yield name
    for match in _CUSTOMER_LIST.finditer(sentence):
        for item in _LIST_ITEM.finditer(match["list"]):
            name = _name(item["item"])
            if not name or _NAME.fullmatch(item["item"].strip()) is None:
                break  # the list ends where an item is no name
            yield name


def _name(words: str) -> str:
    """A customer's name as it is met: capitalised words, two letters at least, no pronoun."""
    words = words.split(",")[0].strip()
    kept = [w for w in words.split() if w.casefold() not in _NOT_NAMES]
    name = " ".join(kept)
    if len(name.replace(".", "")) < 2 or not kept or not kept[0][0].isupper():
        return ""
    return name.casefold()


def _part(sentence: str, anchor: re.Match[str]) -> str:
    verb = " ".join(anchor.group().split()).replace(" ", "~")
    if verb in _SHARE_VERBS and not _SHARE_NEXT.match(sentence, anchor.end()):
        return ""  # "X represented about 47% of …": X is a part; "represented" alone is not
    before = sentence[max(0, anchor.start() - 60) : anchor.start()]
    if verb in _SHARE_VERBS:
        words = before.split()
        while words and words[-1].strip(",").casefold() in _BEFORE_VERB:
            words.pop()
        before = " ".join(words).rstrip(",")
    words = [w for w in before.split()[-3:] if _WORD.fullmatch(w)]
    while words and words[0].casefold() in _NOT_PARTS:
        words.pop(0)
    if words and not any(w.casefold() in _NOT_PARTS for w in words):
        return " ".join(words).casefold()
    return ""


def known_part(name: str, parts: frozenset[str]) -> bool:
    """Whether `name` is a part the document speaks of with revenue, or a line within one
    ("companion animal diagnostics" where "companion animal revenue" was said)."""
    folded = name.casefold()
    if folded in parts or folded in _CHANNELS:
        return True
    place, _, rest = folded.partition(" ")
    if rest in parts and place.strip(".") in PLACES:
        return True  # "U.S. livestock grew 13%" where "livestock sales" was said: the part's
    within, _, last = folded.rpartition(" ")
    return (
        within in parts
        and _WORD.fullmatch(last) is not None
        and not (other_measure(last) or finite_verb(last) or last in _NO_LINE_END)
    )  # "cable connections", "Base business offset": a count, a verb: no line


# The channels a company sells through, parts by their names alone: "e-commerce increased over
# 60%".
_CHANNELS = frozenset(
    {"e-commerce", "ecommerce", "online", "e-commerce business", "online business", "digital"}
)
# Words a line's name does not end with: a verb's form the word lists do not hold, a count.
_NO_LINE_END = word_set("offset offsets driven led including excluding connections operating")


def named_customer(name: str, customers: frozenset[str]) -> bool:
    """Whether the subject `name` is, or begins with, a name the document calls a customer,
    word for word ("Comcast" is "Comcast Cable"'s; "I" is nobody's)."""
    words = name.casefold().split()
    for customer in customers:
        theirs = customer.split()
        if words[: len(theirs)] == theirs:
            return True
    return False


def apposed_to_customer(text: str, name: str) -> bool:
    """ "Our largest customer, Walmart, accounted for 15% of sales": the name stands just after
    the word customer."""
    at = text.find(name)
    return at > 0 and CUSTOMER.search(text[max(0, at - 30) : at]) is not None
