"""Names that "respectively" pairs with figures, said otherwise than before one verb of change
(pairs.py reads those, and "of revenue"):

- **the names before a noun of growth**: "seasonal and transient growth rates of 19% and 50%,
  respectively"; "portfolio and revenue growth, up 26% and 20%, respectively" (revenue's is the
  clause's owner's, the other measure's none);
- **amounts, each of its measure**: "$50 million of sales and $13 million of EBITDA,
  representing increases of 32% and 62%, respectively"; "net revenues of $36.6 million and
  adjusted EBITDA of $14.7 million, increases of 78% and 29%" (revenue's growth is the clause's
  owner's, the others' none); a list whose every measure is not revenue or one, gives nothing;
- **a base list of shares**: "55% from EMEA, 28% from the Americas and 17% from Asia, compared
  to 60%, 19% and 22%, respectively, in the fourth quarter of 2016" gives each earlier share's
  name its base, in order."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..leads import led
from .lists import LIST_SEPARATOR, Found
from .measure_words import REVENUE_NAME
from .patterns import AMOUNT, CMP, FIGURE, NEGATIVE, VERB_THEN, comparison_before
from .phrases import phrase_before
from .records import COMPANY
from .subjects import Subject, read_subject

__all__ = [
    "REPORTED_NOUN",
    "after_drivers",
    "base_shares",
    "named_after",
    "named_otherwise",
    "paired_growths",
    "ways_said",
]

# A noun of growth that ends the head, the names just before it.
_GROWTH_NOUN = led(
    r"\s+growth(?:\s+rates?)?(?:\s+(?:of|was|were)|\s*,\s*(?P<way>up|down))\s+(?:"
    + CMP
    + r"\s+)?$",
    re.I,
)
# A verb that reports the noun of change after it, or the figures before theirs ("had 14% and
# 8% growth"): the names before the verb are the figures' (pairs.py).
REPORTED_NOUN = led(
    r"\b(?:reported|delivered|posted|achieved|generated|reflecting|showed|showing|recorded|had|"
    r"saw|experienced|with)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)
_GROWTH_AFTER = led(r"\s+(?:(?:revenue|sales)\s+)?growth\b", re.I)
# What a list of amounts is followed by before its figures: "representing increases of", "up".
_AMOUNTS_THEN = led(
    r",?\s*(?:(?:representing|reflecting|which\s+(?:were|was))\s+)?(?:an?\s+)?"
    r"(?:(?P<noun>increases?|decreases?|declines?|growth|gains?)\s+of|(?P<way>up|down))\s+"
    r"(?:" + CMP + r"\s+)?$",
    re.I,
)
# One amount and its measure, the item's end: "$50 million of sales", "net revenues of $36.6
# million", "$26.6 million in first quarter net revenues".
_AMOUNT_ITEM = led(
    r"(?:^|\s)(?:" + AMOUNT + r"\s+(?:of|in)\s+(?P<after>[\w\s'’-]{1,60})|"
    r"(?P<before>[\w'’-]+(?:\s+[\w'’-]+){0,7}?)\s+of\s+" + AMOUNT + r")$",
    re.I,
)
# A relative clause of the names' sales: "particularly home and active, where our sales".
_WHERE_SALES = led(
    r",\s*where\s+(?:our\s+)?(?:net\s+|total\s+)?(?:sales|revenues?)\s+(?:(?:were|was)\s+)?$",
    re.I,
)
# What the names of such a clause follow: "strength in", "particularly".
_LED_IN = led(r"\b(?:in|particularly|especially|notably|including|across)\s+", re.I)
_BASE_BEFORE = led(
    r"(?:compared\s+(?:to|with)|versus|vs\.?|against|from)\s+(?:the\s+)?$",
    re.I,
)


def named_otherwise(
    text: str, figures: list[re.Match[str]], head: str, owner: Subject
) -> list[Found] | None:
    """The pair the names before a noun of growth (or before a verb that reports the figures
    before theirs), or a list of amounts, make with `figures` (a clause's "respectively" list,
    after `head`); None where the head says neither. Revenue's figure is `owner`'s."""
    noun = _GROWTH_NOUN.search(head)
    if noun is not None:
        names = _items(phrase_before(text, noun.start()))
        negative = noun["way"] is not None and noun["way"].lower() == "down"
        return _measured(text, figures, names, owner, negative=negative)
    reported = REPORTED_NOUN.search(head) if _GROWTH_AFTER.match(text, figures[-1].end()) else None
    if reported is not None:  # "EMEA and APAC had 14% and 8% growth, respectively"; a list
        names = _items(phrase_before(text, reported.start()))  # its commas alone ("EMEA
        if len(names) < len(figures):  # region, APAC region had"): its last names
            names = _items(head[: reported.start()])[-len(figures) :]
        return _measured(text, figures, names, owner, negative=False)
    verb = VERB_THEN.search(head)
    where = _WHERE_SALES.search(head, 0, verb.start()) if verb and verb.end() == len(head) else None
    if verb is not None and where is not None:  # "home and active, where our sales increased"
        phrase = phrase_before(text, where.start())
        led_in = [m.end() for m in _LED_IN.finditer(phrase)]  # after the last of them
        names = _items(phrase[led_in[-1] :] if led_in else phrase)
        return _measured(text, figures, names, owner, negative=bool(NEGATIVE.match(verb["verb"])))
    then = _AMOUNTS_THEN.search(head)
    if then is None:
        return None
    items = _items(head[: then.start()])[-len(figures) :]
    measures = []
    for i, item in enumerate(items):
        said = _AMOUNT_ITEM.search(item)
        if said is None or (i and said.start() > 0):
            return None  # only the first item has words before it: "We generated $3.3 billion"
        if said["after"]:
            measures.append(said["after"].strip())
        else:
            measures.append(phrase_before(item, said.start("before") + len(said["before"])))
    word = (then["noun"] or then["way"]).lower()
    return _measured(text, figures, measures, owner, negative=bool(NEGATIVE.match(word)))


def _items(phrase: str) -> list[str]:
    return [n.strip() for n in re.split(LIST_SEPARATOR, phrase.strip(), flags=re.I) if n.strip()]


def _measured(
    text: str, figures: list[re.Match[str]], names: list[str], owner: Subject, *, negative: bool
) -> list[Found] | None:
    """Each figure of a pair of measures: revenue's the owner's, every other measure's none;
    parts named before a noun of growth each their own. None where the names do not pair."""
    if len(names) != len(figures) or len(names) < 2:
        return None
    sign = -1 if negative else 1
    revenue = [i for i, n in enumerate(names) if REVENUE_NAME.fullmatch(n.strip())]
    if revenue:  # the others beside revenue are measures too: "portfolio and revenue growth"
        if len(revenue) > 1 or not owner.name or owner.other or owner.anaphor:
            return None
        return paired_growths(
            text, figures, [owner if i in revenue else None for i in range(len(names))], sign
        )
    subjects = [read_subject(n, revenue_said=True) for n in names]
    if any(not s.name or s.name == COMPANY or s.other or s.anaphor for s in subjects):
        return None  # "volume and price growth of 3% and 2%": no revenue's
    return paired_growths(text, figures, subjects, sign)


def paired_growths(
    text: str, figures: list[re.Match[str]], subjects: Sequence[Subject | None], sign: int
) -> list[Found]:
    """Each figure of a pair a growth of its subject, in order (none where it has none)."""
    return [
        Found(
            "growth",
            sign * float(f["num"]),
            comparison_before(text, f.start()),
            subject,
            "",
            f.start(),
            paired=True,
        )
        for f, subject in zip(figures, subjects, strict=True)
        if subject is not None
    ]


def base_shares(text: str, figures: list[re.Match[str]], shares: list[Found]) -> list[Found]:
    """The base each share read before a "respectively" list (`figures`) takes from it, in order
    ("…, compared to 60%, 19% and 22%, respectively"); [] where the list is no base of them."""
    if not figures or len(shares) != len(figures):
        return []
    if not _BASE_BEFORE.search(text, 0, figures[0].start()):
        return []
    if any(s.kind != "share" for s in shares) or any(
        s.position > figures[0].start() for s in shares
    ):
        return []
    return [
        share._replace(
            value=float(f["num"]), position=f.start(), comparison=comparison_before(text, f.start())
        )
        for share, f in zip(shares, figures, strict=True)
    ]


def named_after(found: Found, text: str, resumed: int) -> bool:
    """Whether a figure read after a "respectively" pair (which ends at `resumed`) names its
    own subject after it: never the pair's names ("while revenues in EMEA and North America
    increased 22.8% and 8.1% respectively, revenues in Asia Pacific … declined 14.8%")."""
    return found.position < resumed or found.subject.name.lower() in text[resumed:].lower()


