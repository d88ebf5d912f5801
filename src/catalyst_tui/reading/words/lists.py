"""Figures in a list, where one verb or one heading serves every item (figures.py reads a figure
that has its own; pairs.py reads "respectively" and "both"):

- **an item after a share or a growth, with no verb of its own**, is of the same kind and
  measure, and is the name before it: "Japan was 61% of sales, Germany 22% and the rest of the
  world 17%"; "data center was up 30%, networking 12% and storage down 4%"; a figure with no
  name before it is the last subject's ("up 13% year over year and 7% sequentially");
- **a heading and a colon** say what the items after it are: "Sales by end market as a
  percentage of total: medical, 12%; defense, 41%; industrial, 47%" (shares), "Organic growth
  by region was: Americas 6%, Europe 4% and Asia 11%" (growths). A heading that says neither,
  or items that are not all a name and a figure, give nothing."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..leads import led
from ..wordlists import any_word
from .patterns import (
    CMP,
    DRIVERS,
    FIGURE,
    REVENUE_SAID,
    compared_at_end,
    comparison_said,
    tail,
)
from .phrases import finite_verb, other_measure, words_of
from .records import COMPANY
from .subjects import Subject, read_subject
from .vocabulary import NOT_REVENUE, PERIOD, REVENUE_WORDS, YEARLY


class Found(NamedTuple):
    """A figure read in a clause, before the sentence's gates (figures.py)."""

    kind: str
    value: float
    comparison: str
    subject: Subject
    basis: str
    position: int
    local: str = ""  # the subject's words and those up to the figure
    high: float | None = None
    period: str = ""  # where the list names it ("in the third and fourth quarters")
    of: str = ""  # a share's whole where that is a part ("segment", "EMS"); "" the company's
    prior: bool = False  # the base of the growth before it: no basis of its own is read
    paired: bool = False  # paired with its name by "respectively": no measure before it gates

    @property
    def of_itself(self) -> bool:
        """Whether a share is said of the very part it names ("25% of Lando sales were new to
        the category"): a share of the part's own sales, no part of revenue."""
        return self.kind == "share" and bool(self.of) and self.of == self.subject.name


