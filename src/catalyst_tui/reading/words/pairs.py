"""Figures paired with names (figures.py reads a figure that has its own):

- **"respectively"** pairs a list of names with a list of figures in order, the one verb or "of
  revenue" saying what each is: "Products and services were 64% and 36% of revenue,
  respectively"; "grew 5% and 7% in the third and fourth quarters, respectively" gives the
  subject a growth a period. A list whose names and figures do not pair one to one gives
  nothing;
- **in order** without the word, where one verb stands between a list of names and a list of
  as many figures that ends the clause: "The Americas and EMEA grew 5% and 3%"; "Specialty
  Solutions revenue and operating income increased 18.3% and 32.4%" (revenue's the first);
- **"both" or "each"** after two to four names, or "both" before them, gives each the one
  figure: "Surgery and Peripheral Intervention revenues are both up 8%"; "Banking and Insurance
  both grew over 20%"; "A, B and C each growing over 75%". Names that are measures ("orders",
  "operating income") or months give nothing, and each name passes the gates it would alone;
  a part's verb that acts on what is no revenue ("X and Y increased comparable sales by 2.6% and
  3.3%, respectively") gives nothing."""

from __future__ import annotations

import re

from ..leads import led
from .acted_on import acted_on
from .lists import LIST_SEPARATOR, Found
from .measure_words import measures_in, pair_of_measures, revenue_of_pair
from .patterns import (
    AMOUNT,
    CMP,
    FIGURE,
    NEGATIVE,
    SHARE_OF,
    VERB_THEN,
    comparison_before,
    share_of,
)
from .phrases import other_measure, phrase_before
from .records import COMPANY
from .respective import REPORTED_NOUN, after_drivers, named_otherwise, paired_growths, ways_said
from .subjects import Subject, read_subject
from .vocabulary import PART_WORDS, PERIOD, PERIOD_WORD, REVENUE_WORDS

__all__ = ["both", "in_order", "paired_span", "respectively"]


_RESPECTIVELY = led(r",?\s*\brespectively\b", re.I)
_LED_BY = led(r"\b(?:led|driven)\s+by\s+(?P<names>[^,;%]{1,80}),\s*$", re.I)
_BETWEEN_FIGURES = led(LIST_SEPARATOR + r"(?:an?\s+)?" + CMP, re.I)
# Ways of measuring the company's revenue, listed as the names of its figures: "Reported and
# organic net sales increased 28% and 24.3%, respectively" (each the company's).
# A mix of revenue between named parts, its figures next: "a more balanced revenue split
# between semiconductor and advanced markets, which is now".
_MIX_BETWEEN = led(
    r"\b(?:revenues?|sales)\s+(?:mix|split)\s+between\s+(?P<names>[^,;%]{1,80}?)\s*"
    r"(?:,\s*which\s+)?(?:is|was|are|were)\s+(?:now\s+)?"
    r"(?:(?:about|approximately|roughly|around)\s+)?$",
    re.I,
)
_IN_NAMES = led(
    r"^\s*+(?:(?:year[- ]over[- ]year|sequentially|organically)\s++)?"  # "… 74% year-over-year in"
    r"(?:in|for|from)\s+(?P<names>[^,;%]{1,120}?)\s*,?\s*$",
    re.I,
)
# A place said as an adverb in a pair's names: "in the U.S. and internationally".
_PLACE_ADVERBS = {"internationally": "international", "domestically": "domestic"}


