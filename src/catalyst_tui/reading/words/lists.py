"""Figures in a list, where one verb or one heading serves every item (figures.py reads a figure
that has its own):

- **an item after a share or a growth, with no verb of its own**, is of the same kind and
  measure, and is the name before it: "Japan was 61% of sales, Germany 22% and the rest of the
  world 17%"; "data center was up 30%, networking 12% and storage down 4%"; a figure with no
  name before it is the last subject's ("up 13% year over year and 7% sequentially");
- **"respectively"** pairs a list of names with a list of figures in order, the one verb or "of
  revenue" saying what each is: "Products and services were 64% and 36% of revenue,
  respectively"; "grew 5% and 7% in the third and fourth quarters, respectively" gives the
  subject a growth a period. A list whose names and figures do not pair one to one gives
  nothing;
- **a heading and a colon** say what the items after it are: "Sales by end market as a
  percentage of total: medical, 12%; defense, 41%; industrial, 47%" (shares), "Organic growth
  by region was: Americas 6%, Europe 4% and Asia 11%" (growths). A heading that says neither,
  or items that are not all a name and a figure, give nothing."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..wordlists import any_word
from .measure_words import measures_in, revenue_of_pair
from .patterns import (
    CMP,
    COMPARISON,
    FIGURE,
    NEGATIVE,
    REVENUE_SAID,
    SHARE_OF,
    VERB_THEN,
    comparison_said,
    share_of,
    tail,
)
from .phrases import finite_verb, other_measure, phrase_before, tokens
from .records import COMPANY
from .subjects import Subject, read_subject
from .vocabulary import PERIOD, PERIOD_WORD, REVENUE_WORDS, YEARLY


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


_SEPARATOR = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
_NAME = r"(?P<name>(?:the\s+)?[A-Za-z][\w&/.'’-]*(?:\s+[A-Za-z&][\w&/.'’-]*){0,4}?)"
_OWN = (
    r"(?:\s+(?:also\s+)?(?P<own>up|down|(?:was|were)(?:\s+(?:up|down))?|at|came\s+in\s+at|"
    r"the\s+remaining|the\s+other))?"
)
_LISTED = re.compile(
    r"(?:,|\band\b)\s+" + _NAME + _OWN + r"(?:\s+by)?\s+" + CMP + r"$", re.I
)  # "with APAC revenue growing by 84% and EMEA by 61%"
# A verb's form or a preposition ending it: no name ("representing an impact of 4%").
_NOT_A_NAME = re.compile(
    r"\b(?:representing|including|excluding|reflecting|reaching|bringing|making|marking|"
    r"leading|totaling|totalling|driving|accounting|comprising|contributing|offsetting|"
    r"resulting|following|compared|driven|led|offset)\b|"
    r"\b(?:of|to|by|from|in|for|at|on|with|which|that|than|as)$|"
    # a period, no part: "grew 25%, the second consecutive quarter in excess of 20%"
    r"\b(?:quarter|year|month|week|period)s?$",
    re.I,
)
_NEUTRAL = frozenset({"was", "were", "came"})  # "EMEA also came in at 9%": the list's kind
_SAME = re.compile(r"(?:,|\band\b)\s*" + CMP + r"$", re.I)
_OR_ANOTHER = re.compile(r"^\s*,?\s*or\s+(?:was\s+)?(?P<way>up|down)?\s*" + CMP + r"$", re.I)


# The words between a figure and a noun of change after it: "12% EPS growth" is EPS's.
_BEFORE_NOUN = re.compile(
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


def continued(text: str, last: Found, match: re.Match[str]) -> Found | None:
    """A figure that goes on a list after `last` with no verb of its own: its name's (the
    last's where none stands before it), of the last's kind; None where it is no such
    figure."""
    if last.subject.other or not last.subject.name:
        return None  # "Orders were up 30%, services 12%": no list of revenue
    between = text[last.position : match.start()]
    between = between[between.find("%") + 1 :] if "%" in between else between
    if any(finite_verb(w) and w.lower() not in _NEUTRAL for _, w in tokens(between)):
        return None
    if last.kind == "share" and re.match(r"\s*of\b", text[match.end() : match.end() + 8]):
        return None  # a share of its own whole: figures.py reads it ("69% of segment profit")
    if other_after(text, match.end()):
        return None  # "9% revenue growth and 12% EPS growth": another measure's
    cmp_match = COMPARISON.search(text, tail(text, 40, match.start()), match.start())
    comparison = comparison_said(cmp_match)
    value = float(match["num"]) if match["num"] else 0.0
    alternative = _OR_ANOTHER.search(between)
    if (
        alternative is not None
        and last.kind == "growth"
        and YEARLY.search(text[match.end() : match.end() + 40])
    ):  # "grew 24.4% or 2.8% versus 2019": the same growth against another base
        said = (alternative["way"] or "").lower()
        sign = -1 if said == "down" else 1 if said == "up" else -1 if last.value < 0 else 1
        return last._replace(value=sign * value, comparison=comparison, position=match.start())
    if _SAME.search(between):
        sign = -1 if last.value < 0 else 1
        return last._replace(value=sign * value, comparison=comparison, position=match.start())
    named = _LISTED.search(between)
    if named is None or _NOT_A_NAME.search(named["name"]):
        return None
    subject = read_subject(named["name"], revenue_said=True)
    if not subject.name or subject.other or subject.anaphor or PERIOD.fullmatch(subject.name):
        return None
    own = (named["own"] or "").lower()
    sign = -1 if own.endswith("down") else 1 if own.endswith("up") else -1 if last.value < 0 else 1
    if last.kind == "share":
        sign = 1
    return Found(last.kind, sign * value, comparison, subject, "", match.start(), of=last.of)


_RESPECTIVELY = re.compile(r",?\s*\brespectively\b", re.I)
_BETWEEN_FIGURES = re.compile(_SEPARATOR + CMP, re.I)
_IN_NAMES = re.compile(r"^\s*(?:in|for|from)\s+(?P<names>[^,;%]{1,120}?)\s*,?\s*$", re.I)


def respectively(text: str, first: bool, revenue_said: bool) -> list[Found] | None:
    """The figures of a clause with "respectively", each with its name; None for a clause
    without the word, [] for one whose names and figures do not pair."""
    said = _RESPECTIVELY.search(text)
    if said is None:
        return None
    figures = [m for m in FIGURE.finditer(text) if m.start() < said.start() and m["num"]]
    if len(figures) < 2:
        return []
    for a, b in zip(figures, figures[1:], strict=False):
        if not _BETWEEN_FIGURES.fullmatch(text, a.end(), b.start()):
            return []  # not one list of figures
    rest = text[figures[-1].end() : said.start()]
    share = SHARE_OF.match(rest)
    head = text[: figures[0].start()]
    verb = VERB_THEN.search(head)
    if share is None and (verb is None or verb.end() != len(head)):
        return []  # neither "of revenue" nor a verb of change says what the figures are
    names_at = _IN_NAMES.match(rest[share.end() :] if share else rest)
    names = _names(names_at["names"]) if names_at else []
    periods = bool(names) and all(_a_period(n) for n in names)
    if not names or periods:
        at = verb.start() if verb is not None else _share_verb_at(head)
        names = _names(phrase_before(text, at)) if at is not None and not periods else names
    if not names and verb is not None and share is None:
        names = _names(measures_in(head[: verb.start()]))  # "growth in both bookings and revenue"
    if len(names) != len(figures):
        return []
    subjects: list[Subject | None] | None = None
    if share is None and not periods:  # "Orders and revenue were up 12% and 8%, respectively"
        subjects = revenue_of_pair(names, text, first)
    if subjects is None:
        each = _subjects(names, revenue_said or share is not None, periods, text, first)
        subjects = None if each is None else list(each)
    if subjects is None:
        return []
    sign = -1 if verb is not None and NEGATIVE.match(verb["verb"]) else 1
    kind = "share" if share is not None else "growth"
    found = []
    for figure, subject, name in zip(figures, subjects, names, strict=True):
        if subject is None:
            continue  # another measure's figure on the pair
        found.append(
            Found(
                kind,
                sign * float(figure["num"]),
                _comparison(text, figure),
                subject,
                "",
                figure.start(),
                period=name if periods else "",
                of=share_of(share) if share is not None else "",
                paired=True,
            )
        )
    return found


# Two parts said together, then "both" or "each" before the verb: "Surgery and Peripheral
# Intervention revenues are both up 8%".
_BOTH = re.compile(r"\s+(?:(?:are|were|have|has)\s+)?(?:both|each)\s*$", re.I)


def both(text: str, figure: re.Match[str], revenue_said: bool) -> list[Found]:
    """The first figure of a clause given to each of two revenues named together before
    "both" or "each" and its verb; [] where the clause says no such pair."""
    head = text[: figure.start()]
    verb = VERB_THEN.search(head)
    if verb is None or verb.end() != len(head) or verb["obj"]:
        return []
    said = _BOTH.search(head, 0, verb.start())
    if said is None or said.end() != verb.start():
        return []
    phrase = phrase_before(text, said.start())
    names = _names(phrase)
    if len(names) != 2 or not re.search(r"\b(?:revenues?|sales)$", phrase, re.I):
        return []  # two revenues said, never two measures of any kind
    subjects = _subjects(names, revenue_said, False, text, False)
    if subjects is None or any(not s.revenue or s.name == COMPANY for s in subjects):
        return []
    sign = -1 if NEGATIVE.match(verb["verb"]) else 1
    value = sign * float(figure["num"])
    return [
        Found("growth", value, _comparison(text, figure), s, "", figure.start()) for s in subjects
    ]


def _comparison(text: str, figure: re.Match[str]) -> str:
    """The comparison word said just before `figure` ("more than", "about"), or ""."""
    said = COMPARISON.search(text, tail(text, 40, figure.start()), figure.start())
    return comparison_said(said)


def _names(phrase: str) -> list[str]:
    """ "Cloud, licenses and maintenance": three names; a head the last one ends with and the
    others lack ("Hardware and software revenue", "Industrial and Medical segments") is theirs
    too."""
    items = [n.strip() for n in re.split(_SEPARATOR, phrase.strip(), flags=re.I) if n.strip()]
    if len(items) < 2:
        return []
    *rest, last = items
    words = last.split()
    head = words[-1] if len(words) > 1 else ""
    if (
        head
        and all(head.lower() not in n.lower().split() for n in rest)
        and not any(_a_measure(n) for n in rest)  # "Revenue and adjusted EBITDA": two measures
    ):
        return [*(f"{n} {head}" for n in rest), last]
    return items


def _a_measure(name: str) -> bool:
    """Whether a name ends with a measure's word: "Revenue", "C2C revenues", "orders"."""
    last = name.split()[-1].lower() if name.split() else ""
    return last in REVENUE_WORDS or other_measure(last)


