"""A share whose part is said after it: "About 30% of our revenue comes from software", "…,
with 70% of our revenue in software" (one_figure.py reads the figure, this module the part);
and a second share of the part the share before it is of (share_again)."""

from __future__ import annotations

import re

from ..leads import led
from ..wordlists import one_of
from .attribution import other_in, subject_at
from .clauses import clause_subject
from .lists import Found, grown_before
from .patterns import (
    FIGURE,
    SHARE_OF,
    SHARE_VERB,
    compared_at_end,
    comparison_said,
    share_of,
    tail,
)
from .phrases import finite_verb, phrase_before, words_of
from .records import COMPANY
from .relatives import RELATIVE_BEFORE, relative_unread
from .subjects import Subject, read_subject
from .vocabulary import NOT_REVENUE, PERIOD

__all__ = [
    "gapped_share",
    "listed_share_verb",
    "share_again",
    "share_beside",
    "share_from",
    "share_of_whole",
    "share_verb",
    "whole_said_next",
]


# Buyers of a kind are a cohort of customers, no channel: "53% of our sales were to first-time
# buyers".
_COHORT = r"(?:buyers?|customers?|clients?|consumers?|users?|patients?|shoppers?|homeowners?)"
# What a share that opens its clause is of: "About 30% of our revenue comes from software".
_SHARE_FROM = led(
    # a verb the share is the subject of: "… of revenue was generated through" ("15% of the
    # revenue generated from licensed H20 sales", a participle, is what some other verb acts on)
    r"\s*(?:(?:comes?|came|was|were|is|are)\s+(?:generated\s+|derived\s+)?(?:from|in|by)|"
    r"(?:comes?|came)\s+through|"
    # the rest of the world: "20% of our sales are outside the U.S."
    r"(?:was|were|is|are)(?:\s+(?:now\s+)?from)?(?=\s+outside\b)|"
    r"(?:was|were|is|are)\s+(?:now\s+)?(?:generated|derived|earned)\s+(?:from|in|by|through|on)|"
    # a channel it is sold through, named in lower case (a name is a customer's): "90% of our
    # revenue is driven through branded suppliers", "75% of our sales are to two-step
    # distribution" (not "is to be", "are to Apple", "were to first-time buyers")
    r"(?:was|were|is|are)\s+(?:now\s+)?(?:(?:driven|sold)\s+)?(?:through|via|to(?!\s+be\b))"
    r"(?=\s+(?:our\s+)?(?!the\s+(?-i:[A-Z]))(?-i:[a-z]))(?![^,;.%]{0,40}?\b" + _COHORT + r"\b)|"
    # what it is, named bare in lower case and ending its clause: "over 90% of our revenue is
    # consumables" (not "is expected", "is tied to", "is recurring")
    r"(?P<bare>(?:was|were|is|are))(?=\s+(?-i:[a-z][\w-]*)(?:\s+(?-i:[a-z][\w-]*)){0,2}\s*(?:[,;.]|$))"
    r"(?!\s+(?:[\w-]+\s+){0,2}?[\w-]*(?:ed|ing|ly)\b)(?!\s+(?:not|also|still|now|very|more|"
    r"less|about|approximately|roughly|just|only|all|both|each|ours|there|here|up|down|flat|records?|"
    r"higher|lower|\w+er)\b))"
    r"\s+"
    r"(?P<x>[^,;.%]{1,60}?)\s*(?=[,;.]|$|\band\b|\bwhich\b|\bwhile\b|"
    r"\b(?:compared|versus|vs)\b|\b(?:up|down)\s+from\b)",
    re.I,
)


_THE_BEFORE = led(r"\bthe\s+$", re.I)
# A share said with "with" and no verb: "with over 70% of our revenue in software and services".
_ABOUT = one_of("over about approximately nearly roughly almost around more_than less_than")
_WITH = led(rf"\bwith\s+(?:{_ABOUT}\s+)?$", re.I)
_WITH_IN = led(
    r"\s+(?:(?:generated|coming|derived)\s+)?(?:in|from|through)\s+"
    r"(?P<x>[^,;.%]{1,60}?)\s*(?=[,;.]|$|\band\s+(?:an?|the|our)\b|"
    r"\bwhich\b|\bwhile\b)",
    re.I,
)


