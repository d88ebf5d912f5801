"""Shares and growths of revenue in one sentence, read by its structure.

A sentence is cut into clauses (at ";", "while", "whereas", "but", and at "and" or ", and"
that opens a new subject and verb). In each clause every percentage is a figure, and the words
around it say what it is:

- a **share** when "of revenue" (or sales, licensing, the business) follows it: "accounted for
  19% of the business segment revenues";
- a **growth** when a verb or noun of change governs it: "grew 15% sequentially", "up $193
  million or 13%", "an increase of 50.8%", "a 31% sequential decline", "13% total revenue
  growth", "more than doubled"; "down", "declined", "decrease" make it negative. A figure that
  follows one in a list without a verb of its own ("up 13% for notebooks, 11% for desktops")
  is read the same way;
- nothing otherwise: a level ("gross margin was 39%"), a contribution ("currency contributed
  1.7%"), an impact ("impacted our revenue by 24%").

Its basis is the words after it up to the next figure ("sequentially", "year over year",
"versus the prior year", "from Q1"), else the clause's opening words ("On a sequential basis,
..."). A clause that hedges ("would", "could", "if", "we aim for") states no figure."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .attribution import (
    apposition_other,
    measure_before,
    object_subject,
    other_in,
    subject_at,
)
from .clauses import Clause, clause_subject, clauses
from .facts import named_customer
from .lists import Found, continued, headed, respectively
from .patterns import (
    CMP,
    COMPARISON,
    CUSTOMER,
    CUT_BASIS,
    EXIT_RATE,
    FIGURE,
    MULTIPLE,
    NEGATIVE,
    NOUN_AFTER,
    RANGE_TO,
    REVENUE_SAID,
    SHARE_BEFORE,
    SHARE_OF,
    SHARE_VERB,
    VERB_THEN,
)
from .records import COMPANY, Stated
from .subjects import Subject, phrase_before, read_subject
from .vocabulary import (
    ATTRIBUTED,
    EXCLUDED_PART,
    FORWARD,
    HEDGES,
    NEGATION,
    SEQUENTIAL,
    YEARLY,
)


def read_figures(
    sentence: str, start: int, end: int, customers: frozenset[str], parts: frozenset[str]
) -> Iterator[Stated]:
    """Every share and growth of revenue `sentence` states, with its subject."""
    revenue_said = REVENUE_SAID.search(sentence) is not None
    first_subject: Subject | None = None
    first_clause: Clause | None = None  # a clause before any figure: its subject when needed
    previous: Subject | None = None
    listed = headed(sentence)
    spans = [Clause(0, len(sentence))] if listed is not None else clauses(sentence)
    for clause in spans:
        text = sentence[clause.start : clause.end]
        if not FIGURE.search(text):
            first_clause = first_clause or clause
            continue
        found = (
            listed
            if listed is not None
            else list(_clause_figures(text, clause.start == 0, revenue_said, parts))
        )
        if not found or ATTRIBUTED.search(text):
            continue
        if first_subject is None and first_clause is not None:
            opening = sentence[first_clause.start : first_clause.end]
            first_subject = clause_subject(opening, first_clause.start == 0, revenue_said)
        first_subject = first_subject or clause_subject(text, clause.start == 0, revenue_said)
        for figure in found:
            lead = _DISCOURSE.sub(" ", text[: figure.position])
            if HEDGES.search(lead) or NEGATION.search(sentence[: clause.start + figure.position]):
                continue
            if figure.subject.name == COMPANY and EXCLUDED_PART.search(text):
                continue  # "Excluding China, revenue grew 6%": not the company's whole
            subject = figure.subject
            if subject.other:
                continue  # a measure that is not revenue, or a part named before the sentence
            if subject.anaphor or not subject.name:
                subject = previous or first_subject or subject
            if subject.other or not subject.name or subject.anaphor:
                continue
            if not subject.revenue and subject.name.casefold() not in parts:
                continue
            if _customer(subject.name, figure.local, customers):
                continue
            if _customers_said(text[: figure.position]) and (
                not read_subject(subject.name).revenue or _apposed_to_customer(text, subject.name)
            ):
                continue  # "customer categories, led by large cloud service providers, which …"
            previous = subject
            period = figure.period or _period(text)
            yield Stated(
                figure.kind,  # type: ignore[arg-type]
                subject.name,
                figure.value / 100,
                None if figure.high is None else figure.high / 100,
                figure.comparison,
                figure.basis,
                period,
                FORWARD.search(text[: figure.position]) is not None,  # said before: a forecast
                "",
                sentence,
                start,
                end,
            )


def _customers_said(words: str) -> bool:
    """Whether `words` speak of customers ("by customer segment" names a way to split revenue)."""
    return CUSTOMER.search(re.sub(r"customer\s+segments?", "", words, flags=re.I)) is not None


def _apposed_to_customer(text: str, name: str) -> bool:
    """ "Our largest customer, Walmart, accounted for 15% of sales": the name stands just after
    the word customer."""
    at = text.find(name)
    return at > 0 and CUSTOMER.search(text[max(0, at - 30) : at]) is not None


def _customer(name: str, before: str, customers: frozenset[str]) -> bool:
    """A customer's figure (concentration), no line's: the clause calls its subject a
    customer before the figure, or the document calls the name one."""
    if _customers_said(before):
        return True
    return named_customer(name, customers)


def _period(text: str) -> str:
    match = re.search(
        r"\b(?:(?:the\s+)?(?:first|second|third|fourth)\s+quarter|Q[1-4]|(?:the\s+)?full[- ]year|"
        r"(?:fiscal\s+)?(?:19|20)\d\d)\b",
        text,
        re.I,
    )
    return match.group() if match else ""


def _clause_figures(
    text: str, first: bool, revenue_said: bool, parts: frozenset[str]
) -> Iterator[Found]:
    frame_basis = _basis(text[: FIGURE.search(text).start()])  # type: ignore[union-attr]
    figures = list(FIGURE.finditer(text))
    paired = respectively(text, first, revenue_said)
    if paired is not None:  # "64% and 36% of revenue, respectively": each its name, or none
        basis = _basis(_basis_window(text[figures[-1].end() :])) or frame_basis
        for found in paired:
            yield found._replace(basis=basis if found.kind == "growth" else "")
        return
    last: Found | None = None
    skip = -1
    for i, match in enumerate(figures):
        if i == skip:
            continue
        nxt = figures[i + 1].start() if i + 1 < len(figures) else len(text)
        before, after = text[: match.start()], text[match.end() : nxt]
        high = None
        if i + 1 < len(figures) and RANGE_TO.fullmatch(after):
            high = figures[i + 1]  # "10% to 15% of revenue": one share, both ends
            after = text[high.end() : figures[i + 2].start() if i + 2 < len(figures) else len(text)]
            if not SHARE_OF.match(after):
                skip = i + 1  # "a 68% and 69% increase", "12%-14% growth": two periods' or a range
                last = None
                continue
            skip = i + 1
        rate = EXIT_RATE.search(before, _tail(before, 80))
        if last is not None and last.kind == "share" and rate and rate.end() == len(before):
            said = " ".join(rate["rate"].split())
            yield last._replace(
                value=float(match["num"] or 0),
                basis=said,
                position=match.start(),
                comparison=" ".join((rate["cmp"] or "").lower().split()),
            )
            continue
        found = _one(text, match, before, after, first, revenue_said, last)
        if found is None:
            last = None
            continue
        found = found._replace(local=_local(text, match.start()))
        if high is not None and found.kind == "share":
            found = found._replace(high=float(high["num"] or 0), comparison="between")
        since = figures[i - 1].end() if i else 0
        basis = (
            _basis(_basis_window(after))
            or _basis(_basis_window(text[since : match.start()]))
            or frame_basis
        )
        found = found._replace(basis=basis if found.kind == "growth" else "")
        last = found
        yield found


def _local(text: str, at: int) -> str:
    """The words a figure's subject and verb take: from the last clause-opening comma or
    "with" before it."""
    cut = max(text.rfind(",", 0, at), text.rfind(" with ", 0, at), text.rfind(" and ", 0, at))
    return text[max(cut, 0) : at]


def _basis_window(after: str) -> str:
    cut = CUT_BASIS.search(after)
    return after[: cut.start()] if cut else after


def _basis(words: str) -> str:
    if SEQUENTIAL.search(words):
        return "sequential"
    if YEARLY.search(words):
        return "year over year"
    return ""


def _one(
    text: str,
    match: re.Match[str],
    before: str,
    after: str,
    first: bool,
    revenue_said: bool,
    last: Found | None,
) -> Found | None:
    if match["mult"]:
        said = COMPARISON.search(before, _tail(before, 40))
        value = MULTIPLE[match["mult"].lower()]
        verb_at = said.start() if said is not None else match.start()
        subject = subject_at(text, verb_at, after, first, revenue_said)
        comparison = " ".join((said["cmp"] or "").lower().split()) if said else ""
        return Found("growth", value, comparison, subject, "", match.start())
    value = float(match["num"])
    cmp_match = COMPARISON.search(before, _tail(before, 40))
    comparison = " ".join((cmp_match["cmp"] or "").lower().split()) if cmp_match else ""
    if not comparison and re.search(r"\b(?:exceed|surpass|top)\w*\s*$", before, re.I):
        comparison = "over"  # "to exceed 10% of total revenue"
    if re.match(r"\s*(?:points?|basis)\b", after, re.I):
        return None
    if SHARE_OF.match(after):
        if value > 100 or re.search(r"\b(?:of|from)\s*(?:the\s+|each\s+)?$", before[-12:], re.I):
            return None  # no part is more than the whole: "250% of revenue" is no share
        share_at = _share_verb(before)
        if share_at is None:
            return _share_from(after, value, comparison, match.start())
        subject = subject_at(text, share_at, "", first, revenue_said)
        if subject.name in ("", COMPANY) or not (subject.revenue or subject.name[0].isupper()):
            subject = clause_subject(text, first, revenue_said)
        if subject.name == COMPANY or clause_subject(text, first, revenue_said).other:
            return (
                None  # no share of itself; "Operating income was $54.3 million or 20% of revenue"
            )
        return Found("share", value, comparison, subject, "", match.start())
    said_share = SHARE_BEFORE.search(before, _tail(before, 120))
    if said_share is not None and value <= 100:
        subject = read_subject(phrase_before(text, said_share.start()), first=first)
        return Found("share", value, comparison, subject, "", match.start())
    if (
        last is not None
        and last.kind == "share"
        and re.search(
            r"\b(?:from|compared\s+(?:with|to)|versus|vs\.?)\s+(?:the\s+)?$", before, re.I
        )
    ):
        return Found("share", value, comparison, last.subject, "", match.start())
    verb = VERB_THEN.search(before, _tail(before, 160))
    noun = NOUN_AFTER.match(after)
    part_of = _PART_OF.search(before, _tail(before, 60)) is not None
    if verb is None and noun is None and part_of and last is not None and last.kind == "growth":
        named = object_subject(after, of_revenue=True)  # "growth of 5%, including 3% in Canada"
        if named is None or last.subject.other:
            return None
        sign = -1 if last.value < 0 else 1
        return Found("growth", sign * value, comparison, named, "", match.start())
    if verb is None and noun is None:
        listed = continued(text, last, match) if last else None
        if listed is not None and listed.kind == "growth":
            named = object_subject(after)
            return listed._replace(subject=named) if named else listed
        return listed
    if (
        verb is not None
        and re.search(r"\bby\s*$", before)
        and re.search(r"\b(?:impact|reduc|offset|hurt)\w*\s+[\w\s]{0,30}by\s*$", before, re.I)
    ):
        return None
    word = (verb["verb"] if verb is not None else noun["noun"]).lower()  # type: ignore[index]
    negative = bool(NEGATIVE.match(word)) or bool(re.match(r"\s*below\b", after, re.I))
    if re.match(r"(?:up|down)\s+from", word):
        return None  # "up from 29% a year ago": the figure is the base
    if verb is not None:
        between = verb["gap"] or ""
        governor = verb.start()
    else:
        between, governor = "", _governor_before(before)
    if other_in(between) or (noun is not None and other_in(_noun_object(after, noun.end()))):
        return None
    if apposition_other(text, governor):
        return None  # "spent $2.1 billion on capital expenditures, an increase of 11%"
    own = subject_at(text, governor, "", first, revenue_said)
    growth_noun = verb is not None and re.match(r"(?:growth|increase|decline|decrease)\b", word)
    if growth_noun and not own.name and not own.other:  # "Organic growth was 6%": the company's
        own = measure_before(text, governor)
    if _parallel(text, last, governor) and own.name and not own.other:
        own = own._replace(revenue=True)  # "data center was up 30%, and storage down 4%"
    named = object_subject(after, of_revenue=own.name == COMPANY or part_of)
    if named is not None and clause_subject(text, first, revenue_said).other:
        return None  # "increases in R&D expenses were driven by a 30% increase in compensation"
    subject = named or own
    if named is None and _IN_REVENUE.match(after) and not read_subject(subject.name).revenue:
        subject = Subject(COMPANY, True, False, False)  # "The 10% increase in revenue was …"
    if re.search(r"\bgrowth(?:\s+rate)?\s*$", phrase_before(text, governor), re.I):
        subject = measure_before(text, governor)  # "with growth accelerating to 131%"
    return Found("growth", -value if negative else value, comparison, subject, "", match.start())


# Words of talk, no condition: "if you look at it", "if you think about it".
_DISCOURSE = re.compile(r"\bif\s+you\s+(?:look|think|compare|go|step\s+back)\b[^,;]{0,40}", re.I)
# A figure given as a part of the one before it: "led by 15% growth in cloud", "including 3% in
# Canada", "with 12% growth in services".
_PART_OF = re.compile(
    r"\b(?:(?:led|driven|helped|fueled|powered)\s+(?:primarily\s+|mainly\s+|largely\s+)?by|"
    r"including|with|of\s+which)\s+(?:an?\s+|the\s+)?" + CMP + r"$",
    re.I,
)
_IN_REVENUE = re.compile(
    r"\s*(?:increase|growth|decline|decrease)\s+in\s+(?:total\s+)?revenues?\b", re.I
)


# What a share that opens its clause is of: "About 30% of our revenue comes from software".
_SHARE_FROM = re.compile(
    r"\s*(?:(?:comes?|came|was|were|is|are)\s+(?:generated\s+|derived\s+)?(?:from|in|by)|"
    r"(?:was|were|is|are)\s+(?:generated|derived|earned)\s+(?:from|in|by))\s+"
    r"(?P<x>[^,;.%]{1,60}?)\s*(?=[,;.]|$|\band\b|\bwhich\b|\bwhile\b)",
    re.I,
)


def _share_from(after: str, value: float, comparison: str, at: int) -> Found | None:
    """A share whose part comes after it: "30% of our revenue comes from software"."""
    of = SHARE_OF.match(after)
    said = _SHARE_FROM.match(after, of.end()) if of else None
    if said is None or value > 100:
        return None
    subject = read_subject(said["x"], revenue_said=True)
    if not subject.name or subject.name == COMPANY or subject.other or subject.anaphor:
        return None
    return Found("share", value, comparison, subject, "", at)


def _parallel(text: str, last: Found | None, governor: int) -> bool:
    """Whether the phrase before `governor` is an item of a list after the last figure, of a
    part of revenue: only a comma or "and" and the item's name stand between them."""
    if last is None or last.kind != "growth" or last.subject.other or not last.subject.revenue:
        return False
    between = text[last.position : governor]
    return (
        re.fullmatch(r"[\d.]+\s?%\s*(?:,\s*(?:and\s+)?|and\s+)[\w&/.'’ -]{1,50}", between)
        is not None
    )


def _noun_object(after: str, end: int) -> str:
    """A noun of change with what it is of: "increase in impressions", "growth of orders"."""
    of = re.match(r"\s+(?:in|of|for)\s+[^,;.]{1,40}", after[end:])
    return after[: end + (of.end() if of else 0)]


def _governor_before(before: str) -> int:
    """Where the phrase that governs a noun of change begins: "we delivered 13% total revenue
    growth" is governed by "delivered", "a 41% increase" by the article."""
    at = _tail(before, 40)
    stripped = before[:at] + COMPARISON.sub("", before[at:])
    stripped = re.sub(r"\b(?:an?|the)\s*$", "", stripped.rstrip())
    return len(stripped.rstrip())


def _share_verb(before: str) -> int | None:
    match = SHARE_VERB.search(before, _tail(before, 120))
    return match.start() if match else None


def _tail(text: str, size: int) -> int:
    """Where the last `size` characters of `text` begin, at a word's start: the words a
    figure's governing verb or comparison stands in (an anchored search from there)."""
    if len(text) <= size:
        return 0
    space = text.find(" ", len(text) - size)
    return space + 1 if space >= 0 else len(text) - size
