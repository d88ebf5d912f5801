"""A growth's measure said in words the earlier rules did not read: its qualifier
("with underlying growth of 12%"), a part that reported it ("Polymers & Fluids reported record
organic growth of 6%"), revenue on a pair of measures with "respectively" ("bookings and
revenue, up 36% and 9%, respectively"), and revenue's figure where it shares one verb and one
figure with another measure ("Full year orders and revenue rose 8%")."""

from __future__ import annotations

import re

from ..leads import led
from .attribution import other_in
from .lists import Found
from .patterns import COMPARISON, FIGURE, NEGATIVE, comparison_before, tail
from .records import COMPANY
from .subjects import Subject, read_subject

# A measure's qualifier right before its noun of growth: "with organic growth of 12%" is the
# growth of what the clause measured ("revenue was $7.3 billion"), said another way.
_MEASURE_QUALIFIER = led(r"(?<=\bwith\s)(?:organic|underlying|operational)\s+$", re.I)
_GROWTH_NOUN = led(r"(?:an?\s+)?(?:growth|increase|decline)\s+of\b", re.I)
# A part named as the sentence's subject, then a verb of reporting and the growth's own words:
# "Polymers & Fluids reported record organic growth of 6%" is the part's.
_PART_REPORTED = led(
    r"(?<![\w&'’-])(?P<name>(?-i:[A-Z][\w'’-]*+)(?:\s++(?:&|and|(?-i:[A-Z][\w'’-]*+))){0,4}+)"
    r"\s++(?:reported|delivered|posted|achieved|generated)\s++"
    r"(?:(?:record|organic|underlying|operational|strong|solid)\s++){1,3}+$"
)
# The measures a growth is in, said before the figures: "delivered growth in both bookings
# and revenue, up 36% and 9%".
_MEASURES_IN = led(
    r"\b(?:growth|increases?|gains?)\s+in\s+(?:both\s+)?(?P<names>[^,;%]{1,80})\s*,\s*$", re.I
)
_HEADED_BY_REVENUE = led(r"(?:[\w&/.'’-]+\s+){1,3}(?:revenues?|sales)", re.I)
# Revenue named as a measure beside others: "net revenues", "quarterly revenue", "sales in Q3".
REVENUE_NAME = led(
    r"(?:(?:total|net|our|the|its|consolidated|first|second|third|fourth|quarter(?:ly)?|annual|"
    r"full[- ]year)\s+)*(?:revenues?|sales)(?:\s+(?:in\s+)?Q[1-4])?",
    re.I,
)


def governor_before(before: str) -> int:
    """Where the phrase that governs a noun of change begins: "we delivered 13% total revenue
    growth" is governed by "delivered", "a 41% increase" by the article."""
    at = tail(before, 40)
    stripped = before[:at] + COMPARISON.sub("", before[at:])
    # the article and its adjectives: "a meaningful 5% net sales growth" is governed by
    # what stands before "a"
    stripped = re.sub(r"\b(?:an?|the)(?:\s+[a-z][a-z-]*){0,2}\s*$", "", stripped.rstrip())
    # a magnitude said in words before the figure: "delivered double-digit 15% growth"
    stripped = _MAGNITUDE_BEFORE.sub("", stripped.rstrip())
    # a period of the growth: "posted another solid quarter of 25% organic growth"
    stripped = re.sub(
        r"\b(?:an?|another|its|their|the)(?:\s+[a-z][a-z-]*){0,2}\s+(?:quarter|year|half|period)"
        r"\s+of\s*$",
        "",
        stripped.rstrip(),
    )
    return len(stripped.rstrip())


# A vague magnitude said as an adjective of the figure after it.
_MAGNITUDE_BEFORE = led(
    r"\b(?:(?:low|mid|high)[- ])?(?:single|double|triple)[- ]digits?\s*$|"
    r"\b(?:low|mid|high)[- ]teens\s*$",
    re.I,
)


def qualified_governor(before: str, governor: int, word: str) -> int:
    """Where the words governing a growth's noun (`word`, at `governor`) begin, its measure's
    qualifier after "with" among them ("…$7.3 billion with underlying growth of 12%")."""
    qualified = _MEASURE_QUALIFIER.search(before, max(0, governor - 30), governor)
    if qualified is not None and _GROWTH_NOUN.match(word):
        return qualified.start()
    return governor