def respectively(text: str, first: bool, revenue_said: bool) -> list[Found] | None:
    """The figures of a clause with "respectively", each with its name; None for a clause
    without the word, [] for one whose names and figures do not pair."""
    said = _RESPECTIVELY.search(text)
    if said is None:
        return None
    figures = _paired_run(text, said.start())
    if len(figures) < 2:
        return []  # not one list of figures
    cut = after_drivers(text, figures[0].start())
    if cut is not None:  # those before it are each read on their own, the pair in its words
        pair = respectively(text[cut:], False, revenue_said) if cut else None
        return [f._replace(position=f.position + cut) for f in pair or ()]
    rest = text[figures[-1].end() : said.start()]
    share = SHARE_OF.match(rest)
    head = text[: figures[0].start()]
    verb = VERB_THEN.search(head)
    if share is None:  # "$50 million of sales and $13 million of EBITDA, up 32% and 62%"
        otherwise = named_otherwise(text, figures, head, _owner(text, head, first))
        if otherwise is not None:
            return otherwise
    mix = _MIX_BETWEEN.search(head) if share is None else None
    if mix is not None:  # "The revenue mix between MRO and Greenfield was 60% and 40%"
        names = _names(mix["names"])
        parts = _named(names, text, first, True, False, pair=False)
        if parts is None or len(names) != len(figures):
            return []
        return _each_found(text, figures, parts, names, kind="share")
    if share is None and (verb is None or verb.end() != len(head)):
        return []  # neither "of revenue" nor a verb of change says what the figures are
    if share is None and verb is not None and acted_on(verb["gap"], of_part=True):
        return []  # "X and Y increased comparable sales by 2.6% and 3.3%": what they acted on
    within = verb["within"].split() if share is None and verb is not None and verb["within"] else []
    if within and other_measure(within[-1].lower()):
        return []  # "X and Y recorded decreases in activity of 39% and 25%": the activity's
    names_at = _IN_NAMES.match(rest[share.end() :] if share else rest)
    if names_at and share is None and verb is not None:
        measured = read_subject(phrase_before(text, verb.start()))
        if measured.other:
            return []  # "our TV view share has grown 15% and 22% in the US and UK": the share's
    names = _names(names_at["names"]) if names_at else []
    periods = bool(names) and all(_a_period(n) for n in names)
    if not names or periods:
        at = verb.start() if verb is not None else _share_verb_at(head)
        names = _names(phrase_before(text, at)) if at is not None and not periods else names
    if len(names) != len(figures) and verb is not None and share is None:
        said = REPORTED_NOUN.search(head, 0, verb.start())  # "X, Y and Z reported growth of"
        if said is not None and any(map(other_measure, said.group().lower().split())):
            return []  # "X and Y reported operating earnings growth of 16.6% and 16.5%"
        if said is not None:
            names = _names(phrase_before(text, said.start()))
            leaders = _LED_BY.search(text, 0, said.start()) if not names else None
            names = _names(leaders["names"]) if leaders else names  # "led by X and Y, with …"
    if not names and verb is not None and share is None:
        names = _names(measures_in(head[: verb.start()]))  # "growth in both bookings and revenue"
    subjects: list[Subject | None] | None = None
    ways = ways_said(head, verb.start()) if verb is not None and share is None else None
    if len(names) != len(figures) and ways is not None:  # "Reported and organic net sales"
        if ways[0] != len(figures):
            return []
        names, subjects = [ways[1]] * len(figures), [ways[2]] * len(figures)
    if len(names) != len(figures):
        return []
    if subjects is None:
        of_revenue = revenue_said or share is not None
        subjects = _named(
            names, text, first, of_revenue, periods, pair=share is None and not periods
        )
    if subjects is None:
        return []
    sign = -1 if verb is not None and NEGATIVE.match(verb["verb"]) else 1
    kind = "share" if share is not None else "growth"
    of = share_of(share) if share is not None else ""
    return _each_found(text, figures, subjects, names, kind=kind, sign=sign, periods=periods, of=of)


def _each_found(
    text: str,
    figures: list[re.Match[str]],
    subjects: list[Subject | None],
    names: list[str],
    *,
    kind: str,
    sign: int = 1,
    periods: bool = False,
    of: str = "",
) -> list[Found]:
    """Each figure of a pair with its subject (none where the subject is another measure's),
    its name a period's where `periods`; a word of degree before the list's first figure is
    each one's ("up approximately 5% and 21%, respectively")."""
    first_said = comparison_before(text, figures[0].start())
    return [
        Found(
            kind,
            sign * float(figure["num"]),
            comparison_before(text, figure.start()) or first_said,
            subject,
            "",
            figure.start(),
            period=name if periods else "",
            of=of,
            paired=True,
        )
        for figure, subject, name in zip(figures, subjects, names, strict=True)
        if subject is not None
    ]


# After a list of figures, another way of measuring the same: the figures are one growth's.
_ANOTHER_WAY = led(
    r"\b(?:basis|currency|organic(?:ally)?|constant|excluding|without|ex|adjusted|reported)\b",
    re.I,
)
_AMOUNT_OR = led(AMOUNT + r",?\s*+or\b", re.I)  # an amount, then "or" and its growth