LIST_SEPARATOR = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
_NAME = r"(?P<name>(?:the\s+)?[A-Za-z][\w&/.'’-]*(?:\s+[A-Za-z&][\w&/.'’-]*){0,4}?)"
_OWN = (
    r"(?:\s+(?:also\s+)?(?P<own>up|down|negative|positive|minus|plus|"  # "and Canada negative 1%"
    r"(?:was|were)(?:\s+(?:up|down))?|at|came\s+in\s+at|"
    r"the\s+remaining|the\s+other))?"
)
_LISTED = led(
    r"(?:,|;|\band\b)\s+(?:and\s+)?" + _NAME + _OWN + r"(?:\s+(?:by|of))?\s+" + CMP + r"$", re.I
)  # "with APAC revenue growing by 84% and EMEA by 61%"; "declines in A of 21% and B of 20%"
# A verb's form or a preposition ending it: no name ("representing an impact of 4%").
_NOT_A_NAME = led(
    r"\b(?:representing|including|excluding|reflecting|reaching|bringing|making|marking|"
    r"leading|totaling|totalling|driving|accounting|comprising|contributing|offsetting|"
    r"resulting|following|compared|driven|led|offset)\b|"
    r"\b(?:of|to|by|from|in|for|at|on|with|which|that|than|as)$|"
    r"\b(?:negative|positive|minus|plus)$|"  # a sign, no name: "and a negative 10% comp"
    # a period, no part: "grew 25%, the second consecutive quarter in excess of 20%"
    r"\b(?:quarter|year|month|week|period)s?$",
    re.I,
)
_NEUTRAL = frozenset({"was", "were", "came"})  # "EMEA also came in at 9%": the list's kind
_SAME = led(r"(?:,|\band\b)\s*(?:by\s+)?" + CMP + r"$", re.I)
# An item set off by a comma or after a semicolon: "the U.S. represented 37% of revenues, Asia,
# 46%; Europe 14%; and the rest of the world 3%"; "Private Banking grew 8%; and Asset Management,
# 6%".
_LISTED_COMMA = led(r"(?:,|;)\s+(?:and\s+)?" + _NAME + r",?\s+" + CMP + r"$", re.I)
# An item that names its place after "in" or "at" with no verb of its own: "…, and in Asia of
# 8%", "and in Asia by 8%", "and at Retail 8%".
_LISTED_IN = led(
    r"(?:,|\band\b)\s+(?:in|at)\s+" + _NAME + r"(?:\s+(?:by|of))?\s+" + CMP + r"$", re.I
)
# The first item of a list a growth or share goes on with, named after a word that opens it and
# with no verb of its own: "…, including CAG 13%, Water 10% and LPD 4%"; "led by CAG at 13%" (not
# what drove it: "including acquisitions 3%", "led by price at 4%").
_LISTED_LED = led(
    r"(?:,\s*|\s)(?:including|led\s+by|driven\s+by)\s+"
    rf"(?!{DRIVERS}\b)" + _NAME + r"(?:\s+(?P<own>at|up|down))?\s+" + CMP + r"$",
    re.I,
)
# What a growth after another came from, no period nor amount it is against: "…, 5% from B2B"
# (not "12% from the prior year", "23% from the linked quarter", "5% from Q3", "from $1.2
# billion", "from pre-pandemic levels").
_FROM_SOURCE = led(
    r"\s+from\s+(?!(?:the\s+|a\s+|an\s+|our\s+|its\s+|last\s+)?(?:prior|previous|last|same|year|"
    r"quarter|period|month|fiscal|first|second|third|fourth|q[1-4]|fy|h[12]|pre|comparable|"
    r"linked|preceding|full|trailing|current|this|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)|"
    r"[\d$€£'’])",
    re.I,
)
_OR_ANOTHER = led(r"^\s*,?\s*or\s+(?:was\s+)?(?P<way>up|down)?\s*" + CMP + r"$", re.I)


# The words between a figure and a noun of change after it: "12% EPS growth" is EPS's.
_BEFORE_NOUN = led(
    r"\s+(?P<words>(?:[\w&-]+\s+){0,2}?)(?:growth|increase|decline|rise)\b"
    r"(?:\s+(?:in|of)\s+(?P<object>(?:[\w&-]+\s+){0,2}[\w&-]+))?",
    re.I,
)


def other_after(text: str, at: int) -> bool:
    """Whether a measure that is not revenue is named between the figure ending at `at` and
    the noun of change after it, or as what that noun is of ("10% operational growth in
    adjusted net income")."""
    found = _BEFORE_NOUN.match(text, at)
    if found is None:
        return False
    words = f"{found['words']} {found['object'] or ''}".lower().split()
    return any(other_measure(w) for w in words)


def _named_after(text: str, at: int) -> bool:
    """Whether a kind of revenue is named between the figure ending at `at` and its noun of
    change ("39% recurring revenue growth"): the figure names its own subject."""
    found = _BEFORE_NOUN.match(text, at)
    if found is None:
        return False
    words = found["words"].lower().split()
    return len(words) >= 2 and words[-1] in REVENUE_WORDS and words[0] not in _WHOLE_WORDS


_WHOLE_WORDS = frozenset({"total", "organic", "net", "reported", "overall", "consolidated"})


def not_revenue_after(text: str, at: int) -> bool:
    """Whether the words right after the figure ending at `at`, before its noun of change, name
    what is no revenue ("40% new business growth": what is signed)."""
    found = _BEFORE_NOUN.match(text, at)
    return found is not None and NOT_REVENUE.search(found["words"]) is not None