# A share its subject makes from a part: "Our power segment generates 70% of its revenues from
# services" (the services', of the segment's revenue).
_MADE_BEFORE = led(
    r"\b(?:generat|deriv|earn)(?:es|ed|e|ing)\s+(?:(?:about|approximately|roughly|nearly|over|"
    r"almost|more\s+than)\s+)?$",
    re.I,
)
_MADE_FROM = led(
    r"\s+(?:from|through)\s+(?P<x>[^,;.%]{1,60}?)\s*(?=[,;.]|$|\b(?:and|which|while|as)\b)", re.I
)


# A second part joined to the first: the share is both's.
_ANOTHER_PART = led(
    r"\s*and\s+(?!(?:an?|the|our|its|we|it|this|that)\b)[A-Za-z][\w&-]*(?:\s+[A-Za-z][\w&-]*){0,3}"
    r"\s*(?:[,.;]|$)",
    re.I,
)


# What kind of revenue a share is, said of it as a trait: "65% of our revenue is recurring in
# nature", "less than 1% of our sales were online".
_WHAT_IT_IS = led(
    r"\s*(?:is|are|was|were)\s+(?:now\s+|already\s+|still\s+)?"
    r"(?P<x>recurring|international|domestic|online|digital|e-?commerce)"
    r"(?:\s+in\s+nature)?\s*(?=[,;.]|$|\band\b)",
    re.I,
)
# The rest of the world beside a place: "outside the U.S.", "outside of China".
_OUTSIDE = led(r"outside\s+(?:of\s+)?(?P<place>.+)", re.I)
# An abbreviation's letters on after its first, which a part's name stops before: "U" of "U.S.".
_DOTTED = led(r"(?:\.[A-Z])++\.?")
# Parts listed on after the first: "40% of sales came through home decor, Seasonal and hard
# lines" (all three's).
_LISTED_ON = led(r",\s*[A-Za-z][\w&-]*(?:\s+[A-Za-z][\w&-]*){0,3}\s*(?:,|and\b)")


def share_from(
    after: str, of: re.Match[str], value: float, comparison: str, at: int, *, before: str
) -> Found | None:
    """A share whose part comes after its whole (`of`, SHARE_OF's match in `after`): "30% of our
    revenue comes from software", "65% of our revenue is recurring"; with `before` (the words
    before it) ending in "with", "…, with 70% of our revenue in software"."""
    said = _SHARE_FROM.match(after, of.end()) or _WHAT_IT_IS.match(after, of.end())
    if said is None and _MADE_BEFORE.search(before, tail(before, 40)) is not None:
        said = _MADE_FROM.match(after, of.end())  # "generates 70% of its revenues from services"
    if said is None and _WITH.search(before, tail(before, 40)) is not None:
        said = _WITH_IN.match(after, of.end())
        if said is not None and PERIOD.match(said["x"].removeprefix("the ")):
            return None  # "with 40% of revenue in the fourth quarter": when, not what
    if said is None or value > 100:
        return None
    if said.re is _SHARE_FROM and said["bare"] and _THE_BEFORE.search(before, tail(before, 10)):
        return None  # "both adjusted EBITDA and the 21.1% of revenue were records": a ratio named
    if _ANOTHER_PART.match(after, said.end()) or _LISTED_ON.match(after, said.end()):
        return None  # "25% of our sales coming from China and India": both's, no one's
    named = said["x"]
    if named[-1:].isupper() and (dots := _DOTTED.match(after, said.end("x"))) is not None:
        named += dots.group()  # "… of our sales are in the U.S.": the abbreviation whole
    subject = read_subject(named, revenue_said=True)
    if (rest := _OUTSIDE.match(named)) is not None:  # the rest of the world, no place's own
        place = read_subject(rest["place"], revenue_said=True)
        subject = Subject(named if place.part else "", True, False, False)
    if said.re is _WHAT_IT_IS and said["x"].lower() == "recurring":
        subject = subject._replace(name="recurring revenue")  # a trait, no verb's "-ing"
    if not subject.name or subject.name == COMPANY or subject.other or subject.anaphor:
        return None
    return Found("share", value, comparison, subject, "", at, of=share_of(of))