def in_order(
    text: str, found: list[re.Match[str]], first: bool, revenue_said: bool
) -> list[Found] | None:
    """The figures of a clause that pairs a list of names with as many figures in order with
    no "respectively" (each figure of the clause, `found`, in one list after its verb, the
    names the phrase before the verb); None where the clause says no such pair."""
    if " and " not in text:
        return None  # the last two figures are joined by "and" (looked for first: quick)
    figures = [m for m in found if m["num"]]
    if len(figures) < 2 or not all(
        _BETWEEN_FIGURES.fullmatch(text, a.end(), b.start())
        for a, b in zip(figures, figures[1:], strict=False)
    ):
        return None
    if " and " not in text[figures[-2].end() : figures[-1].start()] or _ANOTHER_WAY.search(
        text, figures[-1].end()
    ):
        return None  # "4%, 3% on a constant-currency basis": one growth said two ways
    head = text[: figures[0].start()]
    verb = VERB_THEN.search(head)
    if verb is None or verb.end() != len(head) or verb["obj"] or verb["seen"]:
        return None
    if _AMOUNT_OR.search(verb["gap"] or ""):
        return None  # "increased $9 million or 4%": the amount's growth, then another way
    names = _names(phrase_before(text, verb.start()))
    if len(names) != len(figures) or any(_a_period(n) for n in names):
        return None
    subjects = _named(names, text, first, revenue_said, False, pair=True)
    if subjects is None or all(s is None for s in subjects):
        return None
    return paired_growths(text, figures, subjects, -1 if NEGATIVE.match(verb["verb"]) else 1)


def _paired_run(text: str, said: int) -> list[re.Match[str]]:
    """The figures "respectively" (at `said`) pairs: the one list of them that ends before it,
    back from its last ("increased 30% year over year, supported by growth in domestic and
    international markets of 17% and 52%, respectively": the 17% and the 52%)."""
    figures = [m for m in FIGURE.finditer(text, 0, said) if m["num"]]
    run = figures[-1:]
    for a, b in zip(figures[-2::-1], figures[:0:-1], strict=False):
        if not _BETWEEN_FIGURES.fullmatch(text, a.end(), b.start()):
            break
        run.insert(0, a)
    return run


def paired_span(text: str, ordered: int | None = None) -> tuple[int, int, list[re.Match[str]]]:
    """Where the figures "respectively" pairs begin, where the word ends, and those figures
    (the text's length twice and none where it pairs none): the figures before and after are
    each read on their own. A pair in order with no word (at `ordered`) ends its clause."""
    if ordered is not None:
        return ordered, len(text) + 1, []
    said = _RESPECTIVELY.search(text)
    run = _paired_run(text, said.start()) if said is not None else []
    if len(run) < 2 or said is None:
        return len(text), len(text), []
    return run[0].start(), said.end(), run


def _owner(text: str, head: str, first: bool) -> Subject:
    """Whose revenue a pair of measures says: the clause's subject, or the company's where
    that names no part ("These investments led to …", "we", the measures themselves)."""
    from .clauses import clause_subject

    owner = clause_subject(text, first, True)
    if not owner.name or owner.other or owner.anaphor:
        return Subject(COMPANY, True, False, False)
    return owner


# Two parts said together, then "both" or "each" before the verb: "Surgery and Peripheral
# Intervention revenues are both up 8%".
_BOTH = led(r"\s+(?:(?:are|were|have|has)\s+)?(?:both|each|all)\s*$", re.I)
# "both" before the names: "as both digital and print advertising grew approximately 40%".
_BOTH_FIRST = led(r"^both\s+", re.I)
_REVENUE_HEAD = led(r"\b(?:revenues?|sales)$", re.I)
#: A clause where `both` may give one figure to several names: "both", "each", or revenue
#: said with another measure ("orders and revenue").
BOTH_SAID = led(r"\b(?:both|each|all)\s|\band\s+(?:net\s+)?(?:revenues?|sales)\b", re.I)