# Where a share in a list comes from, said after it: "28% from the Americas".
_FROM_NAMED = led(
    r"\s+(?:(?:came\s+|coming\s+|was\s+|were\s+)?(?:generated\s+)?from|(?:or\s+so|was|were)\s+in)\s+"
    r"(?P<name>[^,;.%]{1,60}?)\s*(?=[,;.]|$|\band\b|\bwhile\b|\bcompared\b)",
    re.I,
)  # "55% of our revenue came from EMEA, 28% from the Americas"; "10% …, 50% was in auto"


def continued(text: str, last: Found, match: re.Match[str]) -> Found | None:
    """A figure that goes on a list after `last` with no verb of its own: its name's (the
    last's where none stands before it), of the last's kind; None where it is no such
    figure."""
    if last.subject.other or not last.subject.name:
        return None  # "Orders were up 30%, services 12%": no list of revenue
    between = text[last.position : match.start()]
    between = between[between.find("%") + 1 :] if "%" in between else between
    led_by = _LISTED_LED.search(between)  # "…, led by CAG at 13%": "led" opens the list
    if led_by is None and any(
        finite_verb(w) and w.lower() not in _NEUTRAL for w in words_of(between)
    ):
        return None
    if last.kind == "share" and re.match(r"\s*of\b", text[match.end() : match.end() + 8]):
        return None  # a share of its own whole: figures.py reads it ("69% of segment profit")
    if other_after(text, match.end()):
        return None  # "9% revenue growth and 12% EPS growth": another measure's
    if last.kind == "growth" and _FROM_SOURCE.match(text, match.end()):
        return None  # "Sales in Mexico increased by 22%, 5% from B2B": what it came from
    if _named_after(text, match.end()):
        return None  # "20% total revenue growth and 39% recurring revenue growth": its own
    cmp_match = compared_at_end(text, tail(text, 40, match.start()), match.start())
    comparison = comparison_said(cmp_match)
    value = float(match["num"]) if match["num"] else 0.0
    source = _FROM_NAMED.match(text, match.end()) if last.kind == "share" else None
    if source is not None and not PERIOD.match(source["name"]):
        # "55% of our revenue came from EMEA, 28% from the Americas": the name after is its own
        subject = read_subject(source["name"], revenue_said=True)
        if not subject.name or subject.other or subject.anaphor or subject.name == COMPANY:
            return None
        return Found("share", value, comparison, subject, "", match.start(), of=last.of)
    alternative = _OR_ANOTHER.search(between)
    if (
        alternative is not None
        and last.kind == "growth"
        and YEARLY.search(text[match.end() : match.end() + 40])
    ):  # "grew 24.4% or 2.8% versus 2019": the same growth against another base
        said = (alternative["way"] or "").lower()
        sign = -1 if said == "down" else 1 if said == "up" else -1 if last.value < 0 else 1
        return last._replace(value=sign * value, comparison=comparison, position=match.start())
    named = _LISTED_COMMA.search(between)
    if named is not None and (
        _NOT_A_NAME.search(named["name"]) or not _a_name(read_subject(named["name"]))
    ):
        named = None  # "up 12% in the quarter, excluding currency, 10%": no item's name
    if named is None and _SAME.search(between):
        sign = -1 if last.value < 0 else 1
        return last._replace(value=sign * value, comparison=comparison, position=match.start())
    named = named or led_by or _LISTED_IN.search(between) or _LISTED.search(between)
    if named is None or _NOT_A_NAME.search(named["name"]):
        return None
    subject = read_subject(named["name"], revenue_said=True)
    if not subject.name or subject.other or subject.anaphor or PERIOD.fullmatch(subject.name):
        return None
    own = (named.groupdict().get("own") or "").lower()
    if own.endswith(("down", "negative", "minus")):
        sign = -1
    elif own.endswith(("up", "positive", "plus")):
        sign = 1
    else:
        sign = -1 if last.value < 0 else 1  # no word of its own: the list's sign
    if last.kind == "share":
        sign = 1
    return Found(last.kind, sign * value, comparison, subject, "", match.start(), of=last.of)