def _a_period(name: str) -> bool:
    words = [w for w in name.lower().split() if w not in ("the", "a", "an", "of")]
    return bool(words) and all(
        w in PERIOD_WORD or PERIOD.fullmatch(w) or w.isdigit() for w in words
    )


def _subjects(
    names: list[str], revenue_said: bool, periods: bool, text: str, first: bool
) -> list[Subject] | None:
    from .clauses import clause_subject

    if periods:
        subject = clause_subject(text, first, revenue_said)
        if not subject.name or subject.other or subject.anaphor:
            return None
        return [subject] * len(names)
    subjects = [read_subject(n, revenue_said=revenue_said) for n in names]
    if any(not s.name or s.other or s.anaphor for s in subjects):
        return None  # "gross margin and operating margin", "our two largest customers"
    return subjects


_SHARE_VERB = re.compile(
    r"\b(?:accounted\s+for|represented|comprised|made\s+up|were|was|are|is)\s+$", re.I
)


def _share_verb_at(head: str) -> int | None:
    match = _SHARE_VERB.search(head)
    return match.start() if match else None


# A mix said with its items, each a figure then its name: "our sales mix consists of 73.9%
# dine-in, 13.9% delivery and 12.2% To-Go".
_MIX = re.compile(
    r"^(?P<head>[^%]{0,120}?\b(?:sales|revenues?)\s+mix)\s+(?:consists?\s+of|consisted\s+of|"
    r"was|is|of)\s+(?P<items>.+)$",
    re.I,
)
_FIGURE_FIRST = re.compile(
    r"\s*(?:(?:,|;)\s*)?(?:and\s+)?" + CMP + r"(?P<num>\d{1,3}(?:\.\d+)?)\s?%\s+"
    r"(?P<name>[A-Za-z][\w&/.'’-]*(?:\s+(?!and\b)[A-Za-z][\w&/.'’-]*){0,3})",
    re.I,
)


def _mix(sentence: str) -> list[Found] | None:
    """The items of a mix said as figures then names, each a share; None where the sentence
    is no such list."""
    match = _MIX.match(sentence)
    if match is None:
        return None
    items, at, found = match["items"], 0, []
    while at < len(items):
        item = _FIGURE_FIRST.match(items, at)
        if item is None:
            break
        subject = read_subject(item["name"].rstrip("."), revenue_said=True)
        if not subject.name or subject.other or subject.anaphor:
            return None
        cmp = comparison_said(item)
        figure = match.start("items") + item.start("num")
        found.append(Found("share", float(item["num"]), cmp, subject, "", figure))
        at = item.end()
    if len(found) < 2 or items[at:].strip(" .;,"):
        return None
    return found


# A heading, a colon, then items that are each a name and a figure.
_HEADED = re.compile(r"^(?P<head>[^:;%]{3,120}?)\s*:\s*(?P<items>.+)$")
_ITEM = re.compile(
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