def both(text: str, figure: re.Match[str], revenue_said: bool, first: bool) -> list[Found]:
    """The first figure of a clause given to each of the parts named together with "both",
    "each" or "all" and its verb ("Europe and Asia were both up 12%"; "A, B and C each grew
    over 75%"; "both digital and print advertising grew 40%"), or to the revenue of two measures
    named so ("Net sales and adjusted EBITDA were both up 7%": the clause owner's); [] where the
    clause says no such list, or a name in it is another measure, a period or no part."""
    head = text[: figure.start()]
    verb = VERB_THEN.search(head)
    if verb is None or verb.end() != len(head) or verb["obj"]:
        return []
    said = _BOTH.search(head, 0, verb.start())
    if said is not None and said.end() == verb.start():
        phrase = phrase_before(text, said.start())
    else:
        phrase = phrase_before(text, verb.start())
        opened = _BOTH_FIRST.match(phrase)
        if opened is None:
            return pair_of_measures(_names(phrase), text, figure, verb, first)
        phrase = phrase[opened.end() :]
    names = _names(phrase)
    if said is not None and _of_other_measure(text[: said.start()], first):
        return []  # "Volume growth was strong in regions A, B and C, each growing 20%": volume's
    revenues = _REVENUE_HEAD.search(phrase) is not None  # "X and Y revenues are both up 8%"
    most = 2 if revenues and said is None else 4  # "A, B and C revenue all grew": each's
    if not 2 <= len(names) <= most or any(_a_period(n) for n in names):
        return []  # nor two months ("May and June were both up")
    sign = -1 if NEGATIVE.match(verb["verb"]) else 1
    value = sign * float(figure["num"])
    if not revenues and any(_a_measure(n) for n in names):
        # two measures: revenue's the figure ("Net sales and adjusted EBITDA were both up
        # 7%"); never two measures of no revenue ("orders both grew") nor two companies
        measured = revenue_of_pair(names, text, first) if len(names) == 2 else None
        return [
            Found("growth", value, comparison_before(text, figure.start()), s, "", figure.start())
            for s in measured or ()
            if s is not None
        ]
    subjects = _subjects(names, revenue_said, False, text, False)
    if subjects is None or any(s.name == COMPANY or (revenues and not s.revenue) for s in subjects):
        return []
    return [
        Found("growth", value, comparison_before(text, figure.start()), s, "", figure.start())
        for s in subjects
    ]


def _of_other_measure(lead: str, first: bool) -> bool:
    """Whether the words before a list's "each", "both" or "all" have another measure for
    subject ("Payments volume growth rates were strong in A, B and C" before "each")."""
    from .clauses import clause_subject

    return clause_subject(lead, first, False).other


def _names(phrase: str) -> list[str]:
    """ "Cloud, licenses and maintenance": three names; a head the last one ends with and the
    others lack ("Hardware and software revenue", "Industrial and Medical segments") is theirs
    too, where it is a common noun or a part's word (not "Leica Biosystems")."""
    items = [n.strip() for n in re.split(LIST_SEPARATOR, phrase.strip(), flags=re.I) if n.strip()]
    items = [_PLACE_ADVERBS.get(n.lower(), n) for n in items]
    if len(items) < 2:
        return []
    if items[0][:5].lower() == "both ":
        items[0] = items[0][5:]  # "Both golf club and golf ball sales": a determiner, no name
    *rest, last = items
    words = last.split()
    head = words[-1] if len(words) > 1 else ""
    if (
        head
        and (head.islower() or head.lower() in PART_WORDS or head.lower() in REVENUE_WORDS)
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


def _named(
    names: list[str], text: str, first: bool, revenue_said: bool, periods: bool, *, pair: bool
) -> list[Subject | None] | None:
    """Each paired name's subject: with `pair`, a measure and revenue named as a pair ("Orders
    and revenue were up …": None for the measure's figure); else each name read as a part."""
    if pair:
        measured = revenue_of_pair(names, text, first)
        if measured is not None:
            return measured
    each = _subjects(names, revenue_said, periods, text, first)
    return None if each is None else list(each)


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


_SHARE_VERB = led(
    r"\b(?:accounted\s+for|represented|comprised|made\s+up|were|was|are|is)\s+$", re.I
)


def _share_verb_at(head: str) -> int | None:
    match = _SHARE_VERB.search(head)
    return match.start() if match else None


# A mix said with its items, each a figure then its name: "our sales mix consists of 73.9%
# dine-in, 13.9% delivery and 12.2% To-Go".