def _a_name(subject: Subject) -> bool:
    """Whether `subject` names one part: no measure of another kind, no pointing back, not the
    whole."""
    return bool(subject.name) and not (subject.other or subject.anaphor) and subject.name != COMPANY


_MIX = led(
    r"^(?P<head>[^%]{0,120}?\b(?:(?:sales|revenues?|business)\s+mix|"
    r"mix\s+of\s+(?:the\s+|our\s+)?(?:business|revenues?|sales)))\s+(?:consists?\s+of|"
    r"consisted\s+of|was|is|of)\s+(?P<items>.+)$|"
    # "We have a nice split between premium and value, 58% premium and 42% value"
    r"^(?P<pair>[^%]{0,120}?\bsplit\s+between\s+[^,%]{1,60}),\s*(?P<paired>.+)$",
    re.I,
)
_FIGURE_FIRST = led(
    r"\s*(?:(?:,|;)\s*)?(?:and\s+)?" + CMP + r"(?P<num>\d{1,3}(?:\.\d+)?)\s?%\s+"
    r"(?:for\s+)?(?P<name>[A-Za-z][\w&/.'’-]*(?:\s+(?!and\b)[A-Za-z][\w&/.'’-]*){0,3})",
    re.I,
)
# The last item of a mix said name first: "…, 30% storage, services 15%".
_NAME_FIRST = led(
    r"\s*(?:,|;)\s*(?:and\s+)?(?P<name>[A-Za-z][\w&/.'’-]*(?:\s+[A-Za-z][\w&/.'’-]*){0,2})\s+"
    + CMP
    + r"(?P<num>\d{1,3}(?:\.\d+)?)\s?%",
    re.I,
)


def _mix(sentence: str) -> list[Found] | None:
    """The items of a mix said as figures then names, each a share; None where the sentence
    is no such list."""
    if not any(map(sentence.__contains__, ("mix", "split", "Mix", "Split"))):
        return None  # looked for only where its word stands: most sentences name none
    match = _MIX.match(sentence)
    if match is None or _GROWTH_HEAD.search(match["head"] or match["pair"]):
        return None  # "a growth split between price and volume, 3% and 2%": no shares
    said = "items" if match["items"] is not None else "paired"
    items, at = match[said], 0
    found: list[Found] = []
    while at < len(items):
        item = _FIGURE_FIRST.match(items, at)
        if item is None and found:
            item = _NAME_FIRST.fullmatch(items.rstrip(" ."), at)
        if item is None:
            break
        subject = read_subject(item["name"].rstrip("."), revenue_said=True)
        if not subject.name or subject.other or subject.anaphor:
            return None
        cmp = comparison_said(item)
        figure = match.start(said) + item.start("num")
        found.append(Found("share", float(item["num"]), cmp, subject, "", figure))
        at = item.end()
    if len(found) < 2 or items[at:].strip(" .;,"):
        return None
    if said == "paired" and abs(sum(f.value for f in found) - 100) > 1:
        return None  # a split between parts is of a whole: its figures make it
    return found


# A heading, a colon, then items that are each a name and a figure.
_HEADED = led(r"^(?P<head>[^:;%]{3,120}?)\s*:\s*(?P<items>.+)$")
# A heading that names a breakdown and ends in its verb: "The revenue breakdown by industry was
# retail at 25%; financial services, 20%; …".
_HEADED_BY_VERB = led(
    r"^(?P<head>[^:;%]{0,80}?\b(?:mix|split|breakdown)\b[^:;%,]{0,40}?)\s+(?:was|were|is|are)\s+"
    r"(?P<items>(?!(?:around|about|approximately|roughly|nearly|almost|over|under|just|up|down)"
    r"\b)[A-Za-z].+)$",
    re.I,
)
_ITEM = led(
    r"\s*(?:(?:,|;)\s*)?(?:and\s+)?(?P<name>[A-Za-z][\w&/.'’ -]{0,40}?)\s*,?\s+"
    r"(?:(?:at|was|were)\s+)?(?P<sign>up\s+|down\s+|\+|-|−)?" + CMP + r"(?P<num>\d{1,3}(?:\.\d+)?)"
    r"\s?(?:%|percent\b)",
    re.I,
)
_SHARE_HEAD = any_word(
    r"mix split breakdown percent(?:age)?_of share_of of_(?:total\s+)?(?:revenues?|sales)",
    also=r"\b(?:revenues?|sales)\s+by\b",
)
_GROWTH_HEAD = any_word("growth grew increased? decreased? declined? changes? up down")