def share_again(text: str, last: Found | None, match: re.Match[str]) -> Found | None:
    """A second share of the part the share before it is of, said with a whole of its own and
    no verb between them: "represented 14% of our sales in the fourth quarter and 12% of our
    sales for the full year"."""
    if last is None or last.kind != "share" or not last.subject.part:
        return None
    between = text[last.position : match.start()]
    between = between[between.find("%") + 1 :] if "%" in between else between
    against = _AGAINST_SHARE.search(between, max(0, len(between) - 60))
    if against is not None:  # "46% of revenue in 2017 compared to 36% of revenue in 2016"
        between = between[: against.start()] + ","
    if not re.search(r"(?:,|\band)\s*$", between) or ";" in between:
        return None
    if any(map(finite_verb, words_of(between))):
        return None
    cmp_match = compared_at_end(text, tail(text, 40, match.start()), match.start())
    value = float(match["num"]) if match["num"] else 0.0
    return last._replace(value=value, comparison=comparison_said(cmp_match), position=match.start())


# The word a share of an earlier period is set against the first by, right before its figure.
_AGAINST_SHARE = led(
    r",?\s*\b(?:versus|vs\.?|(?:as\s+)?compared\s+(?:to|with)|up\s+from|down\s+from)\s*"
    r"(?:(?:approximately|about|roughly|nearly|over|almost|just)\s+)?$",
    re.I,
)


# A share's verb before a list of shares of several wholes: "Digital comprised 36% of
# transactions and 24% of revenues for the C2C segment" (the second is the revenue's).
# A share's verb, and a comparison word before its figure.
_VERB = (
    r"(?:comprised|comprises|comprising|represented|represents|representing|"
    r"accounted\s+for|accounts\s+for|accounting\s+for|made\s+up|makes\s+up|making\s+up)\s+"
    r"(?:(?:approximately|about|roughly|nearly|over|almost)\s+)?"
)
_LISTED_SHARES = led(r"\b" + _VERB + r"\d[\d.]*\s*%\s+of\s+(?:[\w-]+\s+){1,3}?(?:and|,)\s*$", re.I)


def listed_share_verb(before: str) -> int | None:
    """Where the verb of a list of shares of several wholes stands in `before` (the words
    before the list's second figure), None where no such list is said."""
    said = _LISTED_SHARES.search(before, tail(before, 100))
    return said.start() if said else None


# The words a second share is said with beside a first: "…, while restructuring represented",
# "… with master service agreements comprising".
_NEXT_SHARE = led(
    r"\s*,?\s*(?:while|whereas|and|with)\s+(?:[\w&'’-]+\s+){1,6}?" + _VERB + r"\d+(?:\.\d+)?\s*%",
    re.I,
)
_BESIDE = led(
    r"\s*,?\s*(?:while|whereas|and|with)\s+(?P<name>(?:[\w&'’-]+\s+){1,6}?)" + _VERB, re.I
)


def whole_said_next(sentence: str, end: int) -> str:
    """The whole of a share that ends its clause (at `end`) with its verb but no whole, where
    the share said beside it next names one: "Business transformation represented 62%, while
    restructuring represented 38% of segment revenues" (both of the segment's revenues); ""
    otherwise."""
    if "%" not in sentence[max(0, end - 3) : end] or not _ENDS_SHARE.search(
        sentence, max(0, end - 80), end
    ):
        return ""
    beside = _NEXT_SHARE.match(sentence, end)
    whole = SHARE_OF.match(sentence[beside.end() :]) if beside else None
    return " " + whole.group().strip() if whole else ""


_ENDS_SHARE = led(_VERB + r"\d+(?:\.\d+)?\s*%\s*$", re.I)


def share_beside(text: str, last: Found | None, match: re.Match[str]) -> Found | None:
    """A share said with no whole beside the share of a whole before it, which is its whole
    too: "Individual projects comprised 68% of our revenue with master service agreements
    comprising 32%"."""
    if last is None or last.kind != "share" or not match["num"]:
        return None
    prior = FIGURE.match(text, last.position)
    whole = SHARE_OF.match(text[prior.end() :]) if prior else None
    if prior is None or whole is None:
        return None
    said = _BESIDE.fullmatch(text, prior.end() + whole.end(), match.start())
    subject = read_subject(said["name"], revenue_said=True) if said else None
    if subject is None or not subject.part:
        return None
    cmp_match = compared_at_end(text, tail(text, 40, match.start()), match.start())
    value = float(match["num"])
    return last._replace(
        value=value, comparison=comparison_said(cmp_match), subject=subject, position=match.start()
    )