# Ways of measuring one revenue listed before it, its part (if any) first: "Reported and organic
# net sales", "Banking organic and adjusted revenue grew 6% and 4% respectively", "processing
# organic and adjusted revenue in the quarter declined by 7% and 8%".
_WAY = (
    r"(?:reported|organic|core|gaap|non-gaap|adjusted|underlying|as[- ]reported|"
    r"constant[- ]currency|currency[- ]neutral|local[- ]currency|fx[- ]neutral)"
)
_WAYS_SAID = led(
    r"(?:^|,|\bour)\s*(?P<part>(?:(?!" + _WAY + r"\b)[\w&'’-]+\s+){1,3}?)?"
    rf"(?P<ways>{_WAY}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_WAY})+)\s+"
    r"(?:(?:net|total)\s+)?(?:revenues?|sales)\b(?:\s+growth)?"
    r"(?:\s+(?:for|in)\s+the\s+(?:quarter|year))?"
    r"(?:\s+(?:were|was|are|is))?\s*$",
    re.I,
)


def ways_said(head: str, verb: int) -> tuple[int, str, Subject] | None:
    """How many ways of measuring one revenue `head` lists right before its verb (at `verb`),
    their words and whose revenue it is (the part named before them, or the company's); None
    where it lists none."""
    said = _WAYS_SAID.search(head, 0, verb)
    if said is None:
        return None
    count = len(re.split(LIST_SEPARATOR, said["ways"]))
    part = read_subject(said["part"].strip(), revenue_said=True) if said["part"] else None
    if part is not None and (part.other or part.anaphor or not part.name):
        return count, said.group().strip(), Subject("", False, True, False)
    return count, said.group().strip(), part or Subject(COMPANY, True, False, False)


# Words that say what drove a figure: a pair after them is its parts'.
_DROVE = led(r"\b(?:driven|led|primarily|mainly|largely|helped|thanks|including|from)\b", re.I)


def after_drivers(text: str, first: int) -> int | None:
    """Where a pair whose first figure stands at `first` is read from, where a figure stands
    before it: right after that figure, where the words between say what drove it ("HIV growth
    was 6%, driven by Biktarvy and Descovy, which grew 7% and 31% respectively"); 0 where they
    do not ("Revenue grew 6% in the year as volumes rose 20% and 30%, respectively": no pair
    read); None where no figure stands before it."""
    earlier = [*FIGURE.finditer(text, 0, first)][-1:]
    if not earlier:
        return None
    return earlier[0].end() if _DROVE.search(text, earlier[0].end(), first) else 0