def headed(sentence: str) -> list[Found] | None:
    """The items of a list under a heading, each a name and a figure; None where the
    sentence is no such list, [] where its heading does not say what its figures are."""
    match = _HEADED.match(sentence)
    if match is None and any(map(sentence.lower().__contains__, ("mix", "split", "breakdown"))):
        match = _HEADED_BY_VERB.match(sentence)
    if match is None or not FIGURE.search(match["items"]):
        return _mix(sentence)
    items = match["items"]
    at = 0
    parsed: list[tuple[str, str, str, float, int]] = []
    while at < len(items):
        item = _ITEM.match(items, at)
        if item is None:
            break
        if any(finite_verb(w) for w in item["name"].split()):
            return None  # "Americas declined 4%, EMEA increased 15%": each its own verb
        figure = match.start("items") + item.start("num")  # where the item's figure stands
        parsed.append(
            (item["name"], item["sign"] or "", item["cmp"] or "", float(item["num"]), figure)
        )
        at = item.end()
    if len(parsed) < 2 or items[at:].strip(" .;,"):
        return None  # not every item a name and a figure: the clauses' reading stands
    head = match["head"]
    if not REVENUE_SAID.search(head) and any(
        other_measure(w) for w in re.findall(r"[a-z][\w-]*", head.lower())
    ):
        return []  # "Volumes were up: EMEA 5%, Americas 3%": the items' volumes
    growth = _GROWTH_HEAD.search(head) is not None
    if _SHARE_HEAD.search(head) is None and not growth:
        return []
    kind = "growth" if growth else "share"
    found = []
    for name, sign, cmp, value, figure in parsed:
        subject = read_subject(name, revenue_said=True)
        if not subject.name or subject.other or subject.anaphor:
            return []
        negative = kind == "growth" and sign.strip().lower() in ("down", "-", "−")
        found.append(
            Found(
                kind,
                -value if negative else value,
                " ".join(cmp.lower().split()),
                subject,
                "",
                figure,
            )
        )
    return found


def parallel_item(text: str, last: Found | None, governor: int) -> bool:
    """Whether the phrase before `governor` is an item of a list after the last figure, of a
    part of revenue: only a comma or "and" and the item's name stand between them."""
    if last is None or last.kind != "growth" or last.subject.other or not last.subject.revenue:
        return False
    between = text[last.position : governor]
    return (
        re.fullmatch(r"[\d.]+\s?%\s*(?:,\s*(?:and\s+)?|and\s+)[\w&/.'’ -]{1,50}", between)
        is not None
    )


# A share's verb right after a part's growth and the amount it reached, set off by a comma:
# "…, with recurring revenue up 20% to $2.3 billion, accounting for 81% of total revenue".
_AFTER_GROWTH = led(r"[\d.]+\s*+%\s++(?:to\s++[$€£]\s?[\d.,]+\s*+(?:million|billion)?\s*+)?,\s*+")


def grown_before(text: str, verb: int, last: Found | None) -> Subject | None:
    """The named part whose growth (`last`) the share's verb at `verb` follows ("recurring
    revenue up 20% to $2.3 billion, accounting for 81%": recurring revenue's share); None where
    the verb follows no part's growth."""
    if last is None or last.kind != "growth" or last.subject.name in ("", COMPANY):
        return None
    if last.subject.other or last.subject.anaphor or last.subject.bare:
        return None
    return last.subject if _AFTER_GROWTH.fullmatch(text, last.position, verb) else None