def share_verb(before: str) -> int | None:
    """Where the verb of a share said right before its figure stands, None where none is."""
    match = SHARE_VERB.search(before, tail(before, 120))
    return match.start() if match else None


def share_of_whole(
    text: str,
    match: re.Match[str],
    whole: re.Match[str],
    before: str,
    after: str,
    *,
    value: float,
    comparison: str,
    first: bool,
    revenue_said: bool,
    last: Found | None,
) -> Found | None:
    """The share a figure (`match` in the clause `text`, `before` and `after` the words around
    it) said "of" a whole (`whole`, SHARE_OF's match in `after`) gives, or none: its part named
    by the share's verb before it ("Software represented 14% of revenue"), after it ("30% of our
    revenue comes from software"), or by the share before it (`last`); none of a whole that is
    no revenue ("50% of all new business") or more than the whole ("250% of revenue")."""
    if NOT_REVENUE.search(whole.group()) or _other_owner(whole["owner"]):
        return None  # "close to 50% of all new business": of what is signed, no revenue
    if whole["of"].lower() == "total" and _TOTAL_OF_ANOTHER.search(before):
        return None  # "62 of our total communities or 31% of total": a count's
    if _A_YEAR_BEFORE.search(whole["owner"]) or (
        _PERIOD_NAMED.search(whole["owner"]) and _YEAR_BEFORE_AFTER.match(after, whole.end())
    ):  # "about 90% of last year's sales", "97% of third quarter sales last year": a
        return None  # comparison with a year before (not "35% of our sales last year")
    if value > 100 or re.search(
        r"\b(?<!upwards\s)(?<!excess\s)(?:of|from)\s*(?:the\s+|each\s+)?$", before[-12:], re.I
    ):
        return None  # no part is more than the whole: "250% of revenue" is no share
    share_at = share_verb(before)
    if _MADE_BEFORE.search(before, tail(before, 40)) and _MADE_FROM.match(after, whole.end()):
        share_at = None  # "generates 70% of its revenues from services": the services'
    if share_at is None and last is None:
        share_at = listed_share_verb(before)  # "comprised 36% of transactions and 24% of"
    if share_at is None:
        again = share_again(text, last, match)
        if again is not None:
            return again._replace(of=share_of(whole))
        return share_from(after, whole, value, comparison, match.start(), before=before)
    if _ANOTHER_NAMED.match(before, share_at) and _AFTER_ITEM.search(before[:share_at]):
        return None  # "…decreased to 20% of revenue, and at Lilly Pulitzer 21%": another's
    if re.search(r"\beach\s+(?:(?:about|approximately|roughly|nearly)\s+)?$", before):
        return None  # "Equitrans Midstream and Comcast were each 5% of revenue": each's
    antecedent = relative_antecedent(text, share_at)
    if antecedent is not None:  # "gold, which represents 75% of Pagoda sales": gold's
        return Found("share", value, comparison, antecedent, "", match.start(), of=share_of(whole))
    subject = grown_before(text, share_at, last) or subject_at(
        text, share_at, "", first, revenue_said
    )  # (a part's share said after its growth: "with X up 20% to $2.3 billion, accounting for")
    if subject.other and relative_unread(text, share_at):
        return None  # "…, which today represents 13%": whose, not read
    if subject.name in ("", COMPANY) or not (subject.revenue or subject.name[0].isupper()):
        subject = clause_subject(text, first, revenue_said)
    if subject.name == COMPANY or clause_subject(text, first, revenue_said).other:
        return None  # no share of itself; "Operating income was $54.3 million or 20% of revenue"
    return Found("share", value, comparison, subject, "", match.start(), of=share_of(whole))


def _other_owner(owner: str) -> bool:
    """Whether a share's whole is of a measure that is no revenue ("34% of gross profit and
    experienced revenue growth"); a capitalised name's words are its own ("Global Client")."""
    return other_in(" ".join(w for w in owner.split() if not w[:1].isupper()))