def part_reported(text: str, governor: int) -> Subject | None:
    """The part that reported the growth whose noun stands at `governor` ("Polymers & Fluids
    reported record organic growth of 6%"), None where no part is named so."""
    reported = _PART_REPORTED.search(text, max(0, governor - 80), governor)
    if reported is None:
        return None
    named = read_subject(reported["name"])
    if named.name in ("", COMPANY) or named.other or named.anaphor:
        return None
    return named


def measures_in(head: str) -> str:
    """The measures a growth is said in before its figures ("growth in both bookings and
    revenue, "), "" where none are."""
    said = _MEASURES_IN.search(head, max(0, len(head) - 120))
    return said["names"] if said is not None else ""


# A part named as the owner of a pair's first measure: "FCD's bookings and sales".
_OWNER_FIRST = led(r"\s*+(?P<owner>(?-i:[A-Z])[\w&.-]*+(?:\s++(?-i:[A-Z])[\w&.-]*+){0,3}+)['’]s\s")


def revenue_of_pair(names: list[str], text: str, first: bool) -> list[Subject | None] | None:
    """Each name's subject where the names are measures, one of them revenue and the others no
    revenue ("bookings and revenue", "Orders and revenue"): revenue's figure is the clause's
    owner's (the company's where the measures open the clause), the others' none; None for names
    of any other kind."""
    from .clauses import clause_subject, frame_of

    revenue = [i for i, n in enumerate(names) if REVENUE_NAME.fullmatch(n.strip())]
    others = [i for i, n in enumerate(names) if i not in revenue and other_in(n)]
    if not revenue and len(others) == len(names) - 1:  # "C2C revenues and transactions"
        named = [i for i in range(len(names)) if i not in others]
        if not _HEADED_BY_REVENUE.fullmatch(names[named[0]].strip()):
            return None  # "revenue in Europe": where the pair's place stands, unsaid
        part = read_subject(names[named[0]], revenue_said=True)
        if part.revenue and part.name not in ("", COMPANY) and not (part.other or part.anaphor):
            return [part if i == named[0] else None for i in range(len(names))]
    if len(revenue) != 1 or len(revenue) + len(others) != len(names):
        return None
    # the measures open the clause: the company's ("Orders and revenue were up 12% and 8%")
    framed, body_at = frame_of(text)  # after a frame that names none: "In the first quarter,"
    body = text if framed else text[body_at:]
    opening = body.lstrip().lower().startswith(names[0].split()[0].lower())
    owner = Subject(COMPANY, True, False, False) if opening else clause_subject(text, first, True)
    in_part = read_subject(framed, revenue_said=True) if framed else None
    if in_part is not None and in_part.part:  # "At the X segment, revenue and operating
        owner = in_part  # income increased 18.3% and 32.4%, respectively": X's revenue
    owned = _OWNER_FIRST.match(names[0])
    if owned is not None:  # "FCD's bookings and sales were down 16% and 18.7%": FCD's sales
        owner = Subject(owned["owner"], True, False, False)
    if not owner.name or owner.other or owner.anaphor:
        return None
    return [owner if i in revenue else None for i in range(len(names))]


def pair_of_measures(
    names: list[str], text: str, figure: re.Match[str], verb: re.Match[str], first: bool
) -> list[Found]:
    """Revenue's figure where revenue and another measure (`names`, the phrase before the verb
    cut at "and") share one verb and the clause's only figure ("Full year orders and revenue
    rose 8%"); [] for anything else."""
    if len(names) != 2 or not _BARE_MEASURE.fullmatch(names[0].strip()):
        return []  # "Molding Solutions organic orders and sales": the part's, a name said
    measured = revenue_of_pair(names, text, first)
    if not measured or len(FIGURE.findall(text)) != 1:
        return []
    value = (-1 if NEGATIVE.match(verb["verb"]) else 1) * float(figure["num"])
    cmp = comparison_before(text, figure.start())
    return [Found("growth", value, cmp, s, "", figure.start()) for s in measured if s is not None]


# A measure said bare, its period and qualifiers before it: "Full year orders", "bookings".
_BARE_MEASURE = led(
    r"(?:(?:full[- ]year|fiscal|quarterly|annual|total|organic|net|adjusted|our)\s+)*[a-z][\w-]*",
    re.I,
)