# A whole of a year before: "90% of last year's sales", "97% of third quarter sales last year".
_A_YEAR_BEFORE = led(r"\b(?:last|prior|previous|year[- ]ago)\b", re.I)
_PERIOD_NAMED = led(r"\b(?:quarter|month|year|half)\b", re.I)
_YEAR_BEFORE_AFTER = led(r"\s+(?:of\s+)?(?:last|a)\s+year\b", re.I)
# "at" a name after a figure before it: the next figure is that name's, no share verb's.
_ANOTHER_NAMED = led(r"at\s+[A-Z]")
_AFTER_ITEM = led(r"%[^%]*(?:,|\band)\s*$")


# A clause of its own before a relative one: a verb of being, or a person acting.
_OWN_CLAUSE = led(r"\b(?:is|are|was|were|we|they)\b", re.I)
_CHANGE_OF = led(r"\b(?:growth|increase|decline|rise|strength|weakness)\s+(?:of|in)\s+", re.I)


def relative_antecedent(text: str, at: int) -> Subject | None:
    """The part a relative clause opened right before the verb at `at` is said of ("gold,
    which represents 75% of sales": gold), where the phrase before it names one; None
    elsewhere, and for a measure that is no revenue ("Operating income, which represented")."""
    relative = RELATIVE_BEFORE.search(text, max(0, at - 40), at)
    if relative is None:
        return None
    phrase = phrase_before(text, relative.start())
    if any(map(finite_verb, words_of(phrase))) or _OWN_CLAUSE.search(phrase):
        return None  # "Our largest market is the U.K., which …": the clause's own reading
    change = _CHANGE_OF.search(phrase)  # "the faster growth of online courses, which …"
    said = read_subject(phrase[change.end() :] if change else phrase, revenue_said=True)
    if not said.name or said.name == COMPANY or said.other or said.anaphor:
        return None
    return said


def gapped_share(
    before: str, last: Found | None, value: float, comparison: str, at: int
) -> Found | None:
    """A second part's share whose verb was said once, before it ("EMEA accounted for 28% of
    revenue, up approximately 18%, and APJ for 15%": APJ's 15%), its whole the first's."""
    gapped = _GAPPED.search(before, max(0, len(before) - 80)) if last is not None else None
    if gapped is None or last is None or value > 100:
        return None
    if last.kind != "share" and not _SHARE_SAID.search(before, 0, gapped.start()):
        return None
    named = read_subject(gapped["name"], revenue_said=True)
    if named.name in ("", COMPANY) or named.other or named.anaphor:
        return None
    of = last.of if last.kind == "share" else ""
    return Found("share", value, comparison, named, "", at, of=of)


# A second part whose share's verb is said once, before: ", and APJ for 15%".
_GAPPED = led(r",?\s+and\s+(?P<name>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})\s+(?:for|at)\s+$")
_SHARE_SAID = led(
    r"\b(?:accounted\s+for|represented|made\s+up|comprised)\s+[\d.]+\s?%\s+of\s+"
    r"(?:our\s+|total\s+){0,2}(?:revenues?|sales)\b",
    re.I,
)


def business_whole(sentence: str) -> bool:
    """Whether `sentence` says a share of the business ("the restricted arena, which comprises
    over 30% of our business"): revenue said, as "of our revenue" says it."""
    said = _OF_THE_BUSINESS.search(sentence)
    if said is None or said["business"]:
        return said is not None
    return _TOTAL_OF_ANOTHER.search(sentence, 0, said.start()) is None  # a count's, as below


_TOTAL_OF_ANOTHER = led(r"\btotal\s+(?!(?:net\s+)?(?:revenues?|sales)\b)[a-z]", re.I)


_OF_THE_BUSINESS = led(
    r"(?:%|\bpercent)\s+of\s+(?:(?:our|the|its|this|total|overall)\s+)?(?P<business>business)\b"
    r"(?!\s+(?:new|volume|development|activity|activities|days?|travel|outlook|units?)\b)|"
    r"(?:%|\bpercent)\s+of\s+total(?=\s*(?:[,.;]|$))",  # "health care is about 8% of total."
    re.I,
)
